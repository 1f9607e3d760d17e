"""What ZGM's IOK letters say: the request for completion and the confirmation that the
login data was sent. Their basis is the IOK terms (*regulamin IOK*) the applicant accepts by
signing the request: no KPA articles, no "left without consideration"; no password ever."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clerk_app.domain.letter_texts import LetterBody
from clerk_app.domain.text import format_date_pl, polish_plural

IOK_BASIS = "Regulamin Internetowej Obsługi Kontrahenta (IOK) Zakładu Gospodarki Mieszkaniowej"
IOK_NAME = "Internetowej Obsłudze Kontrahenta (IOK)"


@dataclass(frozen=True)
class ZgmSignature:
    """Who signs for ZGM, and how to reach it (settings)."""

    name: str
    title: str
    address: str
    phones: str


@dataclass(frozen=True)
class IokCompletionContent:
    """Prośba o uzupełnienie wniosku o utworzenie konta IOK."""

    received_on: date
    missing: tuple[str, ...]
    reply_days: int
    reply_by: date
    zgm: ZgmSignature


@dataclass(frozen=True)
class IokConfirmationContent:
    """Potwierdzenie wysłania danych logowania do IOK."""

    received_on: date
    login_sent_on: date
    email: str
    premises: str
    contractor_number: str | None
    e_invoice: bool
    zgm: ZgmSignature


def _contact(zgm: ZgmSignature) -> str:
    phones = f", tel. {zgm.phones}" if zgm.phones.strip() else ""
    return f"W razie pytań prosimy o kontakt z ZGM ({zgm.address}{phones})."


def iok_completion_body(c: IokCompletionContent) -> LetterBody:
    """The items the request lacks, the reply period and what happens without a reply."""
    days = f"{c.reply_days} {polish_plural(c.reply_days, 'dnia', 'dni', 'dni')}"
    paragraphs = (
        f"Dziękujemy za wniosek o utworzenie konta w {IOK_NAME}, który wpłynął dnia "
        f"{format_date_pl(c.received_on)}. Aby utworzyć konto i przesłać dane logowania, "
        "prosimy o uzupełnienie wniosku o:",
    )
    after = (
        f"Prosimy o uzupełnienie w terminie <b>{days} od dnia wysłania tego pisma, tj. do "
        f"dnia {format_date_pl(c.reply_by)}</b>: osobiście w siedzibie ZGM ({c.zgm.address}), "
        "pocztą albo e-mailem (skan lub czytelne zdjęcie podpisanego wniosku), podając znak "
        "sprawy.",
        "Zgodnie z regulaminem IOK dane logowania wysyłamy wyłącznie na adres e-mail podany "
        "we wniosku, a własnoręczny podpis na wniosku oznacza akceptację regulaminu.",
        "Jeżeli wniosek nie zostanie uzupełniony w tym terminie, zamkniemy go bez utworzenia "
        "konta. Nowy wniosek można złożyć w każdej chwili.",
        _contact(c.zgm),
    )
    return LetterBody(
        subject="Prośba o uzupełnienie wniosku o utworzenie konta IOK",
        paragraphs=paragraphs, items=c.missing, after_items=after, legal_basis=IOK_BASIS,
        signatory_name=c.zgm.name, signatory_title=c.zgm.title)


def iok_confirmation_body(c: IokConfirmationContent) -> LetterBody:
    """The account exists and its login data went to the e-mail given (never the data)."""
    number = f" (numer kontrahenta {c.contractor_number})" if c.contractor_number else ""
    invoices = ("Zgodnie z wnioskiem faktury będą przesyłane w formie elektronicznej na ten "
                "adres e-mail." if c.e_invoice else
                "Faktury będą nadal doręczane w formie papierowej; zgodę na otrzymywanie "
                "e-faktur można wyrazić w każdej chwili.")
    paragraphs = (
        f"Uprzejmie informujemy, że na podstawie wniosku z dnia "
        f"{format_date_pl(c.received_on)} utworzono konto w {IOK_NAME}{number} dla lokalu: "
        f"{c.premises}.",
        f"Dane logowania wysłano dnia <b>{format_date_pl(c.login_sent_on)}</b> na adres "
        f"e-mail podany we wniosku: <b>{c.email}</b>.",
        "Ze względów bezpieczeństwa to pismo nie zawiera hasła ani innych danych logowania. "
        "Jeżeli wiadomość nie dotarła, prosimy sprawdzić folder wiadomości niechcianych "
        "(spam) albo skontaktować się z ZGM.",
        invoices,
        _contact(c.zgm),
    )
    return LetterBody(
        subject="Potwierdzenie wysłania danych logowania do IOK", paragraphs=paragraphs,
        legal_basis=IOK_BASIS, signatory_name=c.zgm.name, signatory_title=c.zgm.title)
