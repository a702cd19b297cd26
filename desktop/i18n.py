"""Filling Qt's ``%1``, ``%2`` … placeholders in translated text (the one helper for it)."""

from __future__ import annotations

import re


def tr_fmt(text: str, *args: object) -> str:
    """``tr_fmt(self.tr("已导入“%1”"), name)``: each ``%n`` becomes ``str(args[n-1])``.

    One pass over the text, so ``%1`` never eats the start of ``%10`` and an argument that itself
    contains ``%2`` stays as it is.
    """
    def fill(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return str(args[n - 1]) if 0 < n <= len(args) else match.group(0)

    return re.sub(r"%(\d+)", fill, text)
