"""Table models of the migration window: rejected rows, accounts, batches with progress."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from clerk_app.domain.legacy_rows import RejectedRow
from clerk_app.domain.text import format_date_pl
from clerk_app.services.iok.legacy.overview import BatchProgress, LegacyAccountRow
from clerk_app.ui.row_table_model import RowTableModel

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RejectedRowsModel(RowTableModel[RejectedRow]):
    """The rows an import refused: line number and the Polish reason."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Wiersz"), self.tr("Powód odrzucenia"))

    def text(self, row: RejectedRow, column: int) -> str:
        return str(row.line) if column == 0 else row.reason

    def extra(self, row: RejectedRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return _RIGHT
        return None


class AccountsModel(RowTableModel[LegacyAccountRow]):
    """Old portal accounts of one class."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Kod"), self.tr("Nr kontrahenta"), self.tr("Nazwa"),
                         self.tr("Adres lokalu"), self.tr("E-mail"), self.tr("Utworzone"),
                         self.tr("Klasa"), self.tr("Partia"), self.tr("Odpowiedź"))

    def text(self, row: LegacyAccountRow, column: int) -> str:
        values = (row.code, row.contractor_number, row.name, row.address, row.email or "—",
                  format_date_pl(row.created_on), row.account_class.label,
                  str(row.batch_number) if row.batch_number is not None else "—",
                  format_date_pl(row.answered_on))
        return values[column]


class BatchesModel(RowTableModel[BatchProgress]):
    """Batches, newest first, with their progress."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Partia"), self.tr("Data pism"), self.tr("Kont"),
                         self.tr("Wysłane pocztą"), self.tr("Wysłane e-mailem"),
                         self.tr("Błędy e-mail"), self.tr("Ze starym e-mailem"),
                         self.tr("Odpowiedzi"), self.tr("Bez odpowiedzi po terminie"))

    def text(self, row: BatchProgress, column: int) -> str:
        if column == 1:
            return format_date_pl(row.letter_date)
        values = (row.number, None, row.size, row.sent_post, row.sent_email, row.email_failed,
                  row.with_old_email, row.answered, row.no_answer)
        return str(values[column])

    def extra(self, row: BatchProgress, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column != 1:
            return _RIGHT
        return None
