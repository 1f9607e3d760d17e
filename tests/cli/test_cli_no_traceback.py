"""The command line never shows a traceback: dates past the calendar, argparse's own errors
(in Polish), and a fault of the program (an incident number, the details in the log)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_app.cli import deadline_cmd
from clerk_app.cli.main import main


def _run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "XDG_STATE_HOME": str(home / "state"), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "clerk_app.cli.main", *args],
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.parametrize("args", [
    ("deadline", "days", "99999999", "--from", "2026-01-01"),
    ("deadline", "months", "1", "--from", "9999-12-31"),
    ("deadline", "days", "7", "--from", "9999-12-30"),
    ("deadline", "deemed-delivery", "--notice", "9999-12-25"),
])
def test_dates_past_the_calendar_exit_2_in_polish(args: tuple[str, ...], tmp_path: Path) -> None:
    run = _run(*args, home=tmp_path)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and "Error" not in run.stderr
    assert "poza obsługiwany kalendarz" in run.stderr


@pytest.mark.parametrize("args, polish", [
    (("nosuchcmd",), "nieznana wartość „nosuchcmd”"),
    (("cases", "--limit"), "argument --limit: podaj wartość"),
    (("deadline", "days", "7"), "brak wymaganych argumentów: --from"),
    (("cases", "--bogus"), "nieznane argumenty: --bogus"),
])
def test_argparse_errors_are_polish(args: tuple[str, ...], polish: str, tmp_path: Path) -> None:
    run = _run(*args, home=tmp_path)
    assert run.returncode == 2
    assert polish in run.stderr, run.stderr
    assert "usage:" not in run.stderr and "error:" not in run.stderr
    assert "użycie:" in run.stderr


def test_a_fault_of_the_program_gives_an_incident_number(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))

    def broken(args: argparse.Namespace) -> int:
        raise KeyError("password_hash")

    monkeypatch.setattr(deadline_cmd, "handle_days", broken)
    code = main(["deadline", "days", "7", "--from", "2026-01-01"])
    err = capsys.readouterr().err
    assert code == 1
    assert "numer zgłoszenia" in err and "Traceback" not in err and "KeyError" not in err


def test_an_empty_db_url_is_refused(tmp_path: Path) -> None:
    run = _run("cases", "--db", "", home=tmp_path)
    assert run.returncode == 2 and "pusty adres bazy danych" in run.stderr


@pytest.mark.parametrize("command", [("cases",), ("letters", "--case", "BGM.7141.1.2026"),
                                     ("report", "deadlines", "--out", "r.pdf")])
def test_read_only_commands_refuse_a_missing_database_file(
    command: tuple[str, ...], tmp_path: Path
) -> None:
    typo = tmp_path / "clrek.sqlite3"
    run = _run(*command, "--db", f"sqlite:///{typo}", home=tmp_path)
    assert run.returncode == 2, run.stderr
    assert "nie istnieje" in run.stderr and "Traceback" not in run.stderr
    assert not typo.exists()  # no empty database made by a typo


@pytest.mark.parametrize("out", ["folder.pdf", "/proc/clerk-app-test.pdf"])
def test_an_output_that_cannot_be_written_exits_2(out: str, tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    assert _run("init", "--db", f"sqlite:///{db}", home=tmp_path).returncode == 0
    (tmp_path / "folder.pdf").mkdir()
    target = out if out.startswith("/") else str(tmp_path / out)
    run = _run("report", "deadlines", "--db", f"sqlite:///{db}", "--out", target,
               home=tmp_path)
    assert run.returncode == 2, run.stderr
    assert ("jest katalogiem" in run.stderr or "nie można zapisać pliku" in run.stderr)
    assert "Traceback" not in run.stderr and "numer zgłoszenia" not in run.stderr


def test_a_database_from_a_newer_schema_is_refused_and_no_backup_is_written(
    tmp_path: Path
) -> None:
    import sqlite3

    db = tmp_path / "db.sqlite3"
    assert _run("init", "--db", f"sqlite:///{db}", home=tmp_path).returncode == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    for command in (("cases",), ("init",)):
        run = _run(*command, "--db", f"sqlite:///{db}", home=tmp_path)
        assert run.returncode == 2, run.stderr
        assert "nowszej wersji programu" in run.stderr and "Traceback" not in run.stderr
    assert not list(tmp_path.glob("db.sqlite3.bak-*"))  # nothing copied, nothing changed
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)


def _as_nobody() -> list[str]:
    """A command prefix that drops root's rights (root may write any file)."""
    import os
    import shutil

    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv is needed to drop root's rights")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_read_only_commands_open_a_read_only_database() -> None:
    """A database the user may only read (file and folder read-only, WAL mode) is listed
    and reported from; today the WAL pragma failed with a traceback."""
    import os
    import shutil
    import tempfile

    tmp_path = Path(tempfile.mkdtemp(dir="/tmp"))  # pytest's folder is root's alone
    tmp_path.chmod(0o777)
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "db.sqlite3"
    assert _run("init", "--db", f"sqlite:///{db}", home=tmp_path).returncode == 0
    home = tmp_path / "home"
    home.mkdir()
    out = home / "r.pdf"
    home.chmod(0o777)
    db.chmod(0o444)
    folder.chmod(0o555)
    env = {"HOME": str(home), "XDG_STATE_HOME": str(home / "state"), "PATH": "/usr/bin:/bin"}
    try:
        for command in (("cases",), ("report", "deadlines", "--out", str(out))):
            run = subprocess.run(
                [*_as_nobody(), sys.executable, "-m", "clerk_app.cli.main", *command, "--db",
                 f"sqlite:///{db}"], capture_output=True, text=True, env=env, timeout=60,
                cwd=home)
            assert run.returncode == 0, run.stderr
            assert "Traceback" not in run.stderr
        assert out.read_bytes().startswith(b"%PDF")
        assert sorted(p.name for p in folder.iterdir()) == ["db.sqlite3"]
    finally:
        folder.chmod(0o755)
        os.chmod(db, 0o644)
        shutil.rmtree(tmp_path, ignore_errors=True)
