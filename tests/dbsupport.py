"""Throw-away databases for tests: SQLite files and PostgreSQL databases from a template."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from clerk_app.persistence.database import Database
from clerk_app.persistence.migrations import upgrade_to_head
from clerk_app.services.core.context import AppContext

PG_ADMIN_URL = os.environ.get(
    "CLERK_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _pg_conninfo(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def pg_available() -> str | None:
    """None when PostgreSQL answers, else the reason it does not."""
    try:
        with psycopg.connect(_pg_conninfo(PG_ADMIN_URL), connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return str(exc).strip() or exc.__class__.__name__


def pg_url(name: str) -> str:
    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


def pg_execute(sql: str) -> None:
    with psycopg.connect(_pg_conninfo(PG_ADMIN_URL), autocommit=True) as conn:
        conn.execute(sql)


class PgTemplate:
    """A migrated template database; each test gets a fresh copy of it."""

    def __init__(self, icu_locale: str | None = None) -> None:
        """``icu_locale``: the databases sort text by that ICU collation (e.g. ``pl-PL``)
        instead of the server's default."""
        self.prefix = f"clerk_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.template = f"{self.prefix}_tpl"
        self.created: list[str] = []
        locale = (f" LOCALE_PROVIDER icu ICU_LOCALE '{icu_locale}' TEMPLATE template0"
                  if icu_locale else "")
        pg_execute(f'CREATE DATABASE "{self.template}"{locale}')
        self.created.append(self.template)
        db = Database.open(pg_url(self.template))
        upgrade_to_head(db)
        db.dispose()

    def new_database(self) -> str:
        name = f"{self.prefix}_{len(self.created)}"
        pg_execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        self.created.append(name)
        return pg_url(name)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        pg_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def drop_all(self) -> None:
        for name in reversed(self.created):
            pg_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class SqliteTemplate:
    """A migrated SQLite file copied for each test."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.template = directory / "template.sqlite3"
        db = Database.open(f"sqlite:///{self.template}")
        upgrade_to_head(db)
        db.dispose()
        self.count = 0

    def new_database(self) -> str:
        self.count += 1
        target = self.directory / f"test_{self.count}.sqlite3"
        shutil.copy2(self.template, target)
        return f"sqlite:///{target}"


def user_version(ctx: AppContext, user_id: int) -> int:
    """The stored version of a user (what a window passes to the user services)."""
    from clerk_app.persistence.models import User

    with ctx.db.read() as session:
        user = session.get(User, user_id)
        assert user is not None
        return user.version
