"""Concurrent logins to one account: every right one logs in, every wrong guess counts;
failures decay; an unknown user name costs as much as a wrong password."""

from __future__ import annotations

import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from clerk_app.persistence.models import AuditEntry, User
from clerk_app.services.admin import auth, passwords
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import AccountLocked, AuthenticationFailed
from tests.conftest import TEST_PASSWORD, FakeClock

PARALLEL = 40


def _attempt(ctx: AppContext, password: str) -> str:
    try:
        auth.authenticate(ctx, "admin", password)
        return "ok"
    except AccountLocked:
        return "locked"
    except AuthenticationFailed:
        return "failed"


def _audited(ctx: AppContext, *actions: str) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry)
                        .where(AuditEntry.action.in_(actions))) or 0


def test_simultaneous_right_logins_all_succeed(
    ctx: AppContext, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The application's slow hasher: the logins really overlap.
    monkeypatch.setattr(passwords, "hasher", passwords.APP_HASHER)
    with ctx.db.transaction() as s:
        s.scalars(select(User).where(User.username == "admin")).one().password_hash = \
            passwords.hash_password(TEST_PASSWORD)
    before = _audited(ctx, "login")
    with ThreadPoolExecutor(PARALLEL) as pool:
        results = list(pool.map(lambda _: _attempt(ctx, TEST_PASSWORD), range(PARALLEL)))
    assert results == ["ok"] * PARALLEL
    assert _audited(ctx, "login") - before == PARALLEL


def test_simultaneous_wrong_guesses_are_all_counted(ctx: AppContext, admin: Actor) -> None:
    with ThreadPoolExecutor(PARALLEL) as pool:
        results = list(pool.map(lambda _: _attempt(ctx, "zle-haslo1"), range(PARALLEL)))
    assert set(results) <= {"failed", "locked"}
    counted = _audited(ctx, "login_failed", "account_locked")
    # Guesses that arrive after the lock is set are refused before any check (not guesses).
    refused_while_locked = sum(1 for r in results if r == "locked") \
        - _audited(ctx, "account_locked")
    assert counted + refused_while_locked == PARALLEL
    assert _audited(ctx, "account_locked") >= 1
    with ctx.db.read() as s:
        user = s.scalars(select(User).where(User.username == "admin")).one()
        assert user.locked_until is not None


def test_failures_decay_after_a_quiet_period(
    ctx: AppContext, admin: Actor, clock: FakeClock
) -> None:
    for _ in range(auth.MAX_FAILED_ATTEMPTS - 1):
        assert _attempt(ctx, "zle-haslo1") == "failed"
    clock.advance(minutes=15, seconds=1)
    # Counting starts again: four more wrong guesses do not lock.
    for _ in range(auth.MAX_FAILED_ATTEMPTS - 1):
        assert _attempt(ctx, "zle-haslo1") == "failed"
    assert _attempt(ctx, "zle-haslo1") == "locked"


def test_a_right_login_resets_the_counter(ctx: AppContext, admin: Actor) -> None:
    for _ in range(auth.MAX_FAILED_ATTEMPTS - 1):
        assert _attempt(ctx, "zle-haslo1") == "failed"
    assert _attempt(ctx, TEST_PASSWORD) == "ok"
    for _ in range(auth.MAX_FAILED_ATTEMPTS - 1):
        assert _attempt(ctx, "zle-haslo1") == "failed"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_unknown_user_takes_as_long_as_a_wrong_password(
    ctx: AppContext, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the application's own (slow) hasher, an unknown name is not answered faster."""
    monkeypatch.setattr(passwords, "hasher", passwords.APP_HASHER)

    def median(name: str) -> float:
        times = []
        for _ in range(auth.MAX_FAILED_ATTEMPTS - 2):  # below the lock
            started = time.perf_counter()
            with pytest.raises(AuthenticationFailed):
                auth.authenticate(ctx, name, "zle-haslo1")
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    wrong = median("admin")
    unknown = median("nobody-at-all")
    assert unknown > 0.6 * wrong, (unknown, wrong)
