"""One freshness rule for reads and writes: every service call re-reads the actor's account,
so a deactivation or a change of role takes effect on the very next action of either kind."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event

from clerk_app.domain.roles import Permission, Role
from clerk_app.services.admin import audit_log, users
from clerk_app.services.cases import detail, query
from clerk_app.services.core.context import SYSTEM_READER, Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied
from clerk_app.services.core.unit_of_work import read_as
from clerk_app.services.deadlines.actions import list_case_deadlines, start_decision_deadline
from clerk_app.services.deadlines.days_off import list_days_off
from clerk_app.services.deadlines.report import dashboard_deadlines, deadline_report_rows
from clerk_app.services.intake import scans
from clerk_app.services.letters import delivery, issue
from tests.dbsupport import user_version
from tests.services.deadline_fixtures import make_case

TODAY = date(2026, 3, 2)
Read = Callable[[AppContext, Actor, int], object]
READS: dict[str, Read] = {
    "get_case": lambda ctx, a, case_id: detail.get_case(ctx, a, case_id),
    "case_documents": lambda ctx, a, case_id: detail.case_documents(ctx, a, case_id),
    "case_timeline": lambda ctx, a, case_id: detail.case_timeline(ctx, a, case_id),
    "find_by_identifier": lambda ctx, a, _id: detail.find_by_identifier(ctx, a, "X1"),
    "count_cases": lambda ctx, a, _id: query.count_cases(ctx, a, query.CaseQuery()),
    "first_case_page": lambda ctx, a, _id: query.first_case_page(ctx, a, query.CaseQuery(), 5),
    "fetch_case_page": lambda ctx, a, _id: query.fetch_case_page(ctx, a, query.CaseQuery(), 0,
                                                                  5),
    "list_scans": lambda ctx, a, case_id: scans.list_scans(ctx, a, case_id),
    "list_case_letters": lambda ctx, a, case_id: issue.list_case_letters(ctx, a, case_id),
    "find_letter": lambda ctx, a, _id: delivery.find_letter_by_identifier(ctx, a, "L1"),
    "list_case_deadlines": lambda ctx, a, case_id: list_case_deadlines(ctx, a, case_id),
    "list_days_off": lambda ctx, a, _id: list_days_off(ctx, a),
    "dashboard": lambda ctx, a, _id: dashboard_deadlines(ctx, a, TODAY),
    "active_users": lambda ctx, a, _id: users.list_users(ctx, a, include_inactive=False),
}


@pytest.mark.parametrize("name", sorted(READS))
def test_a_deactivated_users_next_read_is_refused(
    ctx: AppContext, staff: dict[Role, Actor], name: str
) -> None:
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id, assignee_id=clerk.user_id)
    READS[name](ctx, clerk, case_id)  # allowed while the account is active
    users.set_active(ctx, staff[Role.ADMIN], clerk.user_id, False,
        version=user_version(ctx, clerk.user_id))
    with pytest.raises(PermissionDenied, match="Konto jest nieaktywne"):
        READS[name](ctx, clerk, case_id)


def test_a_demoted_supervisors_next_reads_of_report_and_audit_are_refused(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    boss = staff[Role.SUPERVISOR]  # the Actor cached at login keeps saying "supervisor"
    deadline_report_rows(ctx, boss, TODAY, 14)
    audit_log.list_audit(ctx, boss, audit_log.AuditFilter())
    users.change_role(ctx, staff[Role.ADMIN], boss.user_id, Role.CLERK,
        version=user_version(ctx, boss.user_id))
    with pytest.raises(PermissionDenied, match="Rola „Referent” nie pozwala"):
        deadline_report_rows(ctx, boss, TODAY, 14)
    with pytest.raises(PermissionDenied, match="Rola „Referent”"):
        audit_log.list_audit(ctx, boss, audit_log.AuditFilter())


def test_a_demoted_supervisors_dashboard_shows_only_own_cases(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    clerk, boss = staff[Role.CLERK], staff[Role.SUPERVISOR]
    theirs = make_case(ctx, clerk.user_id, assignee_id=clerk.user_id)
    own = make_case(ctx, clerk.user_id, assignee_id=boss.user_id)
    for case_id in (theirs, own):
        start_decision_deadline(ctx, clerk, case_id, TODAY)
    assert {r.case_id for r in dashboard_deadlines(ctx, boss, TODAY)} == {theirs, own}
    users.change_role(ctx, staff[Role.ADMIN], boss.user_id, Role.CLERK,
        version=user_version(ctx, boss.user_id))
    assert {r.case_id for r in dashboard_deadlines(ctx, boss, TODAY)} == {own}


def test_a_promoted_clerk_reads_the_report_at_once(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    clerk = staff[Role.CLERK]
    with pytest.raises(PermissionDenied):
        deadline_report_rows(ctx, clerk, TODAY, 14)
    users.change_role(ctx, staff[Role.ADMIN], clerk.user_id, Role.SUPERVISOR,
        version=user_version(ctx, clerk.user_id))
    assert deadline_report_rows(ctx, clerk, TODAY, 14).horizon_days == 14


def test_a_demoted_or_deactivated_users_next_write_is_refused(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    clerk, boss, admin = staff[Role.CLERK], staff[Role.SUPERVISOR], staff[Role.ADMIN]
    case_id = make_case(ctx, clerk.user_id, assignee_id=clerk.user_id)
    version = detail.get_case(ctx, boss, case_id).version
    version = detail.reassign_case(ctx, boss, case_id, version, boss.user_id)
    users.change_role(ctx, admin, boss.user_id, Role.CLERK, version=user_version(ctx, boss.user_id))
    with pytest.raises(PermissionDenied, match="Rola „Referent”"):
        detail.reassign_case(ctx, boss, case_id, version, clerk.user_id)
    users.set_active(ctx, admin, clerk.user_id, False, version=user_version(ctx, clerk.user_id))
    with pytest.raises(PermissionDenied, match="Konto jest nieaktywne"):
        start_decision_deadline(ctx, clerk, case_id, TODAY)


def test_the_check_is_one_primary_key_read_in_the_read_transaction(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    clerk = staff[Role.CLERK]
    event.listen(ctx.db.engine, "before_cursor_execute", record)
    try:
        with read_as(ctx, clerk, Permission.VIEW_CASES):
            pass
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", record)
    selects = [" ".join(s.split()) for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 1
    assert "FROM users WHERE users.id = " in selects[0]


def test_only_the_system_reader_itself_reads_without_an_account(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    assert query.count_cases(ctx, SYSTEM_READER, query.CaseQuery()) == 0
    lookalike = dataclasses.replace(SYSTEM_READER)
    assert lookalike == SYSTEM_READER and lookalike is not SYSTEM_READER
    with pytest.raises(PermissionDenied, match="Konto jest nieaktywne"):
        query.count_cases(ctx, lookalike, query.CaseQuery())
