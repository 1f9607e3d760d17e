"""Administration of user accounts: list, add, (de)activate, change role, reset password."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from clerk_app.services.admin.users import UserRow, list_users, set_active
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError
from clerk_app.ui.changes import Change, ChangeKind, broadcast
from clerk_app.ui.qt_helpers import app_icon, child, load_form, setup_sorted_table, show_error
from clerk_app.ui.service_dialog import ServiceDialog
from clerk_app.ui.user_dialogs import AddUserDialog, ResetPasswordDialog, RoleDialog
from clerk_app.ui.users_table_model import COL_FULL_NAME, SORT_ROLE, UsersTableModel

INFO_STYLE = "color: #1b5e20;"


class UsersWindow(ServiceDialog):
    """Non-modal window; each action goes through a service and the list is re-read."""

    def __init__(self, ctx: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.ctx = ctx
        self.actor = actor
        self.dialog: QDialog | None = None
        form = load_form("users_window", self)
        self.setWindowIcon(app_icon())
        self.model = UsersTableModel(ctx.now(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = child(form, QTableView, "usersTable")
        self._setup_table()
        self.search_edit = child(form, QLineEdit, "searchEdit")
        self.search_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button = child(form, QPushButton, "addButton")
        self.role_button = child(form, QPushButton, "roleButton")
        self.active_button = child(form, QPushButton, "activeButton")
        self.reset_button = child(form, QPushButton, "resetButton")
        self.refresh_button = child(form, QPushButton, "refreshButton")
        self.attach_error_label(child(form, QLabel, "errorLabel"))
        self.info_label = child(form, QLabel, "infoLabel")
        self.info_label.setStyleSheet(INFO_STYLE)
        show_error(self.info_label, "")
        self.busy_widgets = [self.active_button, self.refresh_button]
        self.add_button.clicked.connect(self.add_user)
        self.role_button.clicked.connect(self.change_role)
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(self.reset_password)
        self.refresh_button.clicked.connect(self.refresh)
        child(form, QPushButton, "closeButton").clicked.connect(self.close)
        self.resize(900, 460)
        broadcast().changed.connect(self._on_change)
        self.refresh()

    def _setup_table(self) -> None:
        setup_sorted_table(self.table, self.proxy, COL_FULL_NAME, Qt.SortOrder.AscendingOrder,
                           COL_FULL_NAME)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.change_role())

    # ------------------------------------------------------------------ list
    def refresh(self) -> None:
        """Re-read the users (off the GUI thread), keeping the selected one selected."""
        ctx, actor = self.ctx, self.actor
        self.load(lambda: list_users(ctx, actor, include_inactive=True), self._show_users)

    @Slot(object)
    def _on_change(self, change: object) -> None:
        if isinstance(change, Change) and change.concerns(ChangeKind.USERS):
            self.refresh()

    def _show_users(self, rows: list[UserRow]) -> None:
        selected = self.selected_user()
        self.model.set_users(rows, self.ctx.now())
        if selected is not None:
            self.select_user(selected.username)
        self._update_buttons()

    def selected_user(self) -> UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def select_user(self, username: str) -> bool:
        for row, user in enumerate(self.model.rows()):
            if user.username == username:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if not index.isValid():
                    return False
                self.table.selectionModel().select(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
                return True
        return False

    def _update_buttons(self) -> None:
        user = self.selected_user()
        for button in (self.role_button, self.active_button, self.reset_button):
            button.setEnabled(user is not None)
        is_active = user is None or user.active
        self.active_button.setText(self.tr("&Dezaktywuj") if is_active else self.tr("&Aktywuj"))

    def show_info(self, text: str) -> None:
        self.set_error("")
        show_error(self.info_label, text)

    # --------------------------------------------------------------- actions
    def _open_dialog(self, dialog: QDialog, done: str) -> QDialog:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.show_info(done))
        dialog.open()
        return dialog

    def add_user(self) -> QDialog:
        return self._open_dialog(AddUserDialog(self.ctx, self.actor, self),
                                 self.tr("Dodano użytkownika."))

    def change_role(self) -> QDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        return self._open_dialog(RoleDialog(self.ctx, self.actor, user, self),
                                 self.tr("Zmieniono rolę użytkownika {0}.").format(user.username))

    def reset_password(self) -> QDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        return self._open_dialog(
            ResetPasswordDialog(self.ctx, self.actor, user, self),
            self.tr("Ustawiono nowe hasło użytkownika {0}.").format(user.username))

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        active = not user.active
        done = (self.tr("Konto {0} zostało aktywowane.") if active
                else self.tr("Konto {0} zostało dezaktywowane.")).format(user.username)
        self.show_info("")
        self.op(lambda: set_active(self.ctx, self.actor, user.id, active, version=user.version)
                ).on_success(lambda _result: self.show_info(done)).announcing(
            Change(ChangeKind.USERS)).run()

    def show_failure(self, error: Exception) -> None:
        show_error(self.info_label, "")
        super().show_failure(error)
        if isinstance(error, ConflictError):
            self.refresh()

