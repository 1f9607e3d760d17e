"""The retention rules as pure functions: which rule, from which day, how many years."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from clerk_app.domain.audit_values import REMOVED, resolve_changes, split_changes
from clerk_app.domain.cases import CaseKind
from clerk_app.domain.retention import (
    CaseFacts,
    RetentionPeriods,
    RetentionRule,
    add_years,
    latest_start,
    personal_words,
    retention_due,
    scrub_text,
    years_text,
)

PERIODS = RetentionPeriods()


def test_deposit_with_a_lease_counts_five_years_from_its_end() -> None:
    due = retention_due(CaseFacts(CaseKind.DEPOSIT, date(2026, 3, 19), True,
                                  date(2028, 6, 30)), PERIODS)
    assert due is not None and due.rule is RetentionRule.DEPOSIT_AFTER_LEASE
    assert due.due_on == date(2033, 6, 30)
    assert not due.is_due(date(2033, 6, 29)) and due.is_due(date(2033, 6, 30))
    assert due.explanation() == ("Kaucja z umową najmu: 5 lat od zakończenia najmu "
                                 "(30.06.2028) – okres mija 30.06.2033")


def test_deposit_without_a_lease_counts_ten_years_from_settlement() -> None:
    for lease in (False, None):
        due = retention_due(CaseFacts(CaseKind.DEPOSIT, date(2026, 3, 16), lease, None),
                            PERIODS)
        assert due is not None and due.rule is RetentionRule.DEPOSIT_WITHOUT_LEASE
        assert due.due_on == date(2036, 3, 16)


def test_iok_by_the_zgm_setting() -> None:
    due = retention_due(CaseFacts(CaseKind.IOK, date(2026, 2, 10), None, None),
                        RetentionPeriods(iok_years=3))
    assert due is not None and due.rule is RetentionRule.IOK
    assert due.due_on == date(2029, 2, 10) and "3 lata" in due.explanation()


@pytest.mark.parametrize("facts", [
    CaseFacts(CaseKind.DEPOSIT, None, None, None),  # open
    CaseFacts(CaseKind.IOK, None, None, None),  # open
    CaseFacts(CaseKind.DEPOSIT, date(2026, 3, 19), True, None),  # lease still running
])
def test_open_cases_and_unknown_dates_are_never_due(facts: CaseFacts) -> None:
    assert retention_due(facts, PERIODS) is None


def test_leap_day_and_latest_start_agree_with_add_years() -> None:
    assert add_years(date(2024, 2, 29), 5) == date(2029, 2, 28)
    day = date(2030, 1, 1)
    while day < date(2034, 12, 31):
        for years in (1, 4, 5, 10):
            start = latest_start(day, years)
            assert add_years(start, years) <= day
            assert add_years(start + timedelta(days=1), years) > day
        day += timedelta(days=1)


def test_years_in_polish() -> None:
    assert [years_text(n) for n in (1, 2, 5, 12, 22, 25)] == [
        "1 rok", "2 lata", "5 lat", "12 lat", "22 lata", "25 lat"]


def test_personal_values_split_off_and_read_back() -> None:
    changes = {"status": ["registered", "closed"], "applicant_last_name": ["A", "B"],
               "applicant_pesel": [None, "92071314764"], "due_on": [None, "2026-03-09"],
               "by_proxy": [False, True], "reason": [None, "pobyt w szpitalu"]}
    inline, personal = split_changes(changes)
    assert set(inline) == {"status", "due_on", "by_proxy"}
    assert set(personal) == {"applicant_last_name", "applicant_pesel", "reason"}
    refs = {**inline, **{k: {"$v": 7} for k in personal}}
    assert resolve_changes(refs, {7: personal}) == changes
    gone = resolve_changes(refs, {})
    assert gone["applicant_pesel"] == [REMOVED, REMOVED] and gone["status"] == changes["status"]


def test_kept_free_texts_lose_the_persons_words() -> None:
    words = personal_words(["Zdzisława", "Przybylszczak-Nowak", "92071314764",
                            "zdzisia@example.org", None, "ul. Wyzwolenia 7/3", "Jo"])
    assert {"zdzisława", "przybylszczak", "nowak", "wyzwolenia", "92071314764",
            "zdzisia@example.org"} <= words and "jo" not in words
    assert scrub_text("Prośba ZDZISŁAWY? nie: Zdzisława Przybylszczak (PESEL 92071314764), "
                      "ul. Wyzwolenia; Przybylszczakowa", words) == (
        "Prośba ZDZISŁAWY? nie: (…) (…) (PESEL (…)), ul. (…); Przybylszczakowa")
    assert scrub_text("Wniosek o konto IOK", words) == "Wniosek o konto IOK"
