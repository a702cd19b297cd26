"""The campaign's dates and what is still to do: ``desk status``.

The dates come from the rule set's ``deadlines:`` block (core.rules.loader.load_deadlines), e.g.
上海 2023: 推荐截止 2023-05-12 (沪经信企〔2023〕304号 二（二）). What is not done is read from the
register: submissions not yet reviewed, 补正 requests open (and overdue), applications passed
without an on-site inspection, no recommendation order yet, the outgoing package not yet made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from core.desk import status as st
from core.desk import tables as t
from core.desk.register import Desk


@dataclass
class CampaignStatus:
    rules: str
    today: dt.date
    deadlines: list[dict[str, Any]] = field(default_factory=list)  # + days_left
    counts: dict[str, int] = field(default_factory=dict)  # status -> number of submissions
    todo: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"批次 {self.rules}（今天 {self.today.isoformat()}）"]
        if not self.deadlines:
            out.append("规则集未载明本批次的截止日期。")
        for d in self.deadlines:
            left = d["days_left"]
            when = (f"还有 {left} 天" if left > 0 else "就是今天" if left == 0 else f"已过 {-left} 天")
            out.append(f"{d['label']}：{d['date']}，{when}（{d['citation']}）")
        out.append("登记：" + ("，".join(f"{st.label(k)} {v} 份" for k, v in self.counts.items() if v) or "还没有受理"))
        out += ["尚未完成：" + item for item in self.todo] or ["各项工作均已完成。"]
        return out

    def to_json(self) -> dict[str, Any]:
        return {"rules": self.rules, "today": self.today.isoformat(),
                "deadlines": [{**d, "date": d["date"].isoformat()} for d in self.deadlines],
                "counts": self.counts, "todo": self.todo}


def campaign_status(desk: Desk, rules: str, today: dt.date | None = None) -> CampaignStatus:
    from core.rules.loader import load_deadlines

    today = today or dt.date.today()
    cs = CampaignStatus(rules, today)
    for d in load_deadlines(rules):
        cs.deadlines.append({**d, "days_left": (d["date"] - today).days})
    subs = [s for s in desk.submissions(rules) if s.source_kind != "outgoing"]
    cs.counts = {k: sum(s.status == k for s in subs) for k in st.ORDER}
    live = [s for s in subs if s.taken_in and s.latest]
    with desk.read() as conn:
        c = t.corrections.c
        open_fix = conn.execute(select(c.submission_id, c.due).where(c.done_at.is_(None))).all()
        inspected = {r[0] for r in conn.execute(select(t.inspections.c.submission_id))}
        ranked = conn.execute(select(t.ranking.c.submission_id).where(t.ranking.c.rules == rules)).first()
    ids = {s.id: s for s in live}
    unreviewed = [s.number for s in live if s.status == st.RECEIVED]
    if unreviewed:
        cs.todo.append(f"{len(unreviewed)} 份未开始初审（{_some(unreviewed)}）")
    reviewing = [s.number for s in live if s.status == st.REVIEWING]
    if reviewing:
        cs.todo.append(f"{len(reviewing)} 份初审中（{_some(reviewing)}）")
    fixes = [(sid, due) for sid, due in open_fix if sid in ids]
    if fixes:
        overdue = [ids[sid].number for sid, due in fixes if due and dt.date.fromisoformat(due) < today]
        cs.todo.append(f"{len({f[0] for f in fixes})} 份等待补正" + (f"，其中已逾期：{_some(overdue)}" if overdue else ""))
    not_inspected = [s.number for s in live if s.status in (st.PASSED, st.RECOMMENDED) and s.id not in inspected]
    if not_inspected:
        cs.todo.append(f"{len(not_inspected)} 份初审通过但尚无实地核查记录（{_some(not_inspected)}）")
    pending_trust = {s.fingerprint for s in live if s.fingerprint and s.trust != "trusted"}
    if pending_trust:
        cs.todo.append(f"{len(pending_trust)} 张报送单位证书待电话核对确认（desk trust）")
    if live and not ranked:
        cs.todo.append("尚未确定推荐顺序（desk rank）")
    if ranked and not desk.setting(rules, "exported"):
        cs.todo.append("尚未生成推荐上报包（desk export）")
    return cs


def _some(numbers: list[str], n: int = 5) -> str:
    return "、".join(numbers[:n]) + (f" 等 {len(numbers)} 份" if len(numbers) > n else "")
