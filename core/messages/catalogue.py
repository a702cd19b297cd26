"""Every area's messages, loaded together (for the docs, the tests and look-ups by code)."""

from __future__ import annotations

import importlib
import pkgutil

import core.messages as _pkg
from core.messages.base import Message, registered

_NOT_AREAS = {"base", "catalogue"}


def catalogue() -> dict[str, Message]:
    for info in pkgutil.iter_modules(_pkg.__path__):
        if info.name not in _NOT_AREAS:
            importlib.import_module(f"core.messages.{info.name}")
    return dict(sorted(registered().items()))


def lookup(code: str) -> Message | None:
    return catalogue().get(code)
