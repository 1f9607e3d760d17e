"""Rows for the statistics tests, written directly: IOK cases with their registering incoming
item and request details, old accounts and consent batches."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select

from clerk_app.domain.cases import ApplicantRole, CaseKind, Channel, IncomingKind
from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.persistence.models import IncomingItem, IokRequest
from clerk_app.persistence.models_iok import LegacyAccount, LegacyBatch
from clerk_app.services.core.context import AppContext
from tests.services.deadline_fixtures import make_case

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def iok_request(ctx: AppContext, user_id: int, filed: date, channel: Channel,
                login_sent_on: date | None = None, supplement: Channel | None = None) -> int:
    """An IOK case filed on ``filed`` through ``channel`` (a later supplement through
    another channel must not count)."""
    case_id = make_case(ctx, user_id, kind=CaseKind.IOK, received_on=filed)
    with ctx.db.transaction() as session:
        count = session.scalar(select(func.count()).select_from(IncomingItem)) or 0
        for n, (kind, ch) in enumerate([(IncomingKind.IOK_REQUEST, channel),
                                        (IncomingKind.SUPPLEMENT, supplement)]):
            if ch is None:
                continue
            number = count + n + 1
            session.add(IncomingItem(
                register_year=filed.year, register_number=number,
                entry_number=f"W{number}/{filed.year}",
                received_at=datetime(filed.year, filed.month, filed.day, 9, tzinfo=UTC),
                channel=ch, kind=kind, sender_name="Jan Kowalski",
                subject="Wniosek o konto IOK", registered_by_id=user_id, case_id=case_id))
            session.flush()
        session.add(IokRequest(case_id=case_id, applicant_role=ApplicantRole.TENANT,
                               login_sent_on=login_sent_on))
    return case_id


def legacy_batch(ctx: AppContext, user_id: int, number: int, letter_date: date,
                 answered: int, unanswered: int) -> None:
    """A batch with ``answered + unanswered`` needs-consent accounts."""
    with ctx.db.transaction() as session:
        batch = LegacyBatch(number=number, created_at=NOW, created_by_id=user_id,
                            letter_date=letter_date, size=answered + unanswered)
        session.add(batch)
        session.flush()
        for i in range(answered + unanswered):
            session.add(legacy_account(
                f"B{number}-{i}", LegacyClass.MIGRATE if i < answered
                else LegacyClass.NEEDS_CONSENT, batch_id=batch.id,
                answered_on=letter_date if i < answered else None))


def legacy_account(number: str, account_class: LegacyClass, batch_id: int | None = None,
                   answered_on: date | None = None) -> LegacyAccount:
    return LegacyAccount(contractor_number=number, name=f"Konto {number}",
                         created_on=date(2015, 5, 1), account_class=account_class,
                         imported_at=NOW, updated_at=NOW, batch_id=batch_id,
                         answered_on=answered_on, active=account_class is not LegacyClass.SKIPPED)
