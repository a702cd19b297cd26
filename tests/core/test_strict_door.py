"""The strict door in process: the window's paths (a field saved, a list replaced, a document built
in Python) refuse what the CLI refuses, and refusing writes nothing."""

from __future__ import annotations

import errno
import json
import re

import pytest

from core.application import Application, validate_document
from core.errors import UserError
from core.numbers import parse_value
from core.oserrors import os_reason
from core.rules.applications import new_application
from core.store import Store

FIRM = {"name": "甲公司", "credit_code": "91310000MA1FL0XX1X", "industry": "制造业", "employees": 12,
        "revenue": "300", "sme": True}


@pytest.fixture
def stored(tmp_path):
    store = Store.open(tmp_path / "door.sqlite")
    app_id = store.create(new_application("SH-2023"))
    yield store, app_id
    store.close()


@pytest.mark.parametrize(("key", "value", "words"), [
    ("basic.restricted_industry", 1, "应为 yes/no，而不是 1"),
    ("basic.restricted_industry", 0.0, "应为 yes/no，而不是 0.0"),
    ("innovation.platforms_national", {"count": 2, "names": 5}, "“名称（names）”的取值类型错误：5"),
    ("industry.output_total", {"2020": float("inf")}, "“2020年”的取值类型错误：Infinity"),
    ("industry.chain_work", {"selected": "map"}, "“勾选项（selected）”的取值类型错误"),
])
def test_a_field_saved_from_the_window_is_refused_like_a_file(stored, key, value, words):
    store, app_id = stored
    before = store.get(app_id)
    with pytest.raises(UserError, match=words):
        store.set_value(app_id, key, value)
    assert store.get(app_id) == before
    assert [e.action for e in store.history(app_id)] == ["create"]


def test_yes_and_no_in_words_and_json_booleans_are_still_answers(stored):
    store, app_id = stored
    assert store.set_value(app_id, "basic.restricted_industry", "否").value == "no"
    assert store.set_value(app_id, "basic.incidents", False).value == "no"
    assert store.set_value(app_id, "basic.violations", True).value == "yes"


@pytest.mark.parametrize(("rows", "words"), [
    ([{**FIRM, "nickname": "甲"}], "第 1 行有未知的列“nickname”"),
    ([FIRM, {**FIRM, "employees": 1e300}], "第 2 行“从业人员(人)”（employees）的取值 1e+300 无效"),
    ([{**FIRM, "sme": "是"}], "“中小企业”（sme）的取值 \"是\" 无效"),
])
def test_a_list_replaced_from_the_window_is_checked_row_by_row(stored, rows, words):
    store, app_id = stored
    with pytest.raises(UserError, match=re.escape(words)):
        store.replace_list(app_id, "enterprises", rows)
    assert store.get(app_id)["lists"] == {}


def test_a_good_list_row_is_kept_exactly(stored):
    store, app_id = stored
    assert store.replace_list(app_id, "enterprises", [FIRM])
    assert store.get(app_id)["lists"]["enterprises"] == [FIRM]


def test_depth_is_measured_without_recursion():
    """A document built in Python can be deeper than the JSON parser would allow."""
    doc = new_application("SH-2023").to_json()
    deep: list = []
    for _ in range(200_000):
        deep = [deep]
    doc["lists"] = {"enterprises": [{"name": deep}]}
    with pytest.raises(UserError, match=r"位置 lists/enterprises/0/name/0/0.* 的嵌套超过 16 层") as info:
        validate_document(doc, "申报数据")
    assert info.value.code == "APP.too_deep"


def test_the_deepest_real_document_passes():
    doc = new_application("SH-2023").to_json()
    doc["values"]["innovation.standards"] = {"2020": {"national": {"lead": 1, "participate": "2"}}}
    doc["lists"] = {"enterprises": [FIRM]}
    app = Application.from_json(json.loads(json.dumps(doc)))
    assert app.values["innovation.standards"]["2020"]["national"]["lead"] == 1


def test_a_newer_form_version_is_refused():
    doc = new_application("SH-2023").to_json()
    doc["form_version"] = 2
    with pytest.raises(UserError, match="申报表 SH-FORM 的版本 2 比本程序所知的版本 1 新"):
        Application.from_json(doc)


@pytest.mark.parametrize("raw", [1e300, -1e300, 10 ** 40, "1" + "0" * 400, "1" + "0" * 400 + "元"])
def test_numbers_beyond_the_form_are_a_finding_not_a_crash(raw):
    parsed = parse_value(raw, "number", "万元", 2)
    assert parsed.value is None and parsed.error and "数值过大" in parsed.error


def test_the_largest_plausible_figure_still_parses():
    assert parse_value("999999999999999", "number", "万元", 2).value == 999999999999999
    assert parse_value("12亿元", "number", "万元", 2).value == 120000


def test_system_errors_in_the_officials_words():
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "磁盘空间不足"
    assert os_reason(OSError(errno.EROFS, "Read-only file system")) == "所在的文件系统是只读的"
    assert os_reason(Exception("IO_EFBIG")) == "文件超过系统允许的大小（磁盘配额或空间不足）"
    assert os_reason(OSError(errno.ETIMEDOUT, "Connection timed out")) == f"Connection timed out（错误码 {errno.ETIMEDOUT}）"
