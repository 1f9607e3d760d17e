"""Helpers for the UI tests (imported by the test_ui_* modules; not a test module)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtWidgets import QApplication

from clerk_app.services.core.context import AppContext
from clerk_app.ui.app import MainFlow, install_polish_translations
from clerk_app.ui.login_dialog import LoginDialog
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.worker import TaskRunner, wait_for_workers

WAIT_MS = 20000

StartFlow = Callable[[AppContext], MainFlow]


def flow_starter(qapp: QApplication) -> Iterator[StartFlow]:
    """Body of each module's ``start_flow`` fixture: start the real login / first-start
    flow; everything it opened is closed after the test."""
    install_polish_translations(qapp)
    flows: list[MainFlow] = []

    def start(ctx: AppContext) -> MainFlow:
        flow = MainFlow(ctx)
        flow.start()
        flows.append(flow)
        return flow

    yield start
    wait_for_workers()
    for flow in flows:
        flow.close_all()


def settle(qtbot: Any, runner: TaskRunner, action: Callable[[], object]) -> None:
    """Do ``action`` and wait until the worker task it started has reported back."""
    with qtbot.waitSignal(runner.settled, timeout=WAIT_MS):
        action()


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
