"""What the instalment agreement says: the parties and its numbered sections (§).

Pure text from an :class:`~clerk_app.domain.agreement.AgreementDocument`; the PDF layout
(``clerk_app.documents.agreement_pdf``) adds the schedule table where a section asks for it.
Texts may use ``<b>…</b>`` for emphasis; everything else is plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk_app.domain.agreement import AgreementDocument
from clerk_app.domain.money import format_amount_with_words
from clerk_app.domain.text import format_date_pl
from clerk_app.domain.validators import format_nrb


@dataclass(frozen=True)
class AgreementParty:
    """One party: its role in the agreement (``Wynajmujący``) and the lines that name it."""

    role: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class AgreementSection:
    """``§ n`` with its heading and numbered paragraphs; the schedule table follows
    paragraph ``schedule_after`` (1-based) when it is set."""

    number: int
    heading: str
    paragraphs: tuple[str, ...]
    schedule_after: int | None = None


def opening_line(doc: AgreementDocument) -> str:
    return (f"zawarta w dniu {format_date_pl(doc.signed_on)} r. w miejscowości {doc.place} "
            "przez Strony:")


CLOSING_OF_PARTIES = "zwane dalej łącznie „Stronami”, o następującej treści:"


def agreement_parties(doc: AgreementDocument) -> tuple[AgreementParty, AgreementParty]:
    """The landlord (the municipality and who signs for it) and the tenant."""
    signatory = doc.signatory_name
    if doc.signatory_title:
        signatory += f" – {doc.signatory_title}"
    landlord = AgreementParty("Wynajmujący", (
        f"<b>{doc.municipality}</b>,",
        f"reprezentowana przez: {signatory},",
    ))
    address = ", ".join(doc.tenant.address_lines)
    tenant = AgreementParty("Najemca", (
        f"<b>{doc.tenant.name}</b>, PESEL {doc.tenant.pesel},",
        f"adres zamieszkania: {address}," if address else "",
    ))
    return landlord, AgreementParty(tenant.role, tuple(t for t in tenant.lines if t))


def agreement_sections(doc: AgreementDocument) -> tuple[AgreementSection, ...]:
    """§ 1 subject, § 2 deposit and schedule, § 3 payment, § 4 missed instalment, § 5 end."""
    count = doc.instalment_count
    return (
        AgreementSection(1, "Przedmiot umowy", (
            "Przedmiotem umowy jest rozłożenie na raty kaucji zabezpieczającej pokrycie "
            "należności Wynajmującego z tytułu najmu lokalu mieszkalnego położonego pod "
            f"adresem: <b>{doc.flat_address}</b>, wymaganej przed zawarciem umowy najmu tego "
            "lokalu.",
            "Miesięczny czynsz za lokal wynosi "
            f"{format_amount_with_words(doc.monthly_rent)}.",
        )),
        AgreementSection(2, "Wysokość kaucji i harmonogram rat", (
            "Kaucja zabezpieczająca wynosi dziesięciokrotność miesięcznego czynszu, tj. "
            f"<b>{format_amount_with_words(doc.deposit)}</b>.",
            f"Wynajmujący wyraża zgodę na zapłatę kaucji przez Najemcę w <b>{count} ratach "
            "miesięcznych</b>, w wysokości i w terminach określonych w poniższym "
            "harmonogramie:",
            "Suma rat jest równa kwocie kaucji. Najemca może w każdym czasie zapłacić "
            "pozostałą część kaucji jednorazowo.",
        ), schedule_after=2),
        AgreementSection(3, "Sposób zapłaty", (
            "Raty należy wpłacać na rachunek bankowy Wynajmującego nr "
            f"<b>{format_nrb(doc.bank_account)}</b>, podając w tytule przelewu znak sprawy "
            f"{doc.case_signature} oraz imię i nazwisko Najemcy.",
            "Za dzień zapłaty raty uważa się dzień uznania rachunku bankowego Wynajmującego. "
            "Termin płatności przypadający na sobotę lub dzień ustawowo wolny od pracy "
            "przesunięto w harmonogramie na najbliższy dzień roboczy.",
        )),
        AgreementSection(4, "Skutki niezapłacenia raty", (
            doc.missed_instalment_consequence,
        )),
        AgreementSection(5, "Postanowienia końcowe", (
            "Zmiana umowy wymaga formy pisemnej pod rygorem nieważności.",
            "W sprawach nieuregulowanych umową stosuje się przepisy ustawy z dnia 23 kwietnia "
            "1964 r. – Kodeks cywilny.",
            "Umowę sporządzono w dwóch jednobrzmiących egzemplarzach, po jednym dla każdej ze "
            "Stron.",
        )),
    )
