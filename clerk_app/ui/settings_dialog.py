"""Administrator's editor of the office settings (saved with optimistic locking)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clerk_app.services.admin.settings import OfficeSettings, load_settings, save_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError
from clerk_app.ui.changes import Change, ChangeKind
from clerk_app.ui.letter_texts_dialog import LetterTextsDialog
from clerk_app.ui.mail.settings_part import MailSettingsPart
from clerk_app.ui.qt_helpers import app_icon, child, load_form
from clerk_app.ui.service_dialog import ServiceDialog
from clerk_app.ui.settings_form import OfficeSettingsForm


class SettingsDialog(ServiceDialog):
    """Loads the settings, saves them through ``save_settings`` and closes (accepted).

    A conflict (someone saved in the meantime) keeps the dialog open with what was typed;
    "Wczytaj ponownie z bazy" replaces it with the stored values.
    """

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.conflict = False
        form = load_form("settings_dialog", self)
        self.setWindowIcon(app_icon())
        self.settings_form = OfficeSettingsForm()
        layout = QVBoxLayout(child(form, QWidget, "settingsContainer"))
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.settings_form)
        self.save_button = child(form, QPushButton, "saveButton")
        self.cancel_button = child(form, QPushButton, "cancelButton")
        self.reload_button = child(form, QPushButton, "reloadButton")
        self.attach_error_label(child(form, QLabel, "errorLabel"))
        self.field_widgets = dict(self.settings_form.field_widgets)
        self.busy_widgets = [self.settings_form, self.save_button, self.reload_button]
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.reload_button.clicked.connect(self.reload)
        self.texts_button = QPushButton(self.tr("&Teksty pism…"), self)
        self.texts_button.setToolTip(self.tr(
            "Podstawy prawne pism i stałe fragmenty umowy ratalnej"))
        self.texts_button.clicked.connect(self.open_letter_texts)
        self.texts_button.setAutoDefault(False)
        row = form.findChild(QHBoxLayout, "buttonLayout")
        if row is not None:
            row.insertWidget(1, self.texts_button)
        self.mail_part = MailSettingsPart(
            ctx, actor, self.runner, child(self.settings_form, QFormLayout, "mailTabForm"),
            self.settings_form.values)
        self.field_widgets["smtp_password"] = self.mail_part.password
        self.resize(760, 340)
        self.reload()

    def open_letter_texts(self) -> LetterTextsDialog:
        dialog = LetterTextsDialog(self.ctx, self.actor, self)
        dialog.open()
        return dialog

    def reload(self) -> None:
        """Show the settings as stored now (discards what was typed)."""
        self.op(lambda: load_settings(self.ctx)).on_success(self._loaded).run()
        self.mail_part.reload()

    def _loaded(self, settings: OfficeSettings) -> None:
        self.settings_form.set_values(settings)
        self.conflict = False

    def submit(self) -> None:
        values = self.settings_form.values()

        def save() -> OfficeSettings:
            saved = save_settings(self.ctx, self.actor, values)
            self.mail_part.save_password()  # the password only once the settings are valid
            return saved
        self.op(save).on_success(self._saved).announcing(Change(ChangeKind.SETTINGS)).run()

    def _saved(self, result: OfficeSettings) -> None:
        self.settings_form.set_values(result)
        self.accept()

    def show_failure(self, error: Exception) -> None:
        super().show_failure(error)
        self.conflict = isinstance(error, ConflictError)
        if isinstance(error, ConflictError):
            self.set_error(error.message + "\n" + self.tr(
                "Wpisane wartości pozostały w oknie. Użyj „Wczytaj ponownie z bazy”, aby "
                "zobaczyć zapisane ustawienia."))
