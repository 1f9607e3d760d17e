"""The supervisors' IOK statistics panel (menu *Raporty → Statystyki IOK…*).

A year filter (or every year), a summary line (requests, login data sent, the median days
from filing to login sent), and two tabs: "Wnioski" (a chart of requests per month stacked by
channel over the month × channel table) and "Migracja" (old accounts per class, the consent
batches as a chart and a table). Every read is one op; "Eksport do XLSX…" writes the
workbook of what is shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.documents.iok_statistics_xlsx import period_text, write_statistics_xlsx
from clerk_app.domain.iok_statistics import IokStatistics
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.statistics.iok import iok_statistics
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import make_error_label
from clerk_app.ui.statistics import iok_charts
from clerk_app.ui.statistics.iok_models import BatchModel, MonthChannelModel

ALL_YEARS = 0  # the combo's data for "every year"


def _view(parent: QWidget) -> QChartView:
    view = QChartView(parent)
    view.setRenderHint(iok_charts.RENDER_HINT)
    view.setMinimumHeight(220)
    return view


def _table(parent: QWidget, model: MonthChannelModel | BatchModel) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class IokStatisticsWindow(QWidget):
    """``loaded`` after each read, ``saved(path)`` after an export."""

    loaded = Signal()
    saved = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx, self.actor = ctx, actor
        self.stats: IokStatistics | None = None
        self.runner = OpRunner(self)
        self.setWindowTitle(self.tr("Statystyki IOK"))
        self.year_combo = QComboBox(self)
        self.year_combo.setAccessibleName(self.tr("Okres"))
        self._fill_years((), ctx.today().year)
        self.refresh_button = QPushButton(self.tr("&Odśwież"), self)
        self.export_button = QPushButton(self.tr("&Eksport do XLSX…"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.migration_summary = QLabel(self)
        self.migration_summary.setWordWrap(True)
        self.error_label = make_error_label(QLabel(self))
        self.months_model, self.batch_model = MonthChannelModel(self), BatchModel(self)
        self.requests_view, self.classes_view = _view(self), _view(self)
        self.batches_view = _view(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._requests_tab(), self.tr("Wnioski"))
        self.tabs.addTab(self._migration_tab(), self.tr("Migracja kont"))
        top = QHBoxLayout()
        period = QLabel(self.tr("&Okres:"), self)
        period.setBuddy(self.year_combo)
        for widget in (period, self.year_combo, self.refresh_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.refresh_button.clicked.connect(lambda _c=False: self.reload())
        self.export_button.clicked.connect(lambda _c=False: self._export_clicked())
        self.export_button.setEnabled(False)
        self.resize(1100, 720)
        self.reload()

    def _requests_tab(self) -> QWidget:
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.requests_view)
        self.months_table = _table(split, self.months_model)
        split.addWidget(self.months_table)
        split.setSizes([360, 260])
        return split

    def _migration_tab(self) -> QWidget:
        page = QWidget(self)
        charts = QHBoxLayout()
        charts.addWidget(self.classes_view, 1)
        charts.addWidget(self.batches_view, 1)
        self.batch_table = _table(page, self.batch_model)
        layout = QVBoxLayout(page)
        layout.addLayout(charts, 3)
        layout.addWidget(self.migration_summary)
        layout.addWidget(self.batch_table, 2)
        return page

    def _fill_years(self, years: tuple[int, ...], selected: int) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItem(self.tr("Wszystkie lata"), ALL_YEARS)
        for year in sorted({*years, self.ctx.today().year, selected} - {ALL_YEARS},
                           reverse=True):
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(selected)))
        self.year_combo.blockSignals(False)

    def year(self) -> int | None:
        value = int(self.year_combo.currentData() or ALL_YEARS)
        return None if value == ALL_YEARS else value

    def select_year(self, year: int | None) -> None:
        self.year_combo.setCurrentIndex(self.year_combo.findData(year or ALL_YEARS))

    def reload(self) -> bool:
        ctx, actor, year = self.ctx, self.actor, self.year()
        return Op(self.runner, lambda: iok_statistics(ctx, actor, year)).on_success(
            self.show_statistics).errors_in(self.error_label).disabling(
            self.refresh_button, self.export_button, self.year_combo).run()

    def show_statistics(self, stats: IokStatistics) -> None:
        self.stats = stats
        self._fill_years(stats.years, stats.year or ALL_YEARS)
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
            self._replace_chart(view, chart)
        self.export_button.setEnabled(True)
        self.loaded.emit()

    @staticmethod
    def _replace_chart(view: QChartView, chart: QChart) -> None:
        old = view.chart()
        view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()

    def save_xlsx(self, path: Path) -> bool:
        """Write the shown statistics to ``path`` (off the GUI thread)."""
        stats = self.stats
        if stats is None:
            return False
        return Op(self.runner, lambda: write_statistics_xlsx(stats, path)).on_success(
            lambda written: self.saved.emit(str(written))).errors_in(self.error_label).run()

    def _export_clicked(self) -> None:
        year = self.year()
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Zapisz statystyki XLSX"),
            f"statystyki_iok_{year or 'wszystkie_lata'}.xlsx",
            self.tr("Skoroszyt Excel (*.xlsx)"))
        if name:
            self.save_xlsx(Path(name if name.lower().endswith(".xlsx") else f"{name}.xlsx"))
