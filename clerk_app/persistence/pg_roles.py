"""PostgreSQL: the login the application uses does not own its tables.

``clerk-app init`` runs the migrations as the owner (the URL it is given) and can then create
or update a separate application role: it may read and write the case tables, but on the
audit trail it may only insert and read, and as it owns nothing it cannot truncate a table,
drop a trigger or disable one. Run it again after each upgrade: new tables get the grants.
"""

from __future__ import annotations

import re

from sqlalchemy import text

from clerk_app.persistence.database import Database

_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
READ_AND_INSERT_ONLY = ("audit_entries",)
READ_ONLY = ("alembic_version",)


class RoleNameError(ValueError):
    """The role name is not a plain lower-case identifier."""


def _quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def grant_application_role(db: Database, role: str, password: str | None = None) -> bool:
    """Create ``role`` (LOGIN) if missing, set its password when given, and grant it what the
    application needs and no more. Returns True when the role was created."""
    if not _ROLE_NAME.match(role):
        raise RoleNameError(role)
    if db.dialect != "postgresql":
        raise ValueError("application roles exist only on PostgreSQL")
    with db.engine.begin() as conn:
        created = not conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                                  {"r": role})
        if created:
            conn.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN')
        if password:
            conn.exec_driver_sql(f'ALTER ROLE "{role}" PASSWORD {_quote_literal(password)}')
        database = conn.scalar(text("SELECT current_database()"))
        schema = conn.scalar(text("SELECT current_schema()"))
        for statement in (
            f'GRANT CONNECT ON DATABASE "{database}" TO "{role}"',
            f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"',
            f'REVOKE CREATE ON SCHEMA "{schema}" FROM "{role}"',
            f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "{schema}" '
            f'TO "{role}"',
            f'REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA "{schema}" '
            f'FROM "{role}"',
            f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" TO "{role}"',
            *(f'REVOKE UPDATE, DELETE ON "{table}" FROM "{role}"'
              for table in READ_AND_INSERT_ONLY),
            *(f'REVOKE INSERT, UPDATE, DELETE ON "{table}" FROM "{role}"'
              for table in READ_ONLY),
        ):
            conn.exec_driver_sql(statement)
    return created
