"""Deposit cases for the decision-flow UI tests, made through the real services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import ProxyRelation
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deposit.statement import read_statement, save_statement
from clerk_app.services.deposit.statement_types import IncomeInput, MemberInput, StatementInput
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake.types import DepositDetailsInput, SenderInput
from clerk_app.ui.case_view import CaseView
from tests.services.test_intake import deposit_petition
from tests.ui.ui_test_support import WAIT_MS

APPLICANT = SenderInput("Małgorzata", "Ślęzak", "80050410008", "Kalwaryjska", "5", "2",
                        "41-940")


def register_petition(ctx: AppContext, staff: dict[Role, Actor], *,
                      relation: ProxyRelation | None = None, power_of_attorney: bool = False,
                      stamp_duty_paid: bool = False, rent: str = "612.35",
                      instalments: int = 10) -> int:
    """A petition registered at the counter for the clerk (by a proxy if ``relation``)."""
    deposit = DepositDetailsInput(
        Decimal(rent), instalments, "Trudna sytuacja materialna po utracie pracy",
        has_property_statement=True, by_proxy=relation is not None,
        proxy_name="Tomasz Wróbel" if relation is not None else None,
        proxy_relation=relation, has_power_of_attorney=power_of_attorney,
        stamp_duty_paid=stamp_duty_paid, premises_address="ul. Bytomska 12/4, Piekary Śląskie")
    result = intake.register_item(ctx, staff[Role.COUNTER], deposit_petition(
        deposit=deposit, assignee_id=staff[Role.CLERK].user_id, sender=APPLICANT))
    return result.case_id or 0


def record_statement(ctx: AppContext, clerk: Actor, case_id: int,
                     signed_on: date = date(2026, 3, 2)) -> None:
    """A signed property statement of a two-person household."""
    form = read_statement(ctx, clerk, case_id)
    save_statement(ctx, clerk, case_id, form.version, StatementInput(
        signed_on=signed_on, members=(
            MemberInput("Małgorzata Ślęzak", "wnioskodawca", None, date(1980, 5, 4),
                        (IncomeInput("umowa o pracę", Decimal("3200.00")),)),
            MemberInput("Zofia Ślęzak", "córka", None, date(2012, 9, 1)))))


def open_case(qtbot: QtBot, ctx: AppContext, actor: Actor, case_id: int) -> CaseView:
    view = CaseView(ctx, actor, case_id)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None, timeout=WAIT_MS)
    return view
