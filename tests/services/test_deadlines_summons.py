"""Summons → delivery → 7-day deficiency deadline; removal → decision deadline."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.documents.letters import render_letter
from clerk_app.domain.cases import CaseKind, CaseStatus, DeadlineKind, DeadlineState
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied, ValidationFailed
from clerk_app.services.deadlines.actions import (
    list_case_deadlines,
    record_deficiencies_removed,
    start_decision_deadline,
)
from clerk_app.services.letters.delivery import record_delivery, record_not_collected
from clerk_app.services.letters.issue import issue_summons
from tests.services.deadline_fixtures import (
    audit_actions,
    case_row,
    deadline_rows,
    make_case,
    set_today,
)


def test_summons_delivered_on_17_december_gives_29_december(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    set_today(clock, date(2025, 12, 10))
    case_id = make_case(ctx, clerk.user_id, received_on=date(2025, 12, 8),
                        assignee_id=clerk.user_id)
    letter = issue_summons(ctx, clerk, case_id, ["Oświadczenie o stanie majątkowym", " "])
    assert letter.identifier == "L2025000001"
    assert render_letter(letter.document).startswith(b"%PDF")
    assert case_row(ctx, case_id).status == CaseStatus.AWAITING_COMPLETION.value

    set_today(clock, date(2025, 12, 18))
    result = record_delivery(ctx, staff[Role.COUNTER], letter.letter_id, letter.version,
                             date(2025, 12, 17))
    deadline = result.started_deadline
    assert deadline is not None
    assert deadline.kind is DeadlineKind.DEFICIENCY
    assert deadline.state is DeadlineState.RUNNING
    assert deadline.due_on == date(2025, 12, 29)
    assert deadline.nominal_end_on == date(2025, 12, 24)
    assert deadline.letter_id == letter.letter_id
    lines = deadline.explanation_lines
    assert lines[0] == "Zdarzenie początkowe: doręczenie wezwania (data z ZPO) 17.12.2025"
    assert "Pominięto: 24.12.2025 Wigilia Bożego Narodzenia" in lines
    assert "Pominięto: 27.12.2025 sobota" in lines
    assert lines[-1] == "Termin upływa: 29.12.2025"
    assert case_row(ctx, case_id).next_deadline == date(2025, 12, 29)
    stored = deadline_rows(ctx, case_id)[0]
    # The structure is stored; the explanation is produced from it when read.
    assert (stored.start_event, stored.start_on, stored.period_count, stored.period_unit) == (
        "summons_delivered", date(2025, 12, 17), 7, "days")
    assert stored.due_on == date(2025, 12, 29)
    assert list_case_deadlines(ctx, clerk, case_id)[0].explanation_lines == lines
    actions = [(e, a) for e, a, _ in audit_actions(ctx, case_id)]
    assert ("letters", "issue") in actions
    assert ("letters", "delivery") in actions
    assert ("deadlines", "start") in actions


def test_not_collected_deemed_delivery_then_seven_days(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    set_today(clock, date(2026, 3, 16))
    case_id = make_case(ctx, clerk.user_id, received_on=date(2026, 3, 12))
    letter = issue_summons(ctx, clerk, case_id, ["Pełnomocnictwo"])
    set_today(clock, date(2026, 4, 8))
    # first notice on Saturday 21.03.2026: 14 days → Sat 04.04, Easter 05–06.04 → 07.04
    result = record_not_collected(ctx, clerk, letter.letter_id, letter.version,
                                  date(2026, 3, 21))
    assert result.letter.deemed_delivered_on == date(2026, 4, 7)
    assert result.letter.first_notice_on == date(2026, 3, 21)
    assert result.letter.effective_delivery == date(2026, 4, 7)
    deadline = result.started_deadline
    assert deadline is not None
    assert deadline.start_on == date(2026, 4, 7)
    assert deadline.due_on == date(2026, 4, 14)
    text = "\n".join(deadline.explanation_lines)
    assert "Doręczenie: pierwsze awizo 21.03.2026" in text
    assert "07.04.2026" in text and "art. 44 KPA" in text


def test_delivery_date_before_the_letter_is_refused(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id)
    letter = issue_summons(ctx, clerk, case_id, ["Podpis"])
    with pytest.raises(ValidationFailed) as err:
        record_delivery(ctx, clerk, letter.letter_id, letter.version, date(2026, 2, 27))
    assert err.value.fields == ["delivered_on"]
    assert deadline_rows(ctx, case_id) == []


def test_counter_may_record_delivery_but_not_issue_summons(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    case_id = make_case(ctx, staff[Role.CLERK].user_id)
    with pytest.raises(PermissionDenied):
        issue_summons(ctx, staff[Role.COUNTER], case_id, ["Podpis"])
    with pytest.raises(ValidationFailed) as err:
        issue_summons(ctx, staff[Role.CLERK], case_id, ["  "])
    assert "Braki formalne" in err.value.message


def test_decision_deadline_excludes_the_waiting_time(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id, received_on=date(2026, 3, 2))
    decision = start_decision_deadline(ctx, clerk, case_id, date(2026, 3, 2))
    assert decision.due_on == date(2026, 4, 2)

    set_today(clock, date(2026, 3, 10))
    letter = issue_summons(ctx, clerk, case_id, ["Oświadczenie o stanie majątkowym"])
    suspended = next(d for d in list_case_deadlines(ctx, clerk, case_id)
                 if d.kind is DeadlineKind.DECISION)
    assert suspended.state is DeadlineState.SUSPENDED
    assert suspended.suspended_on == date(2026, 3, 10)
    assert case_row(ctx, case_id).next_deadline is None

    set_today(clock, date(2026, 3, 12))
    record_delivery(ctx, clerk, letter.letter_id, letter.version, date(2026, 3, 12))
    assert case_row(ctx, case_id).next_deadline == date(2026, 3, 19)

    set_today(clock, date(2026, 3, 18))
    removed = record_deficiencies_removed(ctx, clerk, case_id, date(2026, 3, 18))
    assert [d.state for d in removed.closed] == [DeadlineState.MET]
    assert removed.suspended_days_added == 8
    resumed = removed.decision
    assert resumed is not None and resumed.state is DeadlineState.RUNNING
    # 02.04.2026 + 8 days of waiting (10.03–18.03) = 10.04.2026 (Friday)
    assert resumed.due_on == date(2026, 4, 10)
    assert resumed.suspended_days == 8
    assert "Wstrzymanie: 10.03.2026 – 18.03.2026 (8 dni), oczekiwanie na usunięcie braków" \
        in resumed.explanation_lines
    assert any(line.startswith("Doliczono dni wstrzymania biegu terminu: 8")
               for line in resumed.explanation_lines)
    case = case_row(ctx, case_id)
    assert case.status == CaseStatus.IN_PROGRESS.value
    assert case.next_deadline == date(2026, 4, 10)
    actions = [a for e, a, _ in audit_actions(ctx, case_id, "deadlines")]
    assert actions == ["start", "suspend", "start", "close", "resume"]


def test_incomplete_petition_decision_runs_from_removal(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id, received_on=date(2026, 1, 20))
    set_today(clock, date(2026, 1, 21))
    letter = issue_summons(ctx, clerk, case_id, ["Podpis na prośbie"])
    set_today(clock, date(2026, 1, 31))
    record_delivery(ctx, clerk, letter.letter_id, letter.version, date(2026, 1, 23))
    removed = record_deficiencies_removed(ctx, clerk, case_id, date(2026, 1, 31))
    # deficiency due 30.01 → removed 31.01: late (accepted), recorded as missed
    assert [d.state for d in removed.closed] == [DeadlineState.MISSED]
    decision = removed.decision
    assert decision is not None
    assert decision.start_event == "usunięcie braków formalnych"
    # 31.01.2026 + 1 month → 28.02.2026 (Saturday) → 02.03.2026
    assert decision.due_on == date(2026, 3, 2)
    assert case_row(ctx, case_id).complete_on == date(2026, 1, 31)


def test_iok_request_goes_back_to_registered(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id, kind=CaseKind.IOK)
    issue_summons(ctx, clerk, case_id, ["Podpis na wniosku"])
    removed = record_deficiencies_removed(ctx, clerk, case_id, date(2026, 3, 2))
    assert removed.decision is None
    assert case_row(ctx, case_id).status == CaseStatus.REGISTERED.value
