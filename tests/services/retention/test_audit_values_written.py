"""No case-linked audit entry holds a personal value inline: not those the services write,
not those of the demo data (so anonymising the case's audit values is enough)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from clerk_app.demo import generate_demo_data
from clerk_app.domain.audit_values import REF_KEY, split_changes
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import AuditEntry
from clerk_app.services.core.context import Actor, AppContext
from tests.services.retention.people import TARGET, settled_deposit_case


def inline_personal(ctx: AppContext) -> list[tuple[str, str, str]]:
    """(entity, action, key) of every personal value kept inline in a case-linked entry."""
    found = []
    with ctx.db.read() as session:
        for e in session.scalars(select(AuditEntry).where(AuditEntry.case_id.is_not(None))):
            _inline, personal = split_changes(json.loads(e.changes))
            found += [(e.entity, e.action, k) for k, v in personal.items()
                      if not (isinstance(v, dict) and REF_KEY in v)]
    return found


def test_services_and_demo_keep_personal_values_by_reference(
        ctx: AppContext, staff: dict[Role, Actor], clock: object, tmp_path: Path) -> None:
    settled_deposit_case(ctx, staff, clock, TARGET, tmp_path)
    generate_demo_data(ctx, staff[Role.ADMIN], 80, seed=5)
    assert inline_personal(ctx) == []
