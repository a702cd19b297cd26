"""What an import would change, in words an official can check before accepting it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from core.form.kinds import kind_of
from core.form.model import FieldDef

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


def display_value(fd: FieldDef, value: Any, limit: int = 80) -> str:
    if value is None or value == "" or value == {}:
        return EMPTY
    return kind_of(fd).display(fd, value, limit)


def render_changes(changes: list[Change]) -> str:
    if not changes:
        return "没有需要修改的内容（工作簿与当前数据一致）。"
    lines = [f"将修改 {len(changes)} 个栏目："]
    for c in changes:
        lines.append(f"- {c.label}［{c.where}］：{c.old_text} → {c.new_text}")
    return "\n".join(lines)
