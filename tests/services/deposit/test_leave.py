"""Leaving a petition without consideration: only after the 7 days passed unmet."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from clerk_app.domain.cases import CaseStatus, DeadlineKind, DeadlineState
from clerk_app.domain.petition_checklist import PetitionItem
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import Letter
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, PermissionDenied, ValidationFailed
from clerk_app.services.deadlines.actions import list_case_deadlines
from clerk_app.services.deposit.leave import cases_to_leave, leave_without_consideration
from clerk_app.services.deposit.overview import deposit_overview
from clerk_app.services.letters.issue import issue_summons
from tests.services.deadline_fixtures import audit_actions, case_row, set_today
from tests.services.deposit.flow import register, summon_and_deliver

Staff = dict[Role, Actor]


def _letters(ctx: AppContext, case_id: int) -> int:
    with ctx.db.read() as session:
        return session.scalar(select(func.count()).select_from(Letter)
                              .where(Letter.case_id == case_id)) or 0


def test_notice_closes_the_case_with_its_settlement(ctx: AppContext, staff: Staff,
                                                    clock: object) -> None:
    clerk = staff[Role.CLERK]
    case_id = register(ctx, staff[Role.COUNTER]).case_id
    assert case_id is not None
    summons = summon_and_deliver(ctx, clerk, clock, case_id)
    set_today(clock, date(2026, 3, 13))
    (candidate,) = cases_to_leave(ctx, clerk)
    assert candidate.summons_identifier == summons.identifier
    assert candidate.applicant == "Małgorzata Ślęzak" and candidate.days_over == 1
    assert set(candidate.missing) == {PetitionItem.POWER_OF_ATTORNEY, PetitionItem.STAMP_DUTY,
                                      PetitionItem.PROPERTY_STATEMENT}
    assert deposit_overview(ctx, clerk, case_id).actions.can_leave_without_consideration
    letter = leave_without_consideration(ctx, clerk, case_id, candidate.case_version)
    body = letter.document.body
    assert "pozostaje bez rozpoznania" in body.paragraphs[0]
    assert summons.identifier in body.paragraphs[1] and "12.03.2026" in body.paragraphs[1]
    assert PetitionItem.POWER_OF_ATTORNEY.label in body.items
    assert body.legal_basis.startswith("art. 64 § 2 Kodeksu postępowania administracyjnego")
    assert letter.document.header.addressee_lines[0] == "Anna Kowalska"
    row = case_row(ctx, case_id)
    assert row.status == CaseStatus.CLOSED and row.settled_on == date(2026, 3, 13)
    assert row.settlement_remarks.startswith("Pozostawiono bez rozpoznania (L2026")
    statuses = [c["status"] for _e, a, c in audit_actions(ctx, case_id)
                if a == "left_without_consideration" and "status" in c]
    assert statuses == [["awaiting_completion", "left_without_consideration"],
                        ["left_without_consideration", "closed"]]
    states = {d.kind: d.state for d in list_case_deadlines(ctx, clerk, case_id)}
    assert states[DeadlineKind.DEFICIENCY] is DeadlineState.MISSED


def test_refused_while_the_seven_days_run(ctx: AppContext, staff: Staff,
                                          clock: object) -> None:
    clerk = staff[Role.CLERK]
    case_id = register(ctx, staff[Role.COUNTER]).case_id
    assert case_id is not None
    summon_and_deliver(ctx, clerk, clock, case_id)
    set_today(clock, date(2026, 3, 12))  # the last day of the 7
    assert cases_to_leave(ctx, clerk) == []
    version = deposit_overview(ctx, clerk, case_id).case_version
    assert not deposit_overview(ctx, clerk, case_id).actions.can_leave_without_consideration
    with pytest.raises(ValidationFailed) as err:
        leave_without_consideration(ctx, clerk, case_id, version)
    assert err.value.fields == ["status"] and "12.03.2026" in err.value.message
    assert _letters(ctx, case_id) == 1  # only the summons: nothing half-saved
    assert case_row(ctx, case_id).status == CaseStatus.AWAITING_COMPLETION


def test_refused_before_delivery_and_for_a_complete_case(ctx: AppContext, staff: Staff,
                                                         clock: object) -> None:
    clerk = staff[Role.CLERK]
    waiting = register(ctx, staff[Role.COUNTER]).case_id
    assert waiting is not None
    issue_summons(ctx, clerk, waiting, ["Pełnomocnictwo"])
    set_today(clock, date(2026, 4, 1))
    with pytest.raises(ValidationFailed, match="nie biegnie"):
        leave_without_consideration(ctx, clerk, waiting,
                                    deposit_overview(ctx, clerk, waiting).case_version)
    complete = register(ctx, staff[Role.COUNTER], proxy=False, statement=True).case_id
    assert complete is not None
    with pytest.raises(ValidationFailed) as err:
        leave_without_consideration(ctx, clerk, complete,
                                    deposit_overview(ctx, clerk, complete).case_version)
    assert err.value.fields == ["status"]


def test_stale_version_and_counter_are_refused(ctx: AppContext, staff: Staff,
                                               clock: object) -> None:
    clerk = staff[Role.CLERK]
    case_id = register(ctx, staff[Role.COUNTER]).case_id
    assert case_id is not None
    summon_and_deliver(ctx, clerk, clock, case_id)
    set_today(clock, date(2026, 3, 16))
    version = deposit_overview(ctx, clerk, case_id).case_version
    with pytest.raises(ConflictError):
        leave_without_consideration(ctx, clerk, case_id, version - 1)
    with pytest.raises(PermissionDenied):
        cases_to_leave(ctx, staff[Role.COUNTER])
    with pytest.raises(PermissionDenied):
        leave_without_consideration(ctx, staff[Role.COUNTER], case_id, version)
    assert _letters(ctx, case_id) == 1


def test_a_second_summons_counts_from_its_own_delivery(ctx: AppContext, staff: Staff,
                                                       clock: object) -> None:
    from clerk_app.services.letters.delivery import record_delivery

    clerk = staff[Role.CLERK]
    case_id = register(ctx, staff[Role.COUNTER]).case_id
    assert case_id is not None
    summon_and_deliver(ctx, clerk, clock, case_id)  # 7 days end on 12 March
    set_today(clock, date(2026, 3, 10))
    second = issue_summons(ctx, clerk, case_id, ["Pełnomocnictwo (oryginał)"])
    set_today(clock, date(2026, 3, 11))
    record_delivery(ctx, clerk, second.letter_id, second.version, date(2026, 3, 11))
    set_today(clock, date(2026, 3, 16))  # the first period is over, the second is not
    assert cases_to_leave(ctx, clerk) == []
    assert deposit_overview(ctx, clerk, case_id).deficiency_due == date(2026, 3, 18)
    set_today(clock, date(2026, 3, 19))
    (candidate,) = cases_to_leave(ctx, clerk)
    assert candidate.summons_identifier == second.identifier and candidate.days_over == 1
