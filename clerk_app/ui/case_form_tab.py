"""Base of the case tabs that edit one version-checked record (the deposit petition, the
IOK request): read again off the GUI thread at each case (re)load; typed, unsaved changes
are kept unless the reload is forced (after a save, or "Wczytaj aktualne dane", offered
when a save conflicts)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from clerk_app.services.cases.detail import CaseDetail
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, ValidationFailed
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import show_error

T = TypeVar("T")  # what one read returns


class _Form(Protocol):
    def state(self) -> tuple[object, ...]: ...


class CaseFormTab(QWidget, Generic[T]):
    """A subclass makes ``form``, the labels, the buttons and ``runner``, and says what to
    read (``_reader``) and how to show it (``_loaded``)."""

    form: _Form
    error_label: QLabel
    info_label: QLabel
    save_button: QPushButton
    reload_button: QPushButton
    runner: OpRunner

    def __init__(self, ctx: AppContext, actor: Actor, case_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.case_id = ctx, actor, case_id
        self._detail: CaseDetail | None = None
        self._shown: tuple[object, ...] = ()  # the form's state when last read or saved
        self._force = False

    def _lay_out_bottom(self, columns: QHBoxLayout) -> None:
        """``columns`` above the error line and the row of info, reload and save."""
        buttons = QHBoxLayout()
        buttons.addWidget(self.info_label, 1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.reload_button.clicked.connect(lambda: self.reload(force=True))

    # ---------------------------------------------------------------- to override
    def _reader(self) -> Callable[[], T]:
        """The service call reading the record (run in the thread pool)."""
        raise NotImplementedError

    def _loaded(self, data: T, keep: bool) -> None:
        """Show ``data``; ``keep``: the form keeps what is typed (call ``_adopted`` else)."""
        raise NotImplementedError

    def is_dirty(self) -> bool:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def _mark_invalid(self, error: ValidationFailed) -> None:
        """Point at the fields a refused save names."""
        raise NotImplementedError

    # ---------------------------------------------------------------- reading
    def set_case(self, detail: CaseDetail) -> None:
        """The case view (re)loaded the case: read the record again."""
        if detail is self._detail:
            return
        self._detail = detail
        self.reload()

    def reload(self, force: bool = False) -> None:
        """Read the record; typed, unsaved changes are kept unless ``force``."""
        self._force = self._force or force
        read = self._reader()
        self.runner.run_or_queue(lambda: Op(self.runner, read).on_success(
            self._arrived).errors_in(self.error_label))

    def _arrived(self, data: T) -> None:
        force, self._force = self._force, False
        self._loaded(data, keep=self.is_dirty() and not force)

    def _adopted(self) -> None:
        """The stored data is in the form now: nothing typed, nothing wrong."""
        self._shown = self.form.state()
        self.reload_button.hide()
        show_error(self.error_label, "")

    def _failed(self, error: Exception) -> None:
        show_error(self.error_label, user_message(error))
        if isinstance(error, ConflictError):
            self.reload_button.show()
        if isinstance(error, ValidationFailed):
            self._mark_invalid(error)
