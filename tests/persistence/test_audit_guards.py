"""The audit trail is append-only in the schema itself: SQLite refuses REPLACE from any
connection, and on PostgreSQL the application's own role (made by ``clerk-app init
--app-role``) may only read and insert audit rows and owns nothing it could alter."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url

from clerk_app.persistence.database import Database, sqlite_path
from clerk_app.persistence.pg_roles import grant_application_role
from clerk_app.services.admin import auth
from clerk_app.services.core.context import Actor, AppContext
from tests import dbsupport
from tests.conftest import TEST_PASSWORD


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("statement", [
    "INSERT OR REPLACE INTO audit_entries SELECT * FROM audit_entries WHERE id = {id}",
    "REPLACE INTO audit_entries SELECT * FROM audit_entries WHERE id = {id}",
])
def test_sqlite_refuses_replace_from_a_plain_connection(
    ctx: AppContext, admin: Actor, db_url: str, statement: str
) -> None:
    path = sqlite_path(db_url)
    assert path is not None
    with sqlite3.connect(path) as conn:
        first, action = conn.execute(
            "SELECT id, action FROM audit_entries ORDER BY id LIMIT 1").fetchone()
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute(statement.format(id=first))
        assert conn.execute("SELECT action FROM audit_entries WHERE id = ?",
                            (first,)).fetchone() == (action,)


def _pg_only(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("application roles are a PostgreSQL matter")


@pytest.fixture
def app_role(db_url: str) -> Iterator[str]:
    role = f"clerk_app_test_{uuid.uuid4().hex[:8]}"
    yield role
    if db_url.startswith("postgresql"):
        with psycopg.connect(make_url(db_url).set(drivername="postgresql")
                             .render_as_string(hide_password=False), autocommit=True) as c:
            c.execute(f'DROP OWNED BY "{role}"')  # type: ignore[arg-type]
        dbsupport.pg_execute(f'DROP ROLE IF EXISTS "{role}"')


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_application_role_cannot_alter_the_audit_trail(
    ctx: AppContext, admin: Actor, db_url: str, app_role: str
) -> None:
    _pg_only(db_url)
    assert grant_application_role(ctx.db, app_role) is True
    assert grant_application_role(ctx.db, app_role) is False  # again: only re-grants
    as_app = make_url(db_url).set(username=app_role)
    app_db = Database.open(as_app.render_as_string(hide_password=False))
    try:
        # The application works through its role: a login writes users and the audit trail.
        app_ctx = AppContext(app_db, clock=ctx.clock)
        assert auth.authenticate(app_ctx, "admin", TEST_PASSWORD).username == "admin"
    finally:
        app_db.dispose()
    conninfo = as_app.set(drivername="postgresql").render_as_string(hide_password=False)
    for statement in (
        "UPDATE audit_entries SET action = 'forged'",
        "DELETE FROM audit_entries",
        "TRUNCATE audit_entries",
        "ALTER TABLE audit_entries DISABLE TRIGGER ALL",
        "DROP TRIGGER audit_entries_no_change ON audit_entries",
        "UPDATE alembic_version SET version_num = '0001'",
        "CREATE TABLE forged (id int)",
    ):
        with psycopg.connect(conninfo) as conn, pytest.raises(psycopg.Error):
            conn.execute(statement)  # type: ignore[arg-type]
    with psycopg.connect(conninfo) as conn:
        assert conn.execute("SELECT count(*) FROM audit_entries").fetchone()[0] > 0


@pytest.mark.parametrize("db_url", ["postgresql", "sqlite"], indirect=True)
def test_init_app_role_from_the_command_line(db_url: str, app_role: str) -> None:
    run = subprocess.run([sys.executable, "-m", "clerk_app.cli.main", "init", "--db", db_url,
                          "--app-role", app_role], capture_output=True, text=True,
                         timeout=120)
    if db_url.startswith("postgresql"):
        assert run.returncode == 0, run.stderr
        assert f"Rola aplikacji {app_role} utworzona" in run.stdout
    else:
        assert run.returncode == 2
        assert "tylko PostgreSQL" in run.stderr and "Traceback" not in run.stderr
