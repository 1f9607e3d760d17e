"""Helpers shared by the sub-commands: the ``--db`` option, dates, errors.

Light on purpose: the parser set-up imports this, so nothing here may load the database
stack (see ``clerk_app.cli.db_open`` for opening a database).
"""

from __future__ import annotations

import argparse
import re
from datetime import date

DB_ENV = "CLERK_DB_URL"


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="URL", default=argparse.SUPPRESS,
        help="adres bazy danych, np. postgresql+psycopg://user@host/baza "
             f"(domyślnie ${DB_ENV} albo plik SQLite użytkownika)",
    )


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class CliInputError(Exception):
    """Bad command-line input; the message is Polish and the command exits with code 2."""


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
