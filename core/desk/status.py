"""The status of a received submission and which changes of it are allowed (pure Python, a table).

    已受理 (received) → 初审中 (reviewing) → 需补正 (needs_fix) / 初审通过 (passed) / 不予推荐 (rejected)
    需补正 → 初审中 (the 补正 came in)        初审通过 → 已推荐 (recommended, by ranking) → 初审通过
    不予推荐 → 初审中 (reconsidered)           不予受理 (refused): set at intake, final

Like core/store/status.py, the table below is the whole rule; everything not listed is refused.
"""

from __future__ import annotations

RECEIVED, REVIEWING, NEEDS_FIX, PASSED, REJECTED, RECOMMENDED, REFUSED = (
    "received", "reviewing", "needs_fix", "passed", "rejected", "recommended", "refused")
LABELS = {RECEIVED: "已受理", REVIEWING: "初审中", NEEDS_FIX: "需补正", PASSED: "初审通过",
          REJECTED: "不予推荐", RECOMMENDED: "已推荐", REFUSED: "不予受理"}
BY_LABEL = {v: k for k, v in LABELS.items()}
ORDER = (RECEIVED, REVIEWING, NEEDS_FIX, PASSED, REJECTED, RECOMMENDED, REFUSED)

# How a change is made: by a 初审 decision, by the ranking, or by recording a review item.
DECIDE, RANK, REVIEW = "decide", "rank", "review"
TRANSITIONS: dict[tuple[str, str], str] = {
    (RECEIVED, REVIEWING): REVIEW,
    (REVIEWING, NEEDS_FIX): DECIDE,
    (REVIEWING, PASSED): DECIDE,
    (REVIEWING, REJECTED): DECIDE,
    (NEEDS_FIX, REVIEWING): REVIEW,
    (NEEDS_FIX, PASSED): DECIDE,
    (NEEDS_FIX, REJECTED): DECIDE,
    (PASSED, REVIEWING): REVIEW,
    (REJECTED, REVIEWING): REVIEW,
    (PASSED, NEEDS_FIX): DECIDE,
    (PASSED, REJECTED): DECIDE,
    (PASSED, RECOMMENDED): RANK,
    (RECOMMENDED, PASSED): RANK,
}
DECISIONS = (NEEDS_FIX, PASSED, REJECTED)  # what a reviewer may decide


def label(status: str) -> str:
    return LABELS.get(status, status)


def allowed(current: str, target: str, via: str) -> bool:
    return TRANSITIONS.get((current, target)) == via


def parse(text: str) -> str:
    """A status from its Chinese label or its code ("初审通过" or "passed")."""
    text = (text or "").strip()
    if text in LABELS:
        return text
    return BY_LABEL.get(text, "")
