"""Gapless numbering: case signatures per (unit, class, year), register entries per year.

The next number is taken with one atomic upsert on ``number_sequences``. The row stays
locked (PostgreSQL row lock, SQLite write lock) until the caller's transaction ends, so
concurrent clerks queue up, and a rolled-back registration gives its number back.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from clerk_app.domain.cases import CaseKind
from clerk_app.domain.signatures import format_register_number, format_signature
from clerk_app.persistence.models import NumberSequence
from clerk_app.services.admin.settings import OfficeSettings

REGISTER_SCOPE = "incoming-register"


def next_number(session: Session, scope: str, year: int) -> int:
    """Take the next number of ``scope`` in ``year`` inside the session's transaction."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    upsert = insert(NumberSequence).values(scope=scope, year=year, last_number=1)
    stmt = upsert.on_conflict_do_update(
        index_elements=[NumberSequence.scope, NumberSequence.year],
        set_={"last_number": NumberSequence.last_number + 1},
    ).returning(NumberSequence.last_number)
    number = session.execute(stmt).scalar_one()
    return int(number)


@dataclass(frozen=True)
class AllocatedSignature:
    signature: str
    unit_symbol: str
    jrwa_class: str
    number: int
    year: int


def allocate_signature(
    session: Session, settings: OfficeSettings, kind: CaseKind, year: int
) -> AllocatedSignature:
    """The next case signature for ``kind`` in ``year`` (e.g. ``BGM.7141.12.2026``)."""
    unit, jrwa = settings.unit_and_class(kind)
    number = next_number(session, f"case:{unit}:{jrwa}", year)
    signature = format_signature(settings.signature_pattern, unit, jrwa, number, year)
    return AllocatedSignature(signature, unit, jrwa, number, year)


def allocate_register_number(
    session: Session, settings: OfficeSettings, year: int
) -> tuple[int, str]:
    """The next entry number of the incoming-mail register: (number, formatted)."""
    number = next_number(session, REGISTER_SCOPE, year)
    return number, format_register_number(settings.register_pattern, number, year)
