"""Table models of the deposit statistics panel: cases by month and state (with the decision
deadlines met and missed, and a totals row), and the deadlines per clerk."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from clerk_app.domain.deposit_statistics import (
    STATES,
    ClerkDeadlines,
    DepositStatistics,
    StateMonth,
    share,
)
from clerk_app.ui.row_table_model import RowTableModel
from clerk_app.ui.statistics.iok_models import MONTH_NAMES

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def percent_text(value: float | None) -> str:
    """``0.5`` → "50,0 %"; None → "—"."""
    return "—" if value is None else f"{value * 100:.1f} %".replace(".", ",")


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class StateMonthModel(RowTableModel[StateMonth | None]):
    """One row per month (month, each state, total, decision deadlines met, missed, the share
    met); a last row of totals (``None`` among the rows) when there are months."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Miesiąc"), *(s.label for s in STATES), self.tr("Razem"),
                         self.tr("W terminie"), self.tr("Po terminie"),
                         self.tr("W terminie (%)"))
        self.stats: DepositStatistics | None = None

    def set_statistics(self, stats: DepositStatistics) -> None:
        self.stats = stats
        rows: list[StateMonth | None] = list(stats.months)
        self.set_rows([*rows, None] if rows else [])

    def text(self, row: StateMonth | None, column: int) -> str:
        if row is None:  # totals
            stats = self.stats
            assert stats is not None
            if column == 0:
                return self.tr("Razem")
            values: tuple[int, ...] = (*stats.state_totals(), stats.cases,
                                       stats.decision_met, stats.decision_missed)
            in_time = stats.decided_in_time
        else:
            if column == 0:
                return f"{MONTH_NAMES[row.month.month - 1]} {row.month.year}"
            values = (*row.counts, row.total, row.decision_met, row.decision_missed)
            in_time = row.decided_in_time
        return percent_text(in_time) if column > len(values) else str(values[column - 1])

    def extra(self, row: StateMonth | None, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and (row is None or column == len(STATES) + 1):
            return _bold()
        return None


class ClerkModel(RowTableModel[ClerkDeadlines | None]):
    """Deadlines met and missed per clerk (name, met, missed, total, share met) and a totals
    row (``None``) when there are clerks."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Referent"), self.tr("Dotrzymane"), self.tr("Przekroczone"),
                         self.tr("Razem"), self.tr("Dotrzymane (%)"))

    def set_statistics(self, stats: DepositStatistics) -> None:
        rows: list[ClerkDeadlines | None] = list(stats.clerks)
        self.set_rows([*rows, None] if rows else [])

    def text(self, row: ClerkDeadlines | None, column: int) -> str:
        if row is None:
            clerks = [r for r in self.rows() if r is not None]
            met, missed = sum(c.met for c in clerks), sum(c.missed for c in clerks)
            name = self.tr("Razem")
        else:
            met, missed, name = row.met, row.missed, row.name
        values = (name, str(met), str(missed), str(met + missed), percent_text(share(met, missed)))
        return values[column]

    def extra(self, row: ClerkDeadlines | None, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and row is None:
            return _bold()
        return None
