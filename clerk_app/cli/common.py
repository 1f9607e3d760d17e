"""Helpers shared by the sub-commands: exit codes, the ``--db`` option, dates, errors.

Light on purpose: the parser set-up imports this, so nothing here may load the database
stack (see ``clerk_app.cli.db_open`` for opening a database).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from clerk_app.domain.errors import FieldError

EXIT_OK = 0
EXIT_FAILURE = 1  # CliFailure, a service's error, a fault of the program
EXIT_USAGE = 2  # CliInputError, argparse's own errors
EXIT_INTERRUPTED = 130  # Ctrl+C

DB_ENV = "CLERK_DB_URL"


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="URL", default=argparse.SUPPRESS,
        help="adres bazy danych, np. postgresql+psycopg://user@host/baza "
             f"(domyślnie ${DB_ENV} albo plik SQLite użytkownika)",
    )


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class CliInputError(Exception):
    """Bad command-line input; the message is Polish (without "Błąd: ", which ``main``
    prints before it) and the command exits with code 2."""


class CliFailure(Exception):
    """The command could not do its work (e.g. no database); Polish message, exit code 1."""


def parse_iso_date(text: str) -> date:
    """``YYYY-MM-DD`` as a date, or ``CliInputError`` naming what was typed."""
    value = (text or "").strip()
    if _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise CliInputError(f"nieprawidłowa data „{text}” – podaj datę w postaci RRRR-MM-DD.")


@contextmanager
def field_errors_as_input() -> Iterator[None]:
    """A domain ``FieldError`` (a value typed on the command line) as ``CliInputError``
    naming the field by its Polish label."""
    try:
        yield
    except FieldError as exc:
        raise CliInputError(f"{exc.label}: {exc.message}") from None
