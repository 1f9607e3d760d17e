"""A person with distinctive data, taken through the real services to a settled case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from clerk_app.domain.cases import Channel, IncomingKind
from clerk_app.domain.roles import Role
from clerk_app.services.cases.detail import update_applicant
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deposit.decisions import refuse
from clerk_app.services.deposit.overview import deposit_overview
from clerk_app.services.deposit.statement import save_statement
from clerk_app.services.deposit.statement_types import IncomeInput, MemberInput, StatementInput
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake.types import (
    DepositDetailsInput,
    IokDetailsInput,
    RegistrationInput,
    ScanUpload,
    SenderInput,
)
from clerk_app.services.iok.accounts import record_account_created, record_login_sent
from clerk_app.services.iok.request import iok_request
from clerk_app.services.letters.delivery import record_delivery
from clerk_app.services.letters.issue import issue_summons
from tests.services.deadline_fixtures import case_row, set_today


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    pesel: str
    email: str
    street: str

    @property
    def needles(self) -> tuple[str, ...]:
        """What must not be found anywhere after anonymisation (compared case-blind)."""
        return (self.last, self.pesel, self.email, f"{self.last}-Nowak", self.street)


TARGET = Person("Zdzisława", "Przybylszczak", "92071314764", "zdzisia.przyb@example.org",
                "Wyzwolenia")
OTHER = Person("Bronisław", "Kwiatkowski", "85010112345", "bronek.kwiat@example.org",
               "Kalwaryjska")


def scan_pdf(path: Path, person: Person) -> Path:
    """An uncompressed PDF holding the person's data as plain bytes."""
    c = canvas.Canvas(str(path), pagesize=A4, pageCompression=0)
    c.drawString(72, 760, f"Prosba {person.first} {person.last} PESEL {person.pesel}")
    c.drawString(72, 740, person.email)
    c.showPage()
    c.save()
    return path


def settled_deposit_case(ctx: AppContext, staff: dict[Role, Actor], clock: object,
                         person: Person, tmp_path: Path) -> int:
    """Registered with a scan, statement with household and incomes, applicant edited
    (old → new in the audit), summons and refusal issued and kept as PDFs, the case closed
    by the refusal."""
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    set_today(clock, date(2026, 3, 2))
    sender = SenderInput(person.first, person.last, person.pesel, person.street, "7", "3",
                         "41-940", phone="600100200", email=person.email)
    result = intake.register_item(ctx, counter, RegistrationInput(
        received_at=datetime(2026, 3, 2, 8, 15, tzinfo=UTC), channel=Channel.COUNTER_B92,
        kind=IncomingKind.DEPOSIT_PETITION, sender=sender,
        subject=f"Prośba {person.last} o rozłożenie kaucji na raty", attachments_count=1,
        remarks=f"dzwoniła {person.last}",
        deposit=DepositDetailsInput(Decimal("512.40"), 10, f"Sytuacja rodziny {person.last}",
                                    premises_address=f"ul. {person.street} 7/3"),
        scans=(ScanUpload(scan_pdf(tmp_path / f"{person.pesel}.pdf", person),
                          f"prosba_{person.last}.pdf"),)))
    case_id = result.case_id
    assert case_id is not None
    set_today(clock, date(2026, 3, 3))
    letter = issue_summons(ctx, clerk, case_id, ["Oświadczenie o stanie majątkowym"])
    set_today(clock, date(2026, 3, 5))
    record_delivery(ctx, clerk, letter.letter_id, letter.version, date(2026, 3, 5))
    save_statement(ctx, clerk, case_id, 0, StatementInput(
        signed_on=date(2026, 3, 1),
        members=(MemberInput(f"{person.first} {person.last}", "wnioskodawca", person.pesel,
                             None, (IncomeInput("umowa o pracę", Decimal("3217.33")),)),
                 MemberInput(f"Kamil {person.last}", "syn", None, date(2012, 4, 1), ())),
        vehicles=f"Fiat {person.last}", savings=Decimal("100.00"), debts=Decimal("0.00")))
    renamed = SenderInput(person.first, f"{person.last}-Nowak", person.pesel, person.street,
                          "7", "3", "41-940", phone="600100200", email=person.email)
    update_applicant(ctx, clerk, case_id, case_row(ctx, case_id).version, renamed)
    set_today(clock, date(2026, 3, 16))
    refuse(ctx, clerk, case_id, deposit_overview(ctx, clerk, case_id).case_version,
           f"Dochód gospodarstwa {person.last} przekracza próg.")
    return case_id


IOK_PERSON = Person("Eustachy", "Wrzeszczyński", "44051401458", "eustachy.wrz@example.org",
                    "Szpitalna")


def settled_iok_case(ctx: AppContext, staff: dict[Role, Actor], clock: object,
                     person: Person, tmp_path: Path) -> int:
    """An IOK request with a scan, the account created and the login sent (ZGM's
    confirmation letter kept as PDF): the case is settled."""
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    set_today(clock, date(2026, 3, 2))
    result = intake.register_item(ctx, counter, RegistrationInput(
        received_at=datetime(2026, 3, 2, 9, 15, tzinfo=UTC), channel=Channel.ZGM_SECRETARIAT,
        kind=IncomingKind.IOK_REQUEST,
        sender=SenderInput(person.first, person.last, person.pesel, person.street, "12", "3",
                           "41-940", phone="600 300 400", email=person.email),
        subject="Wniosek o utworzenie konta IOK", attachments_count=1,
        iok=IokDetailsInput(contractor_number="100777", e_invoice_consent=True),
        scans=(ScanUpload(scan_pdf(tmp_path / f"{person.pesel}.pdf", person),
                          f"wniosek_{person.last}.pdf"),)))
    case_id = result.case_id
    assert case_id is not None
    set_today(clock, date(2026, 3, 4))
    version = record_account_created(ctx, clerk, case_id, iok_request(ctx, clerk, case_id)
                                     .version, date(2026, 3, 4))
    record_login_sent(ctx, clerk, case_id, version, date(2026, 3, 4))
    assert case_row(ctx, case_id).settled_on == date(2026, 3, 4)
    return case_id
