"""The main window opens cases: from a barcode burst anywhere in it, and registers items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from clerk_app.domain.roles import Role
from clerk_app.services import intake
from clerk_app.services.context import Actor, AppContext
from clerk_app.ui.case_view import CaseView
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.registration_dialog import RegistrationDialog
from tests.services.test_intake import iok_request


def _window(qtbot: QtBot, ctx: AppContext, actor: Actor) -> MainWindow:
    window = MainWindow(ctx, actor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _scan(qtbot: QtBot, target: QLineEdit, code: str) -> None:
    qtbot.keyClicks(target, code)  # no delay between keys: a scanner's burst
    qtbot.keyClick(target, Qt.Key.Key_Return)


def test_scanned_signature_opens_the_case(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    result = intake.register_item(ctx, staff[Role.COUNTER], iok_request())
    window = _window(qtbot, ctx, staff[Role.CLERK])
    search = window.case_list.search_edit
    _scan(qtbot, search, result.signature or "")
    key = f"case:{result.case_id}"
    qtbot.waitUntil(lambda: key in window.windows, timeout=5000)
    view = window.windows[key]
    assert isinstance(view, CaseView) and view.isVisible()
    assert search.text() == ""  # the burst did not land in the search box
    window.close()


def test_unknown_code_is_reported_in_the_status_bar(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    window = _window(qtbot, ctx, staff[Role.COUNTER])
    _scan(qtbot, window.case_list.search_edit, "XYZ.1.2.2026")
    assert "Nie znaleziono sprawy ani pisma" in window.statusBar().currentMessage()
    window.close()


def test_register_action_opens_the_dialog_and_refreshes_the_list(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    window = _window(qtbot, ctx, staff[Role.COUNTER])
    window.act_register.trigger()
    dialog = window.windows["registration"]
    assert isinstance(dialog, RegistrationDialog) and dialog.isVisible()
    assert not MainWindow(ctx, staff[Role.ADMIN]).act_register.isEnabled()
    window.close()
