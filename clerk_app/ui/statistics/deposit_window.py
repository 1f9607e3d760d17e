"""The supervisors' deposit statistics panel (menu *Raporty → Statystyki kaucji…*).

A year filter (or every year), a summary line (cases, decided within the month, the median
days from the complete petition to the decision), and two tabs: "Sprawy" (a chart of the
cases per month stacked by state over the month × state table) and "Terminy" (the decision
month kept or missed per month; the deadlines per clerk as a chart and a table). Every read
is one op; "Eksport do XLSX…" writes the workbook of what is shown (the frame:
``ui/statistics/frame.py``, shared with the IOK panel).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget

from clerk_app.documents.deposit_statistics_xlsx import period_text, write_statistics_xlsx
from clerk_app.domain.deposit_statistics import DepositStatistics
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.statistics.deposit import deposit_statistics
from clerk_app.ui.statistics import deposit_charts
from clerk_app.ui.statistics.deposit_models import ClerkModel, StateMonthModel, percent_text
from clerk_app.ui.statistics.frame import (
    StatisticsFrame,
    chart_view,
    replace_chart,
    stats_table,
)


class DepositStatisticsWindow(StatisticsFrame[DepositStatistics]):
    """``loaded`` after each read, ``saved(path)`` after an export."""

    FILE_STEM = "statystyki_kaucji"

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(ctx, actor, self.tr("Statystyki kaucji w ratach"), parent)
        self.months_model, self.clerk_model = StateMonthModel(self), ClerkModel(self)
        self.states_view, self.decisions_view = chart_view(self), chart_view(self)
        self.clerks_view = chart_view(self)
        self.tabs.addTab(self._cases_tab(), self.tr("Sprawy"))
        self.tabs.addTab(self._deadlines_tab(), self.tr("Terminy"))
        self.reload()

    def _cases_tab(self) -> QWidget:
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.states_view)
        self.months_table = stats_table(split, self.months_model)
        split.addWidget(self.months_table)
        split.setSizes([360, 260])
        return split

    def _deadlines_tab(self) -> QWidget:
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.decisions_view)
        below = QWidget(split)
        self.clerk_table = stats_table(below, self.clerk_model)
        row = QHBoxLayout(below)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.clerks_view, 1)
        row.addWidget(self.clerk_table, 1)
        split.addWidget(below)
        split.setSizes([330, 290])
        return split

    def read(self, ctx: AppContext, actor: Actor, year: int | None) -> DepositStatistics:
        return deposit_statistics(ctx, actor, year)

    def write(self, stats: DepositStatistics, path: Path) -> Path:
        return write_statistics_xlsx(stats, path)

    def show_statistics(self, stats: DepositStatistics) -> None:
        self.months_model.set_statistics(stats)
        self.clerk_model.set_statistics(stats)
        median = stats.median_days_to_decision
        self.summary.setText(self.tr(
            "<b>{0}</b>: sprawy kaucji w ratach: <b>{1}</b> · rozstrzygnięte w terminie "
            "miesiąca: <b>{2}</b> ({3} z {4}) · mediana dni od kompletnego wniosku do "
            "rozstrzygnięcia: <b>{5}</b> (rozstrzygniętych: {6})").format(
            period_text(stats).capitalize(), stats.cases, percent_text(stats.decided_in_time),
            stats.decision_met, stats.decision_met + stats.decision_missed,
            "—" if median is None else f"{median:g}".replace(".", ","), stats.decided))
        for view, chart in ((self.states_view, deposit_charts.states_chart(stats)),
                            (self.decisions_view, deposit_charts.decisions_chart(stats)),
                            (self.clerks_view, deposit_charts.clerks_chart(stats))):
            replace_chart(view, chart)
        self.shown(stats, stats.years, stats.year)
