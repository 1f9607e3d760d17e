"""Migration 0006: a member's one income becomes a row of ``household_incomes``."""

from __future__ import annotations

from decimal import Decimal

from alembic import command
from sqlalchemy import select, text

from clerk_app.domain.roles import Role
from clerk_app.persistence import migrations
from clerk_app.persistence.models import HouseholdIncome, HouseholdMember, PropertyStatement
from clerk_app.services.core.context import Actor, AppContext
from tests.services.deadline_fixtures import make_case


def test_0005_incomes_move_to_their_table(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    case_id = make_case(ctx, staff[Role.CLERK].user_id)
    cfg = migrations.alembic_config(ctx.db.url)
    command.downgrade(cfg, "0005")
    with ctx.db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO property_statements (case_id, signed_on, real_estate, vehicles, "
            "savings, debts, remarks, version) VALUES (:c, '2026-03-01', '', 'Fiat', 100.00, "
            "0, '', 2)"), {"c": case_id})
        conn.execute(text(
            "INSERT INTO household_members (id, case_id, full_name, relation, pesel, "
            "monthly_income, income_source) VALUES (1, :c, 'Jan Kos', 'wnioskodawca', NULL, "
            "3200.50, 'umowa o pracę'), (2, :c, 'Ewa Kos', 'żona', NULL, 0, '')"),
            {"c": case_id})
    command.upgrade(cfg, "head")
    with ctx.db.read() as session:
        incomes = list(session.scalars(select(HouseholdIncome)))
        assert [(i.member_id, i.number, i.source, i.amount) for i in incomes] == [
            (1, 1, "umowa o pracę", Decimal("3200.50"))]
        statement = session.get(PropertyStatement, case_id)
        assert statement is not None and statement.vehicles == "Fiat"
        assert statement.version == 2 and statement.other_assets == ""
        member = session.get(HouseholdMember, 2)
        assert member is not None and member.birth_date is None
    command.downgrade(cfg, "0005")
    with ctx.db.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, monthly_income, income_source FROM "
                                 "household_members ORDER BY id")).all()
    assert [(r[0], Decimal(str(r[1])), r[2]) for r in rows] == [
        (1, Decimal("3200.50"), "umowa o pracę"), (2, Decimal("0"), "")]
    command.upgrade(cfg, "head")
