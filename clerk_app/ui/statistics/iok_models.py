"""Table models of the IOK statistics panel: requests by month and channel (with a totals
row), and the consent batches of the migration."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from clerk_app.domain.iok_statistics import CHANNELS, BatchProgress, IokStatistics, MonthRow
from clerk_app.domain.text import format_date_pl
from clerk_app.ui.row_table_model import RowTableModel

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
MONTH_NAMES = ("styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec",
               "sierpień", "wrzesień", "październik", "listopad", "grudzień")


def month_text(row: MonthRow) -> str:
    return f"{MONTH_NAMES[row.month.month - 1]} {row.month.year}"


class MonthChannelModel(RowTableModel[MonthRow | None]):
    """One row per month (columns: month, each channel, total); a last row of totals
    (``None`` among the rows) when there are months."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Miesiąc"), *(c.label for c in CHANNELS), self.tr("Razem"))
        self.stats: IokStatistics | None = None

    def set_statistics(self, stats: IokStatistics) -> None:
        self.stats = stats
        rows: list[MonthRow | None] = list(stats.months)
        self.set_rows([*rows, None] if rows else [])

    def text(self, row: MonthRow | None, column: int) -> str:
        if row is None:  # totals
            if column == 0:
                return self.tr("Razem")
            stats = self.stats
            assert stats is not None
            totals = (*stats.channel_totals(), stats.requests)
            return str(totals[column - 1])
        if column == 0:
            return month_text(row)
        return str((*row.counts, row.total)[column - 1])

    def extra(self, row: MonthRow | None, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and (row is None or column == len(CHANNELS) + 1):
            font = QFont()
            font.setBold(True)
            return font
        return None


class BatchModel(RowTableModel[BatchProgress]):
    """The consent batches: number, letter date, letters, answered, no answer, waiting."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Nr partii"), self.tr("Data pism"), self.tr("Pism"),
                         self.tr("Odpowiedzi"), self.tr("Brak odpowiedzi"), self.tr("Czeka"))

    def text(self, row: BatchProgress, column: int) -> str:
        if column == 1:
            return format_date_pl(row.letter_date)
        values = (row.number, None, row.accounts, row.answered, row.no_answer, row.waiting)
        return str(values[column])

    def extra(self, row: BatchProgress, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column != 1:
            return _RIGHT
        return None
