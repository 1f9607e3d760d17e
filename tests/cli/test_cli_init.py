"""``clerk-app init``: creates or upgrades a schema; a failure is one Polish line and leaves
no database file behind (and never Alembic's advice to run its ``init`` command)."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest
from alembic.util import CommandError
from sqlalchemy.exc import OperationalError

from clerk_app import package_files
from clerk_app.cli.main import main
from clerk_app.persistence import migrations


def _free_port() -> int:
    """A local TCP port nobody listens on (bound and released at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _assert_clean_failure(err: str) -> None:
    assert err.startswith("Błąd: ")
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert "'init'" not in err and "init command" not in err


def test_init_creates_a_new_sqlite_file(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "new.sqlite3"
    assert main(["init", "--db", f"sqlite:///{path}"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Baza danych gotowa: sqlite:///")
    assert f"(schemat {migrations.head_revision()})" in out
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            migrations.head_revision(),)


def test_init_on_a_current_database_changes_nothing(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", "--db", db_url]) == 0
    captured = capsys.readouterr()
    assert f"(schemat {migrations.head_revision()})" in captured.out
    assert "Kopia zapasowa" not in captured.err


def test_init_refuses_a_missing_folder_and_creates_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'nie-ma' / 'baza' / 'new.sqlite3'}"
    assert main(["init", "--db", url]) == 2
    err = capsys.readouterr().err
    _assert_clean_failure(err)
    assert "katalog" in err and "nie istnieje" in err
    assert list(tmp_path.iterdir()) == []


def test_init_against_an_unreachable_server(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql+psycopg://postgres@127.0.0.1:{_free_port()}/clerk?connect_timeout=3"
    assert main(["init", "--db", url]) == 1
    err = capsys.readouterr().err
    _assert_clean_failure(err)
    assert "nie można otworzyć bazy danych postgresql+psycopg://postgres@127.0.0.1:" in err


def test_init_with_a_bad_url(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--db", "nie-adres"]) == 2
    _assert_clean_failure(capsys.readouterr().err)
    assert main(["init", "--db", "oracle+nic://u@h/b"]) == 2
    _assert_clean_failure(capsys.readouterr().err)


def test_init_without_migration_scripts_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An installation without its Alembic scripts (the bug of a plain wheel)."""
    monkeypatch.setattr(package_files, "MIGRATIONS_PACKAGE", "clerk_app.no_such_db")
    assert main(["init", "--db", f"sqlite:///{tmp_path / 'new.sqlite3'}"]) == 1
    err = capsys.readouterr().err
    _assert_clean_failure(err)
    assert "Instalacja programu jest niekompletna" in err
    assert list(tmp_path.iterdir()) == []


def test_alembic_advice_never_reaches_the_user(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should Alembic itself miss the script folder, its 'init' advice is cut off."""
    monkeypatch.setattr(migrations, "migrations_dir", lambda: tmp_path / "gone")
    assert main(["init", "--db", f"sqlite:///{tmp_path / 'new.sqlite3'}"]) == 1
    err = capsys.readouterr().err
    _assert_clean_failure(err)
    assert "nie można zaktualizować schematu bazy danych" in err
    assert "Path doesn't exist" in err  # Alembic's first sentence stays as the detail
    assert list(tmp_path.iterdir()) == []


def test_a_failed_first_upgrade_removes_the_new_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The upgrade breaks half-way (tables made, then an error): nothing is left."""
    real_upgrade = migrations.command.upgrade

    def broken_upgrade(cfg: object, revision: str) -> None:
        real_upgrade(cfg, "0001")  # type: ignore[arg-type]
        raise OperationalError("ALTER TABLE cases", {}, sqlite3.OperationalError("disk full"))

    monkeypatch.setattr(migrations.command, "upgrade", broken_upgrade)
    assert main(["init", "--db", f"sqlite:///{tmp_path / 'new.sqlite3'}"]) == 1
    err = capsys.readouterr().err
    _assert_clean_failure(err)
    assert err.strip().endswith("Szczegóły techniczne: disk full.")
    assert "kopię zapasową" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_failed_upgrade_keeps_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    migrations.command.upgrade(migrations.alembic_config(f"sqlite:///{path}"), "0001")

    def broken_upgrade(cfg: object, revision: str) -> None:
        raise CommandError("Can't locate revision identified by 'abc'.  Please use 'init'.")

    monkeypatch.setattr(migrations.command, "upgrade", broken_upgrade)
    assert main(["init", "--db", f"sqlite:///{path}"]) == 1
    captured = capsys.readouterr()
    _assert_clean_failure(captured.err)
    assert "Can't locate revision identified by 'abc'" in captured.err
    assert path.exists()
    backups = list(tmp_path.glob("old.sqlite3.bak-*"))
    assert len(backups) == 1
    assert f"Przed aktualizacją zapisano kopię zapasową bazy: {backups[0]}" in captured.err
