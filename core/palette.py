"""The program's colours, named by what they mean, for every surface: the window, the chart (SVG)
and the PDF. A verdict or a severity looks the same everywhere because it is defined once here."""

from __future__ import annotations

# What a colour says.
GOOD = "#2e7d32"  # 符合, 达到, saved, trusted
BAD = "#c62828"  # errors, 不符合, 未达到, altered
CAUTION = "#b26a00"  # warnings, unconfirmed signer
PENDING = "#ef6c00"  # 待补充 / incomplete, below a threshold on the page list
MUTED = "#757575"  # hints, counters, "saved at …"
INFO = "#616161"  # information findings, secondary text
EMPTY = "#9e9e9e"  # nothing filled in yet, unknown
ACCENT = "#1565c0"  # headings and the 补充项 mark
CRITICAL = "#d98200"  # 临界: met, but within the critical margin of the threshold (amber)
# The chart's bars: lighter than the verdict chips beside them, so the two stay apart.
GOOD_BAR = "#43a047"
BAD_BAR = "#e53935"

SEVERITY = {"error": BAD, "warning": CAUTION, "info": INFO}
VERDICT = {"pass": GOOD, "fail": BAD, "incomplete": PENDING}
OUTCOME = {"met": GOOD, "not_met": BAD, "unknown": PENDING}
