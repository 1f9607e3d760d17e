"""The supervisors' IOK statistics (``Permission.REPORTS``), read in one snapshot.

- Requests by channel and month: IOK cases filed in the period, by the month of filing
  (``cases.received_on``) and the channel of the case's registering incoming item (its
  first register entry).
- The median calendar days from filing to "login data sent" (``iok_requests.login_sent_on``)
  of the period's requests whose login was sent.
- Migration progress: old accounts per class (now), and each consent batch of the period
  (by its letter date): letters, answers, and those unanswered after
  ``OfficeSettings.iok_no_answer_days`` days.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, case, extract, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from clerk_app.domain.cases import CaseKind, Channel
from clerk_app.domain.errors import FieldError
from clerk_app.domain.iok_statistics import (
    BatchProgress,
    ClassCount,
    IokStatistics,
    median_days,
    month_rows,
)
from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import Case, IncomingItem, IokRequest
from clerk_app.persistence.models_iok import LegacyAccount, LegacyBatch
from clerk_app.services.admin.settings import read_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.core.unit_of_work import read_as

YEAR_FIELD = "year"
MIN_YEAR, MAX_YEAR = 2000, 2100


def _in_year(column: InstrumentedAttribute[date], year: int | None) -> ColumnElement[bool]:
    if year is None:
        return column.is_not(None)
    return and_(column >= date(year, 1, 1), column <= date(year, 12, 31))


def _filed(session: Session, year: int | None) -> list[tuple[date, Channel, int]]:
    """Counted in the database by (year, month, channel of the first register entry)."""
    first = (select(IncomingItem.case_id, func.min(IncomingItem.id).label("item_id"))
             .where(IncomingItem.case_id.is_not(None)).group_by(IncomingItem.case_id)
             .subquery())
    y, m = extract("year", Case.received_on), extract("month", Case.received_on)
    rows = session.execute(
        select(y, m, IncomingItem.channel, func.count())
        .join(first, first.c.case_id == Case.id)
        .join(IncomingItem, IncomingItem.id == first.c.item_id)
        .where(Case.kind == CaseKind.IOK.value, _in_year(Case.received_on, year))
        .group_by(y, m, IncomingItem.channel))
    return [(date(int(r[0]), int(r[1]), 1), Channel(r[2]), int(r[3])) for r in rows]


def _login_pairs(session: Session, year: int | None) -> list[tuple[date, date]]:
    rows = session.execute(
        select(Case.received_on, IokRequest.login_sent_on)
        .join(IokRequest, IokRequest.case_id == Case.id)
        .where(Case.kind == CaseKind.IOK.value, IokRequest.login_sent_on.is_not(None),
               _in_year(Case.received_on, year)))
    return [(r[0], r[1]) for r in rows if r[1] is not None]


def _classes(session: Session) -> tuple[ClassCount, ...]:
    counts = {str(c): int(n) for c, n in session.execute(
        select(LegacyAccount.account_class, func.count()).group_by(
            LegacyAccount.account_class))}
    return tuple(ClassCount(c, counts.get(c.value, 0)) for c in LegacyClass)


def _batches(session: Session, year: int | None, cutoff: date) -> tuple[BatchProgress, ...]:
    unanswered = LegacyAccount.answered_on.is_(None)
    rows = session.execute(
        select(LegacyBatch.number, LegacyBatch.letter_date, func.count(LegacyAccount.id),
               func.count(LegacyAccount.answered_on),
               func.coalesce(func.sum(case(
                   (and_(LegacyAccount.id.is_not(None), unanswered,
                         LegacyBatch.letter_date <= cutoff), 1), else_=0)), 0))
        .outerjoin(LegacyAccount, LegacyAccount.batch_id == LegacyBatch.id)
        .where(_in_year(LegacyBatch.letter_date, year))
        .group_by(LegacyBatch.id, LegacyBatch.number, LegacyBatch.letter_date)
        .order_by(LegacyBatch.number))
    return tuple(BatchProgress(int(n), d, int(a), int(ans), int(no))
                 for n, d, a, ans, no in rows)


def _years(session: Session) -> tuple[int, ...]:
    found: set[int] = set()
    for column, where in ((Case.received_on, Case.kind == CaseKind.IOK.value),
                          (LegacyBatch.letter_date, LegacyBatch.id.is_not(None))):
        found.update(int(y) for y in session.scalars(
            select(extract("year", column)).where(where).distinct()) if y is not None)
    return tuple(sorted(found))


def check_year(year: int | None) -> int | None:
    if year is not None and (isinstance(year, bool) or not MIN_YEAR <= year <= MAX_YEAR):
        raise ValidationFailed([FieldError(
            YEAR_FIELD, f"Podaj rok od {MIN_YEAR} do {MAX_YEAR}.", "Rok")])
    return year


def iok_statistics(ctx: AppContext, actor: Actor, year: int | None) -> IokStatistics:
    """Supervisor's read: the IOK statistics of ``year`` (None: every year)."""
    check_year(year)
    today = ctx.today()
    with read_as(ctx, actor, Permission.REPORTS, snapshot=True) as session:
        days = read_settings(session).iok_no_answer_days
        cutoff = today - timedelta(days=days)
        pairs = _login_pairs(session, year)
        return IokStatistics(
            year=year, as_of=today, years=_years(session),
            months=month_rows(_filed(session, year), year),
            login_sent=len(pairs), median_days_to_login=median_days(pairs),
            classes=_classes(session), batches=_batches(session, year, cutoff),
            no_answer_days=days)
