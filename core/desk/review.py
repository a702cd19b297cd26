"""初审: the reviewer's verdict per basic condition and per indicator, beside the program's.

    items(desk, sub)                         every 初审 item with the program's verdict and the reviewer's
    record(desk, "SH-2023-003", "0.area", "符合", remark="…")
    accept_program(desk, "SH-2023-003")      the program's verdict for every numeric item not yet judged
    request_correction(desk, no, "补充2022年产值佐证", due="2023-05-05")   a 补正 item
    decide(desk, no, status.PASSED)          需补正 / 初审通过 / 不予推荐, with its checks
    correction_notice(desk, no, out_pdf)     the printable 补正通知

Items: each basic condition (the rule set's indicator-0 criteria) on its own, then indicators 1–8.
A qualitative indicator (every criterion of it is qualitative, or it has none: 三、七、八 on the
Shanghai form) has no program verdict: the reviewer's judgement is the verdict. The program's
verdict comes from the rules core's report stored at intake (core.package.manifest.verdicts_of).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update

from core.desk import status as st
from core.desk import tables as t
from core.desk.register import Desk, Submission
from core.messages import desk as M
from core.store.documents import now

FITS, FAILS, FIX = "符合", "不符合", "需补正"
VERDICTS = (FITS, FAILS, FIX)
_FROM_OUTCOME = {"met": FITS, "waived": FITS, "not_met": FAILS, "unknown": FIX}
_FROM_VERDICT = {"pass": FITS, "fail": FAILS, "incomplete": FIX}
MIN_REMARK_FOR_FAIL = 2  # a 不符合 / 需补正 says why, in a few words
ACCEPTED_REMARK = "采纳程序结论"


@dataclass
class ReviewItem:
    key: str  # "0.established" (a basic condition) or "indicator.3"
    title: str
    indicator: int
    qualitative: bool
    program: str | None  # 符合 / 不符合 / 需补正, None for a qualitative indicator
    verdict: str | None = None  # the reviewer's
    remark: str = ""
    at: str = ""
    user: str = ""

    @property
    def decided(self) -> bool:
        return self.verdict is not None

    @property
    def differs(self) -> bool:
        return self.decided and self.program is not None and self.program != self.verdict

    def to_json(self) -> dict[str, Any]:
        return {"item": self.key, "title": self.title, "indicator": self.indicator, "qualitative": self.qualitative,
                "program": self.program, "verdict": self.verdict, "remark": self.remark, "at": self.at,
                "user": self.user}


def _plan(sub: Submission) -> list[ReviewItem]:
    from core.rules import load_ruleset
    from core.rules.model import CRITERION, indicator_title

    rs = load_ruleset(sub.rules)
    report = sub.report or {}
    outcomes = {c["rule"]: c["outcome"] for c in report.get("criteria") or []}
    verdicts = report.get("indicators") or {}
    prefix = rs.id + "."
    out = []
    for r in rs.rules:
        if r.indicator == 0 and r.kind == CRITERION:
            key = r.id[len(prefix):] if r.id.startswith(prefix) else r.id
            out.append(ReviewItem(key, f"基本条件：{r.title or key}", 0, False, _FROM_OUTCOME.get(outcomes.get(r.id, ""))))
    for n in sorted(i for i in rs.indicator_names if i > 0):
        crit = [r for r in rs.rules if r.indicator == n and r.kind == CRITERION]
        qualitative = not crit or all(r.check.get("type") == "qualitative" for r in crit)
        program = None if qualitative else _FROM_VERDICT.get(verdicts.get(str(n), ""))
        out.append(ReviewItem(f"indicator.{n}", indicator_title(n, rs.indicator_names), n, qualitative, program))
    return out


def items(desk: Desk, sub: Submission | str, conn=None) -> list[ReviewItem]:
    if conn is None:
        with desk.read() as c:
            return items(desk, sub, c)
    if not isinstance(sub, Submission):
        sub = desk.get(sub, conn)
    plan = _plan(sub)
    rows = {r["item"]: r for r in conn.execute(select(t.reviews).where(t.reviews.c.submission_id == sub.id)).mappings()}
    for it in plan:
        r = rows.get(it.key)
        if r is not None:
            it.verdict, it.remark, it.at, it.user = r["verdict"], r["remark"], r["at"], r["user"]
    return plan


def resolve_item(plan: list[ReviewItem], ref: str, rules: str) -> ReviewItem:
    """An item from what the reviewer typed: ``0.area``, ``SH-2023.0.area``, ``3``, ``指标三``, ``indicator.3``."""
    from core.rules.model import indicator_numeral

    text = (ref or "").strip()
    if text.startswith(rules + "."):
        text = text[len(rules) + 1:]
    for it in plan:
        names = {it.key}
        if it.key.startswith("indicator."):
            names |= {str(it.indicator), f"指标{indicator_numeral(it.indicator)}"}
        if text in names:
            return it
    raise M.UNKNOWN_ITEM.error(rules=rules, item=ref, available="、".join(
        it.key.replace("indicator.", "") for it in plan))


def _check_verdict(verdict: str) -> str:
    v = (verdict or "").strip()
    if v not in VERDICTS:
        raise M.BAD_VERDICT.error(verdict=verdict)
    return v


def _to_reviewing(desk: Desk, conn, sub: Submission) -> None:
    if sub.status in (st.RECEIVED, st.NEEDS_FIX, st.PASSED, st.REJECTED):
        desk.set_status(conn, sub, st.REVIEWING, st.REVIEW)


def _put(desk: Desk, conn, sub: Submission, it: ReviewItem, verdict: str, remark: str) -> bool:
    where = (t.reviews.c.submission_id == sub.id) & (t.reviews.c.item == it.key)
    old = conn.execute(select(t.reviews.c.verdict, t.reviews.c.remark).where(where)).first()
    if old is not None and tuple(old) == (verdict, remark):
        return False
    values = {"program": it.program, "verdict": verdict, "remark": remark, "at": now(), "user": desk.user}
    if old is None:
        conn.execute(insert(t.reviews).values(submission_id=sub.id, item=it.key, **values))
    else:
        conn.execute(update(t.reviews).where(where).values(**values))
    desk.event(conn, sub.id, "review", old[0] if old else None, verdict,
               {"初审项": it.title, "程序结论": it.program or "（由评审人判断）", "备注": remark})
    return True


def record(desk: Desk, ref: str, item: str, verdict: str, remark: str = "") -> ReviewItem:
    """The reviewer's verdict on one item (a new verdict replaces the old; both are in the history)."""
    verdict = _check_verdict(verdict)
    remark = (remark or "").strip()
    with desk.write() as conn:
        sub = desk.get(ref, conn)
        desk.check_open(sub)
        it = resolve_item(_plan(sub), item, sub.rules)
        if verdict != FITS and len(remark) < MIN_REMARK_FOR_FAIL:
            raise M.SHORT_TEXT.error(what=f"“{it.title}”判为{verdict}的备注", min=MIN_REMARK_FOR_FAIL)
        _to_reviewing(desk, conn, sub)
        _put(desk, conn, sub, it, verdict, remark)
        it.verdict, it.remark = verdict, remark
        return it


