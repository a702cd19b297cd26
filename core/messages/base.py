"""The message type and the registry that area modules add to."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Any

from core.errors import UserError

_CODE = re.compile(r"^[A-Z]+(\.[a-z0-9_]+)+$")
_REGISTRY: dict[str, Message] = {}


@dataclass(frozen=True)
class Message:
    code: str  # e.g. "STORE.locked": area in capitals, then dotted lower-case names
    template: str  # Chinese, str.format fields by name: "字段“{label}”…"
    help: str = ""  # what the official can do about it (docs/messages.md)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f for _, f, _, _ in string.Formatter().parse(self.template) if f))

    def text(self, **values: Any) -> str:
        try:
            return self.template.format(**values)
        except KeyError as exc:  # a programming error: the call site forgot a field
            raise TypeError(f"message {self.code} needs the field {exc}") from None

    def error(self, cls: type[UserError] = UserError, *, exit_code: int = 2, **values: Any) -> UserError:
        """The exception to raise: ``raise NAME.error(path=p)``."""
        return cls(self.text(**values), code=self.code, exit_code=exit_code)


def define(code: str, template: str, help: str = "") -> Message:
    if not _CODE.match(code):
        raise ValueError(f"bad message code {code!r}")
    if code in _REGISTRY:
        raise ValueError(f"message code {code} defined twice")
    msg = Message(code, template, help)
    _REGISTRY[code] = msg
    return msg


def registered() -> dict[str, Message]:
    """The messages defined so far (``core.messages.catalogue.catalogue()`` loads every area)."""
    return dict(_REGISTRY)
