"""``clerk-app report deadlines`` on a SQLite database: both formats, bad input."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from clerk_app.cli.main import main
from clerk_app.domain.roles import Role
from clerk_app.services.admin.bootstrap import create_first_admin, open_database
from clerk_app.services.admin.settings import OfficeSettings
from clerk_app.services.admin.users import NewUser, create_user
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deadlines.actions import start_deficiency_deadline
from tests.conftest import TEST_PASSWORD, FakeClock
from tests.services.deadline_fixtures import make_case


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    db, _backup = open_database(url)
    clock = FakeClock(datetime(2026, 3, 2, 9, 30, tzinfo=UTC))
    ctx = AppContext(db=db, clock=clock)
    admin = create_first_admin(ctx, NewUser("admin", "Adam Admin", Role.ADMIN, TEST_PASSWORD),
                               OfficeSettings())
    clerk_id = create_user(ctx, admin, NewUser("referent", "Józef Żółkiewski", Role.CLERK,
                                               TEST_PASSWORD))
    clerk = Actor(clerk_id, "referent", "Józef Żółkiewski", Role.CLERK)
    for day in (date(2026, 2, 20), date(2026, 3, 2)):
        case_id = make_case(ctx, clerk_id, received_on=day, assignee_id=clerk_id)
        start_deficiency_deadline(ctx, clerk, case_id, day)
    db.dispose()
    return url


def test_writes_xlsx_and_pdf(sqlite_url: str, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    xlsx = tmp_path / "terminy.xlsx"
    code = main(["report", "deadlines", "--db", sqlite_url, "--out", str(xlsx),
                 "--as-of", "2026-03-02", "--horizon-days", "30"])
    assert code == 0
    out = capsys.readouterr().out
    assert "terminów: 2, w tym po terminie: 1" in out
    assert re.search(r"\(\d+,\d s\)", out), out  # a Polish decimal comma in the time taken
    ws = load_workbook(xlsx)["Terminy"]
    assert ws.max_row == 3
    assert ws["A2"].value == "Józef Żółkiewski"
    params = {r[0].value: r[1].value for r in load_workbook(xlsx)["Parametry"].iter_rows()}
    assert params["Przez"] == "clerk-app (CLI)"

    pdf = tmp_path / "terminy.PDF"
    assert main(["report", "deadlines", "--db", sqlite_url, "--out", str(pdf),
                 "--as-of", "2026-03-02"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "przez clerk-app (CLI)" in text
        assert "Żółkiewski" in text


@pytest.mark.parametrize(("out", "extra", "message"), [
    ("raport.docx", [], "nieobsługiwany format pliku „raport.docx”"),
    ("r.pdf", ["--as-of", "2026-02-30"], "nieprawidłowa data „2026-02-30”"),
    ("r.pdf", ["--as-of", "02.03.2026"], "nieprawidłowa data"),
    ("r.xlsx", ["--horizon-days", "-3"], "horyzont (--horizon-days)"),
])
def test_bad_input_exits_2(out: str, extra: list[str], message: str, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["report", "deadlines", "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}",
                 "--out", str(tmp_path / out), *extra])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("Błąd: ")
    assert message in err
    assert not (tmp_path / "x.sqlite3").exists()  # nothing opened for bad input
