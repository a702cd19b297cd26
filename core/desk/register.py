"""The register (受理登记簿): every file received for a campaign, taken in or refused, and what
happened to it since — in the store's database (tables of revision 0004, core/desk/tables.py).

    with Desk.open(db) as desk:               # the store's database; received files beside it
        for s in desk.submissions("SH-2023"): print(s.number, s.cluster_name, s.status_label)
        desk.change_status("SH-2023-003", status.PASSED, status.DECIDE)
        desk.events("SH-2023-003")            # who did what, when

Every change is one committed transaction with its history row (``desk_events``); the received
bytes live in ``Archive`` (core/desk/archive.py), addressed by the row's ``file_sha256``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from core.desk import status as st
from core.desk import tables as t
from core.desk.archive import Archive, archive_of
from core.errors import UserError
from core.messages import desk as M
from core.store.documents import now

PENDING, TRUSTED = "pending", "trusted"
TRUST_LABELS = {PENDING: "证书待确认", TRUSTED: "证书已确认"}
KIND_LABELS = {"package": "报送包", "json": "申报数据 JSON", "excel": "Excel 申报表", "outgoing": "区级报送包",
               "": "未识别"}


def _json(text: str | None, default: Any = None) -> Any:
    return default if text is None else json.loads(text)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False, default=str)


@dataclass
class Submission:
    """One register row as the desk shows it (JSON columns parsed)."""

    id: int
    number: str
    rules: str
    received_at: str
    received_by: str
    sender: str
    source_kind: str
    file_name: str
    file_sha256: str | None
    file_size: int | None
    status: str
    refused_reason: str | None
    cluster_key: str | None
    cluster_name: str
    version: int | None
    previous_id: int | None
    differences: list[dict[str, Any]]
    verification: dict[str, Any]
    fingerprint: str | None
    verdict: str | None
    report: dict[str, Any]
    compare: list[dict[str, Any]] | None
    document: dict[str, Any] | None
    parent_id: int | None
    paper_copies: int
    cds: int
    trust: str = ""  # the sender certificate's state in desk_trust (pending / trusted), live
    latest: bool = True  # no newer version of the same cluster in the register

    @property
    def status_label(self) -> str:
        return st.label(self.status)

    @property
    def taken_in(self) -> bool:
        return self.status != st.REFUSED

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.source_kind, self.source_kind)

    @property
    def verification_result(self) -> str:
        """ok (signed, intact, certificate confirmed) / unconfirmed (待确认) / unsigned / refused."""
        v = self.verification or {}
        if not self.taken_in and v.get("result") != "intact":
            return "refused"
        if v.get("result") == "intact":
            return "ok" if self.trust == TRUSTED else "unconfirmed"
        return v.get("result") or "unsigned"

    @property
    def verification_label(self) -> str:
        return {"ok": "签名有效，证书已确认", "unconfirmed": "签名有效，证书待确认",
                "unsigned": "无签名（" + self.kind_label + "）", "refused": "未通过"}.get(
            self.verification_result, self.verification_result)

    @property
    def verdict_label(self) -> str:
        from core.rules.model import VERDICT_LABELS

        return VERDICT_LABELS.get(self.verdict or "", "—")

    def application(self):
        """The application as received (strict door again: the stored text is what was accepted)."""
        from core.application import Application

        return Application.from_json(self.document, origin=self.file_name)

    def to_json(self) -> dict[str, Any]:
        """The shape of ``desk list --format json``."""
        return {
            "受理编号": self.number, "number": self.number, "cluster_name": self.cluster_name,
            "source_kind": self.source_kind, "file_name": self.file_name, "sha256": self.file_sha256,
            "size": self.file_size, "received_at": self.received_at, "sender": self.sender,
            "verification": {"result": self.verification_result, "label": self.verification_label,
                             "fingerprint": self.fingerprint,
                             "problems": (self.verification or {}).get("problems", [])},
            "status": self.status, "status_label": self.status_label, "refused_reason": self.refused_reason,
            "verdict": self.verdict, "verdict_label": self.verdict_label if self.verdict else None,
            "version": self.version, "latest": self.latest,
            "differences": self.differences, "paper_copies": self.paper_copies, "cds": self.cds,
            "parent": self.parent_id,
        }


@dataclass(frozen=True)
class Event:
    at: str
    user: str
    action: str
    old: str | None
    new: str | None
    note: dict[str, Any] = field(default_factory=dict)

    def line(self) -> str:
        from core.timefmt import local_time

        change = ""
        if self.action == "status":
            change = f"{st.label(self.old or '')} → {st.label(self.new or '')}"
        extra = "；".join(f"{k}：{v}" for k, v in self.note.items() if v not in (None, "", [], {}))
        return "  ".join(x for x in (local_time(self.at, seconds=True), self.user, ACTION_LABELS.get(
            self.action, self.action), change, extra) if x)


ACTION_LABELS = {"intake": "受理", "refuse": "不予受理", "status": "状态", "review": "初审记录",
                 "correction": "补正要求", "inspection": "实地核查", "rank": "推荐排序", "tick": "纸质材料",
                 "trust": "确认证书", "export": "上报"}

_COLS = [c.name for c in t.submissions.c]


class Desk:
    """The register over an open ``Store`` (its engine, lock and transactions) and an ``Archive``."""

    def __init__(self, store, archive: Archive):
        self.store = store
        self.archive = archive

    @classmethod
    def open(cls, db: str | os.PathLike[str] | None = None, *, archive: str | os.PathLike[str] | None = None,
             readonly: bool = False) -> Desk:
        from core.store import Store

        store = Store.open(db, readonly=readonly)
        return cls(store, archive_of(store, archive))

    def close(self) -> None:
        for archive in (self.archive, getattr(self.archive, "fallback", None)):
            close = getattr(archive, "close", None)
            if close:
                close()
        self.store.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def user(self) -> str:
        return self.store.user

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One committed transaction (the store's lock, error translation and BEGIN IMMEDIATE)."""
        with self.store._write() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.store._read() as conn:
            yield conn

    # --- rows ----------------------------------------------------------------------------------

    def next_number(self, conn: Connection, rules: str) -> str:
        """The next 受理编号 of a campaign, ``SH-2023-007``; never given twice.

        One ``UPDATE … SET last = last + 1 RETURNING``: on PostgreSQL (READ COMMITTED, several
        PCs) a second writer waits on the row and then counts on from the first one's number —
        a read-then-write would give both the same. The campaign's first number inserts the row
        with ``ON CONFLICT DO NOTHING`` (two first intakes at once) and counts on the same way."""
        from core.desk.archive import _insert_ignoring_duplicate

        c = t.numbers.c
        bump = update(t.numbers).where(c.rules == rules).values(last=c.last + 1).returning(c.last)
        n = conn.execute(bump).scalar()
        if n is None:
            if _insert_ignoring_duplicate(conn, t.numbers, {"rules": rules, "last": 1}):
                n = 1
            else:
                n = conn.execute(bump).scalar()
        return f"{rules}-{n:03d}"

    def insert_submission(self, conn: Connection, row: dict[str, Any], *, action: str = "intake",
                          note: dict[str, Any] | None = None) -> int:
        """Register one received file (the caller's transaction); ``row`` holds the columns, JSON
        ones as Python values. Returns the row id."""
        values = {c: row.get(c) for c in _COLS if c != "id"}
        for c in ("differences", "verification", "report", "compare_data", "document"):
            if values[c] is not None and not isinstance(values[c], str):
                values[c] = dumps(values[c])
        values["received_at"] = values["received_at"] or now()
        values["received_by"] = values["received_by"] or self.user
        values["paper_copies"] = values["paper_copies"] or 0
        values["cds"] = values["cds"] or 0
        values["number"] = values["number"] or self.next_number(conn, values["rules"])
        new_id = conn.execute(insert(t.submissions).values(**values)).inserted_primary_key[0]
        self.event(conn, new_id, action, None, values["status"], note)
        row["number"] = values["number"]  # the caller learns the number without reading the row back
        return new_id

    def event(self, conn: Connection, sub_id: int, action: str, old: str | None, new: str | None,
              note: dict[str, Any] | None = None) -> None:
        conn.execute(insert(t.events).values(submission_id=sub_id, at=now(), user=self.user, action=action,
                                             old=old, new=new, note=dumps(note) if note else None))

    def _rows(self, conn: Connection, where=None) -> list[Submission]:
        q = select(t.submissions).order_by(t.submissions.c.id)
        if where is not None:
            q = q.where(where)
        rows = conn.execute(q).mappings().all()
        trust = dict(conn.execute(select(t.trust.c.fingerprint, t.trust.c.status)).all())
        newer = {r[0] for r in conn.execute(select(t.submissions.c.previous_id).where(
            t.submissions.c.previous_id.is_not(None))).all()}
        return [self._submission(r, trust, newer) for r in rows]

    @staticmethod
    def _submission(r, trust: dict[str, str], newer: set[int]) -> Submission:
        return Submission(
            id=r["id"], number=r["number"], rules=r["rules"], received_at=r["received_at"],
            received_by=r["received_by"], sender=r["sender"], source_kind=r["source_kind"],
            file_name=r["file_name"], file_sha256=r["file_sha256"], file_size=r["file_size"], status=r["status"],
            refused_reason=r["refused_reason"], cluster_key=r["cluster_key"], cluster_name=r["cluster_name"],
            version=r["version"], previous_id=r["previous_id"], differences=_json(r["differences"], []),
            verification=_json(r["verification"], {}), fingerprint=r["fingerprint"], verdict=r["verdict"],
            report=_json(r["report"], {}), compare=_json(r["compare_data"]), document=_json(r["document"]), parent_id=r["parent_id"],
            paper_copies=r["paper_copies"], cds=r["cds"], trust=trust.get(r["fingerprint"] or "", ""),
            latest=r["id"] not in newer)

    def submissions(self, rules: str | None = None) -> list[Submission]:
        with self.read() as conn:
            return self._rows(conn, None if rules is None else t.submissions.c.rules == rules)

    def get(self, ref: str | int, conn: Connection | None = None) -> Submission:
        """A submission by its 受理编号 (case-insensitive) or row id."""
        if conn is None:
            with self.read() as c:
                return self.get(ref, c)
        c = t.submissions.c
        text = str(ref).strip()
        found = self._rows(conn, c.number == text.upper())  # numbers are upper-case: the unique index
        if not found and text.isdigit():
            found = self._rows(conn, c.id == int(text))
        if not found:
            raise M.UNKNOWN_SUBMISSION.error(ref=text)
        return found[0]

    def find_taken_in(self, conn: Connection, sha256: str) -> tuple[str, str] | None:
        """(受理编号, cluster name) of a taken-in submission with these exact bytes, if any."""
        c = t.submissions.c
        row = conn.execute(select(c.number, c.cluster_name).where((c.file_sha256 == sha256) & (c.status != st.REFUSED))
                           .order_by(c.id).limit(1)).first()
        return (row[0], row[1]) if row else None

    def newer_versions(self, conn: Connection, sub_id: int) -> list[Submission]:
        return self._rows(conn, t.submissions.c.previous_id == sub_id)

    def latest_version(self, conn: Connection, rules: str, cluster_key: str) -> Submission | None:
        c = t.submissions.c
        last = conn.execute(select(c.id).where((c.rules == rules) & (c.cluster_key == cluster_key)
                                               & (c.status != st.REFUSED)).order_by(c.version.desc(), c.id.desc())
                            .limit(1)).scalar()
        return None if last is None else self._rows(conn, c.id == last)[0]

    def events(self, ref: str | int) -> list[Event]:
        with self.read() as conn:
            sub = self.get(ref, conn)
            rows = conn.execute(select(t.events).where(t.events.c.submission_id == sub.id)
                                .order_by(t.events.c.id)).mappings().all()
        return [Event(r["at"], r["user"], r["action"], r["old"], r["new"], _json(r["note"], {})) for r in rows]

    # --- status --------------------------------------------------------------------------------

    def check_open(self, sub: Submission) -> None:
        if not sub.taken_in:
            raise M.REFUSED_ENTRY.error(number=sub.number, reason=sub.refused_reason or "")

    def set_status(self, conn: Connection, sub: Submission, target: str, via: str,
                   note: dict[str, Any] | None = None) -> bool:
        """Move ``sub`` to ``target`` inside the caller's transaction; False when already there."""
        self.check_open(sub)
        if sub.status == target:
            return False
        if not st.allowed(sub.status, target, via):
            raise M.STATUS_NOT_ALLOWED.error(number=sub.number, current=sub.status_label, target=st.label(target))
        conn.execute(update(t.submissions).where(t.submissions.c.id == sub.id).values(status=target))
        self.event(conn, sub.id, "status", sub.status, target, note)
        sub.status = target
        return True

    def change_status(self, ref: str | int, target: str, via: str, note: dict[str, Any] | None = None) -> bool:
        with self.write() as conn:
            return self.set_status(conn, self.get(ref, conn), target, via, note)

    def tick(self, ref: str | int, *, paper: int | None = None, cds: int | None = None) -> Submission:
        """Record the paper copies (一式5份) and CDs (光盘2份) received with a submission."""
        with self.write() as conn:
            sub = self.get(ref, conn)
            values = {k: v for k, v in (("paper_copies", paper), ("cds", cds)) if v is not None}
            if values:
                conn.execute(update(t.submissions).where(t.submissions.c.id == sub.id).values(**values))
                self.event(conn, sub.id, "tick", None, None, {"纸质材料份数": paper, "光盘份数": cds})
            return self.get(sub.id, conn)

    # --- trusted senders -----------------------------------------------------------------------

    def trust_state(self, conn: Connection, fingerprint: str) -> str:
        return conn.execute(select(t.trust.c.status).where(t.trust.c.fingerprint == fingerprint)).scalar() or ""

    def remember_sender(self, conn: Connection, fingerprint: str, sender: str) -> str:
        """First sight of a certificate: remembered as 待确认. Returns its state."""
        state = self.trust_state(conn, fingerprint)
        if not state:
            conn.execute(insert(t.trust).values(fingerprint=fingerprint, sender=sender, status=PENDING,
                                                first_seen=now()))
            state = PENDING
        return state

    def confirm_trust(self, ref: str) -> tuple[str, str]:
        """The official checked the fingerprint by telephone: trust it from now on. ``ref``: a
        fingerprint (or its first characters, separators ignored) or a 受理编号. Returns
        (fingerprint, sender)."""
        with self.write() as conn:
            fp = self._fingerprint_of(conn, ref)
            row = conn.execute(select(t.trust).where(t.trust.c.fingerprint == fp)).mappings().first()
            conn.execute(update(t.trust).where(t.trust.c.fingerprint == fp).values(
                status=TRUSTED, confirmed_at=now(), confirmed_by=self.user))
            for sid in conn.execute(select(t.submissions.c.id).where(t.submissions.c.fingerprint == fp)).scalars():
                self.event(conn, sid, "trust", row["status"], TRUSTED, {"证书指纹": fp})
            return fp, row["sender"]

    def _fingerprint_of(self, conn: Connection, ref: str) -> str:
        text = (ref or "").replace(":", "").replace(" ", "").strip().lower()
        if len(text) >= 8:
            found = conn.execute(select(t.trust.c.fingerprint).where(t.trust.c.fingerprint.like(text + "%"))
                                 ).scalars().all()
            if len(found) == 1:
                return found[0]
        try:
            sub = self.get(ref, conn)
        except UserError:
            sub = None
        if sub is not None and sub.fingerprint:
            return sub.fingerprint
        raise M.UNKNOWN_TRUST.error(ref=ref)

    def senders(self) -> list[dict[str, Any]]:
        with self.read() as conn:
            return [dict(r) for r in conn.execute(select(t.trust.c.fingerprint, t.trust.c.sender, t.trust.c.status,
                                                         t.trust.c.first_seen, t.trust.c.confirmed_at,
                                                         t.trust.c.confirmed_by)).mappings()]

    # --- settings per campaign -----------------------------------------------------------------

    def setting(self, rules: str, key: str, default: Any = None) -> Any:
        with self.read() as conn:
            v = conn.execute(select(t.settings.c.value).where((t.settings.c.rules == rules)
                                                              & (t.settings.c.key == key))).scalar()
        return default if v is None else json.loads(v)

    def set_setting(self, rules: str, key: str, value: Any, conn: Connection | None = None) -> None:
        if conn is None:
            with self.write() as c:
                return self.set_setting(rules, key, value, c)
        where = (t.settings.c.rules == rules) & (t.settings.c.key == key)
        if conn.execute(select(t.settings.c.key).where(where)).first():
            conn.execute(update(t.settings).where(where).values(value=dumps(value)))
        else:
            conn.execute(insert(t.settings).values(rules=rules, key=key, value=dumps(value)))
