"""The way back from ``follow-export``: a register JSON file read into the store (``follow-import``).

Idempotent: a record already in the store exactly as in the file is left alone, so importing the
same file twice changes nothing. A record the store holds differently (another recognition date,
another yearly report for the year) is a conflict and refuses the whole file: the store is never
overwritten and never half-imported — everything is written in one transaction. The applications
themselves are not in the file: each cluster's application must already be in the store (same id).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from core.errors import UserError
from core.follow import tables as ft
from core.follow.export import FORMAT, FORMAT_VERSION
from core.follow.register import EVENT_KINDS, Register
from core.follow.schedule import follow_up_rules
from core.messages import follow as M
from core.store import schema as t
from core.store.documents import dumps, loads, now

KINDS = ("recognitions", "targets", "annual_reports", "events")
LABELS = {"recognitions": "认定", "targets": "发展目标", "annual_reports": "年度培育情况", "events": "事件"}


@dataclass
class ImportResult:
    path: Path
    clusters: int = 0
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    unchanged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))

    def text(self) -> str:
        added = "，".join(f"{LABELS[k]} {n} 项" for k, n in self.added.items() if n) or "无新记录"
        same = sum(self.unchanged.values())
        return (f"已从 {self.path.name} 导入认定后管理台账：{self.clusters} 个集群；新增 {added}"
                + (f"；{same} 项已在数据库中，未改动" if same else "") + "。")


class _Bad(Exception):
    """A malformed record: where it is and what is wrong, for IMPORT_BAD."""

    def __init__(self, where: str, problem: str):
        super().__init__(problem)
        self.where, self.problem = where, problem


def read_register_file(path: str | os.PathLike) -> dict[str, Any]:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        from core.oserrors import os_reason

        raise M.IMPORT_READ.error(path=path, reason=os_reason(exc)) from exc
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise M.IMPORT_READ.error(path=path, reason=f"不是有效的 JSON（{exc.__class__.__name__}）") from exc
    found = (f"{data.get('format')} 第 {data.get('format_version')} 版" if isinstance(data, dict)
             else "非台账内容")
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("format_version") != FORMAT_VERSION:
        raise M.IMPORT_FOREIGN.error(path=path, format=FORMAT, version=FORMAT_VERSION, found=found)
    if not isinstance(data.get("clusters"), list):
        raise M.IMPORT_BAD.error(path=path, where="“clusters”", problem="应为集群列表")
    return data


def _date(v: Any, where: str, what: str, optional: bool = False) -> str | None:
    if v is None and optional:
        return None
    try:
        return date.fromisoformat(str(v)).isoformat()
    except ValueError:
        raise _Bad(where, f"{what}“{v}”不是 YYYY-MM-DD 日期") from None


def _decimal(v: Any, where: str, what: str, optional: bool = False) -> str | None:
    if v is None and optional:
        return None
    try:
        d = Decimal(str(v))
    except (InvalidOperation, ValueError):
        raise _Bad(where, f"{what}“{v}”不是数值") from None
    if not d.is_finite():
        raise _Bad(where, f"{what}“{v}”不是数值")
    return str(d)


def _year(v: Any, where: str, optional: bool = False) -> int | None:
    if v is None and optional:
        return None
    if isinstance(v, bool) or not isinstance(v, int) or not 1900 <= v <= 2200:
        raise _Bad(where, f"年份“{v}”无效")
    return v


def _text(v: Any, where: str, what: str, optional: bool = False) -> str | None:
    if v is None and optional:
        return None
    if not isinstance(v, str) or (not optional and not v.strip()):
        raise _Bad(where, f"{what}应为文字")
    return v


def import_register(register: Register, path: str | os.PathLike) -> ImportResult:
    path = Path(path)
    data = read_register_file(path)
    result = ImportResult(path)
    store = register.store
    try:
        with store._write() as conn:  # one transaction: a refusal anywhere leaves the store as it was
            for n, cluster in enumerate(data["clusters"], 1):
                _import_cluster(register, conn, path, n, cluster, result)
                result.clusters += 1
    except _Bad as exc:
        raise M.IMPORT_BAD.error(path=path, where=exc.where, problem=exc.problem) from None
    return result


def _import_cluster(register: Register, conn, path: Path, n: int, c: Any, result: ImportResult) -> None:
    where = f"第 {n} 个集群"
    if not isinstance(c, dict) or not isinstance(c.get("recognition"), dict):
        raise _Bad(where, "缺少认定信息（recognition）")
    rec = c["recognition"]
    app_id = _text(rec.get("app_id"), where, "申请编号（app_id）")
    name = str(rec.get("name") or app_id)
    where = f"集群“{name}”"
    app = conn.execute(select(t.applications.c.id, t.applications.c.deleted_at)
                       .where(t.applications.c.id == app_id.lower())).first()
    if app is None or app.deleted_at:
        raise M.IMPORT_NO_APP.error(path=path, cluster=name, app_id=app_id)
    app_id = app.id

    def conflict(what: str, detail: str):
        return M.IMPORT_CONFLICT.error(path=path, cluster=name, what=what, detail=detail)

    wanted = {"recognized_on": _date(rec.get("recognized_on"), where, "认定日期"),
              "list_name": _text(rec.get("list_name"), where, "认定名单"),
              "rules": _text(rec.get("rules"), where, "规则集"),
              "valid_until": _date(rec.get("valid_until"), where, "有效期")}
    try:
        follow_up_rules(wanted["rules"])  # a rule set this program has, with its follow-up calendar
    except UserError as exc:
        raise _Bad(where, exc.message.rstrip("。")) from None
    r = ft.recognitions.c
    old = conn.execute(select(r.recognized_on, r.list_name, r.rules, r.valid_until).where(r.app_id == app_id)).first()
    changes: dict[str, int] = dict.fromkeys(KINDS, 0)
    if old is None:
        conn.execute(insert(ft.recognitions).values(app_id=app_id, at=now(), user=register.store.user, **wanted))
        changes["recognitions"] += 1
    elif dict(old._mapping) != wanted:
        raise conflict("认定", f"数据库中为 {old.recognized_on}《{old.list_name}》")
    else:
        result.unchanged["recognitions"] += 1

    tc = ft.targets.c
    existing = conn.execute(select(*ft.targets.c).where(tc.app_id == app_id)).mappings().all()
    for i, x in enumerate(c.get("targets") or [], 1):
        w = f"{where}的第 {i} 个发展目标"
        if not isinstance(x, dict):
            raise _Bad(w, "应为对象")
        row = {"metric": _text(x.get("metric"), w, "指标"), "label": _text(x.get("label"), w, "指标名称"),
               "unit": _text(x.get("unit") or "", w, "单位", optional=True),
               "baseline": _decimal(x.get("baseline"), w, "基数", optional=True),
               "target": _decimal(x.get("target"), w, "目标值"), "year": _year(x.get("year"), w, optional=True),
               "direction": x.get("direction") if x.get("direction") in ("up", "down") else None,
               "source": _text(x.get("source") or None, w, "出自", optional=True)}
        if row["direction"] is None:
            raise _Bad(w, f"方向“{x.get('direction')}”应为 up 或 down")
        confirmed = bool(x.get("confirmed"))
        same = [e for e in existing if all(_norm(e[k]) == _norm(v) for k, v in row.items())
                and (e["confirmed_at"] is not None) == confirmed]
        if same:
            result.unchanged["targets"] += 1
            continue
        if any(e["metric"] == row["metric"] and e["year"] == row["year"] for e in existing):
            raise conflict("发展目标", f"{row['label']} {row['year'] or '无年份'}年 的目标值或状态不同")
        at = now()
        values = {**row, "app_id": app_id, "confirmed_at": at if confirmed else None, "at": at}
        if _free(conn, ft.targets, x.get("id")):
            values["id"] = x["id"]  # a fresh store gets the same numbers (targets confirm N)
        conn.execute(insert(ft.targets).values(**values))
        changes["targets"] += 1

    ac = ft.annual.c
    reports = {row.year: row for row in conn.execute(select(*ft.annual.c).where(ac.app_id == app_id)).all()}
    for x in c.get("annual_reports") or []:
        w = f"{where}的年度培育情况"
        if not isinstance(x, dict) or not isinstance(x.get("values"), dict):
            raise _Bad(w, "应含年度（year）和内容（values）")
        year = _year(x.get("year"), w)
        w = f"{where}的 {year} 年度培育情况"
        submitted = _date(x.get("submitted_on"), w, "报送日期", optional=True)
        old = reports.get(year)
        if old is not None:
            if loads(old.values) == x["values"] and old.submitted_on == submitted:
                result.unchanged["annual_reports"] += 1
                continue
            raise conflict(f"{year} 年度培育情况", "内容或报送日期不同")
        at = now()
        values = {"app_id": app_id, "year": year, "values": dumps(x["values"], "年度培育情况"),
                  "submitted_on": submitted, "created": str(x.get("created") or at), "changed": str(x.get("changed") or at)}
        if _free(conn, ft.annual, x.get("id")):
            values["id"] = x["id"]
        conn.execute(insert(ft.annual).values(**values))
        changes["annual_reports"] += 1

    ec = ft.events.c
    events = conn.execute(select(ec.kind, ec.happened_on, ec.description, ec.reported_on)
                          .where(ec.app_id == app_id)).all()
    for i, x in enumerate(c.get("events") or [], 1):
        w = f"{where}的第 {i} 个事件"
        if not isinstance(x, dict) or x.get("kind") not in EVENT_KINDS:
            raise _Bad(w, f"类型“{x.get('kind') if isinstance(x, dict) else x}”无效")
        row = {"kind": x["kind"], "happened_on": _date(x.get("happened_on"), w, "发生日期"),
               "description": _text(x.get("description"), w, "内容"),
               "reported_on": _date(x.get("reported_on"), w, "报备日期", optional=True)}
        if any(tuple(e) == tuple(row.values()) for e in events):
            result.unchanged["events"] += 1
            continue
        if any(tuple(e)[:3] == tuple(row.values())[:3] for e in events):
            raise conflict("事件", f"{row['happened_on']} {EVENT_KINDS[row['kind']]} 的报备日期不同")
        values = {**row, "app_id": app_id, "at": now()}
        if _free(conn, ft.events, x.get("id")):
            values["id"] = x["id"]
        conn.execute(insert(ft.events).values(**values))
        changes["events"] += 1

    if any(changes.values()):
        register._history(conn, app_id, "follow_import", {"file": path.name, **{LABELS[k]: v for k, v in changes.items() if v}})
    for k, v in changes.items():
        result.added[k] += v


def _norm(v: Any) -> Any:
    if v in ("", None):
        return None
    if isinstance(v, str):
        try:
            return Decimal(v)
        except InvalidOperation:
            return v
    return v


def _free(conn, table, ident: Any) -> bool:
    """Whether ``ident`` (the record's number in the exporting store) is unused here."""
    if isinstance(ident, bool) or not isinstance(ident, int) or ident < 1:
        return False
    return conn.execute(select(table.c.id).where(table.c.id == ident)).first() is None
