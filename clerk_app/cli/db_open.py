"""Opening the database for a command: which URL, checks first, Polish errors, no leftovers.

Imported only by the commands that work on a database, when they run (it loads SQLAlchemy
and Alembic). A failure is reported as ``CliInputError`` (bad ``--db``, exit code 2) or
``CliFailure`` (no server, broken installation, failed upgrade; exit code 1), never as a
traceback. A SQLite file that a failed first upgrade created is removed again (see
``upgrade_to_head``), and a missing folder is not created.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from alembic.util import CommandError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from clerk_app.cli.common import DB_ENV, CliFailure, CliInputError
from clerk_app.package_files import MissingPackageFiles
from clerk_app.persistence.database import Database, default_database_url, sqlite_path
from clerk_app.persistence.migrations import NewerSchema, UpgradeNeeded
from clerk_app.services.admin.bootstrap import open_database, open_database_for_reading
from clerk_app.services.core.context import AppContext


def resolve_db_url(explicit: str | None) -> str:
    """``--db`` wins, then ``$CLERK_DB_URL``, then the SQLite file in the data directory.
    An empty ``--db ''`` is a mistake, not a request for the default."""
    if explicit is not None and not explicit.strip():
        raise CliInputError("pusty adres bazy danych (--db) – podaj np. sqlite:///plik.sqlite3 "
                            "albo pomiń opcję, aby użyć bazy domyślnej.")
    return explicit or os.environ.get(DB_ENV) or default_database_url()


@contextmanager
def opened_db(args: argparse.Namespace, *, must_exist: bool = False) -> Iterator[Database]:
    """The database named by the arguments, open and migrated, for a ``with`` block; it is
    disposed of when the block ends, however it ends (see ``_open`` for ``must_exist``)."""
    db = _open(args, must_exist=must_exist)
    try:
        yield db
    finally:
        db.dispose()


def _open(args: argparse.Namespace, *, must_exist: bool) -> Database:
    """Open and migrate the database named by the arguments; report a backup if one was made.

    ``must_exist``: a command that only reads (``cases``, ``letters``, ``report``) refuses a
    SQLite file that is not there instead of creating an empty database (a typo in --db),
    and opens a file it may not write read-only.
    """
    url = resolve_db_url(getattr(args, "db", None))
    name = _checked_name(url)
    path = sqlite_path(url)
    if must_exist and path is not None and not path.exists():
        raise CliInputError(f"plik bazy danych „{path}” nie istnieje – sprawdź adres (--db).")
    started = time.time()
    opener = open_database_for_reading if must_exist else open_database
    try:
        db, backup = opener(url)
    except NewerSchema as exc:
        raise CliInputError(f"baza danych {name} pochodzi z nowszej wersji programu (schemat "
                            f"{exc.revision}) – zainstaluj aktualną wersję clerk-app. Bazy nie "
                            "zmieniono.") from None
    except UpgradeNeeded:
        raise CliInputError(f"baza danych {name} jest tylko do odczytu, a wymaga aktualizacji "
                            "schematu – uruchom polecenie z uprawnieniem do zapisu pliku "
                            "(np. clerk-app init).") from None
    except MissingPackageFiles as exc:
        raise CliFailure(exc.message) from None
    except ArgumentError as exc:  # e.g. an unknown database kind
        raise CliInputError(f"nieprawidłowy adres bazy danych {name}. "
                            f"Szczegóły techniczne: {_cause(exc)}") from None
    except CommandError as exc:
        raise CliFailure(f"nie można zaktualizować schematu bazy danych {name}. "
                         f"Szczegóły techniczne: {_first_sentence(str(exc))}."
                         f"{_backup_note(url, started)}") from None
    except (SQLAlchemyError, OSError) as exc:
        raise CliFailure(f"nie można otworzyć bazy danych {name}. "
                         f"Szczegóły techniczne: {_cause(exc)}"
                         f"{_backup_note(url, started)}") from None
    if backup:
        print(f"Kopia zapasowa bazy przed aktualizacją: {backup}", file=sys.stderr)
    return db


def checked_target(url: str) -> str:
    """A usable database URL (its folder exists) as a printable name, or ``CliInputError``."""
    return _checked_name(url)


def _checked_name(url: str) -> str:
    """``url`` without its password, once it is known to be usable; a SQLite file must lie
    in an existing folder (the command does not create folders)."""
    try:
        name = make_url(url).render_as_string(hide_password=True)
        path = sqlite_path(url)
    except ArgumentError:
        raise CliInputError(f"nieprawidłowy adres bazy danych (--db albo ${DB_ENV}) – "
                            "podaj np. sqlite:///plik.sqlite3 albo "
                            "postgresql+psycopg://user@host/baza.") from None
    if path is not None and not path.parent.is_dir():
        raise CliInputError(f"katalog „{path.parent}” nie istnieje – utwórz go albo podaj "
                            "inny adres bazy danych.")
    return name


def _backup_note(url: str, since: float) -> str:
    """Where the copy made before a failed upgrade lies (``" Przed aktualizacją …"``), or
    ``""`` when none was written since ``since``."""
    path = sqlite_path(url)
    if path is None or not path.parent.is_dir():
        return ""
    copies = sorted(p for p in path.parent.glob(f"{path.name}.bak-*")
                    if not p.name.endswith("-wal") and p.stat().st_mtime >= since - 1)
    return f" Przed aktualizacją zapisano kopię zapasową bazy: {copies[-1]}" if copies else ""


def _cause(error: BaseException) -> str:
    """The driver's own text without SQLAlchemy's boilerplate, on one line."""
    original = getattr(error, "orig", None)
    text = " ".join(str(original or error).split()) or type(error).__name__
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _first_sentence(text: str) -> str:
    """Alembic's message up to its first full stop: its advice ("use the 'init' command")
    is for developers, never for the user of an installed program."""
    head, _, _ = " ".join(text.split()).partition(". ")
    return head.rstrip(".")


def cli_context(db: Database) -> AppContext:
    """The context of a command: the renderer is handed in, so a letter the command issues
    or exports is kept as its PDF (the documents are imported only here, when needed)."""
    from clerk_app.documents.renderer import PdfRenderer

    return AppContext(db=db, renderer=PdfRenderer())
