"""Showing, printing and saving PDFs made by the documents layer (letters, labels, reports).

QtPdf renders each page to an image at :data:`PRINT_DPI`, which is painted on the printer
scaled into its printable area; :class:`PdfPreviewDialog` shows the pages with "Drukuj…" and
"Zapisz PDF…".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.ui.qt_helpers import translate

PRINT_DPI = 200
_CTX = "pdf_printing"


def load_pdf(document: QPdfDocument, pdf: bytes, owner: QObject) -> QBuffer:
    """Load ``pdf`` into ``document``; keep the returned buffer alive while it is shown."""
    document.close()
    buffer = QBuffer(owner)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return buffer


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of ``document`` on ``printer``; returns the pages printed."""
    pages = document.pageCount()
    painter = QPainter()
    if pages <= 0 or not painter.begin(printer):
        return 0
    try:
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(pages):
            if page:
                printer.newPage()
            size = document.pagePointSize(page)
            pixels = QSize(int(size.width() * PRINT_DPI / 72),
                           int(size.height() * PRINT_DPI / 72))
            image = document.render(page, pixels)
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(0, 0, scaled.width(), scaled.height()), image)
    finally:
        painter.end()
    return pages


def print_pdf_to(pdf: bytes, printer: QPrinter) -> int:
    """Print the PDF ``pdf`` on ``printer`` (no dialog); returns the pages printed."""
    holder = QObject()
    document = QPdfDocument(holder)
    buffer = load_pdf(document, pdf, holder)
    try:
        return print_document(document, printer)
    finally:
        document.close()
        buffer.close()


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    """The printer the user chose in the print dialog, or None when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def print_pdf(pdf: bytes, parent: QWidget | None = None) -> bool:
    """Show the print dialog and print ``pdf``; False when cancelled or nothing printed."""
    printer = ask_printer(parent)
    return printer is not None and print_pdf_to(pdf, printer) > 0


def ask_pdf_path(parent: QWidget | None, title: str, default_name: str) -> Path | None:
    """The file name chosen in the save dialog (``.pdf`` added), or None when cancelled."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, title, default_name, translate(_CTX, "Dokument PDF (*.pdf)"))
    if not name:
        return None
    return Path(name if name.lower().endswith(".pdf") else f"{name}.pdf")


def ask_xlsx_path(parent: QWidget | None, title: str, default_name: str) -> Path | None:
    """The workbook name chosen in the save dialog (``.xlsx`` added), or None."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, title, default_name, translate(_CTX, "Skoroszyt Excel (*.xlsx)"))
    if not name:
        return None
    return Path(name if name.lower().endswith(".xlsx") else f"{name}.xlsx")


class PdfPreviewDialog(QDialog):
    """The pages of a PDF with "Drukuj…", "Zapisz PDF…" and "Zamknij" (Esc).

    ``printed(pages)`` is emitted after printing, ``saved(path)`` after saving.
    """

    printed = Signal(int)
    saved = Signal(str)

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None,
                 file_name: str = "dokument.pdf") -> None:
        super().__init__(parent)
        self.pdf, self.file_name = pdf, file_name
        self.setWindowTitle(title)
        self.resize(760, 900)
        self.pdf_doc = QPdfDocument(self)
        self._buffer = load_pdf(self.pdf_doc, pdf, self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setDocument(self.pdf_doc)
        self.info_label = QLabel(self)
        self.info_label.setText(self.tr("{0} – stron: {1}").format(title, self.page_count()))
        self.print_button = QPushButton(self.tr("&Drukuj…"), self)
        self.save_button = QPushButton(self.tr("&Zapisz PDF…"), self)
        self.close_button = QPushButton(self.tr("Zamknij"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.info_label, 1)
        for button in (self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        self.print_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pdf_view, 1)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self._print_clicked)
        self.save_button.clicked.connect(self._save_clicked)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self._print_clicked)
        QShortcut(QKeySequence.StandardKey.Save, self, self._save_clicked)
        self.print_button.setFocus()

    def page_count(self) -> int:
        return self.pdf_doc.pageCount()

    def print_to(self, printer: QPrinter) -> int:
        """Print all pages on ``printer`` (no dialog); returns the pages printed."""
        pages = print_document(self.pdf_doc, printer)
        if pages:
            self.printed.emit(pages)
        return pages

    def save_pdf(self, path: Path) -> None:
        Path(path).write_bytes(self.pdf)
        self.saved.emit(str(path))

    def _print_clicked(self) -> None:
        printer = ask_printer(self)
        if printer is not None:
            self.print_to(printer)

    def _save_clicked(self) -> None:
        path = ask_pdf_path(self, self.tr("Zapisz PDF"), self.file_name)
        if path is not None:
            self.save_pdf(path)


def replace_preview(old: PdfPreviewDialog | None, pdf: bytes, title: str,
                    parent: QWidget | None, file_name: str) -> PdfPreviewDialog:
    """Show ``pdf`` in a new preview window in place of ``old`` (closed and deleted)."""
    if old is not None:
        old.deleteLater()
    preview = PdfPreviewDialog(pdf, title, parent, file_name)
    preview.show()
    preview.activateWindow()
    return preview
