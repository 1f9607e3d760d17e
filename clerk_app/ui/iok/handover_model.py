"""The rows of the hand-over window: IOK requests ready for an account."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from clerk_app.services.iok.types import HandoverRow
from clerk_app.ui.row_table_model import RowTableModel


class HandoverModel(RowTableModel[HandoverRow]):
    """Signature, contractor number, name, premises, e-mail, e-invoice (never a password)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Znak sprawy"), self.tr("Nr kontrahenta"), self.tr("Nazwa"),
                         self.tr("Lokal"), self.tr("E-mail"), self.tr("E-faktura"))

    def text(self, row: HandoverRow, column: int) -> str:
        return row.cells()[column] or "—"

    def extra(self, row: HandoverRow, column: int, role: int) -> Any:
        return None
