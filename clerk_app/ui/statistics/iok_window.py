"""The supervisors' IOK statistics panel (menu *Raporty → Statystyki IOK…*).

A year filter (or every year), a summary line (requests, login data sent, the median days
from filing to login sent), and two tabs: "Wnioski" (a chart of requests per month stacked by
channel over the month × channel table) and "Migracja" (old accounts per class, the consent
batches as a chart and a table). Every read is one op; "Eksport do XLSX…" writes the
workbook of what is shown (the frame: ``ui/statistics/frame.py``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from clerk_app.documents.iok_statistics_xlsx import period_text, write_statistics_xlsx
from clerk_app.domain.iok_statistics import IokStatistics
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.statistics.iok import iok_statistics
from clerk_app.ui.statistics import iok_charts
from clerk_app.ui.statistics.frame import (
    StatisticsFrame,
    chart_view,
    replace_chart,
    stats_table,
)
from clerk_app.ui.statistics.iok_models import BatchModel, MonthChannelModel


class IokStatisticsWindow(StatisticsFrame[IokStatistics]):
    """``loaded`` after each read, ``saved(path)`` after an export."""

    FILE_STEM = "statystyki_iok"

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(ctx, actor, self.tr("Statystyki IOK"), parent)
        self.migration_summary = QLabel(self)
        self.migration_summary.setWordWrap(True)
        self.months_model, self.batch_model = MonthChannelModel(self), BatchModel(self)
        self.requests_view, self.classes_view = chart_view(self), chart_view(self)
        self.batches_view = chart_view(self)
        self.tabs.addTab(self._requests_tab(), self.tr("Wnioski"))
        self.tabs.addTab(self._migration_tab(), self.tr("Migracja kont"))
        self.reload()

    def _requests_tab(self) -> QWidget:
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.requests_view)
        self.months_table = stats_table(split, self.months_model)
        split.addWidget(self.months_table)
        split.setSizes([360, 260])
        return split

    def _migration_tab(self) -> QWidget:
        page = QWidget(self)
        charts = QHBoxLayout()
        charts.addWidget(self.classes_view, 1)
        charts.addWidget(self.batches_view, 1)
        self.batch_table = stats_table(page, self.batch_model)
        layout = QVBoxLayout(page)
        layout.addLayout(charts, 3)
        layout.addWidget(self.migration_summary)
        layout.addWidget(self.batch_table, 2)
        return page

    def read(self, ctx: AppContext, actor: Actor, year: int | None) -> IokStatistics:
        return iok_statistics(ctx, actor, year)

    def write(self, stats: IokStatistics, path: Path) -> Path:
        return write_statistics_xlsx(stats, path)

    def show_statistics(self, stats: IokStatistics) -> None:
        self.months_model.set_statistics(stats)
        self.batch_model.set_rows(stats.batches)
        median = stats.median_days_to_login
        self.summary.setText(self.tr(
            "<b>{0}</b>: wnioski o konto IOK: <b>{1}</b> · wysłane dane logowania: <b>{2}</b> · "
            "mediana dni od wpływu do wysłania danych logowania: <b>{3}</b>").format(
            period_text(stats).capitalize(), stats.requests, stats.login_sent,
            "—" if median is None else f"{median:g}".replace(".", ",")))
        classes = ", ".join(f"{c.account_class.label.lower()}: {c.count}" for c in stats.classes)
        self.migration_summary.setText(self.tr(
            "Konta starego portalu – {0}. Partie: {1}, pism: {2}, odpowiedzi: {3}, brak "
            "odpowiedzi po {4} dniach: {5}.").format(
            classes, len(stats.batches), stats.batch_letters, stats.answered,
            stats.no_answer_days, stats.no_answer))
        for view, chart in ((self.requests_view, iok_charts.requests_chart(stats)),
                            (self.classes_view, iok_charts.classes_chart(stats)),
                            (self.batches_view, iok_charts.batches_chart(stats))):
            replace_chart(view, chart)
        self.shown(stats, stats.years, stats.year)
