"""Enum columns: stored as the enum's value in a plain string column, read back as members."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import StatementError

from clerk_app.domain.cases import (
    CaseKind,
    CaseStatus,
    Channel,
    DeadlineKind,
    DeadlineState,
    IncomingKind,
    PeriodUnit,
)
from clerk_app.domain.letter_kinds import DeliveryMethod, DeliveryStatus, LetterKind
from clerk_app.domain.roles import Role
from clerk_app.persistence.database import Database
from clerk_app.persistence.enum_column import EnumText
from clerk_app.persistence.models import Case, Deadline, IncomingItem, Letter, User
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deadlines.actions import start_decision_deadline
from tests.services.deadline_fixtures import make_case


def test_the_columns_are_plain_strings_of_the_same_length() -> None:
    for column, enum, ddl in ((Case.__table__.c.kind, CaseKind, "VARCHAR(20)"),
                              (Case.__table__.c.status, CaseStatus, "VARCHAR(40)"),
                              (User.__table__.c.role, Role, "VARCHAR(20)"),
                              (IncomingItem.__table__.c.channel, Channel, "VARCHAR(30)"),
                              (IncomingItem.__table__.c.kind, IncomingKind, "VARCHAR(30)"),
                              (Letter.__table__.c.kind, LetterKind, "VARCHAR(40)"),
                              (Letter.__table__.c.delivery_method, DeliveryMethod, "VARCHAR(20)"),
                              (Letter.__table__.c.delivery_status, DeliveryStatus, "VARCHAR(20)"),
                              (Deadline.__table__.c.kind, DeadlineKind, "VARCHAR(30)"),
                              (Deadline.__table__.c.state, DeadlineState, "VARCHAR(20)"),
                              (Deadline.__table__.c.period_unit, PeriodUnit, "VARCHAR(10)")):
        assert isinstance(column.type, EnumText) and column.type.enum is enum
        for dialect in (sqlite.dialect(), postgresql.dialect()):
            assert column.type.compile(dialect=dialect) == ddl


def test_orm_and_core_reads_give_members_and_the_database_holds_values(
    ctx: AppContext, admin: Actor, db: Database
) -> None:
    case_id = make_case(ctx, admin.user_id, kind=CaseKind.IOK)
    with db.read() as session:
        case = session.get(Case, case_id)
        assert case is not None
        assert case.kind is CaseKind.IOK and case.status is CaseStatus.REGISTERED
        assert session.get(User, admin.user_id).role is Role.ADMIN  # type: ignore[union-attr]
        kind, status = session.execute(select(Case.kind, Case.status)).one()
        assert (kind, status) == (CaseKind.IOK, CaseStatus.REGISTERED)
        assert type(kind) is CaseKind and type(status) is CaseStatus
        stored = session.execute(text("SELECT kind, status FROM cases")).one()
        assert tuple(stored) == ("iok", "registered") and type(stored[0]) is str
        # A member or its plain value compare the same in a query.
        assert session.scalar(select(Case.id).where(Case.kind == CaseKind.IOK)) == case_id
        assert session.scalar(select(Case.id).where(Case.kind == "iok")) == case_id


def test_an_unknown_value_is_refused_on_writing_and_on_reading(
    ctx: AppContext, admin: Actor, db: Database
) -> None:
    case_id = make_case(ctx, admin.user_id)
    with pytest.raises(StatementError, match="'lost' is not a CaseStatus value"), \
            db.transaction() as session:
        session.execute(insert(Case.__table__).values(
            signature="X/1", unit_symbol="X", jrwa_class="1", number=1, year=2026,
            kind="deposit", status="lost", applicant_first_name="A", applicant_last_name="B",
            applicant_sort="b a", received_on=ctx.today(), registered_by_id=admin.user_id,
            created_at=ctx.now(), version=1))
    with db.transaction() as session:
        session.execute(text("UPDATE cases SET status = 'lost' WHERE id = :id"),
                        {"id": case_id})
    with pytest.raises(ValueError, match="'lost' stored in the database is not a CaseStatus"), \
            db.read() as session:
        session.execute(select(Case.status)).all()


def test_deadline_rows_read_back_as_members(
    ctx: AppContext, staff: dict[Role, Actor], db: Database
) -> None:
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id)
    start_decision_deadline(ctx, clerk, case_id, ctx.today())
    with db.read() as session:
        row = session.scalars(select(Deadline)).one()
        assert (row.kind, row.state, row.period_unit) == (
            DeadlineKind.DECISION, DeadlineState.RUNNING, PeriodUnit.MONTHS)
        assert type(row.kind) is DeadlineKind and type(row.state) is DeadlineState
