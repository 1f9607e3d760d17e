"""Issue 10 "Must show" (a) and (b) through the real windows, on SQLite and PostgreSQL.

(a) an IOK request registered at the counter (the e-mail typo hinted and corrected) →
exported in the hand-over window → the administrator's result file imported → login data
sent in the case view → the case closed, the target met, ZGM's confirmation issued;
(b) an unsigned request registered all the same → ZGM's completion request by e-mail through
a real local SMTP server (the PDF arrives) → the target stops → the signed form comes back,
the clerk ticks it → completed, the target resumes with the waiting days added.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import CaseStatus, DeadlineState, IncomingKind
from clerk_app.domain.iok_stage import IokStage
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.roles import Role
from clerk_app.domain.settlement import SettlementKind
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.letters.issue import list_case_letters
from clerk_app.ui.case_view import CaseView
from clerk_app.ui.iok.handover_window import HandoverWindow
from clerk_app.ui.iok.request_tab import IokRequestTab
from clerk_app.ui.qt_helpers import to_qdate
from tests.mailserver import MailServer, configure_smtp, smtp_server
from tests.services.deadline_fixtures import case_row, set_today
from tests.ui.deposit_flow.deposit_flow_support import open_case
from tests.ui.test_ui_registration_keyboard import open_dialog
from tests.ui.ui_test_support import WAIT_MS, settle, settled

__all__ = ["smtp_server"]
Staff = dict[Role, Actor]
SHOTS = Path(os.environ.get("CLERK_IOK_SHOTS", "/tmp/shots/iok"))


def _shoot(widget: object, name: str) -> None:
    if SHOTS.is_dir():
        widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


def register_iok(qtbot: QtBot, ctx: AppContext, counter: Actor, email: str,
                 signed: bool) -> int:
    """Jan Kos's request typed at the counter; a hinted typo is corrected in its box."""
    dialog = open_dialog(qtbot, ctx, counter)
    f = dialog.form
    f.kind.setCurrentIndex(f.kind.findData(IncomingKind.IOK_REQUEST.value))
    s = f.sender_form
    for edit, text in ((s.first_name, "Jan"), (s.last_name, "Kos"), (s.street, "Bytomska"),
                       (s.building, "12"), (s.flat, "3"), (s.postal_code, "41-940"),
                       (s.email, email)):
        edit.setText(text)
    f.iok.contractor.setText("100200")
    f.iok.e_invoice.setChecked(True)
    f.iok.signed.setChecked(signed)
    dialog.save()
    box = dialog.email_hint_box
    if s.email_hint.isVisibleTo(dialog):
        assert box is not None and box.isVisible() and "gmial.com" in box.text()
        [fix] = [b for b in box.buttons() if "Popraw" in b.text()]
        settle(qtbot, dialog.runner, fix.click)
    else:
        qtbot.waitSignal(dialog.runner.settled, timeout=WAIT_MS)
        settled(qtbot)
    result = dialog.saved_result
    assert result is not None and result.case_id is not None, dialog.error_text()
    assert bool(result.iok_missing) is not signed
    dialog.close()
    return result.case_id


def iok_tab(qtbot: QtBot, ctx: AppContext, clerk: Actor, case_id: int) -> tuple[
        CaseView, IokRequestTab]:
    view = open_case(qtbot, ctx, clerk, case_id)
    tab = view.iok_tab
    assert isinstance(tab, IokRequestTab)
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.view is not None, timeout=WAIT_MS)
    settled(qtbot)
    return view, tab


def test_a_counter_to_closed(qtbot: QtBot, ctx: AppContext, staff: Staff, clock: object,
                             tmp_path: Path) -> None:
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    set_today(clock, date(2026, 3, 2))
    case_id = register_iok(qtbot, ctx, counter, "jan.kos@gmial.com", signed=True)
    assert case_row(ctx, case_id).applicant_email == "jan.kos@gmail.com"

    set_today(clock, date(2026, 3, 3))
    window = HandoverWindow(ctx, clerk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
    _shoot(window, "handover_window.png")
    out = tmp_path / "przekazanie.xlsx"
    settle(qtbot, window.runner, lambda: window.export_to(out, "xlsx"))
    sheet = load_workbook(out).active
    assert sheet is not None and [c.value for c in sheet[2]] == [
        "ZGM.0143.1.2026", "100200", "Jan Kos", "ul. Bytomska 12/3", "jan.kos@gmail.com",
        "tak"]
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=WAIT_MS)

    set_today(clock, date(2026, 3, 5))
    book = Workbook()
    result = book.active
    assert result is not None
    result.append(["nr_kontrahenta", "data_utworzenia"])
    result.append(["100200", "2026-03-04"])
    result.append(["424242", "2026-03-04"])
    path = tmp_path / "wynik.xlsx"
    book.save(path)
    settle(qtbot, window.runner, lambda: window.import_from(path))
    report = window.report.toPlainText()
    assert "ZGM.0143.1.2026" in report and "wiersz 3" in report and "424242" in report
    window.close()

    view, tab = iok_tab(qtbot, ctx, clerk, case_id)
    assert tab.view is not None and tab.view.stage is IokStage.ACCOUNT_CREATED
    assert tab.sent_button.isEnabled()
    _shoot(view, "case_view_iok_tab.png")
    tab.sent_on.setDate(to_qdate(date(2026, 3, 5)))
    settle(qtbot, tab.runner, tab.sent_button.click)
    assert "termin dotrzymany" in tab.info_label.text(), tab.error_label.text()
    case = case_row(ctx, case_id)
    assert case.status == CaseStatus.CLOSED and case.settlement == SettlementKind.LOGIN_DATA_SENT
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.stage is IokStage.LOGIN_SENT,
                    timeout=WAIT_MS)
    assert tab.view.target is not None and tab.view.target.state is DeadlineState.MET
    kinds = [x.kind for x in list_case_letters(ctx, clerk, case_id)]
    assert kinds == [LetterKind.IOK_CONFIRMATION]
    view.close()


