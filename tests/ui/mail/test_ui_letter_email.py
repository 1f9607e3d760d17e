"""The letters tab's "Wyślij e-mailem": through the real case view and a real local SMTP
server, on SQLite and PostgreSQL; a refused address is shown and "Wyślij ponownie" succeeds."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from clerk_app.domain.roles import Role
from clerk_app.persistence.models import Case
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.letters.issue import issue_summons
from clerk_app.ui.case_letters_models import COL_EMAIL, COL_LETTER_STATE
from clerk_app.ui.case_letters_tab import CaseLettersTab
from clerk_app.ui.case_view import CaseView
from tests.mailserver import MailServer, configure_smtp, smtp_server
from tests.services.deadline_fixtures import make_case, set_today
from tests.ui.ui_test_support import WAIT_MS, settle, settled

__all__ = ["smtp_server"]
EMAIL = "anna.nowak@example.pl"


def _case_with_letter(ctx: AppContext, clerk: Actor, email: str | None) -> int:
    case_id = make_case(ctx, clerk.user_id, assignee_id=clerk.user_id)
    with ctx.db.transaction() as session:
        session.execute(update(Case).where(Case.id == case_id).values(applicant_email=email))
    issue_summons(ctx, clerk, case_id, ["Podpis wnioskodawcy"])
    return case_id


def _open(qtbot: QtBot, ctx: AppContext, actor: Actor, case_id: int) -> CaseLettersTab:
    view = CaseView(ctx, actor, case_id)
    qtbot.addWidget(view)
    view.resize(1100, 640)
    view.show()
    view.tabs.setCurrentWidget(view.letters_tab)
    tab = view.letters_tab
    qtbot.waitUntil(lambda: tab.data is not None and tab.email.states is not None,
                    timeout=WAIT_MS)
    settled(qtbot)
    return tab


def _email_cell(tab: CaseLettersTab) -> str:
    return str(tab.letters_model.index(0, COL_EMAIL).data())


def test_send_refused_then_retry(qtbot: QtBot, qtmodeltester, ctx: AppContext,
                                 staff: dict[Role, Actor], clock: object,
                                 smtp_server: MailServer) -> None:
    clerk = staff[Role.CLERK]
    set_today(clock, date(2026, 3, 2))
    configure_smtp(ctx, staff[Role.ADMIN], smtp_server)
    tab = _open(qtbot, ctx, clerk, _case_with_letter(ctx, clerk, EMAIL))
    action = tab.email
    assert action.button.isEnabled() and action.button.text() == "Wyślij &e-mailem"
    assert EMAIL in action.button.toolTip() and _email_cell(tab) == "—"

    smtp_server.refused.add(EMAIL)
    settle(qtbot, tab.runner, action.button.click)
    qtbot.waitUntil(lambda: action.button.text() == "Wyślij &ponownie", timeout=WAIT_MS)
    assert "550 5.1.1 Mailbox unavailable" in action.outcome.text()
    assert "Można spróbować ponownie" in action.outcome.text()
    assert _email_cell(tab) == "błąd – nie wysłano"
    tip = tab.letters_model.index(0, COL_EMAIL).data(Qt.ItemDataRole.ToolTipRole)
    assert "E-mail nie został wysłany: Serwer poczty odrzucił" in tip
    tab.window().grab().save("/tmp/shots/mail/letters_tab_email_failed.png")

    smtp_server.refused.clear()
    settle(qtbot, tab.runner, action.button.click)
    qtbot.waitUntil(lambda: _email_cell(tab).startswith("wysłano "), timeout=WAIT_MS)
    assert action.outcome.text() == f"Pismo wysłano e-mailem na adres {EMAIL}."
    assert not action.button.isEnabled()
    assert "już wysłane" in action.button.toolTip()
    assert str(tab.letters_model.index(0, COL_LETTER_STATE).data()).startswith("Wysłane")
    assert len(smtp_server.received) == 1
    tab.window().grab().save("/tmp/shots/mail/letters_tab_email_sent.png")
    qtmodeltester.check(tab.letters_model)


def test_no_address_and_counter_cannot_send(qtbot: QtBot, ctx: AppContext,
                                            staff: dict[Role, Actor]) -> None:
    clerk = staff[Role.CLERK]
    tab = _open(qtbot, ctx, clerk, _case_with_letter(ctx, clerk, None))
    assert not tab.email.button.isEnabled()
    assert tab.email.button.toolTip() == "Adresat nie podał adresu e-mail."
    counter_tab = _open(qtbot, ctx, staff[Role.COUNTER],
                        _case_with_letter(ctx, clerk, EMAIL))
    assert not counter_tab.email.button.isEnabled()
    assert "referent" in counter_tab.email.button.toolTip()


def test_unconfigured_server_is_said_in_polish(qtbot: QtBot, ctx: AppContext,
                                               staff: dict[Role, Actor]) -> None:
    clerk = staff[Role.CLERK]
    tab = _open(qtbot, ctx, clerk, _case_with_letter(ctx, clerk, EMAIL))
    settle(qtbot, tab.runner, tab.email.button.click)
    assert "Nie ustawiono serwera poczty wychodzącej" in tab.email.outcome.text()
    assert not tab.email.busy.isVisible() and tab.email.button.isEnabled()
    assert tab.email.button.text() == "Wyślij &e-mailem"  # nothing was attempted
