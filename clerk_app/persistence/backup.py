"""Copies of the whole database and putting one back.

SQLite goes through its online backup API: one step under one read transaction, so the
copy is consistent while clerks keep writing (WAL lets them). PostgreSQL goes through
``pg_dump``/``pg_restore`` in custom format. Every copy is first written beside its target
as ``*.part`` and renamed when complete, so an interrupted copy never looks like a backup.
Which file is a backup of this application, and of which schema, is :func:`inspect_backup`.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

Progress = Callable[[int, int], None]  # done, total (pages, or 0/1 for a dump)
SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"
# Tables every backup of this application holds (any schema revision since 0001).
_OWN_TABLES = frozenset({"alembic_version", "cases", "settings", "audit_entries", "users"})


class BackupError(Exception):
    """A copy could not be made or put back; ``message`` is Polish, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file is: ``sqlite`` or ``postgresql``, and its schema revision."""

    backend: str
    revision: str


def _part(path: Path) -> Path:
    return path.with_name(path.name + ".part")


def backup_sqlite(source: Path, target: Path, progress: Progress | None = None) -> None:
    """Copy the SQLite database ``source`` to ``target`` (one file, no WAL)."""
    part = _part(target)
    part.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, \
                closing(sqlite3.connect(part)) as dst:
            src.backup(dst, pages=-1,
                       progress=None if progress is None else
                       lambda _status, remaining, total: progress(total - remaining, total))
            dst.execute("PRAGMA journal_mode=DELETE")
        os.replace(part, target)
    except (sqlite3.Error, OSError) as exc:
        part.unlink(missing_ok=True)
        raise BackupError(f"Nie udało się zapisać kopii bazy: {exc}.") from exc


def restore_sqlite(backup: Path, target: Path, progress: Progress | None = None) -> None:
    """Replace the content of the SQLite database ``target`` by ``backup``'s, under the
    target's write lock (other connections wait, then see the restored database)."""
    try:
        with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as src, \
                closing(sqlite3.connect(target, timeout=30)) as dst:
            src.backup(dst, pages=-1,
                       progress=None if progress is None else
                       lambda _status, remaining, total: progress(total - remaining, total))
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(f"Nie udało się odtworzyć bazy z kopii: {exc}.") from exc


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"Brak programu {name} (PostgreSQL). Zainstaluj klienta PostgreSQL, np. "
            "„apt install postgresql-client”, i spróbuj ponownie.")
    return found


def _pg_target(url: str) -> tuple[list[str], dict[str, str]]:
    """Connection options for the PostgreSQL tools; the password goes by environment, never
    on the command line (where ``ps`` would show it)."""
    parsed = make_url(url)
    args = ["--dbname", parsed.database or ""]
    if parsed.host:
        args += ["--host", parsed.host]
    if parsed.port:
        args += ["--port", str(parsed.port)]
    if parsed.username:
        args += ["--username", parsed.username]
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    return args, env


def _run(command: list[str], env: dict[str, str], what: str) -> subprocess.CompletedProcess[str]:
    run = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if run.returncode != 0:
        detail = " ".join(run.stderr.split())[:400] or f"kod {run.returncode}"
        raise BackupError(f"{what} nie powiodło się: {detail}")
    return run


def backup_postgresql(url: str, target: Path) -> None:
    """``pg_dump`` of the database at ``url`` into ``target`` (custom format)."""
    tool = _pg_tool("pg_dump")
    args, env = _pg_target(url)
    part = _part(target)
    try:
        _run([tool, "--format=custom", "--no-owner", "--file", str(part), *args], env,
             "Zapisanie kopii bazy (pg_dump)")
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)


def restore_postgresql(url: str, backup: Path) -> None:
    """``pg_restore`` of ``backup`` into the database at ``url``, in one transaction: what
    was there is dropped first; a failure leaves it as it was."""
    tool = _pg_tool("pg_restore")
    args, env = _pg_target(url)
    _run([tool, "--clean", "--if-exists", "--no-owner", "--single-transaction",
          "--exit-on-error", *args, str(backup)], env, "Odtworzenie bazy z kopii (pg_restore)")


def inspect_backup(path: Path) -> BackupInfo:
    """The kind and schema revision of a backup file; ``BackupError`` when the file is not a
    backup of this application."""
    not_ours = f"Plik „{path.name}” nie jest kopią zapasową bazy tej aplikacji."
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise BackupError(f"Nie można odczytać pliku „{path}”: "
                          f"{exc.strerror or type(exc).__name__}.") from None
    if head == SQLITE_MAGIC:
        return BackupInfo("sqlite", _sqlite_revision(path, not_ours))
    if head.startswith(PG_MAGIC):
        return BackupInfo("postgresql", _pg_revision(path, not_ours))
    raise BackupError(not_ours)


def _sqlite_revision(path: Path, not_ours: str) -> str:
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            if conn.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise BackupError(f"Kopia „{path.name}” jest uszkodzona.")
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not _OWN_TABLES.issubset(tables):
                raise BackupError(not_ours)
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        raise BackupError(not_ours) from None
    if row is None:
        raise BackupError(not_ours)
    return str(row[0])


def _pg_revision(path: Path, not_ours: str) -> str:
    tool = _pg_tool("pg_restore")
    listing = _run([tool, "--list", str(path)], dict(os.environ), "Odczytanie kopii").stdout
    for table in _OWN_TABLES:
        if f"TABLE public {table} " not in listing:
            raise BackupError(not_ours)
    data = _run([tool, "--data-only", "--table=alembic_version", "--file=-", str(path)],
                dict(os.environ), "Odczytanie kopii").stdout
    lines = data.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line and index + 1 < len(lines):
            return lines[index + 1].strip()
    raise BackupError(not_ours)
