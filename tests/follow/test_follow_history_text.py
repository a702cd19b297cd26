"""The follow-up register's history rows in words (core/store/history_text.describe), as the history
window and ``history`` on the command line show them: no raw action names, no JSON."""

from __future__ import annotations

import pytest

from core.cli.main import main
from core.form import load_form
from core.store.history_text import ACTION_LABELS, describe

from .conftest import ON_PLAN, fill_year

# The lines do not depend on the engine (the register's SQL runs on both in the other tests).
sqlite_only = pytest.mark.parametrize("engine_name", ["sqlite"])


def _lines(store, app_id):
    form = load_form(store.get(app_id)["form"])
    return [describe(e, form) for e in store.history(app_id)
            if e.action in ("recognize", "target", "annual", "event")]


@sqlite_only
def test_each_follow_up_step_has_a_chinese_line(store, reg, with_targets):
    fill_year(reg, with_targets, 2023, **ON_PLAN[2023])
    reg.add_event(with_targets, "industry", "2024-01-10", "主导产业调整为智能传感器及系统")
    event = reg.cluster(with_targets).events[0]
    reg.report_event(with_targets, event.id, "2024-01-20")
    lines = _lines(store, with_targets)
    by_action: dict[str, list[str]] = {}
    for d in lines:
        by_action.setdefault(d.action, []).append(d.new)
        assert d.what == "认定后管理"
        assert "{" not in d.new and '"op"' not in d.new and d.new  # no JSON, never empty
    assert set(by_action) == {"认定", "发展目标", "年度报告", "重大事项"}
    (recognised,) = by_action["认定"]
    assert recognised.startswith("认定日期 2023-11-20，名单：上海市2023年市级中小企业特色产业集群名单")
    assert "有效期至 2026-11-19" in recognised
    assert len(by_action["发展目标"]) == 10 and all(x.startswith("确认目标：") for x in by_action["发展目标"])
    assert any("达到 80" in x and "亿元" in x for x in by_action["发展目标"])
    annual = by_action["年度报告"]
    assert annual[0] == "新建 2023 年度报告"
    assert annual[1].startswith("填写 2023 年度报告 ") and "一、发展规划执行情况" in annual[1]
    assert annual[2] == "报送 2023 年度报告（报送日期 2024-04-01）"
    assert by_action["重大事项"][0] == "记录重大事项：主导产业变更（2024-01-10）主导产业调整为智能传感器及系统"
    assert by_action["重大事项"][1] == "报备重大事项：主导产业变更（发生于 2024-01-10，报备日期 2024-01-20）"


@sqlite_only
def test_cli_history_shows_the_same_words(store, reg, with_targets, store_url, capsys):
    reg.add_event(with_targets, "operator", "2024-03-01", "运营机构改为促进会")
    store.close()
    assert main(["history", with_targets, "--db", str(store_url)]) == 0
    out = capsys.readouterr().out
    assert "认定  认定日期 2023-11-20" in out
    assert "重大事项  记录重大事项：运营管理机构变更（2024-03-01）运营机构改为促进会" in out
    for raw in ("recognize", "target  ", '"op"', "kind_label"):
        assert raw not in out


def test_every_register_action_is_labelled():
    import re
    from pathlib import Path

    source = (Path(__file__).resolve().parents[2] / "core" / "follow" / "register.py").read_text(encoding="utf-8")
    actions = set(re.findall(r'self\._history\(conn, [\w.]+, "(\w+)"', source))
    assert actions == {"recognize", "target", "annual", "event"}
    assert all(a in ACTION_LABELS for a in actions)
