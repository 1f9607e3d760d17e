"""Base of dialogs that save through a service: busy state, inline errors, field focus."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QWidget

from clerk_app.services.core.errors import ValidationFailed
from clerk_app.ui.error_text import user_message
from clerk_app.ui.field_marks import FieldMarks
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import focus_field, make_error_label, show_error

T = TypeVar("T")


class ServiceDialog(QDialog):
    """A dialog whose actions run service calls as ops of its ``runner``.

    Subclasses fill ``field_widgets`` (the service's field key → input widget), set
    ``error_label`` and ``busy_widgets``, and run ``self.op(work)...run()``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.runner = OpRunner(self)
        self.field_widgets: dict[str, QWidget] = {}
        self.busy_widgets: list[QWidget] = []
        self.error_label: QLabel | None = None
        self.field_marks = FieldMarks(self)

    def attach_error_label(self, label: QLabel) -> QLabel:
        """Use ``label`` (from the loaded form) as the red inline message."""
        self.error_label = make_error_label(label)
        return label

    def set_error(self, message: str) -> None:
        if self.error_label is not None:
            show_error(self.error_label, message)

    def error_text(self) -> str:
        return self.error_label.text() if self.error_label is not None else ""

    def op(self, work: Callable[[], T]) -> Op[T]:
        """An op of this dialog: the busy widgets disabled while it runs, a failure shown
        inline by :meth:`show_failure` (the old message is cleared now)."""
        self.set_error("")
        self.field_marks.clear()
        return Op(self.runner, work).on_failure(self.show_failure).disabling(
            *self.busy_widgets)

    def load(self, work: Callable[[], T], show: Callable[[T], object]) -> None:
        """Read the dialog's data again: now, or after the op that runs (a message shown
        inline stays until the read fails too)."""
        self.runner.run_or_queue(lambda: Op(self.runner, work).on_success(show).on_failure(
            self.show_failure).disabling(*self.busy_widgets))

    def show_failure(self, error: Exception) -> None:
        """Show a service error in Polish; a validation error marks its fields and focuses
        the first."""
        self.set_error(user_message(error))
        if isinstance(error, ValidationFailed):
            self.field_marks.mark(w for name in error.fields
                                  if (w := self.field_widgets.get(name)) is not None)
            for name in error.fields:
                widget = self.field_widgets.get(name)
                if widget is not None:
                    focus_field(widget)
                    break

    def reject(self) -> None:
        if self.runner.is_busy():  # a running save cannot be abandoned half-way
            return
        super().reject()


def find_default_button(dialog: QDialog) -> QPushButton | None:
    """The push button that Enter activates (for tests and sanity checks)."""
    for button in dialog.findChildren(QPushButton):
        if button.isDefault():
            return button
    return None
