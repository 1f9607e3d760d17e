"""Login dialog: user name and password, checked by ``auth.authenticate`` off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from clerk_app.services.admin.auth import authenticate
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.qt_helpers import app_icon, child, load_form
from clerk_app.ui.service_dialog import ServiceDialog


class LoginDialog(ServiceDialog):
    """Emits ``loggedIn(Actor)`` and accepts on success; failures are shown inline."""

    loggedIn = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        form = load_form("login_dialog", self)
        self.setWindowIcon(app_icon())
        child(form, QLabel, "iconLabel").setPixmap(app_icon().pixmap(48, 48))
        self.username_edit = child(form, QLineEdit, "usernameEdit")
        self.password_edit = child(form, QLineEdit, "passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.database_label = child(form, QLabel, "databaseLabel")
        self.database_label.setText(ctx.db.display_name())
        self.login_button = child(form, QPushButton, "loginButton")
        self.cancel_button = child(form, QPushButton, "cancelButton")
        self.attach_error_label(child(form, QLabel, "errorLabel"))
        self.busy_widgets = [self.username_edit, self.password_edit, self.login_button]
        self.field_widgets = {"username": self.username_edit, "password": self.password_edit}
        self.login_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.setMinimumWidth(440)
        self.username_edit.setFocus()

    def submit(self) -> None:
        """Check the credentials in a worker thread (Argon2 takes a moment)."""
        username = self.username_edit.text()
        password = self.password_edit.text()
        if not username.strip():
            self.set_error(self.tr("Podaj nazwę użytkownika."))
            self.username_edit.setFocus()
            return
        self.op(lambda: authenticate(self.ctx, username, password)).on_success(
            self._logged_in).run()

    def _logged_in(self, result: Actor) -> None:
        self.actor = result
        self.password_edit.clear()
        self.loggedIn.emit(result)
        self.accept()

    def show_failure(self, error: Exception) -> None:
        super().show_failure(error)
        self.password_edit.clear()
        self.password_edit.setFocus()
