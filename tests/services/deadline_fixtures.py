"""Test helpers for the deadline tests: cases inserted directly (no intake service needed)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from clerk_app.domain.cases import CaseKind, CaseStatus
from clerk_app.domain.text import fold_for_search
from clerk_app.persistence.models import AuditEntry, Case, Deadline
from clerk_app.services.admin.settings import OfficeSettings
from clerk_app.services.core.audit_values import resolved_changes
from clerk_app.services.core.context import AppContext
from clerk_app.services.core.numbering import allocate_signature


def make_case(
    ctx: AppContext,
    registered_by: int,
    *,
    kind: CaseKind = CaseKind.DEPOSIT,
    received_on: date = date(2026, 3, 2),
    status: CaseStatus = CaseStatus.REGISTERED,
    assignee_id: int | None = None,
    first_name: str = "Józef",
    last_name: str = "Żółkiewski",
) -> int:
    """Insert a case row and return its id."""
    with ctx.db.transaction() as session:
        sig = allocate_signature(session, OfficeSettings(), kind, received_on.year)
        case = Case(
            signature=sig.signature, unit_symbol=sig.unit_symbol, jrwa_class=sig.jrwa_class,
            number=sig.number, year=sig.year, kind=kind.value, status=status.value,
            subject="Prośba o rozłożenie kaucji na raty" if kind is CaseKind.DEPOSIT
            else "Wniosek o konto IOK",
            applicant_first_name=first_name, applicant_last_name=last_name,
            applicant_sort=fold_for_search(f"{last_name} {first_name}"),
            street="Źródlana", building="5", flat="3", postal_code="41-940",
            city="Piekary Śląskie",
            search_text=fold_for_search(f"{sig.signature} {first_name} {last_name}"),
            received_on=received_on, assignee_id=assignee_id, registered_by_id=registered_by,
            created_at=datetime(received_on.year, received_on.month, received_on.day, 9,
                                tzinfo=UTC),
        )
        session.add(case)
        session.flush()
        return case.id


def case_row(ctx: AppContext, case_id: int) -> Case:
    with ctx.db.read() as session:
        case = session.get(Case, case_id)
        assert case is not None
        session.expunge(case)
        return case


def deadline_rows(ctx: AppContext, case_id: int) -> list[Deadline]:
    with ctx.db.read() as session:
        rows = list(session.scalars(select(Deadline).where(Deadline.case_id == case_id)
                                    .order_by(Deadline.id)))
        session.expunge_all()
        return rows


def audit_actions(ctx: AppContext, case_id: int | None = None,
                  entity: str | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    """(entity, action, changes) of the audit trail, oldest first (personal values read
    back from ``audit_values``)."""
    query = select(AuditEntry).order_by(AuditEntry.id)
    if case_id is not None:
        query = query.where(AuditEntry.case_id == case_id)
    if entity is not None:
        query = query.where(AuditEntry.entity == entity)
    with ctx.db.read() as session:
        entries = list(session.scalars(query))
        return [(e.entity, e.action, changes)
                for e, changes in zip(entries, resolved_changes(session, entries), strict=True)]


def set_today(clock: object, day: date) -> None:
    """Move the fake clock to 09:30 UTC of ``day`` (the same office day in Warsaw)."""
    clock.current = datetime(day.year, day.month, day.day, 9, 30, tzinfo=UTC)  # type: ignore[attr-defined]
