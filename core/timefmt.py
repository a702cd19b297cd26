"""Times as officials read them: the store keeps UTC, screens and printouts show local time."""

from __future__ import annotations

from datetime import datetime


def local_time(stamp: str | None, *, seconds: bool = False) -> str:
    """``2023-05-08T08:30:00+00:00`` → ``2023-05-08 16:30`` on a PC in China; text that is not a
    time is shown as it is."""
    if not stamp:
        return ""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M" + (":%S" if seconds else ""))
    except ValueError:
        return stamp
