"""Hand-over of IOK accounts (menu *Sprawy*, Ctrl+5): the requests ready for an account,
the hand-over file for the IOK administrator (XLSX, or CSV for Polish Excel; requests
written are never exported again) and the administrator's result file (contractor number →
account created on) with a report of the lines that matched nothing. Double-click opens
the case. No password is ever shown, written or read here."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clerk_app.documents.iok_handover import ResultFileError, handover_bytes, read_results
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ServiceError
from clerk_app.services.iok.handover import export_ready, import_results, ready_requests
from clerk_app.services.iok.types import HandoverExport, HandoverRow, ResultReport
from clerk_app.ui.changes import CASE_WORK, Change
from clerk_app.ui.iok.handover_model import HandoverModel
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import make_error_label, show_error
from clerk_app.ui.row_table_model import RowRole


class HandoverWindow(QWidget):
    """``caseActivated(case_id)`` opens a case; ``loaded`` after each read."""

    caseActivated = Signal(int)
    loaded = Signal()

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx, self.actor = ctx, actor
        self.setWindowTitle(self.tr("Przekazanie kont IOK"))
        self.model = HandoverModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count_label = QLabel(self)
        self.xlsx_button = QPushButton(self.tr("Zapisz plik dla administratora (&XLSX)…"), self)
        self.csv_button = QPushButton(self.tr("Zapisz plik (&CSV)…"), self)
        self.import_button = QPushButton(self.tr("&Wczytaj wynik administratora…"), self)
        self.refresh_button = QPushButton(self.tr("&Odśwież"), self)
        self.error_label = make_error_label(QLabel(self))
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(140)
        self.report.setPlaceholderText(self.tr("Tu pojawi się raport wczytanego pliku."))
        self.runner = OpRunner(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        for button in (self.refresh_button, self.csv_button, self.xlsx_button,
                       self.import_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Wnioski kompletne, gotowe do utworzenia konta "
                                        "(jeszcze nie przekazane):"), self))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        layout.addWidget(self.report)
        self.refresh_button.clicked.connect(self.reload)
        self.xlsx_button.clicked.connect(lambda: self.choose_export("xlsx"))
        self.csv_button.clicked.connect(lambda: self.choose_export("csv"))
        self.import_button.clicked.connect(self.choose_import)
        self.table.doubleClicked.connect(self._activated)
        self.resize(900, 520)
        self.reload()

    def reload(self) -> None:
        ctx, actor = self.ctx, self.actor
        self.runner.run_or_queue(lambda: Op(self.runner, lambda: ready_requests(
            ctx, actor)).on_success(self._loaded).errors_in(self.error_label))

    def _loaded(self, rows: list[HandoverRow]) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("Gotowych wniosków: {0}").format(len(rows)))
        for button in (self.xlsx_button, self.csv_button):
            button.setEnabled(bool(rows))
        self.table.resizeColumnsToContents()
        self.loaded.emit()

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.data(index, RowRole)
        if row is not None:
            self.caseActivated.emit(row.case_id)

    # ------------------------------------------------------------------ export
    def choose_export(self, file_format: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Plik dla administratora IOK"), f"przekazanie_iok.{file_format}",
            self.tr("Arkusz (*.xlsx)") if file_format == "xlsx" else self.tr("CSV (*.csv)"))
        if name:
            self.export_to(Path(name), file_format)

    def export_to(self, path: Path, file_format: str) -> None:
        """Write the file inside the export's transaction (a failed write marks nothing)."""
        ctx, actor = self.ctx, self.actor
        show_error(self.error_label, "")

        def write(rows: Sequence[HandoverRow]) -> None:
            try:
                path.write_bytes(handover_bytes(rows, file_format))
            except OSError as exc:
                raise ServiceError(self.tr("Nie można zapisać pliku {0}: {1}").format(
                    path.name, exc.strerror or exc.__class__.__name__)) from exc

        Op(self.runner, lambda: export_ready(ctx, actor, file_format, write)) \
            .on_success(lambda export: self._exported(export, path)) \
            .errors_in(self.error_label).disabling(self.xlsx_button, self.csv_button) \
            .announcing(Change(CASE_WORK)).run()

    def _exported(self, export: HandoverExport, path: Path) -> None:
        self.report.setPlainText(
            self.tr("Zapisano {0}: wniosków {1} (przekazanie nr {2}).").format(
                path, len(export.rows), export.export_id) if export.rows else
            self.tr("Nie ma wniosków gotowych do przekazania – pliku nie zapisano."))
        self.reload()

    # ------------------------------------------------------------------ import
    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Wynik administratora IOK"), "",
            self.tr("Arkusz lub CSV (*.xlsx *.csv)"))
        if name:
            self.import_from(Path(name))

    def import_from(self, path: Path) -> None:
        ctx, actor = self.ctx, self.actor
        show_error(self.error_label, "")

        def run() -> ResultReport:
            try:
                lines = read_results(path)
            except ResultFileError as exc:
                raise ServiceError(str(exc)) from exc
            return import_results(ctx, actor, lines)

        Op(self.runner, run).on_success(self._imported).errors_in(self.error_label) \
            .disabling(self.import_button).announcing(Change(CASE_WORK)).run()

    def _imported(self, report: ResultReport) -> None:
        lines = [self.tr("Zapisano utworzenie kont: {0}").format(len(report.recorded))]
        lines += [f"  {s}" for s in report.recorded]
        if report.already:
            lines.append(self.tr("Już zapisane wcześniej: {0}").format(len(report.already)))
        if report.unmatched:
            lines.append(self.tr("Wiersze bez dopasowania: {0}").format(len(report.unmatched)))
            lines += [self.tr("  wiersz {0}: {1}").format(n, why) for n, why in report.unmatched]
        self.report.setPlainText("\n".join(lines))
        self.reload()
