"""Two-field changes (core/rules/gaps.py): for a criterion no single change meets, two inputs
changed together, each as little as the other allows.

For a pair (A, B) of the inputs the criterion reads (the other order only if this one finds
nothing), B is first set to its farthest value on a side that does not make it worse: if even
then no value of A meets the criterion, the pair cannot do it. Otherwise A's nearest met value is
found against that B, then B's nearest against that A, then A's again against the found B, until
neither moves (two rounds when the two act separately, as two years of 近三年均在). So applying
both meets the criterion, and moving either one step back towards its current value (the other
kept) fails it. Each pair is confirmed through ``set_value`` on the sandbox like a single change.
Answers (是/否) are not paired: each is already tried with every other answer on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.rules.gaps_nearest import FAR, nearest
from core.rules.gaps_search import Input, Probe, confirmed, held, score, text_of
from core.rules.model import MET, Rule

_ROUNDS = 4


@dataclass
class Axis:
    """One numeric input the criterion reads, on its grid (steps)."""

    inp: Input
    cur: Decimal
    units: int
    lo: int | None
    hi: int | None
    probe: Probe  # the single-change probe (its cache holds the scores one step either way)

    @property
    def step(self) -> Decimal:
        return self.probe.step

    def far(self, sign: int) -> int | None:
        bound = self.hi if sign > 0 else self.lo
        dist = FAR if bound is None else min(FAR, sign * (bound - self.units))
        return None if dist < 1 else self.units + sign * dist


def _closest(found: list[int], units: int) -> int | None:
    return min(found, key=lambda n: (abs(n - units), n)) if found else None


def _search(sb, rule: Rule, moving: Axis, fixed: Axis, at: int, exhaustive: bool) -> int | None:
    """``moving``'s nearest met value with ``fixed`` held at ``at`` steps."""
    with held(sb, rule, fixed.inp, text_of(at, fixed.step)):
        probe = Probe(sb, rule, moving.inp)
        if probe.now.outcome == MET:
            return moving.units
        return _closest(nearest(probe, moving.units, moving.lo, moving.hi, exhaustive), moving.units)


def _settle(sb, rule: Rule, a: Axis, b: Axis, a_n: int, exhaustive: bool) -> tuple[int, int] | None:
    for _ in range(_ROUNDS):
        b_n = _search(sb, rule, b, a, a_n, exhaustive)
        if b_n is None:
            return None
        a2 = _search(sb, rule, a, b, b_n, exhaustive)
        if a2 is None:
            return None
        if a2 == a_n:
            return a_n, b_n
        a_n = a2
    return None


def pairs(sb, rule: Rule, axes: list[Axis], exhaustive: bool = False) -> list[tuple[Axis, int, Axis, int]]:
    """Every two-field change found: (A, A's value, B, B's value), in steps, each pair once."""
    out, seen, done = [], set(), set()
    for a in axes:
        for b in axes:
            if a is b or (b.inp, a.inp) in done:
                continue  # one order of a pair that has a change is enough
            for sign in (1, -1):
                far = b.far(sign)
                if far is None:
                    continue
                if not exhaustive:  # a side on which B's score gets worse one step on cannot help
                    s0, (_, s1) = score(b.probe.now), b.probe.at(b.units + sign)
                    if s0 is not None and s1 is not None and s1 < s0:
                        continue
                a_n = _search(sb, rule, a, b, far, exhaustive)
                if a_n is None or a_n == a.units:
                    continue
                got = _settle(sb, rule, a, b, a_n, exhaustive)
                if got is None or got[0] == a.units or got[1] == b.units:
                    continue
                key = frozenset({(a.inp, got[0]), (b.inp, got[1])})
                if key in seen:
                    continue
                seen.add(key)
                changes = [(a.inp, text_of(got[0], a.step)), (b.inp, text_of(got[1], b.step))]
                if confirmed(sb, rule, changes):
                    out.append((a, got[0], b, got[1]))
                    done.add((a.inp, b.inp))
    return out

