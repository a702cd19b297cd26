"""Completeness and format checks that follow from the form itself, the same in every rule set.

Rule ids start with ``FORM.``; citations point at the 填报说明 or the form's own wording.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from core.form.kinds import KINDS, NOTE_REQUIRED, kind_of
from core.form.model import FieldDef, FormDef
from core.messages import form as msg
from core.messages.base import Message
from core.numbers import Parsed, fmt
from core.rules.model import COMPLETENESS, ERROR, FORMAT, WARNING, Finding
from core.rules.plausibility import CITATION as PLAUSIBILITY_CITATION
from core.rules.plausibility import plausibility_findings
from core.rules.state import FieldState

NOTE_EVIDENCE = "填报说明3"


def field_title(fd: FieldDef) -> str:
    if fd.about:
        return f"{fd.about}·{fd.label}"
    return fd.label


def _f(fd: FieldDef, message: Message, kind: str, severity: str, citation: str, **fields) -> Finding:
    return Finding(
        rule=msg.rule_of(message.code),
        indicator=fd.indicator,
        kind=kind,
        severity=severity,
        fields=[fd.key],
        message=f"{field_title(fd)}：{message.text(**fields)}",
        citation=citation,
    )


def check_field(st: FieldState, form: FormDef, evidence: frozenset[str], lists: dict) -> list[Finding]:
    """Every finding about one field on its own: required here, the rest from its kind."""
    fd = st.field
    kind = kind_of(fd)
    if kind.whole_required and fd.required and st.blank:
        return [_f(fd, msg.REQUIRED, COMPLETENESS, ERROR, NOTE_REQUIRED)]
    found = list(kind.check(st, _Checks(fd, evidence, lists)))
    found += plausibility_findings(st, form, lambda m, **kw: _f(fd, m, FORMAT, WARNING, PLAUSIBILITY_CITATION, **kw))
    return found


class _Checks:
    """The findings a kind's ``check`` yields, made into rules ``Finding``s."""

    def __init__(self, fd: FieldDef, evidence: frozenset[str], lists: dict):
        self.fd, self._evidence, self._lists = fd, evidence, lists

    def incomplete(self, message: Message, citation: str, **fields) -> Finding:
        return _f(self.fd, message, COMPLETENESS, ERROR, citation, **fields)

    def bad_format(self, message: Message, citation: str, **fields) -> Finding:
        return _f(self.fd, message, FORMAT, ERROR, citation, **fields)

    def number(self, parsed: Parsed, where: str) -> Iterator[Finding]:
        return _number_findings(self.fd, parsed, where)

    def evidence(self, target: str, what: str) -> Iterator[Finding]:
        return _evidence(self.fd, target, what, self._evidence, self._lists)


def _number_findings(fd: FieldDef, p: Parsed, where: str) -> Iterator[Finding]:
    if p.error:
        yield _f(fd, msg.NUMBER, FORMAT, ERROR, NOTE_REQUIRED, where=where, error=p.error)
        return
    v = p.value
    if v is None:
        return
    if p.extra_decimals:
        yield _f(fd, msg.DECIMALS, FORMAT, WARNING, NOTE_REQUIRED, where=where, raw=fmt(v, 6).rstrip("0"), value=fmt(v))
    if share_out_of_range(fd, v):
        yield _f(fd, msg.SHARE, FORMAT, ERROR, "申报表（比例）", where=where, value=fmt(v))
    if below_minimum(fd, v):
        yield _f(fd, msg.MINIMUM, FORMAT, ERROR, "申报表", where=where, minimum=fd.minimum, value=fmt(v))


def share_out_of_range(fd: FieldDef, v: Decimal) -> bool:
    return KINDS[fd.element_type].percent and fd.range == "share" and not Decimal(0) <= v <= Decimal(100)


def below_minimum(fd: FieldDef, v: Decimal) -> bool:
    return fd.minimum is not None and v < Decimal(str(fd.minimum))


def impossible(fd: FieldDef, p: Parsed) -> bool:
    """One parsed value the form's own checks reject (the same tests as its format findings)."""
    if p.error:
        return True
    return p.value is not None and (share_out_of_range(fd, p.value) or below_minimum(fd, p.value))


# Findings about one value (a year, a cell), not the whole field: a series keeps its other years.
PER_VALUE_RULES = frozenset({"FORM.number", "FORM.share_range", "FORM.range", "FORM.required"})


def _evidence(fd: FieldDef, target: str, what: str, evidence: frozenset[str], lists: dict) -> Iterator[Finding]:
    if target in evidence:
        return
    if fd.list_name and (f"list:{fd.list_name}" in evidence or lists.get(fd.list_name)):
        return
    yield _f(fd, msg.EVIDENCE, COMPLETENESS, ERROR, f"{NOTE_EVIDENCE}、申报表“（注：勾选需提供佐证材料）”", what=what)


def evidence_targets_of(fd: FieldDef) -> list[str]:
    """The evidence targets a field can need (for re-checking when attachments change)."""
    return kind_of(fd).evidence_targets(fd)
