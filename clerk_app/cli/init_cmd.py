"""``init`` sub-command: create or upgrade the database schema, and on PostgreSQL the
application's own role (``--app-role``; its password from ``$CLERK_APP_ROLE_PASSWORD``)."""

from __future__ import annotations

import argparse
import os

from clerk_app.cli.common import EXIT_OK, CliInputError
from clerk_app.cli.db_open import opened_db
from clerk_app.persistence.migrations import current_revision
from clerk_app.persistence.pg_roles import RoleNameError, grant_application_role

PASSWORD_ENV = "CLERK_APP_ROLE_PASSWORD"


def handle_init(args: argparse.Namespace) -> int:
    """Open (and so migrate) the database and say which schema revision it has now."""
    role = getattr(args, "app_role", None)
    with opened_db(args) as db:
        print(f"Baza danych gotowa: {db.display_name()} (schemat {current_revision(db)})")
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
