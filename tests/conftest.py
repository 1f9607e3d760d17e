"""Shared fixtures: every database test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from clerk_app.documents.renderer import PdfRenderer
from clerk_app.domain.roles import Role
from clerk_app.persistence.database import Database
from clerk_app.services.admin import passwords
from clerk_app.services.admin.bootstrap import create_first_admin
from clerk_app.services.admin.settings import OfficeSettings
from clerk_app.services.admin.users import NewUser, create_user
from clerk_app.services.core.context import Actor, AppContext
from tests import dbsupport

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
BACKENDS = ["sqlite", "postgresql"]
TEST_PASSWORD = "Haslo1234"
TEST_NRB = "61109010140000071219812874"
# Cheaper Argon2id parameters (still Argon2id), so the suite does not spend minutes hashing.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)

_pg_skips: list[str] = []


class FakeClock:
    """A settable clock (aware UTC) so lockouts and dates are deterministic."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **kwargs: float) -> None:
        self.current += timedelta(**kwargs)


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing() -> Iterator[None]:
    """Every test hashes with :data:`FAST_HASHER` instead of the application's hasher."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "hasher", FAST_HASHER)
        yield


@pytest.fixture(scope="session")
def pg_template() -> Iterator[dbsupport.PgTemplate | None]:
    reason = dbsupport.pg_available()
    if reason is not None:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required under CI but not reachable: {reason}")
        yield None
        return
    template = dbsupport.PgTemplate()
    yield template
    template.drop_all()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> dbsupport.SqliteTemplate:
    return dbsupport.SqliteTemplate(tmp_path_factory.mktemp("sqlite"))


@pytest.fixture(params=BACKENDS)
def db_url(
    request: pytest.FixtureRequest,
    sqlite_template: dbsupport.SqliteTemplate,
    pg_template: dbsupport.PgTemplate | None,
) -> Iterator[str]:
    """A fresh, migrated, empty database URL on each back-end."""
    if request.param == "sqlite":
        yield sqlite_template.new_database()
        return
    if pg_template is None:
        pytest.skip("PostgreSQL is not reachable")
    url = pg_template.new_database()
    yield url
    pg_template.drop(url)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database.open(db_url)
    yield database
    database.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 9, 30, tzinfo=UTC))


@pytest.fixture
def ctx(db: Database, clock: FakeClock) -> AppContext:
    """The context the application makes: each issued letter is kept as its PDF."""
    return AppContext(db=db, clock=clock, renderer=PdfRenderer())


@pytest.fixture
def office_settings() -> OfficeSettings:
    return OfficeSettings(deposit_bank_account=TEST_NRB, signatory_name="Anna Nowak")


@pytest.fixture
def admin(ctx: AppContext, office_settings: OfficeSettings) -> Actor:
    return create_first_admin(
        ctx, NewUser("admin", "Adam Administrator", Role.ADMIN, TEST_PASSWORD), office_settings
    )


@pytest.fixture
def staff(ctx: AppContext, admin: Actor) -> dict[Role, Actor]:
    """One user of each role (the admin included)."""
    people = {
        Role.COUNTER: ("okienko", "Ola Okienkowa"),
        Role.CLERK: ("referent", "Józef Żółkiewski"),
        Role.SUPERVISOR: ("kierownik", "Krystyna Kierownik"),
    }
    actors = {Role.ADMIN: admin}
    for role, (username, name) in people.items():
        user_id = create_user(ctx, admin, NewUser(username, name, role, TEST_PASSWORD))
        actors[role] = Actor(user_id, username, name, role)
    return actors


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and "postgresql" in report.nodeid:
        _pg_skips.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if IN_CI and _pg_skips:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter: object) -> None:
    if IN_CI and _pg_skips:
        tr = terminalreporter
        tr.write_line(  # type: ignore[attr-defined]
            f"FAILED: {len(_pg_skips)} PostgreSQL test(s) skipped under CI, e.g. {_pg_skips[0]}",
            red=True,
        )
