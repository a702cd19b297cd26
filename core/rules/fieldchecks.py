"""Completeness and format checks that follow from the form itself, the same in every rule set.

Rule ids start with ``FORM.``; citations point at the 填报说明 or the form's own wording.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from core.form.model import STANDARD_LEVELS, STANDARD_ROLES, FieldDef, FormDef
from core.numbers import Parsed, fmt
from core.rules.model import COMPLETENESS, ERROR, FORMAT, WARNING, Finding
from core.rules.state import FieldState

NOTE_REQUIRED = "填报说明2"
NOTE_EVIDENCE = "填报说明3"
LEVEL_LABELS = dict(STANDARD_LEVELS)
ROLE_LABELS = dict(STANDARD_ROLES)


def field_title(fd: FieldDef) -> str:
    if fd.about:
        return f"{fd.about}·{fd.label}"
    return fd.label


def _f(fd: FieldDef, rule: str, kind: str, severity: str, message: str, citation: str, **extra) -> Finding:
    return Finding(
        rule=rule,
        indicator=fd.indicator,
        kind=kind,
        severity=severity,
        fields=[fd.key],
        message=f"{field_title(fd)}：{message}",
        citation=citation,
        **extra,
    )


def check_field(st: FieldState, form: FormDef, evidence: frozenset[str], lists: dict) -> list[Finding]:
    """Every finding about one field on its own."""
    fd = st.field
    out: list[Finding] = []
    t = fd.type
    if t == "fixed":
        return out
    if fd.required and st.blank and t not in ("series", "standards"):
        out.append(_f(fd, "FORM.required", COMPLETENESS, ERROR, "必填项未填写（无相关情况时请填写“无”）", NOTE_REQUIRED))
        return out
    if t in ("number", "percent", "count", "year"):
        out.extend(_number_findings(fd, st.number, ""))
        if t == "year" and st.number.value is not None and not 1949 <= st.number.value <= 2100:
            out.append(_f(fd, "FORM.range", FORMAT, ERROR, f"年份“{st.raw}”不合理", "申报表"))
    elif t == "series":
        missing = []
        for year, parsed in st.series.items():
            if parsed.blank:
                missing.append(f"{year}年")
            out.extend(_number_findings(fd, parsed, f"{year}年"))
        if missing and fd.required:
            out.append(
                _f(fd, "FORM.required", COMPLETENESS, ERROR, f"{'、'.join(missing)}未填写（无相关情况时请填写“无”）", NOTE_REQUIRED)
            )
    elif t == "standards":
        for (year, level, role), parsed in st.cells.items():
            if parsed.error:
                where = f"{year}年{LEVEL_LABELS[level]}标准{ROLE_LABELS[role]}数量"
                out.append(_f(fd, "FORM.number", FORMAT, ERROR, f"{where}{parsed.error}", NOTE_REQUIRED))
    elif t in ("text", "longtext"):
        if fd.max_chars and len(st.text) > fd.max_chars:
            out.append(
                _f(fd, "FORM.length", FORMAT, ERROR, f"超出{fd.max_chars}字限制（现{len(st.text)}字）",
                   f"申报表“（{fd.max_chars}字以内）”、填报说明")
            )
    elif t == "platform":
        out.extend(_number_findings(fd, st.number, "数量"))
        count = st.number.value
        if count and count > 0 and not st.text:
            out.append(_f(fd, "FORM.names", COMPLETENESS, ERROR, f"填报了{fmt(count, 0)}个平台，但未填写平台名称", "填报说明18"))
        if st.text and count is not None and count == 0:
            out.append(_f(fd, "FORM.names", FORMAT, ERROR, "数量为0，却填写了平台名称", "填报说明18"))
        if fd.evidence and count and count > 0:
            out.extend(_evidence(fd, fd.key, "平台", evidence, lists))
    elif t == "choice":
        if st.code and fd.option(st.code) and fd.option(st.code).text and not st.texts.get(st.code):
            out.append(_f(fd, "FORM.other_text", COMPLETENESS, ERROR, f"选择了“{fd.option(st.code).label}”，请填写具体内容", NOTE_REQUIRED))
    elif t == "checks":
        for key in st.selected:
            opt = fd.option(key)
            if opt is None:
                continue
            if opt.text and not st.texts.get(key):
                out.append(_f(fd, "FORM.other_text", COMPLETENESS, ERROR, f"勾选了“{opt.label}”，请填写具体内容", NOTE_REQUIRED))
            if fd.evidence:
                out.extend(_evidence(fd, f"{fd.key}:{key}", f"勾选项“{opt.label}”", evidence, lists))
    elif t == "yesno" and fd.evidence and st.code == "yes":
        out.extend(_evidence(fd, fd.key, "选择“是”", evidence, lists))
    if t == "count" and fd.evidence and st.number.value and st.number.value > 0:
        out.extend(_evidence(fd, fd.key, "填报的数量", evidence, lists))
    return out


def _number_findings(fd: FieldDef, p: Parsed, where: str) -> Iterator[Finding]:
    if p.error:
        yield _f(fd, "FORM.number", FORMAT, ERROR, f"{where}{p.error}", NOTE_REQUIRED)
        return
    v = p.value
    if v is None:
        return
    if p.extra_decimals:
        yield _f(fd, "FORM.decimals", FORMAT, WARNING, f"{where}“{fmt(v, 6).rstrip('0')}”超过两位小数，按两位小数（{fmt(v)}）判断",
                 NOTE_REQUIRED)
    if fd.element_type == "percent" and fd.range == "share" and not Decimal(0) <= v <= Decimal(100):
        yield _f(fd, "FORM.share_range", FORMAT, ERROR, f"{where}比例为{fmt(v)}%，应在0–100%之间", "申报表（比例）")
    if fd.minimum is not None and v < Decimal(str(fd.minimum)):
        yield _f(fd, "FORM.range", FORMAT, ERROR, f"{where}不能小于{fd.minimum}（填报为{fmt(v)}）", "申报表")


def _evidence(fd: FieldDef, target: str, what: str, evidence: frozenset[str], lists: dict) -> Iterator[Finding]:
    if target in evidence:
        return
    if fd.list_name and (f"list:{fd.list_name}" in evidence or lists.get(fd.list_name)):
        return
    yield _f(fd, "FORM.evidence", COMPLETENESS, ERROR, f"{what}需提供佐证材料，尚未添加", f"{NOTE_EVIDENCE}、申报表“（注：勾选需提供佐证材料）”")


def evidence_targets_of(fd: FieldDef) -> list[str]:
    """The evidence targets a field can need (for re-checking when attachments change)."""
    if fd.type == "checks":
        return [f"{fd.key}:{o.key}" for o in fd.options]
    return [fd.key]
