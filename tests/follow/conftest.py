"""Fixtures for the follow-up tests: a real store holding the sample application, recognised — on
each engine (``engine_name``: a SQLite file, or a fresh database on the test PostgreSQL server)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from core.follow.register import Register
from core.follow.targets import errors, propose_targets
from core.paths import resource
from core.store import Store

SAMPLE = resource("samples", "sample-application.json")
SAMPLE_DOC = json.loads(SAMPLE.read_text(encoding="utf-8"))
LIST = "上海市2023年市级中小企业特色产业集群名单"
TEXTS = ("report.plan_execution", "report.target_progress", "report.experience", "report.problems")


@pytest.fixture
def store(store_url):
    s = Store.open(store_url)
    yield s
    s.close()


@pytest.fixture
def app_id(store):
    return store.import_json(SAMPLE)


@pytest.fixture
def reg(store):
    return Register(store)


@pytest.fixture
def recognised(reg, app_id):
    reg.recognize(app_id, date(2023, 11, 20), LIST)
    return app_id


@pytest.fixture
def with_targets(reg, recognised):
    """The sample's 发展目标 proposed from its text and every one confirmed."""
    cluster = reg.cluster(recognised)
    for p in propose_targets(SAMPLE_DOC["values"]["plan.targets"], cluster.context()):
        assert not errors(p.problems)
        reg.add_target(recognised, p.target, confirm=True)
    return recognised


def latest(key: str):
    v = SAMPLE_DOC["values"].get(key)
    return v["2022"] if isinstance(v, dict) and "2022" in v else v


def fill_year(reg: Register, app_id: str, year: int, **overrides) -> None:
    """A complete yearly report: the texts, every figure at the sample's 2022 level unless overridden
    (keys without the ``figures.`` prefix), then submitted on 1 April of the next year."""
    cluster = reg.cluster(app_id)
    values = {k: f"{year}年度情况" for k in TEXTS}
    for f in reg.figure_fields(cluster):
        v = latest(f.metric.key)
        values[f.key] = json.dumps(v) if isinstance(v, dict) else v
    for k, v in overrides.items():
        values[f"figures.{k}"] = v
    reg.new_annual(app_id, year)
    reg.set_annual(app_id, year, values)
    reg.submit_annual(app_id, year, date(year + 1, 4, 1))


# Figures that meet every 2025 target of the sample's plan (80亿元, 46 + 7 firms, 5%, 300, 45%, 0.32).
ON_PLAN = {
    2023: {"industry.output_total": "60", "industry.srdi_municipal": "33", "industry.little_giants": "5",
           "innovation.rd_intensity": "4.8", "innovation.patents_per_10k": "270", "digital.iiot_rate": "36",
           "green.co2_intensity": "0.35"},
    2024: {"industry.output_total": "70", "industry.srdi_municipal": "40", "industry.little_giants": "6",
           "innovation.rd_intensity": "4.9", "innovation.patents_per_10k": "285", "digital.iiot_rate": "41",
           "green.co2_intensity": "0.33"},
    2025: {"industry.output_total": "81", "industry.srdi_municipal": "47", "industry.little_giants": "7",
           "innovation.rd_intensity": "5.1", "innovation.patents_per_10k": "305", "digital.iiot_rate": "46",
           "green.co2_intensity": "0.31", "industry.leading_growth": "15"},
}
