"""What the letters of the second half of a deposit case say: leaving the petition without
consideration, consent with the schedule, refusal with the remedy, the ponaglenie instruction.

Pure text (procedure card BGM.1611.8.2023). The legal basis each letter cites is an office
setting per letter kind (defaults in :data:`DEFAULT_LEGAL_BASIS`), passed in by the services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.letter_texts import (
    DEFAULT_AUTHORITY,
    DEFAULT_THROUGH,
    LetterBody,
)
from clerk_app.domain.money import format_amount_with_words
from clerk_app.domain.text import format_date_pl, polish_plural

TENANTS_ACT = ("art. 6 ustawy z dnia 21 czerwca 2001 r. o ochronie praw lokatorów, "
               "mieszkaniowym zasobie gminy i o zmianie Kodeksu cywilnego")
COUNCIL_RESOLUTION = ("uchwała Rady Miasta Piekary Śląskie w sprawie zasad wynajmowania "
                      "lokali wchodzących w skład mieszkaniowego zasobu gminy")
PRESIDENT_ORDER = ("zarządzenie Prezydenta Miasta Piekary Śląskie w sprawie kaucji "
                   "zabezpieczającej")
KPA_SHORT = "Kodeksu postępowania administracyjnego"
_CARD = f"{TENANTS_ACT}; {COUNCIL_RESOLUTION}; {PRESIDENT_ORDER}"

DEFAULT_LEGAL_BASIS: dict[LetterKind, str] = {
    LetterKind.SUMMONS: f"art. 64 § 2 {KPA_SHORT}",
    LetterKind.LEFT_WITHOUT_CONSIDERATION: f"art. 64 § 2 {KPA_SHORT}; {_CARD}",
    LetterKind.CONSENT: _CARD,
    LetterKind.AGREEMENT: _CARD,
    LetterKind.REFUSAL: _CARD,
    LetterKind.DELAY_NOTICE: f"art. 36 i art. 37 {KPA_SHORT}",
}

_PETITION = "prośbą o rozłożenie kaucji zabezpieczającej na raty"


@dataclass(frozen=True)
class Signatory:
    name: str = ""
    title: str = ""


@dataclass(frozen=True)
class LeftWithoutConsiderationContent:
    """Pozostawienie prośby bez rozpoznania (KPA art. 64 § 2 as the card applies it)."""

    received_on: date
    summons_identifier: str | None
    summons_dated_on: date | None
    deficiency_due: date
    missing: tuple[str, ...]
    legal_basis: str
    signatory: Signatory = Signatory()


@dataclass(frozen=True)
class ScheduleLine:
    number: int
    due_on: date
    amount: Decimal


@dataclass(frozen=True)
class ConsentContent:
    """Zgoda na rozłożenie kaucji na raty with the schedule fixed by the consent."""

    received_on: date
    monthly_rent: Decimal
    deposit: Decimal
    schedule: tuple[ScheduleLine, ...]
    legal_basis: str
    bank_account: str = ""  # already grouped in fours, or empty
    where_to_sign: str = ""
    signatory: Signatory = Signatory()


@dataclass(frozen=True)
class RefusalContent:
    """Odmowa rozłożenia kaucji na raty: the clerk's reasoning and the remedy."""

    received_on: date
    reasoning: str
    legal_basis: str
    authority: str = DEFAULT_AUTHORITY  # to whom (genitive)
    through: str = DEFAULT_THROUGH  # through whom (genitive)
    signatory: Signatory = Signatory()


def instalment_line(number: int, due_on: date, amount: Decimal) -> str:
    """``rata płatna do dnia 10.04.2026 r. – 1 160,58 zł (słownie: …)`` (the letter numbers
    the items, so ``number`` is the item's place)."""
    del number
    return (f"rata płatna do dnia {format_date_pl(due_on)} r. – "
            f"{format_amount_with_words(amount)}")


