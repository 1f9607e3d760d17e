"""The frame the supervisors' statistics windows share: a year filter (or every year), a
refresh button, a summary line, tabs of charts and tables, an error label, and "Eksport do
XLSX…". A window says how to read its statistics, show them and write them; every read and
every export is one op off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.pdf_printing import ask_xlsx_path
from clerk_app.ui.qt_helpers import make_error_label
from clerk_app.ui.statistics.chart_parts import RENDER_HINT

ALL_YEARS = 0  # the combo's data for "every year"
S = TypeVar("S")


def chart_view(parent: QWidget) -> QChartView:
    view = QChartView(parent)
    view.setRenderHint(RENDER_HINT)
    view.setMinimumHeight(220)
    return view


def stats_table(parent: QWidget, model: QAbstractItemModel) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def replace_chart(view: QChartView, chart: QChart) -> None:
    old = view.chart()
    view.setChart(chart)
    if old is not None and old is not chart:
        old.deleteLater()


class StatisticsFrame(QWidget, Generic[S]):
    """``loaded`` after each read, ``saved(path)`` after an export. Subclasses add their tabs
    to ``tabs``, then call :meth:`reload`; they define :meth:`read`, :meth:`show_statistics`
    (ending with :meth:`shown`) and :meth:`write`, and ``FILE_STEM`` for the export."""

    loaded = Signal()
    saved = Signal(str)
    FILE_STEM = "statystyki"

    def __init__(self, ctx: AppContext, actor: Actor, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx, self.actor = ctx, actor
        self.stats: S | None = None
        self.runner = OpRunner(self)
        self.setWindowTitle(title)
        self.year_combo = QComboBox(self)
        self.year_combo.setAccessibleName(self.tr("Okres"))
        self._fill_years((), ctx.today().year)
        self.refresh_button = QPushButton(self.tr("&Odśwież"), self)
        self.export_button = QPushButton(self.tr("&Eksport do XLSX…"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.error_label = make_error_label(QLabel(self))
        self.tabs = QTabWidget(self)
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

    def read(self, ctx: AppContext, actor: Actor, year: int | None) -> S:
        raise NotImplementedError

    def show_statistics(self, stats: S) -> None:
        raise NotImplementedError

    def write(self, stats: S, path: Path) -> Path:
        raise NotImplementedError

    def shown(self, stats: S, years: tuple[int, ...], year: int | None) -> None:
        """After :meth:`show_statistics` filled the window: the filter, the signal."""
        self.stats = stats
        self._fill_years(years, year or ALL_YEARS)
        self.export_button.setEnabled(True)
        self.loaded.emit()

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
        return Op(self.runner, lambda: self.read(ctx, actor, year)).on_success(
            self.show_statistics).errors_in(self.error_label).disabling(
            self.refresh_button, self.export_button, self.year_combo).run()

    def save_xlsx(self, path: Path) -> bool:
        """Write the shown statistics to ``path`` (off the GUI thread)."""
        stats = self.stats
        if stats is None:
            return False
        return Op(self.runner, lambda: self.write(stats, path)).on_success(
            lambda written: self.saved.emit(str(written))).errors_in(self.error_label).run()

    def _export_clicked(self) -> None:
        year = self.year()
        path = ask_xlsx_path(self, self.tr("Zapisz statystyki XLSX"),
                             f"{self.FILE_STEM}_{year or 'wszystkie_lata'}.xlsx")
        if path is not None:
            self.save_xlsx(path)
