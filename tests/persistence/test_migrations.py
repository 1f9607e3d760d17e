"""Alembic: the revisions build the whole model; an existing SQLite file is backed up; the
search index is rebuilt from stored cases."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from clerk_app.demo import generate_demo_data
from clerk_app.domain.roles import Role
from clerk_app.persistence import migrations
from clerk_app.persistence.database import Database
from clerk_app.persistence.models import Base
from clerk_app.services.cases.query import CaseQuery, count_cases, fetch_case_page
from clerk_app.services.core.context import Actor, AppContext


def test_migrated_schema_matches_models(db: Database) -> None:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_name": migrations.include_name}
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
    assert migrations.current_revision(db) == migrations.head_revision()


def test_upgrade_on_current_db_is_noop(db: Database) -> None:
    assert migrations.upgrade_to_head(db) is None


def test_new_file_is_created_without_backup(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert migrations.upgrade_to_head(db) is None
    assert not list(tmp_path.glob("*.bak-*"))
    db.dispose()


def test_older_sqlite_file_is_backed_up_before_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "clerk.sqlite3"
    url = f"sqlite:///{path}"
    command.upgrade(migrations.alembic_config(url), "0001")
    db = Database.open(url)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO days_off (day, name) VALUES ('2026-05-04', 'Most')"))
    backup = migrations.upgrade_to_head(db)
    assert backup is not None and backup.exists()
    assert backup.name.startswith("clerk.sqlite3.bak-")
    old = Database.open(f"sqlite:///{backup}")
    assert migrations.current_revision(old) == "0001"
    old.dispose()
    assert migrations.current_revision(db) == migrations.head_revision()
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM days_off")).scalar() == "Most"
    db.dispose()


def test_search_index_survives_downgrade_and_upgrade_of_0003(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    """0003 rebuilds the search index from the cases already stored, both ways."""
    generate_demo_data(ctx, staff[Role.ADMIN], 60, seed=3)
    actor = staff[Role.CLERK]
    queries = [CaseQuery(search="piekary"), CaseQuery(search="nowak"),
               CaseQuery(search="bytomska 1", sort_key="applicant")]
    before = [(count_cases(ctx, actor, q), fetch_case_page(ctx, actor, q, 0, 100))
              for q in queries]
    assert before[0][0] > 0
    cfg = migrations.alembic_config(ctx.db.url)
    command.downgrade(cfg, "0002")
    with ctx.db.engine.connect() as conn:
        if ctx.db.dialect == "sqlite":
            hits = conn.execute(text(
                "SELECT count(*) FROM cases_fts WHERE cases_fts MATCH '\"piekary\"'")).scalar()
            assert hits == before[0][0]
        else:
            assert conn.execute(text(
                "SELECT to_regclass('ix_cases_received_cover')")).scalar() is None
    command.upgrade(cfg, "head")
    after = [(count_cases(ctx, actor, q), fetch_case_page(ctx, actor, q, 0, 100))
             for q in queries]
    assert after == before
