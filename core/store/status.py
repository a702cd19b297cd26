"""The workflow status of an application and which changes of it make sense (pure Python).

    草稿 (draft) ⇄ 待审核 (pending_review) → 已推荐 (recommended) → back to 待审核 / 草稿
    any status → 已导出 (exported): only by exporting the submission package
    已导出 → 草稿: only by reopening, with a reason (the application is sealed until then)

已推荐 needs the recommendation filled: every field of the form's ``recommendation.*`` keys
(区级中小企业主管部门推荐意见, 推荐单位 on the Shanghai form). The table below is the whole rule;
``check`` raises the catalogue message that explains a refusal.
"""

from __future__ import annotations

from typing import Any

DRAFT, PENDING, RECOMMENDED, EXPORTED = "draft", "pending_review", "recommended", "exported"
ORDER = (DRAFT, PENDING, RECOMMENDED, EXPORTED)
SEALED = frozenset({EXPORTED})

# How a change is made: picked in the status box / CLI, by a package export, or by reopening.
MANUAL, EXPORT, REOPEN = "manual", "export", "reopen"

# (from, to) -> (how it may happen, what it needs). Everything not listed is refused.
NEEDS_NOTHING, NEEDS_RECOMMENDATION, NEEDS_REASON = "", "recommendation", "reason"
TRANSITIONS: dict[tuple[str, str], tuple[str, str]] = {
    (DRAFT, PENDING): (MANUAL, NEEDS_NOTHING),
    (PENDING, DRAFT): (MANUAL, NEEDS_NOTHING),
    (DRAFT, RECOMMENDED): (MANUAL, NEEDS_RECOMMENDATION),
    (PENDING, RECOMMENDED): (MANUAL, NEEDS_RECOMMENDATION),
    (RECOMMENDED, PENDING): (MANUAL, NEEDS_NOTHING),
    (RECOMMENDED, DRAFT): (MANUAL, NEEDS_NOTHING),
    (DRAFT, EXPORTED): (EXPORT, NEEDS_NOTHING),
    (PENDING, EXPORTED): (EXPORT, NEEDS_NOTHING),
    (RECOMMENDED, EXPORTED): (EXPORT, NEEDS_NOTHING),
    (EXPORTED, EXPORTED): (EXPORT, NEEDS_NOTHING),  # exporting a sealed application again: a new receipt
    (EXPORTED, DRAFT): (REOPEN, NEEDS_REASON),
}
MIN_REASON = 4  # as for an override reason: a few words, not "x"


def is_sealed(status: str) -> bool:
    return status in SEALED


def recommendation_keys(form) -> list[str]:
    """The fields that make up the recommendation (推荐意见 and 推荐单位 on the Shanghai form)."""
    return [k for k in form.fields if k.startswith("recommendation.")]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value in ({}, [])


def missing_recommendation(form, values: dict[str, Any]) -> list[str]:
    """Labels of the recommendation fields still empty (empty list: the recommendation is filled)."""
    return [form.fields[k].label for k in recommendation_keys(form) if _blank(values.get(k))]


def refusal(current: str, target: str, via: str, *, form=None, values: dict[str, Any] | None = None,
            reason: str | None = None) -> tuple[str, dict[str, str]] | None:
    """Why ``current → target`` made ``via`` is refused, as (message name, fields), or None when allowed.
    Names are those of ``core.messages.store``."""
    rule = TRANSITIONS.get((current, target))
    if rule is None or rule[0] != via:
        if target == EXPORTED and via != EXPORT:
            return "STATUS_EXPORT_ONLY", {}
        if current == EXPORTED and via != REOPEN:
            return "SEALED_STATUS", {}
        return "STATUS_NOT_ALLOWED", {}
    need = rule[1]
    if need == NEEDS_RECOMMENDATION:
        missing = missing_recommendation(form, values or {}) if form is not None else ["推荐意见"]
        if missing:
            return "STATUS_NEEDS_RECOMMENDATION", {"missing": "、".join(missing)}
    if need == NEEDS_REASON and len((reason or "").strip()) < MIN_REASON:
        return "REOPEN_REASON", {"min": str(MIN_REASON)}
    return None


def check(current: str, target: str, via: str, *, form=None, values: dict[str, Any] | None = None,
          reason: str | None = None) -> None:
    """Raise the catalogue message when the change is not allowed."""
    why = refusal(current, target, via, form=form, values=values, reason=reason)
    if why is None:
        return
    from core.application import STATUSES
    from core.messages import seal as M
    from core.store.errors import StoreError

    name, fields = why
    if name == "STATUS_NOT_ALLOWED":
        fields = {"current": STATUSES.get(current, current), "target": STATUSES.get(target, target)}
    raise getattr(M, name).error(StoreError, **fields)


def choices(current: str, form, values: dict[str, Any]) -> list[tuple[str, str]]:
    """What the status box offers: (status, "" when pickable, else why not), the current first.
    已导出 is offered only as the current status (it comes from exporting)."""
    out = [(current, "")]
    for target in ORDER:
        if target in (current, EXPORTED):
            continue
        why = refusal(current, target, MANUAL, form=form, values=values)
        if why is None:
            out.append((target, ""))
        elif why[0] == "STATUS_NEEDS_RECOMMENDATION":
            out.append((target, why[1]["missing"]))
    return out
