"""SME classification (工信部联企业〔2011〕300号, bands in spec/criteria.md) and GB 32100-2015 codes."""

from __future__ import annotations

import pytest

from core.creditcode import code_problem, is_valid, normalize_code
from core.sme import LARGE, MEDIUM, MICRO, SMALL, classify, sector_of

# (industry, bound on first measure, bound on second) — each band's bounds from criteria.md.
SECTORS = {
    "工业": dict(upper=(1000, 40000), medium=(300, 2000), small=(20, 300), kw=("employees", "revenue")),
    "建筑业": dict(upper=(80000, 80000), medium=(6000, 5000), small=(300, 300), kw=("revenue", "assets")),
    "批发业": dict(upper=(200, 40000), medium=(20, 5000), small=(5, 1000), kw=("employees", "revenue")),
    "零售业": dict(upper=(300, 20000), medium=(50, 500), small=(10, 100), kw=("employees", "revenue")),
    "软件和信息技术服务业": dict(upper=(300, 10000), medium=(100, 1000), small=(10, 50), kw=("employees", "revenue")),
}


def _c(sector, a, b):
    kw = SECTORS[sector]["kw"]
    return classify(sector, **{kw[0]: a, kw[1]: b}).size


@pytest.mark.parametrize("sector", SECTORS)
def test_upper_bound_either_measure(sector):
    ua, ub = SECTORS[sector]["upper"]
    assert _c(sector, ua, ub) == LARGE  # both at the bound: not under either → 大型
    assert _c(sector, ua - 1, ub) != LARGE  # under the first bound only
    assert _c(sector, ua, ub - 1) != LARGE  # under the second bound only
    assert _c(sector, ua * 10, ub * 10) == LARGE


@pytest.mark.parametrize("sector", SECTORS)
def test_medium_needs_both_lower_bounds(sector):
    ma, mb = SECTORS[sector]["medium"]
    ua, _ = SECTORS[sector]["upper"]
    assert _c(sector, ma, mb) == MEDIUM
    assert _c(sector, ma - 1, mb) != MEDIUM
    assert _c(sector, ma, mb - 1) != MEDIUM
    assert _c(sector, ua - 1, mb) == MEDIUM


@pytest.mark.parametrize("sector", SECTORS)
def test_small_and_micro(sector):
    sa, sb = SECTORS[sector]["small"]
    ma, mb = SECTORS[sector]["medium"]
    assert _c(sector, sa, sb) == SMALL
    assert _c(sector, ma - 1, mb - 1) == SMALL
    assert _c(sector, sa - 1, sb) == MICRO  # 微型 needs only one of its conditions
    assert _c(sector, sa, sb - 1) == MICRO
    assert _c(sector, ma * 10, sb - 1) == MICRO  # big staff, tiny revenue: 下划一档 to 微型


def test_industry_words_map_to_sectors():
    assert sector_of("计算机、通信和其他电子设备制造业").name == "工业"
    assert sector_of("电力、热力、燃气及水生产和供应业").name == "工业"
    assert sector_of("房屋建筑业").name == "建筑业"
    assert sector_of("软件开发").name == "软件和信息技术服务业"
    assert sector_of("五金产品批发").name == "批发业"
    assert sector_of("批发和零售业") is None  # cannot tell which: not guessed
    c = classify("餐饮业", employees=10, revenue=100)
    assert c.size is None and "餐饮业" in c.reason
    assert classify("制造业", employees=None, revenue=100).size is None


@pytest.mark.parametrize("code", ["914403001922038216", "91110000600037341L", "91350100M000100Y43"])
def test_known_valid_codes(code):
    assert code_problem(code) is None


def test_invalid_codes_say_why():
    assert "校验码错误" in code_problem("914403001922038217")
    assert "应为18位" in code_problem("91440300192203821")
    assert "不允许的字符" in code_problem("91440300192203821I")
    assert is_valid(" ９１４４０３００１９２２０３８２１６ ")  # full width and spaces are normalised
    assert normalize_code("91350100m000100y43") == "91350100M000100Y43"
