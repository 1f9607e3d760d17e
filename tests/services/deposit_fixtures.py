"""Test helpers for the deposit services: a petition registered at the counter."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from clerk_app.domain.cases import Channel, IncomingKind
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake.types import DepositDetailsInput, RegistrationInput, SenderInput

RECEIVED = datetime(2026, 3, 2, 8, 15, tzinfo=UTC)


def register_petition(ctx: AppContext, counter: Actor, *, statement: bool = True) -> int:
    """A deposit petition registered by ``counter``; returns its case id."""
    result = intake.register_item(ctx, counter, RegistrationInput(
        received_at=RECEIVED, channel=Channel.COUNTER_B92, kind=IncomingKind.DEPOSIT_PETITION,
        sender=SenderInput("Małgorzata", "Ślęzak", None, "Kalwaryjska", "5", "", "41-940"),
        subject="Prośba o rozłożenie kaucji na raty", attachments_count=2,
        deposit=DepositDetailsInput(Decimal("612.35"), 10, "Trudna sytuacja materialna",
                                    has_property_statement=statement),
    ))
    assert result.case_id is not None
    return result.case_id
