"""Table model of the retention review: one checkable row per case past its period."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from clerk_app.domain.text import format_date_pl
from clerk_app.services.retention.review import DueCase
from clerk_app.ui.row_table_model import RowTableModel

COL_SIGNATURE = 0
COL_KIND = 1
COL_SETTLED = 2
COL_SETTLEMENT = 3
COL_RULE = 4
COL_START = 5
COL_DUE = 6
Index = QModelIndex | QPersistentModelIndex


class RetentionReviewModel(RowTableModel[DueCase]):
    """Rows of :class:`DueCase`; the signature column carries the check box."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Znak sprawy"), self.tr("Rodzaj"), self.tr("Załatwiono"),
                         self.tr("Sposób załatwienia"), self.tr("Reguła"),
                         self.tr("Początek okresu"), self.tr("Okres minął"))
        self._checked: set[int] = set()

    def set_rows(self, rows: Any) -> None:
        self._checked &= {r.case_id for r in rows}
        super().set_rows(rows)

    def append_rows(self, rows: list[DueCase]) -> None:
        if not rows:
            return
        first = self.rowCount()
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def checked_ids(self) -> list[int]:
        return [r.case_id for r in self._rows if r.case_id in self._checked]

    def set_all_checked(self, checked: bool) -> None:
        self._checked = {r.case_id for r in self._rows} if checked else set()
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_SIGNATURE),
                                  self.index(len(self._rows) - 1, COL_SIGNATURE),
                                  [Qt.ItemDataRole.CheckStateRole])

    def text(self, row: DueCase, column: int) -> str:
        if column == COL_SIGNATURE:
            return row.signature
        if column == COL_KIND:
            return row.kind.label
        if column == COL_SETTLED:
            return format_date_pl(row.settled_on) if row.settled_on else "—"
        if column == COL_SETTLEMENT:
            return row.settlement.label if row.settlement else "—"
        if column == COL_RULE:
            return row.due.rule_text
        if column == COL_START:
            return format_date_pl(row.due.start_on)
        if column == COL_DUE:
            return format_date_pl(row.due.due_on)
        return ""

    def extra(self, row: DueCase, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_SIGNATURE:
            return (Qt.CheckState.Checked if row.case_id in self._checked
                    else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.explanation
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == COL_SIGNATURE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or index.column() != COL_SIGNATURE \
                or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = Qt.CheckState(value) if isinstance(value, int) else value
        if state == Qt.CheckState.Checked:
            self._checked.add(row.case_id)
        else:
            self._checked.discard(row.case_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
