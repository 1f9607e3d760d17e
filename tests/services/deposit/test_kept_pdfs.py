"""Each workflow letter issued with a renderer keeps its PDF; the text reads right."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from clerk_app.documents.renderer import PdfRenderer
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import LetterFile
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deposit.decisions import grant_consent, refuse
from clerk_app.services.deposit.leave import leave_without_consideration
from clerk_app.services.deposit.overview import deposit_overview
from tests.services.deadline_fixtures import set_today
from tests.services.deposit.flow import register, summon_and_deliver

Staff = dict[Role, Actor]


def _text(ctx: AppContext, letter_id: int, tmp_path: Path) -> str:
    with ctx.db.read() as session:
        kept = session.scalars(select(LetterFile).where(LetterFile.letter_id == letter_id)).one()
        pdf = tmp_path / f"{letter_id}.pdf"
        pdf.write_bytes(kept.pdf)
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_consent_refusal_and_notice_pdfs(ctx: AppContext, staff: Staff, clock: object,
                                         tmp_path: Path) -> None:
    ctx.renderer = PdfRenderer()
    clerk = staff[Role.CLERK]
    granted = register(ctx, staff[Role.COUNTER], proxy=False, statement=True).case_id
    refused = register(ctx, staff[Role.COUNTER], proxy=False, statement=True).case_id
    left = register(ctx, staff[Role.COUNTER]).case_id
    assert granted and refused and left
    consent = grant_consent(ctx, clerk, granted,
                            deposit_overview(ctx, clerk, granted).case_version, 10,
                            date(2026, 4, 15))
    text = _text(ctx, consent.letter_id, tmp_path)
    assert "116,06 zł (słownie: sto szesnaście złotych 06/100)" in text
    assert "Zgoda na rozłożenie kaucji zabezpieczającej na raty" in text
    refusal = refuse(ctx, clerk, refused, deposit_overview(ctx, clerk, refused).case_version,
                     "Dochód na osobę przekracza próg określony w zarządzeniu.")
    text = _text(ctx, refusal.letter_id, tmp_path)
    assert "ponowne rozpatrzenie" in text and "Prezydenta Miasta Piekary Śląskie" in text
    summon_and_deliver(ctx, clerk, clock, left)
    set_today(clock, date(2026, 3, 16))
    notice = leave_without_consideration(ctx, clerk, left,
                                         deposit_overview(ctx, clerk, left).case_version)
    text = _text(ctx, notice.letter_id, tmp_path)
    assert "pozostaje bez rozpoznania" in text and "działający w imieniu" in text
