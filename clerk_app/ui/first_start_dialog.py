"""First start on an empty database: the first administrator, office settings, demo data."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clerk_app.demo import DemoSummary, generate_demo_data
from clerk_app.domain.roles import Role
from clerk_app.services.admin.bootstrap import create_first_admin
from clerk_app.services.admin.settings import OfficeSettings
from clerk_app.services.admin.users import NewUser
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op
from clerk_app.ui.qt_helpers import (
    app_icon,
    buddy_label_text,
    child,
    focus_field,
    keyed_inputs,
    load_form,
)
from clerk_app.ui.service_dialog import ServiceDialog
from clerk_app.ui.settings_form import OfficeSettingsForm


class FirstStartDialog(ServiceDialog):
    """Creates the administrator and the settings in one transaction, then optionally runs
    the demo-data generator with a progress bar. Emits ``created(Actor)`` when done."""

    created = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.demo_summary: object | None = None
        form = load_form("first_start_dialog", self)
        self.setWindowIcon(app_icon())
        self.username_edit = child(form, QLineEdit, "usernameEdit")
        self.full_name_edit = child(form, QLineEdit, "fullNameEdit")
        self.password_edit = child(form, QLineEdit, "passwordEdit")
        self.repeat_edit = child(form, QLineEdit, "repeatEdit")
        self.settings_form = OfficeSettingsForm()
        container = child(form, QWidget, "settingsContainer")
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.settings_form)
        self.settings_form.set_values(OfficeSettings())
        self.demo_check = child(form, QCheckBox, "demoCheck")
        self.demo_count = child(form, QSpinBox, "demoCountSpin")
        self.demo_progress = child(form, QProgressBar, "demoProgress")
        self.demo_status = child(form, QLabel, "demoStatus")
        self.create_button = child(form, QPushButton, "createButton")
        self.cancel_button = child(form, QPushButton, "cancelButton")
        self.attach_error_label(child(form, QLabel, "errorLabel"))
        self.form = form
        self.field_widgets = {**self.settings_form.field_widgets, **keyed_inputs(form, {
            "username": "usernameEdit", "full_name": "fullNameEdit",
            "password": "passwordEdit"})}
        self.busy_widgets = [
            child(form, QGroupBox, "adminGroup"), child(form, QGroupBox, "settingsGroup"),
            self.demo_check, self.demo_count, self.create_button, self.cancel_button,
        ]
        self.demo_check.toggled.connect(self._demo_toggled)
        self.demo_count.setEnabled(False)
        self.demo_progress.setVisible(False)
        self.runner.busyChanged.connect(self._busy_changed)
        self.create_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        for edit in (self.username_edit, self.full_name_edit, self.password_edit,
                     self.repeat_edit):
            edit.setMinimumWidth(220)
        self.resize(1080, 480)
        self.username_edit.setFocus()

    def _demo_toggled(self, checked: bool) -> None:
        self.demo_count.setEnabled(checked and not self.runner.is_busy())

    def _busy_changed(self, busy: bool) -> None:
        if not busy:
            self.demo_count.setEnabled(self.demo_check.isChecked())

    def submit(self) -> None:
        if self.actor is not None:  # the demo data failed; go on without it
            self._finish()
            return
        if self.password_edit.text() != self.repeat_edit.text():
            self.set_error(self.tr("Pole „{0}”: Hasła nie są takie same.").format(
                buddy_label_text(self.form, self.repeat_edit)))
            focus_field(self.repeat_edit)
            return
        admin = NewUser(self.username_edit.text(), self.full_name_edit.text(), Role.ADMIN,
                        self.password_edit.text())
        settings = self.settings_form.values()
        self.op(lambda: create_first_admin(self.ctx, admin, settings)).on_success(
            self._created).run()

    def _created(self, result: Actor) -> None:
        self.actor = result
        self.password_edit.clear()
        self.repeat_edit.clear()
        if self.demo_check.isChecked():
            self._run_demo(result, self.demo_count.value())
        else:
            self._finish()

    def _run_demo(self, actor: Actor, cases: int) -> None:
        self.demo_progress.setVisible(True)
        self.demo_progress.setRange(0, cases)
        self.demo_status.setText(self.tr("Tworzenie danych demonstracyjnych…"))
        ctx = self.ctx
        op: Op[DemoSummary] = self.op(
            lambda: generate_demo_data(ctx, actor, cases, progress=op.report))
        op.with_progress(self._show_progress).on_success(self._demo_done).on_failure(
            self._demo_failed).run()

    def _show_progress(self, done: int, total: int) -> None:
        self.demo_progress.setRange(0, max(total, 1))
        self.demo_progress.setValue(done)
        self.demo_status.setText(self.tr("Utworzono {0} z {1} spraw.").format(done, total))

    def _demo_done(self, summary: DemoSummary) -> None:
        self.demo_summary = summary
        self.demo_progress.setValue(self.demo_progress.maximum())
        self._finish()

    def _demo_failed(self, error: Exception) -> None:
        message = user_message(error)
        self.set_error(self.tr("Administrator i ustawienia zostały zapisane, ale nie udało się "
                               "wczytać danych demonstracyjnych: {0}").format(message))
        self.demo_status.setText("")
        self.create_button.setText(self.tr("&Dalej bez danych demonstracyjnych"))
        for widget in self.busy_widgets[:4]:
            widget.setEnabled(False)

    def _finish(self) -> None:
        assert self.actor is not None
        self.created.emit(self.actor)
        self.accept()

    def reject(self) -> None:
        if self.actor is not None and not self.runner.is_busy():
            self._finish()  # the administrator exists: closing continues to the program
            return
        super().reject()
