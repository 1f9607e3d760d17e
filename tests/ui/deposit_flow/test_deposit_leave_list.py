"""The list "to leave without consideration" (issuing the notice closes the case), the delay
notice refused while the case waits for the applicant, and the item models."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from clerk_app.domain.cases import CaseStatus, ProxyRelation
from clerk_app.domain.errors import FieldError
from clerk_app.domain.petition_checklist import PetitionItem
from clerk_app.domain.roles import Role
from clerk_app.services.cases.detail import get_case
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.deposit.workflow_types import LeaveCandidate, ScheduleRow
from clerk_app.services.letters.delivery import record_delivery
from clerk_app.services.letters.issue import issue_delay_notice, issue_summons
from clerk_app.ui.case_action_dialogs import delay_notice_spec
from clerk_app.ui.deposit.leave_list_model import (
    COL_DAYS_OVER,
    COL_MISSING,
    COL_SIGNATURE,
    LeaveListModel,
)
from clerk_app.ui.deposit.leave_list_window import LeaveListWindow
from clerk_app.ui.deposit.schedule_model import ScheduleModel
from clerk_app.ui.main_window import MainWindow
from tests.services.deadline_fixtures import set_today
from tests.ui.deposit_flow.deposit_flow_support import (
    open_case,
    record_statement,
    register_petition,
)
from tests.ui.ui_test_support import WAIT_MS, settle, settled


def summoned_case(ctx: AppContext, staff: dict[Role, Actor], clock: object) -> int:
    """A proxy petition lacking the power of attorney and stamp duty, summoned on 3 March,
    the summons delivered on 5 March: the 7 days end on 12 March."""
    clerk = staff[Role.CLERK]
    set_today(clock, date(2026, 3, 2))
    case_id = register_petition(ctx, staff, relation=ProxyRelation.OTHER)
    record_statement(ctx, clerk, case_id)
    set_today(clock, date(2026, 3, 3))
    letter = issue_summons(ctx, clerk, case_id, [PetitionItem.POWER_OF_ATTORNEY.label,
                                                 PetitionItem.STAMP_DUTY.label])
    set_today(clock, date(2026, 3, 6))
    record_delivery(ctx, staff[Role.COUNTER], letter.letter_id, letter.version,
                    date(2026, 3, 5))
    return case_id


def test_leave_list_issues_the_notice_and_the_case_closes(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    case_id = summoned_case(ctx, staff, clock)
    other_id = register_petition(ctx, staff)  # complete: never on the list
    set_today(clock, date(2026, 3, 16))
    main = MainWindow(ctx, clerk)
    qtbot.addWidget(main)
    assert main.act_leave_list.isEnabled()
    window = main.open_leave_list()
    assert isinstance(window, LeaveListWindow)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
    settled(qtbot)  # the housekeeping's broadcast reads the list once more
    signature = get_case(ctx, clerk, case_id).signature
    assert window.model.index(0, COL_SIGNATURE).data() == signature
    assert int(window.model.index(0, COL_DAYS_OVER).data()) >= 1
    missing = str(window.model.index(0, COL_MISSING).data())
    assert "Pełnomocnictwo" in missing and "opłaty skarbowej" in missing
    assert window.leave_button.isEnabled() and window.selected() is not None

    opened: list[int] = []
    window.caseActivated.connect(opened.append)
    rect = window.table.visualRect(window.model.index(0, COL_SIGNATURE))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton,
                      pos=rect.center())  # the press first: a double-click follows one
    assert opened == [case_id]
    settled(qtbot)

    asked: list[str] = []

    def no(_parent: Any, sig: str, _missing: str) -> bool:
        asked.append(sig)
        return False

    window.ask = no
    assert window.leave_selected() is False and asked == [signature]
    assert get_case(ctx, clerk, case_id).status is CaseStatus.AWAITING_COMPLETION
    window.ask = lambda *_args: True
    with qtbot.waitSignal(window.previewShown, timeout=WAIT_MS) as shown:
        settle(qtbot, window.runner, window.leave_button.click)
    assert shown.args[0].pdf.startswith(b"%PDF")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=WAIT_MS)
    assert not window.leave_button.isEnabled()
    assert get_case(ctx, clerk, case_id).status is CaseStatus.CLOSED
    assert get_case(ctx, clerk, other_id).status is not CaseStatus.CLOSED
    main.close()


def test_counter_has_no_leave_list(ctx: AppContext, staff: dict[Role, Actor],
                                   qtbot: QtBot) -> None:
    main = MainWindow(ctx, staff[Role.COUNTER])
    qtbot.addWidget(main)
    assert not main.act_leave_list.isEnabled()


def test_delay_notice_disabled_while_the_case_waits_for_the_applicant(
    qtbot: QtBot, ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    case_id = summoned_case(ctx, staff, clock)
    view = open_case(qtbot, ctx, clerk, case_id)
    panel = view.decision_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.data is not None, timeout=WAIT_MS)
    settled(qtbot)
    assert view.header_values["status"].text() == "Wezwano do uzupełnienia"
    assert not view.letters_tab.delay_button.isEnabled()
    assert not panel.delay_button.isEnabled()
    assert "ponaglenia (art. 37 KPA)" in delay_notice_spec(date(2026, 4, 20)).intro
    with pytest.raises((ValidationFailed, FieldError)) as refused:
        issue_delay_notice(ctx, clerk, case_id, date(2026, 4, 20), "Opinia innego organu")
    fields = refused.value.fields if isinstance(refused.value, ValidationFailed) \
        else [refused.value.key]
    assert "status" in fields


def schedule_rows() -> list[ScheduleRow]:
    return [ScheduleRow(1, date(2026, 4, 10), Decimal("1530.89"), "tysiąc pięćset"),
            ScheduleRow(2, date(2026, 5, 11), Decimal("1530.87"), "tysiąc pięćset")]


def test_models_pass_the_modeltester(qtmodeltester: Any) -> None:
    schedule = ScheduleModel()
    qtmodeltester.check(schedule)
    schedule.set_schedule(schedule_rows())
    qtmodeltester.check(schedule)
    assert schedule.rowCount() == 2 and str(schedule.total()) == "3061.76"
    leave = LeaveListModel()
    qtmodeltester.check(leave)
    leave.set_rows([LeaveCandidate(1, 3, "BGM.1611.1.2026", "Ślęzak Małgorzata",
                                   "L2026000001", date(2026, 3, 12), 4,
                                   (PetitionItem.POWER_OF_ATTORNEY,))])
    qtmodeltester.check(leave)
    assert leave.index(0, COL_MISSING).data().startswith("Pełnomocnictwo")
