"""SME classification by 《中小企业划型标准规定》(工信部联企业〔2011〕300号).

Only the sectors whose bounds are written down in ``spec/criteria.md`` are classified: 工业, 建筑业,
批发业, 零售业, 软件和信息技术服务业. Each sector is measured by two of X 从业人员 (人),
Y 营业收入 (万元), Z 资产总额 (万元). A firm is 中小微型 when it is under EITHER upper bound; 中型 and
小型 need BOTH lower bounds ("须同时满足所列指标的下限，否则下划一档"); what remains is 微型.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from core.messages import misc as M

CITATION = "《中小企业划型标准规定》（工信部联企业〔2011〕300号）第四条"

LARGE, MEDIUM, SMALL, MICRO = "large", "medium", "small", "micro"
SIZE_LABELS = {LARGE: "大型", MEDIUM: "中型", SMALL: "小型", MICRO: "微型"}
MEASURE_LABELS = {"X": "从业人员", "Y": "营业收入", "Z": "资产总额"}
MEASURE_UNITS = {"X": "人", "Y": "万元", "Z": "万元"}


@dataclass(frozen=True)
class Sector:
    name: str
    measures: tuple[str, str]  # which two of X, Y, Z
    upper: tuple[int, int]  # 中小微型 if a < upper[0] or b < upper[1]
    medium: tuple[int, int]  # 中型 if a >= medium[0] and b >= medium[1]
    small: tuple[int, int]  # 小型 if a >= small[0] and b >= small[1]


SECTORS = {
    "工业": Sector("工业", ("X", "Y"), (1000, 40000), (300, 2000), (20, 300)),
    "建筑业": Sector("建筑业", ("Y", "Z"), (80000, 80000), (6000, 5000), (300, 300)),
    "批发业": Sector("批发业", ("X", "Y"), (200, 40000), (20, 5000), (5, 1000)),
    "零售业": Sector("零售业", ("X", "Y"), (300, 20000), (50, 500), (10, 100)),
    "软件和信息技术服务业": Sector("软件和信息技术服务业", ("X", "Y"), (300, 10000), (100, 1000), (10, 50)),
}

# Words in a 所属行业 entry that place it in a sector. 300号 第四条 counts 采矿业, 制造业 and
# 电力、热力、燃气及水生产和供应业 as 工业. Checked in order; "批发和零售业" matches neither on purpose.
_SECTOR_WORDS = (
    ("软件和信息技术服务业", ("软件", "信息技术服务")),
    ("建筑业", ("建筑",)),
    ("工业", ("工业", "制造", "采矿", "矿业", "电力", "热力", "燃气", "水生产", "供应业")),
)


def sector_of(industry: str | None) -> Sector | None:
    """The sector of a 所属行业 text (e.g. "计算机、通信和其他电子设备制造业" → 工业), or None."""
    text = (industry or "").strip()
    if not text:
        return None
    if text in SECTORS:
        return SECTORS[text]
    if "批发" in text and "零售" in text:
        return None
    if "批发" in text:
        return SECTORS["批发业"]
    if "零售" in text:
        return SECTORS["零售业"]
    for name, words in _SECTOR_WORDS:
        if any(w in text for w in words):
            return SECTORS[name]
    return None


@dataclass(frozen=True)
class Classification:
    size: str | None  # large / medium / small / micro, None when it cannot be decided
    sector: str | None
    reason: str  # Chinese: why, or why not decided

    @property
    def is_sme(self) -> bool | None:
        return None if self.size is None else self.size != LARGE

    @property
    def label(self) -> str:
        return SIZE_LABELS.get(self.size or "", "未划型")


def classify(industry: str | None, employees: Decimal | int | None = None, revenue: Decimal | int | None = None,
             assets: Decimal | int | None = None) -> Classification:
    """Classify one firm. ``revenue`` and ``assets`` in 万元."""
    sector = sector_of(industry)
    if sector is None:
        what = f"所属行业“{industry}”" if (industry or "").strip() else "未填写所属行业"
        return Classification(None, None, M.SME_NO_SECTOR.text(what=what))
    given = {"X": employees, "Y": revenue, "Z": assets}
    a_key, b_key = sector.measures
    a, b = given[a_key], given[b_key]
    missing = [MEASURE_LABELS[k] for k, v in ((a_key, a), (b_key, b)) if v is None]
    if missing:
        return Classification(None, sector.name, M.SME_NEEDS.text(sector=sector.name, measures="和".join(missing)))
    a, b = Decimal(a), Decimal(b)
    if not (a < sector.upper[0] or b < sector.upper[1]):
        size = LARGE
    elif a >= sector.medium[0] and b >= sector.medium[1]:
        size = MEDIUM
    elif a >= sector.small[0] and b >= sector.small[1]:
        size = SMALL
    else:
        size = MICRO
    shown = f"{MEASURE_LABELS[a_key]}{_n(a)}{MEASURE_UNITS[a_key]}、{MEASURE_LABELS[b_key]}{_n(b)}{MEASURE_UNITS[b_key]}"
    return Classification(size, sector.name, M.SME_RESULT.text(sector=sector.name, shown=shown, size=SIZE_LABELS[size]))


def _n(v: Decimal) -> str:
    return f"{v.normalize():f}" if v == v.to_integral_value() else f"{v:f}"
