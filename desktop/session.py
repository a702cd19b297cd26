"""One open application: the single path for every change the GUI makes to stored data.

``EditSession.edit(key, value)`` pushes an undoable command; the command's redo/undo run an
operation (``desktop.operations``): the store saves and cleans the value (one committed
transaction, ``Saved.value``) and the rules core re-evaluates incrementally with that cleaned value
(``Evaluator.set_value``). The evaluator's values *are* ``self.app.values``: one copy in memory
besides the database. Views listen to ``value_changed`` (a value changed by undo/redo) and
``report_changed``; a failure is reported once, on the hub's ``failed``. Nothing here judges a
value: findings and verdicts come from ``core.rules``.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.errors import UserError
from core.form.kinds import blank_value
from core.rules import Evaluator, Report, available_rulesets, evaluate, load_ruleset
from core.store import Store
from core.store.status import EXPORTED, is_sealed
from core.wizard import Wizard
from desktop.operations import OpChanges, Operations
from desktop.qt import QObject, QTimer, QUndoCommand, QUndoStack, Signal

# The gap search costs ~10 ms per failing criterion: not on every key press, but this long after
# the report last changed (typing pauses), or at once when a page asks for it (gap_views()).
GAPS_DELAY_MS = 120

_MERGE_IDS: dict[str, int] = {}


def _merge_id(key: str) -> int:
    """QUndoCommand ids: one per field, so the keystrokes of one field merge into one step."""
    return _MERGE_IDS.setdefault(key, len(_MERGE_IDS) + 1)


def changed_cells(old: Any, new: Any, path: tuple = ()) -> frozenset[tuple]:
    """Where two values of one field differ: the paths of the changed cells (a year of a series, a
    cell of the standards matrix, one ticked box), () for a plain value."""
    if isinstance(old, dict) or isinstance(new, dict):
        a = old if isinstance(old, dict) else {}
        b = new if isinstance(new, dict) else {}
        out: frozenset[tuple] = frozenset()
        for k in a.keys() | b.keys():
            if not _same(a.get(k), b.get(k)):
                out |= changed_cells(a.get(k), b.get(k), (*path, k))
        return out
    if isinstance(old, list) or isinstance(new, list):
        a = {repr(x) for x in old or ()} if isinstance(old, list) else set()
        b = {repr(x) for x in new or ()} if isinstance(new, list) else set()
        return frozenset((*path, x) for x in a ^ b) or frozenset({path})
    return frozenset({path})


def short_label(label: str) -> str:
    """A field's name for the 编辑 menu: without a trailing parenthetical (the long 包括… list)."""
    m = re.match(r"^(.{4,}?)[（(][^（()）]*[)）]$", label)
    return m.group(1) if m else label


class EditCommand(QUndoCommand):
    """One field changed. Keystrokes in the same cell merge into one step; another cell of the same
    field (the next year of a series) starts a new one, so one Ctrl+Z undoes one cell."""

    def __init__(self, session: EditSession, key: str, old: Any, new: Any):
        self.cells = changed_cells(old, new)
        super().__init__(_command_text(session.form.fields[key].label, self.cells))
        self.session, self.key, self.old, self.new = session, key, old, new
        self._pushed = False

    def id(self) -> int:
        return _merge_id(self.key)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.key != self.key:
            return False
        if not changed_cells(other.old, other.new) <= self.cells:
            return False
        self.new = other.new
        if _same(self.old, self.new):
            self.setObsolete(True)  # typed and deleted again: no step left to undo
        return True

    def redo(self) -> None:
        self.session._apply(self.key, self.new)
        if self._pushed:  # a redo, not the edit itself: take the official to the field
            self.session.navigate.emit(self.key, self._cell())
        self._pushed = True

    def undo(self) -> None:
        self.session._apply(self.key, self.old)
        self.session.navigate.emit(self.key, self._cell())

    def _cell(self) -> tuple:
        return min(self.cells, key=len) if len(self.cells) == 1 else ()


