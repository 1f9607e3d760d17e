"""Every letter kind, issued through the services and kept as its PDF, checked as a PDF:
Polish diacritics, the case signature, the barcode of the identifier, page numbers, only
embedded fonts; amounts in words (1 złoty, 2 złote, 5 złotych, 12 złotych, 22 złote,
1 001 złotych); the instalment agreement's content per issue 9 point 9. Set
``CLERK_LETTER_PNGS`` to a folder to keep a PNG of every page (``pdftoppm -r 60``)."""

from __future__ import annotations

import os
import re
from decimal import Decimal
from pathlib import Path

import pytest

from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.money import amount_in_words
from clerk_app.domain.roles import Role
from clerk_app.services.admin.settings import LetterTexts
from clerk_app.services.core.context import Actor, AppContext
from tests.documents.every_kind import (
    barcodes,
    consent_and_agreement,
    every_kind,
    needs_tools,
    pngs,
)
from tests.documents.every_kind import pdf_text as _pdf_text
from tests.documents.test_doc_fonts import fonts

pytestmark = needs_tools
KINDS = {"summons", "left_without_consideration", "consent", "agreement", "refusal",
         "delay_notice"}
DIACRITICS = set("ąęłóśŚ")


def flat(text: str) -> str:
    return " ".join(text.split())


def test_every_kind_is_a_checked_pdf(ctx: AppContext, staff: dict[Role, Actor],
                                     clock: object, tmp_path: Path) -> None:
    issued = every_kind(ctx, staff, clock)
    # ZGM's IOK letters are checked in tests/services/iok/test_iok_letter_pdf.py.
    iok = {LetterKind.IOK_COMPLETION.value, LetterKind.IOK_CONFIRMATION.value}
    assert set(issued) == KINDS == {k.value for k in LetterKind} - iok
    keep = os.environ.get("CLERK_LETTER_PNGS")
    for kind, letter in issued.items():
        assert letter.kind == kind
        text = _pdf_text(letter.pdf, tmp_path, kind)
        assert set(text) >= DIACRITICS, (kind, DIACRITICS - set(text))
        assert letter.signature in text and re.fullmatch(r"BGM\.7141\.\d\.2026",
                                                         letter.signature)
        assert barcodes(letter.pdf, tmp_path, kind) == [letter.identifier], kind
        total = int(re.findall(r"(?i)strona 1 z (\d+)", text)[0])
        assert all(re.search(rf"(?i)strona {n} z {total}", text) for n in range(1, total + 1))
        assert all(emb == "yes" for _name, emb in fonts(letter.pdf, tmp_path)), kind
        if keep:
            assert pngs(letter.pdf, Path(keep), kind)
    by_kind = {kind: flat(_pdf_text(x.pdf, tmp_path, kind)) for kind, x in issued.items()}
    assert "Anna Kowalska" in by_kind["summons"]  # letters go to the proxy …
    assert "działający w imieniu: Małgorzata Ślęzak" in by_kind["consent"]  # … naming her
    assert "pozostaje bez rozpoznania" in by_kind["left_without_consideration"]
    assert "ponowne rozpatrzenie" in by_kind["refusal"]
    assert "Prezydenta Miasta Piekary Śląskie" in by_kind["refusal"]
    assert "Nowy termin załatwienia sprawy: 30.04.2026" in by_kind["delay_notice"]
    assert "ponaglenia" in by_kind["delay_notice"]
    assert "1 160,60 zł (słownie: tysiąc sto sześćdziesiąt złotych 60/100)" in by_kind[
        "consent"]


@pytest.mark.parametrize("value, words", [
    ("1", "jeden złoty 00/100"), ("2", "dwa złote 00/100"), ("5", "pięć złotych 00/100"),
    ("12", "dwanaście złotych 00/100"), ("22", "dwadzieścia dwa złote 00/100"),
    ("1001", "tysiąc jeden złotych 00/100"), ("1.5", "jeden złoty 50/100"),
])
def test_amount_in_words(value: str, words: str) -> None:
    assert amount_in_words(Decimal(value)) == words


