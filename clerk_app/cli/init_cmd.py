"""``init`` sub-command: create or upgrade the database schema, and on PostgreSQL the
application's own role (``--app-role``; its password from ``$CLERK_APP_ROLE_PASSWORD``)."""

from __future__ import annotations

import argparse
import os

from clerk_app.cli.common import EXIT_OK, CliInputError
from clerk_app.cli.db_open import opened_db
from clerk_app.persistence.migrations import current_revision
from clerk_app.persistence.pg_roles import RoleNameError, grant_application_role
from clerk_app.persistence.pg_tuning import check_buffers

PASSWORD_ENV = "CLERK_APP_ROLE_PASSWORD"


def handle_init(args: argparse.Namespace) -> int:
    """Open (and so migrate) the database and say which schema revision it has now (and,
    on PostgreSQL, whether the server's buffer cache is too small for the case table)."""
    role = getattr(args, "app_role", None)
    with opened_db(args) as db:
        print(f"Baza danych gotowa: {db.display_name()} (schemat {current_revision(db)})")
        buffers = check_buffers(db)
        advice = buffers.advice() if buffers is not None else None
        if advice is not None:
            print(advice)
        if role is not None:
            if db.dialect != "postgresql":
                raise CliInputError("rola aplikacji (--app-role) dotyczy tylko PostgreSQL.")
            try:
                created = grant_application_role(db, role, os.environ.get(PASSWORD_ENV))
            except RoleNameError:
                raise CliInputError(
                    f"nieprawidłowa nazwa roli „{role}”: dozwolone są małe litery, cyfry "
                    "i podkreślenie, na początku litera.") from None
            what = "utworzona" if created else "zaktualizowana"
            print(f"Rola aplikacji {role} {what}: odczyt i zapis spraw, dziennik zdarzeń "
                  "tylko do odczytu i dopisywania.")
    return EXIT_OK
