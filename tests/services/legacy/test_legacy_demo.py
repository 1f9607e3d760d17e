"""The demo's legacy account set: every class, batches sent long ago and just now, part of
them answered, all made by the import and batch services (a second run adds nothing)."""

from __future__ import annotations

from sqlalchemy import func, select

from clerk_app.demo import generate_demo_data
from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.domain.legacy_rows import classify
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import LegacyAccount
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.iok.legacy.overview import migration_overview


def test_demo_has_accounts_in_every_class_and_batches(
        ctx: AppContext, staff: dict[Role, Actor]) -> None:
    generate_demo_data(ctx, staff[Role.ADMIN], 200, seed=2)
    overview = migration_overview(ctx, staff[Role.SUPERVISOR])
    assert sum(overview.counts.values()) == 600
    assert all(n > 0 for n in overview.counts.values())
    assert len(overview.batches) == 3
    oldest = overview.batches[-1]
    assert oldest.answered > 0 and oldest.no_answer > 0  # 75 days ago, 30 days allowed
    assert overview.batches[0].answered == 0 and overview.batches[0].no_answer == 0
    with ctx.db.read() as session:
        for account in session.scalars(select(LegacyAccount)):
            expected = classify(account.active, account.created_on, account.email)
            if account.answered_on is not None:
                expected = LegacyClass.MIGRATE
            assert account.account_class is expected
            if account.batch_id is not None:
                assert account.answered_on is not None or \
                    account.account_class is LegacyClass.NEEDS_CONSENT
    generate_demo_data(ctx, staff[Role.ADMIN], 200, seed=2)
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(LegacyAccount)) == 600
