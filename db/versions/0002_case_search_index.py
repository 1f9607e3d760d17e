"""Substring search over cases: pg_trgm GIN index on PostgreSQL, FTS5 trigram on SQLite.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQLITE_UP = [
    """CREATE VIRTUAL TABLE cases_fts USING fts5(
           search_text, content='cases', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER cases_fts_ai AFTER INSERT ON cases BEGIN
           INSERT INTO cases_fts(rowid, search_text) VALUES (new.id, new.search_text);
       END""",
    """CREATE TRIGGER cases_fts_ad AFTER DELETE ON cases BEGIN
           INSERT INTO cases_fts(cases_fts, rowid, search_text)
           VALUES ('delete', old.id, old.search_text);
       END""",
    """CREATE TRIGGER cases_fts_au AFTER UPDATE OF search_text ON cases BEGIN
           INSERT INTO cases_fts(cases_fts, rowid, search_text)
           VALUES ('delete', old.id, old.search_text);
           INSERT INTO cases_fts(rowid, search_text) VALUES (new.id, new.search_text);
       END""",
    "INSERT INTO cases_fts(cases_fts) VALUES ('rebuild')",
]
_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS cases_fts_au",
    "DROP TRIGGER IF EXISTS cases_fts_ad",
    "DROP TRIGGER IF EXISTS cases_fts_ai",
    "DROP TABLE IF EXISTS cases_fts",
]
_PG_UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_cases_search_trgm ON cases USING gin (search_text gin_trgm_ops)",
]
_PG_DOWN = ["DROP INDEX IF EXISTS ix_cases_search_trgm"]


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in _SQLITE_UP if sqlite else _PG_UP:
        op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in _SQLITE_DOWN if sqlite else _PG_DOWN:
        op.execute(statement)
