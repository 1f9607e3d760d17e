"""The supervisors' deadline report: parameters, PDF preview, printing, saving PDF/XLSX.

The report is built and rendered in the thread pool as soon as the dialog shows, and again
shortly after the parameters change; the preview shows the PDF's first page (QtPdf).
Printing and saving use the shared helpers of :mod:`clerk_app.ui.pdf_printing`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk_app.documents.deadline_report_pdf import render_deadline_report_pdf
from clerk_app.documents.deadline_report_xlsx import write_deadline_report_xlsx
from clerk_app.domain.text import format_date_pl
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deadlines.report import (
    MAX_HORIZON_DAYS,
    DeadlineReport,
    deadline_report_rows,
)
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.pdf_printing import (
    ask_pdf_path,
    ask_printer,
    ask_xlsx_path,
    load_pdf,
    print_document,
)
from clerk_app.ui.qt_helpers import to_date, to_qdate

REFRESH_AFTER_MS = 400


class ReportDialog(QDialog):
    """``generated`` is emitted when a preview is ready, ``saved(path)`` after a save."""

    generated = Signal()
    saved = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.report: DeadlineReport | None = None
        self.pdf: bytes = b""
        self._params: tuple[date, int] | None = None
        self._buffer: QBuffer | None = None
        self.runner = OpRunner(self)
        self.setWindowTitle(self.tr("Raport terminów"))
        self.resize(1000, 720)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.horizon_spin = QSpinBox()
        self.horizon_spin.setRange(0, MAX_HORIZON_DAYS)
        self.horizon_spin.setValue(14)
        self.horizon_spin.setSuffix(self.tr(" dni"))
        self.as_of_edit = QDateEdit(to_qdate(ctx.today()))
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("dd.MM.yyyy")
        form.addRow(self.tr("Horyzont (terminy w ciągu):"), self.horizon_spin)
        form.addRow(self.tr("Stan na dzień:"), self.as_of_edit)
        layout.addLayout(form)

        self.summary = QLabel(self.tr("Przygotowywanie raportu…"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.pdf_doc = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setPageMode(QPdfView.PageMode.SinglePage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.pdf_view.setDocument(self.pdf_doc)
        layout.addWidget(self.pdf_view, 1)

        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("Odśwież podgląd"))
        self.print_button = QPushButton(self.tr("Drukuj…"))
        self.pdf_button = QPushButton(self.tr("Zapisz PDF…"))
        self.xlsx_button = QPushButton(self.tr("Zapisz XLSX…"))
        close = QPushButton(self.tr("Zamknij"))
        for button in (self.preview_button, self.print_button, self.pdf_button,
                       self.xlsx_button, close):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.insertStretch(1)
        layout.addLayout(buttons)
        self.preview_button.clicked.connect(self.generate)
        self.print_button.clicked.connect(self._print_clicked)
        self.pdf_button.clicked.connect(self._save_pdf_clicked)
        self.xlsx_button.clicked.connect(self._save_xlsx_clicked)
        close.clicked.connect(self.reject)
        self.runner.busyChanged.connect(self._set_busy)
        self.horizon_spin.valueChanged.connect(lambda _v: self._params_changed())
        self.as_of_edit.dateChanged.connect(lambda _d: self._params_changed())
        # A pause in typing, then the preview follows the parameters by itself.
        self._refresh = QTimer(self, singleShot=True, interval=REFRESH_AFTER_MS)
        self._refresh.timeout.connect(self._refresh_now)
        self._shown = False
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:  # the preview at once, not a grey box until a click
            self._shown = True
            self.generate()

    def _params_changed(self) -> None:
        if self.report is not None and not self.is_current():
            self.summary.setText(self.tr("Parametry zmienione – raport jest przygotowywany "
                                         "na nowo…"))
        self._refresh.start()
        self._update_buttons()

    def _refresh_now(self) -> None:
        """Build the report for the parameters on screen, after the one under way."""
        if self.runner.is_busy():
            self._refresh.start()
        elif not self.is_current():
            self.generate()

    def params(self) -> tuple[date, int]:
        return to_date(self.as_of_edit.date()), self.horizon_spin.value()

    def generate(self) -> bool:
        """Build the report and its PDF in the background; False while busy."""
        as_of, horizon = self.params()
        ctx, actor = self.ctx, self.actor

        def work() -> tuple[DeadlineReport, bytes]:
            report = deadline_report_rows(ctx, actor, as_of, horizon)
            return report, render_deadline_report_pdf(report)

        self.summary.setText(self.tr("Przygotowywanie raportu…"))
        return Op(self.runner, work).on_success(
            lambda result: self._generated(result, (as_of, horizon))).on_failure(
            self._failed).run()

    def _generated(self, result: tuple[DeadlineReport, bytes],
                   params: tuple[date, int]) -> None:
        self.report, self.pdf = result
        self._params = params
        self._buffer = load_pdf(self.pdf_doc, self.pdf, self)
        report = self.report
        self.summary.setText(self.tr(
            "Stan na {0}, terminy do {1} i wszystkie przekroczone: {2}, w tym po terminie: "
            "{3}. Stron: {4}.").format(format_date_pl(report.as_of),
                                       format_date_pl(report.horizon_end), report.row_count,
                                       report.overdue_count, self.pdf_doc.pageCount()))
        self._update_buttons()
        self.generated.emit()

    def _failed(self, error: Exception) -> None:
        self.summary.setText(user_message(error))
        self._update_buttons()

    def is_current(self) -> bool:
        """True when the shown report matches the parameters on screen."""
        return self.report is not None and self._params == self.params()

    def save_pdf(self, path: Path) -> None:
        Path(path).write_bytes(self.pdf)
        self.saved.emit(str(path))

    def save_xlsx(self, path: Path) -> bool:
        """Write the shown report as XLSX in the background."""
        report = self.report
        if report is None:
            return False
        return Op(self.runner, lambda: write_deadline_report_xlsx(report, Path(path))) \
            .on_success(lambda _written: self._saved(path)).on_failure(self._failed).run()

    def _saved(self, path: Path) -> None:
        self.summary.setText(self.tr("Zapisano: {0}").format(path))
        self.saved.emit(str(path))

    def print_to(self, printer: QPrinter) -> int:
        """Paint every page of the report on ``printer``; returns the pages printed."""
        return print_document(self.pdf_doc, printer)

    def _print_clicked(self) -> None:
        printer = ask_printer(self)
        if printer is not None:
            self.print_to(printer)

    def _save_pdf_clicked(self) -> None:
        path = ask_pdf_path(self, self.tr("Zapisz raport PDF"), self._default_name("pdf"))
        if path is not None:
            self.save_pdf(path)

    def _save_xlsx_clicked(self) -> None:
        path = ask_xlsx_path(self, self.tr("Zapisz raport XLSX"), self._default_name("xlsx"))
        if path is not None:
            self.save_xlsx(path)

    def _default_name(self, ext: str) -> str:
        as_of, _horizon = self.params()
        return f"raport_terminow_{as_of.isoformat()}.{ext}"

    def _set_busy(self, busy: bool) -> None:
        self.preview_button.setEnabled(not busy)
        self._update_buttons(busy)

    def _update_buttons(self, busy: bool = False) -> None:
        ready = self.is_current() and not busy
        for button in (self.print_button, self.pdf_button, self.xlsx_button):
            button.setEnabled(ready)
