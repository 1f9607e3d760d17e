"""The rows of a register in a table: the same columns and values as its PDF and XLSX."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt

from clerk_app.documents.register_table import RegisterTable, register_table
from clerk_app.domain.registers import CaseRegister, IncomingRegister
from clerk_app.domain.text import format_date_pl
from clerk_app.ui.row_table_model import RowTableModel

_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    "center": Qt.AlignmentFlag.AlignCenter,
    "right": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
}


class RegisterTableModel(RowTableModel[Any]):
    """Read-only rows of a case register or an incoming register."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: RegisterTable | None = None

    def set_register(self, register: CaseRegister | IncomingRegister | None) -> None:
        """Show ``register`` (None: nothing); the columns follow the register's kind."""
        self.beginResetModel()
        self.table = None if register is None else register_table(register)
        self._headers = () if self.table is None else tuple(
            c.title for c in self.table.columns)
        self._rows = [] if self.table is None else list(self.table.rows)
        self.endResetModel()

    def text(self, row: Any, column: int) -> str:
        assert self.table is not None  # rows exist only with a table
        value = self.table.cells(row)[column]
        if value is None:
            return ""
        if isinstance(value, date):
            return format_date_pl(value)
        return str(value)

    def extra(self, row: Any, column: int, role: int) -> Any:
        assert self.table is not None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN.get(self.table.columns[column].align)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.text(row, column) or None
        return None
