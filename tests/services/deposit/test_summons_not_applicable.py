"""A deposit summons cannot demand an item the checklist marks "Nie dotyczy" (the stamp
duty of a proxy who is the applicant's spouse), even when a caller passes its label."""

from __future__ import annotations

from decimal import Decimal

import pytest

from clerk_app.domain.cases import CaseStatus, Channel, IncomingKind, ProxyRelation
from clerk_app.domain.petition_checklist import ItemState, PetitionItem
from clerk_app.domain.roles import Role
from clerk_app.services.cases.detail import get_case
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.deposit.petition import petition_form
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake.types import DepositDetailsInput, RegistrationInput
from clerk_app.services.letters.issue import issue_summons, list_case_letters
from tests.services.deposit.flow import RECEIVED, SENDER

Staff = dict[Role, Actor]


def _by_spouse(ctx: AppContext, counter: Actor) -> int:
    case_id = intake.register_item(ctx, counter, RegistrationInput(
        received_at=RECEIVED, channel=Channel.COUNTER_B92, kind=IncomingKind.DEPOSIT_PETITION,
        sender=SENDER, subject="Prośba o rozłożenie kaucji na raty",
        deposit=DepositDetailsInput(Decimal("500.00"), 10, has_property_statement=True,
                                    by_proxy=True, proxy_name="Jan Ślęzak",
                                    proxy_relation=ProxyRelation.SPOUSE,
                                    proxy_address="ul. Kalwaryjska 5, 41-940 Piekary Śląskie"),
    )).case_id
    assert case_id is not None
    return case_id


def test_stamp_duty_of_a_spouse_cannot_be_demanded(ctx: AppContext, staff: Staff) -> None:
    case_id = _by_spouse(ctx, staff[Role.COUNTER])
    lines = {x.item: x for x in petition_form(ctx, staff[Role.CLERK], case_id).checklist}
    duty = lines[PetitionItem.STAMP_DUTY]
    assert duty.state is ItemState.NOT_APPLICABLE
    with pytest.raises(ValidationFailed, match="nie dotyczy tej sprawy") as caught:
        issue_summons(ctx, staff[Role.CLERK], case_id,
                      [lines[PetitionItem.POWER_OF_ATTORNEY].label, duty.label.upper()])
    assert caught.value.fields == ["missing"]
    assert list_case_letters(ctx, staff[Role.CLERK], case_id) == []  # nothing half-saved
    assert get_case(ctx, staff[Role.CLERK], case_id).status is CaseStatus.REGISTERED
    letter = issue_summons(ctx, staff[Role.CLERK], case_id,
                           [lines[PetitionItem.POWER_OF_ATTORNEY].label])
    assert letter.identifier
