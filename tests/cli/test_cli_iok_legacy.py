"""``clerk-app iok import-legacy`` and ``clerk-app iok batch`` through ``main``, on both
back-ends: the tab-separated report, exit codes and Polish messages, the batch PDF."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from clerk_app.cli.main import main
from clerk_app.persistence.database import Database
from clerk_app.persistence.models import AuditEntry, LegacyBatch
from tests.services.legacy.legacy_files import file_with_bad_rows


def test_import_prints_counts_new_and_rejected_rows(
        db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "portal.csv"
    expected = file_with_bad_rows(path, 400)
    assert main(["iok", "import-legacy", "--db", db_url, str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:5] == [f"migrate\t{expected.migrate}",
                         f"needs_consent\t{expected.needs_consent}",
                         f"skipped\t{expected.skipped}", "rejected\t4",
                         f"new\t{expected.accounts}"]
    assert lines[5:] == [
        "row\t51\tnieczytelna data „31.02.2015”",
        "row\t102\tbrak numeru kontrahenta",
        "row\t104\tdata z przyszłości „2027-01-01”",
        f"row\t106\tnumer kontrahenta {expected.rows[11][0]} powtarza wiersz 12 z innymi "
        "danymi"]
    assert main(["iok", "import-legacy", "--db", db_url, str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[4] == "new\t0"
    db = Database.open(db_url)
    try:
        with db.read() as session:
            audit = session.scalars(select(AuditEntry).where(AuditEntry.action == "import")
                                    ).first()
            assert audit is not None and audit.username == "system"
            assert json.loads(audit.changes)["file"] == [None, "portal.csv"]
    finally:
        db.dispose()


def test_import_refusals_exit_2_in_polish(
        db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "portal.csv"
    file_with_bad_rows(path, 200)
    assert main(["iok", "import-legacy", "--db", db_url, str(path), "--all-or-nothing"]) == 2
    captured = capsys.readouterr()
    assert "rejected\t4" in captured.out and "new\t0" in captured.out
    assert captured.err == ("Błąd: plik „portal.csv” ma odrzucone wiersze (4), a podano "
                            "--all-or-nothing: nie zaimportowano żadnego wiersza.\n")
    assert main(["iok", "import-legacy", "--db", db_url, str(tmp_path / "brak.csv")]) == 2
    assert "nie istnieje" in capsys.readouterr().err
    other = tmp_path / "inny.csv"
    other.write_text("kolumna;inna\n1;2\n", encoding="utf-8")
    assert main(["iok", "import-legacy", "--db", db_url, str(other)]) == 2
    assert "brak kolumn" in capsys.readouterr().err


def test_batch_writes_letters_and_labels(
        db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "portal.csv"
    expected = file_with_bad_rows(path, 200)
    assert main(["iok", "import-legacy", "--db", db_url, str(path)]) == 0
    capsys.readouterr()
    out = tmp_path / "partia.pdf"
    assert main(["iok", "batch", "--db", db_url, "--size", "30", "--out", str(out),
                 "--date", "2026-03-02"]) == 0
    assert capsys.readouterr().out == f"Partia 1: 30 pism, zapisano {out}.\n"
    reader = PdfReader(out)
    assert len(reader.pages) == 30 + 2  # 30 letters, 2 sheets of 24 labels
    first = reader.pages[0].extract_text()
    assert "Formularz zwrotny" in first and "M0000" in first and "Ziętka 60" in first
    db = Database.open(db_url)
    try:
        with db.read() as session:
            batch = session.scalars(select(LegacyBatch)).one()
            assert (batch.size, batch.created_by_id) == (30, None)
    finally:
        db.dispose()
    assert main(["iok", "batch", "--db", db_url, "--size", "0", "--out", str(out)]) == 2
    assert main(["iok", "batch", "--db", db_url, "--size", "5", "--out",
                 str(tmp_path / "a.txt")]) == 2
    assert "rozszerzenie .pdf" in capsys.readouterr().err
    rest = expected.waiting_accounts
    assert main(["iok", "batch", "--db", db_url, "--size", "5000", "--out", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"Partia 2: {rest - 30} pism")
    assert main(["iok", "batch", "--db", db_url, "--size", "5", "--out", str(out)]) == 1
    assert "Nie ma kont oczekujących" in capsys.readouterr().err
