"""Where the migration stands: accounts per class, each batch's progress, account lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func, select

from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.domain.legacy_letters import account_code
from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import LegacyAccount, LegacyBatch
from clerk_app.services.admin.settings import read_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.unit_of_work import read_as


@dataclass(frozen=True)
class BatchProgress:
    batch_id: int
    number: int
    letter_date: date
    size: int
    sent_post: int  # letters that went on paper (not by e-mail)
    sent_email: int
    email_failed: int  # an e-mail tried and refused, not (yet) sent
    with_old_email: int  # could go by e-mail
    answered: int
    no_answer: int  # not answered and the letter older than ``iok_no_answer_days``


@dataclass(frozen=True)
class MigrationOverview:
    counts: dict[LegacyClass, int]
    waiting: int  # needs consent and in no batch yet
    batches: tuple[BatchProgress, ...]
    batch_size: int  # the setting, the default of a new batch
    no_answer_days: int


@dataclass(frozen=True)
class LegacyAccountRow:
    account_id: int
    code: str
    contractor_number: str
    name: str
    address: str
    email: str | None
    created_on: date
    account_class: LegacyClass
    batch_number: int | None
    answered_on: date | None


def migration_overview(ctx: AppContext, actor: Actor) -> MigrationOverview:
    """Counts per class and the progress of every batch, newest first (one snapshot)."""
    today = ctx.today()
    a = LegacyAccount
    with read_as(ctx, actor, Permission.IOK_MIGRATION, snapshot=True) as session:
        settings = read_settings(session)
        counts = dict.fromkeys(LegacyClass, 0)
        for klass, n in session.execute(select(a.account_class, func.count())
                                        .group_by(a.account_class)):
            counts[LegacyClass(klass)] = n
        waiting = session.scalar(select(func.count()).where(
            a.account_class == LegacyClass.NEEDS_CONSENT, a.batch_id.is_(None))) or 0
        failed = case((a.email_sent_at.is_(None) & (a.email_error != ""), 1), else_=0)
        stats = {row[0]: row[1:] for row in session.execute(
            select(a.batch_id, func.count(a.email_sent_at), func.sum(failed),
                   func.count(a.email), func.count(a.answered_on))
            .where(a.batch_id.is_not(None)).group_by(a.batch_id))}
        batches = []
        for b in session.scalars(select(LegacyBatch).order_by(LegacyBatch.number.desc())):
            sent_email, email_failed, with_email, answered = stats.get(b.id, (0, 0, 0, 0))
            overdue = today > b.letter_date + timedelta(days=settings.iok_no_answer_days)
            batches.append(BatchProgress(
                b.id, b.number, b.letter_date, b.size, b.size - sent_email, sent_email,
                int(email_failed or 0), with_email, answered,
                b.size - answered if overdue else 0))
        return MigrationOverview(counts, waiting, tuple(batches), settings.iok_batch_size,
                                 settings.iok_no_answer_days)


def legacy_accounts(ctx: AppContext, actor: Actor, klass: LegacyClass | None = None,
                    limit: int = 500) -> list[LegacyAccountRow]:
    """Accounts of one class (all: None), oldest first, at most ``limit``."""
    a = LegacyAccount
    query = (select(a, LegacyBatch.number).outerjoin(LegacyBatch, LegacyBatch.id == a.batch_id)
             .order_by(a.created_on, a.id).limit(limit))
    if klass is not None:
        query = query.where(a.account_class == klass)
    with read_as(ctx, actor, Permission.IOK_MIGRATION) as session:
        return [row_of(acc, number) for acc, number in session.execute(query)]


def row_of(acc: LegacyAccount, batch_number: int | None) -> LegacyAccountRow:
    address = f"{acc.street} {acc.building}".strip() + (f"/{acc.flat}" if acc.flat else "")
    return LegacyAccountRow(acc.id, account_code(acc.id), acc.contractor_number, acc.name,
                            address, acc.email, acc.created_on, LegacyClass(acc.account_class),
                            batch_number, acc.answered_on)
