"""Small widgets the migration windows share."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDateEdit, QLabel, QWidget

from clerk_app.ui.qt_helpers import to_qdate


def date_edit(parent: QWidget, day: date) -> QDateEdit:
    """A Polish-format date input with a calendar, set to ``day``."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setDate(to_qdate(day))
    return edit


def outcome_label(parent: QWidget, name: str) -> QLabel:
    """A wrapping label (found by ``name`` in tests) saying what an action did."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label
