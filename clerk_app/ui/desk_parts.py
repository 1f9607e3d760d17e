"""Parts of the start pages (deadline dashboard, counter desk): the bar with the page's
title, a field for a scanned letter code and "Odśwież"; the read-only tables of rows
under their titles."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.ui.qt_helpers import translate

_CTX = "desk_parts"


class ScanBar(NamedTuple):
    """The widgets :func:`add_scan_bar` made: the title, the scan field, "Odśwież" and the
    status line under the bar."""

    title: QLabel
    scan_edit: QLineEdit
    refresh_button: QPushButton
    status: QLabel


def add_scan_bar(layout: QVBoxLayout, scanned: Callable[[], None],
                 refresh: Callable[[], None], *extra: QWidget) -> ScanBar:
    """Add the bar (title, ``extra`` widgets, scan field, "Odśwież") and a status line to
    ``layout``; Enter in the scan field calls ``scanned``, the button ``refresh``."""
    bar = QHBoxLayout()
    title = QLabel()
    bar.addWidget(title, 1)
    for widget in extra:
        bar.addWidget(widget)
    scan_edit = QLineEdit()
    scan_edit.setPlaceholderText(translate(_CTX, "Kod pisma (doręczenie)…"))
    scan_edit.setClearButtonEnabled(True)
    scan_edit.setMinimumWidth(220)
    scan_edit.setProperty("acceptsBarcode", True)
    scan_edit.returnPressed.connect(scanned)
    bar.addWidget(scan_edit)
    refresh_button = QPushButton(translate(_CTX, "Odśwież"))
    refresh_button.clicked.connect(refresh)
    bar.addWidget(refresh_button)
    layout.addLayout(bar)
    status = QLabel()
    status.setWordWrap(True)
    layout.addWidget(status)
    return ScanBar(title, scan_edit, refresh_button, status)


def rows_view(model: QAbstractItemModel, stretch: int,
              activated: Callable[[QModelIndex], None], sortable: bool = False) -> QTableView:
    """A read-only table of ``model``'s rows, column ``stretch`` taking the spare width;
    a double-click calls ``activated``; ``sortable`` sorts by the first column."""
    view = QTableView()
    view.setModel(model)
    if sortable:
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.doubleClicked.connect(activated)
    return view


def bold_label() -> QLabel:
    """A plain-text label in bold, for a title set later."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def titled(label: QLabel, view: QWidget) -> QWidget:
    """``label`` above ``view``, without margins."""
    box = QWidget()
    inner = QVBoxLayout(box)
    inner.setContentsMargins(0, 0, 0, 0)
    inner.addWidget(label)
    inner.addWidget(view)
    return box
