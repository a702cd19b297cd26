"""择优推荐: the official's order of the recommended applications, a reason for each place, and the
quota of the campaign (a warning, not a refusal, when exceeded: the notice sets the number).

    warnings = set_order(desk, "SH-2023", ["SH-2023-004", "SH-2023-001"], ["产值增速最高…", "…"])
    ranking(desk, "SH-2023")   # [(place, Submission, reason)]

Setting the order replaces the previous one in one transaction: newly placed applications go
初审通过 → 已推荐, those no longer placed go back to 初审通过, every change in the history.
"""

from __future__ import annotations

from sqlalchemy import delete, insert, select

from core.desk import status as st
from core.desk import tables as t
from core.desk.register import Desk, Submission
from core.messages import desk as M
from core.store.documents import now

MIN_REASON = 4


def quota(desk: Desk, rules: str) -> int | None:
    return desk.setting(rules, "quota")


def set_quota(desk: Desk, rules: str, value: int | None) -> None:
    if value is not None and (not isinstance(value, int) or value <= 0):
        raise M.BAD_QUOTA.error(value=value)
    desk.set_setting(rules, "quota", value)


def quota_warning(count: int, limit: int | None) -> str:
    return M.QUOTA_EXCEEDED.text(count=count, quota=limit) if limit and count > limit else ""


def set_order(desk: Desk, rules: str, order: list[str], reasons: list[str]) -> list[str]:
    """Record the order; returns warnings (the quota). Refused: an application not 初审通过, not the
    latest version, of another campaign, listed twice, or a place without its reason."""
    order = [o.strip() for o in order if o.strip()]
    reasons = [r.strip() for r in reasons]
    if len(reasons) != len(order):
        raise M.REASONS_COUNT.error(count=len(order), reasons=len(reasons))
    for r in reasons:
        if len(r) < MIN_REASON:
            raise M.SHORT_TEXT.error(what="推荐理由", min=MIN_REASON)
    with desk.write() as conn:
        chosen: list[Submission] = []
        for ref in order:
            sub = desk.get(ref, conn)
            if sub.rules != rules:
                raise M.UNKNOWN_SUBMISSION.error(ref=f"{ref}（批次 {rules}）")
            if any(c.id == sub.id for c in chosen):
                raise M.DUPLICATE_ORDER.error(number=sub.number)
            desk.check_open(sub)
            if not sub.latest:
                newer = desk.newer_versions(conn, sub.id)
                raise M.NOT_LATEST.error(number=sub.number, latest=newer[0].number if newer else "—")
            if sub.status not in (st.PASSED, st.RECOMMENDED):
                raise M.NOT_PASSED.error(number=sub.number, cluster=sub.cluster_name, status=sub.status_label)
            chosen.append(sub)
        before = {r[0] for r in conn.execute(select(t.ranking.c.submission_id).where(t.ranking.c.rules == rules))}
        conn.execute(delete(t.ranking).where(t.ranking.c.rules == rules))
        for place, (sub, reason) in enumerate(zip(chosen, reasons, strict=True), 1):
            conn.execute(insert(t.ranking).values(rules=rules, submission_id=sub.id, place=place, reason=reason,
                                                  at=now(), user=desk.user))
            desk.event(conn, sub.id, "rank", None, str(place), {"名次": place, "理由": reason})
            desk.set_status(conn, sub, st.RECOMMENDED, st.RANK)
        kept = {s.id for s in chosen}
        for sid in before - kept:
            sub = desk.get(sid, conn)
            desk.event(conn, sid, "rank", "placed", None, {"说明": "移出推荐名单"})
            if sub.status == st.RECOMMENDED:
                desk.set_status(conn, sub, st.PASSED, st.RANK)
    warning = quota_warning(len(chosen), quota(desk, rules))
    return [warning] if warning else []


def ranking(desk: Desk, rules: str) -> list[tuple[int, Submission, str]]:
    with desk.read() as conn:
        rows = conn.execute(select(t.ranking.c.place, t.ranking.c.submission_id, t.ranking.c.reason)
                            .where(t.ranking.c.rules == rules).order_by(t.ranking.c.place)).all()
        return [(place, desk.get(sid, conn), reason) for place, sid, reason in rows]
