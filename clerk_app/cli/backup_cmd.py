"""``backup`` and ``restore``: a copy of the whole database, and putting one back.

- ``clerk-app backup [--db URL] --out FILE``: SQLite through its online backup API
  (consistent while others keep working), PostgreSQL through ``pg_dump`` (custom format).
- ``clerk-app restore [--db URL] FILE``: refuses a file that is not a backup of this
  application, one of the other back-end, or one from a newer schema; a SQLite file is kept
  as it was beside the database before it is replaced; the schema is then brought up to date.

Both exit 2 with a Polish message when they cannot do it (no traceback).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from clerk_app.cli.common import EXIT_OK, CliInputError, add_db_option


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``backup --out FILE`` and ``restore FILE``."""
    backup = subparsers.add_parser(
        "backup", help="zapisz kopię zapasową całej bazy danych",
        description="Zapisuje kopię całej bazy: SQLite przez jej mechanizm kopii na żywo "
                    "(spójna, choć inni pracują), PostgreSQL przez pg_dump.")
    add_db_option(backup)
    backup.add_argument("--out", required=True, metavar="PLIK", help="plik kopii")
    backup.set_defaults(func=handle_backup)
    restore = subparsers.add_parser(
        "restore", help="odtwórz bazę danych z kopii zapasowej",
        description="Zastępuje zawartość bazy kopią zapasową tej aplikacji (plik SQLite "
                    "przed zastąpieniem zostaje obok jako *.przed-odtworzeniem-*).")
    add_db_option(restore)
    restore.add_argument("file", metavar="PLIK", help="plik kopii zapasowej")
    restore.set_defaults(func=handle_restore)


def handle_backup(args: argparse.Namespace) -> int:
    from clerk_app.cli.db_open import opened_db, resolve_db_url
    from clerk_app.services.admin.backups import BackupError, take_backup

    url = resolve_db_url(getattr(args, "db", None))
    with opened_db(args, must_exist=True):
        pass  # it is a database of this program, and up to date
    try:
        info = take_backup(url, Path(args.out))
    except BackupError as exc:
        raise CliInputError(exc.message) from None
    print(f"Zapisano kopię bazy ({info.backend}, schemat {info.revision}): {args.out}")
    return EXIT_OK


def handle_restore(args: argparse.Namespace) -> int:
    from clerk_app.cli.db_open import checked_target, resolve_db_url
    from clerk_app.services.admin.backups import BackupError, restore_backup

    url = resolve_db_url(getattr(args, "db", None))
    checked_target(url)
    source = Path(args.file)
    if not source.is_file():
        raise CliInputError(f"plik kopii „{source}” nie istnieje.")
    try:
        result = restore_backup(url, source)
    except BackupError as exc:
        raise CliInputError(exc.message) from None
    if result.previous_copy is not None:
        print(f"Poprzednia zawartość bazy: {result.previous_copy}", file=sys.stderr)
    print(f"Odtworzono bazę z kopii {source} (schemat kopii {result.revision}).")
    return EXIT_OK
