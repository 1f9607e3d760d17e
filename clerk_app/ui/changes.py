"""The broadcast of what a write changed: one app-wide QObject, every open view listens.

A write op (see :mod:`clerk_app.ui.operations`) announces a :class:`Change` after it
succeeded; each view decides from its kinds and case whether to read its data again::

    broadcast().changed.connect(self._on_change)   # a bound method: cut when self is deleted

    @Slot(object)
    def _on_change(self, change: object) -> None:
        if isinstance(change, Change) and change.concerns(ChangeKind.CASE, self.case_id):
            self.reload()
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Flag, auto

from PySide6.QtCore import QObject, Signal


class ChangeKind(Flag):
    """What kind of data a write touched (combine with ``|``)."""

    CASE = auto()  # a case's own data: registration, items and scans, applicant, status
    LETTERS = auto()  # letters issued or delivered
    DEADLINES = auto()  # deadlines started, moved, suspended, closed or missed
    DAYS_OFF = auto()  # the office's one-off days off
    USERS = auto()  # user accounts
    SETTINGS = auto()  # the office settings


# What the handling of a case touches (a summons, a delivery, a removal of deficiencies…).
CASE_WORK = ChangeKind.CASE | ChangeKind.LETTERS | ChangeKind.DEADLINES


@dataclass(frozen=True)
class Change:
    """``kind`` of data changed, in the case ``case_id`` (None: not one case, or many)."""

    kind: ChangeKind
    case_id: int | None = None

    def concerns(self, kinds: ChangeKind, case_id: int | None = None) -> bool:
        """True when the change is of one of ``kinds`` and may touch the case ``case_id``
        (any case when ``case_id`` is None)."""
        if not self.kind & kinds:
            return False
        return case_id is None or self.case_id is None or self.case_id == case_id


class ChangeBroadcast(QObject):
    """Emits ``changed(Change)`` in the GUI thread after each successful write."""

    changed = Signal(object)

    def announce(self, change: Change) -> None:
        self.changed.emit(change)


_broadcast: ChangeBroadcast | None = None


def broadcast() -> ChangeBroadcast:
    """The application's one broadcast (made on first use)."""
    global _broadcast
    if _broadcast is None:
        _broadcast = ChangeBroadcast()
    return _broadcast
