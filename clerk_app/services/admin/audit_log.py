"""Reading the audit trail (supervisors and admins), with filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from clerk_app.domain.roles import Permission, Role, role_can
from clerk_app.persistence.models import AuditEntry, Case
from clerk_app.services.core.audit_values import resolved_changes
from clerk_app.services.core.context import OFFICE_TZ, SYSTEM_READER, Actor, AppContext
from clerk_app.services.core.unit_of_work import check_permission, read_as


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    entity: str
    entity_id: str
    action: str
    case_id: int | None
    changes: dict[str, list[object]]


@dataclass(frozen=True)
class AuditFilter:
    username: str | None = None
    case_signature: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    limit: int = 500


def _office_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, OFFICE_TZ).astimezone(UTC)


def list_audit(ctx: AppContext, actor: Actor, flt: AuditFilter) -> list[AuditRow]:
    """Newest first; dates are office (Warsaw) calendar days, both ends included."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(flt.limit)
    if flt.username:
        query = query.where(AuditEntry.username == flt.username.strip().lower())
    if flt.date_from:
        query = query.where(AuditEntry.at >= _office_midnight(flt.date_from))
    if flt.date_to:
        query = query.where(AuditEntry.at < _office_midnight(flt.date_to + timedelta(days=1)))
    with read_as(ctx, actor, Permission.VIEW_AUDIT) as session:
        if flt.case_signature:
            case_id = session.scalar(
                select(Case.id).where(Case.signature == flt.case_signature.strip())
            )
            if case_id is None:
                return []
            query = query.where(AuditEntry.case_id == case_id)
        role = check_permission(session, actor, Permission.VIEW_AUDIT).role \
            if actor is not SYSTEM_READER else actor.role
        entries = list(session.scalars(query))
        return [
            AuditRow(e.id, e.at, e.username, e.entity, e.entity_id, e.action, e.case_id,
                     _masked(role, e.entity, changes))
            for e, changes in zip(entries, resolved_changes(session, entries), strict=True)
        ]


STATEMENT_ENTITIES = frozenset({"property_statements", "household_members",
                                "household_incomes"})
# What the admin (IT) manages: the values of these entries it reads; of all others (cases,
# items, letters, scans, old accounts, …) only which fields changed.
ADMIN_ENTITIES = frozenset({"users", "settings", "days_off", "database", "number_sequences",
                            "demo_data"})


def _masked(role: Role, entity: str, changes: dict[str, list[object]]
            ) -> dict[str, list[object]]:
    """Least access: a role that opens no case (the admin) reads that a case's data changed,
    not the values; one that may not open a statement, not its figures or household."""
    hidden = (not role_can(role, Permission.VIEW_CASES) and entity not in ADMIN_ENTITIES) \
        or (not role_can(role, Permission.VIEW_PROPERTY_STATEMENT)
            and entity in STATEMENT_ENTITIES)
    return {key: ["***", "***"] for key in changes} if hidden else changes
