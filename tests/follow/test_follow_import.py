"""follow-import: the register back from its follow-export JSON, idempotent, all or nothing."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from core.cli.main import main
from core.errors import UserError
from core.follow.export import write_json
from core.follow.register import Register
from core.follow.restore import import_register
from core.follow.targets import Target
from core.store import Store
from tests.follow.conftest import ON_PLAN, SAMPLE, fill_year


def _without_times(data: dict) -> dict:
    """The register as exported, minus the record times a restore cannot know (created/changed)."""
    for c in data["clusters"]:
        for r in c["annual_reports"]:
            r.pop("created"), r.pop("changed")
    return data


@pytest.fixture
def followed(reg, with_targets):
    fill_year(reg, with_targets, 2023, **ON_PLAN[2023])
    reg.new_annual(with_targets, 2024)
    reg.set_annual(with_targets, 2024, {"report.experience": "草稿"})
    reg.add_event(with_targets, "operator", "2024-05-01", "运营管理机构变更为某某公司", "2024-05-20")
    reg.add_event(with_targets, "area", "2024-08-01", "空间范围扩大到相邻街镇")
    return with_targets


@pytest.fixture
def fresh(tmp_path):
    s = Store.open(tmp_path / "fresh.sqlite")
    s.import_json(SAMPLE)  # the application itself comes back by its own import
    yield Register(s)
    s.close()


def test_export_fresh_database_import_equal_register(tmp_path, reg, followed, fresh):
    from core.follow.export import register_json

    path = write_json(reg, tmp_path / "register.json")
    result = import_register(fresh, path)
    assert result.clusters == 1
    assert result.added == {"recognitions": 1, "targets": 10, "annual_reports": 2, "events": 2}
    assert register_json(fresh) == register_json(reg)  # the same ids too: a fresh store had them free
    cluster = fresh.cluster(followed)
    assert cluster.recognition.valid_until == "2026-11-19"
    assert [t.confirmed for t in cluster.targets] == [True] * 10
    assert cluster.report(2023).submitted_on == "2024-04-01" and cluster.report(2024).submitted_on is None
    assert [e.revokes for e in cluster.events] == [False, True]
    imports = [h for h in fresh.store.history(followed) if h.action == "follow_import"]
    assert len(imports) == 1 and "register.json" in json.dumps(imports[0].to_json(), ensure_ascii=False)

    again = import_register(fresh, path)  # idempotent
    assert sum(again.added.values()) == 0 and sum(again.unchanged.values()) == 15
    assert len([h for h in fresh.store.history(followed) if h.action == "follow_import"]) == 1  # nothing new
    assert register_json(fresh) == register_json(reg)


def test_import_into_a_store_that_already_holds_other_numbers(tmp_path, reg, followed, fresh):
    """Ids taken in the receiving store: the records get new numbers, the register is the same."""
    fresh.recognize(followed, "2023-11-20", "上海市2023年市级中小企业特色产业集群名单")
    fresh.add_target(followed, Target(metric="custom:本地指标", label="本地指标", unit="个", target=Decimal(3), year=2025))
    path = write_json(reg, tmp_path / "register.json")
    result = import_register(fresh, path)
    assert result.unchanged["recognitions"] == 1 and result.added["targets"] == 10
    assert len(fresh.targets(followed)) == 11


def test_conflict_refuses_the_whole_file(tmp_path, reg, followed, fresh):
    path = write_json(reg, tmp_path / "register.json")
    fresh.recognize(followed, "2023-12-01", "另一份名单")
    with pytest.raises(UserError) as err:
        import_register(fresh, path)
    assert "register.json" in err.value.message and "认定" in err.value.message and "未导入任何内容" in err.value.message
    assert fresh.cluster(followed).targets == [] and fresh.cluster(followed).reports == []


def test_bad_record_late_in_the_file_leaves_nothing_half_applied(tmp_path, reg, followed, fresh):
    data = json.loads(write_json(reg, tmp_path / "register.json").read_text(encoding="utf-8"))
    data["clusters"][0]["events"][-1]["happened_on"] = "2024-13-01"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(UserError) as err:
        import_register(fresh, bad)
    msg = err.value.message
    assert "bad.json" in msg and "第 2 个事件" in msg and "2024-13-01" in msg
    assert fresh.recognition(followed) is None  # the recognition and targets before it are not kept


def test_unknown_rule_set_is_named(tmp_path, reg, followed, fresh):
    data = json.loads(write_json(reg, tmp_path / "register.json").read_text(encoding="utf-8"))
    data["clusters"][0]["recognition"]["rules"] = "XX-1999"
    bad = tmp_path / "rules.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(UserError) as err:
        import_register(fresh, bad)
    assert "rules.json" in err.value.message and "XX-1999" in err.value.message
    assert fresh.recognition(followed) is None


@pytest.mark.parametrize("content, expected", [
    ({"format": "cluster-declare-follow-up", "format_version": 2, "clusters": []}, "第 2 版"),
    ({"format": "cluster-declare.package", "format_version": 1}, "cluster-declare.package"),
    ([1, 2], "非台账内容"),
])
def test_another_program_or_version_is_refused_naming_the_file(tmp_path, fresh, content, expected):
    path = tmp_path / "其他程序.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(UserError) as err:
        import_register(fresh, path)
    assert "其他程序.json" in err.value.message and expected in err.value.message
    assert "不是本程序可导入的认定后管理台账" in err.value.message


def test_not_json_and_missing_application(tmp_path, reg, followed):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(UserError) as err:
        import_register(reg, broken)
    assert "broken.json" in err.value.message and "不是有效的 JSON" in err.value.message
    path = write_json(reg, tmp_path / "register.json")
    empty = Store.open(tmp_path / "empty.sqlite")
    try:
        with pytest.raises(UserError) as err:
            import_register(Register(empty), path)
        assert "没有对应的申请" in err.value.message and "register.json" in err.value.message
    finally:
        empty.close()


def test_cli_round_trip_and_exit_codes(capsys, tmp_path, store, store_url, reg, followed):
    out = tmp_path / "cli.json"
    assert main(["follow-export", "-o", str(out), "--db", str(store_url)]) == 0
    db2 = str(tmp_path / "two.sqlite")
    assert main(["import", str(SAMPLE), "--db", db2]) == 0
    capsys.readouterr()
    assert main(["follow-import", str(out), "--db", db2]) == 0
    text = capsys.readouterr().out
    assert "1 个集群" in text and "发展目标 10 项" in text
    assert main(["follow-import", str(out), "--db", db2]) == 0
    assert "无新记录" in capsys.readouterr().out
    assert main(["follow-export", "-o", str(tmp_path / "two.json"), "--db", db2]) == 0
    assert _without_times(json.loads(out.read_text(encoding="utf-8"))) == \
        _without_times(json.loads((tmp_path / "two.json").read_text(encoding="utf-8")))
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"format": "x", "format_version": 1}', encoding="utf-8")
    code = main(["follow-import", str(foreign), "--db", db2])
    assert code != 0 and "foreign.json" in capsys.readouterr().err
