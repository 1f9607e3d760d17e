"""``clerk-app backup`` / ``restore``: a copy taken while another process keeps registering
cases is consistent and complete; files that are not this application's backups, backups
of the other back-end or of a newer schema are refused; the desktop's daily copies."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from clerk_app.domain.roles import Role
from clerk_app.persistence.database import Database, sqlite_path
from clerk_app.persistence.models import Case, IncomingItem
from clerk_app.services.admin.backups import daily_backup
from clerk_app.services.core.context import Actor, AppContext
from tests import dbsupport

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "XDG_STATE_HOME": str(home / "state"), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "clerk_app.cli.main", *args],
                          capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)


def _case_ids(url: str) -> set[int]:
    db = Database.open(url)
    try:
        with db.read() as session:
            ids = set(session.scalars(select(Case.id)))
            items = session.scalar(select(func.count()).select_from(IncomingItem)
                                   .where(IncomingItem.case_id.is_not(None)))
    finally:
        db.dispose()
    assert items == len(ids)  # no case without its incoming item: nothing half-copied
    return ids


def _new_target(url: str, tmp_path: Path, pg_template: dbsupport.PgTemplate | None) -> str:
    if sqlite_path(url) is not None:
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    assert pg_template is not None
    return pg_template.new_database()


def test_a_backup_taken_while_cases_are_registered_restores_every_committed_case(
    ctx: AppContext, staff: dict[Role, Actor], db_url: str, tmp_path: Path,
    pg_template: dbsupport.PgTemplate | None,
) -> None:
    written, stop = tmp_path / "written.txt", tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "cli" / "registering_writer.py"), db_url,
         str(staff[Role.COUNTER].user_id), str(written), str(stop)],
        cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    try:
        deadline = time.monotonic() + 60
        while (not written.exists() or len(written.read_text().split()) < 20) \
                and time.monotonic() < deadline:
            time.sleep(0.1)
        before = {int(x) for x in written.read_text().split()}
        assert len(before) >= 20, "the writer registers cases"
        backup = tmp_path / "kopia.bak"
        run = _cli("backup", "--db", db_url, "--out", str(backup), home=tmp_path)
        assert run.returncode == 0, run.stderr
        during = {int(x) for x in written.read_text().split()}
    finally:
        stop.touch()
        writer.wait(timeout=60)
    assert len({int(x) for x in written.read_text().split()}) > len(before)  # it kept going

    target = _new_target(db_url, tmp_path, pg_template)
    run = _cli("restore", "--db", target, str(backup), home=tmp_path)
    assert run.returncode == 0, run.stderr
    restored = _case_ids(target)
    assert before <= restored <= during  # every case committed before the copy, no other
    path = sqlite_path(target)
    if path is not None:
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    else:
        assert pg_template is not None
        pg_template.drop(target)


def test_restore_refuses_what_is_not_a_backup_of_this_program(
    ctx: AppContext, staff: dict[Role, Actor], db_url: str, tmp_path: Path
) -> None:
    backup = tmp_path / "kopia.bak"
    assert _cli("backup", "--db", db_url, "--out", str(backup), home=tmp_path).returncode == 0
    target = f"sqlite:///{tmp_path / 'cel.sqlite3'}"
    stranger = tmp_path / "obca.sqlite3"
    with sqlite3.connect(stranger) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    text = tmp_path / "notatka.bak"
    text.write_text("%PDF-1.4 nie kopia")
    for bad, message in ((stranger, "nie jest kopią zapasową"),
                         (text, "nie jest kopią zapasową"),
                         (tmp_path / "brak.bak", "nie istnieje")):
        run = _cli("restore", "--db", target, str(bad), home=tmp_path)
        assert run.returncode == 2, run.stderr
        assert message in run.stderr and "Traceback" not in run.stderr
    if sqlite_path(db_url) is not None:  # a newer program's backup
        newer = tmp_path / "nowsza.bak"
        newer.write_bytes(backup.read_bytes())
        with sqlite3.connect(newer) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999'")
        run = _cli("restore", "--db", target, str(newer), home=tmp_path)
        assert run.returncode == 2 and "nowszej wersji programu" in run.stderr
        assert not (tmp_path / "cel.sqlite3").exists()
    else:  # a PostgreSQL dump is not put into a SQLite file
        run = _cli("restore", "--db", target, str(backup), home=tmp_path)
        assert run.returncode == 2 and "tylko do bazy PostgreSQL" in run.stderr


def test_restoring_over_a_sqlite_database_keeps_it_as_it_was(tmp_path: Path) -> None:
    """(SQLite only: PostgreSQL restores in one transaction, a failure changes nothing.)"""
    path = tmp_path / "clerk.sqlite3"
    url = f"sqlite:///{path}"
    assert _cli("init", "--db", url, home=tmp_path).returncode == 0
    backup = tmp_path / "kopia.bak"
    assert _cli("backup", "--db", url, "--out", str(backup), home=tmp_path).returncode == 0
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE after_the_backup (id INTEGER)")
    run = _cli("restore", "--db", url, str(backup), home=tmp_path)
    assert run.returncode == 0, run.stderr
    [kept] = list(path.parent.glob(f"{path.name}.przed-odtworzeniem-*"))
    assert str(kept) in run.stderr
    with sqlite3.connect(kept) as conn:
        assert conn.execute("SELECT count(*) FROM after_the_backup").fetchone() == (0,)
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "after_the_backup" not in names


def test_the_desktop_keeps_one_copy_a_day_and_the_last_n(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'clerk.sqlite3'}"
    assert _cli("init", "--db", url, home=tmp_path).returncode == 0
    folder = tmp_path / "kopie"
    made = [daily_backup(url, date(2026, 12, day), keep=3, folder=folder)
            for day in (1, 1, 2, 3, 4, 5)]
    assert [p.name if p else None for p in made] == [
        "clerk-2026-12-01.backup.sqlite3", None, "clerk-2026-12-02.backup.sqlite3",
        "clerk-2026-12-03.backup.sqlite3", "clerk-2026-12-04.backup.sqlite3",
        "clerk-2026-12-05.backup.sqlite3"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "clerk-2026-12-03.backup.sqlite3", "clerk-2026-12-04.backup.sqlite3",
        "clerk-2026-12-05.backup.sqlite3"]
    assert daily_backup("postgresql+psycopg://u@h/db", date(2026, 12, 6), 3, folder) is None
