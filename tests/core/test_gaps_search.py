"""The search behind 还差多少 (core/rules/gaps_search.py): the fast search finds what the plain
widening search finds, and computing gaps never writes into the evaluator it is given, even while
another thread edits it."""

from __future__ import annotations

import copy
import sys
import threading

import pytest

from core.application import Application
from core.rules import Evaluator
from core.rules.gaps import compute_gaps
from core.rules.gaps_search import sandbox
from core.rules.model import NOT_MET
from tests.core.test_gaps import RULESETS, SAMPLE, _app, _perturbed


def _failing() -> Application:
    """Single changes (2020 output, patents, an answer) and a two-field one (co2 rising)."""
    return _app({"innovation.patents": "20", "basic.restricted_industry": "yes"},
                {("industry.output_total", 2020): "28.00", ("green.co2_intensity", 2020): "0.30",
                 ("green.co2_intensity", 2021): "0.40", ("green.co2_intensity", 2022): "0.50"})


@pytest.mark.parametrize("rs", RULESETS)
def test_fast_search_finds_every_change_the_plain_search_finds(rs):
    same = 0
    for seed in range(12):
        ev = Evaluator(_perturbed(seed), rs)
        for fast, plain in zip(compute_gaps(ev), compute_gaps(ev, exhaustive=True), strict=True):
            assert set(plain.gaps) <= set(fast.gaps) and set(plain.pairs) <= set(fast.pairs), fast.rule
            same += (fast.gaps, fast.pairs, fast.note) == (plain.gaps, plain.pairs, plain.note)
    # Where the plain search skips over a narrow range (a growth whose first year reaches 0 falls
    # back on the stated figure), the fast one may find more; on these it finds the same.
    assert same == sum(len(Evaluator(_perturbed(s), rs).ruleset.rules) for s in range(12))


def test_fast_and_plain_search_agree_on_the_failing_sample():
    for rs in RULESETS:
        ev = Evaluator(_failing(), rs)
        fast, plain = compute_gaps(ev), compute_gaps(ev, exhaustive=True)
        assert [(c.gaps, c.pairs, c.note) for c in fast] == [(c.gaps, c.pairs, c.note) for c in plain]
        assert any(c.gaps for c in fast)


def _snapshot(ev: Evaluator) -> dict:
    """Every container of the evaluator, entry by entry (the objects themselves, not equal copies)."""
    out = {}
    for name, v in vars(ev).items():
        if isinstance(v, dict):
            out[name] = (v, dict(v))
        elif isinstance(v, list):
            out[name] = (v, list(v))
        else:
            out[name] = (v, None)
    return out


def test_compute_gaps_writes_nothing_into_the_evaluator():
    for rs in RULESETS:
        app = _failing()
        ev = Evaluator(app, rs)
        raw = copy.deepcopy(app.values)
        report = ev.report().to_json()
        before = _snapshot(ev)
        cgs = compute_gaps(ev)
        assert any(c.outcome == NOT_MET and (c.gaps or c.pairs) for c in cgs)
        after = _snapshot(ev)
        assert after.keys() == before.keys()
        for name, (obj, entries) in before.items():
            assert after[name][0] is obj, name  # no attribute rebound
            if entries is not None:  # the same entries, the very same objects
                now = after[name][1]
                assert (now.keys() == entries.keys() if isinstance(now, dict) else len(now) == len(entries)), name
                keys = entries.keys() if isinstance(now, dict) else range(len(entries))
                assert all(now[k] is entries[k] for k in keys), name
        assert app.values == raw
        assert ev.report().to_json() == report


def test_the_sandbox_is_a_copy():
    ev = Evaluator(Application.from_json(copy.deepcopy(SAMPLE)), "SH-2023")
    sb = sandbox(ev)
    sb.set_value("innovation.patents", "20")
    assert sb.results["SH-2023.4.patents_per_10k"].outcome == NOT_MET
    assert ev.results["SH-2023.4.patents_per_10k"].outcome != NOT_MET
    assert ev.values["innovation.patents"] != "20" and ev.app.values["innovation.patents"] != "20"
    # The copy's criteria read the copy's states, not the original's.
    assert sb._ctx.states is sb.states and ev._ctx.states is ev.states
    # A copy taken on the editing thread is what a worker computes gaps on.
    edited = Evaluator(Application.from_json(copy.deepcopy(SAMPLE)), "SH-2023")
    edited.set_value("innovation.patents", "20")
    ours = [(c.rule, c.gaps, c.pairs, c.note) for c in compute_gaps(sb)]
    assert ours == [(c.rule, c.gaps, c.pairs, c.note) for c in compute_gaps(edited)]
    assert any(gaps for _, gaps, _, _ in ours)


