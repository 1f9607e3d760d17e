"""Helpers of the IOK service tests: a registered request and its view."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from clerk_app.domain.cases import Channel, IncomingKind
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake.registration import register_item
from clerk_app.services.intake.types import (
    IokDetailsInput,
    RegistrationInput,
    RegistrationResult,
    SenderInput,
)
from clerk_app.services.iok.request import iok_request
from clerk_app.services.iok.types import IokRequestView

RECEIVED = datetime(2026, 3, 2, 9, 15, tzinfo=UTC)


def iok_input(email: str | None = "jan.kos@example.pl", signed: bool = True,
              contractor: str | None = "100200", **sender: str) -> RegistrationInput:
    person = replace(SenderInput("Jan", "Kos", None, "Bytomska", "12", "3", "41-940",
                                 "Piekary Śląskie", "600 100 200", email), **sender)
    return RegistrationInput(
        received_at=RECEIVED, channel=Channel.ZGM_SECRETARIAT, kind=IncomingKind.IOK_REQUEST,
        sender=person, subject="Wniosek o utworzenie konta IOK", attachments_count=1,
        iok=IokDetailsInput(contractor_number=contractor, e_invoice_consent=True,
                            signed=signed))


def register_iok(ctx: AppContext, actor: Actor, **kw: object) -> RegistrationResult:
    return register_item(ctx, actor, iok_input(**kw))  # type: ignore[arg-type]


def view(ctx: AppContext, actor: Actor, case_id: int) -> IokRequestView:
    return iok_request(ctx, actor, case_id)
