"""Small widgets the migration windows share."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from clerk_app.ui.date_inputs import DateInput
from clerk_app.ui.qt_helpers import to_qdate


def date_edit(parent: QWidget, day: date) -> DateInput:
    """A Polish-format date input with a calendar, set to ``day``."""
    edit = DateInput(parent=parent)
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


def table_view(parent: QWidget, name: str) -> QTableView:
    """A read-only table of whole rows, one selected at a time."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view
