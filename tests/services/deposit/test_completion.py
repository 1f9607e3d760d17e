"""Completion: supplements and the clerk's edits remove deficiencies on the right day."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from clerk_app.domain.cases import (
    CaseStatus,
    Channel,
    DeadlineKind,
    DeadlineState,
    IncomingKind,
)
from clerk_app.domain.petition_checklist import ItemState, PetitionItem
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied, ValidationFailed
from clerk_app.services.deadlines.actions import list_case_deadlines
from clerk_app.services.deposit.completion import reevaluate_completion
from clerk_app.services.deposit.overview import deposit_overview
from clerk_app.services.deposit.petition import petition_form, save_petition
from clerk_app.services.deposit.statement import save_statement
from clerk_app.services.deposit.statement_types import MemberInput, StatementInput
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake.types import RegistrationInput, ScanUpload
from tests.services.deadline_fixtures import audit_actions, case_row, set_today
from tests.services.deposit.flow import SENDER, register, summon_and_deliver, supplement

Staff = dict[Role, Actor]
PROXY_ITEMS = (PetitionItem.POWER_OF_ATTORNEY, PetitionItem.STAMP_DUTY,
               PetitionItem.PROPERTY_STATEMENT)


def _decision(ctx: AppContext, clerk: Actor, case_id: int):  # type: ignore[no-untyped-def]
    return next(d for d in list_case_deadlines(ctx, clerk, case_id)
                if d.kind is DeadlineKind.DECISION)


def test_paper_statement_counts_and_partial_supplement_keeps_waiting(
        ctx: AppContext, staff: Staff, clock: object) -> None:
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    result = register(ctx, counter, statement=True)
    assert result.case_id is not None
    assert result.missing_items == (PetitionItem.POWER_OF_ATTORNEY, PetitionItem.STAMP_DUTY)
    summon_and_deliver(ctx, clerk, clock, result.case_id)
    partial = supplement(ctx, counter, result.case_id, (PetitionItem.POWER_OF_ATTORNEY,),
                         datetime(2026, 3, 6, 9, tzinfo=UTC))
    assert partial.missing_items == (PetitionItem.STAMP_DUTY,)
    view = deposit_overview(ctx, clerk, result.case_id)
    assert view.status is CaseStatus.AWAITING_COMPLETION
    assert view.deficiency_due == date(2026, 3, 12) and view.decision_due is None
    states = {line.item: line.state for line in view.checklist}
    assert states[PetitionItem.PROPERTY_STATEMENT] is ItemState.PRESENT


def test_counter_supplement_counts_on_its_office_day_not_the_click(
        ctx: AppContext, staff: Staff, clock: object) -> None:
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    case_id = register(ctx, counter).case_id
    assert case_id is not None
    summon_and_deliver(ctx, clerk, clock, case_id)
    set_today(clock, date(2026, 3, 13))  # registered later than it arrived
    # 23:30 UTC on 10 March is 11 March in Warsaw.
    supplement(ctx, counter, case_id, PROXY_ITEMS, datetime(2026, 3, 10, 23, 30, tzinfo=UTC))
    assert case_row(ctx, case_id).complete_on == date(2026, 3, 11)
    decision = _decision(ctx, clerk, case_id)
    assert decision.due_on == date(2026, 4, 13)  # 11 April is a Saturday
    assert "Zdarzenie początkowe: usunięcie braków formalnych 11.03.2026" \
        in decision.explanation_lines
    removed = [c for e, a, c in audit_actions(ctx, case_id) if a == "deficiencies_removed"]
    assert removed and removed[0]["status"] == ["awaiting_completion", "in_progress"]


def test_late_completion_before_the_notice_is_accepted(
        ctx: AppContext, staff: Staff, clock: object) -> None:
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    case_id = register(ctx, counter).case_id
    assert case_id is not None
    summon_and_deliver(ctx, clerk, clock, case_id)
    set_today(clock, date(2026, 3, 20))
    supplement(ctx, counter, case_id, PROXY_ITEMS, datetime(2026, 3, 20, 9, tzinfo=UTC))
    view = deposit_overview(ctx, clerk, case_id)
    assert view.status is CaseStatus.IN_PROGRESS and view.actions.can_decide
    deficiency = next(d for d in list_case_deadlines(ctx, clerk, case_id)
                      if d.kind is DeadlineKind.DEFICIENCY)
    assert deficiency.state is DeadlineState.MISSED and deficiency.closed_on == date(2026, 3, 20)
    assert _decision(ctx, clerk, case_id).due_on == date(2026, 4, 20)


def test_summons_during_consideration_resumes_the_month(
        ctx: AppContext, staff: Staff, clock: object) -> None:
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    case_id = register(ctx, counter, proxy=False, statement=True).case_id
    assert case_id is not None
    assert _decision(ctx, clerk, case_id).due_on == date(2026, 4, 2)
    version = petition_form(ctx, clerk, case_id).version
    save_petition(ctx, clerk, case_id, version, replace(
        petition_form(ctx, clerk, case_id).data, signed=False))
    summon_and_deliver(ctx, clerk, clock, case_id)
    supplement(ctx, counter, case_id, (PetitionItem.PETITION_SIGNED,),
               datetime(2026, 3, 9, 9, tzinfo=UTC))
    decision = _decision(ctx, clerk, case_id)
    assert decision.state is DeadlineState.RUNNING
    assert decision.due_on == date(2026, 4, 8)  # 2 April + 6 days of waiting (3–9 March)
    assert any(line.startswith("Doliczono dni wstrzymania biegu terminu: 6") for line in
               decision.explanation_lines)


def test_statement_signed_in_the_editor_completes_on_the_supplement_day(
        ctx: AppContext, staff: Staff, clock: object) -> None:
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    case_id = register(ctx, counter, proxy=False).case_id
    assert case_id is not None
    summon_and_deliver(ctx, clerk, clock, case_id)
    supplement(ctx, counter, case_id, (), datetime(2026, 3, 9, 9, tzinfo=UTC),
               posted_on=date(2026, 3, 7))
    assert deposit_overview(ctx, clerk, case_id).missing == (PetitionItem.PROPERTY_STATEMENT,)
    set_today(clock, date(2026, 3, 10))
    statement = StatementInput(date(2026, 3, 6), (MemberInput("Małgorzata Ślęzak", "wnioskodawca",
                                                              None, None, ()),))
    save_statement(ctx, clerk, case_id, 0, statement)
    view = deposit_overview(ctx, clerk, case_id)
    assert view.status is CaseStatus.IN_PROGRESS
    assert case_row(ctx, case_id).complete_on == date(2026, 3, 7)  # the posting date
    again = reevaluate_completion(ctx, clerk, case_id)  # nothing more happens
    assert again.status is CaseStatus.IN_PROGRESS and again.case_version == view.case_version


def test_reevaluate_needs_a_clerk(ctx: AppContext, staff: Staff) -> None:
    case_id = register(ctx, staff[Role.COUNTER]).case_id
    assert case_id is not None
    with pytest.raises(PermissionDenied):
        reevaluate_completion(ctx, staff[Role.COUNTER], case_id)


def test_failed_supplement_marks_nothing(ctx: AppContext, staff: Staff, clock: object,
                                         tmp_path: Path) -> None:
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    case_id = register(ctx, counter).case_id
    assert case_id is not None
    summon_and_deliver(ctx, clerk, clock, case_id)
    before = deposit_overview(ctx, clerk, case_id)
    bad = tmp_path / "skan.exe"
    bad.write_bytes(b"MZ not a scan")
    with pytest.raises(ValidationFailed):
        intake.register_item(ctx, counter, RegistrationInput(
            received_at=datetime(2026, 3, 6, 9, tzinfo=UTC), channel=Channel.COUNTER_B92,
            kind=IncomingKind.SUPPLEMENT, sender=SENDER, subject="Uzupełnienie",
            case_id=case_id, supplement_items=PROXY_ITEMS, scans=(ScanUpload(bad),)))
    after = deposit_overview(ctx, clerk, case_id)
    assert after == before


def test_supplement_for_a_closed_case_only_warns(ctx: AppContext, staff: Staff,
                                                 clock: object) -> None:
    from clerk_app.services.deposit.leave import leave_without_consideration

    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    case_id = register(ctx, counter).case_id
    assert case_id is not None
    summon_and_deliver(ctx, clerk, clock, case_id)
    set_today(clock, date(2026, 3, 16))
    leave_without_consideration(ctx, clerk, case_id,
                                deposit_overview(ctx, clerk, case_id).case_version)
    result = supplement(ctx, counter, case_id, PROXY_ITEMS, datetime(2026, 3, 16, 9, tzinfo=UTC))
    assert result.warnings and "zakończona" in result.warnings[0]
    assert deposit_overview(ctx, clerk, case_id).status is CaseStatus.CLOSED


def test_posting_date_is_checked_against_the_office_day(ctx: AppContext, staff: Staff,
                                                        clock: object) -> None:
    """Defect: a letter posted on 11 March and received at 00:30 Warsaw time on 11 March
    (23:30 UTC on the 10th) was refused as "posted after it was received"."""
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    case_id = register(ctx, counter).case_id
    assert case_id is not None
    summon_and_deliver(ctx, clerk, clock, case_id)
    set_today(clock, date(2026, 3, 11))
    supplement(ctx, counter, case_id, PROXY_ITEMS, datetime(2026, 3, 10, 23, 30, tzinfo=UTC),
               posted_on=date(2026, 3, 11))
    assert case_row(ctx, case_id).complete_on == date(2026, 3, 11)


def test_reconsideration_needs_its_case(ctx: AppContext, staff: Staff) -> None:
    with pytest.raises(ValidationFailed) as err:
        intake.register_item(ctx, staff[Role.COUNTER], RegistrationInput(
            received_at=datetime(2026, 3, 2, 9, tzinfo=UTC), channel=Channel.COUNTER_B92,
            kind=IncomingKind.RECONSIDERATION, sender=SENDER, subject="Podanie"))
    assert err.value.fields == ["case_id"]


def test_supplement_for_a_case_without_a_recorded_petition_is_registered(
        ctx: AppContext, staff: Staff) -> None:
    from tests.services.deadline_fixtures import make_case

    case_id = make_case(ctx, staff[Role.CLERK].user_id, status=CaseStatus.AWAITING_COMPLETION)
    result = supplement(ctx, staff[Role.COUNTER], case_id, PROXY_ITEMS,
                        datetime(2026, 3, 2, 9, tzinfo=UTC))
    assert result.case_id == case_id and result.missing_items == ()
    assert case_row(ctx, case_id).status == CaseStatus.AWAITING_COMPLETION


def test_supplement_before_any_summons_starts_the_month(ctx: AppContext, staff: Staff,
                                                        clock: object) -> None:
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    case_id = register(ctx, counter, proxy=False).case_id
    assert case_id is not None
    assert deposit_overview(ctx, clerk, case_id).decision_due is None
    set_today(clock, date(2026, 3, 4))
    supplement(ctx, counter, case_id, (PetitionItem.PROPERTY_STATEMENT,),
               datetime(2026, 3, 4, 9, tzinfo=UTC))
    view = deposit_overview(ctx, clerk, case_id)
    assert view.status is CaseStatus.IN_PROGRESS and view.decision_due == date(2026, 4, 7)
    assert "Zdarzenie początkowe: wpływ kompletnej prośby 04.03.2026" \
        in _decision(ctx, clerk, case_id).explanation_lines
