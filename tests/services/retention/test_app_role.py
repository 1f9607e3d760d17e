"""PostgreSQL: the application's own role anonymises too (it may delete audit values, not
audit entries); its VACUUM of tables it does not own is skipped, not an error."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from clerk_app.domain.roles import Role
from clerk_app.persistence.database import Database
from clerk_app.persistence.pg_roles import grant_application_role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.retention.anonymise import anonymise_cases
from tests import dbsupport
from tests.services.deadline_fixtures import set_today
from tests.services.retention.people import TARGET, settled_deposit_case


@pytest.fixture
def app_role(db_url: str) -> Iterator[str]:
    role = f"clerk_ret_test_{uuid.uuid4().hex[:8]}"
    yield role
    with psycopg.connect(make_url(db_url).set(drivername="postgresql")
                         .render_as_string(hide_password=False), autocommit=True) as c:
        c.execute(f'DROP OWNED BY "{role}"')  # type: ignore[arg-type]
    dbsupport.pg_execute(f'DROP ROLE IF EXISTS "{role}"')


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_application_role_anonymises(ctx: AppContext, staff: dict[Role, Actor], clock: object,
                                     tmp_path: Path, db_url: str, app_role: str) -> None:
    case_id = settled_deposit_case(ctx, staff, clock, TARGET, tmp_path)
    grant_application_role(ctx.db, app_role)
    app_db = Database.open(make_url(db_url).set(username=app_role)
                           .render_as_string(hide_password=False))
    try:
        set_today(clock, date(2037, 1, 5))
        result = anonymise_cases(AppContext(app_db, clock=ctx.clock),
                                 staff[Role.SUPERVISOR], [case_id])
        assert result.count == 1
        with app_db.engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM audit_values WHERE case_id = :c"),
                               {"c": case_id}) == 0
            assert conn.scalar(text("SELECT applicant_pesel FROM cases WHERE id = :c"),
                               {"c": case_id}) is None
    finally:
        app_db.dispose()
