"""Migration 0013 (a command-line batch has no user) both ways with batches and accounts
stored: on SQLite the rebuilt table keeps every account and its batch."""

from __future__ import annotations

from alembic import command
from sqlalchemy import select

from clerk_app.demo import generate_demo_data
from clerk_app.domain.roles import Role
from clerk_app.persistence import migrations
from clerk_app.persistence.models import LegacyAccount, LegacyBatch
from clerk_app.services.core.context import Actor, AppContext


def _state(ctx: AppContext) -> tuple[list[tuple[int, int | None]], list[int | None]]:
    with ctx.db.read() as session:
        accounts = [(row[0], row[1]) for row in session.execute(
            select(LegacyAccount.id, LegacyAccount.batch_id).order_by(LegacyAccount.id))]
        makers = list(session.scalars(select(LegacyBatch.created_by_id)
                                      .order_by(LegacyBatch.id)))
    return accounts, makers


def test_down_and_up_with_batches(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    generate_demo_data(ctx, staff[Role.ADMIN], 20, seed=4)  # batches made by the system
    accounts, makers = _state(ctx)
    assert makers and set(makers) == {None} and any(b for _, b in accounts)
    cfg = migrations.alembic_config(ctx.db.url)
    command.downgrade(cfg, "0012")
    down_accounts, down_makers = _state(ctx)
    assert down_accounts == accounts
    assert set(down_makers) == {min(a.user_id for a in staff.values())}  # the first user
    command.upgrade(cfg, "head")
    assert _state(ctx)[0] == accounts
