"""Logging in, with a 5-minute lock after 5 failed attempts.

The password is verified outside any transaction (Argon2 is slow on purpose); the outcome is
then written with single atomic ``UPDATE`` statements that bypass the row's version check, so
concurrent logins to one account never conflict: every wrong guess counts, every right one
logs in. Failures decay: after :data:`FAILURE_DECAY` without one, counting starts again. An
unknown or inactive user name is verified against a dummy hash, so it takes as long as a
wrong password.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Table, case, func, or_, select, update

from clerk_app.persistence.models import User
from clerk_app.services.admin import passwords
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.errors import AccountLocked, AuthenticationFailed
from clerk_app.services.core.unit_of_work import Work, unit_of_work

MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = timedelta(minutes=5)
FAILURE_DECAY = timedelta(minutes=15)
_USERS: Table = User.__table__  # type: ignore[assignment]
_dummy_hashes: dict[int, str] = {}


def _dummy_hash() -> str:
    """A hash of a random password by the hasher in use (made once per hasher)."""
    hasher = passwords.hasher
    key = id(hasher)
    if key not in _dummy_hashes:
        _dummy_hashes[key] = passwords.hash_password("nieistniejace-konto-0")
    return _dummy_hashes[key]


def _locked_message(until: datetime) -> AccountLocked:
    return AccountLocked(
        f"Konto jest zablokowane po {MAX_FAILED_ATTEMPTS} nieudanych próbach logowania. "
        f"Spróbuj ponownie po {until.astimezone(OFFICE_TZ).strftime('%H:%M')}.")


def authenticate(ctx: AppContext, username: str, password: str) -> Actor:
    """Check the credentials and return the actor; failures are counted and audited."""
    name = (username or "").strip().lower()
    if not name or not password:
        raise AuthenticationFailed("Podaj nazwę użytkownika i hasło.")
    with ctx.db.read() as session:
        user = session.execute(select(
            User.id, User.username, User.full_name, User.role, User.password_hash,
            User.active, User.locked_until, User.must_change_password,
        ).where(User.username == name)).one_or_none()
    if user is None or not user.active:
        passwords.verify_password(_dummy_hash(), password)
        raise AuthenticationFailed()
    if user.locked_until is not None and user.locked_until > ctx.now():
        raise _locked_message(user.locked_until)
    right = passwords.verify_password(user.password_hash, password)
    with unit_of_work(ctx, None) as work:
        work.actor = Actor(user.id, user.username, user.full_name, user.role)
        error = _record_success(work, user.id) if right else _record_failure(work, user.id)
    # The counter is committed before the error is raised.
    if error is not None:
        raise error
    return Actor(user.id, user.username, user.full_name, user.role,
                 must_change_password=user.must_change_password)


def _record_success(work: Work, user_id: int) -> Exception | None:
    """Reset the counter and stamp the login, unless a concurrent failure locked it."""
    done = work.session.execute(
        update(_USERS).where(_USERS.c.id == user_id,
                             or_(_USERS.c.locked_until.is_(None),
                                 _USERS.c.locked_until <= work.now))
        .values(failed_attempts=0, locked_until=None, last_failed_at=None,
                last_login_at=work.now))
    if not done.rowcount:  # type: ignore[attr-defined]
        until = work.session.scalar(select(User.locked_until).where(User.id == user_id))
        return _locked_message(until or work.now)
    work.audit("users", user_id, "login")
    return None


def _record_failure(work: Work, user_id: int) -> Exception:
    """Count one wrong guess atomically; the fifth within the decay period locks."""
    fresh = or_(_USERS.c.last_failed_at.is_(None),
                _USERS.c.last_failed_at < work.now - FAILURE_DECAY)
    count = work.session.execute(
        update(_USERS).where(_USERS.c.id == user_id)
        .values(failed_attempts=case((fresh, 1), else_=_USERS.c.failed_attempts + 1),
                last_failed_at=work.now)
        .returning(_USERS.c.failed_attempts)).scalar_one()
    if count >= MAX_FAILED_ATTEMPTS:
        locked = work.session.execute(
            update(_USERS).where(_USERS.c.id == user_id,
                                 _USERS.c.failed_attempts >= MAX_FAILED_ATTEMPTS)
            .values(failed_attempts=0, locked_until=work.now + LOCK_DURATION))
        if locked.rowcount:  # type: ignore[attr-defined]
            work.audit("users", user_id, "account_locked", {"failed_attempts": [None, count]})
            return AccountLocked(
                f"Po {MAX_FAILED_ATTEMPTS} nieudanych próbach konto zostało zablokowane "
                "na 5 minut.")
    work.audit("users", user_id, "login_failed", {"failed_attempts": [None, count]})
    return AuthenticationFailed()


def has_any_user(ctx: AppContext) -> bool:
    """False on a fresh database: the first-start dialog must create an administrator."""
    with ctx.db.read() as session:
        return bool(session.scalar(select(func.count()).select_from(User)))
