"""Base of dialogs that save through a service: busy state, inline errors, field focus."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QWidget

from clerk_app.services.core.errors import ServiceError, ValidationFailed
from clerk_app.ui.qt_helpers import focus_field, make_error_label, show_error
from clerk_app.ui.worker import TaskRunner

log = logging.getLogger(__name__)


class ServiceDialog(QDialog):
    """A dialog whose OK action runs a service call in a worker thread.

    Subclasses fill ``field_widgets`` (the service's field key → input widget), set
    ``error_label`` and ``busy_widgets``, and call :meth:`run_service`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.runner = TaskRunner(self)
        self.runner.busyChanged.connect(self._set_busy)
        self.field_widgets: dict[str, QWidget] = {}
        self.busy_widgets: list[QWidget] = []
        self.error_label: QLabel | None = None

    def attach_error_label(self, label: QLabel) -> QLabel:
        """Use ``label`` (from the loaded form) as the red inline message."""
        self.error_label = make_error_label(label)
        return label

    def set_error(self, message: str) -> None:
        if self.error_label is not None:
            show_error(self.error_label, message)

    def error_text(self) -> str:
        return self.error_label.text() if self.error_label is not None else ""

    def run_service(
        self, fn: Callable[[], object], on_success: Callable[[object], None]
    ) -> bool:
        """Run ``fn`` off the GUI thread; errors are shown inline by :meth:`show_failure`."""
        self.set_error("")
        return self.runner.run(fn, on_success, self.show_failure)

    def show_failure(self, error: Exception) -> None:
        """Show a service error in Polish; a validation error focuses its first field."""
        if isinstance(error, ServiceError):
            self.set_error(error.message)
        else:
            log.error("Nieoczekiwany błąd", exc_info=error)
            self.set_error(self.tr("Nieoczekiwany błąd: {0}").format(error))
        if isinstance(error, ValidationFailed):
            for name in error.fields:
                widget = self.field_widgets.get(name)
                if widget is not None:
                    focus_field(widget)
                    break

    def reject(self) -> None:
        if self.runner.is_busy():  # a running save cannot be abandoned half-way
            return
        super().reject()

    def _set_busy(self, busy: bool) -> None:
        for widget in self.busy_widgets:
            widget.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()


def find_default_button(dialog: QDialog) -> QPushButton | None:
    """The push button that Enter activates (for tests and sanity checks)."""
    for button in dialog.findChildren(QPushButton):
        if button.isDefault():
            return button
    return None
