"""The counter's day: today's registrations (the whole office's) and the letters posted and
still waiting for their return receipt."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest

from clerk_app.domain.letter_kinds import DeliveryMethod
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied
from clerk_app.services.counter.desk import counter_day
from clerk_app.services.intake import registration as intake
from clerk_app.services.letters.delivery import record_delivery, record_sent
from clerk_app.services.letters.issue import issue_summons
from tests.services.deadline_fixtures import set_today
from tests.services.test_intake import deposit_petition, iok_request

TODAY = date(2026, 3, 10)


def _at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=OFFICE_TZ)


def test_today_registrations_and_letters_awaiting_a_receipt(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    set_today(clock, TODAY - timedelta(days=20))
    cases = [intake.register_item(ctx, counter, iok_request(
        received_at=_at(TODAY - timedelta(days=20), 9 + n))) for n in range(3)]
    old = cases[0]
    posted, delivered, _unsent = (issue_summons(ctx, clerk, c.case_id or 0, ["Podpis"])
                                  for c in cases)
    set_today(clock, TODAY)
    record_sent(ctx, counter, posted.letter_id, posted.version, TODAY - timedelta(days=19))
    sent = record_sent(ctx, counter, delivered.letter_id, delivered.version,
                       TODAY - timedelta(days=19))
    record_delivery(ctx, counter, sent.id, sent.version, TODAY - timedelta(days=15),
                    DeliveryMethod.POST)
    first = intake.register_item(ctx, counter, deposit_petition(received_at=_at(TODAY, 8)))
    second = intake.register_item(ctx, clerk, iok_request(received_at=_at(TODAY, 12)))
    set_today(clock, TODAY + timedelta(days=1))
    intake.register_item(ctx, counter, iok_request(  # after midnight: tomorrow's
        received_at=_at(TODAY + timedelta(days=1), 0)))
    set_today(clock, TODAY)

    day = counter_day(ctx, counter, TODAY)
    assert [r.item_id for r in day.registered] == [second.incoming_item_id,
                                                   first.incoming_item_id]
    newest = day.registered[0]
    assert newest.case_signature == second.signature
    assert newest.registered_by == clerk.full_name
    assert newest.received_at.hour == 12
    [waiting] = day.awaiting
    assert waiting.identifier == posted.identifier
    assert waiting.sent_on == TODAY - timedelta(days=19) and waiting.days_waiting == 19
    assert waiting.case_signature == old.signature
    assert waiting.addressee.startswith("Józef Żółkiewski")


def test_the_admin_does_not_see_the_counter_day(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    with pytest.raises(PermissionDenied):
        counter_day(ctx, staff[Role.ADMIN], TODAY)
    assert dataclasses.is_dataclass(counter_day(ctx, staff[Role.COUNTER], TODAY))
