"""Every PDF embeds all its fonts: no unembedded Helvetica beside DejaVu (``pdffonts``)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from clerk_app.documents.agreement_pdf import render_agreement_pdf
from clerk_app.documents.deadline_report_pdf import render_deadline_report_pdf
from clerk_app.documents.letters import render_envelope_label, render_letter
from clerk_app.domain.cases import CaseKind
from clerk_app.domain.letter_texts import (
    EnvelopeLabel,
    LetterDocument,
    SummonsContent,
    summons_body,
)
from tests.agreement_sample import sample_agreement
from tests.documents.test_doc_deadline_report import sample_report
from tests.documents.test_doc_letters import HEADER

pytestmark = pytest.mark.skipif(shutil.which("pdffonts") is None,
                                reason="poppler-utils not installed")


def fonts(pdf: bytes, tmp_path: Path) -> list[tuple[str, str]]:
    """(name, embedded yes/no) of each font ``pdffonts`` lists."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                         check=True).stdout.splitlines()[2:]
    # columns: name type encoding emb sub uni object ID (type may hold a space)
    return [(line.split()[0], line.split()[-5]) for line in out if line.strip()]


def _summons() -> bytes:
    return render_letter(LetterDocument(HEADER, summons_body(SummonsContent(
        CaseKind.DEPOSIT, date(2026, 11, 20), ("Podpis", "Pełnomocnictwo")))))


@pytest.mark.parametrize("make", [
    _summons,
    lambda: render_envelope_label(EnvelopeLabel("L2026000017", HEADER.return_address,
                                                HEADER.addressee_lines, "BGM.7141.12.2026")),
    lambda: render_agreement_pdf(sample_agreement()),
    lambda: render_deadline_report_pdf(sample_report()),
], ids=["letter", "label", "agreement", "deadline_report"])
def test_only_embedded_fonts(make: object, tmp_path: Path) -> None:
    listed = fonts(make(), tmp_path)  # type: ignore[operator]
    assert listed, "no fonts listed"
    assert all(emb == "yes" for _name, emb in listed), listed
    assert not any("Helvetica" in name for name, _emb in listed)
