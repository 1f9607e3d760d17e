"""``clerk-app letters``: a case's letters as tab-separated lines, and the export of the kept
PDF byte for byte (rendered and kept first where a letter has no file), through ``main``."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from clerk_app.cli.main import main
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import LetterFile
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.letters.delivery import record_not_collected, record_sent
from clerk_app.services.letters.issue import issue_delay_notice, issue_summons
from tests.services.deadline_fixtures import make_case, set_today


def _kept(ctx: AppContext, letter_id: int) -> LetterFile | None:
    with ctx.db.read() as session:
        row = session.get(LetterFile, letter_id)
        if row is not None:
            session.expunge(row)
        return row


def test_letters_of_a_case_one_per_line(
    ctx: AppContext, staff: dict[Role, Actor], db_url: str, clock: object,
    capsys: pytest.CaptureFixture[str]
) -> None:
    clerk, counter = staff[Role.CLERK], staff[Role.COUNTER]
    case_id = make_case(ctx, clerk.user_id)
    delay = issue_delay_notice(ctx, clerk, case_id, date(2026, 4, 30), "opinia ZGM")
    record_sent(ctx, counter, delay.letter_id, delay.version, date(2026, 3, 2))
    summons = issue_summons(ctx, clerk, case_id, ["Podpis"])
    set_today(clock, date(2026, 3, 30))
    record_not_collected(ctx, counter, summons.letter_id, summons.version, date(2026, 3, 4))
    issue_summons(ctx, clerk, make_case(ctx, clerk.user_id), ["Podpis"])  # another case

    assert main(["letters", "--db", db_url, "--case", "BGM.7141.1.2026"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "L2026000001\tdelay_notice\t2026-03-02\tsent",
        "L2026000002\tsummons\t2026-03-02\tnot_collected",
    ]
    assert main(["letters", "--db", db_url, "--case", "BGM.7141.2.2026"]) == 0
    assert capsys.readouterr().out == "L2026000003\tsummons\t2026-03-30\tissued\n"


def test_unknown_case_or_no_case_exits_non_zero_in_polish(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["letters", "--db", db_url, "--case", "BGM.7141.99.2026"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "Błąd: Nie znaleziono sprawy o znaku „BGM.7141.99.2026”.\n"
    assert main(["letters", "--db", db_url]) == 2
    assert "podaj znak sprawy" in capsys.readouterr().err


def test_export_writes_the_kept_pdf_unchanged(
    ctx: AppContext, staff: dict[Role, Actor], db_url: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str]
) -> None:
    clerk = staff[Role.CLERK]
    issued = issue_summons(ctx, clerk, make_case(ctx, clerk.user_id), ["Podpis"])
    kept = _kept(ctx, issued.letter_id)
    assert kept is not None
    out = tmp_path / "pismo.pdf"
    assert main(["letters", "export", "--db", db_url, "--id", "l2026000001",
                 "--out", str(out)]) == 0
    assert out.read_bytes() == kept.pdf
    assert hashlib.sha256(out.read_bytes()).hexdigest() == kept.sha256
    assert kept.sha256 in capsys.readouterr().out

    with ctx.db.transaction() as session:  # a letter from before files were kept
        session.execute(LetterFile.__table__.delete())
    assert main(["letters", "export", "--db", db_url, "--id", "L2026000001",
                 "--out", str(out)]) == 0
    again = _kept(ctx, issued.letter_id)
    assert again is not None and again.created_by_id is None  # kept by the command
    assert out.read_bytes() == again.pdf and again.pdf.startswith(b"%PDF")
    second = tmp_path / "again.pdf"
    assert main(["letters", "export", "--db", db_url, "--id", "L2026000001",
                 "--out", str(second)]) == 0
    assert second.read_bytes() == out.read_bytes()


def test_export_unknown_id_or_bad_file(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["letters", "export", "--db", db_url, "--id", "L2026999999",
                 "--out", str(out)]) == 1
    assert capsys.readouterr().err == "Błąd: nie znaleziono pisma o kodzie „L2026999999”.\n"
    assert not out.exists()
    assert main(["letters", "export", "--db", db_url, "--id", "L1",
                 "--out", str(tmp_path / "x.txt")]) == 2
    assert "musi mieć rozszerzenie .pdf" in capsys.readouterr().err


def test_real_command_in_a_subprocess(
    ctx: AppContext, staff: dict[Role, Actor], db_url: str, tmp_path: Path
) -> None:
    clerk = staff[Role.CLERK]
    issued = issue_summons(ctx, clerk, make_case(ctx, clerk.user_id), ["Podpis"])
    run = [sys.executable, "-m", "clerk_app.cli.main", "letters", "--db", db_url]
    listed = subprocess.run([*run, "--case", "BGM.7141.1.2026"], capture_output=True,
                            text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == "L2026000001\tsummons\t2026-03-02\tissued\n"
    out = tmp_path / "out.pdf"
    exported = subprocess.run([sys.executable, "-m", "clerk_app.cli.main", "letters",
                               "export", "--db", db_url, "--id", issued.identifier,
                               "--out", str(out)], capture_output=True, text=True,
                              timeout=120)
    assert exported.returncode == 0, exported.stderr
    kept = _kept(ctx, issued.letter_id)
    assert kept is not None and out.read_bytes() == kept.pdf
    missing = subprocess.run([*run, "--case", "ZGM.0143.5.2026"], capture_output=True,
                             text=True, timeout=120)
    assert missing.returncode == 1 and "Nie znaleziono sprawy" in missing.stderr
