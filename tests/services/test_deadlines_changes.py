"""Manual extension, one-off days off, missed deadlines, delay notice, stale versions."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.documents.letters import render_letter
from clerk_app.domain.cases import DeadlineKind, DeadlineState
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, PermissionDenied, ValidationFailed
from clerk_app.services.deadlines.actions import (
    extend_deadline,
    list_case_deadlines,
    mark_deadline_met,
    refresh_missed,
    start_decision_deadline,
    start_deficiency_deadline,
)
from clerk_app.services.deadlines.days_off import add_day_off, list_days_off, remove_day_off
from clerk_app.services.letters.issue import issue_delay_notice
from tests.services.deadline_fixtures import (
    audit_actions,
    case_row,
    deadline_rows,
    make_case,
    set_today,
)


def test_extension_needs_a_reason_and_is_audited(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id)
    deadline = start_deficiency_deadline(ctx, clerk, case_id, date(2026, 3, 2))
    assert deadline.due_on == date(2026, 3, 9)
    before = audit_actions(ctx, case_id)

    with pytest.raises(ValidationFailed) as err:
        extend_deadline(ctx, clerk, deadline.id, deadline.version, date(2026, 3, 16), "  ")
    assert err.value.fields == ["reason"]
    assert err.value.message == "Pole „Powód przedłużenia”: Podaj powód przedłużenia terminu."
    assert deadline_rows(ctx, case_id)[0].due_on == date(2026, 3, 9)
    assert deadline_rows(ctx, case_id)[0].version == deadline.version
    assert audit_actions(ctx, case_id) == before

    with pytest.raises(ValidationFailed) as err:
        extend_deadline(ctx, clerk, deadline.id, deadline.version, date(2026, 3, 14),
                        "prośba strony")
    assert err.value.fields == ["new_due"]  # a Saturday

    extended = extend_deadline(ctx, clerk, deadline.id, deadline.version, date(2026, 3, 16),
                               "Prośba strony z 02.03.2026 (pobyt w szpitalu)")
    assert extended.due_on == date(2026, 3, 16)
    assert extended.state is DeadlineState.RUNNING
    assert extended.extended_reason == "Prośba strony z 02.03.2026 (pobyt w szpitalu)"
    assert "Poprzedni termin: 09.03.2026 (przedłużono 02.03.2026)" in extended.explanation_lines
    assert any("Prośba strony" in line for line in extended.explanation_lines)
    assert case_row(ctx, case_id).next_deadline == date(2026, 3, 16)
    entries = [(a, c) for e, a, c in audit_actions(ctx, case_id, "deadlines")]
    action, changes = entries[-1]
    assert action == "extend"
    assert changes["due_on"] == ["2026-03-09", "2026-03-16"]
    assert changes["reason"][1].startswith("Prośba strony")

    with pytest.raises(ConflictError):
        extend_deadline(ctx, clerk, deadline.id, deadline.version, date(2026, 3, 17), "x")


def test_day_off_moves_open_deadline_and_back(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk, admin = staff[Role.CLERK], staff[Role.ADMIN]
    set_today(clock, date(2026, 3, 17))
    moving = make_case(ctx, clerk.user_id)
    staying = make_case(ctx, clerk.user_id)
    d1 = start_deficiency_deadline(ctx, clerk, moving, date(2026, 3, 17))  # due 24.03 (Tue)
    d2 = start_deficiency_deadline(ctx, clerk, staying, date(2026, 3, 16))  # due 23.03
    assert (d1.due_on, d2.due_on) == (date(2026, 3, 24), date(2026, 3, 23))

    with pytest.raises(PermissionDenied):
        add_day_off(ctx, clerk, date(2026, 3, 24), "Dzień wolny")
    with pytest.raises(ValidationFailed) as err:
        add_day_off(ctx, admin, date(2026, 3, 24), " ")
    assert err.value.fields == ["name"]
    with pytest.raises(ValidationFailed):
        add_day_off(ctx, admin, date(2026, 3, 22), "niedziela")

    change = add_day_off(ctx, admin, date(2026, 3, 24), "Dzień wolny za święto w sobotę")
    assert change.moved_deadlines == 1
    moved = list_case_deadlines(ctx, clerk, moving)[0]
    assert moved.due_on == date(2026, 3, 25)
    assert "Pominięto: 24.03.2026 Dzień wolny za święto w sobotę" in moved.explanation_lines
    assert moved.explanation_lines[-1] == "Termin upływa: 25.03.2026"
    assert case_row(ctx, moving).next_deadline == date(2026, 3, 25)
    assert list_case_deadlines(ctx, clerk, staying)[0].due_on == date(2026, 3, 23)
    recomputed = [c for e, a, c in audit_actions(ctx, moving, "deadlines") if a == "recompute"]
    assert recomputed and recomputed[0]["due_on"] == ["2026-03-24", "2026-03-25"]
    assert [(e, a) for e, a, _ in audit_actions(ctx, entity="days_off")] == [
        ("days_off", "create")]

    days = list_days_off(ctx, admin)
    assert [d.day for d in days] == [date(2026, 3, 24)]
    assert remove_day_off(ctx, admin, days[0].id).moved_deadlines == 1
    back = list_case_deadlines(ctx, clerk, moving)[0]
    assert back.due_on == date(2026, 3, 24)
    assert not any("Dzień wolny za" in line for line in back.explanation_lines)


def test_refresh_missed_and_mark_met(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id)
    deadline = start_deficiency_deadline(ctx, clerk, case_id, date(2026, 3, 2))
    assert refresh_missed(ctx, date(2026, 3, 9)) == 0
    assert refresh_missed(ctx, date(2026, 3, 10)) == 1
    missed = list_case_deadlines(ctx, clerk, case_id)[0]
    assert missed.state is DeadlineState.MISSED and missed.closed_on is None
    assert case_row(ctx, case_id).next_deadline == date(2026, 3, 9)  # still listed: overdue
    set_today(clock, date(2026, 3, 11))
    closed = mark_deadline_met(ctx, clerk, deadline.id, missed.version, date(2026, 3, 11))
    assert closed.state is DeadlineState.MISSED and closed.closed_on == date(2026, 3, 11)
    assert case_row(ctx, case_id).next_deadline is None


def test_delay_notice_replaces_decision_deadline(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id)
    start_decision_deadline(ctx, clerk, case_id, date(2026, 3, 2))
    set_today(clock, date(2026, 3, 30))
    with pytest.raises(ValidationFailed) as err:
        issue_delay_notice(ctx, clerk, case_id, date(2026, 4, 20), "")
    assert err.value.fields == ["reason"]
    assert err.value.message == ("Pole „Przyczyna zwłoki”: Podaj przyczynę niezałatwienia "
                                 "sprawy w terminie.")
    letter = issue_delay_notice(ctx, clerk, case_id, date(2026, 4, 20),
                                "Oczekiwanie na opinię Zakładu Gospodarki Mieszkaniowej.")
    assert render_letter(letter.document).startswith(b"%PDF")
    rows = list_case_deadlines(ctx, clerk, case_id)
    by_kind = {d.kind: d for d in rows}
    assert by_kind[DeadlineKind.DECISION].state is DeadlineState.CANCELLED
    new = by_kind[DeadlineKind.DELAY_NEW_DATE]
    assert new.state is DeadlineState.RUNNING and new.due_on == date(2026, 4, 20)
    assert new.letter_id == letter.letter_id
    assert f"Poprzedni termin: 02.04.2026 (zawiadomienie {letter.identifier})" \
        in new.explanation_lines
    assert case_row(ctx, case_id).next_deadline == date(2026, 4, 20)
