"""Where the existing data ends, so a load continues after it: the first free primary keys and
the highest case, register and letter numbers; afterwards sequences are left at what the load
used."""

from __future__ import annotations

from sqlalchemy import Connection, func, insert, literal_column, select, text, update

from clerk_app.demo.rows import Ids, table_of
from clerk_app.persistence.models import Case, IncomingItem, Letter, NumberSequence
from clerk_app.services.core.numbering import REGISTER_SCOPE
from clerk_app.services.letters.issue import LETTER_SCOPE

# The tables a load writes (locked against other writers and analysed on PostgreSQL).
LOADED_TABLES = (
    "cases", "incoming_items", "iok_exports", "iok_requests", "deposit_petitions",
    "property_statements", "household_members", "household_incomes", "instalment_agreements",
    "instalments",
    "deadlines", "deadline_suspensions", "letters", "deposit_decisions", "deadline_redatings",
    "number_sequences", "audit_entries",
)
_KEYED_TABLES = ("cases", "incoming_items", "deadlines", "household_members",
                 "instalment_agreements", "deadline_suspensions", "letters",
                 "deposit_decisions", "deadline_redatings", "audit_entries", "iok_exports")

Numbers = dict[tuple[str, int], int]


def first_free_ids(conn: Connection) -> Ids:
    """The first primary key free in each table whose keys the generator assigns."""
    postgres = conn.dialect.name == "postgresql"
    values = []
    for table in _KEYED_TABLES:
        top = int(conn.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar_one())
        if postgres:
            seq = conn.execute(text(f"SELECT pg_get_serial_sequence('{table}', 'id')")).scalar()
            if seq:  # never hand out an id the sequence already gave (rolled back inserts)
                last, called = conn.execute(
                    text(f"SELECT last_value, is_called FROM {seq}")).one()
                top = max(top, int(last) if called else int(last) - 1)
        values.append(top + 1)
    return Ids(*values)


def sync_pg_sequences(conn: Connection) -> None:
    """After inserting explicit ids, move each serial sequence to the highest id."""
    for table in _KEYED_TABLES:
        conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} "
            "HAVING max(id) IS NOT NULL"))


def current_numbers(conn: Connection) -> tuple[Numbers, set[tuple[str, int]]]:
    """Highest number used per (scope, year), from the sequences and the tables themselves;
    and the (scope, year) pairs that have a sequence row."""
    numbers: Numbers = {}
    stored: set[tuple[str, int]] = set()
    for scope, year, last in conn.execute(
            select(NumberSequence.scope, NumberSequence.year, NumberSequence.last_number)):
        numbers[(scope, year)] = int(last)
        stored.add((scope, year))
    for unit, jrwa, year, top in conn.execute(
            select(Case.unit_symbol, Case.jrwa_class, Case.year, func.max(Case.number))
            .group_by(Case.unit_symbol, Case.jrwa_class, Case.year)):
        key = (f"case:{unit}:{jrwa}", int(year))
        numbers[key] = max(numbers.get(key, 0), int(top))
    for year, top in conn.execute(
            select(IncomingItem.register_year, func.max(IncomingItem.register_number))
            .group_by(IncomingItem.register_year)):
        key = (REGISTER_SCOPE, int(year))
        numbers[key] = max(numbers.get(key, 0), int(top))
    # Letter identifiers: L + year + 6-digit number (letter_identifier).
    year_of = func.substr(Letter.identifier, literal_column("2"), literal_column("4"))
    for year, top in conn.execute(
            select(year_of, func.max(Letter.identifier))
            .where(Letter.identifier.like("L%"), func.length(Letter.identifier) == 11)
            .group_by(year_of)):
        if str(year).isdigit() and str(top)[5:].isdigit():
            key = (LETTER_SCOPE, int(year))
            numbers[key] = max(numbers.get(key, 0), int(str(top)[5:]))
    return numbers, stored


def store_numbers(conn: Connection, numbers: Numbers, used: set[tuple[str, int]],
                  stored: set[tuple[str, int]]) -> None:
    """Leave the number sequences of the ``used`` (scope, year) pairs at the highest number."""
    seq = table_of(NumberSequence)
    new_rows = []
    for scope, year in sorted(used):
        last = numbers[(scope, year)]
        if (scope, year) in stored:
            conn.execute(update(seq).where(seq.c.scope == scope, seq.c.year == year)
                         .values(last_number=last))
        else:
            new_rows.append({"scope": scope, "year": year, "last_number": last})
    if new_rows:
        conn.execute(insert(seq), new_rows)
