"""``clerk-app register cases|incoming`` on both back-ends: files, empty registers, bad input."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from clerk_app.cli.main import main
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from tests.services.registers.register_fixtures import fill_registers


@pytest.fixture
def url(db_url: str, ctx: AppContext, staff: dict[Role, Actor]) -> str:
    fill_registers(ctx, staff)
    return db_url


def test_case_register_as_xlsx_and_pdf(url: str, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    xlsx = tmp_path / "spis.xlsx"
    assert main(["register", "cases", "--db", url, "--unit", "ZGM", "--class", "0143",
                 "--year", "2026", "--out", str(xlsx)]) == 0
    assert "spraw: 2" in capsys.readouterr().out
    wb = load_workbook(xlsx)
    ws = wb["Spis spraw"]
    assert ws.max_row == 3 and ws["B2"].value == "ZGM.0143.1.2026"
    assert ws["G2"].value == datetime(2026, 3, 2) and ws["G2"].number_format == "DD.MM.YYYY"
    params = {r[0].value: r[1].value for r in wb["Parametry"].iter_rows()}
    assert params["Przez"] == "clerk-app (system)"
    pdf = tmp_path / "spis.PDF"
    assert main(["register", "cases", "--db", url, "--unit", "BGM", "--class", "7141",
                 "--year", "2026", "--out", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Spis spraw BGM.7141 – rok 2026" in text and "Małgorzata Ślęzak" in text


def test_incoming_register(url: str, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rejestr.xlsx"
    assert main(["register", "incoming", "--db", url, "--year", "2026", "--out",
                 str(out)]) == 0
    assert "wpisów: 5" in capsys.readouterr().out
    ws = load_workbook(out)["Rejestr przesyłek"]
    assert [ws.cell(row, 1).value for row in range(2, 7)] == [
        "1/2026", "2/2026", "3/2026", "4/2026", "5/2026"]
    assert ws["B6"].value == datetime(2026, 3, 3)
    pdf = tmp_path / "rejestr.pdf"
    assert main(["register", "incoming", "--db", url, "--year", "2025", "--out",
                 str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_unknown_class_gives_an_empty_register(url: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pusty.xlsx"
    assert main(["register", "cases", "--db", url, "--unit", "XYZ", "--class", "9999",
                 "--year", "2026", "--out", str(out)]) == 0
    assert "spraw: 0" in capsys.readouterr().out
    ws = load_workbook(out)["Spis spraw"]
    assert ws.max_row == 1 and ws["A1"].value == "Lp."


@pytest.mark.parametrize(("args", "message"), [
    (["cases", "--unit", "ZGM", "--class", "0143", "--year", "26"], "rok (--year)"),
    (["cases", "--unit", "Z G", "--class", "0143", "--year", "2026"], "symbol komórki"),
    (["cases", "--unit", "ZGM", "--class", "", "--year", "2026"], "klasa JRWA (--class)"),
    (["incoming", "--year", "dwa"], "rok (--year)"),
    (["incoming", "--year", "2026", "--out", "x.docx"], "nieobsługiwany format"),
    (["incoming", "--year", "2026", "--out", "/nie/ma/takiego/x.pdf"], "nie istnieje"),
])
def test_bad_input_exits_2_in_polish(url: str, tmp_path: Path, args: list[str], message: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    if "--out" not in args:
        args = [*args, "--out", str(tmp_path / "x.pdf")]
    assert main(["register", args[0], "--db", url, *args[1:]]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Błąd: ") and message in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_missing_database_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["register", "incoming", "--db", f"sqlite:///{tmp_path / 'brak.sqlite3'}",
                 "--year", "2026", "--out", str(tmp_path / "x.pdf")])
    assert code == 2 and "nie istnieje" in capsys.readouterr().err
    assert not (tmp_path / "brak.sqlite3").exists()