def _command_text(label: str, cells: frozenset[tuple]) -> str:
    name = short_label(label)
    years = sorted({str(c[0]) for c in cells if c and str(c[0]).isdigit()})
    if len(years) == 1:
        return f"修改“{name}”{years[0]}年"
    return f"修改“{name}”"


class EvidenceCommand(QUndoCommand):
    """Attach (or, undone, detach) one file. Redo after undo re-attaches the stored content."""

    def __init__(self, session: EditSession, target: str, path: Path):
        super().__init__(f"添加佐证材料“{path.name}”")
        self.session, self.target, self.path = session, target, path
        self.entry: dict[str, Any] | None = None

    def redo(self) -> None:
        if self.entry is None:
            self.entry = self.session._attach(self.target, self.path)
        else:
            self.session._reattach(self.target, self.entry)

    def undo(self) -> None:
        if self.entry is not None:
            self.session._detach(self.target, self.entry["sha256"])


class RemoveEvidenceCommand(QUndoCommand):
    """Remove one attachment; undone, the stored content is attached again under its name."""

    def __init__(self, session: EditSession, target: str, entry: dict[str, Any]):
        super().__init__(f"移除佐证材料“{entry['name']}”")
        self.session, self.target, self.entry = session, target, entry

    def redo(self) -> None:
        self.session._detach(self.target, self.entry["sha256"])

    def undo(self) -> None:
        self.session._reattach(self.target, self.entry)


class ImportValuesCommand(QUndoCommand):
    """Several fields at once (an Excel form import): one step, one store transaction each way."""

    def __init__(self, session: EditSession, label: str, old: dict[str, Any], new: dict[str, Any]):
        super().__init__(label)
        self.session, self.old, self.new = session, old, new

    def redo(self) -> None:
        self.session._apply_many(self.new)

    def undo(self) -> None:
        self.session._apply_many(self.old)


class ListCommand(QUndoCommand):
    """Replace one list (清单), e.g. imported from Excel; undone, the previous rows come back."""

    def __init__(self, session: EditSession, name: str, old: list[dict[str, Any]], new: list[dict[str, Any]]):
        super().__init__(f"导入清单“{session.form.lists.get(name, name)}”")
        self.session, self.name, self.old, self.new = session, name, old, new

    def redo(self) -> None:
        self.session._apply_list(self.name, self.new)

    def undo(self) -> None:
        self.session._apply_list(self.name, self.old)


