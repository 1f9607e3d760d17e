"""Engine factory and the per-action session scopes (one session per user action)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "clerk_app"
# How long a SQLite writer waits for another's lock before the action is refused as busy
# (services say so in Polish and the windows offer a retry).
BUSY_WAIT_SECONDS = 5


def data_dir() -> Path:
    """The user's data directory for the application (created on demand)."""
    path = platformdirs.user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_url() -> str:
    """The embedded SQLite database in the user's data directory."""
    return f"sqlite:///{data_dir() / 'clerk.sqlite3'}"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for memory or other back-ends."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    if parsed.database.startswith("file:"):  # a URI filename (read-only opening)
        return Path(unquote(parsed.database.removeprefix("file:")))
    return Path(parsed.database)


def is_read_only_file(path: Path) -> bool:
    """True when the SQLite file (or its folder, where WAL needs its side files) cannot be
    written by this user."""
    return path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def read_only_url(path: Path) -> str:
    """A URL opening ``path`` read-only. A WAL database in a folder this user cannot write
    has no ``-shm`` to share, so it is opened as immutable (nobody can change it either)."""
    query = "mode=ro"
    if not os.access(path.parent, os.W_OK) and not path.with_name(path.name + "-shm").exists():
        query += "&immutable=1"
    return f"sqlite:///file:{quote(str(path.resolve()))}?{query}&uri=true"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url``: SQLite with WAL, foreign keys and explicit BEGIN; PostgreSQL via
    psycopg 3 (a bare ``postgresql://`` URL is mapped to the psycopg driver)."""
    parsed = make_url(url)
    # SQL parameters never appear in an error's text (a password hash, a PESEL).
    kwargs.setdefault("hide_parameters", True)
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() != "psycopg":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() != "sqlite":
        kwargs.setdefault("pool_pre_ping", True)
        return create_engine(parsed, **kwargs)

    read_only = parsed.query.get("mode") == "ro"
    path = sqlite_path(url)
    if path is not None and not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, connect_args={"timeout": BUSY_WAIT_SECONDS}, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from pysqlite so BEGIN is ours (SQLAlchemy recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_WAIT_SECONDS * 1000}")
        if not read_only:
            # Deleted content is overwritten with zeros, not left in free pages (RODO: an
            # anonymised case leaves nothing in the file).
            cursor.execute("PRAGMA secure_delete=ON")
        if path is not None and not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock up front: no SQLITE_BUSY on a read-then-write upgrade.
        conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))

    return engine


@dataclass
class Database:
    """An injectable database: the engine plus a reader and a writer session factory."""

    url: str
    engine: Engine
    _writer: sessionmaker[Session]
    _reader: sessionmaker[Session]

    @classmethod
    def open(cls, url: str, **engine_kwargs: Any) -> Database:
        engine = make_engine(url, **engine_kwargs)
        write_bind = engine.execution_options(sqlite_begin="BEGIN IMMEDIATE")
        return cls(
            url=url,
            engine=engine,
            _writer=sessionmaker(bind=write_bind, expire_on_commit=False),
            _reader=sessionmaker(bind=engine, expire_on_commit=False),
        )

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction: commits on success, rolls back on any exception."""
        with self._writer.begin() as session:
            yield session

    @contextmanager
    def read(self, snapshot: bool = False) -> Iterator[Session]:
        """A read-only unit of work; loaded objects stay readable after it ends.

        ``snapshot``: every statement sees the same committed state (what one screen shows
        from several queries). SQLite's read transaction is such a snapshot anyway; on
        PostgreSQL the transaction runs REPEATABLE READ instead of READ COMMITTED.
        """
        with self._reader() as session, session.begin():
            if snapshot and self.dialect == "postgresql":
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            yield session

    def refresh_after_bulk_load(self, tables: list[str]) -> None:
        """PostgreSQL: ``VACUUM (ANALYZE)`` freshly loaded tables, outside any transaction.

        Besides fresh statistics this marks the pages all-visible, which index-only scans
        (the case list's walk in received order) need to skip the table. SQLite: nothing.
        """
        if self.dialect != "postgresql":
            return
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in tables:
                conn.exec_driver_sql(f"VACUUM (ANALYZE) {table}")

    def display_name(self) -> str:
        """The URL without a password, for the status bar."""
        return make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()
