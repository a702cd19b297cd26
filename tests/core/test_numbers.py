"""Numbers as officials type them."""

from decimal import Decimal

import pytest

from core.numbers import at_precision, fmt, parse_value


@pytest.mark.parametrize(
    ("raw", "kind", "unit", "expected"),
    [
        ("１２３．５", "number", "亿元", "123.5"),  # full-width digits and point
        ("1,234.56", "number", "亿元", "1234.56"),  # thousands separators
        ("１，２３４", "count", None, "1234"),  # full-width comma as thousands separator
        (" 58.4% ", "percent", None, "58.4"),  # trailing % and spaces
        ("58.4％", "percent", None, "58.4"),  # full-width percent sign
        ("30亿元", "number", "亿元", "30"),
        ("3000万元", "number", "亿元", "0.3"),  # converted to the field's unit
        ("2.5亿元", "number", "万元", "25000"),
        ("12个", "count", None, "12"),
        ("-3.2%", "percent", None, "-3.2"),  # growth rates may be negative
        ("－3.2", "percent", None, "-3.2"),  # full-width minus
        ("250", "percent", None, "250"),  # and above 100
        ("　12.80　", "number", "平方公里", "12.80"),  # ideographic spaces
        (30, "number", "亿元", "30"),  # JSON numbers
        (30.5, "number", "亿元", "30.5"),
    ],
)
def test_accepts_what_officials_type(raw, kind, unit, expected):
    p = parse_value(raw, kind, unit)
    assert p.error is None
    assert p.value == Decimal(expected)


@pytest.mark.parametrize(
    ("raw", "kind", "unit", "message"),
    [
        ("abc", "number", "亿元", "无法识别的数字“abc”"),
        ("12吨", "number", "亿元", "单位“吨”与本栏单位（亿元）不符"),
        ("1.5", "count", None, "应为整数"),
        ("-2", "count", None, "不能为负数"),
        ("1,2", "number", None, "无法识别的数字"),
        ("12%", "number", "亿元", "请去掉“%”"),
        ("5‰", "percent", None, "千分比"),
        (True, "number", None, "是/否"),
        (float("nan"), "number", None, "不是有效的数字"),
        ("1e5", "number", None, "无法识别的数字"),
    ],
)
def test_rejects_everything_else_with_a_reason(raw, kind, unit, message):
    p = parse_value(raw, kind, unit)
    assert p.value is None
    assert message in p.error


def test_none_word():
    assert parse_value("无", "count").value == 0  # a count of "无" is zero
    p = parse_value("无", "percent")
    assert p.none_marker and p.value is None and p.error is None


def test_blank():
    for raw in (None, "", "   ", "\u3000"):
        assert parse_value(raw, "number").blank


def test_extra_decimals_are_noticed():
    assert parse_value("10.005", "percent").extra_decimals
    assert not parse_value("10.05", "percent").extra_decimals


def test_precision_rounds_half_up():
    assert at_precision(Decimal("60.004")) == Decimal("60.00")
    assert at_precision(Decimal("60.005")) == Decimal("60.01")
    assert at_precision(Decimal("-2.345")) == Decimal("-2.35")
    assert fmt(Decimal("8.9849")) == "8.98"
    assert fmt(Decimal("16800"), 0) == "16800"


def test_cells_pasted_from_a_spreadsheet():
    from core.numbers import split_pasted_cells

    assert split_pasted_cells("41.20\t46.80\t53.60\r\n") == ["41.20", "46.80", "53.60"]
    assert split_pasted_cells("41.20\r\n46.80\r\n53.60\r\n") == ["41.20", "46.80", "53.60"]
    assert split_pasted_cells("1,234.50") == ["1,234.50"]