def accept_program(desk: Desk, ref: str, remark: str = ACCEPTED_REMARK) -> list[ReviewItem]:
    """Take the program's verdict for every item that has one and is not yet judged."""
    with desk.write() as conn:
        sub = desk.get(ref, conn)
        desk.check_open(sub)
        taken = []
        for it in items(desk, sub, conn):
            if it.program is not None and not it.decided:
                _put(desk, conn, sub, it, it.program, remark)
                it.verdict, it.remark = it.program, remark
                taken.append(it)
        if taken:
            _to_reviewing(desk, conn, sub)
        return taken


def parse_date(value: str, what: str = "日期") -> str:
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise M.BAD_DATE.error(what=what, value=value) from None


def request_correction(desk: Desk, ref: str, item: str, due: str | None = None) -> int:
    text = (item or "").strip()
    if len(text) < 2:
        raise M.SHORT_TEXT.error(what="补正事项", min=2)
    due_iso = parse_date(due, "补正期限") if due else None
    with desk.write() as conn:
        sub = desk.get(ref, conn)
        desk.check_open(sub)
        _to_reviewing(desk, conn, sub)
        new = conn.execute(insert(t.corrections).values(submission_id=sub.id, item=text, due=due_iso, at=now(),
                                                        user=desk.user)).inserted_primary_key[0]
        desk.event(conn, sub.id, "correction", None, None, {"事项": text, "期限": due_iso})
        return new


def corrections(desk: Desk, ref: str, *, open_only: bool = True) -> list[dict[str, Any]]:
    with desk.read() as conn:
        sub = desk.get(ref, conn)
        q = select(t.corrections).where(t.corrections.c.submission_id == sub.id).order_by(t.corrections.c.id)
        if open_only:
            q = q.where(t.corrections.c.done_at.is_(None))
        return [dict(r) for r in conn.execute(q).mappings()]


