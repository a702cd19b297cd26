"""What an import would change, in words an official can check before accepting it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from core.form.model import STANDARD_LEVELS, STANDARD_ROLES, FieldDef
from core.xlsx.formmap import YESNO_TEXT

EMPTY = "（空）"


@dataclass(frozen=True)
class Change:
    key: str  # field key, or "list:<name>"
    label: str  # field or list title
    where: str  # sheet and rows it came from
    old: Any
    new: Any
    old_text: str
    new_text: str


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def display_value(fd: FieldDef, value: Any, limit: int = 80) -> str:
    if value is None or value == "" or value == {}:
        return EMPTY
    t = fd.type
    if t in ("yesno", "yesno_na"):
        return YESNO_TEXT.get(value, str(value))
    if t == "choice":
        opt = fd.option(value.get("selected") or "")
        text = value.get("text")
        return (opt.label if opt else EMPTY) + (f"：{text}" if text else "")
    if t == "checks":
        texts = value.get("texts") or {}
        labels = []
        for key in value.get("selected") or ():
            opt = fd.option(key)
            label = opt.label if opt else key
            labels.append(f"{label}（{texts[key]}）" if texts.get(key) else label)
        return _short("；".join(labels) or "（未勾选）", limit)
    if t == "series":
        return "；".join(f"{y}年 {v if v not in (None, '') else '—'}" for y, v in sorted(value.items()))
    if t == "standards":
        parts = []
        levels, roles = dict(STANDARD_LEVELS), dict(STANDARD_ROLES)
        for y, row in sorted(value.items()):
            cells = [f"{levels[lv]}{roles[r]}{n}" for lv, cell in (row or {}).items() for r, n in (cell or {}).items()
                     if n not in (None, "", 0, "0")]
            parts.append(f"{y}年 {'、'.join(cells) or '0'}")
        return _short("；".join(parts), limit)
    if t == "platform":
        return _short(f"{value.get('count') or '—'}个：{value.get('names') or '—'}", limit)
    return _short(str(value), limit)


def render_changes(changes: list[Change]) -> str:
    if not changes:
        return "没有需要修改的内容（工作簿与当前数据一致）。"
    lines = [f"将修改 {len(changes)} 个栏目："]
    for c in changes:
        lines.append(f"- {c.label}［{c.where}］：{c.old_text} → {c.new_text}")
    return "\n".join(lines)
