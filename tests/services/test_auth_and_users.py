"""Login, lockout, user administration and role enforcement inside services."""

from __future__ import annotations

import pytest
from argon2 import Type
from sqlalchemy import select

from clerk_app.domain.roles import Role
from clerk_app.persistence.models import AuditEntry, User
from clerk_app.services.admin import auth, passwords, users
from clerk_app.services.admin.users import NewUser
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import (
    AccountLocked,
    AuthenticationFailed,
    PermissionDenied,
    ValidationFailed,
)
from tests.conftest import FAST_HASHER, TEST_PASSWORD, FakeClock
from tests.dbsupport import user_version


def test_login_ok_returns_actor_and_audits(ctx: AppContext, admin: Actor) -> None:
    actor = auth.authenticate(ctx, "Admin ", TEST_PASSWORD)
    assert actor.username == "admin" and actor.role == Role.ADMIN
    with ctx.db.read() as s:
        query = select(AuditEntry.action).where(AuditEntry.user_id == admin.user_id)
        actions = list(s.scalars(query))
    assert "login" in actions


def test_wrong_password_message_is_polish_and_counted(ctx: AppContext, admin: Actor) -> None:
    with pytest.raises(AuthenticationFailed, match="Nieprawidłowa nazwa użytkownika lub hasło"):
        auth.authenticate(ctx, "admin", "zle-haslo")
    with ctx.db.read() as s:
        user = s.scalars(select(User).where(User.username == "admin")).one()
        assert user.failed_attempts == 1
        assert TEST_PASSWORD not in user.password_hash
        assert user.password_hash.startswith("$argon2id$")


def test_unknown_user_same_message(ctx: AppContext, admin: Actor) -> None:
    with pytest.raises(AuthenticationFailed, match="Nieprawidłowa"):
        auth.authenticate(ctx, "nobody", "whatever1")


def test_five_failures_lock_for_five_minutes(
    ctx: AppContext, admin: Actor, clock: FakeClock
) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            auth.authenticate(ctx, "admin", "zle-haslo")
    with pytest.raises(AccountLocked, match="zablokowane"):
        auth.authenticate(ctx, "admin", "zle-haslo")
    # Even the right password is refused while locked.
    with pytest.raises(AccountLocked, match="Spróbuj ponownie po"):
        auth.authenticate(ctx, "admin", TEST_PASSWORD)
    clock.advance(minutes=4, seconds=59)
    with pytest.raises(AccountLocked):
        auth.authenticate(ctx, "admin", TEST_PASSWORD)
    clock.advance(seconds=2)
    assert auth.authenticate(ctx, "admin", TEST_PASSWORD).username == "admin"


def test_deactivated_user_cannot_log_in_nor_act(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    clerk = staff[Role.CLERK]
    users.set_active(ctx, staff[Role.ADMIN], clerk.user_id, False,
        version=user_version(ctx, clerk.user_id))
    with pytest.raises(AuthenticationFailed):
        auth.authenticate(ctx, clerk.username, TEST_PASSWORD)
    with pytest.raises(PermissionDenied, match="nieaktywne"):
        users.change_own_password(ctx, clerk, TEST_PASSWORD, "Nowe12345")


def test_counter_cannot_manage_users(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    for role in (Role.COUNTER, Role.CLERK, Role.SUPERVISOR):
        with pytest.raises(PermissionDenied, match="nie pozwala"):
            users.create_user(ctx, staff[role], NewUser("nowy", "Nowy", Role.CLERK, "Haslo12345"))


def test_role_is_rechecked_in_database(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    """A stale Actor claiming admin is refused once the database says otherwise."""
    sup = staff[Role.SUPERVISOR]
    forged = Actor(sup.user_id, sup.username, sup.full_name, Role.ADMIN)
    with pytest.raises(PermissionDenied):
        users.create_user(ctx, forged, NewUser("nowy", "Nowy", Role.CLERK, "Haslo12345"))


def test_duplicate_user_name_refused(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    with pytest.raises(ValidationFailed) as err:
        users.create_user(
            ctx, staff[Role.ADMIN], NewUser("Referent", "Ktoś", Role.CLERK, "Haslo12345")
        )
    assert err.value.fields == ["username"]
    assert "już istnieje" in err.value.message


def test_empty_fields_named_and_nothing_saved(ctx: AppContext, admin: Actor) -> None:
    with pytest.raises(ValidationFailed) as err:
        users.create_user(ctx, admin, NewUser("", "  ", Role.CLERK, "krotkie"))
    assert err.value.fields == ["username", "full_name", "password"]
    with ctx.db.read() as s:
        assert s.scalar(select(User.id).where(User.username == "")) is None
        assert len(list(s.scalars(select(User)))) == 1


def test_reset_password_unlocks_and_audits_without_secret(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    clerk = staff[Role.CLERK]
    for _ in range(5):
        with pytest.raises((AuthenticationFailed, AccountLocked)):
            auth.authenticate(ctx, clerk.username, "zle-haslo")
    users.reset_password(ctx, staff[Role.ADMIN], clerk.user_id, "NoweHaslo9",
        version=user_version(ctx, clerk.user_id))
    assert auth.authenticate(ctx, clerk.username, "NoweHaslo9").user_id == clerk.user_id
    with ctx.db.read() as s:
        texts = [e.changes for e in s.scalars(select(AuditEntry))]
    assert not any("NoweHaslo9" in t or "argon2" in t for t in texts)


def test_change_role_and_self_protection(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    admin = staff[Role.ADMIN]
    users.change_role(ctx, admin, staff[Role.CLERK].user_id, Role.SUPERVISOR,
        version=user_version(ctx, staff[Role.CLERK].user_id))
    rows = {u.username: u for u in users.list_users(ctx, admin)}
    assert rows["referent"].role == Role.SUPERVISOR
    with pytest.raises(ValidationFailed, match="odebrać sobie"):
        users.change_role(ctx, admin, admin.user_id, Role.CLERK,
            version=user_version(ctx, admin.user_id))
    with pytest.raises(ValidationFailed, match="własnego konta"):
        users.set_active(ctx, admin, admin.user_id, False, version=user_version(ctx, admin.user_id))


def test_stale_version_conflicts(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    from clerk_app.services.core.errors import ConflictError

    admin = staff[Role.ADMIN]
    row = next(u for u in users.list_users(ctx, admin) if u.username == "okienko")
    users.change_role(ctx, admin, row.id, Role.CLERK, version=row.version)
    with pytest.raises(ConflictError, match="zmieniony przez innego użytkownika"):
        users.set_active(ctx, admin, row.id, False, version=row.version)


def test_the_application_hashes_with_argon2id_defaults_and_tests_with_a_cheaper_one() -> None:
    strong = passwords.APP_HASHER
    assert (strong.type, strong.memory_cost, strong.time_cost) == (Type.ID, 65536, 3)
    assert passwords.hasher is FAST_HASHER  # put there by the suite's fixture
    assert passwords.hash_password(TEST_PASSWORD).startswith("$argon2id$v=19$m=1024,t=1")
    # Each hash carries its parameters: one made either way verifies with the other.
    assert strong.verify(FAST_HASHER.hash(TEST_PASSWORD), TEST_PASSWORD)
    assert passwords.verify_password(strong.hash(TEST_PASSWORD), TEST_PASSWORD)
