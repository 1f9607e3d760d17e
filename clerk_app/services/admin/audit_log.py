"""Reading the audit trail (supervisors and admins), with filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import AuditEntry, Case
from clerk_app.services.core.audit_values import resolved_changes
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.unit_of_work import read_as


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
        entries = list(session.scalars(query))
        return [
            AuditRow(e.id, e.at, e.username, e.entity, e.entity_id, e.action, e.case_id,
                     changes)
            for e, changes in zip(entries, resolved_changes(session, entries), strict=True)
        ]
