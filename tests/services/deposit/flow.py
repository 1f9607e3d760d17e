"""Helpers for the deposit workflow tests: a petition by proxy, summoned and delivered."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from clerk_app.domain.cases import Channel, IncomingKind, ProxyRelation
from clerk_app.domain.petition_checklist import PetitionItem
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake.types import (
    DepositDetailsInput,
    RegistrationInput,
    RegistrationResult,
    SenderInput,
)
from clerk_app.services.letters.delivery import record_delivery
from clerk_app.services.letters.issue import issue_summons
from clerk_app.services.letters.types import LetterResult
from tests.conftest import FakeClock
from tests.services.deadline_fixtures import set_today

RECEIVED = datetime(2026, 3, 2, 8, 15, tzinfo=UTC)
PESEL = "85010112345"
PROXY_ADDRESS = "ul. Bytomska 84/2, 41-940 Piekary Śląskie"
SENDER = SenderInput("Małgorzata", "Ślęzak", PESEL, "Kalwaryjska", "5", "", "41-940")


def register(ctx: AppContext, counter: Actor, *, proxy: bool = True,
             statement: bool = False, rent: str = "116.06") -> RegistrationResult:
    """A petition filed by a proxy who is not a relative, without stamp duty proof."""
    return intake.register_item(ctx, counter, RegistrationInput(
        received_at=RECEIVED, channel=Channel.COUNTER_B92, kind=IncomingKind.DEPOSIT_PETITION,
        sender=SENDER, subject="Prośba o rozłożenie kaucji na raty", attachments_count=1,
        deposit=DepositDetailsInput(
            Decimal(rent), 10, "Trudna sytuacja", has_property_statement=statement,
            by_proxy=proxy, proxy_name="Anna Kowalska" if proxy else None,
            proxy_relation=ProxyRelation.OTHER if proxy else None,
            has_power_of_attorney=False, proxy_address=PROXY_ADDRESS if proxy else "")))


def summon_and_deliver(ctx: AppContext, clerk: Actor, clock: object, case_id: int,
                       delivered_on: date = date(2026, 3, 5)) -> LetterResult:
    """Summons on 3 March, delivered on ``delivered_on`` (7 days run from then)."""
    set_today(clock, date(2026, 3, 3))
    letter = issue_summons(ctx, clerk, case_id, ["Pełnomocnictwo", "Opłata skarbowa"])
    set_today(clock, delivered_on)
    record_delivery(ctx, clerk, letter.letter_id, letter.version, delivered_on)
    return letter


def supplement(ctx: AppContext, counter: Actor, case_id: int, items: tuple[PetitionItem, ...],
               received_at: datetime, *, posted_on: date | None = None,
               kind: IncomingKind = IncomingKind.SUPPLEMENT) -> RegistrationResult:
    """A supplement (or another follow-up item) registered for the case, once it arrived:
    the test clock moves to its receipt if it is behind (no item is received in the future)."""
    clock = ctx.clock
    if isinstance(clock, FakeClock) and clock.current < received_at:
        clock.current = received_at
    return intake.register_item(ctx, counter, RegistrationInput(
        received_at=received_at, channel=Channel.POST if posted_on else Channel.COUNTER_B92,
        kind=kind, sender=SENDER, subject="Uzupełnienie", case_id=case_id,
        posted_on=posted_on, supplement_items=items))
