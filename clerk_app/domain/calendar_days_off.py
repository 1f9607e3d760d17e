"""Statutory days off in Poland (weekends and public holidays) with Polish names."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import lru_cache

import holidays

SATURDAY = "sobota"
SUNDAY = "niedziela"

# Christmas Eve became a statutory holiday by the act of 2024, effective from 2025.
CHRISTMAS_EVE_FIRST_YEAR = 2025
CHRISTMAS_EVE_NAME = "Wigilia Bożego Narodzenia"


@lru_cache(maxsize=256)
def statutory_holidays(year: int) -> dict[date, str]:
    """Polish public holidays of ``year`` (date → Polish name), 24 Dec from 2025 on."""
    source = holidays.country_holidays("PL", years=year, language="pl")
    result = {d: str(name) for d, name in source.items() if d.year == year}
    christmas_eve = date(year, 12, 24)
    if year >= CHRISTMAS_EVE_FIRST_YEAR:
        result.setdefault(christmas_eve, CHRISTMAS_EVE_NAME)
    else:
        result.pop(christmas_eve, None)
    return result


def statutory_holiday_name(d: date) -> str | None:
    """Name of the public holiday on ``d``, or None when it is not one."""
    return statutory_holidays(d.year).get(d)


def weekend_name(d: date) -> str | None:
    """``sobota`` or ``niedziela`` for a weekend day, else None."""
    weekday = d.weekday()
    if weekday == 5:
        return SATURDAY
    if weekday == 6:
        return SUNDAY
    return None


class DayOffKind(StrEnum):
    """A one-off day the admin records (``days_off.kind``)."""

    STATUTORY = "statutory"  # set by law (e.g. 12.11.2018): moves legal deadlines
    OFFICE_CLOSURE = "office_closure"  # the office closes: office planning only

    @property
    def label(self) -> str:
        """Polish name shown in the days-off dialog."""
        return _DAY_OFF_LABELS[self]

    @property
    def short_label(self) -> str:
        """The kind in a table column."""
        return "ustawowy" if self is DayOffKind.STATUTORY else "urząd nieczynny"

    @property
    def moves_deadlines(self) -> bool:
        """Only a day off set by law moves a legal deadline (art. 57 § 4 KPA)."""
        return self is DayOffKind.STATUTORY


_DAY_OFF_LABELS = {
    DayOffKind.STATUTORY: "Dzień wolny ustawowy (przesuwa terminy)",
    DayOffKind.OFFICE_CLOSURE: "Urząd nieczynny (nie przesuwa terminów)",
}
