"""Counter staff get their day instead of an empty deadline dashboard: today's
registrations and the letters posted and waiting for a return receipt."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake import registration as intake
from clerk_app.services.letters.delivery import record_sent
from clerk_app.services.letters.issue import issue_summons
from clerk_app.ui.counter_desk import CounterDesk
from clerk_app.ui.delivery_dialog import DeliveryDialog
from clerk_app.ui.main_window import MainWindow
from tests.services.counter.test_counter_desk import TODAY, _at
from tests.services.deadline_fixtures import set_today
from tests.services.test_intake import deposit_petition, iok_request
from tests.ui.ui_test_support import WAIT_MS, settled


def _fill(ctx: AppContext, staff: dict[Role, Actor], clock: object) -> str:
    counter = staff[Role.COUNTER]
    set_today(clock, TODAY - timedelta(days=25))
    case = intake.register_item(ctx, counter, iok_request(
        received_at=_at(TODAY - timedelta(days=25), 9)))
    letter = issue_summons(ctx, staff[Role.CLERK], case.case_id or 0, ["Podpis na wniosku"])
    set_today(clock, TODAY)
    record_sent(ctx, counter, letter.letter_id, letter.version, TODAY - timedelta(days=24))
    for hour in (8, 10, 13):
        intake.register_item(ctx, counter, deposit_petition(received_at=_at(TODAY, hour)))
    return letter.identifier


def test_the_counter_sees_its_day_not_an_empty_dashboard(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    identifier = _fill(ctx, staff, clock)
    window = MainWindow(ctx, staff[Role.COUNTER])
    qtbot.addWidget(window)
    window.show()
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Sprawy", "Dzisiaj"]
    desk = window.counter_desk
    assert isinstance(desk, CounterDesk)
    qtbot.waitUntil(lambda: desk.registered_model.rowCount() == 3, timeout=WAIT_MS)
    window.act_deadlines.trigger()  # Ctrl+2 goes to the counter's page
    assert window.tabs.currentWidget() is desk
    for model in (desk.registered_model, desk.awaiting_model):
        ModelTester(None).check(model, force_py=True)
    assert desk.registered_model.index(0, 0).data() == "13:00"
    assert desk.awaiting_model.rowCount() == 1
    assert desk.awaiting_model.index(0, 2).data() == identifier
    assert desk.awaiting_model.index(0, 1).data() == "24"
    assert "ponad 21 dni: 1" in desk.awaiting_title.text()
    window.resize(1100, 600)
    settled(qtbot)
    window.grab().save("/tmp/shots/me/counter_desk.png")
    desk.awaiting_table.doubleClicked.emit(desk.awaiting_model.index(0, 2))
    settled(qtbot)
    dialog = window.windows.get("delivery")
    assert isinstance(dialog, DeliveryDialog)
    assert dialog.letter is not None and dialog.letter.identifier == identifier
    window.close()


def test_clerks_keep_the_deadline_dashboard(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    window = MainWindow(ctx, staff[Role.CLERK])
    qtbot.addWidget(window)
    assert window.counter_desk is None
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Sprawy", "Terminy"]
    assert date.today()  # the page choice does not depend on the day