class EditSession(QObject):
    value_changed = Signal(str, object)  # key, value — set by undo/redo, views update their widget
    report_changed = Signal(object)  # Report
    evidence_changed = Signal()
    saved = Signal()
    status_changed = Signal(str)  # set elsewhere (an export marks the application 已导出)
    copy_made = Signal(str)  # the official chose to work on a copy of the sealed application: open it
    navigate = Signal(str, object)  # key, cell path: an undo/redo changed this field, show it
    touched_changed = Signal(object)  # frozenset of keys now past their quiet 未填写 state
    gaps_changed = Signal(object)  # core.rules.gap_view.GapViews of the current report (debounced)
    others_changed = Signal(str)  # a short notice: another official's (or process's) edits arrived

    def __init__(self, store: Store, app_id: str, parent: QObject | None = None, *,
                 ops: Operations | None = None):
        super().__init__(parent)
        self.store = store
        self.ops = ops if ops is not None else Operations(self)
        self.failed = self.ops.failed  # a Chinese message: the edit was not saved (reported once, by the hub)
        self.ops.changed.connect(self._changed_elsewhere)
        self.app_id = store.resolve_id(app_id)
        self.app = store.load(self.app_id)
        self.form = self.app.local_form  # its own region's placeholders and notes
        self.wizard = Wizard.for_form(self.form)
        self.readonly = store.readonly
        self.undo_stack = QUndoStack(self)
        self.ruleset_id = self.app.rules
        self.evaluator = Evaluator(self.app, self.ruleset_id)
        self.report: Report = self.evaluator.report()
        # Set by the window: asked before the first change to a sealed (exported) application;
        # returns ("reopen", reason), ("copy", None) or ("cancel", None).
        self.ask_unseal: Callable[[], tuple[str, str | None]] | None = None
        self._asking = False
        # Fields the official has been at (or that held something when opened): a blank one that
        # was never touched shows a quiet 未填写 instead of red errors (core's findings unchanged).
        self.touched: set[str] = {k for k, v in self.app.values.items() if not blank_value(v)}
        self.touched.update(k for k in self.ui_state().get("touched", ()) if k in self.form.fields)
        self._gap_views = None
        self._gaps_timer = QTimer(self)
        self._gaps_timer.setSingleShot(True)
        self._gaps_timer.timeout.connect(lambda: self.gaps_changed.emit(self.gap_views()))
        self.report_changed.connect(lambda _report: self._gaps_timer.start(GAPS_DELAY_MS))
        self._gaps_timer.start(GAPS_DELAY_MS)
        self._init_sharing()

    # --- reading --------------------------------------------------------------------------------
    @property
    def values(self) -> dict[str, Any]:
        return self.app.values

    def value(self, key: str) -> Any:
        return self.app.values.get(key)

    def evidence_for(self, target: str) -> list[dict[str, Any]]:
        return [e for e in self.app.evidence if e["target"] == target]

    def is_quiet(self, key: str) -> bool:
        """A blank field the official has not been at yet (shown as 未填写, not as an error)."""
        return key not in self.touched and blank_value(self.app.values.get(key))

    def touch(self, keys) -> None:
        """The official left these fields after editing them, or asked to check their page."""
        new = set(keys) - self.touched
        if new:
            self.touched |= new
            self.touched_changed.emit(frozenset(new))

    def rulesets(self) -> list[tuple[str, str]]:
        """(id, label) of every rule set the switch offers; partial ones are marked."""
        out = []
        for rs_id in available_rulesets():
            rs = load_ruleset(rs_id)
            if rs.form != self.form.id:
                continue
            out.append((rs.id, rs.short_name + ("（部分）" if rs.partial and "部分" not in rs.short_name else "")))
        return out

    def reports_by_ruleset(self) -> dict[str, Report]:
        """The same data evaluated under every rule set (the side-by-side "what if")."""
        out = {}
        for rs_id, _ in self.rulesets():
            out[rs_id] = self.report if rs_id == self.ruleset_id else evaluate(self.app, rs_id)
        return out

    def gap_views(self):
        """还差 / 余量 / 临界 of the current report (core.rules.gap_view), computed once per report.
        On the GUI thread: the gap search still probes through the evaluator (its values are ours)."""
        from core.rules.gap_view import gap_views

        if self._gap_views is None or self._gap_views.report is not self.report:
            self._gap_views = gap_views(self.evaluator, self.report)
        return self._gap_views

    def failing_by_ruleset(self) -> dict:
        """The what-if comparison: per rule set, its not-met criteria and the change meeting each."""
        from core.rules.gap_view import failing_by_ruleset

        return failing_by_ruleset(self.app, [rs_id for rs_id, _ in self.rulesets()],
                                  {self.ruleset_id: self.gap_views()})

    # --- changing -------------------------------------------------------------------------------
    def edit(self, key: str, value: Any) -> None:
        """An edit from a widget: undoable, saved at once, re-evaluated at once."""
        if _same(self.app.values.get(key), value):
            return
        if not self.may_change(key):
            return
        self.undo_stack.push(EditCommand(self, key, self.app.values.get(key), value))

    def import_values(self, values: dict[str, Any], label: str = "导入 Excel 申报表") -> None:
        """Many fields in one undoable step (an Excel form import), saved in one transaction."""
        old = {k: self.app.values.get(k) for k in values}
        if all(_same(old[k], v) for k, v in values.items()) or not self.may_change():
            return
        self.undo_stack.push(ImportValuesCommand(self, label, old, dict(values)))

    def import_list(self, name: str, rows: list[dict[str, Any]]) -> None:
        """Replace a list (清单) in one undoable step."""
        if not self.may_change():
            return
        self.undo_stack.push(ListCommand(self, name, list(self.app.lists.get(name, [])), rows))

    def add_evidence(self, target: str, path: str | os.PathLike[str]) -> bool:
        if not self.may_change():
            return False
        before = self.undo_stack.count()
        self.undo_stack.push(EvidenceCommand(self, target, Path(path)))
        cmd = self.undo_stack.command(before) if self.undo_stack.count() > before else None
        if cmd is not None and cmd.entry is None:  # the attach failed: drop the empty step
            self.undo_stack.undo()
            return False
        return cmd is not None

    def remove_evidence(self, target: str, sha256: str) -> None:
        entry = next((e for e in self.evidence_for(target) if e["sha256"] == sha256), None)
        if entry is not None and self.may_change():
            self.undo_stack.push(RemoveEvidenceCommand(self, target, dict(entry)))

    def set_ruleset(self, ruleset_id: str) -> Report:
        self.ruleset_id = ruleset_id
        self.evaluator = Evaluator(self.app, ruleset_id)
        self.report = self.evaluator.report()
        self.report_changed.emit(self.report)
        return self.report

    def set_status(self, status: str) -> bool:
        """A status picked in the status box; core refuses what the transition table does not allow."""
        if self._run(lambda: self.store.set_status(self.app_id, status), OpChanges(self.app_id, status=status)):
            self.app.status = status
            self.status_changed.emit(status)
            return True
        self.status_changed.emit(self.app.status)  # the box shows the status that stayed
        return False

    def _changed_elsewhere(self, changes: OpChanges) -> None:
        """Another operation (the package export) changed what the session shows: apply it."""
        if changes.app_id != self.app_id or self._applying:
            return
        if changes.status and changes.status != self.app.status:
            self.app.status = changes.status
            if changes.status == EXPORTED:
                self.undo_stack.clear()  # sealed: an undo would change what was signed
            self.status_changed.emit(changes.status)

    # --- sealing (core/store/status.py) ---------------------------------------------------------
    @property
    def sealed(self) -> bool:
        return is_sealed(self.app.status)

    def may_change(self, key: str | None = None) -> bool:
        """Before a change: an exported (sealed) application first asks to reopen it (with a
        reason), to work on a copy, or to cancel. False leaves everything as it was (the field
        shows its stored value again)."""
        if not self.sealed or self.readonly:
            return True
        if self._asking:
            return False
        self._asking = True
        try:
            choice, reason = self.ask_unseal() if self.ask_unseal is not None else ("cancel", None)
            if choice == "reopen":
                self.reopen(reason or "")
            elif choice == "copy":
                self.make_copy()
        finally:
            self._asking = False
        if not self.sealed:
            return True
        if key is not None:
            self.value_changed.emit(key, self.app.values.get(key))
        return False

    def reopen(self, reason: str) -> bool:
        """Unseal: status back to 草稿, the reason (and the old package's SHA-256) in the history."""
        done = self._run(lambda: self.store.reopen(self.app_id, reason), OpChanges(self.app_id, status="draft"))
        if done:
            self.app.status = "draft"
            self.status_changed.emit("draft")
        return bool(done)

    def make_copy(self) -> str | None:
        """A new draft from this application (the list's 复制); ``copy_made`` asks the window to open it."""
        done = self.ops.run(lambda: self.store.duplicate(self.app_id), lambda new_id: OpChanges(new_id, app_list=True))
        if not done:
            return None
        self.copy_made.emit(done.value)
        return done.value

    def save_ui_state(self, extra: dict[str, Any] | None = None) -> None:
        if self.readonly:
            return
        state = {**self.wizard.ui_state(), "ruleset": self.ruleset_id, "touched": sorted(self.touched),
                 **(extra or {})}
        with contextlib.suppress(UserError):  # where the wizard was left: never worth an error dialog
            self.store.set_ui_state(self.app_id, state)

    def ui_state(self) -> dict[str, Any]:
        try:
            return self.store.get_ui_state(self.app_id)
        except UserError:
            return {}

    # --- what the undo commands call ------------------------------------------------------------
    _applying = False

    def _apply(self, key: str, value: Any) -> None:
        done = self._run(lambda: self._save_field(key, value), OpChanges(self.app_id, values=frozenset({key})))
        if not done:
            return
        cleaned = done.value.value  # Saved.value: cleaned once, by the store
        self.report = self.evaluator.set_value(key, cleaned)  # writes into self.app.values (shared)
        if cleaned is None:
            self.app.values.pop(key, None)
        self.value_changed.emit(key, cleaned)
        self.report_changed.emit(self.report)

    def _apply_many(self, values: dict[str, Any]) -> None:
        def op() -> dict[str, Any]:
            self.store.set_values(self.app_id, values, action="import", base=self._bases(values))
            self._took_revisions(values)
            stored = self.store.get(self.app_id)["values"]  # the values as cleaned by the store
            return {k: stored.get(k) for k in values}

        done = self._run(op, OpChanges(self.app_id, values=frozenset(values)))
        if not done:
            return
        for key, cleaned in done.value.items():
            self.report = self.evaluator.set_value(key, cleaned)
            if cleaned is None:
                self.app.values.pop(key, None)
        for key, cleaned in done.value.items():
            self.value_changed.emit(key, cleaned)
        self.report_changed.emit(self.report)

    def _apply_list(self, name: str, rows: list[dict[str, Any]]) -> None:
        def op() -> list[dict[str, Any]]:
            self.store.replace_list(self.app_id, name, rows, action="import", base=self._bases([f"list:{name}"])[f"list:{name}"])
            self._took_revisions([f"list:{name}"])
            return self.store.get(self.app_id)["lists"].get(name, [])

        done = self._run(op, OpChanges(self.app_id, lists=True))
        if not done:
            return
        self.app.lists[name] = done.value
        self.report = self.evaluator.set_evidence(self.evaluator.evidence, lists=self.app.lists)
        self.report_changed.emit(self.report)

    def _attach(self, target: str, path: Path) -> dict[str, Any] | None:
        done = self._run(lambda: self.store.attach_evidence(self.app_id, target, path), self._evidence_op())
        if not done or not done.value:
            return None
        entry = done.value
        self._evidence_updated()
        return entry

    def _reattach(self, target: str, entry: dict[str, Any]) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / entry["name"]
            if self._run(lambda: self.store.copy_evidence(entry["sha256"], copy)):
                self._run(lambda: self.store.attach_evidence(self.app_id, target, copy), self._evidence_op())
        self._evidence_updated()

    def _detach(self, target: str, sha256: str) -> None:
        self._run(lambda: self.store.detach_evidence(self.app_id, target, sha256), self._evidence_op())
        self._evidence_updated()

    def _evidence_updated(self) -> None:
        self.app.evidence = self.store.get(self.app_id)["evidence"]
        self.report = self.evaluator.set_evidence({e["target"] for e in self.app.evidence})
        self.evidence_changed.emit()
        self.report_changed.emit(self.report)

    def _evidence_op(self) -> OpChanges:
        return OpChanges(self.app_id, evidence=True)

    # --- several officials at once (docs/storage.md) ---------------------------------------------
    def _init_sharing(self) -> None:
        # Each field's revision as this window saw it: sent with every edit, so a change another
        # official made meanwhile is refused (StoreConflict) instead of silently overwritten.
        self.revisions: dict[str, int] = self.store.field_revisions(self.app_id)
        self.head = self.store.change_head(self.app_id)
        self._mine: set[int] = set()  # revisions this window wrote (not news when polled)
        self.pending: dict[str, Any] = {}  # edits the server did not get (connection lost): sent again
        # Set by the window: asked on a conflict, returns "mine" (keep my edit) or "theirs".
        self.resolve_conflict: Callable[[Any], str] | None = None

    def _save_field(self, key: str, value: Any):
        from core.store import Saved, StoreConflict, StoreOfflineError

        try:
            saved = self.store.set_value(self.app_id, key, value, base=self.revisions.get(key, 0))
        except StoreConflict as err:
            choice = self.resolve_conflict(err) if self.resolve_conflict is not None else "theirs"
            if choice == "mine":
                saved = self.store.set_value(self.app_id, key, value, base=err.revision)
            else:
                saved = Saved(err.theirs, True, err.revision)
        except StoreOfflineError:
            self.pending[key] = value  # kept: sent again by poll() once the server answers
            raise
        self.pending.pop(key, None)
        self.revisions[key] = saved.revision
        self._mine.add(saved.revision)
        return saved

    def _bases(self, keys) -> dict[str, int]:
        return {k: self.revisions.get(k, 0) for k in keys}

    def _took_revisions(self, keys) -> None:
        """After this window's own multi-field save: those fields' revisions are now its own."""
        revs = self.store.field_revisions(self.app_id)
        for k in keys:
            self.revisions[k] = revs.get(k, 0)
            self._mine.add(revs.get(k, 0))

    def poll(self) -> list[str]:
        """Send edits kept while the server was away, then take in what others changed since the
        last poll (values, lists, status, evidence); returns the notices shown. Quiet on failure:
        the next poll tries again."""
        from core.store import StoreOfflineError

        notices = []
        for key, value in list(self.pending.items()):
            try:
                self._resend(key, value)
            except StoreOfflineError:
                return notices
            except UserError as exc:  # refused for another reason: said once, not retried forever
                self.pending.pop(key, None)
                self.failed.emit(exc.message)
                continue
            notices.append(f"已重新保存“{short_label(self.form.fields[key].label)}”")
        try:
            news = self.store.changes_since(self.app_id, self.head)
        except UserError:
            return notices
        self.head = news.head
        others = [e for e in news.entries if e.id not in self._mine]
        if others and (text := self._take_in(others)):
            notices.append(text)
        for text in notices:
            self.others_changed.emit(text)
        return notices

    def _resend(self, key: str, value: Any) -> None:
        saved = self._save_field(key, value)  # may raise StoreOfflineError again: stays pending
        self._show_value(key, saved.value)
        self.saved.emit()

    def _show_value(self, key: str, value: Any) -> None:
        self.report = self.evaluator.set_value(key, value)
        if value is None:
            self.app.values.pop(key, None)
        self.value_changed.emit(key, value)
        self.report_changed.emit(self.report)

    def _take_in(self, entries) -> str:
        """Apply others' changes to what the window shows; a field with an unsent edit keeps it
        (its old revision makes the resend a conflict the official decides)."""
        doc = self.store.get(self.app_id)
        fields, who = [], []
        for e in entries:
            if e.kind == "value" and e.field in self.form.fields:
                if e.field not in self.pending:
                    self.revisions[e.field] = e.id
                if e.field in self.pending or _same(doc["values"].get(e.field), self.app.values.get(e.field)):
                    continue  # nothing new to show (e.g. this window's own import)
                fields.append(short_label(self.form.fields[e.field].label))
                self._show_value(e.field, doc["values"].get(e.field))
            elif e.kind == "list" and doc["lists"].get(e.field) != self.app.lists.get(e.field):
                self.revisions[f"list:{e.field}"] = e.id
                self.app.lists = doc["lists"]
                self.report = self.evaluator.set_evidence(self.evaluator.evidence, lists=self.app.lists)
                fields.append(self.form.lists.get(e.field, e.field))
            elif e.kind == "evidence" and doc["evidence"] != self.app.evidence:
                self.app.evidence = doc["evidence"]
                self.report = self.evaluator.set_evidence({x["target"] for x in self.app.evidence})
                self.evidence_changed.emit()
                fields.append("佐证材料")
            elif e.kind == "meta" and e.field == "status" and doc["status"] != self.app.status:
                self.app.status = doc["status"]
                self.status_changed.emit(doc["status"])
                fields.append("状态")
            else:
                continue
            who.append(e.user)
        if not who:
            return ""
        self.report_changed.emit(self.report)
        names = "、".join(dict.fromkeys(who))
        return f"{names} 修改了" + "、".join(f"“{f}”" for f in dict.fromkeys(fields))

    def _run(self, op, changes: OpChanges | None = None):
        """Run one change through the hub (failures reported there); ``saved`` when it went through."""
        self._applying = True
        try:
            done = self.ops.run(op, changes)
        finally:
            self._applying = False
        if done:
            self.saved.emit()
        return done


def _same(a: Any, b: Any) -> bool:
    return (a in (None, "", {}) and b in (None, "", {})) or a == b
