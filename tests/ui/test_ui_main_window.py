"""Main window: menus by role, pages, logout, change of own password."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from ui_test_support import flow_starter, log_in, settle

from clerk_app.domain.roles import Role
from clerk_app.services.admin.auth import authenticate
from clerk_app.ui.change_password_dialog import ChangePasswordDialog
from clerk_app.ui.login_dialog import LoginDialog
from clerk_app.ui.main_window import MainWindow
from tests.conftest import TEST_PASSWORD


@pytest.fixture
def start_flow(qapp, qtbot):
    yield from flow_starter(qapp, qtbot)


def _window(qtbot, ctx, actor) -> MainWindow:
    window = MainWindow(ctx, actor)
    qtbot.addWidget(window)
    window.show()
    return window


def _menu_titles(window: MainWindow) -> list[str]:
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_counter_user_sees_administration_disabled(qtbot, ctx, staff):
    window = _window(qtbot, ctx, staff[Role.COUNTER])
    assert _menu_titles(window) == ["Plik", "Sprawy", "Terminy", "Raporty", "Administracja",
                                    "Pomoc"]
    for action in (window.act_users, window.act_settings, window.act_audit):
        assert not action.isEnabled()
    assert not window.act_reports.isEnabled()
    assert window.act_register.isEnabled()  # the counter registers incoming items
    assert window.act_cases.isEnabled() and window.act_change_password.isEnabled()
    assert window.act_logout.isEnabled() and window.act_quit.isEnabled()
    assert window.act_delivery.isEnabled()  # the counter records returned receipts
    assert not window.act_days_off.isEnabled()


@pytest.mark.parametrize(
    ("role", "users", "settings", "audit", "reports"),
    [(Role.CLERK, False, False, False, False),
     (Role.SUPERVISOR, False, False, True, True),
     (Role.ADMIN, True, True, True, False)],
)
def test_menu_items_follow_the_role(qtbot, ctx, staff, role, users, settings, audit, reports):
    window = _window(qtbot, ctx, staff[role])
    assert window.act_users.isEnabled() is users
    assert window.act_settings.isEnabled() is settings
    assert window.act_audit.isEnabled() is audit
    assert window.act_reports.isEnabled() is reports


def test_shortcuts_and_pages(qtbot, ctx, staff):
    window = _window(qtbot, ctx, staff[Role.SUPERVISOR])
    assert window.act_quit.shortcut().toString() == "Ctrl+Q"
    assert window.act_deadlines.shortcut().toString() == "Ctrl+2"
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Sprawy", "Terminy"]
    window.act_deadlines.trigger()
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Terminy"
    index = window.add_page("Nowa strona", QLabel("treść"))
    assert window.show_page("Nowa strona") and window.tabs.currentIndex() == index
    assert not window.show_page("Nie ma takiej")


def test_status_bar_and_about(qtbot, ctx, staff):
    window = _window(qtbot, ctx, staff[Role.SUPERVISOR])
    assert window.user_label.text() == "Zalogowany: Krystyna Kierownik"
    assert window.role_label.text() == "Rola: Kierownik"
    assert window.db_label.text() == f"Baza: {ctx.db.display_name()}"
    box = window.show_about()
    assert "Sprawy mieszkaniowe" in box.text()
    box.close()


def test_logout_returns_to_login(qtbot, ctx, staff, start_flow):
    flow = start_flow(ctx)
    window = log_in(qtbot, flow, "okienko", TEST_PASSWORD)
    window.act_logout.trigger()
    assert flow.main_window is None
    assert isinstance(flow.dialog, LoginDialog) and flow.dialog.isVisible()
    window = log_in(qtbot, flow, "kierownik", TEST_PASSWORD)
    assert window.actor.role == Role.SUPERVISOR


def test_change_own_password(qtbot, ctx, staff):
    window = _window(qtbot, ctx, staff[Role.CLERK])
    dialog = window.open_change_password()
    assert isinstance(dialog, ChangePasswordDialog)
    assert window.open_change_password() is dialog  # one window at a time

    dialog.old_edit.setText("zle-haslo-1")
    dialog.new_edit.setText("NoweHaslo77")
    dialog.repeat_edit.setText("NoweHaslo77")
    settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert "„Obecne hasło”" in dialog.error_text()

    dialog.old_edit.setText(TEST_PASSWORD)
    dialog.repeat_edit.setText("Inne")
    dialog.ok_button.click()
    assert "Powtórz nowe hasło" in dialog.error_text()

    dialog.new_edit.setText("krotkie")
    dialog.repeat_edit.setText("krotkie")
    settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert "„Nowe hasło”" in dialog.error_text()

    dialog.new_edit.setText("NoweHaslo77")
    dialog.repeat_edit.setText("NoweHaslo77")
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.ok_button.click()
    assert authenticate(ctx, "referent", "NoweHaslo77").username == "referent"


def test_first_focus_is_the_search_box(qtbot, ctx, staff):
    """It landed on the tab bar: the first typed letters went nowhere."""
    window = _window(qtbot, ctx, staff[Role.CLERK])
    window.activateWindow()
    qtbot.waitUntil(lambda: window.focusWidget() is window.case_list.search_edit, timeout=3000)
