"""User administration: add, deactivate, change role, reset and change passwords."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clerk_app.domain.errors import FieldError
from clerk_app.domain.roles import Permission, Role
from clerk_app.persistence.models import User
from clerk_app.services.admin.passwords import (
    check_password_strength,
    hash_password,
    verify_password,
)
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, NotFound, ValidationFailed, field_error
from clerk_app.services.core.unit_of_work import Work, read_as, unit_of_work

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")


@dataclass(frozen=True)
class NewUser:
    username: str
    full_name: str
    role: Role
    password: str


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    last_login_at: datetime | None
    version: int


def validate_new_user(data: NewUser) -> NewUser:
    """Check every field and report all problems at once."""
    errors: list[FieldError] = []
    username = data.username.strip().lower()
    if not USERNAME_RE.match(username):
        errors.append(FieldError(
            "username",
            "Od 3 do 64 znaków: małe litery bez polskich znaków, cyfry, kropka, myślnik.",
        ))
    full_name = data.full_name.strip()
    if not full_name:
        errors.append(FieldError("full_name", "Pole jest wymagane."))
    try:
        check_password_strength(data.password)
    except FieldError as exc:
        errors.append(exc)
    if errors:
        raise ValidationFailed(errors)
    return NewUser(username, full_name, Role(data.role), data.password)


def insert_user(work: Work, data: NewUser) -> int:
    """Add a validated user inside an open unit of work (shared with the first start)."""
    data = validate_new_user(data)
    exists = work.session.scalar(select(User.id).where(User.username == data.username))
    if exists is not None:
        raise field_error("username", "Użytkownik o tej nazwie już istnieje.")
    user = User(
        username=data.username, full_name=data.full_name, role=data.role,
        password_hash=hash_password(data.password), active=True, failed_attempts=0,
        created_at=work.now, must_change_password=False,
    )
    work.session.add(user)
    try:
        work.session.flush()
    except IntegrityError as exc:  # a concurrent insert of the same name won the race
        raise field_error("username", "Użytkownik o tej nazwie już istnieje.") from exc
    work.audit_new(user)
    return user.id


def create_user(ctx: AppContext, actor: Actor, data: NewUser) -> int:
    with unit_of_work(ctx, actor, Permission.MANAGE_USERS) as work:
        return insert_user(work, data)


def list_users(ctx: AppContext, actor: Actor, include_inactive: bool = True) -> list[UserRow]:
    """All users for the admin window (any logged-in user may list active ones)."""
    permission = Permission.MANAGE_USERS if include_inactive else None
    with read_as(ctx, actor, permission) as session:
        return read_users(session, include_inactive)


def read_users(session: Session, include_inactive: bool) -> list[UserRow]:
    """The users by name, inside the caller's read."""
    query = select(User).order_by(User.full_name)
    if not include_inactive:
        query = query.where(User.active.is_(True))
    return [
        UserRow(u.id, u.username, u.full_name, u.role, u.active, u.locked_until,
                u.last_login_at, u.version)
        for u in session.scalars(query)
    ]


def _load(work: Work, user_id: int, version: int | None) -> User:
    user = work.session.get(User, user_id)
    if user is None:
        raise NotFound("Nie znaleziono użytkownika.")
    if version is not None and user.version != version:
        raise ConflictError()
    return user


def set_active(ctx: AppContext, actor: Actor, user_id: int, active: bool,
               *, version: int) -> None:
    with unit_of_work(ctx, actor, Permission.MANAGE_USERS) as work:
        if user_id == work.actor.user_id and not active:  # type: ignore[union-attr]
            raise field_error("active", "Nie możesz dezaktywować własnego konta.")
        user = _load(work, user_id, version)
        user.active = active
        work.audit_changes(user, "activate" if active else "deactivate")


def change_role(ctx: AppContext, actor: Actor, user_id: int, role: Role,
                *, version: int) -> None:
    with unit_of_work(ctx, actor, Permission.MANAGE_USERS) as work:
        if user_id == work.actor.user_id and role != Role.ADMIN:  # type: ignore[union-attr]
            raise field_error("role", "Nie możesz odebrać sobie roli administratora.")
        user = _load(work, user_id, version)
        user.role = Role(role)
        work.audit_changes(user, "change_role")


def reset_password(ctx: AppContext, actor: Actor, user_id: int, new_password: str,
                   *, version: int) -> None:
    """Admin sets a new password; the account is unlocked and must change it at next login."""
    with unit_of_work(ctx, actor, Permission.MANAGE_USERS) as work:
        check_password_strength(new_password, "new_password")
        user = _load(work, user_id, version)
        user.password_hash = hash_password(new_password)
        user.failed_attempts = 0
        user.locked_until = None
        user.must_change_password = True
        work.audit_changes(user, "reset_password")


def change_own_password(ctx: AppContext, actor: Actor, old_password: str,
                        new_password: str) -> None:
    with unit_of_work(ctx, actor, None) as work:
        user = _load(work, actor.user_id, None)
        if not verify_password(user.password_hash, old_password):
            raise field_error("old_password", "Obecne hasło jest nieprawidłowe.")
        check_password_strength(new_password, "new_password")
        user.password_hash = hash_password(new_password)
        user.must_change_password = False
        work.audit_changes(user, "change_password")
