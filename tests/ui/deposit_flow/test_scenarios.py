"""Issue 9 "Must show" (a)–(d) through the real windows, on SQLite and PostgreSQL.

(a) a proxy who is not a relative, without stamp duty: the checklist warns, the summons lists
exactly the power of attorney and the stamp duty, its delivery is scanned, a supplement comes
by post (the decision month runs from its posting date), the property statement is entered,
consent, the agreement printed and signed, the case closed; (b) refusal with reasoning;
(c) deficiencies not removed: left without consideration; (d) counter staff cannot open the
property statement, through the UI or the service.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import CaseStatus, Channel, DeadlineKind, IncomingKind, ProxyRelation
from clerk_app.domain.petition_checklist import PetitionItem
from clerk_app.domain.roles import Role
from clerk_app.domain.settlement import SettlementKind
from clerk_app.services.cases.detail import get_case
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied
from clerk_app.services.deadlines.actions import list_case_deadlines
from clerk_app.services.deposit.overview import deposit_overview
from clerk_app.services.deposit.statement import read_statement
from clerk_app.services.letters.issue import list_case_letters
from clerk_app.ui.case_action_dialogs import SummonsDialog
from clerk_app.ui.case_view import CaseView
from clerk_app.ui.delivery_dialog import DeliveryDialog
from clerk_app.ui.deposit.agreement_dialog import SigningDateDialog
from clerk_app.ui.deposit.consent_dialog import ConsentDialog
from clerk_app.ui.deposit.decision_panel import DecisionPanel
from clerk_app.ui.deposit.leave_list_window import LeaveListWindow
from clerk_app.ui.deposit.refusal_dialog import RefusalDialog
from clerk_app.ui.main_window import MainWindow
from clerk_app.ui.pdf_printing import print_pdf_to
from clerk_app.ui.qt_helpers import to_qdate
from tests.services.deadline_fixtures import set_today
from tests.ui.deposit_flow.deposit_flow_support import open_case
from tests.ui.deposit_petition.test_ui_deposit_statement import fill, open_statement
from tests.ui.test_ui_registration_keyboard import open_dialog, save_with
from tests.ui.ui_test_support import WAIT_MS, settle, settled

Staff = dict[Role, Actor]
Ctrl = Qt.KeyboardModifier.ControlModifier
POA, DUTY = PetitionItem.POWER_OF_ATTORNEY, PetitionItem.STAMP_DUTY


def register_at_counter(qtbot: QtBot, ctx: AppContext, counter: Actor) -> int:
    """The petition of Małgorzata Ślęzak by Tomasz Wróblewski (no relative), no duty paid."""
    dialog = open_dialog(qtbot, ctx, counter)
    f = dialog.form
    f.kind.setCurrentIndex(f.kind.findData(IncomingKind.DEPOSIT_PETITION.value))
    s = f.sender_form
    for edit, text in ((s.first_name, "Małgorzata"), (s.last_name, "Ślęzak"),
                       (s.pesel, "80050410008"), (s.street, "Kalwaryjska"), (s.building, "5"),
                       (s.postal_code, "41-940")):
        edit.setText(text)
    d = f.deposit
    d.rent.setText("612,35")
    d.statement.setChecked(True)
    d.by_proxy.setChecked(True)
    d.proxy_name.setText("Tomasz Wróblewski")
    d.proxy_relation.setCurrentIndex(d.proxy_relation.findData(ProxyRelation.OTHER.value))
    assert f.deposit_warning.isVisible() and f.deposit_warning.items == [POA, DUTY]
    save_with(qtbot, dialog, Ctrl)
    result = dialog.saved_result
    assert result is not None and result.case_id is not None, dialog.error_text()
    dialog.close()
    return result.case_id


def summon(qtbot: QtBot, ctx: AppContext, clerk: Actor, case_id: int) -> CaseView:
    """The clerk's summons, pre-ticked from the checklist: exactly the two items."""
    view = open_case(qtbot, ctx, clerk, case_id)
    tab = view.letters_tab
    qtbot.waitUntil(tab.summons_button.isEnabled, timeout=WAIT_MS)
    tab.summons_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, SummonsDialog)
    qtbot.waitUntil(lambda: dialog.box.title() == "Lista kontrolna prośby", timeout=WAIT_MS)
    assert dialog.items() == [POA.label, DUTY.label]
    with qtbot.waitSignal(tab.previewShown, timeout=WAIT_MS) as shown:
        settle(qtbot, dialog.runner, dialog.ok_button.click)
    shown.args[0].close()
    return view