def test_amounts_in_words_in_the_consent_and_agreement_pdfs(
    ctx: AppContext, staff: dict[Role, Actor], clock: object, tmp_path: Path
) -> None:
    """Ten instalments of the rent each: the rent is the instalment (the deposit ÷ 10)."""
    cases = [("1.00", "1,00 zł", "jeden złoty 00/100"), ("2.00", "2,00 zł", "dwa złote 00/100"),
             ("5.00", "5,00 zł", "pięć złotych 00/100"),
             ("12.00", "12,00 zł", "dwanaście złotych 00/100"),
             ("22.00", "22,00 zł", "dwadzieścia dwa złote 00/100")]
    for rent, figures, words in cases:
        consent, agreement = consent_and_agreement(ctx, staff, clock, rent)
        letter = flat(_pdf_text(consent.pdf, tmp_path, f"consent-{rent}"))
        assert f"{figures} (słownie: {words})" in letter, rent
        table = flat(_pdf_text(agreement.pdf, tmp_path, f"agreement-{rent}"))
        assert f"1. 15.04.2026 {figures} {words}" in table, rent
        assert f"10. 15.01.2027 {figures} {words}" in table, rent
    consent, agreement = consent_and_agreement(ctx, staff, clock, "100.10")
    for pdf, name in ((consent.pdf, "consent-1001"), (agreement.pdf, "agreement-1001")):
        text = flat(_pdf_text(pdf, tmp_path, name))
        assert "1 001,00 zł (słownie: tysiąc jeden złotych 00/100)" in text, name
        assert "100,10 zł" in text and "sto złotych 10/100" in text, name


def test_agreement_has_everything_of_point_9(ctx: AppContext, staff: dict[Role, Actor],
                                             clock: object, tmp_path: Path) -> None:
    _consent, agreement = consent_and_agreement(ctx, staff, clock, "116.06")
    text = flat(_pdf_text(agreement.pdf, tmp_path, "agreement"))
    texts = LetterTexts()  # the defaults: the office has not edited them
    assert f"nr {agreement.identifier}" in text
    # the parties: the municipality by its signatory, the tenant with PESEL and address
    assert "Wynajmujący: Gmina Piekary Śląskie, reprezentowana przez: Anna Nowak – " \
           "Kierownik Biura Gospodarki Mieszkaniowej" in text
    assert "Najemca: Małgorzata Ślęzak, PESEL 85010112345, adres zamieszkania: " \
           "ul. Kalwaryjska 5, 41-940 Piekary Śląskie" in text
    assert "lokalu mieszkalnego położonego pod adresem: ul. Kalwaryjska 5" in text  # the flat
    assert "czynsz za lokal wynosi 116,06 zł (słownie: sto szesnaście złotych 06/100)" in text
    assert "1 160,60 zł (słownie: tysiąc sto sześćdziesiąt złotych 60/100)" in text
    # the schedule table: number, due date, amount, amount in words, total
    assert "Nr Termin Kwota Kwota słownie raty płatności" in text  # two-line header cells
    assert "1. 15.04.2026 116,06 zł sto szesnaście złotych 06/100" in text
    assert "5. 17.08.2026 116,06 zł" in text  # 15 Aug is a holiday, 16 Aug a Sunday
    assert "Razem 1 160,60 zł tysiąc sto sześćdziesiąt złotych 60/100" in text
    assert "61 1090 1014 0000 0712 1981 2874" in text  # the account in groups of four
    assert flat(texts.missed_instalment_text) in text
    assert text.count("....................") >= 2  # two signature lines
    assert re.search(r"Wynajmujący Najemca Anna Nowak Małgorzata Ślęzak", text)
    assert "Strona 1 z 2" in text and "Strona 2 z 2" in text
    assert flat(texts.legal_basis_agreement) in text