class _Watched(dict):
    """A dict of the evaluator that records any write into it (its copies record nothing)."""

    def _wrote(self, how, *a):
        if self.__dict__.get("watch") is not None:
            self.watch.append(f"{self.name}.{how}{a[:1]}")

    def __setitem__(self, k, v):
        self._wrote("set", k)
        super().__setitem__(k, v)

    def __delitem__(self, k):
        self._wrote("del", k)
        super().__delitem__(k)

    def pop(self, *a):
        self._wrote("pop", *a)
        return super().pop(*a)

    def clear(self):
        self._wrote("clear")
        super().clear()

    def update(self, *a, **kw):
        self._wrote("update")
        super().update(*a, **kw)

    def setdefault(self, *a):
        self._wrote("setdefault", *a)
        return super().setdefault(*a)

    def __copy__(self):  # a copy is an ordinary dict: writes into it are the copy's business
        return dict(self)


def test_no_write_reaches_the_evaluator_during_the_search():
    """Every dict of the evaluator swapped for one that records writes: the search (probes,
    confirmations, two-field changes) makes none."""
    paired = 0
    for rs in RULESETS:
        ev = Evaluator(_failing(), rs)
        writes: list[str] = []
        swapped = {}
        for name, v in list(vars(ev).items()):
            if type(v) is dict:
                w = _Watched(v)
                w.name, w.watch = name, writes
                swapped[id(v)] = w
                setattr(ev, name, w)
        for f in ("states", "derived"):
            setattr(ev._ctx, f, swapped[id(getattr(ev._ctx, f))])
        ev.app.values = ev.values
        cgs = compute_gaps(ev)
        assert any(c.gaps for c in cgs)
        paired += sum(len(c.pairs) for c in cgs)
        assert writes == []
        ev.set_value("innovation.patents", "21")  # the watch works: an edit is a write
        assert writes
    assert paired  # the two-field search ran too


def test_gaps_on_another_thread_while_the_window_edits():
    app = _failing()
    ev = Evaluator(app, "SH-2023")
    errors: list[BaseException] = []
    seen: list[bool] = []
    done = threading.Event()

    def gaps():
        try:
            while not done.is_set():
                compute_gaps(ev)
        except BaseException as e:  # noqa: BLE001 - the test reports whatever went wrong
            errors.append(e)

    t = threading.Thread(target=gaps)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often: a write of the search would land mid-edit
    t.start()
    try:
        for i in range(300):  # the GUI thread: keystrokes in three fields the search also probes
            edits = [("innovation.patents", str(10 + i % 30)),
                     ("industry.output_total", {**ev.values["industry.output_total"], "2020": f"{25 + i % 10}.00"}),
                     ("basic.restricted_industry", "yes" if i % 2 else "no")]
            for key, value in edits:
                ev.set_value(key, value)
                for _ in range(20):  # what the window reads back stays what it wrote
                    seen.append(ev.states[key].raw == value and ev.values[key] == value)
    finally:
        done.set()
        t.join()
        sys.setswitchinterval(interval)
    assert not errors and all(seen) and len(seen) == 300 * 3 * 20
    fresh = Evaluator(Application.from_json(copy.deepcopy(app.to_json())), "SH-2023")
    assert ev.report().to_json() == fresh.report().to_json()
    assert {k: (r.outcome, r.value, r.found) for k, r in ev.results.items()} == \
        {k: (r.outcome, r.value, r.found) for k, r in fresh.results.items()}
    assert [(c.gaps, c.pairs) for c in compute_gaps(ev)] == [(c.gaps, c.pairs) for c in compute_gaps(fresh)]
