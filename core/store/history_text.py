"""The change history in words an official reads: who, when (local time), what, old → new,
with the form's Chinese labels; and an application at an earlier version beside the current one.

The GUI's history window (desktop/history_view.py) shows these rows; it computes nothing itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from core.form import FormDef
from core.store.history import HistoryEntry
from core.timefmt import local_time

ACTION_LABELS = {
    "create": "新建", "import": "导入", "duplicate": "复制", "edit": "修改", "restore": "恢复版本",
    "attach": "添加佐证材料", "detach": "移除佐证材料", "status": "更改状态", "delete": "删除", "undelete": "撤销删除",
    "export": "导出报送包", "reopen": "重新打开",
    # the follow-up register (core/follow/register.py), kept in the application's history
    "recognize": "认定", "target": "发展目标", "annual": "年度报告", "event": "重大事项",
}
FOLLOW_ACTIONS = ("recognize", "target", "annual", "event")
_OPS = {"target": {"propose": "拟定", "confirm": "确认", "edit": "修改", "delete": "删除"},
        "annual": {"new": "新建", "set": "填写", "submit": "报送"},
        "event": {"add": "记录", "report": "报备"}}
META_LABELS = {"name": "申请名称", "status": "状态", "jurisdiction": "地区", "rules": "规则集"}
ABSENT_TEXT = "（无）"
EMPTY_TEXT = "（空）"
TEXT_MAX = 80


@dataclass(frozen=True)
class EntryText:
    id: int
    when: str  # local time, to the second
    user: str
    action: str
    what: str  # the field's label (or 申请 for whole-application events)
    old: str
    new: str
    key: str | None  # the field key, list name or evidence target concerned


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_MAX else text[:TEXT_MAX - 1] + "…"


def value_text(form: FormDef | None, key: str, value: Any, present: bool = True) -> str:
    """A stored field value as the form shows it (kind-aware), shortened."""
    if not present:
        return ABSENT_TEXT
    if value is None or value == "" or value == {}:
        return EMPTY_TEXT
    fd = form.fields.get(key) if form else None
    if fd is not None:
        from core.xlsx.preview import display_value

        try:
            return _short(display_value(fd, value, TEXT_MAX))
        except (TypeError, ValueError, AttributeError, KeyError):
            pass  # an old value of another shape: shown as stored
    return _short(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def field_label(form: FormDef | None, key: str | None) -> str:
    if not key:
        return "申请"
    if form is not None:
        if key in form.fields:
            fd = form.fields[key]
            return f"{fd.section_number}　{fd.label}" if fd.section_number != "封面" else f"封面　{fd.label}"
        if key in form.lists:
            return f"清单：{form.lists[key]}"
        base = key.split(":")[0]
        if base in form.fields:
            return field_label(form, base)
    return key


def _item_label(form: FormDef | None, key: str) -> str:
    if key.startswith("figures."):
        return field_label(form, key[len("figures."):]).split("　")[-1]
    from core.errors import UserError
    from core.follow.annual_form import load_annual_form

    try:
        sections = {x.key: x.label for x in load_annual_form().sections}
    except UserError:  # the yearly form's resource unreadable: the key, as stored
        sections = {}
    return sections.get(key, key)


def _follow_note(e: HistoryEntry, note: dict[str, Any], form: FormDef | None) -> str:
    """A follow-up register entry (认定, 发展目标, 年度报告, 重大事项) in one readable line."""
    op = _OPS.get(e.action, {}).get(note.get("op", ""), note.get("op", ""))
    if e.action == "recognize":
        cite = f"（{note['citation']}）" if note.get("citation") else ""
        return (f"认定日期 {note.get('recognized_on', '')}，名单：{note.get('list', '')}；"
                f"有效期至 {note.get('valid_until', '')}{cite}")
    if e.action == "target":
        t = note.get("target") or {}
        year = f"到 {t['year']} 年" if t.get("year") else ""
        sense = "（越低越好）" if t.get("direction") == "down" else ""
        return _short(f"{op}目标：{t.get('label', '')}{year}达到 {t.get('target', '')}{t.get('unit', '')}{sense}")
    if e.action == "annual":
        year = note.get("year", "")
        if note.get("op") == "submit":
            return f"报送 {year} 年度报告（报送日期 {note.get('submitted_on') or '—'}）"
        if note.get("op") == "set":
            items = [_item_label(form, k) for k in (note.get("values") or {})]
            more = "等" if len(items) > 3 else ""
            return _short(f"填写 {year} 年度报告 {len(items)} 项：{'、'.join(items[:3])}{more}")
        return f"{op} {year} 年度报告"
    if e.action == "event":
        from core.follow.register import EVENT_KINDS

        ev = note.get("event") or {}
        kind = ev.get("kind_label") or EVENT_KINDS.get(ev.get("kind", ""), ev.get("kind", ""))
        if note.get("op") == "report":
            return _short(f"报备重大事项：{kind}（发生于 {ev.get('happened_on', '')}，报备日期 {ev.get('reported_on') or '—'}）")
        return _short(f"{op}重大事项：{kind}（{ev.get('happened_on', '')}）{ev.get('description', '')}")
    return ""


def _app_note(e: HistoryEntry, form: FormDef | None = None) -> str:
    note = e.new if isinstance(e.new, dict) else {}
    if e.action in FOLLOW_ACTIONS and note:
        return _follow_note(e, note, form)
    if "file" in note:
        return f"来自文件 {note['file']}"
    if "source" in note:
        return f"复制自 {str(note['source'])[:8]}（{note.get('campaign')} 年度）"
    if "entry" in note:
        return f"恢复到第 {note['entry']} 条修改之后的版本"
    if "when" in note:
        return f"恢复到 {local_time(note['when'], seconds=True)} 的版本"
    if "reason" in note and e.action == "reopen":
        kept = f"；原报送包 SHA-256 {str(note['package_sha256'])[:12]}…" if note.get("package_sha256") else ""
        return f"理由：{note['reason']}{kept}"
    if "package" in note:
        reason = f"，不符合项说明：{note['override_reason']}" if note.get("override_reason") else ""
        return f"{note['package']}（SHA-256 {str(note.get('sha256', ''))[:12]}…）{reason}"
    if "reason" in note:
        return f"理由：{note['reason']}"
    return _short(json.dumps(note, ensure_ascii=False)) if note else ""


def describe(e: HistoryEntry, form: FormDef | None) -> EntryText:
    action = ACTION_LABELS.get(e.action, e.action)
    base = {"id": e.id, "when": local_time(e.at, seconds=True), "user": e.user, "action": action, "key": e.field}
    if e.kind == "app":
        what = "认定后管理" if e.action in FOLLOW_ACTIONS else "申请"
        return EntryText(what=what, old="", new=_app_note(e, form), **base)
    if e.kind == "evidence":
        item = e.new if e.new_present else e.old
        name = item.get("name", "") if isinstance(item, dict) else ""
        old, new = (ABSENT_TEXT, name) if e.new_present else (name, ABSENT_TEXT)
        return EntryText(what=f"{field_label(form, e.field)}（佐证材料）", old=old, new=new, **base)
    if e.kind == "meta":
        from core.application import STATUSES

        show = (lambda v: STATUSES.get(v, v)) if e.field == "status" else (lambda v: v)
        old = _short(str(show(e.old))) if e.old_present else ABSENT_TEXT
        new = _short(str(show(e.new))) if e.new_present else ABSENT_TEXT
        return EntryText(what=META_LABELS.get(e.field, e.field or ""), old=old, new=new, **base)
    if e.kind == "list":
        def rows(v: Any, present: bool) -> str:
            return ABSENT_TEXT if not present else f"{len(v or [])} 行"
        return EntryText(what=field_label(form, e.field), old=rows(e.old, e.old_present),
                         new=rows(e.new, e.new_present), **base)
    return EntryText(what=field_label(form, e.field), old=value_text(form, e.field, e.old, e.old_present),
                     new=value_text(form, e.field, e.new, e.new_present), **base)


def concerns(e: HistoryEntry, key: str) -> bool:
    """Whether a history entry changed the field ``key`` (its value, its list or its evidence)."""
    if not e.field:
        return False
    return e.field == key or (e.kind == "evidence" and e.field.split(":")[0] == key)


@dataclass(frozen=True)
class VersionRow:
    key: str
    label: str
    then: str
    now: str

    @property
    def differs(self) -> bool:
        return self.then != self.now


def version_rows(form: FormDef | None, past: dict[str, Any], current: dict[str, Any]) -> list[VersionRow]:
    """Every field, list and the application's name, as they were in ``past`` and are now, in the
    form's order (fields the form no longer knows come last)."""
    rows = [VersionRow("name", "申请名称", past.get("name") or EMPTY_TEXT, current.get("name") or EMPTY_TEXT)]
    keys = list(form.fields) if form else []
    keys += sorted((past["values"].keys() | current["values"].keys()) - set(keys))
    for key in keys:
        fd = form.fields.get(key) if form else None
        if fd is not None and fd.type == "fixed":
            continue
        then = value_text(form, key, past["values"].get(key), key in past["values"])
        now = value_text(form, key, current["values"].get(key), key in current["values"])
        rows.append(VersionRow(key, field_label(form, key), EMPTY_TEXT if then == ABSENT_TEXT else then,
                               EMPTY_TEXT if now == ABSENT_TEXT else now))
    for name in sorted(past["lists"].keys() | current["lists"].keys()):
        rows.append(VersionRow(f"list:{name}", field_label(form, name), f"{len(past['lists'].get(name) or [])} 行",
                               f"{len(current['lists'].get(name) or [])} 行"))
    then_ev = sorted(f"{e['target']}:{e['name']}" for e in past.get("evidence", []))
    now_ev = sorted(f"{e['target']}:{e['name']}" for e in current.get("evidence", []))
    rows.append(VersionRow("evidence", "佐证材料", f"{len(then_ev)} 个文件", f"{len(now_ev)} 个文件")
                if then_ev == now_ev else
                VersionRow("evidence", "佐证材料", f"{len(then_ev)} 个文件（与现在不同）", f"{len(now_ev)} 个文件"))
    return rows
