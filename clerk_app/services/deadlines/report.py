"""The supervisors' deadline report and the deadline dashboard's data.

The report lists, grouped by assignee, every deadline due within the horizon
(``as_of`` … ``as_of + horizon_days``) and everything already overdue. The PDF and XLSX
renderers (``clerk_app.documents.deadline_report_*``) take the :class:`DeadlineReport`.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date, timedelta

from sqlalchemy.orm import Session

from clerk_app.domain.deadline_report import AssigneeGroup, DeadlineReport, DeadlineRow
from clerk_app.domain.errors import FieldError
from clerk_app.domain.roles import Permission, role_can
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.core.unit_of_work import check_permission, read_as
from clerk_app.services.deadlines.days_off import calendar_for
from clerk_app.services.deadlines.queries import fetch_rows

__all__ = [
    "CLI_AUTHOR", "AssigneeGroup", "DeadlineReport", "DeadlineRow", "dashboard_deadlines",
    "deadline_report_rows", "system_deadline_report",
]

CLI_AUTHOR = "clerk-app (CLI)"
MAX_HORIZON_DAYS = 3660


def _check_horizon(horizon_days: int) -> None:
    if isinstance(horizon_days, bool) or not isinstance(horizon_days, int) \
            or not 0 <= horizon_days <= MAX_HORIZON_DAYS:
        raise ValidationFailed([FieldError(
            "horizon_days", f"Podaj liczbę dni od 0 do {MAX_HORIZON_DAYS}.")])


def _group(rows: list[DeadlineRow]) -> tuple[AssigneeGroup, ...]:
    by_assignee: dict[int | None, list[DeadlineRow]] = {}
    for row in rows:
        by_assignee.setdefault(row.assignee_id, []).append(row)
    groups = [AssigneeGroup(key, items[0].assignee_name, tuple(items))
              for key, items in by_assignee.items()]
    groups.sort(key=lambda g: (g.assignee_id is None, g.assignee_name.casefold(),
                               g.assignee_id or 0))
    return tuple(groups)


def _build(ctx: AppContext, reading: AbstractContextManager[Session], as_of: date,
           horizon_days: int, author: str) -> DeadlineReport:
    _check_horizon(horizon_days)
    horizon_end = as_of + timedelta(days=horizon_days)
    with reading as session:
        rows = fetch_rows(session, calendar_for(session), as_of, horizon_end=horizon_end)
    return DeadlineReport(as_of, horizon_days, horizon_end, ctx.now().astimezone(OFFICE_TZ),
                          author, _group(rows))


def deadline_report_rows(ctx: AppContext, actor: Actor, as_of: date,
                         horizon_days: int) -> DeadlineReport:
    """Supervisors: deadlines due within ``horizon_days`` of ``as_of`` plus all overdue."""
    return _build(ctx, read_as(ctx, actor, Permission.REPORTS), as_of, horizon_days,
                  actor.full_name)


def system_deadline_report(ctx: AppContext, as_of: date, horizon_days: int,
                           author: str = CLI_AUTHOR) -> DeadlineReport:
    """The same report for the command line, which runs as the system (no user)."""
    return _build(ctx, ctx.db.read(), as_of, horizon_days, author)


def dashboard_deadlines(ctx: AppContext, actor: Actor, as_of: date,
                        assignee_id: int | None = None) -> list[DeadlineRow]:
    """Open deadlines for the dashboard: a clerk's own cases; supervisors see everyone's
    (optionally one assignee's). Suspended deadlines are included (no days left)."""
    with ctx.db.read() as session:
        actor = check_permission(session, actor, Permission.VIEW_CASES)  # the role as it is now
        if not role_can(actor.role, Permission.REPORTS):
            assignee_id = actor.user_id
        return fetch_rows(session, calendar_for(session), as_of, assignee_id=assignee_id,
                          include_suspended=True)
