"""The ``shared_buffers`` advice: given only when the case table outgrows the server's cache."""

from __future__ import annotations

import pytest

from clerk_app.cli.main import main
from clerk_app.persistence.database import Database
from clerk_app.persistence.pg_tuning import MIB, BufferCheck, check_buffers


def test_no_advice_while_the_table_fits() -> None:
    assert BufferCheck(shared_buffers=128 * MIB, cases_table=100 * MIB).advice() is None
    assert BufferCheck(shared_buffers=128 * MIB, cases_table=128 * MIB).advised is None


def test_a_million_cases_on_the_stock_server_get_the_measured_512_mb() -> None:
    check = BufferCheck(shared_buffers=128 * MIB, cases_table=447 * MIB)
    assert check.advised == 512 * MIB
    advice = check.advice()
    assert advice is not None
    assert "447 MB" in advice and "128 MB" in advice
    assert "ALTER SYSTEM SET shared_buffers = '512MB'" in advice


def test_a_larger_table_gets_its_size_rounded_up_to_128_mb() -> None:
    check = BufferCheck(shared_buffers=512 * MIB, cases_table=900 * MIB)
    assert check.advised == 1024 * MIB


def test_no_advice_below_what_the_server_has_already() -> None:
    # The table outgrows a 600 MB cache: its size rounded up to 128 MB is the advice.
    assert BufferCheck(shared_buffers=600 * MIB, cases_table=601 * MIB).advised == 640 * MIB
    # A cache of 4 GB over a table of 4.1 GB: advised 4.125 GB.
    assert BufferCheck(shared_buffers=4096 * MIB,
                       cases_table=4100 * MIB).advised == 4224 * MIB


def test_reads_the_server_settings(db: Database) -> None:
    check = check_buffers(db)
    if db.dialect == "sqlite":
        assert check is None
        return
    assert check is not None
    assert check.shared_buffers >= 128 * 1024  # PostgreSQL's minimum is 128 kB
    assert 0 <= check.cases_table < check.shared_buffers  # a test database's empty table
    assert check.advice() is None


def test_init_prints_no_advice_for_a_small_database(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--db", db_url]) == 0
    assert "shared_buffers" not in capsys.readouterr().out


def test_init_prints_the_advice_when_the_table_outgrows_the_cache(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A million cases cannot be loaded in a unit test: the check reports what one measured.
    measured = BufferCheck(shared_buffers=128 * MIB, cases_table=447 * MIB)
    monkeypatch.setattr("clerk_app.cli.init_cmd.check_buffers", lambda _db: measured)
    assert main(["init", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("Baza danych gotowa: ")
    assert "shared_buffers = '512MB'" in out