def close_corrections(desk: Desk, ref: str) -> int:
    """The 补正 came in: every open request of the submission is marked done."""
    with desk.write() as conn:
        sub = desk.get(ref, conn)
        c = t.corrections.c
        n = conn.execute(update(t.corrections).where((c.submission_id == sub.id) & c.done_at.is_(None))
                         .values(done_at=now())).rowcount
        if n:
            desk.event(conn, sub.id, "correction", None, "done", {"已补正": n})
        return n


def decide(desk: Desk, ref: str, decision: str, note: str = "") -> Submission:
    """The 初审 decision. 初审通过 needs every item judged and none 不符合 or 需补正; 需补正 needs an
    open 补正 request (what the notice lists)."""
    target = st.parse(decision) or decision
    if target not in st.DECISIONS:
        raise M.STATUS_NOT_ALLOWED.error(number=ref, current="初审中", target=decision)
    with desk.write() as conn:
        sub = desk.get(ref, conn)
        desk.check_open(sub)
        plan = items(desk, sub, conn)
        if target == st.PASSED:
            open_items = [it for it in plan if not it.decided]
            if open_items:
                raise M.DECISION_OPEN.error(number=sub.number, count=len(open_items),
                                            items="、".join(it.title for it in open_items[:4]))
            failing = [it for it in plan if it.verdict in (FAILS, FIX)]
            if failing:
                raise M.DECISION_FAILS.error(number=sub.number, items="、".join(it.title for it in failing[:4]))
        if target == st.NEEDS_FIX:
            c = t.corrections.c
            if not conn.execute(select(c.id).where((c.submission_id == sub.id) & c.done_at.is_(None))).first():
                raise M.NO_CORRECTIONS.error(number=sub.number)
        desk.set_status(conn, sub, target, st.DECIDE, {"说明": note} if note else None)
        return sub


# --- printouts ------------------------------------------------------------------------------------

def correction_notice(desk: Desk, ref: str, out, *, office: str = "", today: dt.date | None = None) -> None:
    """补正通知 to the operating body: what is missing and by when, for signature and stamp."""
    from core.desk.printouts import write_pdf

    sub = desk.get(ref)
    open_items = corrections(desk, sub.number)
    if not open_items:
        raise M.NO_CORRECTIONS.error(number=sub.number)
    office = office or desk.setting(sub.rules, "office", "") or "（区中小企业主管部门）"
    today = today or dt.date.today()
    rows = [["序号", "需补正的内容", "补正期限"]] + [
        [str(n), c["item"], c["due"] or "—"] for n, c in enumerate(open_items, 1)]
    dues = sorted(c["due"] for c in open_items if c["due"])
    blocks = [
        ("h1_c", "申报材料补正通知"),
        ("p", f"{sub.sender or sub.cluster_name}："),
        ("statement", f"贵单位报送的“{sub.cluster_name}”申报材料（受理编号 {sub.number}，"
                      f"{sub.received_at[:10]} 收到）经初审，尚需补正以下内容"
                      + (f"，请于 {dues[0]} 前" if dues else "，请尽快") + "补正后重新报送："),
        ("space", 3),
        ("table", rows, [12, 120, 30]),
        ("space", 6),
        ("p", "逾期未补正的，将按现有材料审核。"),
        ("space", 16),
        ("sign_r", office),
        ("sign_r", f"{today.year}年{today.month}月{today.day}日"),
    ]
    write_pdf(out, f"补正通知 {sub.number}", blocks)


def review_record_blocks(desk: Desk, sub: Submission, office: str = "") -> list:
    """The 初审 record of one application (a page of the outgoing package, and printable alone)."""
    plan = items(desk, sub)
    rows = [["初审项", "程序结论", "初审结论", "备注", "初审人"]] + [
        [it.title, it.program or "由评审人判断", it.verdict or "未审", it.remark, it.user] for it in plan]
    return [
        ("h1_c", "中小企业特色产业集群申报初审记录"),
        ("p", f"集群：{sub.cluster_name}　受理编号：{sub.number}　报送单位：{sub.sender}"),
        ("p", f"状态：{sub.status_label}　程序自评结论：{sub.verdict_label}"),
        ("space", 2),
        ("table", rows, [60, 22, 22, 60, 20]),
        ("space", 10),
        ("sign", "初审人（签字）：　　　　　　　　　　　复核人（签字）：　　　　　　　　　　　日期："),
    ]
