"""Letter PDFs: Polish text intact, legal content, barcode readable, long letters paginate."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from clerk_app.documents.letters import render_envelope_label, render_letter
from clerk_app.domain.cases import CaseKind
from clerk_app.domain.letter_texts import (
    DelayNoticeContent,
    EnvelopeLabel,
    LetterDocument,
    LetterHeader,
    SummonsContent,
    delay_notice_body,
    summons_body,
)

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None
                                   or shutil.which("pdftoppm") is None,
                                   reason="poppler-utils not installed")

HEADER = LetterHeader(
    identifier="L2026000017",
    sender_lines=("Urząd Miasta Piekary Śląskie", "Biuro Gospodarki Mieszkaniowej",
                  "ul. Bytomska 92, pok. 109", "41-940 Piekary Śląskie"),
    return_address="Urząd Miasta Piekary Śląskie, BGM, ul. Bytomska 92, 41-940 Piekary Śl.",
    place_and_date="Piekary Śląskie, 24.11.2026", case_signature="BGM.7141.12.2026",
    addressee_lines=("Józef Żółkiewski", "ul. Źródlana 5/3", "41-940 Piekary Śląskie"),
    handled_by="Józef Żółkiewski", title="Wezwanie do usunięcia braków formalnych")


def _text(pdf: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@needs_poppler
def test_summons_text(tmp_path: Path) -> None:
    body = summons_body(SummonsContent(
        CaseKind.DEPOSIT, date(2026, 11, 20),
        ("Oświadczenie o stanie majątkowym (załącznik nr 2)", "Pełnomocnictwo <oryginał> & "
         "dowód opłaty skarbowej 17 zł"), 7, "", "Anna Nowak", "Kierownik BGM"))
    text = _text(render_letter(LetterDocument(HEADER, body)), tmp_path, "summons")
    flat = " ".join(text.split())
    assert "Wezwanie do usunięcia braków formalnych" in flat
    assert "Piekary Śląskie, 24.11.2026" in flat
    assert "Znak sprawy: BGM.7141.12.2026" in flat
    assert "Józef Żółkiewski" in flat and "ul. Źródlana 5/3" in flat
    assert "art. 64 § 2" in flat
    assert "w terminie 7 dni od dnia doręczenia niniejszego wezwania" in flat
    assert "pozostawienie prośby bez rozpoznania" in flat
    assert "Pełnomocnictwo <oryginał> & dowód opłaty skarbowej 17 zł" in flat
    assert "Anna Nowak" in flat and "L2026000017" in flat
    assert "strona 1 z 1" in flat


@needs_poppler
def test_delay_notice_and_long_letter(tmp_path: Path) -> None:
    body = delay_notice_body(DelayNoticeContent(
        CaseKind.DEPOSIT, date(2026, 3, 2), date(2026, 4, 2), date(2026, 4, 20),
        "oczekiwanie na opinię Zakładu Gospodarki Mieszkaniowej.",
        extra=tuple(f"Akapit uzupełniający nr {i}." for i in range(60))))
    flat = " ".join(_text(render_letter(LetterDocument(HEADER, body)), tmp_path, "delay").split())
    assert "nie zostanie rozpatrzona w terminie do dnia 02.04.2026" in flat
    assert "Nowy termin załatwienia sprawy: 20.04.2026" in flat
    assert "art. 36 § 1" in flat
    total = int(re.findall(r"strona 1 z (\d+)", flat)[0])
    assert total >= 2 and f"strona {total} z {total}" in flat
    assert "Znak sprawy: BGM.7141.12.2026 Zawiadomienie" not in flat


@pytest.mark.skipif(shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
                    reason="zbar-tools not installed")
def test_barcodes_decode(tmp_path: Path) -> None:
    label = render_envelope_label(EnvelopeLabel("L2026000017", HEADER.return_address,
                                                HEADER.addressee_lines, "BGM.7141.12.2026"))
    letter = render_letter(LetterDocument(HEADER, summons_body(SummonsContent(
        CaseKind.IOK, date(2026, 11, 20), ("Podpis",)))))
    for name, pdf in (("label", label), ("letter", letter)):
        (tmp_path / f"{name}.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1",
                        str(tmp_path / f"{name}.pdf"), str(tmp_path / name)], check=True)
        decoded = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / f"{name}-1.png")],
                                 capture_output=True, text=True).stdout.split()
        assert decoded == ["L2026000017"]
