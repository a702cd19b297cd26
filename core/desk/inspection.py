"""实地核查: a record per visit — date, people, what was checked against which evidence, and photos
or scans attached as evidence (kept in the archive by SHA-256, like the received files) — and the
printable record for signature.

    record(desk, "SH-2023-003", date="2023-05-06", people=["张三", "李四"],
           items=[{"item": "产值", "evidence": "2022年统计报表", "result": "属实"}],
           attachments=[Path("现场.jpg")], conclusion="与申报材料一致")
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from core.desk import tables as t
from core.desk.archive import TooLarge
from core.desk.register import Desk
from core.desk.review import parse_date
from core.messages import desk as M
from core.store.documents import now

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


def parse_item(text: str) -> dict[str, str]:
    """``核查内容=佐证材料=结果`` (the CLI's ``--item``)."""
    parts = [p.strip() for p in str(text).split("=")]
    if len(parts) != 3 or not all(parts):
        raise M.INSPECTION_ITEM.error(item=text)
    return {"item": parts[0], "evidence": parts[1], "result": parts[2]}


def record(desk: Desk, ref: str, *, date: str, people: list[str], items: list[dict[str, str]],
           attachments: list[Path] = (), conclusion: str = "") -> int:
    people = [p.strip() for p in people if p and p.strip()]
    if not people:
        raise M.INSPECTION_PEOPLE.error()
    day = parse_date(date, "核查日期")
    stored = []
    for path in attachments:  # into the archive before the row that names them
        path = Path(path)
        try:
            sha, size = desk.archive.put_file(path, limit=MAX_ATTACHMENT_BYTES)
        except TooLarge:
            raise M.ATTACHMENT_TOO_LARGE.error(name=path.name, limit="50 MB") from None
        except OSError as exc:
            from core.oserrors import os_reason

            raise M.ATTACHMENT_UNREADABLE.error(name=path.name, reason=os_reason(exc)) from exc
        stored.append({"name": path.name, "sha256": sha, "size": size})
    with desk.write() as conn:
        sub = desk.get(ref, conn)
        desk.check_open(sub)
        new = conn.execute(insert(t.inspections).values(
            submission_id=sub.id, date=day, people=json.dumps(people, ensure_ascii=False),
            items=json.dumps(items, ensure_ascii=False), attachments=json.dumps(stored, ensure_ascii=False),
            conclusion=conclusion.strip(), at=now(), user=desk.user)).inserted_primary_key[0]
        desk.event(conn, sub.id, "inspection", None, None, {"日期": day, "人员": "、".join(people),
                                                            "事项": len(items), "附件": len(stored)})
        return new


def inspections(desk: Desk, ref: str) -> list[dict[str, Any]]:
    with desk.read() as conn:
        sub = desk.get(ref, conn)
        rows = conn.execute(select(t.inspections).where(t.inspections.c.submission_id == sub.id)
                            .order_by(t.inspections.c.id)).mappings().all()
    out = []
    for r in rows:
        d = dict(r)
        for k in ("people", "items", "attachments"):
            d[k] = json.loads(d[k])
        out.append(d)
    return out


def print_record(desk: Desk, ref: str, out, office: str = "") -> None:
    """The latest inspection of ``ref`` as a record to sign (核查人员 and the operating body)."""
    from core.desk.printouts import write_pdf

    sub = desk.get(ref)
    found = inspections(desk, sub.number)
    if not found:
        raise M.NO_INSPECTION.error(number=sub.number)
    rec = found[-1]
    rows = [["序号", "核查内容", "对照的佐证材料", "核查结果"]] + [
        [str(n), i["item"], i["evidence"], i["result"]] for n, i in enumerate(rec["items"], 1)]
    att = [["附件", "SHA-256", "大小（字节）"]] + [[a["name"], a["sha256"], str(a["size"])] for a in rec["attachments"]]
    office = office or desk.setting(sub.rules, "office", "") or ""
    blocks = [
        ("h1_c", "中小企业特色产业集群实地核查记录"),
        ("p", f"集群：{sub.cluster_name}　受理编号：{sub.number}"),
        ("p", f"核查日期：{rec['date']}　核查单位：{office or '—'}　核查人员：{'、'.join(rec['people'])}"),
        ("space", 2),
        ("table", rows, [12, 50, 60, 40]),
        ("space", 4),
    ]
    if rec["attachments"]:
        blocks += [("p", "现场照片及扫描件（按 SHA-256 存档，可核对）："), ("table", att, [50, 100, 25]), ("space", 4)]
    blocks += [
        ("p", f"核查结论：{rec['conclusion'] or '　'}"),
        ("space", 14),
        ("sign", "核查人员（签字）：　　　　　　　　　　　　申报单位负责人（签字）："),
        ("space", 8),
        ("sign", "日期：　　　　年　　月　　日"),
    ]
    write_pdf(out, f"实地核查记录 {sub.number}", blocks)
