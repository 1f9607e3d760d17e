"""Table model of an instalment schedule: number, due date, amount, amount in words.

Shown by the consent dialog before saving and by the decision panel for the agreement.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from clerk_app.domain.money import format_money
from clerk_app.domain.text import format_date_pl
from clerk_app.services.deposit.workflow_types import ScheduleRow
from clerk_app.ui.row_table_model import RowTableModel

COL_NUMBER = 0
COL_DUE = 1
COL_AMOUNT = 2
COL_WORDS = 3

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ScheduleModel(RowTableModel[ScheduleRow]):
    """Rows of :class:`ScheduleRow` (read-only); ``total()`` sums the amounts shown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Rata"), self.tr("Termin płatności"), self.tr("Kwota"),
                         self.tr("Słownie"))

    def set_schedule(self, rows: Sequence[ScheduleRow]) -> None:
        self.set_rows(rows)

    def total(self) -> Decimal:
        return sum((r.amount for r in self._rows), Decimal("0.00"))

    def text(self, row: ScheduleRow, column: int) -> str:
        if column == COL_NUMBER:
            return str(row.number)
        if column == COL_DUE:
            return format_date_pl(row.due_on)
        if column == COL_AMOUNT:
            return format_money(row.amount)
        if column == COL_WORDS:
            return row.amount_in_words
        return ""

    def extra(self, row: ScheduleRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_NUMBER, COL_AMOUNT):
            return _RIGHT
        return None


def schedule_view(parent: QWidget, model: ScheduleModel, rows_visible: int = 10) -> QTableView:
    """A read-only table of the schedule, tall enough for ``rows_visible`` instalments."""
    view = QTableView(parent)
    view.setObjectName("schedule")
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(COL_WORDS, QHeaderView.ResizeMode.Stretch)
    view.setMinimumHeight(view.verticalHeader().defaultSectionSize() * (rows_visible + 1)
                          + header.sizeHint().height() // 2)
    return view
