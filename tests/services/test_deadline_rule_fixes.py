"""The deadline fixes of the "deadlines as data" change, each failing before it."""

from __future__ import annotations

from datetime import date

from clerk_app.domain.calendar_days_off import DayOffKind
from clerk_app.domain.cases import CaseKind, CaseStatus, DeadlineKind, DeadlineState
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deadlines.actions import (
    list_case_deadlines,
    propose_delay_new_date,
    record_deficiencies_removed,
    start_decision_deadline,
    start_deficiency_deadline,
    start_iok_target,
)
from clerk_app.services.deadlines.days_off import add_day_off
from clerk_app.services.deadlines.report import dashboard_deadlines
from clerk_app.services.letters.delivery import record_delivery
from clerk_app.services.letters.issue import issue_summons
from tests.services.deadline_fixtures import case_row, make_case, set_today


def test_receipt_recorded_after_removal_starts_no_deficiency_deadline(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    """(a) The applicant came in person before the return receipt reached the office."""
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id, received_on=date(2026, 3, 2))
    set_today(clock, date(2026, 3, 3))
    letter = issue_summons(ctx, clerk, case_id, ["Podpis na prośbie"])
    set_today(clock, date(2026, 3, 6))
    record_deficiencies_removed(ctx, clerk, case_id, date(2026, 3, 6))
    set_today(clock, date(2026, 3, 10))
    result = record_delivery(ctx, staff[Role.COUNTER], letter.letter_id, letter.version,
                             date(2026, 3, 5))
    assert result.started_deadline is None
    kinds = [d.kind for d in list_case_deadlines(ctx, clerk, case_id)]
    assert kinds == [DeadlineKind.DECISION]
    assert case_row(ctx, case_id).status == CaseStatus.IN_PROGRESS.value


def test_receipt_of_an_older_summons_starts_nothing(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id, received_on=date(2026, 3, 2))
    first = issue_summons(ctx, clerk, case_id, ["Podpis na prośbie"])
    second = issue_summons(ctx, clerk, case_id, ["Oświadczenie o stanie majątkowym"])
    set_today(clock, date(2026, 3, 6))
    assert record_delivery(ctx, clerk, first.letter_id, first.version,
                           date(2026, 3, 4)).started_deadline is None
    assert record_delivery(ctx, clerk, second.letter_id, second.version,
                           date(2026, 3, 5)).started_deadline is not None


def test_summons_during_consideration_month_and_explanation_agree(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    """(b) The month runs from the complete petition; the waiting days are added; the case's
    completion date, the due date and the explanation tell the same story."""
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id, received_on=date(2026, 3, 2),
                        status=CaseStatus.IN_PROGRESS)
    start_decision_deadline(ctx, clerk, case_id, date(2026, 3, 2))
    set_today(clock, date(2026, 3, 10))
    letter = issue_summons(ctx, clerk, case_id, ["Oświadczenie o stanie majątkowym"])
    set_today(clock, date(2026, 3, 18))
    record_delivery(ctx, clerk, letter.letter_id, letter.version, date(2026, 3, 12))
    decision = record_deficiencies_removed(ctx, clerk, case_id, date(2026, 3, 18)).decision
    assert decision is not None
    assert case_row(ctx, case_id).complete_on == decision.start_on == date(2026, 3, 2)
    lines = decision.explanation_lines
    assert lines[0] == "Zdarzenie początkowe: wpływ kompletnej prośby 02.03.2026"
    assert ("Doliczono dni wstrzymania biegu terminu: 8 – czasu od wezwania do usunięcia "
            "braków nie wlicza się do terminu (koniec bez wstrzymania: 02.04.2026)") in lines
    assert "Koniec nominalny: 10.04.2026" in lines
    assert lines[-1] == "Termin upływa: 10.04.2026"
    assert decision.due_on == date(2026, 4, 10)


