"""History: earlier versions, restoring them (recorded, undoable), duplicating for next year."""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from core.store import StoreError


def _pause():
    time.sleep(0.002)  # history times have microsecond resolution; keep "before" and "after" apart


def test_as_of_time_and_entry(store, app_id):
    store.set_value(app_id, "basic.area", "13")
    _pause()
    moment = datetime.now().isoformat()  # naive local time, as a user would type it
    _pause()
    store.set_value(app_id, "basic.area", "14")
    store.set_value(app_id, "basic.applicant", "促进中心")
    store.replace_list(app_id, "srdi", [{"name": "乙公司"}])
    past = store.as_of(app_id, moment)
    assert past["values"]["basic.area"] == "13"
    assert "basic.applicant" not in past["values"]
    assert "srdi" not in past["lists"]
    first_edit = store.history(app_id)[1].id
    assert store.as_of(app_id, entry=first_edit)["values"]["basic.area"] == "13"
    # The current document is untouched by looking back.
    assert store.get(app_id)["values"]["basic.area"] == "14"


def test_as_of_before_creation(store, app_id):
    with pytest.raises(StoreError, match="还没有创建"):
        store.as_of(app_id, "2000-01-01T00:00:00")


def test_as_of_rejects_entry_of_other_application(store, app_id, make_app):
    other = store.create(make_app())
    entry = store.history(other)[0].id
    with pytest.raises(StoreError, match="没有第"):
        store.as_of(app_id, entry=entry)


def test_restore_version_is_recorded_and_undoable(store, app_id):
    store.set_value(app_id, "basic.area", "13")
    keep = store.history(app_id)[-1].id
    store.set_value(app_id, "basic.area", "20")
    store.set_value(app_id, "basic.applicant", "促进中心")
    store.set_meta(app_id, name="改过的名字")
    store.set_status(app_id, "pending_review")
    changes = store.restore_version(app_id, entry=keep)
    doc = store.get(app_id)
    assert doc["values"]["basic.area"] == "13"
    assert "basic.applicant" not in doc["values"]
    assert doc["name"] == "上海市闵行区测试产业集群"
    assert doc["status"] == "pending_review"  # workflow state is not content
    assert changes == 3
    restore_rows = [e for e in store.history(app_id) if e.action == "restore"]
    assert {e.field for e in restore_rows} == {"basic.area", "basic.applicant", "name", None}
    # Undo the restore by restoring the version just before it.
    before_restore = restore_rows[0].id - 1
    store.restore_version(app_id, entry=before_restore)
    doc = store.get(app_id)
    assert doc["values"]["basic.area"] == "20" and doc["values"]["basic.applicant"] == "促进中心"


def test_restore_to_same_state_changes_nothing(store, app_id):
    last = store.history(app_id)[-1].id
    n = len(store.history(app_id))
    assert store.restore_version(app_id, entry=last) == 0
    assert len(store.history(app_id)) == n


def test_history_limit_returns_latest_in_order(store, app_id):
    for i in range(5):
        store.set_value(app_id, "basic.area", str(i))
    last_two = store.history(app_id, limit=2)
    assert [e.new for e in last_two] == ["3", "4"]
    page = store.history(app_id, limit=2, before=last_two[0].id)
    assert [e.new for e in page] == ["1", "2"]


def test_duplicate_same_campaign(store, app_id):
    store.replace_list(app_id, "enterprises", [{"name": "甲公司"}])
    copy_id = store.duplicate(app_id)
    copy = store.get(copy_id)
    assert copy_id != app_id
    assert copy["name"] == "上海市闵行区测试产业集群（副本）"
    assert copy["values"] == store.get(app_id)["values"]
    assert copy["lists"] == {"enterprises": [{"name": "甲公司"}]}
    assert store.history(copy_id)[0].action == "duplicate"
    store.set_value(copy_id, "basic.area", "1")
    assert store.get(app_id)["values"]["basic.area"] == "12.5"


def test_duplicate_for_next_campaign_shifts_years(store, make_app):
    standards = {
        "2020": {"international": {"lead": 0, "participate": 1}},
        "2021": {"international": {"lead": 1, "participate": 2}},
        "2022": {"international": {"lead": 2, "participate": 3}},
    }
    app_id = store.create(make_app(name="2023年闵行集群", **{
        "industry.output_total": {"2020": "30.5", "2021": "31", "2022": "33"},
        "innovation.standards": standards,
        "basic.area": "12.5",
    }))
    new_id = store.duplicate(app_id, campaign=2024)
    doc = store.get(new_id)
    assert doc["campaign"] == 2024
    assert doc["name"] == "2024年闵行集群"
    assert doc["status"] == "draft"
    assert doc["values"]["industry.output_total"] == {"2021": "31", "2022": "33", "2023": None}
    assert doc["values"]["innovation.standards"] == {
        "2021": {"international": {"lead": 1, "participate": 2}},
        "2022": {"international": {"lead": 2, "participate": 3}},
        "2023": {"international": {"lead": None, "participate": None}},
    }
    assert doc["values"]["basic.area"] == "12.5"
    # No SH-2024 rule set ships: the rule set id stays.
    assert doc["rules"] == "SH-2023"


def test_rules_id_follows_the_year_when_that_rule_set_exists(monkeypatch):
    from core.store import documents

    monkeypatch.setattr("core.rules.available_rulesets", lambda: ["SH-2023", "SH-2024"])
    assert documents.shift_rules_id("SH-2023", 2024) == "SH-2024"
    assert documents.shift_rules_id("SH-2023", 2025) == "SH-2023"


def test_shift_years_leaves_other_dicts_alone():
    from core.store.documents import shift_years

    assert shift_years({"selected": "ai"}, 1) == {"selected": "ai"}
    assert shift_years({"2020": "1", "2021": "2"}, 0) == {"2020": "1", "2021": "2"}
    # An earlier campaign: the window moves back, figures stay with their years.
    assert shift_years({"2020": "1", "2021": "2", "2022": "3"}, -1) == {"2019": None, "2020": "1", "2021": "2"}
