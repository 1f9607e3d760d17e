"""The migration batch PDF: a letter page per account with its return form, label sheets,
ZGM as the sender under the IOK terms (no KPA), barcodes that decode to the account code."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from clerk_app.documents.legacy_batch_pdf import render_batch_pdf, render_one_letter_pdf
from clerk_app.domain.legacy_letters import (
    LegacyBatchDocument,
    LegacyLetter,
    account_code,
    address_lines,
)


def _document(count: int) -> LegacyBatchDocument:
    letters = tuple(LegacyLetter(
        account_code(i), f"K{i:05d}", f"Łucja Żółtowska {i}",
        address_lines(f"Łucja Żółtowska {i}", "Gen. Jerzego Ziętka", "12", "4"), None)
        for i in range(1, count + 1))
    return LegacyBatchDocument(
        4, date(2026, 3, 2), "Zakład Gospodarki Mieszkaniowej w Piekarach Śląskich",
        "ul. Gen. Jerzego Ziętka 60, 41-940 Piekary Śląskie", "(32) 287-29-81",
        "Jan Nowak", "Dyrektor Zakładu Gospodarki Mieszkaniowej", letters)


def test_pages_texts_and_labels() -> None:
    reader = PdfReader(io.BytesIO(render_batch_pdf(_document(25))))
    assert len(reader.pages) == 25 + 2
    first = " ".join(reader.pages[0].extract_text().split())
    for text in ("Zakład Gospodarki Mieszkaniowej w Piekarach Śląskich", "Piekary Śląskie, "
                 "02.03.2026", "Znak: ZGM/IOK/M/2026/4", "Łucja Żółtowska 1",
                 "ul. Gen. Jerzego Ziętka 12/4", "Regulamin Internetowej Obsługi Kontrahenta",
                 "Formularz zwrotny", "Kod konta: M000000001", "Jan Nowak"):
        assert text in first, text
    assert "KPA" not in first and "bez rozpoznania" not in first
    assert "…" not in first  # the return address above the window is never cut
    assert reader.pages[0].extract_text().count("ul. Gen. Jerzego Ziętka 60, 41-940 Piekary "
                                                 "Śląskie") >= 2
    labels = reader.pages[25].extract_text()
    assert "M000000024" in labels and "M000000025" not in labels
    assert "M000000025" in reader.pages[26].extract_text()
    single = PdfReader(io.BytesIO(
        render_one_letter_pdf(_document(3), _document(3).letters[2])))
    assert len(single.pages) == 1 and "M000000003" in single.pages[0].extract_text()


@pytest.mark.skipif(shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
                    reason="zbar-tools not installed")
def test_both_barcodes_of_a_letter_decode(tmp_path: Path) -> None:
    pdf = tmp_path / "batch.pdf"
    pdf.write_bytes(render_batch_pdf(_document(2)))
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", "2", "-l", "2", str(pdf),
                    str(tmp_path / "page")], check=True)
    (png,) = tmp_path.glob("page-*.png")
    with Image.open(png) as page:  # the letter's code above the cut, the form's below it
        width, height = page.size
        page.crop((0, 0, width, height * 190 // 297)).save(tmp_path / "letter.png")
        page.crop((0, height * 200 // 297, width, height)).save(tmp_path / "form.png")
    for part in ("letter", "form"):
        decoded = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / f"{part}.png")],
                                 capture_output=True, text=True).stdout.split()
        assert decoded == ["M000000002"], part
