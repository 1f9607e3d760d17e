"""The supervisors' deadline report: parameters, PDF preview, printing, saving PDF/XLSX.

The report is built and rendered in the thread pool as soon as the dialog shows, and again
shortly after the parameters change; the preview shows the PDF's first page (QtPdf).
The preview, printing and saving are those of :class:`~clerk_app.ui.pdf_report_dialog.
PdfReportDialog`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QFormLayout, QSpinBox, QWidget

from clerk_app.documents.deadline_report_pdf import render_deadline_report_pdf
from clerk_app.documents.deadline_report_xlsx import write_deadline_report_xlsx
from clerk_app.domain.text import format_date_pl
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deadlines.report import (
    MAX_HORIZON_DAYS,
    DeadlineReport,
    deadline_report_rows,
)
from clerk_app.ui.date_inputs import DateInput
from clerk_app.ui.operations import Op
from clerk_app.ui.pdf_report_dialog import PdfReportDialog
from clerk_app.ui.qt_helpers import to_date, to_qdate


class ReportDialog(PdfReportDialog[tuple[date, int]]):
    """``generated`` is emitted when a preview is ready, ``saved(path)`` after a save."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(ctx, actor, parent)
        self.report: DeadlineReport | None = None
        self.setWindowTitle(self.tr("Raport terminów"))
        self.resize(1000, 720)

        form = QFormLayout()
        self.horizon_spin = QSpinBox()
        self.horizon_spin.setRange(0, MAX_HORIZON_DAYS)
        self.horizon_spin.setValue(14)
        self.horizon_spin.setSuffix(self.tr(" dni"))
        self.as_of_edit = DateInput(to_qdate(ctx.today()))
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("dd.MM.yyyy")
        form.addRow(self.tr("Horyzont (terminy w ciągu):"), self.horizon_spin)
        form.addRow(self.tr("Stan na dzień:"), self.as_of_edit)
        self.summary.setText(self.tr("Przygotowywanie raportu…"))
        self.pdf_view.setPageMode(QPdfView.PageMode.SinglePage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._lay_out(form, self.pdf_view, self.tr("Odśwież podgląd"))
        self.horizon_spin.valueChanged.connect(lambda _v: self._params_changed())
        self.as_of_edit.dateChanged.connect(lambda _d: self._params_changed())
        self._update_buttons()

    def _params_changed(self) -> None:
        if self.report is not None and not self.is_current():
            self.summary.setText(self.tr("Parametry zmienione – raport jest przygotowywany "
                                         "na nowo…"))
        self._refresh.start()
        self._update_buttons()

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
        report, pdf = result
        self.report, self._params = report, params
        self._show_pdf(pdf, lambda pages: self.tr(
            "Stan na {0}, terminy do {1} i wszystkie przekroczone: {2}, w tym po terminie: "
            "{3}. Stron: {4}.").format(format_date_pl(report.as_of),
                                       format_date_pl(report.horizon_end), report.row_count,
                                       report.overdue_count, pages))

    def _xlsx_writer(self) -> Callable[[Path], object] | None:
        report = self.report
        return None if report is None else partial(write_deadline_report_xlsx, report)

    def _save_title(self, ext: str) -> str:
        return self.tr("Zapisz raport PDF") if ext == "pdf" else self.tr("Zapisz raport XLSX")

    def _default_name(self, ext: str) -> str:
        as_of, _horizon = self.params()
        return f"raport_terminow_{as_of.isoformat()}.{ext}"
