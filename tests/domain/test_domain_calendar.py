from datetime import date

import pytest

from clerk_app.domain.calendar import ComputedDate, LegalCalendar, SkippedDay
from clerk_app.domain.errors import FieldError

CAL = LegalCalendar()


def test_worked_example_seven_days_over_christmas_2025() -> None:
    computed = CAL.add_days(date(2025, 12, 17), 7, "doręczenie wezwania")
    assert computed.nominal_end == date(2025, 12, 24)
    assert computed.result == date(2025, 12, 29)
    assert [s.day for s in computed.skipped] == [
        date(2025, 12, d) for d in (24, 25, 26, 27, 28)
    ]
    assert computed.explanation_lines() == [
        "Zdarzenie początkowe: doręczenie wezwania 17.12.2025",
        "Reguła: 7 dni (art. 57 § 1 KPA – dnia zdarzenia nie wlicza się)",
        "Koniec nominalny: 24.12.2025",
        "Pominięto: 24.12.2025 Wigilia Bożego Narodzenia",
        "Pominięto: 25.12.2025 Boże Narodzenie (pierwszy dzień)",
        "Pominięto: 26.12.2025 Boże Narodzenie (drugi dzień)",
        "Pominięto: 27.12.2025 sobota",
        "Pominięto: 28.12.2025 niedziela",
        "Termin upływa: 29.12.2025",
    ]


def test_worked_example_one_month_from_31_january_2026() -> None:
    computed = CAL.add_months(date(2026, 1, 31), 1, "wpływ prośby")
    assert computed.nominal_end == date(2026, 2, 28)
    assert computed.result == date(2026, 3, 2)
    assert computed.skipped == (
        SkippedDay(date(2026, 2, 28), "sobota"),
        SkippedDay(date(2026, 3, 1), "niedziela"),
    )
    assert computed.was_shifted
    assert "art. 57 § 3 KPA" in computed.rule


def test_seven_days_from_monday_first_ends_monday_eighth() -> None:
    computed = CAL.add_days(date(2025, 9, 1), 7, "doręczenie")
    assert date(2025, 9, 1).weekday() == 0
    assert computed.result == date(2025, 9, 8)
    assert computed.skipped == ()
    assert not computed.was_shifted


def test_one_day_rule_uses_singular() -> None:
    assert CAL.add_days(date(2025, 9, 1), 1, "x").rule.startswith("1 dzień ")


def test_months_leap_year_and_same_day() -> None:
    assert CAL.add_months(date(2024, 1, 31), 1, "x").nominal_end == date(2024, 2, 29)
    assert CAL.add_months(date(2026, 3, 15), 1, "x").nominal_end == date(2026, 4, 15)
    assert CAL.add_months(date(2025, 11, 30), 3, "x").nominal_end == date(2026, 2, 28)
    assert CAL.add_months(date(2025, 12, 10), 13, "x").nominal_end == date(2027, 1, 10)


@pytest.mark.parametrize("bad", [0, -1])
def test_non_positive_periods_rejected(bad: int) -> None:
    with pytest.raises(FieldError) as days_error:
        CAL.add_days(date(2025, 1, 1), bad, "x")
    assert days_error.value.key == "days"
    assert days_error.value.label == "Liczba dni"
    with pytest.raises(FieldError):
        CAL.add_months(date(2025, 1, 1), bad, "x")


def test_christmas_eve_day_off_only_from_2025() -> None:
    assert CAL.is_working_day(date(2024, 12, 24))  # Tuesday, before the new law
    assert CAL.day_off_reason(date(2025, 12, 24)) == "Wigilia Bożego Narodzenia"
    assert not CAL.is_working_day(date(2026, 12, 24))
    assert CAL.is_working_day(date(2019, 12, 24))


def test_one_off_holiday_12_november_2018() -> None:
    assert not CAL.is_working_day(date(2018, 11, 12))
    assert CAL.day_off_reason(date(2018, 11, 12)) is not None
    assert CAL.is_working_day(date(2019, 11, 12))


def test_day_off_reasons() -> None:
    assert CAL.day_off_reason(date(2026, 3, 7)) == "sobota"
    assert CAL.day_off_reason(date(2026, 3, 8)) == "niedziela"
    assert CAL.day_off_reason(date(2026, 3, 9)) is None
    assert CAL.day_off_reason(date(2026, 1, 6)) == "Święto Trzech Króli"
    # a holiday on a Saturday is reported by its name
    assert CAL.day_off_reason(date(2026, 8, 15)) == "Wniebowzięcie Najświętszej Marii Panny"


def test_extra_days_off_are_skipped() -> None:
    cal = LegalCalendar(extra_days_off=[(date(2026, 3, 9), "Dzień wolny za 15 sierpnia")])
    assert cal.day_off_reason(date(2026, 3, 9)) == "Dzień wolny za 15 sierpnia"
    computed = cal.add_days(date(2026, 3, 2), 7, "doręczenie")
    assert computed.result == date(2026, 3, 10)
    assert computed.skipped == (SkippedDay(date(2026, 3, 9), "Dzień wolny za 15 sierpnia"),)
    assert CAL.add_days(date(2026, 3, 2), 7, "doręczenie").result == date(2026, 3, 9)


def test_deemed_delivery_is_fourteen_days_then_shifted() -> None:
    computed = CAL.deemed_delivery(date(2025, 12, 12))
    assert computed.nominal_end == date(2025, 12, 26)
    assert computed.result == date(2025, 12, 29)
    assert computed.start_event == "pierwsze awizo"
    assert "art. 44 KPA" in computed.rule and "art. 57 § 4 KPA" in computed.rule
    plain = CAL.deemed_delivery(date(2026, 3, 2))
    assert plain.result == plain.nominal_end == date(2026, 3, 16)


def test_next_working_day_on_or_after() -> None:
    assert CAL.next_working_day_on_or_after(date(2026, 3, 9)) == (date(2026, 3, 9), ())
    day, skipped = CAL.next_working_day_on_or_after(date(2026, 4, 4))  # Easter weekend
    assert day == date(2026, 4, 7)
    assert [s.reason for s in skipped] == [
        "sobota", "Niedziela Wielkanocna", "Poniedziałek Wielkanocny"
    ]


def test_working_days_between() -> None:
    monday = date(2026, 3, 2)
    assert CAL.working_days_between(monday, monday) == 0
    assert CAL.working_days_between(monday, date(2026, 3, 6)) == 4
    assert CAL.working_days_between(monday, date(2026, 3, 9)) == 5
    assert CAL.working_days_between(date(2026, 3, 9), monday) == -5
    assert CAL.working_days_between(date(2025, 12, 23), date(2025, 12, 29)) == 1


def test_add_working_days() -> None:
    friday = date(2026, 3, 6)
    assert CAL.add_working_days(friday, 0) == friday
    assert CAL.add_working_days(friday, 1) == date(2026, 3, 9)
    assert CAL.add_working_days(date(2025, 12, 23), 1) == date(2025, 12, 29)
    assert CAL.add_working_days(date(2026, 3, 9), -1) == friday
    start = date(2026, 5, 20)
    end = CAL.add_working_days(start, 17)
    assert CAL.working_days_between(start, end) == 17


def test_computed_date_is_frozen() -> None:
    computed = CAL.add_days(date(2026, 3, 2), 7, "x")
    assert isinstance(computed, ComputedDate)
    with pytest.raises(AttributeError):
        computed.result = date(2000, 1, 1)  # type: ignore[misc]
