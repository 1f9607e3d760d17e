"""Consent batches: the oldest ``needs_consent`` accounts not yet asked, and their letters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from clerk_app.domain.errors import FieldError
from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.domain.legacy_letters import (
    LegacyBatchDocument,
    LegacyLetter,
    account_code,
    address_lines,
)
from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import LegacyAccount, LegacyBatch
from clerk_app.services.admin.settings import read_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import NotFound, ServiceError
from clerk_app.services.core.unit_of_work import read_as, unit_of_work

MAX_BATCH = 5000
_CHUNK = 900  # ids per IN (…) list: under SQLite's bound-parameter limit


@dataclass(frozen=True)
class MadeBatch:
    batch_id: int
    number: int
    size: int
    letter_date: date
    document: LegacyBatchDocument


def letter_of(account: LegacyAccount) -> LegacyLetter:
    return LegacyLetter(
        code=account_code(account.id), contractor_number=account.contractor_number,
        name=account.name or f"Kontrahent {account.contractor_number}",
        address_lines=address_lines(account.name or f"Kontrahent {account.contractor_number}",
                                    account.street, account.building, account.flat),
        email=account.email)


def _document(session: Session, batch: LegacyBatch) -> LegacyBatchDocument:
    s = read_settings(session)
    accounts = session.scalars(select(LegacyAccount).where(LegacyAccount.batch_id == batch.id)
                               .order_by(LegacyAccount.created_on, LegacyAccount.id))
    return LegacyBatchDocument(
        batch_number=batch.number, letter_date=batch.letter_date, sender_name=s.zgm_name,
        sender_address=s.zgm_address, sender_phones=s.zgm_phones,
        signatory_name=s.zgm_signatory_name, signatory_title=s.zgm_signatory_title,
        letters=tuple(letter_of(a) for a in accounts))


def make_batch(ctx: AppContext, actor: Actor | None, size: int | None,
               letter_date: date) -> MadeBatch:
    """Put the ``size`` oldest waiting accounts (default: the setting ``iok_batch_size``)
    into a new batch and return its letters. ``actor`` None: the command line."""
    permission = Permission.IOK_MIGRATION if actor is not None else None
    with unit_of_work(ctx, actor, permission) as work:
        session = work.session
        wanted = size if size is not None else read_settings(session).iok_batch_size
        if not 1 <= wanted <= MAX_BATCH:
            raise FieldError("batch_size", f"Partia może liczyć od 1 do {MAX_BATCH} kont.")
        ids = list(session.scalars(
            select(LegacyAccount.id)
            .where(LegacyAccount.account_class == LegacyClass.NEEDS_CONSENT,
                   LegacyAccount.batch_id.is_(None))
            .order_by(LegacyAccount.created_on, LegacyAccount.id).limit(wanted)
            .with_for_update(skip_locked=True)))
        if not ids:
            raise ServiceError("Nie ma kont oczekujących na zgodę, które nie należą jeszcze "
                               "do żadnej partii.")
        number = (session.scalar(select(func.max(LegacyBatch.number))) or 0) + 1
        batch = LegacyBatch(number=number, created_at=work.now,
                            created_by_id=work.actor.user_id if work.actor else None,
                            letter_date=letter_date, size=len(ids))
        session.add(batch)
        work.audit_new(batch)
        for start in range(0, len(ids), _CHUNK):
            session.execute(update(LegacyAccount)
                            .where(LegacyAccount.id.in_(ids[start:start + _CHUNK]))
                            .values(batch_id=batch.id, updated_at=work.now,
                                    version=LegacyAccount.version + 1)
                            .execution_options(synchronize_session=False))
        return MadeBatch(batch.id, number, len(ids), letter_date, _document(session, batch))


def batch_document(ctx: AppContext, actor: Actor, batch_id: int) -> LegacyBatchDocument:
    """The letters of an existing batch (to print them again)."""
    with read_as(ctx, actor, Permission.IOK_MIGRATION) as session:
        batch = session.get(LegacyBatch, batch_id)
        if batch is None:
            raise NotFound("Nie znaleziono partii.")
        return _document(session, batch)
