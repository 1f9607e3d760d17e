"""IOK statistics on SQLite and PostgreSQL: requests by channel and month (the registering
item's channel), the median days to login sent, migration progress, the year filter, the
role check."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.domain.cases import Channel
from clerk_app.domain.iok_statistics import CHANNELS, median_days, month_rows
from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied, ValidationFailed
from clerk_app.services.statistics.iok import iok_statistics
from tests.services.statistics.stats_fixtures import (
    iok_request,
    legacy_account,
    legacy_batch,
)

C = {c: i for i, c in enumerate(CHANNELS)}


def fill(ctx: AppContext, user_id: int) -> None:
    iok_request(ctx, user_id, date(2026, 1, 5), Channel.COUNTER_B84, date(2026, 1, 15))
    iok_request(ctx, user_id, date(2026, 1, 20), Channel.POST, date(2026, 2, 3),
                supplement=Channel.EMAIL)
    iok_request(ctx, user_id, date(2026, 2, 2), Channel.EMAIL, date(2026, 2, 6))
    iok_request(ctx, user_id, date(2026, 2, 27), Channel.EMAIL)
    iok_request(ctx, user_id, date(2025, 12, 30), Channel.ZGM_SECRETARIAT, date(2026, 1, 30))
    legacy_batch(ctx, user_id, 1, date(2026, 1, 10), answered=3, unanswered=2)  # 51 days
    legacy_batch(ctx, user_id, 2, date(2026, 2, 20), answered=1, unanswered=3)  # 10 days
    with ctx.db.transaction() as session:
        session.add_all([legacy_account("S1", LegacyClass.SKIPPED),
                         legacy_account("M1", LegacyClass.MIGRATE),
                         legacy_account("N1", LegacyClass.NEEDS_CONSENT)])


def test_statistics_of_a_year(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    boss = staff[Role.SUPERVISOR]
    fill(ctx, boss.user_id)
    stats = iok_statistics(ctx, boss, 2026)
    assert stats.year == 2026 and stats.as_of == date(2026, 3, 2)
    assert stats.years == (2025, 2026)
    assert [m.month for m in stats.months] == [date(2026, m, 1) for m in range(1, 13)]
    jan, feb = stats.months[0], stats.months[1]
    assert jan.total == 2 and jan.counts[C[Channel.COUNTER_B84]] == 1
    assert jan.counts[C[Channel.POST]] == 1 and jan.counts[C[Channel.EMAIL]] == 0
    assert feb.total == 2 and feb.counts[C[Channel.EMAIL]] == 2
    assert stats.requests == 4 and sum(m.total for m in stats.months[2:]) == 0
    assert stats.login_sent == 3 and stats.median_days_to_login == 10.0  # 10, 14, 4
    assert {c.account_class: c.count for c in stats.classes} == {
        LegacyClass.MIGRATE: 5, LegacyClass.NEEDS_CONSENT: 6, LegacyClass.SKIPPED: 1}
    first, second = stats.batches
    assert (first.number, first.accounts, first.answered, first.no_answer, first.waiting) \
        == (1, 5, 3, 2, 0)
    assert (second.accounts, second.answered, second.no_answer, second.waiting) == (4, 1, 0, 3)
    assert stats.no_answer_days == 30
    assert (stats.batch_letters, stats.answered, stats.no_answer) == (9, 4, 2)


def test_all_years_and_an_empty_year(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    boss = staff[Role.SUPERVISOR]
    fill(ctx, boss.user_id)
    every = iok_statistics(ctx, boss, None)
    assert [m.month for m in every.months] == [date(2025, 12, 1), date(2026, 1, 1),
                                              date(2026, 2, 1)]
    assert every.requests == 5 and every.login_sent == 4
    assert every.median_days_to_login == 12.0  # 4, 10, 14, 31
    empty = iok_statistics(ctx, boss, 2024)
    assert empty.requests == 0 and empty.median_days_to_login is None
    assert empty.batches == () and len(empty.months) == 12


def test_only_supervisors_and_a_sane_year(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    with pytest.raises(PermissionDenied):
        iok_statistics(ctx, staff[Role.CLERK], 2026)
    with pytest.raises(ValidationFailed) as bad:
        iok_statistics(ctx, staff[Role.SUPERVISOR], 1999)
    assert bad.value.fields == ["year"]


def test_month_rows_and_median_are_plain_arithmetic() -> None:
    rows = month_rows([(date(2025, 11, 3), Channel.POST, 1),
                       (date(2026, 2, 1), Channel.POST, 1)], None)
    assert [r.month for r in rows] == [date(2025, 11, 1), date(2025, 12, 1),
                                       date(2026, 1, 1), date(2026, 2, 1)]
    assert [r.total for r in rows] == [1, 0, 0, 1]
    assert month_rows([], None) == ()
    assert median_days([(date(2026, 1, 1), date(2026, 1, 3))]) == 2.0
    assert median_days([]) is None
