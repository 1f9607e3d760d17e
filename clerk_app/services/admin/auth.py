"""Logging in, with a 5-minute lock after 5 failed attempts."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from clerk_app.persistence.models import User
from clerk_app.services.admin.passwords import verify_password
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.errors import AccountLocked, AuthenticationFailed
from clerk_app.services.core.unit_of_work import unit_of_work

MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = timedelta(minutes=5)


def authenticate(ctx: AppContext, username: str, password: str) -> Actor:
    """Check the credentials and return the actor; failures are counted and audited."""
    name = (username or "").strip().lower()
    if not name or not password:
        raise AuthenticationFailed("Podaj nazwę użytkownika i hasło.")
    error: Exception | None = None
    actor: Actor | None = None
    with unit_of_work(ctx, None) as work:
        user = work.session.scalars(select(User).where(User.username == name)).one_or_none()
        if user is None or not user.active:
            raise AuthenticationFailed()
        work.actor = Actor(user.id, user.username, user.full_name, user.role)
        if user.locked_until is not None and user.locked_until > work.now:
            until = user.locked_until.astimezone(OFFICE_TZ).strftime("%H:%M")
            raise AccountLocked(
                f"Konto jest zablokowane po {MAX_FAILED_ATTEMPTS} nieudanych próbach "
                f"logowania. Spróbuj ponownie po {until}."
            )
        if verify_password(user.password_hash, password):
            user.failed_attempts = 0
            user.locked_until = None
            user.last_login_at = work.now
            work.audit("users", user.id, "login")
            actor = Actor(user.id, user.username, user.full_name, user.role,
                          must_change_password=user.must_change_password)
        else:
            user.failed_attempts += 1
            if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
                user.locked_until = work.now + LOCK_DURATION
                user.failed_attempts = 0
                work.audit("users", user.id, "account_locked")
                error = AccountLocked(
                    f"Po {MAX_FAILED_ATTEMPTS} nieudanych próbach konto zostało zablokowane "
                    "na 5 minut."
                )
            else:
                work.audit("users", user.id, "login_failed",
                           {"failed_attempts": [None, user.failed_attempts]})
                error = AuthenticationFailed()
    # The failed-attempt counter is committed before the error is raised.
    if error is not None:
        raise error
    assert actor is not None
    return actor


def has_any_user(ctx: AppContext) -> bool:
    """False on a fresh database: the first-start dialog must create an administrator."""
    with ctx.db.read() as session:
        return bool(session.scalar(select(func.count()).select_from(User)))