def scan_delivery(qtbot: QtBot, ctx: AppContext, counter: Actor, case_id: int,
                  delivered_on: date) -> None:
    """The return receipt's barcode scanned in the main window, its date confirmed."""
    [letter] = list_case_letters(ctx, counter, case_id)
    window = MainWindow(ctx, counter)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settled(qtbot)
    qtbot.keyClicks(window.case_list.search_edit, letter.identifier)
    qtbot.keyClick(window.case_list.search_edit, Qt.Key.Key_Return)
    settled(qtbot)
    dialog = window.windows.get("delivery")
    assert isinstance(dialog, DeliveryDialog) and dialog.letter is not None
    dialog.date_edit.setDate(to_qdate(delivered_on))
    settle(qtbot, dialog.runner, dialog.ok_button.click)
    assert dialog.outcome is not None
    window.close()


def supplement_by_post(qtbot: QtBot, ctx: AppContext, counter: Actor, case_id: int,
                       posted_on: date) -> None:
    """The power of attorney and the proof of duty, sent by post on ``posted_on``."""
    signature = get_case(ctx, counter, case_id).signature
    dialog = open_dialog(qtbot, ctx, counter)
    f = dialog.form
    f.sender_form.first_name.setText("Tomasz")
    f.sender_form.last_name.setText("Wróblewski")
    f.channel.setCurrentIndex(f.channel.findData(Channel.POST.value))
    f.kind.setCurrentIndex(f.kind.findData(IncomingKind.SUPPLEMENT.value))
    f.picker.signature.setText(signature)
    f.picker.look_up()
    qtbot.waitUntil(lambda: f.picker.case_id == case_id, timeout=WAIT_MS)
    f.supplement.boxes[POA].setChecked(True)
    f.supplement.boxes[DUTY].setChecked(True)
    f.posted.setDate(to_qdate(posted_on))
    save_with(qtbot, dialog, Ctrl)
    assert dialog.saved_result is not None, dialog.error_text()
    dialog.close()


def complete_by_post(qtbot: QtBot, ctx: AppContext, staff: Staff, clock: object) -> CaseView:
    """(a) up to the supplement: the decision month runs from the posting date."""
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    set_today(clock, date(2026, 3, 2))
    case_id = register_at_counter(qtbot, ctx, counter)
    set_today(clock, date(2026, 3, 3))
    summon(qtbot, ctx, clerk, case_id).close()
    set_today(clock, date(2026, 3, 6))
    scan_delivery(qtbot, ctx, counter, case_id, date(2026, 3, 5))
    set_today(clock, date(2026, 3, 11))
    supplement_by_post(qtbot, ctx, counter, case_id, date(2026, 3, 9))
    overview = deposit_overview(ctx, clerk, case_id)
    assert overview.missing == () and overview.status is CaseStatus.IN_PROGRESS
    [decision] = [d for d in list_case_deadlines(ctx, clerk, case_id)
                  if d.kind is DeadlineKind.DECISION and d.closed_on is None]
    assert decision.start_on == date(2026, 3, 9)  # the posting date, not the receipt
    view = open_case(qtbot, ctx, clerk, case_id)
    return view


def decision_panel(qtbot: QtBot, view: CaseView) -> DecisionPanel:
    panel = view.decision_panel
    assert isinstance(panel, DecisionPanel)
    view.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.data is not None, timeout=WAIT_MS)
    settled(qtbot)
    return panel


