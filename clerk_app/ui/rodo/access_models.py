"""The tables of the access window: the records holding a person's data, and who viewed or
changed them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from clerk_app.domain.change_text import local_time
from clerk_app.domain.rodo_report import AccessRecord, HeldRecord
from clerk_app.domain.text import format_date_pl
from clerk_app.ui.row_table_model import RowTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class HeldRecordsModel(RowTableModel[HeldRecord]):
    KIND, REFERENCE, CASE, CAPACITY, DATA, DATED = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Rodzaj"), self.tr("Oznaczenie"), self.tr("Sprawa"),
                         self.tr("W charakterze"), self.tr("Dane"), self.tr("Data"))

    def text(self, row: HeldRecord, column: int) -> str:
        return (row.kind.label, row.reference or "—", row.case_signature or "—", row.capacity,
                row.data, format_date_pl(row.dated_on))[column]

    def extra(self, row: HeldRecord, column: int, role: int) -> Any:
        if role == SORT_ROLE:
            return row.dated_on.isoformat() if column == self.DATED and row.dated_on \
                else self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DATA:
            return row.data
        return None


class AccessRecordsModel(RowTableModel[AccessRecord]):
    AT, USER, REFERENCE, ACTION = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Kiedy"), self.tr("Kto"), self.tr("Dotyczy"),
                         self.tr("Czynność"))

    def text(self, row: AccessRecord, column: int) -> str:
        who = f"{row.full_name} ({row.username})" if row.full_name else row.username
        return (local_time(row.at), who, row.reference or "—", row.action)[column]

    def extra(self, row: AccessRecord, column: int, role: int) -> Any:
        if role == SORT_ROLE:
            return row.at.isoformat() if column == self.AT else self.text(row, column)
        return None
