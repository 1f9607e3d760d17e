"""Helpers for the UI tests (imported by the test_ui_* modules; not a test module)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtWidgets import QApplication

from clerk_app.services.core.context import AppContext
from clerk_app.ui.app import MainFlow, install_polish_translations
from clerk_app.ui.login_dialog import LoginDialog
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.operations import OpRunner, ops_running, wait_for_workers

WAIT_MS = 20000

StartFlow = Callable[[AppContext], MainFlow]


def flow_starter(qapp: QApplication, qtbot: Any) -> Iterator[StartFlow]:
    """Body of each module's ``start_flow`` fixture: start the real login / first-start
    flow (its first dialog is showing when ``start`` returns); everything it opened is
    closed after the test."""
    install_polish_translations(qapp)
    flows: list[MainFlow] = []

    def start(ctx: AppContext) -> MainFlow:
        flow = MainFlow(ctx)
        flow.start()
        flows.append(flow)
        qtbot.waitUntil(lambda: flow.dialog is not None, timeout=WAIT_MS)
        return flow

    yield start
    wait_for_workers()
    for flow in flows:
        flow.close_all()


def settled(qtbot: Any) -> None:
    """Wait until every op has settled (also those the broadcast of a change started)."""
    qtbot.waitUntil(lambda: ops_running() == 0, timeout=WAIT_MS)


def settle(qtbot: Any, runner: OpRunner, action: Callable[[], object]) -> None:
    """Do ``action``, wait until the op it started has reported back, then until the views
    that op's change made read again have done so."""
    with qtbot.waitSignal(runner.settled, timeout=WAIT_MS):
        action()
    settled(qtbot)


def try_login(qtbot: Any, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)
    settle(qtbot, dialog.runner, dialog.login_button.click)


def log_in(qtbot: Any, flow: MainFlow, username: str, password: str) -> MainWindow:
    """Log in through the flow's login dialog and return the main window shown."""
    dialog = flow.dialog
    assert isinstance(dialog, LoginDialog)
    try_login(qtbot, dialog, username, password)
    window = flow.main_window
    assert window is not None, dialog.error_text()
    return window
