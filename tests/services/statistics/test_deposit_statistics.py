"""Deposit statistics on SQLite and PostgreSQL: cases by month and state, decision deadlines
met and missed, the median days from the complete petition to the first decision, deadlines
per clerk, the year filter, the role check; the workbook read back with openpyxl; the whole
read checked against the demo data counted row by row in Python."""

from __future__ import annotations

import io
import statistics
from datetime import UTC, date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from clerk_app.demo.generator import generate_demo_data
from clerk_app.documents.deposit_statistics_xlsx import statistics_workbook
from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import CaseKind, CaseStatus, DeadlineKind, DeadlineState, PeriodUnit
from clerk_app.domain.deposit_statistics import STATES, median_of_counts, state_months
from clerk_app.domain.roles import Role
from clerk_app.domain.settlement import DecisionKind
from clerk_app.persistence.models import Case, Deadline, DepositDecision
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied, ValidationFailed
from clerk_app.services.statistics.deposit import UNASSIGNED, deposit_statistics
from tests.services.deadline_fixtures import make_case

S = {s: i for i, s in enumerate(STATES)}
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def deposit_case(ctx: AppContext, by: int, received: date, status: CaseStatus,
                 assignee: int | None, complete: date | None = None,
                 decided: tuple[date, ...] = (),
                 deadlines: tuple[tuple[DeadlineKind, DeadlineState], ...] = (),
                 kind: CaseKind = CaseKind.DEPOSIT) -> int:
    """A case with its complete date, decisions (the earlier ones superseded) and deadlines."""
    case_id = make_case(ctx, by, kind=kind, received_on=received, status=status,
                        assignee_id=assignee)
    with ctx.db.transaction() as session:
        case = session.get(Case, case_id)
        assert case is not None
        case.complete_on = complete
        for n, day in enumerate(decided):
            later = decided[n + 1] if n + 1 < len(decided) else None
            session.add(DepositDecision(
                case_id=case_id, kind=DecisionKind.REFUSAL if later else DecisionKind.CONSENT,
                decided_on=day, superseded_on=later, created_at=NOW, created_by_id=by))
        for deadline_kind, state in deadlines:
            start = complete or received
            session.add(Deadline(
                case_id=case_id, kind=deadline_kind, state=state,
                start_event=CaseEvent.PETITION_COMPLETE, start_on=start, period_count=1,
                period_unit=PeriodUnit.MONTHS, due_on=start + timedelta(days=31),
                closed_on=start if state in (DeadlineState.MET, DeadlineState.MISSED)
                else None))
    return case_id


