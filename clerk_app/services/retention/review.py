"""The retention review: the cases whose period of keeping personal data has passed.

Each rule is one index range (``ix_cases_retention_settled`` / ``_lease``: kind, not yet
anonymised, the rule's start day up to the latest start whose period has ended), so a page
costs its own rows and not a walk over every case. The list is ordered by rule, then by the
start day; pages continue from a cursor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, tuple_
from sqlalchemy.orm import Session

from clerk_app.domain.cases import CaseKind
from clerk_app.domain.retention import (
    RULE_ORDER,
    RetentionDue,
    RetentionPeriods,
    RetentionRule,
    add_years,
    latest_start,
)
from clerk_app.domain.roles import Permission
from clerk_app.domain.settlement import SettlementKind
from clerk_app.persistence.models import Case
from clerk_app.services.admin.settings import OfficeSettings, read_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.unit_of_work import read_as


@dataclass(frozen=True)
class DueCase:
    """One row of the review."""

    case_id: int
    signature: str
    kind: CaseKind
    settled_on: date | None
    settlement: SettlementKind | None
    due: RetentionDue

    @property
    def explanation(self) -> str:
        return self.due.explanation()


@dataclass(frozen=True)
class ReviewCursor:
    """Where the next page starts (after this rule, start day and case)."""

    rule: RetentionRule
    start_on: date
    case_id: int


@dataclass(frozen=True)
class ReviewPage:
    today: date
    rows: tuple[DueCase, ...]
    counts: dict[RetentionRule, int]
    next_cursor: ReviewCursor | None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def periods_from(settings: OfficeSettings) -> RetentionPeriods:
    return RetentionPeriods(settings.retention_deposit_lease_years,
                            settings.retention_deposit_no_lease_years,
                            settings.retention_iok_years)


def start_column(rule: RetentionRule) -> Any:
    return Case.lease_ended_on if rule is RetentionRule.DEPOSIT_AFTER_LEASE else Case.settled_on


def rule_condition(rule: RetentionRule, today: date,
                   periods: RetentionPeriods) -> ColumnElement[bool]:
    """The cases of ``rule`` whose period has ended by ``today`` (indexed: kind, anonymised,
    start day)."""
    start = start_column(rule)
    kind = CaseKind.IOK if rule is RetentionRule.IOK else CaseKind.DEPOSIT
    cond = and_(Case.kind == kind, Case.anonymised_at.is_(None), start.is_not(None),
                start <= latest_start(today, periods.years(rule)),
                Case.settled_on.is_not(None))
    if rule is RetentionRule.DEPOSIT_AFTER_LEASE:
        return and_(cond, Case.lease_concluded.is_(True))
    if rule is RetentionRule.DEPOSIT_WITHOUT_LEASE:
        return and_(cond, or_(Case.lease_concluded.is_(None), Case.lease_concluded.is_(False)))
    return cond


def _row(rule: RetentionRule, years: int, c: Any) -> DueCase:
    start = c.lease_ended_on if rule is RetentionRule.DEPOSIT_AFTER_LEASE else c.settled_on
    return DueCase(c.id, c.signature, CaseKind(c.kind), c.settled_on,
                   SettlementKind(c.settlement) if c.settlement else None,
                   RetentionDue(rule, start, years, add_years(start, years)))


def read_review(session: Session, today: date, periods: RetentionPeriods, limit: int,
                after: ReviewCursor | None, with_counts: bool = True) -> ReviewPage:
    """One page of the review inside the caller's read."""
    rows: list[DueCase] = []
    counts: dict[RetentionRule, int] = {}
    first = RULE_ORDER.index(after.rule) if after else 0
    for rule in RULE_ORDER:
        cond = rule_condition(rule, today, periods)
        if with_counts:
            counts[rule] = session.scalar(select(func.count()).select_from(Case).where(cond)) \
                or 0
        index = RULE_ORDER.index(rule)
        if index < first or len(rows) > limit:
            continue
        start = start_column(rule)
        query = select(Case.id, Case.signature, Case.kind, Case.settled_on, Case.settlement,
                       Case.lease_ended_on).where(cond)
        if after is not None and index == first:
            query = query.where(tuple_(start, Case.id) > tuple_(after.start_on, after.case_id))
        query = query.order_by(start, Case.id).limit(limit + 1 - len(rows))
        rows.extend(_row(rule, periods.years(rule), c) for c in session.execute(query))
    cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        cursor = ReviewCursor(last.due.rule, last.due.start_on, last.case_id)
    return ReviewPage(today, tuple(rows), counts, cursor)


def retention_review(ctx: AppContext, actor: Actor, *, limit: int = 200,
                     after: ReviewCursor | None = None,
                     today: date | None = None) -> ReviewPage:
    """The cases past their period (supervisors), ``limit`` at a time, with the count per
    rule; ``today`` defaults to the office's today."""
    with read_as(ctx, actor, Permission.RETENTION, snapshot=True) as session:
        day = today or ctx.today()
        periods = periods_from(read_settings(session))
        return read_review(session, day, periods, limit, after, with_counts=after is None)

