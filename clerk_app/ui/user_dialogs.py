"""Small dialogs of the users window: add a user, change a role, set a new password."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from clerk_app.domain.roles import Role
from clerk_app.services.admin.users import (
    NewUser,
    UserRow,
    change_role,
    create_user,
    reset_password,
)
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

# The services' field keys → the inputs of the user forms (each form has some of them).
ACCOUNT_INPUTS = {"username": "usernameEdit", "full_name": "fullNameEdit", "role": "roleCombo",
                  "password": "passwordEdit", "new_password": "newEdit"}


class _UserFormDialog(ServiceDialog):
    """Loads ``form_name``; OK runs :meth:`submit`, errors stay inline."""

    def __init__(self, form_name: str, ctx: AppContext, actor: Actor,
                 parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor = actor
        self.form = load_form(form_name, self)
        self.setWindowIcon(app_icon())
        self.ok_button = child(self.form, QPushButton, "okButton")
        self.cancel_button = child(self.form, QPushButton, "cancelButton")
        self.attach_error_label(child(self.form, QLabel, "errorLabel"))
        self.field_widgets = keyed_inputs(self.form, ACCOUNT_INPUTS)
        self.busy_widgets = [self.form]
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        raise NotImplementedError

    def role_combo(self) -> QComboBox:
        combo = child(self.form, QComboBox, "roleCombo")
        for role in Role:
            combo.addItem(role.label, role)
        return combo

    def passwords_match(self, password: QLineEdit, repeat: QLineEdit) -> bool:
        if password.text() == repeat.text():
            return True
        self.set_error(self.tr("Pole „{0}”: Hasła nie są takie same.").format(
            buddy_label_text(self.form, repeat)))
        focus_field(repeat)
        return False

    def save(self, work: Callable[[], object]) -> None:
        """Run ``work`` (a change of an account); the dialog closes when it succeeded."""
        self.op(work).on_success(self._done).announcing(Change(ChangeKind.USERS)).run()

    def _done(self, result: object) -> None:
        self.accept()


class AddUserDialog(_UserFormDialog):
    """A new account with a role and a first password (``create_user``)."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__("user_dialog", ctx, actor, parent)
        self.username_edit = child(self.form, QLineEdit, "usernameEdit")
        self.full_name_edit = child(self.form, QLineEdit, "fullNameEdit")
        self.password_edit = child(self.form, QLineEdit, "passwordEdit")
        self.repeat_edit = child(self.form, QLineEdit, "repeatEdit")
        self.role = self.role_combo()
        self.role.setCurrentIndex(self.role.findData(Role.CLERK))
        self.created_id: int | None = None

    def submit(self) -> None:
        if not self.passwords_match(self.password_edit, self.repeat_edit):
            return
        data = NewUser(self.username_edit.text(), self.full_name_edit.text(),
                       Role(self.role.currentData()), self.password_edit.text())
        self.save(lambda: create_user(self.ctx, self.actor, data))

    def _done(self, result: object) -> None:
        self.created_id = result if isinstance(result, int) else None
        self.accept()


class RoleDialog(_UserFormDialog):
    """Change the role of ``user`` (``change_role`` with its version)."""

    def __init__(self, ctx: AppContext, actor: Actor, user: UserRow,
                 parent: QWidget | None = None) -> None:
        super().__init__("role_dialog", ctx, actor, parent)
        self.user = user
        child(self.form, QLabel, "introLabel").setText(
            self.tr("Użytkownik: <b>{0}</b> ({1})").format(user.full_name, user.username))
        self.role = self.role_combo()
        self.role.setCurrentIndex(self.role.findData(user.role))

    def submit(self) -> None:
        role, user = Role(self.role.currentData()), self.user
        self.save(lambda: change_role(self.ctx, self.actor, user.id, role,
                                      version=user.version))


class ResetPasswordDialog(_UserFormDialog):
    """Set a new password for ``user``; the account is unlocked (``reset_password``)."""

    def __init__(self, ctx: AppContext, actor: Actor, user: UserRow,
                 parent: QWidget | None = None) -> None:
        super().__init__("reset_password_dialog", ctx, actor, parent)
        self.user = user
        child(self.form, QLabel, "introLabel").setText(
            self.tr("Użytkownik: <b>{0}</b> ({1}).<br>Konto zostanie odblokowane. Przekaż "
                    "hasło użytkownikowi i poproś o jego zmianę (Plik → Zmień hasło).").format(
                user.full_name, user.username))
        self.new_edit = child(self.form, QLineEdit, "newEdit")
        self.repeat_edit = child(self.form, QLineEdit, "repeatEdit")

    def submit(self) -> None:
        if not self.passwords_match(self.new_edit, self.repeat_edit):
            return
        password, user = self.new_edit.text(), self.user
        self.save(lambda: reset_password(self.ctx, self.actor, user.id, password,
                                         version=user.version))
