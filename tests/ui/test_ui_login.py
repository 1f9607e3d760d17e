"""Login dialog against the real database: success, wrong password, lockout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from ui_test_support import flow_starter, log_in, settle, try_login

from clerk_app.domain.roles import Role
from clerk_app.services.admin.auth import MAX_FAILED_ATTEMPTS
from clerk_app.ui.login_dialog import LoginDialog
from tests.conftest import TEST_PASSWORD
from tests.dbsupport import user_version


@pytest.fixture
def start_flow(qapp, qtbot):
    yield from flow_starter(qapp, qtbot)


def test_login_shows_main_window_with_user_role_and_database(qtbot, ctx, staff, start_flow):
    flow = start_flow(ctx)
    dialog = flow.dialog
    assert isinstance(dialog, LoginDialog)
    assert dialog.database_label.text() == ctx.db.display_name()
    assert dialog.password_edit.echoMode() == QLineEdit.EchoMode.Password

    window = log_in(qtbot, flow, "referent", TEST_PASSWORD)

    assert window.isVisible()
    assert "Józef Żółkiewski" in window.user_label.text()
    assert Role.CLERK.label in window.role_label.text()
    assert ctx.db.display_name() in window.db_label.text()
    assert window.actor.username == "referent"


def test_enter_in_password_field_submits(qtbot, ctx, admin, start_flow):
    flow = start_flow(ctx)
    dialog = flow.dialog
    assert isinstance(dialog, LoginDialog)
    qtbot.keyClicks(dialog.username_edit, "admin")
    qtbot.keyClicks(dialog.password_edit, TEST_PASSWORD)
    settle(qtbot, dialog.runner,
           lambda: qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return))
    assert flow.main_window is not None
    assert flow.main_window.actor.role == Role.ADMIN


def test_wrong_password_shows_message_and_clears_password(qtbot, ctx, admin, start_flow):
    flow = start_flow(ctx)
    dialog = flow.dialog
    assert isinstance(dialog, LoginDialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    try_login(qtbot, dialog, "admin", "zle-haslo-1")

    assert dialog.error_text() == "Nieprawidłowa nazwa użytkownika lub hasło."
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.password_edit.text() == ""
    assert dialog.username_edit.text() == "admin"
    qtbot.waitUntil(lambda: dialog.password_edit.hasFocus(), timeout=2000)
    assert flow.main_window is None
    assert dialog.isVisible()


def test_unknown_user_and_empty_name(qtbot, ctx, admin, start_flow):
    flow = start_flow(ctx)
    dialog = flow.dialog
    assert isinstance(dialog, LoginDialog)
    try_login(qtbot, dialog, "nikt", TEST_PASSWORD)
    assert dialog.error_text() == "Nieprawidłowa nazwa użytkownika lub hasło."
    dialog.username_edit.setText("  ")
    dialog.login_button.click()  # refused before any worker starts
    assert dialog.error_text() == "Podaj nazwę użytkownika."
    assert not dialog.runner.is_busy()


def test_five_wrong_passwords_lock_the_account(qtbot, ctx, admin, start_flow):
    flow = start_flow(ctx)
    dialog = flow.dialog
    assert isinstance(dialog, LoginDialog)
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        try_login(qtbot, dialog, "admin", "zle-haslo-1")
        assert "Nieprawidłowa" in dialog.error_text()
    try_login(qtbot, dialog, "admin", "zle-haslo-1")
    assert "zablokowane" in dialog.error_text()

    # Even the right password is refused while the lock lasts, with the lock message.
    try_login(qtbot, dialog, "admin", TEST_PASSWORD)
    assert "Konto jest zablokowane" in dialog.error_text()
    assert flow.main_window is None


def test_cancel_ends_the_flow(qtbot, ctx, admin, start_flow):
    flow = start_flow(ctx)
    with qtbot.waitSignal(flow.ended, timeout=2000):
        flow.dialog.cancel_button.click()
    assert flow.main_window is None


def test_password_reset_by_admin_forces_a_change_at_login(qtbot, ctx, staff, start_flow):
    from clerk_app.services.admin.users import reset_password
    from clerk_app.ui.change_password_dialog import ChangePasswordDialog

    reset_password(ctx, staff[Role.ADMIN], staff[Role.CLERK].user_id, "Tymczasowe1",
        version=user_version(ctx, staff[Role.CLERK].user_id))
    flow = start_flow(ctx)
    log_in(qtbot, flow, "referent", "Tymczasowe1")
    dialog = flow.password_dialog
    assert isinstance(dialog, ChangePasswordDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Ustaw nowe hasło"
