"""Table model of the cases to leave without consideration (7 days passed unmet)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from clerk_app.domain.text import format_date_pl
from clerk_app.services.deposit.workflow_types import LeaveCandidate
from clerk_app.ui.row_table_model import RowTableModel

COL_SIGNATURE = 0
COL_APPLICANT = 1
COL_SUMMONS = 2
COL_DUE = 3
COL_DAYS_OVER = 4
COL_MISSING = 5

CaseIdRole = Qt.ItemDataRole.UserRole + 2
OVERDUE_BACKGROUND = QColor("#f8c9c9")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def missing_text(row: LeaveCandidate) -> str:
    return "; ".join(item.label for item in row.missing) or "—"


class LeaveListModel(RowTableModel[LeaveCandidate]):
    """Rows of :class:`LeaveCandidate`, the longest overdue first (as the service gives)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Znak sprawy"), self.tr("Wnioskodawca"),
                         self.tr("Wezwanie"), self.tr("Termin na uzupełnienie"),
                         self.tr("Dni po terminie"), self.tr("Czego brakuje"))

    def text(self, row: LeaveCandidate, column: int) -> str:
        if column == COL_SIGNATURE:
            return row.signature
        if column == COL_APPLICANT:
            return row.applicant
        if column == COL_SUMMONS:
            return row.summons_identifier or "—"
        if column == COL_DUE:
            return format_date_pl(row.deficiency_due)
        if column == COL_DAYS_OVER:
            return str(row.days_over)
        if column == COL_MISSING:
            return missing_text(row)
        return ""

    def extra(self, row: LeaveCandidate, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_DAYS_OVER:
            return _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_DAYS_OVER:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Brakuje: {0}").format(missing_text(row))
        if role == CaseIdRole:
            return row.case_id
        return None
