"""The name of a jurisdiction as officials say it (上海, 海南, 广州, 全国), from its rule sets.

A rule set's ``short_name`` reads "上海 2023": the region's name is its first word. The rule sets
are the one place that knows jurisdictions, so a new region needs no change here.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    from core.errors import UserError
    from core.rules import available_rulesets, load_ruleset

    out: dict[str, str] = {}
    for rs_id in available_rulesets():
        try:
            rs = load_ruleset(rs_id)
        except UserError:
            continue
        word = (rs.short_name or "").split()
        if word and not word[0].isascii():
            out.setdefault(rs.jurisdiction, word[0])
    return out


def region_name(jurisdiction: str) -> str:
    """"上海" for "SH"; the code itself when no rule set names it."""
    return _names().get(jurisdiction, jurisdiction)
