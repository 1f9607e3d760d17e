"""Migration 0005: a petition stored at revision 0004 keeps its values and gets defaults."""

from __future__ import annotations

from decimal import Decimal

from alembic import command
from sqlalchemy import text

from clerk_app.domain.roles import Role
from clerk_app.persistence import migrations
from clerk_app.persistence.models import DepositPetition
from clerk_app.services.core.context import Actor, AppContext
from tests.services.deadline_fixtures import make_case

OLD_PETITION = text(
    "INSERT INTO deposit_petitions (case_id, monthly_rent, deposit_amount, "
    "instalments_requested, justification, has_petition_form, has_property_statement, "
    "by_proxy, proxy_name, proxy_relation, has_power_of_attorney, principal_exempt, "
    "stamp_duty_paid, premises_address, version) VALUES (:case_id, 812.40, 8124.00, 6, "
    "'Utrata pracy', :form, true, true, 'Anna Kowalska', 'other', true, false, true, "
    "'ul. Bytomska 92/1, 41-940 Piekary Śląskie', 3)")


def test_0004_petition_keeps_its_values(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    clerk = staff[Role.CLERK]
    signed, unsigned = (make_case(ctx, clerk.user_id) for _ in range(2))
    cfg = migrations.alembic_config(ctx.db.url)
    command.downgrade(cfg, "0004")
    with ctx.db.engine.begin() as conn:
        conn.execute(OLD_PETITION, {"case_id": signed, "form": True})
        conn.execute(OLD_PETITION, {"case_id": unsigned, "form": False})
    command.upgrade(cfg, "head")
    with ctx.db.read() as session:
        p = session.get(DepositPetition, signed)
        assert p is not None
        assert p.monthly_rent == Decimal("812.40")
        assert p.deposit_amount == Decimal("8124.00")
        assert p.instalments_requested == 6
        assert p.justification == "Utrata pracy"
        assert p.proxy_name == "Anna Kowalska" and p.has_power_of_attorney
        assert p.stamp_duty_paid and p.version == 3
        assert p.premises_address.startswith("ul. Bytomska 92/1")
        assert p.petition_signed is True
        assert p.first_due_on is None and p.proxy_address == ""
        assert p.power_of_attorney_form is None and p.stamp_duty_payment is None
        assert p.stamp_duty_paid_on is None and p.stamp_duty_exempt_override is None
        assert p.stamp_duty_override_reason == ""
        other = session.get(DepositPetition, unsigned)
        assert other is not None and other.petition_signed is False
    command.downgrade(cfg, "0004")
    with ctx.db.engine.connect() as conn:
        rent = conn.execute(text("SELECT monthly_rent FROM deposit_petitions "
                                 "WHERE case_id = :c"), {"c": signed}).scalar()
    assert Decimal(str(rent)) == Decimal("812.40")
    command.upgrade(cfg, "head")
