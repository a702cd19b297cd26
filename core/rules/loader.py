"""Load rule sets from ``resources/rulesets/*.yaml`` and check every reference when loading.

A typo in a rule set (an unknown field, a series rule on a single value, an unknown derived
value, an unknown operator) fails here, with a message naming the file and the rule, never in
front of an official.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.errors import UserError
from core.form import FormDef, load_form
from core.form.loader import read_yaml
from core.form.model import NA, NO, YES
from core.messages import ruleset as M
from core.messages.base import Message
from core.paths import resource
from core.rules.model import COMPLETENESS, CONSISTENCY, CRITERION, ERROR, FORMAT, INFO, WARNING, Rule, RuleSet

OPS = (">=", ">", "<=", "<")
CHECK_TYPES = ("compare", "any_of", "not_value", "one_of", "decreasing", "qualitative")
MEASURES = ("field", "each", "mean", "latest", "derived", "sum_latest", "sum", "standards_total", "years_since")
RULE_KEYS = {"id", "indicator", "kind", "severity", "title", "citation", "check", "message", "soft", "note"}


def rulesets_dir() -> Path:
    return resource("rulesets")


def available_rulesets() -> list[str]:
    return sorted(p.stem for p in rulesets_dir().glob("*.yaml"))


@lru_cache(maxsize=16)
def load_ruleset(ruleset_id: str) -> RuleSet:
    path = rulesets_dir() / f"{ruleset_id}.yaml"
    if not path.is_file():
        known = "、".join(available_rulesets()) or "无"
        raise M.UNKNOWN.error(ruleset=ruleset_id, available=known)
    return parse_ruleset(read_yaml(path), str(path))


def all_rulesets() -> list[RuleSet]:
    return [load_ruleset(r) for r in available_rulesets()]


def parse_ruleset(data: Any, origin: str = "<ruleset>") -> RuleSet:
    def fail(msg: Message, **fields: Any) -> UserError:
        return UserError(M.INVALID.text(origin=origin, problem=msg.text(**fields)), code=msg.code)

    if not isinstance(data, dict):
        raise fail(M.NOT_MAPPING)
    for key in ("id", "name", "jurisdiction", "campaign", "form", "rules"):
        if key not in data:
            raise fail(M.MISSING_KEY, key=key)
    form = load_form(data["form"])
    parse_deadlines(data.get("deadlines"), fail)  # a typo in a date fails at load, like any rule
    critical = _critical_margin(data.get("critical_margin", "0.02"), fail)
    rules: list[Rule] = []
    seen: set[str] = set()
    for raw in data["rules"]:
        rid = raw.get("id", "?")
        unknown = set(raw) - RULE_KEYS
        if unknown:
            raise fail(M.UNKNOWN_RULE_KEYS, rule=rid, keys="、".join(sorted(unknown)))
        if rid in seen:
            raise fail(M.DUPLICATE_RULE, rule=rid)
        seen.add(rid)
        for key in ("indicator", "kind", "citation", "check", "message"):
            if key not in raw:
                raise fail(M.MISSING_RULE_KEY, rule=rid, key=key)
        if raw["kind"] not in (CRITERION, COMPLETENESS, FORMAT, CONSISTENCY):
            raise fail(M.BAD_KIND, rule=rid, kind=raw["kind"])
        severity = raw.get("severity", WARNING)
        if severity not in (ERROR, WARNING, INFO):
            raise fail(M.BAD_SEVERITY, rule=rid, severity=severity)
        indicator = raw["indicator"]
        if not isinstance(indicator, int) or indicator not in form.indicator_numbers:
            numbers = form.indicator_numbers
            allowed = f"{min(numbers)}–{max(numbers)}" if numbers else "申报表定义中的指标"
            raise fail(M.BAD_INDICATOR, rule=rid, allowed=allowed)
        fields: set[str] = set()
        derived: set[str] = set()
        try:
            _check_spec(raw["check"], form, fields, derived)
        except ValueError as exc:
            raise fail(M.BAD_CHECK, rule=rid, detail=exc) from None
        if raw["check"]["type"] == "qualitative":
            fields |= {f.key for f in form.fields_of_indicator(indicator)}
        rules.append(
            Rule(
                id=rid,
                indicator=indicator,
                kind=raw["kind"],
                severity=severity,
                title=raw.get("title", ""),
                citation=raw["citation"],
                check=raw["check"],
                message=raw["message"],
                soft=bool(raw.get("soft", False)),
                note=raw.get("note", ""),
                fields=frozenset(fields),
                derived=frozenset(derived),
            )
        )
    # The rule set's own names where it has them, the form's for the rest.
    names = {i.number: i.name for i in form.indicators}
    names.update({int(k): v for k, v in (data.get("indicator_names") or {}).items()})
    return RuleSet(
        id=data["id"],
        name=data["name"],
        short_name=data.get("short_name", data["id"]),
        jurisdiction=data["jurisdiction"],
        campaign=int(data["campaign"]),
        version=int(data.get("version", 1)),
        form=data["form"],
        issuer=data.get("issuer", ""),
        document=data.get("document", ""),
        partial=bool(data.get("partial", False)),
        indicator_names=names,
        rules=tuple(rules),
        notes=tuple(data.get("notes") or ()),
        path=origin,
        form_title=data.get("form_title", ""),
        critical_margin=critical,
    )


def _critical_margin(value: Any, fail) -> Decimal:
    """The fraction of its threshold within which a passed criterion is marked 临界 (default 2 %)."""
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        d = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise fail(M.BAD_CRITICAL_MARGIN, value=value) from None
    if not d.is_finite() or not Decimal(0) <= d < Decimal(1):
        raise fail(M.BAD_CRITICAL_MARGIN, value=value)
    return d


def _field(form: FormDef, key: Any, fields: set[str], *types: str, series: bool | None = None):
    if not isinstance(key, str) or key not in form.fields:
        raise ValueError(f"引用了不存在的字段“{key}”")
    fd = form.fields[key]
    if types and fd.element_type not in types and fd.type not in types:
        raise ValueError(f"字段 {key} 的类型 {fd.type} 不适用（应为 {'/'.join(types)}）")
    if series is True and fd.type != "series":
        raise ValueError(f"字段 {key} 不是逐年数据，不能按年份判断")
    if series is False and fd.type == "series":
        raise ValueError(f"字段 {key} 是逐年数据，请用 each/mean/latest")
    fields.add(key)
    return fd


def _check_spec(check: Any, form: FormDef, fields: set[str], derived: set[str]) -> None:
    if not isinstance(check, dict) or check.get("type") not in CHECK_TYPES:
        raise ValueError(f"判断方式无效：{check!r}（可用：{'、'.join(CHECK_TYPES)}）")
    ctype = check["type"]
    if ctype == "compare":
        if check.get("op") not in OPS:
            raise ValueError(f"比较符“{check.get('op')}”无效")
        if not isinstance(check.get("threshold"), (int, float, str)):
            raise ValueError("缺少阈值 threshold")
        _measure_spec(check.get("measure"), form, fields, derived)
    elif ctype == "any_of":
        subs = check.get("checks")
        if not isinstance(subs, list) or len(subs) < 2:
            raise ValueError("any_of 至少需要两个条件")
        for sub in subs:
            _check_spec(sub, form, fields, derived)
    elif ctype in ("not_value", "one_of"):
        fd = _field(form, check.get("field"), fields, "yesno", "yesno_na")
        allowed = {YES, NO, NA} if fd.type == "yesno_na" else {YES, NO}
        values = [check.get("value")] if ctype == "not_value" else check.get("accept", [])
        if not values or not set(values) <= allowed:
            raise ValueError(f"字段 {fd.key} 的取值 {values} 无效")
    elif ctype == "decreasing":
        _field(form, check.get("field"), fields, "number", "percent", series=True)
    waiver = check.get("waiver")
    if waiver:
        _field(form, waiver.get("flag"), fields, "yesno")
        _field(form, waiver.get("reason"), fields, "text", "longtext")


def _measure_spec(measure: Any, form: FormDef, fields: set[str], derived: set[str]) -> None:
    if not isinstance(measure, dict) or len(measure) != 1 or next(iter(measure)) not in MEASURES:
        raise ValueError(f"度量 measure 无效：{measure!r}（可用：{'、'.join(MEASURES)}）")
    kind, ref = next(iter(measure.items()))
    if kind in ("each", "mean", "latest"):
        _field(form, ref, fields, "number", "percent", "count", series=True)
    elif kind == "field":
        _field(form, ref, fields, "number", "percent", "count", series=False)
    elif kind == "years_since":
        _field(form, ref, fields, "year")
    elif kind == "derived":
        if ref not in form.derived:
            raise ValueError(f"引用了不存在的计算值“{ref}”")
        derived.add(ref)
        fields.update(form.derived[ref].inputs)
        if form.derived[ref].stated:
            fields.add(form.derived[ref].stated)
    elif kind in ("sum_latest", "sum"):
        if not isinstance(ref, list) or not ref:
            raise ValueError(f"{kind} 需要字段列表")
        for key in ref:
            _field(form, key, fields, "count", "platform")
    elif kind == "standards_total":
        _field(form, ref, fields, "standards")


# --- the campaign's dates (``deadlines:``, read by the review desk) ------------------------------

DEADLINE_KEYS = {"key", "label", "date", "citation", "level", "note"}


def parse_deadlines(raw: Any, fail=None) -> list[dict[str, Any]]:
    """``deadlines:`` of a rule set: [{key, label, date (datetime.date), citation, level, note}].
    ``fail`` turns a problem into the loader's error (it names the file)."""
    import datetime as dt

    from core.messages import desk as DM

    def bad(n: int, problem: str) -> UserError:
        if fail is None:
            return DM.BAD_DEADLINE.error(n=n, problem=problem)
        return fail(DM.BAD_DEADLINE, n=n, problem=problem)

    if raw is None:
        return []
    if not isinstance(raw, list):
        raise bad(0, "应为列表")
    out = []
    for n, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not {"key", "label", "date", "citation"} <= set(item):
            raise bad(n, "须有 key、label、date、citation")
        if set(item) - DEADLINE_KEYS:
            raise bad(n, "未知的键 " + "、".join(sorted(set(item) - DEADLINE_KEYS)))
        date = item["date"]
        if isinstance(date, str):
            try:
                date = dt.date.fromisoformat(date)
            except ValueError:
                raise bad(n, f"日期“{date}”无效") from None
        if not isinstance(date, dt.date):
            raise bad(n, f"日期“{date}”无效")
        out.append({**item, "date": date})
    return out


@lru_cache(maxsize=16)
def load_deadlines(ruleset_id: str) -> tuple[dict[str, Any], ...]:
    """The campaign's dates of a rule set, from its YAML (none: the rule set does not state them)."""
    rs = load_ruleset(ruleset_id)
    return tuple(parse_deadlines(read_yaml(Path(rs.path)).get("deadlines")))


@lru_cache(maxsize=16)
def load_follow_up_block(ruleset_id: str) -> tuple[dict[str, Any] | None, str]:
    """The rule set's ``follow_up:`` block (validity, yearly report date, 复核; see
    docs/follow-up.md) as written, and the file it came from. core.follow checks its content."""
    path = rulesets_dir() / f"{ruleset_id}.yaml"
    if not path.is_file():
        known = "、".join(available_rulesets()) or "无"
        raise M.UNKNOWN.error(ruleset=ruleset_id, available=known)
    data = read_yaml(path)
    block = data.get("follow_up") if isinstance(data, dict) else None
    return block, str(path)
