"""Errors shown at the field: a red frame and the message as the field's tool tip, and the
first bad field (in the form's order) gets the focus."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QWidget

from clerk_app.services.core.errors import ValidationFailed
from clerk_app.ui.qt_helpers import focus_field

INVALID_STYLE = "border: 2px solid #b00020;"
_MARKED = "fieldErrorMarked"


def clear_marks(fields: Mapping[str, QWidget]) -> None:
    """Take the red frames and messages off every field."""
    for widget in fields.values():
        if widget.property(_MARKED):
            widget.setProperty(_MARKED, False)
            widget.setStyleSheet("")
            widget.setToolTip("")


def mark_errors(fields: Mapping[str, QWidget], error: ValidationFailed,
                order: Sequence[QWidget] = ()) -> QWidget | None:
    """Frame each field ``error`` names, with its message as tool tip; focus the first one
    (by ``order`` when given, else by the service's order). Returns the focused field."""
    clear_marks(fields)
    bad: list[QWidget] = []
    for e in error.errors:
        widget = fields.get(e.key)
        if widget is None:
            continue
        widget.setProperty(_MARKED, True)
        widget.setStyleSheet(INVALID_STYLE)
        tip = widget.toolTip()
        widget.setToolTip(f"{tip}\n{e.message}" if tip else e.message)
        bad.append(widget)
    if not bad:
        return None
    first = min(bad, key=lambda w: order.index(w) if w in order else len(order)) \
        if order else bad[0]
    focus_field(first)
    return first
