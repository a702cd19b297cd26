"""Change history: list it, see an application as it was, restore a version, duplicate.

History is append-only. The document at an earlier moment is the current one with every later
change undone, newest first; this works because every write goes through the store and records
the exact old text (SQL NULL meaning "was absent").
"""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from core.messages import store as M
from core.store import schema as t
from core.store.base import ABSENT
from core.store.documents import (
    dumps,
    loads,
    normalize_when,
    now,
    shift_rules_id,
    shift_years,
    validate_document,
)
from core.store.errors import StoreError

CREATING_ACTIONS = ("create", "import", "duplicate")
RESTORABLE_META = ("name", "jurisdiction", "rules")  # status is workflow, not content: a restore keeps it


@dataclass(slots=True)
class HistoryEntry:
    id: int
    at: str  # UTC ISO-8601
    user: str  # OS login name
    action: str  # create, import, duplicate, edit, restore, attach, detach, status, delete, undelete
    kind: str  # value, list, evidence, meta, app
    field: str | None  # field key, list name, evidence target or document key
    old_json: str | None  # stored JSON text; None means absent. Decoded on demand (10,000 rows open fast)
    new_json: str | None

    @property
    def old(self) -> Any:
        return loads(self.old_json)

    @property
    def new(self) -> Any:
        return loads(self.new_json)

    @property
    def old_present(self) -> bool:
        return self.old_json is not None

    @property
    def new_present(self) -> bool:
        return self.new_json is not None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "user": self.user, "action": self.action, "kind": self.kind,
                "field": self.field, "old": self.old, "new": self.new, "old_present": self.old_present,
                "new_present": self.new_present}


