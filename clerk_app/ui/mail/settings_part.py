"""The SMTP password and the test message, added to the settings dialog's "Poczta e-mail" tab.

The password field is write-only: it starts empty and the label next to it says only
"ustawione" or "nie ustawione"; what is typed is kept by ``set_smtp_password`` when the
settings are saved. "Wyślij wiadomość próbną" sends through the values as typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from clerk_app.services.admin.settings import OfficeSettings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.mail.admin import (
    send_test_message,
    set_smtp_password,
    smtp_password_is_set,
)
from clerk_app.ui.error_text import user_message
from clerk_app.ui.operations import Op, OpRunner
from clerk_app.ui.qt_helpers import ERROR_STYLE, make_error_label, show_error


class MailSettingsPart(QWidget):
    """Password (write-only) and test-message rows for the mail tab's form layout."""

    def __init__(self, ctx: AppContext, actor: Actor, runner: OpRunner,
                 form: QFormLayout, values: Callable[[], OfficeSettings]) -> None:
        super().__init__(form.parentWidget())
        self.ctx, self.actor, self.runner, self.values = ctx, actor, runner, values
        self.password = QLineEdit(self)
        self.password.setObjectName("smtp_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("wpisz, aby ustawić lub zmienić"))
        self.password_state = QLabel(self)
        self.password_state.setObjectName("smtpPasswordState")
        self.clear_password = QCheckBox(self.tr("usuń zapisane hasło"), self)
        self.test_address = QLineEdit(self)
        self.test_address.setObjectName("smtpTestAddress")
        self.test_address.setPlaceholderText(self.tr("adres odbiorcy (domyślnie nadawca)"))
        self.test_button = QPushButton(self.tr("Wyślij wiadomość próbną"), self)
        self.test_button.setObjectName("smtpTestButton")
        self.test_button.setAutoDefault(False)
        self.test_result = make_error_label(QLabel(self))
        self.test_result.setObjectName("smtpTestResult")
        self.test_result.setWordWrap(True)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password, 1)
        password_row.addWidget(self.password_state)
        password_row.addWidget(self.clear_password)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_address, 1)
        test_row.addWidget(self.test_button)
        label = QLabel(self.tr("&Hasło:"), form.parentWidget())
        label.setBuddy(self.password)
        form.addRow(label, password_row)
        form.addRow(self.tr("Wiadomość próbna:"), test_row)
        form.addRow("", self.test_result)
        self.test_button.clicked.connect(self.send_test)
        self.set_state(False)
        self.hide()  # a holder of the rows' widgets; the form layout shows them

    def set_state(self, is_set: bool) -> None:
        self.password_state.setText(self.tr("ustawione") if is_set
                                    else self.tr("nie ustawione"))
        self.clear_password.setEnabled(is_set)

    def reload(self) -> None:
        """Read whether a password is kept (never the password)."""
        self.password.clear()
        self.clear_password.setChecked(False)
        self.runner.run_or_queue(lambda: Op(
            self.runner, lambda: smtp_password_is_set(self.ctx, self.actor)).on_success(
            self.set_state).quietly(), key="smtp_password_state")

    def save_password(self) -> bool | None:
        """In the settings' saving op (worker thread): keep what was typed, or clear it when
        asked; None when nothing changes."""
        typed = self.password.text()
        if typed:
            return set_smtp_password(self.ctx, self.actor, typed)
        if self.clear_password.isChecked():
            return set_smtp_password(self.ctx, self.actor, "")
        return None

    def send_test(self) -> None:
        settings, typed = self.values(), self.password.text()
        to = self.test_address.text().strip()
        self.test_result.setStyleSheet("")
        show_error(self.test_result, self.tr("Wysyłanie…"))
        Op(self.runner, lambda: send_test_message(self.ctx, self.actor, settings, to, typed)
           ).on_success(self._sent).on_failure(self._failed).disabling(self.test_button).run()

    def _sent(self, message_id: str) -> None:
        self.test_result.setStyleSheet("color: #1b5e20;")
        show_error(self.test_result,
                   self.tr("Wiadomość próbna wysłana ({0}).").format(message_id))

    def _failed(self, error: Exception) -> None:
        self.test_result.setStyleSheet(ERROR_STYLE)
        show_error(self.test_result, user_message(error))
