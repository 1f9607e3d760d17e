"""Every letter kind issued through the real services, for the PDF checks (not a test module).

Three deposit cases by a proxy: one summoned, completed, sent a delay notice, granted consent
and its agreement; one refused; one left without consideration. The PDFs are the bytes kept
when each letter was issued (``records.letter_pdf``).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from clerk_app.domain.petition_checklist import PetitionItem
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deposit.agreement import prepare_agreement
from clerk_app.services.deposit.decisions import grant_consent, refuse
from clerk_app.services.deposit.leave import leave_without_consideration
from clerk_app.services.deposit.overview import deposit_overview
from clerk_app.services.letters.issue import issue_delay_notice
from clerk_app.services.letters.records import letter_pdf
from tests.services.deadline_fixtures import set_today
from tests.services.deposit.flow import register, summon_and_deliver, supplement

ITEMS = (PetitionItem.POWER_OF_ATTORNEY, PetitionItem.STAMP_DUTY,
         PetitionItem.PROPERTY_STATEMENT)
needs_tools = pytest.mark.skipif(
    any(shutil.which(t) is None for t in ("pdftotext", "pdftoppm", "zbarimg")),
    reason="poppler-utils and zbar-tools not installed")


@dataclass(frozen=True)
class Issued:
    kind: str
    identifier: str
    signature: str
    pdf: bytes


def _completed(ctx: AppContext, staff: dict[Role, Actor], clock: object, rent: str) -> int:
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    case_id = register(ctx, counter, rent=rent).case_id
    assert case_id is not None
    summon_and_deliver(ctx, clerk, clock, case_id)
    set_today(clock, date(2026, 3, 11))
    supplement(ctx, counter, case_id, ITEMS, datetime(2026, 3, 11, 9, tzinfo=UTC),
               posted_on=date(2026, 3, 10))
    return case_id


def _kept(ctx: AppContext, actor: Actor, letter_id: int) -> Issued:
    stored = letter_pdf(ctx, actor, letter_id)
    return Issued(stored.kind, stored.identifier, stored.case_signature, stored.pdf)


def consent_and_agreement(ctx: AppContext, staff: dict[Role, Actor], clock: object,
                          rent: str, count: int = 10) -> tuple[Issued, Issued]:
    """A completed petition with ``rent`` granted in ``count`` instalments, and its agreement."""
    clerk = staff[Role.CLERK]
    case_id = _completed(ctx, staff, clock, rent)
    version = deposit_overview(ctx, clerk, case_id).case_version
    consent = grant_consent(ctx, clerk, case_id, version, count, date(2026, 4, 15))
    version = deposit_overview(ctx, clerk, case_id).case_version
    agreement = prepare_agreement(ctx, clerk, case_id, version)
    return _kept(ctx, clerk, consent.letter_id), _kept(ctx, clerk, agreement.letter_id)


def every_kind(ctx: AppContext, staff: dict[Role, Actor], clock: object) -> dict[str, Issued]:
    """One kept PDF of each letter kind, by its stored value."""
    clerk = staff[Role.CLERK]
    found: dict[str, Issued] = {}
    granted = _completed(ctx, staff, clock, "116.06")
    delay = issue_delay_notice(ctx, clerk, granted, date(2026, 4, 30),
                               "konieczność uzyskania opinii Zakładu Gospodarki Mieszkaniowej")
    found["delay_notice"] = _kept(ctx, clerk, delay.letter_id)
    version = deposit_overview(ctx, clerk, granted).case_version
    consent = grant_consent(ctx, clerk, granted, version, 10, date(2026, 4, 15))
    found["consent"] = _kept(ctx, clerk, consent.letter_id)
    version = deposit_overview(ctx, clerk, granted).case_version
    found["agreement"] = _kept(ctx, clerk, prepare_agreement(ctx, clerk, granted,
                                                             version).letter_id)
    refused = _completed(ctx, staff, clock, "250.00")
    version = deposit_overview(ctx, clerk, refused).case_version
    found["refusal"] = _kept(ctx, clerk, refuse(
        ctx, clerk, refused, version, "Dochód na osobę w gospodarstwie domowym przekracza "
        "próg szczególnie uzasadnionego przypadku.\nBrak zadłużenia.").letter_id)
    left = register(ctx, staff[Role.COUNTER]).case_id
    assert left is not None
    summons = summon_and_deliver(ctx, clerk, clock, left)
    found["summons"] = _kept(ctx, clerk, summons.letter_id)
    set_today(clock, date(2026, 3, 16))
    version = deposit_overview(ctx, clerk, left).case_version
    found["left_without_consideration"] = _kept(
        ctx, clerk, leave_without_consideration(ctx, clerk, left, version).letter_id)
    return found


def pdf_text(pdf: bytes, folder: Path, name: str) -> str:
    """``pdftotext -layout`` of ``pdf``."""
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftotext", "-layout", str(path), str(folder / f"{name}.txt")],
                   check=True)
    return (folder / f"{name}.txt").read_text(encoding="utf-8")


def barcodes(pdf: bytes, folder: Path, name: str) -> list[str]:
    """The Code 128 values ``zbarimg`` reads on page 1 at 200 dpi."""
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", str(path),
                    str(folder / f"{name}-bar")], check=True)
    page = next(folder.glob(f"{name}-bar-*.png"))
    return subprocess.run(["zbarimg", "-q", "--raw", str(page)], capture_output=True,
                          text=True).stdout.split()


def pngs(pdf: bytes, folder: Path, name: str, dpi: int = 60) -> list[Path]:
    """Every page as a PNG (``pdftoppm -png -r 60``), to look at."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(path), str(folder / name)],
                   check=True)
    return sorted(folder.glob(f"{name}-*.png"))
