"""Table model of deadlines for the dashboard: overdue rows red, due within 2 days amber."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from clerk_app.domain.cases import DeadlineState
from clerk_app.domain.deadline_report import DeadlineRow
from clerk_app.domain.text import format_date_pl
from clerk_app.ui.row_table_model import RowRole, RowTableModel

__all__ = ["CaseIdRole", "DeadlineTableModel", "RowRole"]

COL_DUE = 0
COL_DAYS_LEFT = 1
COL_SIGNATURE = 2
COL_APPLICANT = 3
COL_DEADLINE_KIND = 4
COL_STATUS = 5
COL_ASSIGNEE = 6
COLUMN_COUNT = 7

OVERDUE_BACKGROUND = QColor("#f8c9c9")
SOON_BACKGROUND = QColor("#ffe2a8")
APPLICANT_MISSED_BACKGROUND = QColor("#dfe6f3")  # blue-grey: the applicant's failure
CaseIdRole = Qt.ItemDataRole.UserRole + 2

def _due(row: DeadlineRow) -> date:
    """Sort key of the due date: a suspended deadline (no date yet) sorts last."""
    return row.due_on or date.max


_SORT_KEYS: dict[int, Callable[[DeadlineRow], Any]] = {
    COL_DUE: lambda r: (_due(r), r.signature),
    COL_DAYS_LEFT: lambda r: (r.working_days_left is None, r.working_days_left or 0, _due(r)),
    COL_SIGNATURE: lambda r: (r.signature,),
    COL_APPLICANT: lambda r: (r.applicant.casefold(), _due(r)),
    COL_DEADLINE_KIND: lambda r: (r.deadline_kind.label, _due(r)),
    COL_STATUS: lambda r: (r.status_label, _due(r)),
    COL_ASSIGNEE: lambda r: (r.assignee_name.casefold(), _due(r)),
}


class DeadlineTableModel(RowTableModel[DeadlineRow]):
    """Rows of :class:`DeadlineRow`; ``set_rows`` replaces them all."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Termin"), self.tr("Dni robocze"), self.tr("Znak sprawy"),
                         self.tr("Wnioskodawca"), self.tr("Rodzaj terminu"),
                         self.tr("Stan"), self.tr("Referent"))

    def extra(self, row: DeadlineRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.applicant_missed:  # the applicant's failure: a step to take, not a fault
                return QBrush(APPLICANT_MISSED_BACKGROUND)
            if row.overdue or row.state is DeadlineState.MISSED:
                return QBrush(OVERDUE_BACKGROUND)
            if row.due_soon:
                return QBrush(SOON_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_DAYS_LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tr("{0}: {1}, termin {2}").format(
                row.signature, row.deadline_kind.label, format_date_pl(row.due_on))
            if row.applicant_missed:
                tip += "\n" + self.tr("Termin strony minął bez usunięcia braków – nie jest to "
                                      "uchybienie urzędu. Można pozostawić wniosek bez "
                                      "rozpoznania.")
            elif row.office_overdue:
                tip += "\n" + self.tr("Termin urzędu został przekroczony.")
            return tip
        if role == CaseIdRole:
            return row.case_id
        return None

    def text(self, row: DeadlineRow, column: int) -> str:
        if column == COL_DUE:
            return format_date_pl(row.due_on) if row.working_days_left is not None else "—"
        if column == COL_DAYS_LEFT:
            return "—" if row.working_days_left is None else str(row.working_days_left)
        if column == COL_SIGNATURE:
            return row.signature
        if column == COL_APPLICANT:
            return row.applicant
        if column == COL_DEADLINE_KIND:
            return row.deadline_kind.label
        if column == COL_STATUS:
            return row.status_label
        if column == COL_ASSIGNEE:
            return row.assignee_name
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = _SORT_KEYS.get(column)
        if key is None:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        order_of = {id(row): i for i, row in enumerate(self._rows)}
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        new_pos = {order_of[id(row)]: i for i, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            old, [self.index(new_pos[i.row()], i.column()) for i in old])
        self.layoutChanged.emit()
