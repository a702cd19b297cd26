"""Glue between the store's rows and the application document (core.application, format 1).

Values are checked against the form the same way a JSON file is, so the store never holds
something that could not be exported and read back.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from core.messages import store as M

YEAR_KEY = re.compile(r"^\d{4}$")
# Document keys that live in their own columns or tables.
COLUMNS = ("name", "jurisdiction", "campaign", "rules", "form", "form_version", "format_version", "status",
           "created", "changed")
TABLE_KEYS = {"uuid", "format", "values", "lists", "evidence"}
META_FIELDS = ("name", "jurisdiction", "campaign", "rules", "form", "form_version")


def now() -> str:
    """UTC, microseconds, fixed width: sorts correctly as text."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def normalize_when(when: datetime | str) -> str:
    """Any ISO-8601 time (naive means local time) in the store's UTC text form."""
    if isinstance(when, str):
        try:
            when = datetime.fromisoformat(when.strip().replace("Z", "+00:00"))
        except ValueError as exc:
            raise M.BAD_TIME.error(when=when) from exc
    if when.tzinfo is None:
        when = when.astimezone()  # naive: the official's local clock
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def dumps(value: Any, what: str = "值") -> str:
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise M.UNSAVABLE.error(what=what, reason=exc) from exc


def canonical(text: str | None) -> str | None:
    """Order-independent form of stored JSON, for "has it changed?" (True and 1 stay different)."""
    if text is None:
        return None
    return json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def statuses() -> dict[str, str]:
    from core.application import STATUSES

    return STATUSES


def check_status(status: str) -> str:
    labels = statuses()
    if status not in labels:
        raise M.BAD_STATUS.error(status=status, choices="、".join(f"{k}（{v}）" for k, v in labels.items()))
    return status


def validate_document(doc: Any, origin: str) -> dict[str, Any]:
    """Check a whole document (envelope and every value); returns it in canonical form."""
    from core.application import Application

    app = Application.from_json(doc, origin=origin)
    out = app.to_json()
    out["evidence"] = [dict(e) for e in out["evidence"]]
    return out


def validate_value(form_id: str, campaign: int, key: str, value: Any) -> Any:
    """The value cleaned by its field's kind (a UserError naming the field if its shape is wrong)."""
    from core.form import load_form
    from core.form.kinds import clean_value
    from core.messages import application as msg

    form = load_form(form_id)
    fd = form.fields.get(key)
    if fd is None:
        raise msg.UNKNOWN_KEY.error(key=key, form=form_id)
    return clean_value(fd, value, form.campaign_years(campaign), origin="填报内容")


def validate_list(form_id: str, name: str, rows: Any) -> list[dict[str, Any]]:
    from core.form import load_form

    form = load_form(form_id)
    if name not in form.lists:
        raise M.UNKNOWN_LIST.error(name=name, choices="、".join(form.lists))
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise M.BAD_LIST_ROWS.error(label=form.lists[name])
    from core.application import clean_lists

    return clean_lists(form, {name: rows}, origin="保存的内容")[name]


def validate_target(form_id: str, target: str) -> str:
    """An evidence target: ``<field key>:<option key>``, ``<field key>`` or ``list:<list name>``."""
    from core.form import load_form

    form = load_form(form_id)
    head, _, tail = target.partition(":")
    if head == "list":
        if tail not in form.lists:
            raise M.TARGET_NO_LIST.error(target=target, name=tail)
        return target
    fd = form.fields.get(head)
    if fd is None:
        raise M.TARGET_NO_FIELD.error(target=target, key=head)
    if tail and fd.option(tail) is None:
        raise M.TARGET_NO_OPTION.error(target=target, label=fd.label, option=tail)
    return target


def shift_years(value: Any, delta: int) -> Any:
    """Move a per-year dict to a campaign ``delta`` years later: each year slot takes the figure of
    the year it now stands for, so figures stay with their year; years not yet known start blank."""
    if not delta or not isinstance(value, dict) or not value or not all(YEAR_KEY.match(k) for k in value):
        return value
    out = {}
    for year in value:
        source = str(int(year) + delta)
        out[source] = value[source] if source in value else _blank_like(value[year])
    return out


def _blank_like(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _blank_like(v) for k, v in value.items()}
    return None


def shift_rules_id(rules: str, campaign: int) -> str:
    """``SH-2023`` becomes ``SH-2024`` when that rule set ships; otherwise the id stays."""
    prefix, _, year = rules.rpartition("-")
    if not prefix or not YEAR_KEY.match(year):
        return rules
    candidate = f"{prefix}-{campaign}"
    from core.rules import available_rulesets

    return candidate if candidate in set(available_rulesets()) else rules
