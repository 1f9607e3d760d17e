"""What the petition tab shows, read at once: the petition with its checklist and the stamp
duty amount from the office settings (one read transaction)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from clerk_app.domain.roles import Permission
from clerk_app.services.admin.settings import read_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.unit_of_work import read_as
from clerk_app.services.deposit.petition import read_petition
from clerk_app.services.deposit.petition_types import PetitionView


@dataclass(frozen=True)
class PetitionScreen:
    """The petition as stored and the stamp duty on a power of attorney (settings)."""

    petition: PetitionView
    stamp_duty: Decimal


def petition_screen(ctx: AppContext, actor: Actor, case_id: int) -> PetitionScreen:
    """The petition tab's data in one read (VIEW_CASES: counter staff read it too)."""
    with read_as(ctx, actor, Permission.VIEW_CASES, snapshot=True) as session:
        view = read_petition(session, case_id)
        return PetitionScreen(view, read_settings(session).stamp_duty_amount)