def test_a_proxy_petition_to_the_signed_agreement(
    qtbot: QtBot, ctx: AppContext, staff: Staff, clock: object, tmp_path: Path
) -> None:
    clerk = staff[Role.CLERK]
    view = complete_by_post(qtbot, ctx, staff, clock)
    statement = open_statement(qtbot, ctx, clerk, view.case_id)
    fill(statement)
    settle(qtbot, statement.runner, statement.save_button.click)
    statement.close()
    assert read_statement(ctx, clerk, view.case_id).recorded

    panel = decision_panel(qtbot, view)
    panel.consent_button.click()
    consent = panel.dialog
    assert isinstance(consent, ConsentDialog)
    qtbot.waitUntil(lambda: consent.model.rowCount() == 10, timeout=WAIT_MS)
    with qtbot.waitSignal(panel.previewShown, timeout=WAIT_MS):
        settle(qtbot, consent.runner, consent.ok_button.click)
    qtbot.waitUntil(lambda: panel.prepare_button.isEnabled(), timeout=WAIT_MS)
    with qtbot.waitSignal(panel.previewShown, timeout=WAIT_MS) as shown:
        settle(qtbot, panel.runner, panel.prepare_button.click)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "umowa.pdf"))
    assert print_pdf_to(shown.args[0].pdf, printer) >= 1
    qtbot.waitUntil(lambda: panel.signed_button.isEnabled(), timeout=WAIT_MS)
    panel.signed_button.click()
    signing = panel.dialog
    assert isinstance(signing, SigningDateDialog)
    settle(qtbot, signing.runner, signing.ok_button.click)
    qtbot.waitUntil(lambda: view.header_values["status"].text() == "Zakończona",
                    timeout=WAIT_MS)
    overview = deposit_overview(ctx, clerk, view.case_id)
    assert overview.settlement is SettlementKind.AGREEMENT_SIGNED
    assert overview.settled_on == date(2026, 3, 11)
    assert panel.values["lease"].text() == "Można podpisać umowę najmu lokalu."
    kinds = [x.kind.value for x in list_case_letters(ctx, clerk, view.case_id)]
    assert sorted(kinds) == ["agreement", "consent", "summons"]


def test_b_refusal_with_reasoning(qtbot: QtBot, ctx: AppContext, staff: Staff,
                                  clock: object) -> None:
    view = complete_by_post(qtbot, ctx, staff, clock)
    panel = decision_panel(qtbot, view)
    panel.refusal_button.click()
    refusal = panel.dialog
    assert isinstance(refusal, RefusalDialog)
    assert refusal.save() is False and refusal.focusWidget() is refusal.reasoning_edit
    refusal.reasoning_edit.setPlainText("Dochód na osobę pozwala na jednorazową wpłatę.")
    with qtbot.waitSignal(panel.previewShown, timeout=WAIT_MS):
        settle(qtbot, refusal.runner, refusal.ok_button.click)
    qtbot.waitUntil(lambda: view.header_values["status"].text() == "Zakończona",
                    timeout=WAIT_MS)
    overview = deposit_overview(ctx, staff[Role.CLERK], view.case_id)
    assert overview.settlement is SettlementKind.REFUSAL
    assert overview.decision is not None and "jednorazową" in overview.decision.reasoning


def test_c_deficiencies_not_removed_left_without_consideration(
    qtbot: QtBot, ctx: AppContext, staff: Staff, clock: object
) -> None:
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    set_today(clock, date(2026, 3, 2))
    case_id = register_at_counter(qtbot, ctx, counter)
    set_today(clock, date(2026, 3, 3))
    summon(qtbot, ctx, clerk, case_id).close()
    set_today(clock, date(2026, 3, 6))
    scan_delivery(qtbot, ctx, counter, case_id, date(2026, 3, 5))
    set_today(clock, date(2026, 3, 16))  # the 7 days ended on 12 March
    main = MainWindow(ctx, clerk)
    qtbot.addWidget(main)
    main.act_leave_list.trigger()
    window = main.windows.get("leave_list")
    assert isinstance(window, LeaveListWindow)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
    settled(qtbot)
    window.ask = lambda *_args: True
    with qtbot.waitSignal(window.previewShown, timeout=WAIT_MS):
        settle(qtbot, window.runner, window.leave_button.click)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=WAIT_MS)
    overview = deposit_overview(ctx, clerk, case_id)
    assert overview.status is CaseStatus.CLOSED
    assert overview.settlement is SettlementKind.LEFT_WITHOUT_CONSIDERATION
    main.close()


def test_d_counter_cannot_open_the_property_statement(
    qtbot: QtBot, ctx: AppContext, staff: Staff, clock: object
) -> None:
    counter = staff[Role.COUNTER]
    set_today(clock, date(2026, 3, 2))
    case_id = register_at_counter(qtbot, ctx, counter)
    view = open_case(qtbot, ctx, counter, case_id)
    qtbot.waitUntil(lambda: view.petition_tab is not None
                    and view.petition_tab.version is not None, timeout=WAIT_MS)
    assert view.petition_tab is not None and view.petition_tab.statement_button is None
    panel = decision_panel(qtbot, view)
    assert not any(b.isEnabled() for b in (panel.consent_button, panel.refusal_button,
                                           panel.leave_button, panel.prepare_button))
    with pytest.raises(PermissionDenied):
        read_statement(ctx, counter, case_id)