def fill(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    clerk, boss = staff[Role.CLERK].user_id, staff[Role.SUPERVISOR].user_id
    dec, dfc = DeadlineKind.DECISION, DeadlineKind.DEFICIENCY
    met, missed = DeadlineState.MET, DeadlineState.MISSED
    deposit_case(ctx, boss, date(2026, 1, 5), CaseStatus.CLOSED, clerk, date(2026, 1, 10),
                 (date(2026, 1, 20),), ((dec, met), (dfc, met)))  # 10 days
    deposit_case(ctx, boss, date(2026, 1, 20), CaseStatus.REFUSAL, clerk, date(2026, 1, 25),
                 (date(2026, 3, 1), date(2026, 4, 1)), ((dec, missed),))  # 35 (first)
    deposit_case(ctx, boss, date(2026, 2, 3), CaseStatus.IN_PROGRESS, boss, date(2026, 2, 3),
                 (), ((dec, DeadlineState.RUNNING), (dfc, missed)))
    deposit_case(ctx, boss, date(2026, 2, 10), CaseStatus.AWAITING_COMPLETION, None,
                 deadlines=((dfc, met), (dfc, DeadlineState.CANCELLED)))
    deposit_case(ctx, boss, date(2025, 12, 30), CaseStatus.CONSENT, clerk, date(2025, 12, 30),
                 (date(2026, 1, 3),), ((dec, met),))  # 4 days
    deposit_case(ctx, boss, date(2026, 1, 7), CaseStatus.LOGIN_SENT, clerk,
                 deadlines=((DeadlineKind.IOK_TARGET, met),), kind=CaseKind.IOK)  # not counted


def test_statistics_of_a_year(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    fill(ctx, staff)
    stats = deposit_statistics(ctx, staff[Role.SUPERVISOR], 2026)
    assert stats.year == 2026 and stats.as_of == date(2026, 3, 2)
    assert stats.years == (2025, 2026)
    assert [m.month for m in stats.months] == [date(2026, m, 1) for m in range(1, 13)]
    jan, feb = stats.months[0], stats.months[1]
    assert jan.total == 2 and jan.counts[S[CaseStatus.CLOSED]] == 1
    assert jan.counts[S[CaseStatus.REFUSAL]] == 1
    assert (jan.decision_met, jan.decision_missed, jan.decided_in_time) == (1, 1, 0.5)
    assert feb.total == 2 and feb.counts[S[CaseStatus.IN_PROGRESS]] == 1
    assert feb.counts[S[CaseStatus.AWAITING_COMPLETION]] == 1
    assert feb.decided_in_time is None  # a running decision month does not count
    assert stats.cases == 4 and sum(m.total for m in stats.months[2:]) == 0
    assert stats.decided == 2 and stats.median_days_to_decision == 22.5  # 10, 35
    assert [(c.name, c.met, c.missed) for c in stats.clerks] == [
        ("Józef Żółkiewski", 2, 1), ("Krystyna Kierownik", 0, 1), (UNASSIGNED, 1, 0)]
    assert stats.clerks[0].user_id == staff[Role.CLERK].user_id
    assert stats.clerks[-1].user_id is None and stats.clerks[0].met_share == 2 / 3


def test_all_years_and_an_empty_year(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    fill(ctx, staff)
    boss = staff[Role.SUPERVISOR]
    every = deposit_statistics(ctx, boss, None)
    assert [m.month for m in every.months] == [date(2025, 12, 1), date(2026, 1, 1),
                                              date(2026, 2, 1)]
    assert every.cases == 5 and every.decided == 3
    assert every.median_days_to_decision == 10.0  # 4, 10, 35
    assert (every.decision_met, every.decision_missed) == (2, 1)
    assert every.clerks[0].met == 3
    empty = deposit_statistics(ctx, boss, 2024)
    assert empty.cases == 0 and empty.median_days_to_decision is None
    assert empty.clerks == () and len(empty.months) == 12 and empty.decided_in_time is None


def test_only_supervisors_and_a_sane_year(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    for role in (Role.CLERK, Role.COUNTER, Role.ADMIN):
        with pytest.raises(PermissionDenied):
            deposit_statistics(ctx, staff[role], 2026)
    with pytest.raises(ValidationFailed) as bad:
        deposit_statistics(ctx, staff[Role.SUPERVISOR], 2101)
    assert bad.value.fields == ["year"]


def test_workbook_reads_back(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    fill(ctx, staff)
    stats = deposit_statistics(ctx, staff[Role.SUPERVISOR], 2026)
    wb = load_workbook(io.BytesIO(statistics_workbook(stats)))
    assert wb.sheetnames == ["Sprawy", "Referenci", "Podsumowanie"]
    cases = wb["Sprawy"]
    header = [c.value for c in cases[1]]
    assert header[:len(STATES) + 2] == ["Miesiąc", *(s.label for s in STATES), "Razem"]
    january = [c.value for c in cases[2]]
    assert isinstance(january[0], datetime) and january[0].date() == date(2026, 1, 1)
    assert cases["A2"].number_format == "MM.YYYY"
    assert january[len(STATES) + 1:] == [2, 1, 1, 0.5]
    assert cases.cell(row=2, column=len(STATES) + 5).number_format == "0.0%"
    assert [c.value for c in cases[3]][-1] == "—"
    totals = [c.value for c in cases[14]]
    assert totals[0] == "Razem" and totals[len(STATES) + 1:] == [4, 1, 1, 0.5]

    clerks = [[c.value for c in row] for row in wb["Referenci"].iter_rows()]
    assert clerks[1] == ["Józef Żółkiewski", 2, 1, 3, pytest.approx(2 / 3)]
    assert clerks[3] == [UNASSIGNED, 1, 0, 1, 1.0]
    assert clerks[-1] == ["Razem", 3, 2, 5, 0.6]

    summary = {r[0].value: r[1].value for r in wb["Podsumowanie"].iter_rows()}
    assert summary["Okres"] == "rok 2026"
    assert summary["Stan na dzień"] == datetime(2026, 3, 2)
    assert summary["Sprawy kaucji w ratach"] == 4
    assert summary["Mediana dni od kompletnego wniosku do rozstrzygnięcia"] == 22.5
    assert summary["Rozstrzygnięte w terminie miesiąca"] == 0.5


def test_demo_data_counted_in_python_agree(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    """The SQL aggregates (GROUP BY, the dialect's day difference) against the demo rows."""
    generate_demo_data(ctx, staff[Role.ADMIN], 160, seed=7)
    stats = deposit_statistics(ctx, staff[Role.SUPERVISOR], None)
    with ctx.db.read() as session:
        cases = {c.id: c for c in session.scalars(
            select(Case).where(Case.kind == CaseKind.DEPOSIT.value))}
        first: dict[int, date] = {}
        for d in session.scalars(select(DepositDecision)):
            first[d.case_id] = min(first.get(d.case_id, d.decided_on), d.decided_on)
        decisions = [(d.case_id, d.state) for d in session.scalars(
            select(Deadline).where(Deadline.kind == DeadlineKind.DECISION.value))]
        closed = [d for d in session.scalars(select(Deadline)) if d.case_id in cases
                  and d.state in (DeadlineState.MET, DeadlineState.MISSED)]
    assert stats.cases == len(cases) > 0
    assert stats.state_totals() == tuple(
        sum(1 for c in cases.values() if c.status == s) for s in STATES)
    assert stats.decision_met == sum(1 for cid, s in decisions
                                     if cid in cases and s == DeadlineState.MET)
    assert stats.decision_missed == sum(1 for cid, s in decisions
                                        if cid in cases and s == DeadlineState.MISSED)
    days = [(first[cid] - c.complete_on).days for cid, c in cases.items()
            if c.complete_on is not None and cid in first and first[cid] >= c.complete_on]
    assert stats.decided == len(days) > 0
    assert stats.median_days_to_decision == float(statistics.median(days))
    assert stats.clerk_met + stats.clerk_missed == len(closed)


def test_months_and_median_are_plain_arithmetic() -> None:
    rows = state_months([(date(2025, 11, 3), CaseStatus.CLOSED, 2),
                         (date(2026, 1, 9), CaseStatus.REFUSAL, 1)],
                        [(date(2026, 1, 9), DeadlineState.MISSED, 1)], None)
    assert [r.month for r in rows] == [date(2025, 11, 1), date(2025, 12, 1),
                                       date(2026, 1, 1)]
    assert [r.total for r in rows] == [2, 0, 1] and rows[2].decided_in_time == 0.0
    assert state_months([], [], None) == ()
    assert median_of_counts([(1, 1), (3, 1)]) == 2.0
    assert median_of_counts([(9, 2), (2, 1), (4, 1)]) == 6.5
    assert median_of_counts([(1, 2), (10, 1)]) == 1.0
    assert median_of_counts([(5, 0)]) is None and median_of_counts([]) is None
