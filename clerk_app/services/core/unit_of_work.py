"""One transaction per user action: the account and role re-read and checked for reads and
writes alike, audit entries (a case's personal values kept by reference in ``audit_values``,
see ``domain/audit_values.py``), conflict translation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from clerk_app.domain.audit_values import split_changes, with_reference
from clerk_app.domain.errors import FieldError
from clerk_app.domain.roles import Permission, role_can
from clerk_app.persistence.models import AuditEntry, AuditValue, User
from clerk_app.services.core.context import (
    SYSTEM_READER,
    Actor,
    AppContext,
    DocumentRenderer,
)
from clerk_app.services.core.errors import (
    ConflictError,
    DatabaseBusy,
    PermissionDenied,
    ValidationFailed,
)

SECRET_FIELDS = frozenset({"password_hash"})
SKIPPED_FIELDS = frozenset({"version", "search_text", "applicant_sort", "data"})


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return f"<{len(value)} B>"
    return value


@dataclass
class Work:
    """The open transaction of one service call."""

    session: Session
    actor: Actor | None
    now: datetime
    renderer: DocumentRenderer | None = None

    def audit(
        self,
        entity: str,
        entity_id: object,
        action: str,
        changes: dict[str, Any] | None = None,
        case_id: int | None = None,
    ) -> None:
        """Append an audit entry (same transaction as the change it describes).

        Of a case-linked entry, the personal values go to ``audit_values`` (which the case's
        anonymisation clears) and the entry keeps references to them.
        """
        changes = changes or {}
        if case_id is not None:
            inline, personal = split_changes(changes)
            if personal:
                value = AuditValue(case_id=case_id, value=json.dumps(
                    personal, ensure_ascii=False, default=str))
                self.session.add(value)
                self.session.flush()
                changes = with_reference(inline, list(personal), value.id)
        self.session.add(
            AuditEntry(
                at=self.now,
                user_id=self.actor.user_id if self.actor else None,
                username=self.actor.username if self.actor else "system",
                entity=entity,
                entity_id=str(entity_id),
                action=action,
                case_id=case_id,
                changes=json.dumps(changes, ensure_ascii=False, default=str),
            )
        )

    def audit_new(self, obj: Any, action: str = "create", case_id: int | None = None) -> None:
        """Audit a freshly added ORM object with all its column values (flushes for the id)."""
        self.session.flush()
        state = inspect(obj)
        changes = {
            a.key: [None, "***" if a.key in SECRET_FIELDS else _plain(a.value)]
            for a in state.attrs
            if a.key not in SKIPPED_FIELDS and a.key in state.mapper.columns
            and a.value is not None
        }
        self.audit(state.mapper.persist_selectable.name, _identity(obj), action, changes,
                   case_id)

    def audit_changes(self, obj: Any, action: str = "update", case_id: int | None = None) -> dict:
        """Audit the pending attribute changes of ``obj`` (old → new); returns them."""
        state = inspect(obj)
        changes: dict[str, list[Any]] = {}
        for attr in state.attrs:
            if attr.key in SKIPPED_FIELDS or attr.key not in state.mapper.columns:
                continue
            hist = attr.history
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old == new:
                continue
            if attr.key in SECRET_FIELDS:
                changes[attr.key] = ["***", "***"]
            else:
                changes[attr.key] = [_plain(old), _plain(new)]
        if changes:
            self.audit(state.mapper.persist_selectable.name, _identity(obj), action, changes,
                       case_id)
        return changes


def _identity(obj: Any) -> str:
    ident = inspect(obj).identity
    if ident is None:
        return "?"
    return ident[0] if len(ident) == 1 else "/".join(str(i) for i in ident)


def check_permission(session: Session, actor: Actor, permission: Permission | None) -> Actor:
    """Re-read the actor's account: an inactive account or a role without ``permission`` is
    refused even when the UI offered the action. Returns the actor as the database has it
    now (its current role)."""
    user = session.get(User, actor.user_id)
    if user is None or not user.active:
        raise PermissionDenied("Konto jest nieaktywne. Zaloguj się ponownie.")
    role = user.role
    if permission is not None and not role_can(role, permission):
        raise PermissionDenied(
            f"Rola „{role.label}” nie pozwala na tę czynność. Poproś kierownika lub "
            "administratora."
        )
    return Actor(user.id, user.username, user.full_name, role)


@contextmanager
def unit_of_work(
    ctx: AppContext, actor: Actor | None, permission: Permission | None = None
) -> Iterator[Work]:
    """Open a write transaction for one user action.

    Commits when the block ends normally; otherwise rolls everything back, audit included.
    Domain ``FieldError``s become ``ValidationFailed``; a stale optimistic version becomes
    ``ConflictError``.
    """
    try:
        with ctx.db.transaction() as session:
            if permission is not None and actor is None:
                raise PermissionDenied("Musisz się zalogować.")
            if actor is not None:
                actor = check_permission(session, actor, permission)
            yield Work(session=session, actor=actor, now=ctx.now(), renderer=ctx.renderer)
    except FieldError as exc:
        raise ValidationFailed([exc]) from exc
    except StaleDataError as exc:
        raise ConflictError() from exc
    except OperationalError as exc:
        if is_busy(exc):
            raise DatabaseBusy() from exc
        raise


def is_busy(exc: OperationalError) -> bool:
    """SQLite's "database is locked" / "busy" after the busy timeout ran out."""
    text = str(exc.orig).lower()
    return "database is locked" in text or "database is busy" in text


@contextmanager
def read_as(
    ctx: AppContext, actor: Actor, permission: Permission | None = None, *,
    snapshot: bool = False,
) -> Iterator[Session]:
    """Open a read transaction for one user action, under the same rule as a write.

    The actor's account is re-read in the read transaction itself (one primary-key read):
    an inactive account, or a role without ``permission``, is refused on the very next
    read, not only after logging in again. ``permission`` None: any active account. The
    command line reads as :data:`SYSTEM_READER`, which has no account to re-read.
    ``snapshot``: several queries of one screen see one committed state (see ``Database.read``).
    """
    try:
        with ctx.db.read(snapshot=snapshot) as session:
            if actor is not SYSTEM_READER:
                check_permission(session, actor, permission)
            elif permission is not None and not role_can(actor.role, permission):
                raise PermissionDenied()
            yield session
    except OperationalError as exc:
        if is_busy(exc):
            raise DatabaseBusy() from exc
        raise
