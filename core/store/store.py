"""``Store``: the local home of every application draft (see docs/storage.md).

Typical use by the GUI::

    store = Store.open()                      # default file in the user data folder
    app_id = store.create(new_application("SH-2023"))
    store.set_value(app_id, "basic.area", "12.5")   # one committed transaction, history included
    doc = store.get(app_id)                   # the application document (format 1) as a dict

Every method that changes something commits before it returns, so the GUI can call it on every
field commit and a crash never costs more than the edit being typed.
"""

from __future__ import annotations

import re
import uuid as uuidlib
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from core.errors import UserError
from core.messages import store as M
from core.regions import region_name
from core.store import schema as t
from core.store import status as st
from core.store.base import StoreBase
from core.store.documents import (
    COLUMNS,
    TABLE_KEYS,
    check_status,
    dumps,
    loads,
    normalize_when,
    now,
    statuses,
    validate_document,
    validate_list,
    validate_value,
)
from core.store.errors import StoreError
from core.store.evidence import EvidenceMixin
from core.store.history import HistoryMixin
from core.store.receipts import ReceiptsMixin
from core.store.transfer import TransferMixin

NAME_KEY = "basic.cluster_name"  # shown when the application has no name of its own
_JURISDICTION = re.compile(r"^[A-Z]{2,3}$")
_RULES = re.compile(r"^[A-Z]{2,3}-[0-9]{4}$")


def _form(form_id: str):
    from core.form import load_form

    return load_form(form_id)


def _utc(stamp: str | None, default: str) -> str:
    """Document times in the store's sortable UTC form; unreadable ones become ``default``."""
    if not stamp:
        return default
    try:
        return normalize_when(stamp)
    except UserError:
        return default


@dataclass(frozen=True)
class AppSummary:
    id: str
    name: str
    jurisdiction: str
    campaign: int
    rules: str
    status: str
    status_label: str
    created: str
    changed: str
    deleted_at: str | None
    number: str = ""  # "2023-007": per campaign in this database, assigned at creation, never reused
    region: str = ""  # the jurisdiction's name (上海, 海南, 广州 …) from its rule sets
    exported_at: str | None = None  # the last package export (UTC), None when never exported

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Saved:
    """What ``Store.set_value`` stored: the cleaned value (None when cleared), whether it changed,
    and the field's revision now (pass it as ``base`` with the next edit of that field)."""

    value: Any
    changed: bool
    revision: int = 0


@dataclass(frozen=True)
class Changes:
    """What changed in one application after a revision: ``head`` (pass it next time) and the
    history rows, oldest first, with who and when."""

    head: int
    entries: list


