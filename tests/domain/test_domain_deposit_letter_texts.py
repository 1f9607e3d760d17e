"""What the deposit letters say: amounts in words, reasoning, remedies, legal bases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from clerk_app.domain.agreement import AgreementDocument
from clerk_app.domain.cases import CaseKind
from clerk_app.domain.deposit_letter_texts import (
    DEFAULT_LEGAL_BASIS,
    ConsentContent,
    LeftWithoutConsiderationContent,
    RefusalContent,
    ScheduleLine,
    consent_body,
    left_without_consideration_body,
    refusal_body,
)
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.letter_texts import DelayNoticeContent, delay_notice_body
from tests.agreement_sample import sample_agreement


def test_every_letter_kind_has_a_polish_label_and_a_legal_basis() -> None:
    iok = {LetterKind.IOK_COMPLETION, LetterKind.IOK_CONFIRMATION}  # regulamin IOK, no KPA
    assert {k.value for k in set(LetterKind) - iok} == {
        "summons", "left_without_consideration", "consent", "agreement", "refusal",
        "delay_notice"}
    assert all(k.label != k.value for k in LetterKind)
    assert set(DEFAULT_LEGAL_BASIS) == set(LetterKind) - iok
    assert "art. 64 § 2" in DEFAULT_LEGAL_BASIS[LetterKind.LEFT_WITHOUT_CONSIDERATION]
    assert "art. 36 i art. 37" in DEFAULT_LEGAL_BASIS[LetterKind.DELAY_NOTICE]
    for kind in (LetterKind.CONSENT, LetterKind.REFUSAL, LetterKind.AGREEMENT):
        basis = DEFAULT_LEGAL_BASIS[kind]
        assert "art. 6 ustawy z dnia 21 czerwca 2001 r. o ochronie praw lokatorów" in basis
        assert "uchwała Rady Miasta Piekary Śląskie" in basis
        assert "zarządzenie Prezydenta Miasta" in basis


def test_consent_lists_the_schedule_with_amounts_in_words() -> None:
    body = consent_body(ConsentContent(
        date(2026, 3, 2), Decimal("232.12"), Decimal("2321.20"),
        (ScheduleLine(1, date(2026, 4, 15), Decimal("1160.60")),
         ScheduleLine(2, date(2026, 5, 15), Decimal("1160.60"))), "podstawa",
        "6110 9010 1400 0007 1219 8128 74"))
    assert body.items[0] == ("rata płatna do dnia 15.04.2026 r. – 1 160,60 zł (słownie: "
                             "tysiąc sto sześćdziesiąt złotych 60/100)")
    assert "na 2 raty miesięczne" in body.paragraphs[0]
    assert "2 321,20 zł (słownie: dwa tysiące trzysta dwadzieścia jeden złotych 20/100)" \
        in body.paragraphs[0]
    assert "6110 9010" in body.after_items[0] and body.legal_basis == "podstawa"


def test_refusal_keeps_the_clerks_lines_and_names_the_remedy() -> None:
    body = refusal_body(RefusalContent(date(2026, 3, 2), "Pierwszy akapit.\n\n  Drugi.  ",
                                       "podstawa"))
    assert body.paragraphs[-2:] == ("Pierwszy akapit.", "Drugi.")
    assert ("podania o ponowne rozpatrzenie sprawy, adresowanego do Prezydenta Miasta "
            "Piekary Śląskie") in body.after_items[0]


def test_left_without_consideration_names_the_summons_and_what_is_missing() -> None:
    body = left_without_consideration_body(LeftWithoutConsiderationContent(
        date(2026, 3, 2), "L2026000001", date(2026, 3, 3), date(2026, 3, 12),
        ("Pełnomocnictwo",), "art. 64 § 2 k.p.a."))
    assert "L2026000001 z dnia 03.03.2026" in body.paragraphs[1]
    assert body.items == ("Pełnomocnictwo",) and "bez rozpoznania" in body.subject


def test_delay_notice_carries_the_ponaglenie_instruction() -> None:
    body = delay_notice_body(DelayNoticeContent(CaseKind.DEPOSIT, date(2026, 3, 2),
                                                date(2026, 4, 2), date(2026, 4, 30), "opinia"))
    assert "art. 37 § 1" in body.after_items[0] and "ponaglenia" in body.after_items[0]


def test_agreement_document_survives_json() -> None:
    doc = sample_agreement()
    assert AgreementDocument.from_json(doc.to_json()) == doc
