"""Report files open again: XLSX with openpyxl, PDF text with pdftotext, a PNG page."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from clerk_app.documents.deadline_report_pdf import render_deadline_report_pdf
from clerk_app.documents.deadline_report_xlsx import (
    render_deadline_report_xlsx,
    write_deadline_report_xlsx,
)
from clerk_app.domain.cases import CaseKind, CaseStatus, DeadlineKind, DeadlineState
from clerk_app.domain.deadline_report import DeadlineRow
from clerk_app.services.core.context import OFFICE_TZ
from clerk_app.services.deadlines.report import AssigneeGroup, DeadlineReport

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None
                                   or shutil.which("pdftoppm") is None,
                                   reason="poppler-utils not installed")


def _row(n: int, applicant: str, due: date, left: int, overdue: bool = False,
         assignee: tuple[int | None, str] = (7, "Józef Żółkiewski")) -> DeadlineRow:
    return DeadlineRow(
        deadline_id=n, case_id=n, signature=f"BGM.7141.{n}.2026", applicant=applicant,
        case_kind=CaseKind.DEPOSIT, deadline_kind=DeadlineKind.DEFICIENCY if overdue
        else DeadlineKind.DECISION, start_on=date(2026, 2, 20), due_on=due,
        working_days_left=left, overdue=overdue,
        state=DeadlineState.MISSED if overdue else DeadlineState.RUNNING,
        case_status=CaseStatus.AWAITING_COMPLETION if overdue else CaseStatus.IN_PROGRESS,
        assignee_id=assignee[0], assignee_name=assignee[1], version=1)


def sample_report(rows_per_group: int = 3) -> DeadlineReport:
    mine = tuple([_row(1, "Żółkiewski Józef", date(2026, 2, 27), -1, overdue=True)]
                 + [_row(i, f"Świętochowska-Łęcka Źdźisława {i}", date(2026, 3, 4), 2)
                    for i in range(2, rows_per_group + 1)])
    other = (_row(1000, "Nowak Jan", date(2026, 3, 9), 5, assignee=(None, "(nieprzydzielone)")),)
    generated = datetime(2026, 3, 2, 9, 30, tzinfo=UTC).astimezone(OFFICE_TZ)
    return DeadlineReport(date(2026, 3, 2), 14, date(2026, 3, 16), generated,
                          "Krystyna Kierownik",
                          (AssigneeGroup(7, "Józef Żółkiewski", mine),
                           AssigneeGroup(None, "(nieprzydzielone)", other)))


def test_xlsx_opens_with_dates_filter_and_frozen_header(tmp_path: Path) -> None:
    path = tmp_path / "raport.xlsx"
    write_deadline_report_xlsx(sample_report(), path)
    wb = load_workbook(path)
    ws = wb["Terminy"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:I5"
    assert [c.value for c in ws[1]] == [
        "Prowadzący", "Znak sprawy", "Wnioskodawca", "Rodzaj sprawy", "Rodzaj terminu",
        "Początek", "Termin", "Dni robocze do terminu", "Status"]
    first = [c for c in ws[2]]
    assert first[0].value == "Józef Żółkiewski"
    assert first[2].value == "Żółkiewski Józef"
    assert isinstance(first[6].value, datetime)
    assert first[6].value.date() == date(2026, 2, 27)
    assert first[6].number_format == "DD.MM.YYYY"
    assert first[7].value == -1
    assert first[8].value == "Upłynął – braki nieusunięte"  # the applicant's, not the office's
    assert first[0].fill.fgColor.rgb.endswith("FFC7CE")
    assert ws["A3"].fill.fill_type is None
    assert ws["G5"].value.date() == date(2026, 3, 9)
    assert ws.column_dimensions["C"].width == 30
    assert ws.max_row == 5 and ws.max_column == 9
    params = {r[0].value: r[1].value for r in wb["Parametry"].iter_rows()}
    assert params["Przez"] == "Krystyna Kierownik"
    assert params["Stan na dzień"].date() == date(2026, 3, 2)


def test_xlsx_prints_landscape_with_the_header_on_every_page_and_a_real_timestamp(
    tmp_path: Path
) -> None:
    """It had no print set-up and stored "Wygenerowano" as text."""
    path = tmp_path / "raport.xlsx"
    write_deadline_report_xlsx(sample_report(), path)
    wb = load_workbook(path)
    ws = wb["Terminy"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$1:$1"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    generated = {r[0].value: r[1] for r in wb["Parametry"].iter_rows()}["Wygenerowano"]
    assert generated.value == datetime(2026, 3, 2, 10, 30)  # Warsaw time, as on the PDF
    assert generated.number_format == "DD.MM.YYYY HH:MM"


@needs_poppler
def test_pdf_text_keeps_polish_characters_and_renders(tmp_path: Path) -> None:
    path = tmp_path / "raport.pdf"
    path.write_bytes(render_deadline_report_pdf(sample_report(rows_per_group=60)))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Raport terminów – stan na 02.03.2026" in text
    assert "Żółkiewski Józef" in text
    assert "Świętochowska-Łęcka" in text
    assert "Prowadzący: Józef Żółkiewski – terminów: 60, w tym po terminie: 1" in text
    assert "Prowadzący: Józef Żółkiewski (cd.)" in text
    assert "Wygenerowano 02.03.2026 10:30 przez Krystyna Kierownik" in text
    assert "Strona 1 z 2" in text and "Strona 2 z 2" in text
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(path),
                    str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 5000


def test_xlsx_escapes_text_and_leaves_unknown_days_empty(tmp_path: Path) -> None:
    odd = dataclasses.replace(_row(5, "Kowalski & <Syn> \x07", date(2026, 3, 5), 3),
                              working_days_left=None)
    report = dataclasses.replace(sample_report(), groups=(
        AssigneeGroup(3, "Ala & Ola", (odd,)),))
    path = tmp_path / "r.xlsx"
    write_deadline_report_xlsx(report, path)
    ws = load_workbook(path)["Terminy"]
    assert ws["A2"].value == "Ala & Ola"
    assert ws["C2"].value == "Kowalski & <Syn> "
    assert ws["H2"].value is None
    assert ws.auto_filter.ref == "A1:I2"


def test_empty_report_still_renders() -> None:
    empty = DeadlineReport(date(2026, 3, 2), 7, date(2026, 3, 9),
                           datetime(2026, 3, 2, 10, tzinfo=OFFICE_TZ), "x", ())
    assert render_deadline_report_pdf(empty).startswith(b"%PDF")
    assert render_deadline_report_xlsx(empty)[:2] == b"PK"
