"""Synthetic people: names in the right gender, valid PESEL numbers, e-mails, phones and
addresses in and around Piekary Śląskie."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from operator import mul

from clerk_app.demo import pools
from clerk_app.demo.draws import Draw
from clerk_app.domain.text import fold_for_search

_PESEL_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
_PESEL_MONTH_OFFSET = {18: 80, 19: 0, 20: 20, 21: 40, 22: 60}


def make_pesel(birth: date, female: bool, serial: int) -> str:
    """A valid PESEL: encoded ``birth`` date, serial number, sex digit (even for women)
    and checksum; ``serial`` (0–4999) picks the serial number and the sex digit."""
    yy = birth.year % 100
    mm = birth.month + _PESEL_MONTH_OFFSET[birth.year // 100]
    dd = birth.day
    number = serial // 5 % 1000
    sex = serial % 5 * 2 + (0 if female else 1)
    digits = (yy // 10, yy % 10, mm // 10, mm % 10, dd // 10, dd % 10,
              number // 100, number // 10 % 10, number % 10, sex)
    check = (10 - sum(map(mul, _PESEL_WEIGHTS, digits)) % 10) % 10
    return f"{yy:02d}{mm:02d}{dd:02d}{number:03d}{sex}{check}"


_MASCULINE = {pools.feminine_surname(m): m for m in pools.SURNAMES}


def gendered(surname: str, female: bool) -> str:
    """The surname in the form for a woman or a man (Kowalska ↔ Kowalski)."""
    if female:
        return pools.feminine_surname(surname)
    return _MASCULINE.get(surname, surname)


def years_before(d: date, years: int) -> date:
    """The same day ``years`` years earlier (28 February for 29 February)."""
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


class Fold:
    """``fold_for_search`` with a cache for the few distinct words (names, streets)."""

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        cached = self._cache.get(value)
        if cached is None:
            cached = self._cache[value] = fold_for_search(value)
        return cached

    @staticmethod
    def fresh(value: str) -> str:
        """Fold a value seen once (signature, e-mail): ASCII needs no Unicode work."""
        if value.isascii():
            return " ".join(value.lower().split())
        return fold_for_search(value)


@dataclass
class Applicant:
    """The person who filed a case."""

    first: str
    last: str
    female: bool
    birth: date
    pesel: str | None


class People:
    """Draws people and their contact data; PESEL serial numbers never repeat close by."""

    def __init__(self, draw: Draw, fold: Fold) -> None:
        self.d = draw
        self.fold = fold
        self._pesel_serial = draw.between(0, 4999)

    def first_name(self, female: bool) -> str:
        """A first name for a woman or a man."""
        return self.d.one(pools.FEMALE_FIRST_NAMES if female else pools.MALE_FIRST_NAMES)

    def pesel(self, birth: date, female: bool) -> str:
        """A valid PESEL for a person born on ``birth``."""
        self._pesel_serial = (self._pesel_serial + 7919) % 5000
        return make_pesel(birth, female, self._pesel_serial)

    def applicant(self, received_on: date, pesel_share: float) -> Applicant:
        """An adult applicant (19–88 years old); ``pesel_share`` of them give a PESEL."""
        d = self.d
        female = d.chance(0.56)
        last = d.one(pools.SURNAMES)
        oldest = years_before(received_on, 88)
        span = (years_before(received_on, 19) - oldest).days
        birth = oldest + timedelta(days=d.between(0, span))
        return Applicant(self.first_name(female), gendered(last, female), female, birth,
                         self.pesel(birth, female) if d.chance(pesel_share) else None)

    def email(self, person: Applicant) -> str:
        """An e-mail address made of the person's name, in one of the common styles."""
        d = self.d
        first = self.fold(person.first)
        last = self.fold(person.last).replace(" ", "").replace("-", "")
        style = d.between(0, 4)
        if style == 0:
            local = f"{first}.{last}"
        elif style == 1:
            local = f"{first[0]}{last}"
        elif style == 2:
            local = f"{first}.{last}{person.birth.year % 100:02d}"
        elif style == 3:
            local = f"{last}.{first}"
        else:
            local = f"{first}{last}{d.between(1, 999)}"
        return f"{local}@{d.one(pools.EMAIL_DOMAINS)}"

    def phone(self) -> str | None:
        """A mobile or local landline number, or none (30%)."""
        d = self.d
        roll = d.random()
        if roll < 0.3:
            return None
        if roll < 0.38:  # a landline in Piekary (area code 32)
            return f"32 {d.one((287, 288, 289, 393))} {d.between(10, 99)} {d.between(10, 99)}"
        number = (f"{d.one('5678')}{d.between(0, 99):02d} {d.between(0, 999):03d} "
                  f"{d.between(0, 999):03d}")
        return f"+48 {number}" if roll > 0.9 else number

    def address(self, local_only: bool) -> tuple[str, str, str, str, str]:
        """(street, building, flat, postal code, city); a few live outside the city."""
        d = self.d
        if local_only or d.chance(0.94):
            street, top = d.one(pools.STREETS)
            postal, city = pools.POSTAL_CODE, pools.CITY
        else:
            city, postal, streets = d.one(pools.OTHER_TOWNS)
            street, top = d.one(streets), 40
        building = str(d.between(1, top))
        if d.chance(0.1):
            building += d.one("abc")
        flat = "" if d.chance(0.12) else str(d.between(1, 40))
        return street, building, flat, postal, city
