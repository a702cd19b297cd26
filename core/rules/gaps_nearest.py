"""The nearest value of one input that meets a criterion (core/rules/gaps.py), in steps of the
field's precision, on a probe of core/rules/gaps_search.py.

Every criterion kind is monotone in each input it reads (a sum, a mean, a share, a ratio, a
geometric growth, a year), so along one input the values that meet it lie on one side: the search
steps once each way, drops a side whose score (the relative margin) gets worse, jumps to where the
line through the last two scores crosses zero (secant), narrows the bracket the same way once a
met value is found (regula falsi), then looks just below the met end and bisects the rest. A side
with no slope (another year decides, an ``any_of``'s other branch is ahead) is first tried at its
farthest value: not met there, met nowhere on that side. A probe without a score (a result read
from other fields, a criterion without a number such as 逐年下降) allows no such inference: the
plain widening search (×4, then bisection) runs instead, the reference tests/core/test_gaps_search.py
checks the fast search against.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_CEILING, Decimal

from core.rules.gaps_search import Probe, bounds_of, score

GROWTH, MAX_TRIES = 4, 20  # widening ×4, up to 4^19 steps: far beyond any plausible figure
FAR = GROWTH ** (MAX_TRIES - 1)  # the farthest distance (in steps) either search looks at
_SECANT_TRIES = 4


def _widen(met: Callable[[int], bool], bound: int | None) -> int | None:
    """The plain search on one side: widen the distance ×4 until met (or the bound), then bisect
    between the last unmet and the first met distance."""
    prev, d = 0, 1
    for _ in range(MAX_TRIES):
        if bound is not None and d > bound:
            d = bound
            if d <= prev or not met(d):
                return None
        elif not met(d):
            prev, d = d, d * GROWTH
            continue
        while d - prev > 1:
            mid = (prev + d) // 2
            if met(mid):
                d = mid
            else:
                prev = mid
        return d
    return None


def _ceil(x: Decimal) -> int:
    return int(x.to_integral_value(rounding=ROUND_CEILING))


def _directed(at: Callable[[int], tuple[bool, Decimal | None]], limit: int, s0: Decimal | None) -> int | None:
    """The smallest distance in 1..limit at which the criterion is met, on one side (see the module
    docstring); ``at(d)`` = (met, score) ``d`` steps away."""
    met1, s1 = at(1)
    if met1:
        return 1

    def plain() -> int | None:  # a point without a score (a growth from 0): no shortcut holds
        return _widen(lambda d: at(d)[0], limit if limit < FAR else None)

    if s0 is None or s1 is None:
        return plain()
    if s1 < s0:
        return None  # worse one step on: no better farther (monotone)
    (pd, ps), (ld, ls), hit = (0, s0), (1, s1), None
    for _ in range(_SECANT_TRIES):  # unmet at ld; jump to where the line through the last two crosses 0
        if ls <= ps or ld >= limit:
            break
        g = min(limit, ld + max(1, _ceil(-ls * (ld - pd) / (ls - ps))))
        m, s = at(g)
        if m:
            hit = g
            break
        if s is None:
            return plain()
        (pd, ps), (ld, ls) = (ld, ls), (g, s)
    if hit is None:
        if ld >= limit:
            return None
        far_met, far_score = at(limit)
        if not far_met:  # not met at the farthest value (and decided there): nowhere on this side
            return None if far_score is not None else plain()
        d = _widen(lambda d: at(ld + d)[0], limit - ld)  # no slope to follow: widen from the last unmet
        return None if d is None else ld + d
    # Met at hit, not at ld: narrow the bracket along the line through both scores (regula falsi),
    # then look just below the met end and bisect what is left (the rounding to two decimals puts
    # the boundary a little before the score's zero).
    hs = at(hit)[1]
    for _ in range(_SECANT_TRIES):
        if hit - ld <= 2 or ls is None or hs is None or hs <= ls:
            break
        g = min(hit - 1, max(ld + 1, ld + _ceil(-ls * (hit - ld) / (hs - ls))))
        m, s = at(g)
        if m:
            hit, hs = g, s
        else:
            ld, ls = g, s
    step = 1
    while hit - ld > 1:
        cand = hit - step
        if cand <= ld:
            break
        if at(cand)[0]:
            hit, step = cand, step * GROWTH
        else:
            ld = cand
            break
    while hit - ld > 1:
        mid = (ld + hit) // 2
        if at(mid)[0]:
            hit = mid
        else:
            ld = mid
    return hit


def nearest(probe: Probe, cur: int, lo: int | None, hi: int | None, exhaustive: bool = False) -> list[int]:
    """The nearest met values above and below ``cur`` (in steps), within [lo, hi]."""
    s0 = score(probe.now)
    found = []
    for sign in (1, -1):
        bound = hi if sign > 0 else lo
        dist = None if bound is None else sign * (bound - cur)
        if dist is not None and dist < 1:
            continue

        def at(d: int, sign=sign) -> tuple[bool, Decimal | None]:
            return probe.at(cur + sign * d)

        if exhaustive:
            d = _widen(lambda d, at=at: at(d)[0], dist)
        else:
            d = _directed(at, FAR if dist is None else min(dist, FAR), s0)
        if d is not None:
            found.append(cur + sign * d)
    return found


def grid(probe: Probe, cur: Decimal) -> tuple[int, int | None, int | None]:
    """The current value and the input's bounds, in steps."""
    step = probe.step
    lo, hi = bounds_of(probe.sb, probe.key, probe.cell)
    units = int((cur / step).to_integral_value())
    return units, None if lo is None else int(lo / step), None if hi is None else int(hi / step)
