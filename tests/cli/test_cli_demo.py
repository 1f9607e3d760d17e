"""``clerk-app demo``: migrates a fresh database first, fills it, prints the demo logins."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clerk_app.cli.main import main
from clerk_app.persistence.database import Database
from clerk_app.persistence.migrations import current_revision, head_revision
from clerk_app.persistence.models import Case, IncomingItem, User
from tests import dbsupport


def _count(url: str, model: type) -> int:
    db = Database.open(url)
    try:
        with db.read() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        db.dispose()


def _check_loaded(url: str, cases: int) -> None:
    db = Database.open(url)
    try:
        assert current_revision(db) == head_revision()
    finally:
        db.dispose()
    assert _count(url, Case) == cases
    assert _count(url, IncomingItem) == cases
    assert _count(url, User) == 8  # demo admin + 7 staff


def _check_output(capsys: pytest.CaptureFixture[str], cases: int) -> None:
    captured = capsys.readouterr()
    assert f"Utworzono spraw: {cases}" in captured.out
    assert re.search(r" w \d+,\d s \(", captured.out), captured.out
    assert "demo.admin / Demo1234" in captured.out
    assert "demo.referent1 / Demo1234" in captured.out
    assert f"Generowanie: {cases}/{cases} spraw (100%)" in captured.err


def test_demo_on_a_fresh_sqlite_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite3"
    url = f"sqlite:///{path}"
    assert main(["demo", "--db", url, "--cases", "200"]) == 0
    _check_output(capsys, 200)
    _check_loaded(url, 200)

    # A second run keeps the data and continues the numbering.
    assert main(["demo", "--db", url, "--cases", "30", "--seed", "2"]) == 0
    capsys.readouterr()
    assert _count(url, Case) == 230
    db = Database.open(url)
    try:
        with db.read() as session:
            signatures = session.scalars(select(Case.signature)).all()
    finally:
        db.dispose()
    assert len(set(signatures)) == 230


@pytest.fixture
def fresh_pg_url(pg_template: dbsupport.PgTemplate | None) -> Iterator[str]:
    """An empty PostgreSQL database (not migrated: the command must do that)."""
    if pg_template is None:
        pytest.skip("PostgreSQL is not reachable")
    name = f"{pg_template.prefix}_demo_cli"
    dbsupport.pg_execute(f'CREATE DATABASE "{name}"')
    try:
        yield dbsupport.pg_url(name)
    finally:
        dbsupport.pg_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_demo_on_a_fresh_postgresql_database(fresh_pg_url: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--db", fresh_pg_url, "--cases", "200"]) == 0
    _check_output(capsys, 200)
    _check_loaded(fresh_pg_url, 200)


@pytest.mark.parametrize("count, message", [
    ("0", "musi być większa od zera"),
    ("-5", "musi być większa od zera"),
    ("abc", "musi być liczbą całkowitą"),
    ("2.5", "musi być liczbą całkowitą"),
    ("20000000", "najwyżej 10 000 000"),
])
def test_bad_count_is_refused_in_polish(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        count: str, message: str) -> None:
    path = tmp_path / "never.sqlite3"
    assert main(["demo", "--db", f"sqlite:///{path}", f"--cases={count}"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("Błąd: liczba spraw (--cases)")
    assert message in captured.err
    assert not path.exists()  # refused before touching the database


def test_bad_seed_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "never.sqlite3"
    assert main(["demo", "--db", f"sqlite:///{path}", "--cases", "5", "--seed", "x"]) == 2
    assert "ziarno (--seed)" in capsys.readouterr().err
    assert not path.exists()