class Store(HistoryMixin, EvidenceMixin, TransferMixin, ReceiptsMixin, StoreBase):
    """All reads and writes of applications. Thread-safe through the connection pool."""

    # --- whole applications ---------------------------------------------------------------------

    def create(self, app: Any, *, action: str = "create") -> str:
        """Store a new application (an ``Application`` or its JSON dict); returns its id."""
        doc = app.to_json() if hasattr(app, "to_json") else app
        doc = validate_document(doc, origin="申报数据")
        with self._write() as conn:
            return self._insert_app(conn, doc, now(), action)

    def _insert_app(self, conn: Connection, doc: dict[str, Any], at: str, action: str,
                    note: dict[str, Any] | None = None) -> str:
        app_id = (doc.get("uuid") or uuidlib.uuid4().hex).lower()
        if conn.execute(select(t.applications.c.id).where(t.applications.c.id == app_id)).first():
            raise M.DUPLICATE_ID.error(StoreError, app_id=app_id)
        row = {k: doc.get(k) for k in COLUMNS}
        row.update(
            id=app_id,
            name=doc.get("name") or "",
            status=check_status(doc.get("status") or "draft"),
            form_version=doc.get("form_version") or 1,
            format_version=doc.get("format_version") or 1,
            created=_utc(doc.get("created"), at),
            changed=_utc(doc.get("changed"), at),
            extra=dumps({k: v for k, v in doc.items() if k not in TABLE_KEYS and k not in COLUMNS}),
            number=self._next_number(conn, doc["campaign"]),
        )
        conn.execute(insert(t.applications).values(**row))
        if doc.get("values"):
            conn.execute(insert(t.values), [{"app_id": app_id, "key": k, "value": dumps(v, f"字段“{k}”的值")}
                                            for k, v in doc["values"].items()])
        if doc.get("lists"):
            conn.execute(insert(t.lists), [{"app_id": app_id, "name": n, "rows": dumps(r, f"清单“{n}”")}
                                           for n, r in doc["lists"].items()])
        for entry in doc.get("evidence") or []:
            self._link_evidence(conn, app_id, entry, at)
        self._record(conn, app_id, at, action, "app", None, None, dumps(note) if note else None)
        return app_id

    def _next_number(self, conn: Connection, campaign: int) -> str:
        """The next 编号 of the campaign ("2023-008"); the counter only grows, so none is reused."""
        n = t.app_numbers.c
        last = conn.execute(select(n.last).where(n.campaign == campaign)).scalar()
        if last is None:
            last = 1
            conn.execute(insert(t.app_numbers).values(campaign=campaign, last=last))
        else:
            last += 1
            conn.execute(update(t.app_numbers).where(n.campaign == campaign).values(last=last))
        return f"{campaign}-{last:03d}"

    def number(self, app_id: str) -> str:
        """The application's 编号 in this database."""
        with self._read() as conn:
            app = self._app(conn, app_id, for_write=False)
            return conn.execute(select(t.applications.c.number).where(t.applications.c.id == app.id)).scalar() or ""

    def get(self, app_id: str) -> dict[str, Any]:
        """The application document (format 1) as a dict, the way ``export-json`` writes it."""
        with self._read() as conn:
            return self._document(conn, self._app(conn, app_id, for_write=False).id)

    def load(self, app_id: str):
        """The application as a ``core.application.Application``."""
        from core.application import Application

        return Application.from_json(self.get(app_id), origin="数据库中的申请")

    def _document(self, conn: Connection, app_id: str) -> dict[str, Any]:
        row = conn.execute(select(t.applications).where(t.applications.c.id == app_id)).mappings().one()
        doc: dict[str, Any] = {"format": "cluster-declare.application", "format_version": row["format_version"],
                               "uuid": app_id}
        for key in ("form", "form_version", "jurisdiction", "campaign", "rules", "name", "status", "created",
                    "changed"):
            doc[key] = row[key]
        doc.update(loads(row["extra"]) or {})
        v, li = t.values.c, t.lists.c
        doc["values"] = {k: loads(val) for k, val in conn.execute(
            select(v.key, v.value).where(v.app_id == app_id).order_by(v.key))}
        doc["lists"] = {n: loads(rows) for n, rows in conn.execute(
            select(li.name, li.rows).where(li.app_id == app_id).order_by(li.name))}
        doc["evidence"] = self._evidence_entries(conn, app_id)
        return doc

    def list_applications(self, search: str | None = None, *, include_deleted: bool = False,
                          only_deleted: bool = False) -> list[AppSummary]:
        """Summaries, most recently changed first. ``search`` matches name, id, region or rule set."""
        a, v, r = t.applications.c, t.values.c, t.receipts.c
        last_export = (select(r.app_id, func.max(r.at).label("at")).group_by(r.app_id).subquery())
        query = (
            select(a.id, a.name, v.value, a.jurisdiction, a.campaign, a.rules, a.status, a.created, a.changed,
                   a.deleted_at, a.number, last_export.c.at)
            .select_from(t.applications.outerjoin(t.values, and_(v.app_id == a.id, v.key == NAME_KEY))
                         .outerjoin(last_export, last_export.c.app_id == a.id))
            .order_by(a.changed.desc(), a.id)
        )
        if only_deleted:
            query = query.where(a.deleted_at.is_not(None))
        elif not include_deleted:
            query = query.where(a.deleted_at.is_(None))
        if search and search.strip():
            needle = "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            query = query.where(or_(*(c.like(needle, escape="\\") for c in (a.name, v.value, a.id, a.jurisdiction,
                                                                            a.rules, a.number))))
        labels = statuses()
        with self._read() as conn:
            rows = conn.execute(query).all()
        out = []
        for r in rows:
            fallback = loads(r[2]) if r[2] else None
            name = r[1] or (fallback if isinstance(fallback, str) else "") or "（未命名集群）"
            out.append(AppSummary(r[0], name, r[3], r[4], r[5], r[6], labels.get(r[6], r[6]), r[7], r[8], r[9],
                                  number=r[10] or "", region=region_name(r[3]), exported_at=r[11]))
        return out

    # --- edits ----------------------------------------------------------------------------------

    def set_value(self, app_id: str, key: str, value: Any, *, action: str = "edit", base: int | None = None) -> Saved:
        """Save one field, checked and cleaned by its kind; the caller keeps ``Saved.value``, so a
        value is normalised once, here. ``base``: the field's revision the edit was made on (from
        ``field_revisions`` or the last ``Saved.revision``); if another official changed the field
        since, nothing is saved and ``StoreConflict`` says who changed it to what."""
        cleaned, revisions = self._save_values(app_id, {key: value}, action, {key: base} if base is not None else None)
        rev = revisions.get(key)
        return Saved(cleaned[key], rev is not None, rev if rev is not None else self._revision_of(app_id, key))

    def set_values(self, app_id: str, values: dict[str, Any], *, action: str = "edit",
                   base: dict[str, int] | None = None) -> int:
        """Save several fields in one transaction (e.g. an Excel import); returns how many changed.
        ``base`` maps keys to the revisions the edits were made on (a conflict on any saves none)."""
        return len(self._save_values(app_id, values, action, base)[1])

    def _save_values(self, app_id: str, values: dict[str, Any], action: str,
                     base: dict[str, int] | None = None) -> tuple[dict[str, Any], dict[str, int]]:
        """Clean each value by its field kind and save them in one transaction: (cleaned, the new
        revision of each changed key)."""
        base = base or {}
        with self._write() as conn:
            app = self._app(conn, app_id)
            cleaned = {k: validate_value(app.form, app.campaign, k, val) for k, val in values.items()}
            at = now()
            revisions = {}
            for k, val in cleaned.items():
                rev = self._put_value(conn, app.id, k, val, at, action, base.get(k))
                if rev:
                    revisions[k] = rev
            if revisions:
                self._touch(conn, app.id, at)
            return cleaned, revisions

    def replace_list(self, app_id: str, name: str, rows: list[dict[str, Any]], *, action: str = "edit",
                     base: int | None = None) -> bool:
        """Replace a whole list (清单) such as ``enterprises``; False if identical. ``base`` as
        for ``set_value``."""
        with self._write() as conn:
            app = self._app(conn, app_id)
            rows = validate_list(app.form, name, rows)
            at = now()
            changed = bool(self._put_list(conn, app.id, name, rows, at, action, base))
            if changed:
                self._touch(conn, app.id, at)
            return changed

    # --- several officials at once ----------------------------------------------------------------

    def field_revisions(self, app_id: str) -> dict[str, int]:
        """Each field's revision (the id of its latest history row); lists as ``list:<name>``. A
        field never changed has none (its revision is 0)."""
        h = t.history.c
        with self._read() as conn:
            app = self._app(conn, app_id, for_write=False)
            rows = conn.execute(select(h.kind, h.field, func.max(h.id)).where(
                h.app_id == app.id, h.kind.in_(("value", "list"))).group_by(h.kind, h.field)).all()
        return {(f if kind == "value" else f"list:{f}"): rev for kind, f, rev in rows}

    def _revision_of(self, app_id: str, key: str) -> int:
        h = t.history.c
        with self._read() as conn:
            app = self._app(conn, app_id, for_write=False)
            return conn.execute(select(func.max(h.id)).where(h.app_id == app.id, h.kind == "value",
                                                              h.field == key)).scalar() or 0

    def change_head(self, app_id: str) -> int:
        """The application's change counter (its latest history id): cheap enough to poll."""
        h = t.history.c
        with self._read() as conn:
            app = self._app(conn, app_id, for_write=False)
            return conn.execute(select(func.max(h.id)).where(h.app_id == app.id)).scalar() or 0

    def changes_since(self, app_id: str, after: int) -> Changes:
        """Everything recorded for the application after revision ``after`` (another official's
        edits, a command-line import …), oldest first."""
        from core.store.history import HistoryEntry

        h = t.history.c
        with self._read() as conn:
            app = self._app(conn, app_id, for_write=False)
            rows = conn.execute(select(h.id, h.at, h.user, h.action, h.kind, h.field, h.old, h.new)
                                .where(h.app_id == app.id, h.id > after).order_by(h.id)).all()
        entries = [HistoryEntry(*r) for r in rows]
        return Changes(entries[-1].id if entries else after, entries)

    def _field_label(self, conn: Connection, app_id: str, kind: str, key: str) -> str:
        form = conn.execute(select(t.applications.c.form).where(t.applications.c.id == app_id)).scalar()
        try:
            if kind == "list":
                return _form(form).lists.get(key, key)
            return _form(form).fields[key].label
        except (KeyError, UserError, AttributeError):
            return key

    def set_meta(self, app_id: str, *, name: str | None = None, jurisdiction: str | None = None,
                 rules: str | None = None) -> bool:
        """Rename, or move to another region's rule set of the same campaign."""
        wanted = {k: v for k, v in (("name", name), ("jurisdiction", jurisdiction), ("rules", rules)) if v is not None}
        if "name" in wanted and (not isinstance(name, str) or len(name) > 200):
            raise M.BAD_NAME.error(StoreError)
        if "jurisdiction" in wanted and not _JURISDICTION.match(str(jurisdiction)):
            raise M.BAD_JURISDICTION.error(StoreError, jurisdiction=jurisdiction)
        if "rules" in wanted and not _RULES.match(str(rules)):
            raise M.BAD_RULES.error(StoreError, rules=rules)
        return self._set_columns(app_id, wanted, action="edit")

    def set_status(self, app_id: str, status: str) -> bool:
        """草稿 / 待审核 / 已推荐 (draft, pending_review, recommended), as ``core.store.status``
        allows; 已导出 comes only from ``record_export`` and leaves only by ``reopen``."""
        check_status(status)
        with self._write() as conn:
            app = self._app(conn, app_id, sealed_ok=True)
            if app.status == status:
                return False
            st.check(app.status, status, st.MANUAL, form=_form(app.form),
                     values=self._recommendation_values(conn, app))
            at = now()
            self._set_status_row(conn, app.id, app.status, status, at)
            self._touch(conn, app.id, at)
            return True

    def status_choices(self, app_id: str) -> list[tuple[str, str]]:
        """What a status box offers now: (status, "" when pickable, else what is missing)."""
        with self._read() as conn:
            app = self._app(conn, app_id, for_write=False)
            return st.choices(app.status, _form(app.form), self._recommendation_values(conn, app))

    def _recommendation_values(self, conn: Connection, app) -> dict[str, Any]:
        v = t.values.c
        keys = st.recommendation_keys(_form(app.form))
        return {k: loads(val) for k, val in conn.execute(
            select(v.key, v.value).where(v.app_id == app.id, v.key.in_(keys)))} if keys else {}

    def _set_columns(self, app_id: str, wanted: dict[str, Any], action: str) -> bool:
        with self._write() as conn:
            app = self._app(conn, app_id)
            row = conn.execute(select(t.applications).where(t.applications.c.id == app.id)).mappings().one()
            if "rules" in wanted and int(wanted["rules"][-4:]) != row["campaign"]:
                raise M.RULES_CAMPAIGN.error(StoreError, rules=wanted["rules"], campaign=row["campaign"])
            diff = {k: v for k, v in wanted.items() if row[k] != v}
            if not diff:
                return False
            at = now()
            conn.execute(update(t.applications).where(t.applications.c.id == app.id).values(**diff, changed=at))
            for k, v in diff.items():
                self._record(conn, app.id, at, action, "meta", k, dumps(row[k]), dumps(v))
            return True

    def record_event(self, app_id: str, action: str, note: dict[str, Any] | None = None, *,
                     status: str | None = None) -> None:
        """Append an event such as ``export`` (with a JSON note, e.g. the package hash and an
        override reason) to the history, optionally setting the status in the same transaction."""
        if action in ("create", "import", "duplicate") or not re.fullmatch(r"[a-z_]{1,32}", action):
            raise M.BAD_ACTION.error(StoreError, action=action)
        with self._write() as conn:
            app = self._app(conn, app_id, sealed_ok=status is not None)
            if status is not None and check_status(status) != app.status:
                st.check(app.status, status, st.EXPORT if status == st.EXPORTED else st.MANUAL,
                         form=_form(app.form), values=self._recommendation_values(conn, app))
            at = now()
            self._record(conn, app.id, at, action, "app", None, None, dumps(note, "事件说明") if note else None)
            if status is not None:
                self._set_status_row(conn, app.id, app.status, status, at)
            self._touch(conn, app.id, at)

    def delete(self, app_id: str) -> None:
        """Move to the deleted applications (nothing is erased; ``undelete`` brings it back)."""
        self._set_deleted(app_id, deleted=True)

    def undelete(self, app_id: str) -> None:
        self._set_deleted(app_id, deleted=False)

    def _set_deleted(self, app_id: str, *, deleted: bool) -> None:
        with self._write() as conn:
            app = self._app(conn, app_id, for_write=False)
            if bool(app.deleted_at) == deleted:
                return
            at = now()
            value = at if deleted else None
            conn.execute(update(t.applications).where(t.applications.c.id == app.id).values(deleted_at=value))
            self._record(conn, app.id, at, "delete" if deleted else "undelete", "app", "deleted_at",
                         dumps(app.deleted_at), dumps(value))

    # --- UI state (not part of the document, not in history) ------------------------------------

    def get_ui_state(self, app_id: str) -> dict[str, Any]:
        with self._read() as conn:
            app = self._app(conn, app_id, for_write=False)
            text = conn.execute(select(t.applications.c.ui_state).where(t.applications.c.id == app.id)).scalar()
        return loads(text) or {}

    def set_ui_state(self, app_id: str, state: dict[str, Any]) -> None:
        """E.g. ``{"page": "industry"}``: where the official left the wizard."""
        if not isinstance(state, dict):
            raise M.BAD_UI_STATE.error(StoreError)
        with self._write() as conn:
            app = self._app(conn, app_id, for_write=False)
            conn.execute(update(t.applications).where(t.applications.c.id == app.id)
                         .values(ui_state=dumps(state, "界面状态")))
