"""User administration under concurrency: a duplicate name race ends in the Polish message,
never an IntegrityError with a password hash in it; every change checks the version."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from clerk_app.domain.roles import Role
from clerk_app.services.admin import users
from clerk_app.services.admin.users import NewUser
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, ValidationFailed
from tests.conftest import TEST_PASSWORD
from tests.dbsupport import user_version


def test_duplicate_name_race_gives_the_polish_message(ctx: AppContext, admin: Actor) -> None:
    barrier = threading.Barrier(6)

    def create(i: int) -> str:
        barrier.wait()
        try:
            users.create_user(ctx, admin, NewUser("kowalska", f"Anna Kowalska {i}", Role.CLERK,
                                                  TEST_PASSWORD))
            return "created"
        except ValidationFailed as exc:
            text = str(exc) + " ".join(e.message for e in exc.errors)
            assert "$argon2" not in text and "IntegrityError" not in text
            assert any(e.key == "username" and "już istnieje" in e.message
                       for e in exc.errors)
            return "refused"

    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(create, range(6)))
    assert results.count("created") == 1
    assert results.count("refused") == 5


@pytest.mark.parametrize("change", ["set_active", "change_role", "reset_password"])
def test_user_changes_check_the_version(
    ctx: AppContext, staff: dict[Role, Actor], change: str
) -> None:
    admin, clerk = staff[Role.ADMIN], staff[Role.CLERK]
    stale = user_version(ctx, clerk.user_id)
    users.change_role(ctx, admin, clerk.user_id, Role.SUPERVISOR, version=stale)
    calls = {
        "set_active": lambda: users.set_active(ctx, admin, clerk.user_id, False,
                                               version=stale),
        "change_role": lambda: users.change_role(ctx, admin, clerk.user_id, Role.CLERK,
                                                 version=stale),
        "reset_password": lambda: users.reset_password(ctx, admin, clerk.user_id,
                                                       "NoweHaslo9", version=stale),
    }
    with pytest.raises(ConflictError):
        calls[change]()