def reasoning_paragraphs(text: str) -> tuple[str, ...]:
    """The clerk's multi-line reasoning as paragraphs (one per non-empty line)."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def left_without_consideration_body(c: LeftWithoutConsiderationContent) -> LetterBody:
    """Notice that the petition is left without consideration (deficiencies not removed)."""
    summons = ""
    if c.summons_identifier:
        dated = (f" z dnia {format_date_pl(c.summons_dated_on)}"
                 if c.summons_dated_on else "")
        summons = f" (pismo {c.summons_identifier}{dated})"
    paragraphs = (
        f"W związku z {_PETITION}, złożoną dnia {format_date_pl(c.received_on)}, "
        "zawiadamia się, że prośba <b>pozostaje bez rozpoznania</b>.",
        f"Wezwanie do usunięcia braków formalnych{summons} nie zostało wykonane: termin "
        f"wyznaczony na ich usunięcie upłynął dnia {format_date_pl(c.deficiency_due)}, a "
        "nie usunięto następujących braków:",
    )
    after = ("Pozostawienie prośby bez rozpoznania nie pozbawia prawa do ponownego złożenia "
             "prośby o rozłożenie kaucji zabezpieczającej na raty wraz z kompletem "
             "wymaganych dokumentów.",)
    return LetterBody(
        subject="Zawiadomienie o pozostawieniu prośby bez rozpoznania",
        paragraphs=paragraphs, items=c.missing, after_items=after,
        legal_basis=c.legal_basis, signatory_name=c.signatory.name,
        signatory_title=c.signatory.title)


def consent_body(c: ConsentContent) -> LetterBody:
    """Consent to pay the deposit in instalments, with the schedule (amounts in words)."""
    count = len(c.schedule)
    rates = polish_plural(count, "ratę miesięczną", "raty miesięczne", "rat miesięcznych")
    paragraphs = (
        f"W odpowiedzi na prośbę o rozłożenie kaucji zabezpieczającej na raty, złożoną dnia "
        f"{format_date_pl(c.received_on)}, uprzejmie informuję, że <b>wyrażam zgodę na "
        f"rozłożenie kaucji zabezpieczającej w kwocie {format_amount_with_words(c.deposit)} "
        f"na {count} {rates}</b>. Kaucja odpowiada dziesięciokrotności miesięcznego czynszu "
        f"w kwocie {format_amount_with_words(c.monthly_rent)}.",
        "Harmonogram spłaty kaucji:",
    )
    after = []
    if c.bank_account:
        after.append(f"Raty należy wpłacać na rachunek bankowy nr {c.bank_account}, "
                     "podając znak sprawy.")
    after.append("Szczegółowe warunki spłaty określi umowa w sprawie rozłożenia kaucji "
                 "zabezpieczającej na raty; po jej podpisaniu zostanie zawarta umowa najmu "
                 "lokalu." + (f" {c.where_to_sign}" if c.where_to_sign else ""))
    return LetterBody(
        subject="Zgoda na rozłożenie kaucji zabezpieczającej na raty",
        paragraphs=paragraphs,
        items=tuple(instalment_line(r.number, r.due_on, r.amount) for r in c.schedule),
        after_items=tuple(after), legal_basis=c.legal_basis,
        signatory_name=c.signatory.name, signatory_title=c.signatory.title)


def refusal_body(c: RefusalContent) -> LetterBody:
    """Refusal with the clerk's reasoning and the remedy (podanie o ponowne rozpatrzenie)."""
    paragraphs = (
        f"W odpowiedzi na prośbę o rozłożenie kaucji zabezpieczającej na raty, złożoną dnia "
        f"{format_date_pl(c.received_on)}, uprzejmie informuję, że <b>nie wyrażam zgody na "
        "rozłożenie kaucji zabezpieczającej na raty</b>.",
        "<b>Uzasadnienie</b>",
        *reasoning_paragraphs(c.reasoning),
    )
    remedy = (f"<b>Pouczenie:</b> od niniejszego rozstrzygnięcia przysługuje prawo złożenia "
              f"podania o ponowne rozpatrzenie sprawy, adresowanego do {c.authority}, "
              f"za pośrednictwem {c.through}.")
    return LetterBody(
        subject="Odmowa rozłożenia kaucji zabezpieczającej na raty",
        paragraphs=paragraphs, after_items=(remedy,), legal_basis=c.legal_basis,
        signatory_name=c.signatory.name, signatory_title=c.signatory.title)