def test_suspended_deadline_shows_no_stale_due_date(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    """(c) While the clock stands still there is no due date, in views and on the dashboard."""
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id, received_on=date(2026, 3, 2),
                        status=CaseStatus.IN_PROGRESS, assignee_id=clerk.user_id)
    start_decision_deadline(ctx, clerk, case_id, date(2026, 3, 2))
    set_today(clock, date(2026, 3, 10))
    issue_summons(ctx, clerk, case_id, ["Podpis"])
    (view,) = list_case_deadlines(ctx, clerk, case_id)
    assert view.state is DeadlineState.SUSPENDED
    assert view.due_on is None and view.nominal_end_on is None
    assert view.suspended_on == date(2026, 3, 10)
    assert not [line for line in view.explanation_lines
                if line.startswith(("Termin upływa", "Koniec nominalny"))]
    assert view.explanation_lines[-1].startswith("Bieg terminu wstrzymany od 10.03.2026")
    (row,) = dashboard_deadlines(ctx, clerk, date(2026, 3, 10))
    assert row.due_on is None and row.working_days_left is None and not row.overdue


def test_delay_notice_default_date_comes_from_the_domain(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    """(d) 30 days after the current date, on a day the office works."""
    clerk, admin = staff[Role.CLERK], staff[Role.ADMIN]
    case_id = make_case(ctx, clerk.user_id, received_on=date(2026, 3, 2))
    start_decision_deadline(ctx, clerk, case_id, date(2026, 3, 2))  # due 02.04.2026
    # 02.04 + 30 = 02.05.2026, a Saturday; 03.05 is a holiday (Sunday) → Monday 04.05
    assert propose_delay_new_date(ctx, clerk, case_id) == date(2026, 5, 4)
    add_day_off(ctx, admin, date(2026, 5, 4), "Dzień za 2 maja", DayOffKind.OFFICE_CLOSURE)
    assert propose_delay_new_date(ctx, clerk, case_id) == date(2026, 5, 5)


def test_office_closure_never_moves_a_deadline_but_counts_as_a_day_off(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk, admin = staff[Role.CLERK], staff[Role.ADMIN]
    set_today(clock, date(2026, 3, 17))
    case_id = make_case(ctx, clerk.user_id, assignee_id=clerk.user_id)
    start_deficiency_deadline(ctx, clerk, case_id, date(2026, 3, 17))  # due Tue 24.03
    (before,) = dashboard_deadlines(ctx, clerk, date(2026, 3, 17))
    change = add_day_off(ctx, admin, date(2026, 3, 24), "Urząd nieczynny",
                         DayOffKind.OFFICE_CLOSURE)
    assert change.moved_deadlines == 0
    assert list_case_deadlines(ctx, clerk, case_id)[0].due_on == date(2026, 3, 24)
    (after,) = dashboard_deadlines(ctx, clerk, date(2026, 3, 17))
    assert after.due_on == date(2026, 3, 24)
    assert after.working_days_left == before.working_days_left - 1  # the office is closed
    add_day_off(ctx, admin, date(2026, 3, 23), "Dzień wolny ustawowy", DayOffKind.STATUTORY)
    assert list_case_deadlines(ctx, clerk, case_id)[0].due_on == date(2026, 3, 24)


def test_iok_target_pauses_while_waiting_and_resumes_on_completion(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id, kind=CaseKind.IOK, received_on=date(2026, 3, 2))
    assert start_iok_target(ctx, clerk, case_id).due_on == date(2026, 3, 16)
    set_today(clock, date(2026, 3, 4))
    issue_summons(ctx, clerk, case_id, ["Podpis na wniosku"])  # ZGM's completion request
    target, reply = list_case_deadlines(ctx, clerk, case_id)
    assert target.state is DeadlineState.SUSPENDED and target.due_on is None
    assert reply.kind is DeadlineKind.IOK_REPLY and reply.due_on == date(2026, 3, 18)
    set_today(clock, date(2026, 3, 9))
    record_deficiencies_removed(ctx, clerk, case_id, date(2026, 3, 9))
    target, reply = list_case_deadlines(ctx, clerk, case_id)
    assert reply.state is DeadlineState.MET
    assert target.state is DeadlineState.RUNNING
    assert target.suspended_days == 5
    assert target.due_on == date(2026, 3, 23)  # 16.03 + 5 days of waiting (21.03 Sat) → 23.03
