"""``generate_demo_data``: one demo load in one transaction, from the permission check to the
audit entry (settings, demo accounts, cases, number sequences)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sqlalchemy import func, select

from clerk_app.demo.case_rows import CaseBuilder
from clerk_app.demo.ids_and_numbers import (
    LOADED_TABLES,
    current_numbers,
    first_free_ids,
    store_numbers,
    sync_pg_sequences,
)
from clerk_app.demo.legacy_rows import add_legacy_demo
from clerk_app.demo.office_setup import ensure_settings, ensure_users
from clerk_app.demo.pipeline import ProgressCallback, load_cases
from clerk_app.domain.roles import Permission, Role, role_can
from clerk_app.persistence.models import User
from clerk_app.services.admin.settings import read_letter_texts
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied, field_error
from clerk_app.services.core.unit_of_work import unit_of_work
from clerk_app.services.deadlines.days_off import calendar_for

MAX_CASES = 10_000_000


@dataclass(frozen=True)
class DemoSummary:
    """What a demo load created: counts and the demo logins with their password."""

    cases: int
    incoming_items: int
    users: list[tuple[str, str]]


def _validate_count(cases: int) -> None:
    if isinstance(cases, bool) or not isinstance(cases, int) or cases < 1:
        raise field_error("case_count",
                          "Liczba spraw musi być liczbą całkowitą większą od zera.")
    if cases > MAX_CASES:
        raise field_error("case_count",
                          f"Można wygenerować najwyżej {MAX_CASES:_} spraw.".replace("_", " "))


def generate_demo_data(
    ctx: AppContext,
    actor: Actor | None,
    cases: int,
    seed: int = 1,
    progress: ProgressCallback | None = None,
) -> DemoSummary:
    """Add ``cases`` synthetic cases (with their register entries, details, deadlines,
    property statements and agreements) and the demo staff, in one transaction.

    ``actor`` must be an administrator; ``None`` is the command line, which holds the
    database itself. Existing data is kept and numbering continues after it. ``progress``
    is called with (cases done, cases in all) after each batch.
    """
    _validate_count(cases)
    permission = Permission.MANAGE_USERS if actor is not None else None
    with unit_of_work(ctx, actor, permission) as work:
        if work.actor is not None and not role_can(work.actor.role, Permission.MANAGE_SETTINGS):
            raise PermissionDenied("Dane demonstracyjne może wygenerować tylko administrator.")
        conn = work.session.connection()
        postgres = conn.dialect.name == "postgresql"
        if postgres:  # explicit ids and numbers: keep other writers out until commit
            conn.exec_driver_sql(
                f"LOCK TABLE {', '.join(LOADED_TABLES)} IN SHARE ROW EXCLUSIVE MODE")
        settings = ensure_settings(work)
        has_admin = work.session.scalar(select(func.count()).select_from(User).where(
            User.role == Role.ADMIN.value, User.active.is_(True)))
        staff, created_users = ensure_users(work, with_admin=not has_admin)
        calendar = calendar_for(work.session)  # with the admin's one-off days off
        numbers, stored = current_numbers(conn)
        ids = first_free_ids(conn)
        first_case_id = ids.case
        builder = CaseBuilder(random.Random(seed), settings, calendar, staff, ctx.today(),
                              cases, ids, numbers, read_letter_texts(work.session))
        load_cases(conn, builder, cases, progress)
        store_numbers(conn, builder.numbers, builder.used_scopes, stored)
        if postgres:
            sync_pg_sequences(conn)
            # Fresh planner statistics, so the case list is fast right after the load.
            conn.exec_driver_sql(f"ANALYZE {', '.join(LOADED_TABLES)}")
        work.audit("demo_data", seed, "generate", {
            "cases": cases, "incoming_items": cases, "seed": seed,
            "case_ids": [first_case_id, builder.ids.case - 1],
            "users_created": created_users, "today": ctx.today().isoformat(),
        })
    add_legacy_demo(ctx, seed, min(3000, max(30, cases * 3)))  # old portal accounts, batches
    ctx.db.refresh_after_bulk_load(["cases"])
    return DemoSummary(cases=cases, incoming_items=cases, users=staff.logins)
