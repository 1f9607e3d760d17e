"""Register data made through the intake service, plus one case settled in the database."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy import update

from clerk_app.domain.cases import Channel, IncomingKind
from clerk_app.domain.roles import Role
from clerk_app.domain.settlement import SettlementKind
from clerk_app.persistence.models import Case
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake.registration import register_item
from tests.services.test_intake import deposit_petition, iok_request


@dataclass(frozen=True)
class Filled:
    iok_case: int
    deposit_case: int
    late_case: int  # registered after midnight office time, on 3 March


def fill_registers(ctx: AppContext, staff: dict[Role, Actor]) -> Filled:
    """2026: an IOK request (with the sender's reference), a deposit petition, a supplement
    to the IOK case, an item of no case, and a late IOK request; 2025: one IOK request."""
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    first = register_item(ctx, counter, iok_request(
        sender_reference="WN/7/2026", sender_reference_date=date(2026, 2, 27),
        attachments_count=2, assignee_id=clerk.user_id, remarks="Wniosek & załącznik <A>"))
    deposit = register_item(ctx, counter, deposit_petition(
        received_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC)))
    register_item(ctx, counter, iok_request(
        kind=IncomingKind.SUPPLEMENT, case_id=first.case_id, subject="Uzupełnienie podpisu",
        received_at=datetime(2026, 3, 2, 11, 0, tzinfo=UTC),
        sender=replace(iok_request().sender, last_name="Inny")))
    register_item(ctx, counter, iok_request(
        kind=IncomingKind.OTHER, subject="Zapytanie o godziny otwarcia", iok=None,
        channel=Channel.ZGM_SECRETARIAT, received_at=datetime(2026, 3, 2, 12, 0, tzinfo=UTC)))
    start = ctx.clock()
    ctx.clock.current = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)  # type: ignore[attr-defined]
    late = register_item(ctx, counter, iok_request(  # registered once it has arrived
        received_at=datetime(2026, 3, 2, 23, 30, tzinfo=UTC)))  # 00:30 on 3 March in Poland
    ctx.clock.current = start  # type: ignore[attr-defined]
    register_item(ctx, counter, iok_request(
        received_at=datetime(2025, 12, 30, 9, 0, tzinfo=UTC)))
    with ctx.db.transaction() as session:
        session.execute(update(Case).where(Case.id == first.case_id).values(
            settled_on=date(2026, 3, 10), settlement=SettlementKind.LOGIN_DATA_SENT,
            settlement_remarks="Dane logowania wysłane e-mailem."))
    assert first.case_id and deposit.case_id and late.case_id
    return Filled(first.case_id, deposit.case_id, late.case_id)
