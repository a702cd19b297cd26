"""One path for every change the GUI makes to stored data (modelled on Anki's ``CollectionOp``).

``Operations.run(op, changes)`` runs a change through core (the Store and friends). A ``UserError``
is reported once, in Chinese, on ``failed``; on success every open view hears ``changed`` with an
``OpChanges`` saying what changed, and decides itself whether it must redraw. Views never catch
``UserError`` from a write themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from core.errors import UserError
from desktop.qt import QObject, Signal

T = TypeVar("T")


@dataclass(frozen=True)
class OpChanges:
    """What one operation changed, so a view can tell whether it is concerned."""

    app_id: str | None = None  # the application changed (None: none, or the whole store)
    values: frozenset[str] = field(default_factory=frozenset)  # field keys whose value changed
    evidence: bool = False
    lists: bool = False  # the lists the rules check against (enterprise lists …)
    status: str | None = None  # the new status when it changed (e.g. "exported" after 导出报送包)
    app_list: bool = False  # applications created, copied, deleted, restored, imported

    def touches(self, app_id: str) -> bool:
        return self.app_id is None or self.app_id == app_id


@dataclass(frozen=True)
class Outcome:
    """The result of an operation: ``ok`` is False when it failed (already reported)."""

    ok: bool
    value: Any = None

    def __bool__(self) -> bool:
        return self.ok


class Operations(QObject):
    """The hub: one per window. Views subscribe to ``changed``; the window shows ``failed``."""

    changed = Signal(object)  # OpChanges
    failed = Signal(str)  # a Chinese message: nothing was saved

    def run(self, op: Callable[[], T], changes: OpChanges | Callable[[T], OpChanges] | None = None) -> Outcome:
        """Run ``op``; on a user-facing fault report it (``failed``) and return a failed Outcome."""
        try:
            result = op()
        except UserError as exc:
            self.failed.emit(exc.message)
            return Outcome(False)
        if changes is not None:
            self.changed.emit(changes(result) if callable(changes) else changes)
        return Outcome(True, result)

    def announce(self, changes: OpChanges) -> None:
        """A change core already made off the GUI thread (the package export's worker): its result
        is back, tell the views."""
        self.changed.emit(changes)
