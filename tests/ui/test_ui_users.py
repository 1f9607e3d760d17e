"""Administration of users through the real window and services."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_test_support import settle, settled

from clerk_app.domain.roles import Role
from clerk_app.services.admin.auth import authenticate
from clerk_app.services.admin.users import change_role, list_users
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.user_dialogs import AddUserDialog, ResetPasswordDialog, RoleDialog
from clerk_app.ui.users_table_model import (
    COL_ACTIVE,
    COL_LAST_LOGIN,
    COL_ROLE,
    COL_USERNAME,
    UsersTableModel,
)
from clerk_app.ui.users_window import UsersWindow
from tests.conftest import TEST_PASSWORD
from tests.dbsupport import user_version


def _users_window(qtbot, ctx, admin) -> UsersWindow:
    main = MainWindow(ctx, admin)
    qtbot.addWidget(main)
    window = main.open_users()
    assert isinstance(window, UsersWindow)
    settled(qtbot)  # the list is read off the GUI thread
    return window


def _cell(window: UsersWindow, username: str, column: int) -> str:
    for row in range(window.model.rowCount()):
        if window.model.row_at(row).username == username:
            return window.model.index(row, column).data()
    raise AssertionError(f"{username} not listed")


def _add(qtbot, window: UsersWindow, username: str, name: str, role: Role) -> AddUserDialog:
    dialog = window.add_user()
    assert isinstance(dialog, AddUserDialog)
    dialog.username_edit.setText(username)
    dialog.full_name_edit.setText(name)
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    dialog.password_edit.setText(TEST_PASSWORD)
    dialog.repeat_edit.setText(TEST_PASSWORD)
    settle(qtbot, dialog.runner, dialog.ok_button.click)
    return dialog


def test_admin_adds_user_and_duplicate_is_refused(qtbot, ctx, staff):
    window = _users_window(qtbot, ctx, staff[Role.ADMIN])
    assert window.model.rowCount() == 4
    dialog = _add(qtbot, window, "nowy.referent", "Nowy Referent", Role.CLERK)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert window.model.rowCount() == 5
    assert _cell(window, "nowy.referent", COL_ROLE) == "Referent"
    assert "Dodano" in window.info_label.text()

    duplicate = _add(qtbot, window, "nowy.referent", "Ktoś Inny", Role.COUNTER)
    assert duplicate.isVisible()
    assert duplicate.error_text() == (
        "Pole „Nazwa użytkownika”: Użytkownik o tej nazwie już istnieje.")
    qtbot.waitUntil(duplicate.username_edit.hasFocus, timeout=2000)
    assert len(list_users(ctx, staff[Role.ADMIN])) == 5
    duplicate.reject()


def test_add_user_validation_names_fields(qtbot, ctx, admin):
    window = _users_window(qtbot, ctx, admin)
    dialog = window.add_user()
    dialog.username_edit.setText("ok.login")
    dialog.password_edit.setText("abc")
    dialog.repeat_edit.setText("abc")
    settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert "„Imię i nazwisko”" in dialog.error_text()
    assert "„Hasło”" in dialog.error_text()
    dialog.password_edit.setText(TEST_PASSWORD)
    dialog.ok_button.click()  # repeat differs: refused before the service
    assert "Powtórz hasło" in dialog.error_text()
    dialog.reject()


def test_search_filters_the_table(qtbot, ctx, staff):
    window = _users_window(qtbot, ctx, staff[Role.ADMIN])
    window.search_edit.setText("kierown")
    assert window.proxy.rowCount() == 1
    window.search_edit.setText("")
    assert window.proxy.rowCount() == 4


def test_deactivate_and_activate(qtbot, ctx, staff):
    window = _users_window(qtbot, ctx, staff[Role.ADMIN])
    assert window.select_user("okienko")
    assert window.active_button.text().replace("&", "") == "Dezaktywuj"
    settle(qtbot, window.runner, window.active_button.click)
    assert _cell(window, "okienko", COL_ACTIVE) == "nie"
    assert window.active_button.text().replace("&", "") == "Aktywuj"
    settle(qtbot, window.runner, window.active_button.click)
    assert _cell(window, "okienko", COL_ACTIVE) == "tak"


def test_admin_cannot_deactivate_self(qtbot, ctx, staff):
    window = _users_window(qtbot, ctx, staff[Role.ADMIN])
    window.select_user("admin")
    settle(qtbot, window.runner, window.active_button.click)
    assert "Nie możesz dezaktywować własnego konta." in window.error_text()
    assert _cell(window, "admin", COL_ACTIVE) == "tak"


def test_change_role_and_conflict(qtbot, ctx, staff):
    admin = staff[Role.ADMIN]
    window = _users_window(qtbot, ctx, admin)
    window.select_user("referent")
    dialog = window.change_role()
    assert isinstance(dialog, RoleDialog)
    dialog.role.setCurrentIndex(dialog.role.findData(Role.SUPERVISOR))
    settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert _cell(window, "referent", COL_ROLE) == "Kierownik"

    # Someone else changes the same account while the dialog is open.
    window.select_user("okienko")
    stale = window.change_role()
    assert isinstance(stale, RoleDialog)
    change_role(ctx, admin, stale.user.id, Role.CLERK, version=user_version(ctx, stale.user.id))
    stale.role.setCurrentIndex(stale.role.findData(Role.SUPERVISOR))
    settle(qtbot, stale.runner, stale.ok_button.click)
    assert "zmieniony przez innego użytkownika" in stale.error_text()
    assert stale.isVisible()
    stale.reject()
    settle(qtbot, window.runner, window.refresh)
    assert _cell(window, "okienko", COL_ROLE) == "Referent"


def test_reset_password_unlocks_and_lets_the_user_in(qtbot, ctx, staff):
    window = _users_window(qtbot, ctx, staff[Role.ADMIN])
    window.select_user("kierownik")
    dialog = window.reset_password()
    assert isinstance(dialog, ResetPasswordDialog)
    dialog.new_edit.setText("Zupelnie7Nowe")
    dialog.repeat_edit.setText("Zupelnie7Nowe")
    settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert authenticate(ctx, "kierownik", "Zupelnie7Nowe").role == Role.SUPERVISOR
    settle(qtbot, window.runner, window.refresh)
    assert _cell(window, "kierownik", COL_LAST_LOGIN) != "nigdy"


def test_users_model_passes_modeltester(qtmodeltester, ctx, staff):
    model = UsersTableModel(ctx.now())
    qtmodeltester.check(model)
    model.set_users(list_users(ctx, staff[Role.ADMIN]), ctx.now())
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.headerData(COL_USERNAME, Qt.Orientation.Horizontal) == "Login"
    assert model.index(0, COL_ROLE).data() in {r.label for r in Role}
