"""The supervisors' deposit statistics panel (menu *Raporty → Statystyki kaucji…*).

A year filter (or every year), a summary line (cases, decided within the month, the median
days from the complete petition to the decision), and two tabs: "Sprawy" (a chart of the
cases per month stacked by state over the month × state table) and "Terminy" (the decision
month kept or missed per month, the deadlines per clerk as a chart and a table). Every read
is one op; "Eksport do XLSX…" writes the workbook of what is shown. The frame (period, the
chart views, the export) is the IOK panel's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
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

from clerk_app.documents.deposit_statistics_xlsx import period_text, write_statistics_xlsx
from clerk_app.domain.deposit_statistics import DepositStatistics
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.statistics.deposit import deposit_statistics
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import make_error_label
from clerk_app.ui.statistics import deposit_charts
from clerk_app.ui.statistics.deposit_models import ClerkModel, StateMonthModel, percent_text
from clerk_app.ui.statistics.iok_window import ALL_YEARS, IokStatisticsWindow, _view


def _table(parent: QWidget, model: QAbstractItemModel) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class DepositStatisticsWindow(QWidget):
    """``loaded`` after each read, ``saved(path)`` after an export."""

    loaded = Signal()
    saved = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx, self.actor = ctx, actor
        self.stats: DepositStatistics | None = None
        self.runner = OpRunner(self)
        self.setWindowTitle(self.tr("Statystyki kaucji w ratach"))
        self.year_combo = QComboBox(self)
        self.year_combo.setAccessibleName(self.tr("Okres"))
        self._fill_years((), ctx.today().year)
        self.refresh_button = QPushButton(self.tr("&Odśwież"), self)
        self.export_button = QPushButton(self.tr("&Eksport do XLSX…"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.error_label = make_error_label(QLabel(self))
        self.months_model, self.clerk_model = StateMonthModel(self), ClerkModel(self)
        self.states_view, self.decisions_view = _view(self), _view(self)
        self.clerks_view = _view(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._cases_tab(), self.tr("Sprawy"))
        self.tabs.addTab(self._deadlines_tab(), self.tr("Terminy"))
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

    def _cases_tab(self) -> QWidget:
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.states_view)
        self.months_table = _table(split, self.months_model)
        split.addWidget(self.months_table)
        split.setSizes([360, 260])
        return split

    def _deadlines_tab(self) -> QWidget:
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.decisions_view)
        below = QWidget(split)
        self.clerk_table = _table(below, self.clerk_model)
        row = QHBoxLayout(below)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.clerks_view, 1)
        row.addWidget(self.clerk_table, 1)
        split.addWidget(below)
        split.setSizes([330, 290])
        return split

    def _fill_years(self, years: tuple[int, ...], selected: int) -> None:
        combo = self.year_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Wszystkie lata"), ALL_YEARS)
        for year in sorted({*years, self.ctx.today().year, selected} - {ALL_YEARS},
                           reverse=True):
            combo.addItem(str(year), year)
        combo.setCurrentIndex(max(0, combo.findData(selected)))
        combo.blockSignals(False)

    def year(self) -> int | None:
        value = int(self.year_combo.currentData() or ALL_YEARS)
        return None if value == ALL_YEARS else value

    def select_year(self, year: int | None) -> None:
        self.year_combo.setCurrentIndex(self.year_combo.findData(year or ALL_YEARS))

    def reload(self) -> bool:
        ctx, actor, year = self.ctx, self.actor, self.year()
        return Op(self.runner, lambda: deposit_statistics(ctx, actor, year)).on_success(
            self.show_statistics).errors_in(self.error_label).disabling(
            self.refresh_button, self.export_button, self.year_combo).run()

    def show_statistics(self, stats: DepositStatistics) -> None:
        self.stats = stats
        self._fill_years(stats.years, stats.year or ALL_YEARS)
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
            IokStatisticsWindow._replace_chart(view, chart)
        self.export_button.setEnabled(True)
        self.loaded.emit()

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
            f"statystyki_kaucji_{year or 'wszystkie_lata'}.xlsx",
            self.tr("Skoroszyt Excel (*.xlsx)"))
        if name:
            self.save_xlsx(Path(name if name.lower().endswith(".xlsx") else f"{name}.xlsx"))
