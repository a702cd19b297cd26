"""Values the program computes from the official's own data, each with its formula.

All three follow the form's definitions:
- 近三年主导产业产值年均增速 (填报说明9): the geometric mean of the leading industry's output
  (总产值 × 主导产业占比) over the reported years. With three reported years that is two growth
  steps: (O_last / O_first) ^ (1/2) − 1. The year before the first reported one is not on the form,
  so a third step cannot be computed from it.
- 近三年中小企业研发经费年均增长: the stated yearly growth rates chained and averaged
  geometrically, ((1+r1)(1+r2)(1+r3)) ^ (1/3) − 1, consistent with 填报说明9's "年均 = 几何平均".
- 每万人有效发明专利拥有量 (填报说明21): patents ÷ SME employees × 10,000.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, localcontext

from core.form.model import DerivedDef
from core.numbers import at_precision, fmt
from core.rules.state import FieldState


@dataclass(frozen=True)
class DerivedValue:
    definition: DerivedDef
    value: Decimal | None  # exact (to 28 digits); compare with at_precision(value)
    formula: str  # the computation with the official's numbers
    missing: str = ""  # why it could not be computed

    @property
    def rounded(self) -> Decimal | None:
        return None if self.value is None else at_precision(self.value)


def _root(x: Decimal, n: int) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 34
        return x ** (Decimal(1) / Decimal(n))


_ROOT_WORDS = {2: "开平方", 3: "开立方"}


def _root_words(n: int) -> str:
    return _ROOT_WORDS.get(n, f"开{n}次方")


def geometric_growth_of_product(d: DerivedDef, states: dict[str, FieldState], years: list[int]) -> DerivedValue:
    total, share = (states[k] for k in d.inputs)
    first, last = years[0], years[-1]
    vals = {}
    for y in (first, last):
        t, s = total.series[y].value, share.series[y].value
        if t is None or s is None:
            return DerivedValue(d, None, "", missing=f"缺少{y}年的集群总产值或主导产业占比")
        vals[y] = (t, s)
    (t1, s1), (tn, sn) = vals[first], vals[last]
    base = t1 * s1 / 100
    steps = len(years) - 1
    formula = f"({fmt(tn)}×{fmt(sn)}%) ÷ ({fmt(t1)}×{fmt(s1)}%) {_root_words(steps)} − 1"
    if base <= 0:
        return DerivedValue(d, None, formula, missing=f"{first}年主导产业产值为0，无法计算增速")
    ratio = tn * sn / 100 / base
    if ratio < 0:
        return DerivedValue(d, None, formula, missing="产值为负，无法计算增速")
    return DerivedValue(d, (_root(ratio, steps) - 1) * 100, formula)


def compound_mean_of_rates(d: DerivedDef, states: dict[str, FieldState], years: list[int]) -> DerivedValue:
    (rates,) = (states[k] for k in d.inputs)
    factor = Decimal(1)
    parts = []
    for y in years:
        r = rates.series[y].value
        if r is None:
            return DerivedValue(d, None, "", missing=f"缺少{y}年的研发经费增速")
        if r <= -100:
            return DerivedValue(d, None, "", missing=f"{y}年的增速不能低于−100%")
        factor *= 1 + r / 100
        parts.append(f"(1+{fmt(r)}%)")
    formula = f"({'×'.join(parts)}) {_root_words(len(years))} − 1"
    return DerivedValue(d, (_root(factor, len(years)) - 1) * 100, formula)


def per_10k(d: DerivedDef, states: dict[str, FieldState], years: list[int]) -> DerivedValue:
    patents, employees = (states[k].number.value for k in d.inputs)
    if patents is None or employees is None:
        return DerivedValue(d, None, "", missing="缺少有效发明专利拥有量或中小企业从业人员数量")
    formula = f"{fmt(patents, 0)} ÷ {fmt(employees, 0)} × 10000"
    if employees == 0:
        return DerivedValue(d, None, formula, missing="中小企业从业人员数量为0")
    return DerivedValue(d, patents / employees * 10000, formula)


FUNCTIONS: dict[str, Callable[[DerivedDef, dict[str, FieldState], list[int]], DerivedValue]] = {
    "geometric_growth_of_product": geometric_growth_of_product,
    "compound_mean_of_rates": compound_mean_of_rates,
    "per_10k": per_10k,
}


def compute(d: DerivedDef, states: dict[str, FieldState], years: list[int]) -> DerivedValue:
    return FUNCTIONS[d.function](d, states, years)
