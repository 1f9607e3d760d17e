"""Base of the report dialogs (deadline report, registers): parameters, a PDF rendered in
the thread pool and previewed as soon as the dialog shows (and again shortly after the
parameters change), printing, saving as PDF and XLSX.

A subclass fills the parameter form and the body (the preview, or tabs holding it), reads
``params()``, builds the report in ``generate()`` and shows its PDF with ``_show_pdf()``.
Printing and saving use the shared helpers of :mod:`clerk_app.ui.pdf_printing`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QBuffer, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.pdf_printing import (
    ask_pdf_path,
    ask_printer,
    ask_xlsx_path,
    load_pdf,
    print_document,
)

REFRESH_AFTER_MS = 400
P = TypeVar("P")  # the parameters on screen


class PdfReportDialog(QDialog, Generic[P]):
    """``generated`` is emitted when a preview is ready, ``saved(path)`` after a save."""

    generated = Signal()
    saved = Signal(str)

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor = ctx, actor
        self.pdf: bytes = b""
        self._params: P | None = None  # of the report shown
        self._buffer: QBuffer | None = None
        self.runner = OpRunner(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.pdf_doc = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self.pdf_doc)
        self.preview_button = QPushButton()
        self.print_button = QPushButton(self.tr("Drukuj…"))
        self.pdf_button = QPushButton(self.tr("Zapisz PDF…"))
        self.xlsx_button = QPushButton(self.tr("Zapisz XLSX…"))
        self.preview_button.clicked.connect(self.generate)
        self.print_button.clicked.connect(self._print_clicked)
        self.pdf_button.clicked.connect(self._save_pdf_clicked)
        self.xlsx_button.clicked.connect(self._save_xlsx_clicked)
        self.runner.busyChanged.connect(self._set_busy)
        # A pause in typing, then the preview follows the parameters by itself.
        self._refresh = QTimer(self, singleShot=True, interval=REFRESH_AFTER_MS)
        self._refresh.timeout.connect(self._refresh_now)
        self._shown = False

    def _lay_out(self, form: QFormLayout, body: QWidget, preview_text: str) -> None:
        """The form, the summary, ``body`` (stretched) and the row of buttons."""
        layout = QVBoxLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)
        buttons = QHBoxLayout()
        self.preview_button.setText(preview_text)
        close = QPushButton(self.tr("Zamknij"))
        for button in (self.preview_button, self.print_button, self.pdf_button,
                       self.xlsx_button, close):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.insertStretch(1)
        layout.addLayout(buttons)
        close.clicked.connect(self.reject)

    # ---------------------------------------------------------------- to override
    def params(self) -> P:
        """The parameters on screen."""
        raise NotImplementedError

    def generate(self) -> bool:
        """Build the report for ``params()`` in the background; False while busy."""
        raise NotImplementedError

    def _xlsx_writer(self) -> Callable[[Path], object] | None:
        """What writes the report shown to an XLSX file (None: nothing shown)."""
        raise NotImplementedError

    def _save_title(self, ext: str) -> str:
        """The title of the file dialog saving as ``ext`` ("pdf" or "xlsx")."""
        raise NotImplementedError

    def _default_name(self, ext: str) -> str:
        raise NotImplementedError

    def _first_shown(self) -> None:
        """What the dialog does when it first shows: the preview at once."""
        self.generate()

    def pdf_ready(self) -> bool:
        """True when the PDF in the preview is the one of the report shown and current."""
        return self.is_current()

    # ---------------------------------------------------------------- shared
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:  # the preview at once, not a grey box until a click
            self._shown = True
            self._first_shown()

    def _refresh_now(self) -> None:
        """Build the report for the parameters on screen, after the one under way."""
        if self.runner.is_busy():
            self._refresh.start()
        elif not self.is_current():
            self.generate()

    def is_current(self) -> bool:
        """True when the report shown matches the parameters on screen."""
        return self._params is not None and self._params == self.params()

    def _show_pdf(self, pdf: bytes, describe: Callable[[int], str]) -> None:
        """Preview ``pdf``; the summary is ``describe(pages)``."""
        self.pdf = pdf
        self._buffer = load_pdf(self.pdf_doc, pdf, self)
        self.summary.setText(describe(self.pdf_doc.pageCount()))
        self._update_buttons()
        self.generated.emit()

    def _failed(self, error: Exception) -> None:
        self.summary.setText(user_message(error))
        self._update_buttons()

    def save_pdf(self, path: Path) -> None:
        Path(path).write_bytes(self.pdf)
        self.saved.emit(str(path))

    def save_xlsx(self, path: Path) -> bool:
        """Write the report shown as XLSX in the background."""
        write = self._xlsx_writer()
        if write is None:
            return False
        return Op(self.runner, lambda: write(Path(path))) \
            .on_success(lambda _written: self._saved(path)).on_failure(self._failed).run()

    def _saved(self, path: Path) -> None:
        self.summary.setText(self.tr("Zapisano: {0}").format(path))
        self.saved.emit(str(path))

    def print_to(self, printer: QPrinter) -> int:
        """Paint every page of the preview on ``printer``; returns the pages printed."""
        return print_document(self.pdf_doc, printer)

    def _print_clicked(self) -> None:
        printer = ask_printer(self)
        if printer is not None:
            self.print_to(printer)

    def _save_pdf_clicked(self) -> None:
        path = ask_pdf_path(self, self._save_title("pdf"), self._default_name("pdf"))
        if path is not None:
            self.save_pdf(path)

    def _save_xlsx_clicked(self) -> None:
        path = ask_xlsx_path(self, self._save_title("xlsx"), self._default_name("xlsx"))
        if path is not None:
            self.save_xlsx(path)

    def _set_busy(self, busy: bool) -> None:
        self.preview_button.setEnabled(not busy)
        self._update_buttons(busy)

    def _update_buttons(self, busy: bool = False) -> None:
        ready = self.pdf_ready() and not busy
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(ready)
        self.xlsx_button.setEnabled(self.is_current() and not busy)
