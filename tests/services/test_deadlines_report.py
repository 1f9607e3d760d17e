"""The supervisors' report rows and the dashboard rows: one query, grouping, working days."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from clerk_app.domain.cases import DeadlineKind, DeadlineState
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied, ValidationFailed
from clerk_app.services.deadlines.actions import start_decision_deadline, start_deficiency_deadline
from clerk_app.services.deadlines.report import (
    dashboard_deadlines,
    deadline_report_rows,
    system_deadline_report,
)
from clerk_app.services.letters.issue import issue_summons
from tests.services.deadline_fixtures import make_case


def fill(ctx: AppContext, staff: dict[Role, Actor]) -> dict[str, int]:
    clerk, boss = staff[Role.CLERK], staff[Role.SUPERVISOR]
    overdue = make_case(ctx, clerk.user_id, received_on=date(2026, 2, 2),
                        assignee_id=clerk.user_id)
    start_deficiency_deadline(ctx, clerk, overdue, date(2026, 2, 20))  # due 27.02: overdue
    soon = make_case(ctx, clerk.user_id, received_on=date(2026, 2, 4),
                     assignee_id=clerk.user_id, last_name="Ąbacka", first_name="Ewa")
    start_decision_deadline(ctx, clerk, soon, date(2026, 2, 4))  # due 04.03.2026
    later = make_case(ctx, clerk.user_id, received_on=date(2026, 3, 2),
                      assignee_id=boss.user_id, last_name="Nowak", first_name="Jan")
    start_decision_deadline(ctx, clerk, later, date(2026, 3, 2))  # due 02.04.2026
    nobody = make_case(ctx, clerk.user_id, received_on=date(2026, 3, 2))
    start_deficiency_deadline(ctx, clerk, nobody, date(2026, 3, 2))  # due 09.03.2026
    waiting = make_case(ctx, clerk.user_id, received_on=date(2026, 3, 2),
                        assignee_id=clerk.user_id, last_name="Wiśniewska", first_name="Ola")
    start_decision_deadline(ctx, clerk, waiting, date(2026, 3, 2))
    issue_summons(ctx, clerk, waiting, ["Podpis"])  # decision suspended
    return {"overdue": overdue, "soon": soon, "later": later, "nobody": nobody,
            "waiting": waiting}


def test_report_groups_by_assignee_with_horizon(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    ids = fill(ctx, staff)
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(ctx.db.engine, "before_cursor_execute", count)
    try:
        report = deadline_report_rows(ctx, staff[Role.SUPERVISOR], date(2026, 3, 2), 14)
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", count)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    # the account re-read by primary key, days off and the joined query: no N+1
    assert len(selects) == 3

    assert report.as_of == date(2026, 3, 2) and report.horizon_end == date(2026, 3, 16)
    assert report.generated_by == "Krystyna Kierownik"
    assert [g.assignee_name for g in report.groups] == ["Józef Żółkiewski",
                                                        "(nieprzydzielone)"]
    mine = report.groups[0].rows
    assert [r.case_id for r in mine] == [ids["overdue"], ids["soon"]]
    overdue, soon = mine
    assert overdue.overdue and overdue.working_days_left == -1
    assert overdue.status_label == "Upłynął – braki nieusunięte"  # the applicant's failure
    assert overdue.applicant_missed and not overdue.office_overdue
    assert overdue.deadline_kind is DeadlineKind.DEFICIENCY
    assert overdue.applicant == "Żółkiewski Józef"
    assert not soon.overdue and soon.working_days_left == 2 and soon.due_soon
    assert soon.needs_delay_notice
    assert report.groups[0].overdue_count == 1
    assert report.groups[1].rows[0].working_days_left == 5
    assert report.row_count == 3 and report.overdue_count == 1

    cli = system_deadline_report(ctx, date(2026, 3, 2), 60)
    assert cli.generated_by == "clerk-app (CLI)"
    assert cli.row_count == 4


def test_report_needs_supervisor_and_valid_horizon(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    with pytest.raises(PermissionDenied):
        deadline_report_rows(ctx, staff[Role.CLERK], date(2026, 3, 2), 14)
    with pytest.raises(ValidationFailed) as err:
        deadline_report_rows(ctx, staff[Role.SUPERVISOR], date(2026, 3, 2), -1)
    assert err.value.fields == ["horizon_days"]


def test_dashboard_rows_per_role(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    ids = fill(ctx, staff)
    clerk, boss = staff[Role.CLERK], staff[Role.SUPERVISOR]
    mine = dashboard_deadlines(ctx, clerk, date(2026, 3, 2))
    assert {r.case_id for r in mine} == {ids["overdue"], ids["soon"], ids["waiting"]}
    suspended = next(r for r in mine if r.case_id == ids["waiting"])
    assert suspended.state is DeadlineState.SUSPENDED
    assert suspended.working_days_left is None and not suspended.overdue
    assert not suspended.needs_delay_notice
    everyone = dashboard_deadlines(ctx, boss, date(2026, 3, 2))
    assert len(everyone) == 5
    only_boss = dashboard_deadlines(ctx, boss, date(2026, 3, 2), assignee_id=boss.user_id)
    assert [r.case_id for r in only_boss] == [ids["later"]]
    # a clerk cannot look at someone else's list
    assert dashboard_deadlines(ctx, clerk, date(2026, 3, 2), boss.user_id) == mine
