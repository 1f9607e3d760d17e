"""What a migration batch letter says and carries (issue 10, point 7): ZGM asks an old
Portal Mieszkańców / e-Faktura account holder for an e-mail address and consent. Its basis
is the IOK terms (regulamin IOK), not KPA. Plain records; the documents layer draws them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from clerk_app.domain.text import format_date_pl

CODE_PREFIX = "M"
CODE_DIGITS = 9
_CODE = re.compile(rf"{CODE_PREFIX}(\d{{{CODE_DIGITS}}})")


def account_code(account_id: int) -> str:
    """The stable barcode of an account's return form: ``M`` and the zero-padded id."""
    return f"{CODE_PREFIX}{account_id:0{CODE_DIGITS}d}"


def parse_account_code(text: str) -> int | None:
    """The account id of a scanned or typed code (spaces and case ignored), else None."""
    match = _CODE.fullmatch("".join((text or "").split()).upper())
    return int(match.group(1)) if match else None


@dataclass(frozen=True)
class LegacyLetter:
    """One addressee of a batch."""

    code: str
    contractor_number: str
    name: str
    address_lines: tuple[str, ...]
    email: str | None  # the old address, where a valid one exists


@dataclass(frozen=True)
class LegacyBatchDocument:
    """A whole batch: the ZGM header, the letters and the signatory."""

    batch_number: int
    letter_date: date
    sender_name: str
    sender_address: str
    sender_phones: str
    signatory_name: str
    signatory_title: str
    letters: tuple[LegacyLetter, ...]

    @property
    def place_and_date(self) -> str:
        return f"Piekary Śląskie, {format_date_pl(self.letter_date)}"

    @property
    def return_address(self) -> str:
        return f"{self.sender_name}, {self.sender_address}"

    @property
    def reference(self) -> str:
        return f"ZGM/IOK/M/{self.letter_date.year}/{self.batch_number}"


SUBJECT = "Przeniesienie konta Portalu Mieszkańców / e-Faktury do IOK"
LEGAL_BASIS = ("Podstawa: Regulamin Internetowej Obsługi Kontrahenta (IOK) Zakładu "
               "Gospodarki Mieszkaniowej w Piekarach Śląskich.")
PARAGRAPHS = (
    "Szanowni Państwo,",
    "Portal Mieszkańców i usługa e-Faktura zostały zastąpione przez Internetową Obsługę "
    "Kontrahenta (IOK). W IOK sprawdzą Państwo saldo, wpłaty, naliczenia i odczyty "
    "wodomierzy, a także mogą otrzymywać e-faktury.",
    "Aby przenieść Państwa dotychczasowe konto (nr kontrahenta {contractor}) do IOK, "
    "potrzebujemy aktualnego adresu e-mail oraz Państwa zgody. Na ten adres wyślemy dane "
    "logowania. E-faktury wysyłamy e-mailem tylko po zaznaczeniu osobnej zgody.",
    "Prosimy o wypełnienie i podpisanie formularza poniżej, odcięcie go i zwrócenie "
    "osobiście w siedzibie ZGM lub w punkcie obsługi mieszkańców albo pocztą na adres "
    "Zakładu. Brak odpowiedzi oznacza, że konto nie zostanie przeniesione.",
)
FORM_TITLE = "Formularz zwrotny – zgoda na przeniesienie konta do IOK"
FORM_LINES = (
    "Adres e-mail: ______________________________________________",
    "[  ] Wyrażam zgodę na przeniesienie mojego konta do IOK i przesłanie danych "
    "logowania na podany adres e-mail.",
    "[  ] Chcę otrzymywać e-faktury na podany adres e-mail.",
    "Data i czytelny podpis: ____________________________________",
)
EMAIL_SUBJECT = "ZGM Piekary Śląskie: przeniesienie konta do IOK (nr kontrahenta {contractor})"
EMAIL_BODY = (
    "Szanowni Państwo,\n\n"
    "w załączniku przesyłamy pismo Zakładu Gospodarki Mieszkaniowej w Piekarach Śląskich "
    "w sprawie przeniesienia konta Portalu Mieszkańców / e-Faktury (nr kontrahenta "
    "{contractor}) do Internetowej Obsługi Kontrahenta (IOK). Prosimy o odesłanie "
    "wypełnionego i podpisanego formularza zwrotnego.\n\n"
    "Zakład Gospodarki Mieszkaniowej w Piekarach Śląskich\n")


def paragraphs_for(letter: LegacyLetter) -> tuple[str, ...]:
    """The body paragraphs of one letter."""
    return tuple(p.format(contractor=letter.contractor_number) for p in PARAGRAPHS)


def address_lines(name: str, street: str, building: str, flat: str) -> tuple[str, ...]:
    """Addressee lines of an old account (the premises in Piekary Śląskie)."""
    line = f"ul. {street} {building}".strip() if street else building
    if flat:
        line += f"/{flat}"
    return tuple(p for p in (name, line.strip(), "41-940 Piekary Śląskie") if p)
