"""A realistic instalment agreement for document tests and the benchmark."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from clerk_app.domain.agreement import AgreementDocument, AgreementTenant, build_agreement
from clerk_app.domain.calendar import LegalCalendar

BANK_ACCOUNT = "60102010260000123456789012"
PESEL = "85010112345"
CONSEQUENCE = (
    "W razie niezapłacenia którejkolwiek raty w terminie pozostała do zapłaty część kaucji "
    "staje się natychmiast wymagalna, a Wynajmujący może odmówić zawarcia umowy najmu lokalu "
    "do czasu zapłaty całej kaucji. Od nieterminowych wpłat nalicza się odsetki ustawowe za "
    "opóźnienie."
)
LEGAL_BASIS = (
    "art. 6 ust. 1 ustawy z dnia 21 czerwca 2001 r. o ochronie praw lokatorów, mieszkaniowym "
    "zasobie gminy i o zmianie Kodeksu cywilnego; uchwała Rady Miasta Piekary Śląskie w "
    "sprawie zasad wynajmowania lokali wchodzących w skład mieszkaniowego zasobu gminy"
)


def sample_agreement(rent: str = "1160.58", count: int = 10,
                     first_due: date = date(2026, 12, 15)) -> AgreementDocument:
    return build_agreement(
        identifier="U2026000042", case_signature="BGM.1611.8.2026",
        place="Piekary Śląskie", signed_on=date(2026, 12, 1),
        municipality="Gmina Piekary Śląskie",
        signatory_name="Anna Nowak",
        signatory_title="Kierownik Biura Gospodarki Mieszkaniowej",
        tenant=AgreementTenant("Józef Żółkiewski", PESEL,
                               ("ul. Źródlana 5/3", "41-940 Piekary Śląskie")),
        flat_address="ul. Ściegiennego 12/4, 41-940 Piekary Śląskie",
        monthly_rent=Decimal(rent), instalment_count=count, first_due=first_due,
        calendar=LegalCalendar(), bank_account=BANK_ACCOUNT,
        missed_instalment_consequence=CONSEQUENCE, legal_basis=LEGAL_BASIS,
    )