def test_b_unsigned_completed_by_email(qtbot: QtBot, ctx: AppContext, staff: Staff,
                                       clock: object, smtp_server: MailServer) -> None:
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    configure_smtp(ctx, staff[Role.ADMIN], smtp_server)
    set_today(clock, date(2026, 3, 2))
    case_id = register_iok(qtbot, ctx, counter, "jan.kos@example.pl", signed=False)

    set_today(clock, date(2026, 3, 4))
    view, tab = iok_tab(qtbot, ctx, clerk, case_id)
    assert tab.view is not None and tab.view.stage is IokStage.DEFICIENT
    assert "podpis" in tab.status_label.text().lower()
    assert tab.ask_email.isEnabled()
    settle(qtbot, tab.runner, tab.ask_email.click)
    assert "Wysłano e-mailem" in tab.info_label.text(), (tab.info_label.text(),
                                                         tab.error_label.text())
    [mail] = smtp_server.received
    assert mail.rcpt_tos == ["jan.kos@example.pl"]
    [(name, pdf)] = mail.attachments()
    assert name.endswith(".pdf") and pdf.startswith(b"%PDF")
    qtbot.waitUntil(lambda: tab.view is not None
                    and tab.view.stage is IokStage.AWAITING_COMPLETION, timeout=WAIT_MS)
    assert tab.view.target is not None and tab.view.target.state is DeadlineState.SUSPENDED
    assert tab.view.reply is not None and tab.view.reply.due_on == date(2026, 3, 18)
    _shoot(view, "case_view_iok_awaiting.png")
    [letter] = list_case_letters(ctx, clerk, case_id)
    assert letter.kind is LetterKind.IOK_COMPLETION

    set_today(clock, date(2026, 3, 10))  # the signed form is back: the clerk ticks it
    tab.form.signed.setChecked(True)
    settle(qtbot, tab.runner, tab.save_button.click)
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.stage is IokStage.READY,
                    timeout=WAIT_MS)
    target = tab.view.target
    assert target is not None and target.state is DeadlineState.RUNNING
    assert target.suspended_days == 6 and target.due_on == date(2026, 3, 23)
    assert case_row(ctx, case_id).status == CaseStatus.REGISTERED
    assert "wstrzym" in tab.target_label.text().lower() or \
        "oczekiw" in tab.target_label.text().lower(), tab.target_label.text()
    view.close()


def test_handover_model_and_hint_keep_as_typed(qtbot: QtBot, qtmodeltester: object,
                                               ctx: AppContext, staff: Staff) -> None:
    counter = staff[Role.COUNTER]
    dialog = open_dialog(qtbot, ctx, counter)
    f = dialog.form
    f.kind.setCurrentIndex(f.kind.findData(IncomingKind.IOK_REQUEST.value))
    s = f.sender_form
    s.first_name.setText("Ewa")
    s.last_name.setText("Żak")
    s.street.setText("Kalwaryjska")
    s.building.setText("5")
    s.email.setText("ewa@wp.pll")
    assert s.email_hint.text() == "Czy chodziło o: ewa@wp.pl?"
    dialog.save()
    box = dialog.email_hint_box
    assert isinstance(box, QMessageBox)
    [keep] = [b for b in box.buttons() if "Zostaw" in b.text()]
    settle(qtbot, dialog.runner, keep.click)
    result = dialog.saved_result
    assert result is not None and result.case_id is not None
    assert case_row(ctx, result.case_id).applicant_email == "ewa@wp.pll"  # kept as typed
    dialog.close()
    window = HandoverWindow(ctx, staff[Role.CLERK])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
    qtmodeltester.check(window.model)  # type: ignore[attr-defined]
    index = window.model.index(0, 0)
    with qtbot.waitSignal(window.caseActivated, timeout=WAIT_MS) as opened:
        window.table.doubleClicked.emit(index)
    assert opened.args == [result.case_id]
    assert window.model.data(index, Qt.ItemDataRole.DisplayRole).startswith("ZGM.")
