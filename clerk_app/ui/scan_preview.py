"""Preview of a scanned document: PDFs with QtPdf (pages, zoom), images scaled in a label."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.services.intake.scans import sniff_media_type

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 5.0


class ScanPreview(QWidget):
    """Shows one file; ``show_file`` returns an error message or None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setDocument(self.document)
        self.pdf_view.setPageMode(QPdfView.PageMode.SinglePage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.image_label = QLabel(self)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_area = QScrollArea(self)
        self.image_area.setWidget(self.image_label)
        self.image_area.setWidgetResizable(True)
        self.message = QLabel(self.tr("Wybierz skan, aby zobaczyć podgląd."), self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget(self)
        for page in (self.message, self.pdf_view, self.image_area):
            self.stack.addWidget(page)
        self.prev_button = QPushButton(self.tr("◀ Poprzednia"), self)
        self.next_button = QPushButton(self.tr("Następna ▶"), self)
        self.page_label = QLabel(self)
        self.zoom_out_button = QPushButton(self.tr("Pomniejsz"), self)
        self.zoom_in_button = QPushButton(self.tr("Powiększ"), self)
        self.fit_button = QPushButton(self.tr("Dopasuj"), self)
        bar = QHBoxLayout()
        controls: list[QWidget] = [self.prev_button, self.page_label, self.next_button]
        for control in controls:
            bar.addWidget(control)
        bar.addStretch(1)
        for button in (self.zoom_out_button, self.fit_button, self.zoom_in_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.prev_button.clicked.connect(lambda: self.go_to_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.page + 1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        self.fit_button.clicked.connect(self.fit)
        self.page: int = 0
        self.zoom_factor: float = 1.0
        self.pixmap = QPixmap()
        self.media_type: str | None = None
        self._update_controls()

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.media_type == "application/pdf" else 0

    def show_message(self, text: str) -> None:
        self.media_type = None
        self.stack.setCurrentWidget(self.message)
        self.message.setText(text)
        self._update_controls()

    def show_file(self, path: Path) -> str | None:
        """Show ``path`` (PDF, JPEG, PNG or TIFF, decided by its content)."""
        with path.open("rb") as fh:
            media_type = sniff_media_type(fh.read(16))
        self.document.close()
        self.zoom_factor, self.page = 1.0, 0
        if media_type == "application/pdf":
            if self.document.load(str(path)) != QPdfDocument.Error.None_:
                return self._fail(self.tr("Nie można otworzyć dokumentu PDF."))
            self.media_type = media_type
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.stack.setCurrentWidget(self.pdf_view)
            self.go_to_page(0)
            return None
        if media_type is None:
            return self._fail(self.tr("Tego pliku nie można wyświetlić."))
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        image = reader.read()
        if image.isNull():
            return self._fail(self.tr("Nie można odczytać obrazu: {0}").format(
                reader.errorString()))
        self.media_type = media_type
        self.pixmap = QPixmap.fromImage(image)
        self.stack.setCurrentWidget(self.image_area)
        self.fit()
        return None

    def _fail(self, text: str) -> str:
        self.show_message(text)
        return text

    def go_to_page(self, page: int) -> None:
        if self.page_count == 0:
            return
        self.page = max(0, min(page, self.page_count - 1))
        self.pdf_view.pageNavigator().jump(self.page, QPointF(), self.pdf_view.zoomFactor())
        self._update_controls()

    def zoom(self, factor: float) -> None:
        self.zoom_factor = max(ZOOM_MIN, min(ZOOM_MAX, self.zoom_factor * factor))
        if self.media_type == "application/pdf":
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.pdf_view.setZoomFactor(self.zoom_factor)
        else:
            self._scale_image()
        self._update_controls()

    def fit(self) -> None:
        """Fit the page (or image) to the width of the preview."""
        if self.media_type == "application/pdf":
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.zoom_factor = 1.0
        elif not self.pixmap.isNull():
            width = max(50, self.image_area.viewport().width() - 4)
            self.zoom_factor = min(1.0, width / max(1, self.pixmap.width()))
            self._scale_image()
        self._update_controls()

    def _scale_image(self) -> None:
        if self.pixmap.isNull():
            return
        width = max(1, round(self.pixmap.width() * self.zoom_factor))
        self.image_label.setPixmap(self.pixmap.scaledToWidth(
            width, Qt.TransformationMode.SmoothTransformation))

    def _update_controls(self) -> None:
        pdf = self.page_count > 0
        self.prev_button.setEnabled(pdf and self.page > 0)
        self.next_button.setEnabled(pdf and self.page < self.page_count - 1)
        self.page_label.setText(self.tr("Strona {0} z {1}").format(self.page + 1,
                                                                   self.page_count)
                                if pdf else "")
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            button.setEnabled(self.media_type is not None)
