"""The pure rules: classes, dates, decoding, delimiters, repeats, account codes."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.domain.legacy_letters import account_code, parse_account_code
from clerk_app.domain.legacy_rows import (
    LegacyFileError,
    class_after_update,
    classify,
    csv_lines,
    decode_export,
    parse_date,
    parse_table,
)

TODAY = date(2026, 3, 2)
HEADER = "NR_Kontrahenta;Nazwa;Email;Data_utworzenia;E_faktura;Aktywne"


@pytest.mark.parametrize(("active", "created", "email", "expected"), [
    (False, date(2020, 1, 1), "a@b.pl", LegacyClass.SKIPPED),
    (True, date(2017, 12, 31), "a@b.pl", LegacyClass.NEEDS_CONSENT),
    (True, date(2018, 1, 1), "a@b.pl", LegacyClass.MIGRATE),
    (True, date(2018, 1, 1), None, LegacyClass.NEEDS_CONSENT),
])
def test_classes(active: bool, created: date, email: str | None,
                 expected: LegacyClass) -> None:
    assert classify(active, created, email) is expected


def test_answered_account_stays_migrate() -> None:
    assert class_after_update(LegacyClass.NEEDS_CONSENT, answered=True) is LegacyClass.MIGRATE
    assert class_after_update(LegacyClass.SKIPPED, answered=False) is LegacyClass.SKIPPED


def test_dates_in_both_formats_and_refusals() -> None:
    assert parse_date("2019-03-04", TODAY) == parse_date("04.03.2019", TODAY)
    with pytest.raises(ValueError, match="przyszłości"):
        parse_date("2026-03-03", TODAY)
    with pytest.raises(ValueError, match="nieczytelna"):
        parse_date("2019/03/04", TODAY)


def test_decoding_utf8_bom_and_cp1250() -> None:
    text = "nazwa\nŻółć"
    assert decode_export(b"\xef\xbb\xbf" + text.encode()) == text
    assert decode_export(text.encode("cp1250")) == text


def test_comma_file_with_header_in_any_case() -> None:
    text = "nr_kontrahenta,NAZWA,email,data_utworzenia,e_faktura,aktywne\n" \
           '7,"Kowalski, Jan",jan@wp.pl,2019-01-01,tak,tak\n'
    parsed = parse_table(csv_lines(text), TODAY)
    assert [r.name for r in parsed.records] == ["Kowalski, Jan"]
    assert parsed.records[0].e_invoice and parsed.counts[LegacyClass.MIGRATE] == 1


def test_rejections_name_the_line() -> None:
    text = "\n".join([HEADER, "1;A;a@wp.pl;2019-01-01;tak;tak", ";B;;2019-01-01;nie;tak",
                      "1;A;a@wp.pl;2019-01-01;tak;tak", "1;A2;a@wp.pl;2019-01-01;tak;tak",
                      "", "2;C;zly@;2019-01-01;nie;tak", "3;D;;2019-01-01;może;tak"])
    parsed = parse_table(csv_lines(text), TODAY)
    assert [(r.line, r.reason) for r in parsed.rejected] == [
        (3, "brak numeru kontrahenta"),
        (5, "numer kontrahenta 1 powtarza wiersz 2 z innymi danymi"),
        (8, "nieprawidłowa wartość „może” w kolumnie e_faktura (tak/nie)")]
    # the identical repeat counts as a row, the malformed e-mail needs consent
    assert parsed.counts == {LegacyClass.MIGRATE: 2, LegacyClass.NEEDS_CONSENT: 1,
                             LegacyClass.SKIPPED: 0}
    assert [r.contractor_number for r in parsed.records] == ["1", "2"]
    assert parsed.records[1].email is None


def test_missing_columns_refuse_the_file() -> None:
    with pytest.raises(LegacyFileError, match="brak kolumn: aktywne"):
        parse_table(csv_lines("nr_kontrahenta;nazwa;email;data_utworzenia;e_faktura\n"), TODAY)
    with pytest.raises(LegacyFileError, match="pusty"):
        parse_table(csv_lines(""), TODAY)


def test_account_codes_round_trip() -> None:
    assert account_code(42) == "M000000042"
    assert parse_account_code(" m000000042\n") == 42
    assert parse_account_code("L2026000001") is None