class HistoryMixin:
    def history(self, app_id: str, *, limit: int | None = None, before: int | None = None) -> list[HistoryEntry]:
        """Changes of one application, oldest first: all, or the last ``limit`` ones (older than
        entry ``before`` when given, for paging back through a long history)."""
        h = t.history.c
        with self._read() as conn:
            app = self._app(conn, app_id, for_write=False)
            query = select(h.id, h.at, h.user, h.action, h.kind, h.field, h.old, h.new).where(h.app_id == app.id)
            if before is not None:
                query = query.where(h.id < before)
            if limit is not None:
                query = query.order_by(h.id.desc()).limit(limit)
            else:
                query = query.order_by(h.id)
            rows = conn.execute(query).all()
        if limit is not None:
            rows.reverse()
        return [HistoryEntry(*r) for r in rows]

    def as_of(self, app_id: str, when: datetime | str | None = None, *, entry: int | None = None) -> dict[str, Any]:
        """The document as it was at ``when`` (ISO time; naive = local), or right after history
        entry ``entry``."""
        with self._read() as conn:
            return self._as_of(conn, self._app(conn, app_id, for_write=False).id, when, entry)

    def _as_of(self, conn: Connection, app_id: str, when: datetime | str | None, entry: int | None) -> dict[str, Any]:
        h = t.history.c
        if entry is not None:
            owner = conn.execute(select(h.app_id).where(h.id == entry)).scalar()
            if owner != app_id:
                raise M.NO_ENTRY.error(StoreError, entry=entry)
            later = h.id > entry
            label = f"第 {entry} 条修改之后"
        elif when is not None:
            stamp = normalize_when(when)
            later = h.at > stamp
            label = str(when)
        else:
            raise M.NO_WHEN.error(StoreError)
        doc = self._document(conn, app_id)
        rows = conn.execute(select(h.action, h.kind, h.field, h.old, h.new)
                            .where(h.app_id == app_id, later).order_by(h.id.desc())).all()
        for action, kind, field, old, new in rows:
            if kind == "app" and action in CREATING_ACTIONS:
                raise M.NOT_YET.error(StoreError, when=label)
            _undo(doc, kind, field, old, new)
        if rows:
            doc["changed"] = conn.execute(select(h.at).where(h.app_id == app_id, ~later)
                                          .order_by(h.id.desc()).limit(1)).scalar() or doc["changed"]
        return doc

    def restore_version(self, app_id: str, when: datetime | str | None = None, *, entry: int | None = None) -> int:
        """Make the application what it was at ``when`` (or after ``entry``); the restore is itself
        recorded, so it can be undone the same way. Returns how many things changed."""
        with self._write() as conn:
            app = self._app(conn, app_id)
            past = self._as_of(conn, app.id, when, entry)
            current = self._document(conn, app.id)
            at = now()
            n = self._apply_document(conn, app.id, current, past, at, "restore", RESTORABLE_META)
            if n:
                note = {"entry": entry} if entry is not None else {"when": normalize_when(when)}
                self._record(conn, app.id, at, "restore", "app", None, None, dumps(note))
                self._touch(conn, app.id, at)
            return n

    def _apply_document(self, conn: Connection, app_id: str, current: dict[str, Any], wanted: dict[str, Any],
                        at: str, action: str, meta_keys: tuple[str, ...]) -> int:
        """Turn ``current`` into ``wanted``, one recorded change at a time; returns the count."""
        n = 0
        for key in sorted(current["values"].keys() | wanted["values"].keys()):
            n += bool(self._put_value(conn, app_id, key, wanted["values"].get(key, ABSENT), at, action))
        for name in sorted(current["lists"].keys() | wanted["lists"].keys()):
            n += bool(self._put_list(conn, app_id, name, wanted["lists"].get(name, ABSENT), at, action))
        have = {(e["target"], e["sha256"]) for e in current["evidence"]}
        want = {(e["target"], e["sha256"]): e for e in wanted["evidence"]}
        for target, sha in sorted(have - want.keys()):
            n += self._unlink_evidence(conn, app_id, target, sha, at, action=action)
        for key in sorted(want.keys() - have):
            n += self._link_evidence(conn, app_id, want[key], at, action=action)
        meta = {k: wanted[k] for k in meta_keys if wanted.get(k) is not None and wanted[k] != current[k]}
        if meta:
            conn.execute(update(t.applications).where(t.applications.c.id == app_id).values(**meta))
            for k, v in meta.items():
                self._record(conn, app_id, at, action, "meta", k, dumps(current[k]), dumps(v))
            n += len(meta)
        return n

    def duplicate(self, app_id: str, campaign: int | None = None, *, name: str | None = None) -> str:
        """A new draft from an existing application. With another ``campaign`` the per-year figures
        move with their years (the oldest drops out, the newest starts blank) and the rule set
        follows the year when one exists. Evidence links are copied (contents are shared)."""
        with self._write() as conn:
            app = self._app(conn, app_id, for_write=False)
            doc = self._document(conn, app.id)
            old_campaign = doc["campaign"]
            new_campaign = int(campaign) if campaign is not None else old_campaign
            delta = new_campaign - old_campaign
            doc["values"] = {k: shift_years(v, delta) for k, v in doc["values"].items()}
            doc["lists"] = {n: [{k: shift_years(v, delta) for k, v in row.items()} for row in rows]
                            for n, rows in doc["lists"].items()}
            if name is None:
                name = doc["name"].replace(str(old_campaign), str(new_campaign)) if delta else (
                    f"{doc['name']}（副本）" if doc["name"] else "")
            at = now()
            doc.update(uuid=uuidlib.uuid4().hex, campaign=new_campaign, rules=shift_rules_id(doc["rules"], new_campaign),
                       status="draft", name=name, created=at, changed=at)
            for e in doc["evidence"]:
                e["attached"] = at
            doc = validate_document(doc, origin="复制的申请")
            return self._insert_app(conn, doc, at, "duplicate", note={"source": app.id, "campaign": new_campaign})


def _undo(doc: dict[str, Any], kind: str, field: str | None, old: str | None, new: str | None) -> None:
    """Undo one history row on a document."""
    if kind in ("value", "list"):
        part = doc["values" if kind == "value" else "lists"]
        if old is None:
            part.pop(field, None)
        else:
            part[field] = loads(old)
    elif kind == "evidence":
        if new is not None:
            sha = loads(new)["sha256"]
            doc["evidence"] = [e for e in doc["evidence"] if not (e["target"] == field and e["sha256"] == sha)]
        if old is not None:
            e = loads(old)
            doc["evidence"].append({"target": field, "name": e["name"], "sha256": e["sha256"], "size": e["size"],
                                    "file": f"evidence/{e['sha256']}/{e['name']}", "attached": e.get("attached")})
    elif kind == "meta":
        doc[field] = loads(old)
