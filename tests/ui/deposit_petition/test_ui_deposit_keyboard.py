"""The petition tab by keyboard: Enter (Tab in the justification) follows the form,
Ctrl+Enter saves, each mnemonic of the tab is used once."""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import ProxyRelation
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deposit.petition import petition_form
from tests.ui.deposit_petition.deposit_ui_support import open_petition, register_by_proxy
from tests.ui.ui_test_support import WAIT_MS, settled

Staff = dict[Role, Actor]


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_tab_order_enter_and_ctrl_enter(qtbot: QtBot, ctx: AppContext, staff: Staff) -> None:
    case_id = register_by_proxy(ctx, staff[Role.COUNTER], ProxyRelation.OTHER)
    view, tab = open_petition(qtbot, ctx, staff[Role.CLERK], case_id)
    view.activateWindow()
    qtbot.waitActive(view)
    f = tab.form
    f.rent.setFocus()
    qtbot.waitUntil(lambda: focused() is f.rent, timeout=WAIT_MS)
    expected = [w for w in f.inputs() if w.isVisible() and w.isEnabled()]
    seen = [focused()]
    for _ in expected[1:]:  # Enter moves on; in the justification Enter is a new line
        now = focused()
        qtbot.keyClick(now, Qt.Key.Key_Tab if isinstance(now, QPlainTextEdit)
                       else Qt.Key.Key_Return)
        seen.append(focused())
    assert seen == expected
    assert f.justification.toPlainText() == "Trudna sytuacja materialna"
    f.proxy.address.setText("ul. Roosevelta 20, 41-940 Piekary Śląskie")
    f.rent.setFocus()
    f.rent.selectAll()
    qtbot.keyClicks(f.rent, "800,10")
    qtbot.keyClick(f.rent, Qt.Key.Key_Return)
    assert focused() is f.instalments  # Enter moved on, nothing saved
    assert petition_form(ctx, staff[Role.CLERK], case_id).data.monthly_rent == \
        Decimal("612.35")
    with qtbot.waitSignal(tab.runner.settled, timeout=WAIT_MS):
        qtbot.keyClick(f.instalments, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot)
    assert tab.error_label.text() == "", tab.error_label.text()
    assert petition_form(ctx, staff[Role.CLERK], case_id).data.monthly_rent == \
        Decimal("800.10")


def test_mnemonics_are_unique(qtbot: QtBot, ctx: AppContext, staff: Staff) -> None:
    case_id = register_by_proxy(ctx, staff[Role.COUNTER], ProxyRelation.OTHER)
    view, tab = open_petition(qtbot, ctx, staff[Role.SUPERVISOR], case_id)
    keys = _mnemonics(tab)
    assert len(keys) >= 15
    assert len(keys) == len(set(keys)), sorted(keys)
    assert view is not None


def _mnemonics(root: QWidget) -> list[str]:
    keys = []
    for widget in [*root.findChildren(QLabel), *root.findChildren(QAbstractButton)]:
        found = re.search(r"&(\w)", widget.text())
        if found:
            keys.append(found.group(1).lower())
    return keys


def test_statement_dialog_keys_and_escape(qtbot: QtBot, ctx: AppContext,
                                          staff: Staff) -> None:
    case_id = register_by_proxy(ctx, staff[Role.COUNTER], ProxyRelation.SPOUSE)
    _view, tab = open_petition(qtbot, ctx, staff[Role.CLERK], case_id)
    assert tab.statement_button is not None
    tab.statement_button.click()
    dialog = tab.statement_dialog
    qtbot.waitUntil(lambda: dialog.version is not None, timeout=WAIT_MS)
    keys = _mnemonics(dialog)
    assert len(keys) >= 10 and len(keys) == len(set(keys)), sorted(keys)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not dialog.isVisible()
    tab.statement_button.click()
    dialog = tab.statement_dialog
    qtbot.waitUntil(lambda: dialog.version is not None, timeout=WAIT_MS)
    dialog.assets.vehicles.setText("Fiat Panda 2012")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.discard_box.isVisible()
    dialog.discard_box.reject()  # "Wróć do oświadczenia"
    assert dialog.isVisible() and dialog.assets.vehicles.text() == "Fiat Panda 2012"
