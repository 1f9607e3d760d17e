"""The logged-in user changes their own password."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from clerk_app.services.admin.users import change_own_password
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.ui.changes import Change, ChangeKind
from clerk_app.ui.qt_helpers import (
    app_icon,
    buddy_label_text,
    child,
    focus_field,
    keyed_inputs,
    load_form,
)
from clerk_app.ui.service_dialog import ServiceDialog


class ChangePasswordDialog(ServiceDialog):
    """Old password, new password twice; accepted when the service saved it."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        form = load_form("change_password_dialog", self)
        self.setWindowIcon(app_icon())
        self.old_edit = child(form, QLineEdit, "oldEdit")
        self.new_edit = child(form, QLineEdit, "newEdit")
        self.repeat_edit = child(form, QLineEdit, "repeatEdit")
        self.ok_button = child(form, QPushButton, "okButton")
        self.cancel_button = child(form, QPushButton, "cancelButton")
        self.attach_error_label(child(form, QLabel, "errorLabel"))
        self.form = form
        self.field_widgets = keyed_inputs(form, {"old_password": "oldEdit",
                                                 "new_password": "newEdit"})
        self.busy_widgets = [self.old_edit, self.new_edit, self.repeat_edit, self.ok_button]
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        old, new = self.old_edit.text(), self.new_edit.text()
        if new != self.repeat_edit.text():
            self.set_error(self.tr("Pole „{0}”: Hasła nie są takie same.").format(
                buddy_label_text(self.form, self.repeat_edit)))
            focus_field(self.repeat_edit)
            return
        self.op(lambda: change_own_password(self.ctx, self.actor, old, new)).on_success(
            lambda _result: self.accept()).announcing(Change(ChangeKind.USERS)).run()
