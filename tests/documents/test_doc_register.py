"""Register files open again: PDF text with pdftotext (header and page numbers on every
page, DejaVu only), a PNG page, and the XLSX with openpyxl (dates are dates)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from clerk_app.documents.register_pdf import render_register_pdf, write_register_pdf
from clerk_app.documents.register_table import file_stem
from clerk_app.documents.register_xlsx import render_register_xlsx, write_register_xlsx
from clerk_app.domain.registers import (
    CaseRegister,
    CaseRegisterRow,
    IncomingRegister,
    IncomingRegisterRow,
)
from clerk_app.services.core.context import OFFICE_TZ

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None
                                   or shutil.which("pdftoppm") is None,
                                   reason="poppler-utils not installed")
GENERATED = datetime(2026, 3, 2, 9, 30, tzinfo=UTC).astimezone(OFFICE_TZ)
LONG = ("Wniosek o utworzenie konta w Internetowym Biurze Obsługi Klienta dla lokalu "
        "przy ul. Gen. Jerzego Ziętka 60 wraz z prośbą o przesyłanie e-faktur na adres "
        "poczty elektronicznej podany we wniosku oraz o zmianę danych kontaktowych najemcy")


def cases(count: int) -> CaseRegister:
    rows = tuple(CaseRegisterRow(
        n, f"ZGM.0143.{n}.2026", LONG if n % 5 == 0 else "Wniosek o konto IOK",
        "Świętochowska-Łęcka Źdźisława", "WN/7/2026" if n % 2 else "",
        date(2026, 2, 27) if n % 2 else None, date(2026, 3, 2),
        date(2026, 3, 10) if n % 3 else None,
        "Przekazano dane logowania do IOK" if n % 3 else "") for n in range(1, count + 1))
    return CaseRegister("ZGM", "0143", 2026, GENERATED, "Krystyna Kierownik", rows)


def incoming(count: int) -> IncomingRegister:
    rows = tuple(IncomingRegisterRow(
        n, f"{n}/2026", date(2026, 3, 2), "Józef Żółkiewski & Syn <sp. j.>", "WN/7/2026",
        date(2026, 2, 27), "Wniosek o utworzenie konta IOK", n % 4, "Anna Nowak",
        f"Sprawa ZGM.0143.{n}.2026") for n in range(1, count + 1))
    return IncomingRegister(2026, GENERATED, "Krystyna Kierownik", rows)


def pdf_text(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]


@needs_poppler
def test_case_register_pdf_pages_repeat_title_and_headers(tmp_path: Path) -> None:
    path = tmp_path / "spis.pdf"
    write_register_pdf(cases(120), path)
    pages = pdf_text(path)
    assert len(pages) > 3
    for number, page in enumerate(pages, start=1):
        assert "Spis spraw ZGM.0143 – rok 2026" in page
        assert "Sprawa (krótka treść)" in page and "Od kogo wpłynęła" in page
        assert f"Strona {number} z {len(pages)}" in page
    first = pages[0]
    assert "Spraw: 120, w tym załatwionych ostatecznie: 80." in first
    assert "Świętochowska-Łęcka Źdźisława" in first and "27.02.2026" in first
    assert "Internetowym Biurze" in first  # a long subject wraps to further lines …
    assert "…" in first  # … and what does not fit three lines ends with an ellipsis
    assert "ZGM.0143.1.2026" not in first  # the symbol is in the title, "Lp." is the number
    everything = "".join(pages)
    assert all(re.search(rf"^\s*{n}\s", everything, re.MULTILINE) for n in (1, 60, 120))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "DejaVuSans" in fonts and "Helvetica" not in fonts
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(path),
                    str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 5000


@needs_poppler
def test_incoming_register_pdf_and_an_empty_one(tmp_path: Path) -> None:
    path = tmp_path / "rejestr.pdf"
    path.write_bytes(render_register_pdf(incoming(40)))
    pages = pdf_text(path)
    assert "Rejestr przesyłek wpływających – rok 2026" in pages[0]
    assert "Józef Żółkiewski & Syn <sp. j.>" in pages[0] and "40/2026" in pages[-1]
    assert f"Strona {len(pages)} z {len(pages)}" in pages[-1]
    empty = tmp_path / "pusty.pdf"
    empty.write_bytes(render_register_pdf(cases(0)))
    (page,) = pdf_text(empty)
    assert "W tym spisie nie ma spraw." in page and "Strona 1 z 1" in page
    assert "Spraw: 0" in page


def test_case_register_xlsx_dates_are_dates(tmp_path: Path) -> None:
    path = tmp_path / "spis.xlsx"
    write_register_xlsx(cases(7), path)
    wb = load_workbook(path)
    ws = wb["Spis spraw"]
    assert [c.value for c in ws[1]] == [
        "Lp.", "Znak sprawy", "Sprawa (krótka treść)", "Od kogo wpłynęła", "Znak pisma",
        "Z dnia", "Data wszczęcia sprawy", "Data ostatecznego załatwienia",
        "Uwagi (sposób załatwienia)"]
    assert ws.max_row == 8
    first = [c.value for c in ws[2]]
    assert first[:5] == [1, "ZGM.0143.1.2026", "Wniosek o konto IOK",
                         "Świętochowska-Łęcka Źdźisława", "WN/7/2026"]
    assert first[5:8] == [datetime(2026, 2, 27), datetime(2026, 3, 2), datetime(2026, 3, 10)]
    assert ws["F2"].number_format == "DD.MM.YYYY" and ws["G3"].is_date
    assert ws["F3"].value is None and ws["E3"].value is None and ws["I4"].value is None
    assert ws["C6"].value == LONG
    assert ws.freeze_panes == "A2" and ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.auto_filter.ref == "A1:I8"
    assert ws.oddFooter.right.text == "Strona &P z &N"
    params = {r[0].value: r[1].value for r in wb["Parametry"].iter_rows()}
    assert params["Rejestr"] == "Spis spraw ZGM.0143 – rok 2026"
    assert params["Liczba spraw"] == 7 and params["Przez"] == "Krystyna Kierownik"
    assert params["Wygenerowano"] == datetime(2026, 3, 2, 10, 30)  # office time


def test_incoming_register_xlsx_escapes_text(tmp_path: Path) -> None:
    path = tmp_path / "rejestr.xlsx"
    path.write_bytes(render_register_xlsx(incoming(3)))
    ws = load_workbook(path)["Rejestr przesyłek"]
    assert [c.value for c in ws[2]] == [
        "1/2026", datetime(2026, 3, 2), "Józef Żółkiewski & Syn <sp. j.>", "WN/7/2026",
        datetime(2026, 2, 27), "Wniosek o utworzenie konta IOK", 1, "Anna Nowak",
        "Sprawa ZGM.0143.1.2026"]
    assert ws["B4"].number_format == "DD.MM.YYYY"
    assert ws.freeze_panes == "A2" and ws.print_title_rows == "$1:$1"
    empty = tmp_path / "pusty.xlsx"
    empty.write_bytes(render_register_xlsx(incoming(0)))
    assert load_workbook(empty)["Rejestr przesyłek"].max_row == 1


def test_file_names() -> None:
    assert file_stem(cases(0)) == "spis_spraw_ZGM.0143_2026"
    assert file_stem(incoming(0)) == "rejestr_przesylek_2026"


def test_cells_wrap_and_split_words_longer_than_the_column() -> None:
    import io

    from reportlab.pdfgen.canvas import Canvas

    from clerk_app.documents.fonts import FONT_REGULAR, register_fonts
    from clerk_app.documents.pdf_text import PageWriter
    from clerk_app.documents.register_pdf import SIZE, _Layout
    from clerk_app.documents.register_table import INCOMING_COLUMNS

    register_fonts()
    writer = PageWriter(Canvas(io.BytesIO(), initialFontName=FONT_REGULAR))
    layout = _Layout(writer, INCOMING_COLUMNS)
    width = 60.0
    assert layout.wrap("", width, 3) == ()
    assert layout.wrap("Sprawa", width, 3) == ("Sprawa",)
    signature = "ZGM.0143.100000.2026"
    lines = layout.wrap(f"Sprawa {signature}", width, 3)
    assert len(lines) > 2 and lines[0] == "Sprawa" and "".join(lines[1:]) == signature
    assert all(writer.width(FONT_REGULAR, SIZE, line) <= width for line in lines)
    cut = layout.wrap("słowo " * 40, width, 3)
    assert len(cut) == 3 and cut[-1].endswith("…")
    assert layout.wrap(signature, width, 1) == (writer.fit(FONT_REGULAR, SIZE, signature,
                                                           width),)
