"""Search in the list's default order: the newest matches first, without sorting them all.

SQLite: the trigram index becomes contentless and its rowid encodes the default sort order,
``received day * 2**32 + case id`` (so ``rowid & 0xFFFFFFFF`` is the case id). The first page
of a search is then ``ORDER BY rowid DESC LIMIT 200`` inside the index, which stops after 200
matches instead of collecting and sorting thousands.

PostgreSQL: a covering B-tree on ``(received_on, id)`` that carries the search text and the
filter columns, so walking the list's order and testing each row never touches the table; and
a pattern index on the lower-cased signature for signature prefixes ("zgm.0143.12").

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# received_on is stored as 'YYYY-MM-DD'; unix days fit easily above the 32 bits of the id.
_KEY = "(CAST(strftime('%s', {row}.received_on) AS INTEGER) / 86400) * 4294967296 + {row}.id"
_NEW_KEY, _OLD_KEY = _KEY.format(row="new"), _KEY.format(row="old")

_SQLITE_UP = [
    "DROP TRIGGER IF EXISTS cases_fts_au",
    "DROP TRIGGER IF EXISTS cases_fts_ad",
    "DROP TRIGGER IF EXISTS cases_fts_ai",
    "DROP TABLE IF EXISTS cases_fts",
    "CREATE VIRTUAL TABLE case_search USING fts5(search_text, content='', tokenize='trigram')",
    f"""CREATE TRIGGER case_search_ai AFTER INSERT ON cases BEGIN
           INSERT INTO case_search(rowid, search_text) VALUES ({_NEW_KEY}, new.search_text);
       END""",
    f"""CREATE TRIGGER case_search_ad AFTER DELETE ON cases BEGIN
           INSERT INTO case_search(case_search, rowid, search_text)
           VALUES ('delete', {_OLD_KEY}, old.search_text);
       END""",
    f"""CREATE TRIGGER case_search_au AFTER UPDATE OF search_text, received_on ON cases BEGIN
           INSERT INTO case_search(case_search, rowid, search_text)
           VALUES ('delete', {_OLD_KEY}, old.search_text);
           INSERT INTO case_search(rowid, search_text) VALUES ({_NEW_KEY}, new.search_text);
       END""",
    f"""INSERT INTO case_search(rowid, search_text)
        SELECT {_KEY.format(row="cases")}, search_text FROM cases""",
    "INSERT INTO case_search(case_search) VALUES ('optimize')",
]
_SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS case_search_au",
    "DROP TRIGGER IF EXISTS case_search_ad",
    "DROP TRIGGER IF EXISTS case_search_ai",
    "DROP TABLE IF EXISTS case_search",
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
_PG_UP = [
    """CREATE INDEX ix_cases_received_cover ON cases (received_on, id)
           INCLUDE (search_text, kind, status, assignee_id)""",
    "CREATE INDEX ix_cases_signature_pattern ON cases (lower(signature) text_pattern_ops)",
]
_PG_DOWN = [
    "DROP INDEX IF EXISTS ix_cases_signature_pattern",
    "DROP INDEX IF EXISTS ix_cases_received_cover",
]


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in _SQLITE_UP if sqlite else _PG_UP:
        op.execute(statement)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in _SQLITE_DOWN if sqlite else _PG_DOWN:
        op.execute(statement)
