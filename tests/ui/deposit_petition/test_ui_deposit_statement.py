"""The property-statement editor: a round trip with totals, errors at the cell, the views
recorded and listed for a supervisor; counter staff have no entry point and the service
refuses them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied
from clerk_app.services.deposit.statement import read_statement, statement_viewers
from clerk_app.services.deposit.statement_types import StatementViewer
from clerk_app.ui.deposit.statement_editor import StatementDialog
from clerk_app.ui.deposit.statement_models import IncomeRow, IncomesModel, MemberRow, MembersModel
from clerk_app.ui.deposit.statement_views_dialog import StatementViewsDialog, ViewersModel
from tests.ui.deposit_petition.deposit_ui_support import open_petition, register
from tests.ui.ui_test_support import WAIT_MS, settle, settled

Staff = dict[Role, Actor]
PESEL = "44051401458"  # born 14.05.1944


def open_statement(qtbot: QtBot, ctx: AppContext, actor: Actor,
                   case_id: int) -> StatementDialog:
    _view, tab = open_petition(qtbot, ctx, actor, case_id)
    assert tab.statement_button is not None
    tab.statement_button.click()
    dialog = tab.statement_dialog
    qtbot.waitUntil(lambda: dialog.version is not None, timeout=WAIT_MS)
    return dialog


def edit(model: MembersModel | IncomesModel, row: int, column: int, value: str) -> None:
    assert model.setData(model.index(row, column), value, Qt.ItemDataRole.EditRole)


def fill(dialog: StatementDialog) -> None:
    """Two members with three incomes, savings and debts, as typed by the clerk."""
    m, i = dialog.members, dialog.incomes
    dialog.add_member.click()
    for column, text in enumerate(["Małgorzata Ślęzak", "wnioskodawczyni", "", "02.01.1980"]):
        edit(m, 0, column, text)
    dialog.add_income.click()
    edit(i, 0, 0, "umowa o pracę")
    edit(i, 0, 1, "3 200,50")
    dialog.add_income.click()
    edit(i, 1, 0, "umowa zlecenie")
    edit(i, 1, 1, "450,25")
    dialog.add_member.click()
    for column, text in enumerate(["Jan Ślęzak", "ojciec", PESEL, ""]):
        edit(m, 1, column, text)
    dialog.add_income.click()
    edit(i, 0, 0, "emerytura")
    edit(i, 0, 1, "2100")
    a = dialog.assets
    a.savings.setText("1 500,00")
    a.debts.setText("2 000")
    a.debts_description.setText("kredyt konsumpcyjny")
    a.vehicles.setText("Skoda Fabia 2009")
    a.signed_on.set_date_value(date(2026, 3, 1))


def test_statement_round_trip_with_totals(qtbot: QtBot, ctx: AppContext,
                                          staff: Staff) -> None:
    case_id = register(ctx, staff[Role.COUNTER])
    dialog = open_statement(qtbot, ctx, staff[Role.CLERK], case_id)
    assert dialog.info_label.text() == "Oświadczenie nie zostało jeszcze wprowadzone."
    fill(dialog)
    t = dialog.totals
    assert t.text_of("members") == "2"
    assert t.text_of("total_income") == "5 750,75 zł"
    assert t.text_of("income_per_person") == "2 875,38 zł"
    assert t.text_of("savings_less_debts") == "-500,00 zł"
    assert dialog.members.index(0, MembersModel.INCOME).data() == "3 650,75 zł"
    born = dialog.members.index(1, MembersModel.BIRTH)
    assert born.data() == "14.05.1944" and born.data(Qt.ItemDataRole.EditRole) == ""
    settle(qtbot, dialog.runner, dialog.save_button.click)
    assert dialog.error_text() == "", dialog.error_text()
    assert dialog.info_label.text() == "Zapisano oświadczenie."
    stored = read_statement(ctx, staff[Role.CLERK], case_id)
    assert stored.version == dialog.version
    assert [m.full_name for m in stored.data.members] == ["Małgorzata Ślęzak", "Jan Ślęzak"]
    assert stored.data.members[1].birth_date == date(1944, 5, 14)  # from the PESEL
    assert stored.data.members[0].incomes[1].amount == Decimal("450.25")
    assert stored.totals.total_income == Decimal("5750.75")
    assert stored.totals.income_per_person == Decimal("2875.38")
    assert stored.data.debts == Decimal("2000.00")
    # Opened again: the same figures, read from the database.
    settled(qtbot)
    again = open_statement(qtbot, ctx, staff[Role.CLERK], case_id)
    assert again.totals.text_of("total_income") == "5 750,75 zł"
    assert again.members.index(1, MembersModel.BIRTH).data() == "14.05.1944"
    assert again.assets.savings.text() == "1 500,00"
    assert not again.is_dirty()


def test_signed_statement_completes_the_checklist_item(qtbot: QtBot, ctx: AppContext,
                                                       staff: Staff) -> None:
    case_id = register(ctx, staff[Role.COUNTER], has_property_statement=False)
    _view, tab = open_petition(qtbot, ctx, staff[Role.CLERK], case_id)
    assert tab.checklist.states()["property_statement"] == "Brak"
    assert tab.statement_button is not None
    tab.statement_button.click()
    dialog = tab.statement_dialog
    qtbot.waitUntil(lambda: dialog.version is not None, timeout=WAIT_MS)
    fill(dialog)
    settle(qtbot, dialog.runner, dialog.save_button.click)
    settled(qtbot)
    assert tab.checklist.states()["property_statement"] == "Jest"


def test_bad_pesel_and_amount_are_shown_at_the_cell(qtbot: QtBot, ctx: AppContext,
                                                    staff: Staff) -> None:
    case_id = register(ctx, staff[Role.COUNTER])
    dialog = open_statement(qtbot, ctx, staff[Role.CLERK], case_id)
    fill(dialog)
    edit(dialog.members, 1, MembersModel.PESEL, "44051401459")
    bad = dialog.members.index(1, MembersModel.PESEL)
    assert bad.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert bad.data(Qt.ItemDataRole.ToolTipRole)
    settle(qtbot, dialog.runner, dialog.save_button.click)
    assert "PESEL członka gospodarstwa (osoba 2)" in dialog.error_text()
    assert dialog.members_view.currentIndex() == bad
    assert read_statement(ctx, staff[Role.CLERK], case_id).recorded is False
    edit(dialog.members, 1, MembersModel.PESEL, PESEL)
    dialog.members_view.setCurrentIndex(dialog.members.index(0, 0))
    edit(dialog.incomes, 1, IncomesModel.AMOUNT, "45,255")
    dialog.save_button.click()  # refused in the dialog: the amount cannot be read
    assert "Kwota dochodu (osoba 1, dochód 2)" in dialog.error_text()
    assert dialog.incomes_view.currentIndex() == dialog.incomes.index(1, 1)


def test_counter_has_no_entry_point_and_is_refused(qtbot: QtBot, ctx: AppContext,
                                                   staff: Staff) -> None:
    case_id = register(ctx, staff[Role.COUNTER])
    _view, tab = open_petition(qtbot, ctx, staff[Role.COUNTER], case_id)
    assert tab.statement_button is None
    assert not [b for b in tab.findChildren(type(tab.save_button))
                if "świadczenie" in b.text()]
    with pytest.raises(PermissionDenied) as refused:
        read_statement(ctx, staff[Role.COUNTER], case_id)
    # Opened anyway (e.g. a stale window), the dialog shows the refusal and no data.
    dialog = StatementDialog(ctx, staff[Role.COUNTER], case_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.error_text() != "", timeout=WAIT_MS)
    assert dialog.error_text() == refused.value.message
    assert dialog.version is None and dialog.members.rowCount() == 0


def test_supervisor_lists_who_viewed(qtbot: QtBot, ctx: AppContext, staff: Staff) -> None:
    case_id = register(ctx, staff[Role.COUNTER])
    read_statement(ctx, staff[Role.CLERK], case_id)
    _view, clerk_tab = open_petition(qtbot, ctx, staff[Role.CLERK], case_id)
    assert clerk_tab.viewers_button is None
    open_statement(qtbot, ctx, staff[Role.SUPERVISOR], case_id)
    _view, tab = open_petition(qtbot, ctx, staff[Role.SUPERVISOR], case_id)
    assert tab.viewers_button is not None
    tab.viewers_button.click()
    dialog = tab.viewers_dialog
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=WAIT_MS)
    users = [dialog.model.index(r, 1).data() for r in range(2)]
    assert users == [staff[Role.CLERK].username, staff[Role.SUPERVISOR].username]
    assert dialog.summary.text() == "Liczba otwarć: 2"
    assert len(statement_viewers(ctx, staff[Role.SUPERVISOR], case_id)) == 2
    assert isinstance(dialog, StatementViewsDialog)


def test_statement_models(qtmodeltester, qapp) -> None:  # type: ignore[no-untyped-def]
    members = MembersModel()
    qtmodeltester.check(members)
    members.set_members([MemberRow("Anna Nowak", "córka", "123", "31.02.2001",
                                   [IncomeRow("renta", "1 000,00"), IncomeRow("x", "abc")])])
    qtmodeltester.check(members)
    assert members.index(0, MembersModel.INCOME).data() == "1 000,00 zł"
    incomes = IncomesModel()
    incomes.set_member(members.member(0))
    qtmodeltester.check(incomes)
    viewers = ViewersModel()
    viewers.set_rows([StatementViewer(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), "referent",
                                      "Anna Referentka")])
    qtmodeltester.check(viewers)
    assert viewers.index(0, 0).data() == "02.03.2026 10:00:00"
