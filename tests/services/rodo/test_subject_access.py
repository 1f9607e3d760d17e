"""RODO art. 15: a supervisor finds every record holding one person's data (by PESEL or by
name, Polish letters folded) and who viewed or changed it; the search and the export are
audited without the person's PESEL or name; the PDF is A4 with "Strona X z Y"."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from clerk_app.documents.rodo_access_pdf import write_access_report_pdf
from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.domain.rodo_report import HeldKind, SubjectAccessReport
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import AuditEntry, LegacyAccount
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied, ValidationFailed
from clerk_app.services.deposit.statement import read_statement, save_statement
from clerk_app.services.deposit.statement_types import IncomeInput, MemberInput
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake.types import DepositDetailsInput, IokDetailsInput, SenderInput
from clerk_app.services.letters.issue import issue_summons
from clerk_app.services.rodo.access import find_person_data, record_export
from tests.services.test_deposit_statement import STATEMENT
from tests.services.test_intake import deposit_petition, iok_request

Staff = dict[Role, Actor]
PESEL = "44051401359"  # Józef Żółkiewski of tests.services.test_intake.iok_request
EMAIL = "jozef@example.pl"


def _world(ctx: AppContext, staff: Staff) -> dict[str, int]:
    """Józef Żółkiewski: applicant of an IOK case (summoned), proxy and household member in
    his daughter's deposit case, holder of an old portal account; and a stranger's case."""
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    iok = intake.register_item(ctx, counter, iok_request(iok=IokDetailsInput(
        contractor_number="K-000123", premises_street="Bytomska")))
    assert iok.case_id is not None
    issue_summons(ctx, clerk, iok.case_id, ["podpis wnioskodawcy"])
    deposit = intake.register_item(ctx, counter, deposit_petition(
        sender=SenderInput("Anna", "Żółkiewska", None, "Bytomska", "12", "3", "41-940"),
        deposit=DepositDetailsInput(Decimal("612.35"), 10, "Trudna sytuacja",
                                    has_property_statement=True, by_proxy=True,
                                    proxy_name="Józef Żółkiewski",
                                    proxy_address="ul. Bytomska 12/3, 41-940 Piekary Śląskie")))
    assert deposit.case_id is not None
    members = (MemberInput("Anna Żółkiewska", "wnioskodawczyni", None, date(1990, 1, 2), (
        IncomeInput("umowa o pracę", Decimal("3100.00")),)),
        MemberInput("ZÓŁKIEWSKI Józef", "ojciec", PESEL, None, (
            IncomeInput("emerytura", Decimal("2100.00")),)))
    save_statement(ctx, clerk, deposit.case_id, 0, replace(STATEMENT, members=members))
    read_statement(ctx, staff[Role.SUPERVISOR], deposit.case_id)
    stranger = intake.register_item(ctx, counter, deposit_petition())
    with ctx.db.transaction() as session:
        session.add(LegacyAccount(
            contractor_number="K-000123", name="Żółkiewski Józef", street="Bytomska",
            building="12", flat="3", email=EMAIL, created_on=date(2015, 4, 1),
            account_class=LegacyClass.MIGRATE, imported_at=datetime(2026, 1, 5, tzinfo=UTC),
            updated_at=datetime(2026, 1, 5, tzinfo=UTC)))
    return {"iok": iok.case_id, "deposit": deposit.case_id, "stranger": stranger.case_id or 0}


def _kinds(report: SubjectAccessReport) -> list[tuple[HeldKind, str]]:
    return [(r.kind, r.capacity) for r in report.records]


@pytest.mark.parametrize("key", [PESEL, "zolkiewski jozef", "  Józef   ŻÓŁKIEWSKI "])
def test_every_record_of_the_person_is_found(ctx: AppContext, staff: Staff, key: str) -> None:
    _world(ctx, staff)
    report = find_person_data(ctx, staff[Role.SUPERVISOR], key)
    kinds = _kinds(report)
    assert (HeldKind.CASE, "wnioskodawca") in kinds
    assert (HeldKind.CASE, "pełnomocnik") in kinds
    assert (HeldKind.INCOMING, "nadawca") in kinds
    assert (HeldKind.LETTER, "adresat") in kinds  # the summons of the IOK case
    assert (HeldKind.STATEMENT, "członek gospodarstwa domowego (ojciec)") in kinds
    assert (HeldKind.LEGACY_ACCOUNT, "posiadacz konta") in kinds
    assert report.case_count == 2
    signatures = {r.case_signature for r in report.records if r.case_signature}
    assert len(signatures) == 2  # the stranger's case is not there
    assert "Anna" not in " ".join(r.data for r in report.records)
    applicant = next(r for r in report.records if r.capacity == "wnioskodawca")
    assert "nr kontrahenta ZGM" in applicant.data and "adres lokalu" in applicant.data
    actions = [a.action for a in report.accesses]
    assert any("wystawienie pisma" in a for a in actions)
    assert "wgląd do oświadczenia o stanie majątkowym" in actions
    assert {a.username for a in report.accesses} >= {"okienko", "referent", "kierownik"}
    assert [a.at for a in report.accesses] == sorted(a.at for a in report.accesses)


def test_search_and_export_are_audited_without_personal_values(
    ctx: AppContext, staff: Staff, tmp_path: Path
) -> None:
    _world(ctx, staff)
    supervisor = staff[Role.SUPERVISOR]
    report = find_person_data(ctx, supervisor, PESEL)
    assert report.search_label == "PESEL •••••••1359"
    pages = write_access_report_pdf(report, tmp_path / "art15.pdf")
    record_export(ctx, supervisor, report, pages)
    with ctx.db.read() as session:
        rows = list(session.scalars(select(AuditEntry).where(
            AuditEntry.entity == "rodo_request").order_by(AuditEntry.id)))
    assert [(r.action, r.entity_id, r.username, r.case_id) for r in rows] == [
        ("search", report.request_id, "kierownik", None),
        ("export_pdf", report.request_id, "kierownik", None)]
    text = " ".join(r.changes for r in rows)
    for personal in (PESEL, "Żółkiewski", "zolkiewski", "Józef", EMAIL):
        assert personal.lower() not in text.lower()
    assert json.loads(rows[0].changes)["key_kind"] == [None, "pesel"]
    assert json.loads(rows[1].changes)["pages"] == [None, pages]


@pytest.mark.parametrize("role", [Role.COUNTER, Role.CLERK, Role.ADMIN], ids=str)
def test_only_a_supervisor_may_search(ctx: AppContext, staff: Staff, role: Role) -> None:
    with pytest.raises(PermissionDenied):
        find_person_data(ctx, staff[role], PESEL)


@pytest.mark.parametrize(("key", "message"), [
    ("44051401358", "suma kontrolna"), ("Kowalski", "imię i nazwisko"), ("", "imię")])
def test_a_bad_key_names_the_field(ctx: AppContext, staff: Staff, key: str,
                                   message: str) -> None:
    with pytest.raises(ValidationFailed) as raised:
        find_person_data(ctx, staff[Role.SUPERVISOR], key)
    [error] = raised.value.errors
    assert error.key == "search" and message in error.message.lower()


def test_nobody_found_still_answers_and_is_audited(ctx: AppContext, staff: Staff) -> None:
    report = find_person_data(ctx, staff[Role.SUPERVISOR], "Zenon Nieznany")
    assert report.records == () and report.accesses == ()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils")
def test_the_pdf_is_a4_with_page_numbers(ctx: AppContext, staff: Staff,
                                         tmp_path: Path) -> None:
    world = _world(ctx, staff)
    for _ in range(12):  # a long trail: the tables go over more than one page
        issue_summons(ctx, staff[Role.CLERK], world["iok"], ["podpis wnioskodawcy"])
    report = find_person_data(ctx, staff[Role.SUPERVISOR], "Józef Żółkiewski")
    pdf = tmp_path / "art15.pdf"
    pages = write_access_report_pdf(report, pdf)
    assert pages >= 2
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert f"Strona 1 z {pages}" in text and f"Strona {pages} z {pages}" in text
    assert "Informacja o przetwarzanych danych osobowych" in text
    assert "Żółkiewski" in text and "pełnomocnik" in text and "K-000123" in text
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    assert "595.276 x 841.89" in info  # A4
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True,
                           text=True).stdout
    assert "DejaVuSans" in fonts and "Helvetica" not in fonts
    out = Path("/tmp/shots/access")
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(out / "art15")], check=True)
