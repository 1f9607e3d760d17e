"""The counter's day: what was registered today, and the letters posted whose return
receipt (ZPO) the counter is waiting for. Counter staff have no deadlines of their own, so
this is their page instead of the deadline dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import aliased

from clerk_app.domain.cases import IncomingKind
from clerk_app.domain.letter_kinds import DeliveryMethod, DeliveryStatus, letter_kind_label
from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import Case, IncomingItem, Letter, User
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.unit_of_work import read_as

# A page, not an archive: the oldest letters still waiting come first.
MAX_ROWS = 500


@dataclass(frozen=True)
class RegisteredToday:
    item_id: int
    entry_number: str
    received_at: datetime  # office time
    kind: IncomingKind
    sender: str
    subject: str
    case_id: int | None
    case_signature: str
    registered_by: str


@dataclass(frozen=True)
class AwaitingReceipt:
    letter_id: int
    identifier: str
    case_id: int
    case_signature: str
    kind_label: str
    addressee: str  # its first line
    sent_on: date
    days_waiting: int


@dataclass(frozen=True)
class CounterDay:
    today: date
    registered: list[RegisteredToday]
    awaiting: list[AwaitingReceipt]


def counter_day(ctx: AppContext, actor: Actor, today: date) -> CounterDay:
    """Today's registrations (the whole office's, newest first) and the letters posted and
    not yet delivered, deemed delivered or returned (oldest first)."""
    start = datetime.combine(today, time.min, OFFICE_TZ)
    registrar = aliased(User)
    with read_as(ctx, actor, Permission.REGISTER_ITEM, snapshot=True) as session:
        items = session.execute(
            select(IncomingItem.id, IncomingItem.entry_number, IncomingItem.received_at,
                   IncomingItem.kind, IncomingItem.sender_name, IncomingItem.subject,
                   IncomingItem.case_id, Case.signature, registrar.full_name)
            .outerjoin(Case, Case.id == IncomingItem.case_id)
            .join(registrar, registrar.id == IncomingItem.registered_by_id)
            .where(IncomingItem.received_at >= start,
                   IncomingItem.received_at < start + timedelta(days=1))
            .order_by(IncomingItem.received_at.desc(), IncomingItem.id.desc())
            .limit(MAX_ROWS)).all()
        letters = session.execute(
            select(Letter.id, Letter.identifier, Letter.case_id, Case.signature, Letter.kind,
                   Letter.addressee, Letter.sent_on)
            .join(Case, Case.id == Letter.case_id)
            .where(Letter.delivery_method == DeliveryMethod.POST,
                   Letter.delivery_status == DeliveryStatus.PENDING,
                   Letter.sent_on.is_not(None), Letter.returned_on.is_(None))
            .order_by(Letter.sent_on, Letter.id).limit(MAX_ROWS)).all()
    return CounterDay(
        today=today,
        registered=[RegisteredToday(
            r.id, r.entry_number, r.received_at.astimezone(OFFICE_TZ), r.kind, r.sender_name,
            r.subject, r.case_id, r.signature or "", r.full_name) for r in items],
        awaiting=[AwaitingReceipt(
            r.id, r.identifier, r.case_id, r.signature, letter_kind_label(r.kind),
            (r.addressee.splitlines() or [""])[0], r.sent_on, (today - r.sent_on).days)
            for r in letters])
