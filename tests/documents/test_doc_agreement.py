"""The instalment agreement PDF: Polish amounts in words, diacritics, pages, barcode."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from clerk_app.documents.agreement_pdf import render_agreement_pdf
from tests.agreement_sample import LEGAL_BASIS, sample_agreement


def _text(pdf: bytes) -> tuple[int, str]:
    """Page count and the whole text, whitespace (also no-break spaces) collapsed."""
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return len(reader.pages), " ".join(text.replace("\u00a0", " ").split())


def test_agreement_text_parties_schedule_and_pages() -> None:
    pages, text = _text(render_agreement_pdf(sample_agreement("1160.58", 10)))
    assert "Umowa w sprawie rozłożenia kaucji zabezpieczającej na raty" in text
    assert "nr U2026000042" in text and "Znak sprawy: BGM.1611.8.2026" in text
    assert "Piekary Śląskie, 01.12.2026 r." in text
    assert "Gmina Piekary Śląskie" in text and "Anna Nowak" in text
    assert "Józef Żółkiewski" in text and "PESEL 85010112345" in text
    assert "ul. Źródlana 5/3" in text and "ul. Ściegiennego 12/4" in text
    assert ("11 605,80 zł (słownie: jedenaście tysięcy sześćset pięć złotych 80/100)"
            in text)
    assert "1 160,58 zł (słownie: tysiąc sto sześćdziesiąt złotych 58/100)" in text
    assert text.count("tysiąc sto sześćdziesiąt złotych 58/100") == 11  # rent + 10 rows
    assert "15.12.2026" in text and "15.09.2027" in text
    assert "17.05.2027" in text  # 15 May 2027 is a Saturday
    assert "60 1020 1026 0000 1234 5678 9012" in text
    assert "staje się natychmiast wymagalna" in text
    assert " ".join(LEGAL_BASIS.split()[:8]) in text
    assert "Wynajmujący" in text and "Najemca" in text
    assert "Razem 11 605,80 zł" in text
    assert pages == 2
    assert "Strona 1 z 2" in text and "Strona 2 z 2" in text


@pytest.mark.parametrize(("rent", "count", "instalment", "deposit"), [
    ("0.20", 2, "1,00 zł", "dwa złote 00/100"),
    ("1.00", 5, "2,00 zł", "dziesięć złotych 00/100"),
    ("1.00", 2, "5,00 zł", "dziesięć złotych 00/100"),
    ("6.00", 5, "12,00 zł", "sześćdziesiąt złotych 00/100"),
    ("4.40", 2, "22,00 zł", "czterdzieści cztery złote 00/100"),
    ("500.50", 5, "1 001,00 zł", "pięć tysięcy pięć złotych 00/100"),
])
def test_amounts_in_words_take_the_right_polish_form(
    rent: str, count: int, instalment: str, deposit: str
) -> None:
    words = {"1,00 zł": "jeden złoty 00/100", "2,00 zł": "dwa złote 00/100",
             "5,00 zł": "pięć złotych 00/100", "12,00 zł": "dwanaście złotych 00/100",
             "22,00 zł": "dwadzieścia dwa złote 00/100",
             "1 001,00 zł": "tysiąc jeden złotych 00/100"}[instalment]
    _, text = _text(render_agreement_pdf(sample_agreement(rent, count, date(2027, 3, 10))))
    assert f"(słownie: {deposit})" in text
    rows = re.findall(rf"\d+\. \d\d\.\d\d\.\d{{4}} {re.escape(instalment)} {words}", text)
    assert len(rows) == count


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_first_page_renders_and_barcode_decodes(tmp_path: Path) -> None:
    path = tmp_path / "agreement.pdf"
    path.write_bytes(render_agreement_pdf(sample_agreement()))
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(tmp_path / "p")], check=True)
    assert sorted(p.name for p in tmp_path.glob("p-*.png")) == ["p-1.png", "p-2.png"]
    if shutil.which("zbarimg") is None:
        return
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", str(path),
                    str(tmp_path / "hi")], check=True)
    decoded = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "hi-1.png")],
                             capture_output=True, text=True).stdout.split()
    assert decoded == ["U2026000042"]
