"""ZGM's letters as PDFs: ZGM writes, signs and is reachable by phone; its return-address
line fits above the DL window without being cut; no KPA wording, no password."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from clerk_app.documents.letter_layout import ADDRESS_TOP, ADDRESS_W, ADDRESS_X
from clerk_app.domain.roles import Role
from clerk_app.services.admin.settings import OfficeSettings, load_settings, save_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.iok.completion import request_completion
from clerk_app.services.letters.records import letter_pdf
from tests.services.iok.flow import register_iok

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler")
Staff = dict[Role, Actor]
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                   r'yMax="([\d.]+)">([^<]*)</word>')


def _pdf(ctx: AppContext, staff: Staff, tmp_path: Path) -> Path:
    admin = staff[Role.ADMIN]
    settings: OfficeSettings = load_settings(ctx)
    save_settings(ctx, admin, replace(settings, zgm_signatory_name="Barbara Zgm-Kierownik",
                                      zgm_signatory_title="Dyrektor ZGM"))
    case_id = register_iok(ctx, staff[Role.COUNTER], signed=False, email=None).case_id
    assert case_id is not None
    out = request_completion(ctx, staff[Role.CLERK], case_id, by_email=False)
    path = tmp_path / "prosba.pdf"
    path.write_bytes(letter_pdf(ctx, staff[Role.CLERK], out.letter.letter_id).pdf)
    return path


def test_completion_letter_pdf(ctx: AppContext, staff: Staff, tmp_path: Path) -> None:
    path = _pdf(ctx, staff, tmp_path)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    assert "Zakład Gospodarki Mieszkaniowej" in flat and "287-29-81" in flat
    assert "Barbara Zgm-Kierownik" in flat and "Dyrektor ZGM" in flat
    assert "Podstawa: Regulamin Internetowej Obsługi Kontrahenta" in flat
    for banned in ("k.p.a", "KPA", "Kodeks", "bez rozpoznania", "hasło"):
        assert banned not in flat
    assert "Własnoręczny podpis" in flat and "Adres e-mail" in flat


def test_return_address_fits_above_the_window(
    ctx: AppContext, staff: Staff, tmp_path: Path
) -> None:
    path = _pdf(ctx, staff, tmp_path)
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    top, bottom = ADDRESS_TOP + 1 * mm, ADDRESS_TOP + 5 * mm  # pdftotext: points from top
    words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
             _WORD.findall(html) if top <= float(b) <= bottom and float(a) < 120 * mm]
    line = " ".join(w for *_, w in words)
    assert line == "ZGM, ul. Gen. Jerzego Ziętka 60, 41-940 Piekary Śląskie"
    assert "…" not in line
    assert min(w[0] for w in words) >= ADDRESS_X
    assert max(w[2] for w in words) <= ADDRESS_X + ADDRESS_W - 5 * mm
    heights = {round(w[3] - w[1], 1) for w in words}
    assert min(heights) >= 6.0  # drawn at its nominal size, not shrunk to a speck
