"""Helpers of the deposit-petition UI tests: petitions registered at the counter, a case
view opened on them (not a test module)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import ProxyRelation
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake import registration as intake
from clerk_app.ui.case_view import CaseView
from clerk_app.ui.deposit.petition_tab import PetitionTab
from tests.services.test_intake import deposit_petition
from tests.ui.ui_test_support import WAIT_MS, settle


def register(ctx: AppContext, counter: Actor, **deposit: object) -> int:
    """A deposit petition (rent 612,35 zł, statement attached) with ``deposit`` changes."""
    data = deposit_petition()
    assert data.deposit is not None
    data = replace(data, deposit=replace(data.deposit, **deposit))  # type: ignore[arg-type]
    case_id = intake.register_item(ctx, counter, data).case_id
    assert case_id is not None
    return case_id


def register_by_proxy(ctx: AppContext, counter: Actor, relation: ProxyRelation,
                      **deposit: object) -> int:
    return register(ctx, counter, by_proxy=True, proxy_name="Tomasz Wróblewski",
                    proxy_relation=relation, **deposit)


def open_petition(qtbot: QtBot, ctx: AppContext, actor: Actor,
                  case_id: int) -> tuple[CaseView, PetitionTab]:
    """The case view of ``case_id`` with its petition tab read."""
    view = CaseView(ctx, actor, case_id)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.petition_tab is not None
                    and view.petition_tab.version is not None, timeout=WAIT_MS)
    tab = view.petition_tab
    assert tab is not None
    view.tabs.setCurrentWidget(tab)
    return view, tab


def save(qtbot: QtBot, tab: PetitionTab) -> None:
    settle(qtbot, tab.runner, tab.save_button.click)


RENT = Decimal("1234.56")
