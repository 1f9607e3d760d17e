"""Case-signature allocator: unique, gapless, consecutive, also under real concurrency."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from clerk_app.domain.cases import CaseKind
from clerk_app.persistence.database import Database
from clerk_app.services.admin.settings import OfficeSettings
from clerk_app.services.core.numbering import (
    allocate_register_number,
    allocate_signature,
    next_number,
)

WORKERS = 8
PER_WORKER = 50


def test_signature_format_and_sequence(db: Database) -> None:
    settings = OfficeSettings()
    with db.transaction() as s:
        first = allocate_signature(s, settings, CaseKind.DEPOSIT, 2026)
        second = allocate_signature(s, settings, CaseKind.DEPOSIT, 2026)
        iok = allocate_signature(s, settings, CaseKind.IOK, 2026)
        next_year = allocate_signature(s, settings, CaseKind.DEPOSIT, 2027)
    assert first.signature == "BGM.7141.1.2026"
    assert second.signature == "BGM.7141.2.2026"
    assert iok.signature == "ZGM.0143.1.2026"
    assert next_year.signature == "BGM.7141.1.2027"


def test_register_numbers_per_year(db: Database) -> None:
    with db.transaction() as s:
        assert allocate_register_number(s, OfficeSettings(), 2026) == (1, "1/2026")
        assert allocate_register_number(s, OfficeSettings(), 2026) == (2, "2/2026")


def test_rolled_back_transaction_does_not_burn_a_number(db: Database) -> None:
    with db.transaction() as s:
        assert next_number(s, "case:BGM:7141", 2026) == 1
    with pytest.raises(RuntimeError), db.transaction() as s:
        assert next_number(s, "case:BGM:7141", 2026) == 2
        raise RuntimeError("registration failed halfway")
    with db.transaction() as s:
        assert next_number(s, "case:BGM:7141", 2026) == 2


def _allocate_many(db: Database, count: int) -> list[int]:
    numbers = []
    for _ in range(count):
        with db.transaction() as s:
            numbers.append(allocate_signature(s, OfficeSettings(), CaseKind.DEPOSIT, 2026).number)
    return numbers


def test_parallel_connections_get_distinct_consecutive_numbers(db_url: str) -> None:
    """8 connections x 50 signatures each -> exactly 1..400."""
    db = Database.open(db_url, pool_size=WORKERS, max_overflow=0) if "postgresql" in db_url \
        else Database.open(db_url)
    try:
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            results = list(pool.map(lambda _: _allocate_many(db, PER_WORKER), range(WORKERS)))
    finally:
        db.dispose()
    numbers = sorted(n for chunk in results for n in chunk)
    assert numbers == list(range(1, WORKERS * PER_WORKER + 1))
    for chunk in results:
        assert chunk == sorted(chunk)
