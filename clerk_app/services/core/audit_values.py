"""Reading audit entries back with their personal values (kept by reference)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.audit_values import referenced_ids, resolve_changes
from clerk_app.persistence.models import AuditEntry, AuditValue

_CHUNK = 500


def resolved_changes(session: Session, entries: Sequence[AuditEntry]) -> list[dict[str, Any]]:
    """Each entry's ``changes`` with its references filled in from ``audit_values`` (one
    query per 500 references); a value anonymisation removed reads "(usunięte)"."""
    parsed = [json.loads(e.changes or "{}") for e in entries]
    wanted = sorted(set().union(*(referenced_ids(c) for c in parsed)) if parsed else set())
    store: dict[int, dict[str, Any]] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start:start + _CHUNK]
        for value_id, value in session.execute(
                select(AuditValue.id, AuditValue.value).where(AuditValue.id.in_(chunk))):
            store[value_id] = json.loads(value)
    return [resolve_changes(c, store) for c in parsed]
