"""Checks of a registration form: every bad field is reported at once, in Polish."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import TypeVar

from clerk_app.domain.cases import Channel, IncomingKind
from clerk_app.domain.errors import FieldError
from clerk_app.domain.field_limits import check_text
from clerk_app.domain.text import format_date_pl
from clerk_app.domain.validators import (
    require_text,
    validate_email,
    validate_pesel,
    validate_phone,
    validate_postal_code,
)
from clerk_app.services.core.context import OFFICE_TZ
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.intake.types import (
    DepositDetailsInput,
    IokDetailsInput,
    RegistrationInput,
    SenderInput,
)

T = TypeVar("T")
# The office's records begin here: an earlier date is a typing error (and far dates are
# where the calendar's arithmetic ends, 9999-12-31).
EARLIEST_DATE = date(1990, 1, 1)


class _Collector:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def check(self, fn: Callable[[], T], fallback: T) -> T:
        try:
            return fn()
        except FieldError as exc:
            self.errors.append(exc)
            return fallback

    def fail(self, key: str, message: str) -> None:
        self.errors.append(FieldError(key, message))


def _texts(c: _Collector, *parts: object) -> None:
    """Every text of the form's parts, before anything else looks at it: no control
    character, no lone surrogate, no longer than its column (``TEXT_LIMITS``)."""
    for part in parts:
        if part is None or not dataclasses.is_dataclass(part):
            continue
        for f in dataclasses.fields(part):
            value = getattr(part, f.name)
            if isinstance(value, str):
                c.check(lambda v=value, k=f.name: check_text(v, k), "")  # type: ignore[misc]


def _optional(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _sender(c: _Collector, s: SenderInput, lenient_email: bool) -> SenderInput:
    """``lenient_email``: an IOK request is registered whatever its e-mail (missing or
    malformed: kept as typed, the request is deficient; :mod:`clerk_app.domain.iok_stage`)."""
    first = c.check(lambda: require_text(s.first_name, "first_name", 100), "")
    last = c.check(lambda: require_text(s.last_name, "last_name", 100), "")
    pesel = _optional(s.pesel)
    if pesel is not None:
        raw_pesel = pesel
        pesel = c.check(lambda: validate_pesel(raw_pesel), raw_pesel)
    email = _optional(s.email)
    if email is not None and len(email) > 200:
        c.fail("email", "Adres e-mail może mieć najwyżej 200 znaków.")
    elif email is not None:
        raw_email = email
        if lenient_email:
            try:
                email = validate_email(raw_email)
            except FieldError:
                email = raw_email
        else:
            email = c.check(lambda: validate_email(raw_email), raw_email)
    phone = _optional(s.phone)
    if phone is not None:
        raw_phone = phone
        phone = c.check(lambda: validate_phone(raw_phone), raw_phone)
    postal = s.postal_code.strip()
    if postal:
        postal = c.check(lambda: validate_postal_code(postal), postal)
    return SenderInput(first, last, pesel, s.street.strip(), s.building.strip(),
                       s.flat.strip(), postal, s.city.strip(), phone, email)


def _deposit(c: _Collector, d: DepositDetailsInput | None) -> DepositDetailsInput | None:
    if d is None:
        c.fail("monthly_rent", "Podaj miesięczny czynsz lokalu.")
        return None
    if not isinstance(d.monthly_rent, Decimal) or not d.monthly_rent.is_finite() \
            or d.monthly_rent <= 0:
        c.fail("monthly_rent", "Czynsz musi być kwotą większą od zera.")
    elif d.monthly_rent != d.monthly_rent.quantize(Decimal("0.01")):
        c.fail("monthly_rent", "Podaj kwotę z dokładnością do grosza.")
    if not 2 <= d.instalments_requested <= 10:
        c.fail("instalments_requested", "Kaucję można rozłożyć na od 2 do 10 rat.")
    if d.by_proxy and not (d.proxy_name or "").strip():
        c.fail("proxy_name", "Podaj imię i nazwisko pełnomocnika.")
    if len((d.proxy_address or "").strip()) > 300:
        c.fail("proxy_address", "Adres może mieć najwyżej 300 znaków.")
    return d


def _iok(c: _Collector, d: IokDetailsInput, sender: SenderInput) -> IokDetailsInput:
    """The premises default to the postal address when none is given."""
    number = (d.contractor_number or "").strip() or None
    if number is not None and len(number) > 40:
        c.fail("contractor_number", "Numer kontrahenta może mieć najwyżej 40 znaków.")
    street, building, flat = (d.premises_street.strip(), d.premises_building.strip(),
                              d.premises_flat.strip())
    if not (street or building or flat) and sender.street.strip():
        street, building, flat = sender.street, sender.building, sender.flat
    for key, value, limit in (("premises_street", street, 120),
                              ("premises_building", building, 20),
                              ("premises_flat", flat, 20)):
        if len(value) > limit:
            c.fail(key, f"Pole może mieć najwyżej {limit} znaków.")
    return dataclasses.replace(d, contractor_number=number, premises_street=street,
                               premises_building=building, premises_flat=flat)


def _dates(c: _Collector, data: RegistrationInput, now: datetime | None) -> None:
    """Received not after today (the office's date); the post's and the sender's dates
    neither after receipt nor before the office's records begin."""
    if data.received_at.tzinfo is None:
        return
    received = data.received_at.astimezone(OFFICE_TZ).date()
    if now is not None and received > now.astimezone(OFFICE_TZ).date():
        c.fail("received_at", "Data wpływu nie może być późniejsza niż dzisiejsza.")
    if received < EARLIEST_DATE:
        c.fail("received_at", f"Data wpływu nie może być wcześniejsza niż "
                              f"{format_date_pl(EARLIEST_DATE)}.")
    for key, day in (("posted_on", data.posted_on),
                     ("sender_reference_date", data.sender_reference_date)):
        if day is not None and day < EARLIEST_DATE:
            c.fail(key, f"Data nie może być wcześniejsza niż {format_date_pl(EARLIEST_DATE)}.")
    if data.sender_reference_date is not None and data.sender_reference_date > received:
        c.fail("sender_reference_date", "Data pisma nadawcy nie może być późniejsza niż "
                                        "data wpływu.")


def validate_registration(data: RegistrationInput,
                          now: datetime | None = None) -> RegistrationInput:
    """Normalise the form or raise ``ValidationFailed`` listing every bad field (``now``:
    the received time may not lie after it)."""
    c = _Collector()
    _texts(c, data, data.sender, data.iok, data.deposit)
    if c.errors:  # a bad character or an overlong text: said alone, nothing else checked
        raise ValidationFailed(c.errors)
    if data.received_at.tzinfo is None:
        c.fail("received_at", "Podaj datę i godzinę wpływu.")
    _dates(c, data, now)
    sender = _sender(c, data.sender, lenient_email=data.kind == IncomingKind.IOK_REQUEST)
    subject = c.check(lambda: require_text(data.subject, "subject", 300), "")
    if data.channel == Channel.POST and data.posted_on is None:
        c.fail("posted_on", "Dla przesyłki pocztowej podaj datę nadania.")
    if data.posted_on is not None and data.received_at.tzinfo is not None \
            and data.posted_on > data.received_at.astimezone(OFFICE_TZ).date():
        c.fail("posted_on", "Data nadania nie może być późniejsza niż data wpływu.")
    if data.attachments_count < 0 or data.attachments_count > 999:
        c.fail("attachments_count", "Podaj liczbę od 0 do 999.")
    if data.kind == IncomingKind.SUPPLEMENT and data.case_id is None:
        c.fail("case_id", "Wskaż sprawę, do której należy uzupełnienie.")
    if data.kind == IncomingKind.RECONSIDERATION and data.case_id is None:
        c.fail("case_id", "Wskaż sprawę, której dotyczy podanie o ponowne rozpatrzenie.")
    iok = data.iok
    deposit = data.deposit
    if data.kind == IncomingKind.IOK_REQUEST:
        iok = _iok(c, iok or IokDetailsInput(), sender)
    elif data.kind == IncomingKind.DEPOSIT_PETITION:
        deposit = _deposit(c, deposit)
    if c.errors:
        raise ValidationFailed(c.errors)
    return dataclasses.replace(
        data, sender=sender, subject=subject, sender_reference=data.sender_reference.strip(),
        iok=iok, deposit=deposit, remarks=data.remarks.strip(),
    )


def validate_iok_details(d: IokDetailsInput) -> IokDetailsInput:
    """Validate an IOK request's details edited on an existing case (blank premises stay
    blank: the request is then deficient)."""
    c = _Collector()
    _texts(c, d)
    if c.errors:
        raise ValidationFailed(c.errors)
    cleaned = _iok(c, d, SenderInput("", ""))
    if c.errors:
        raise ValidationFailed(c.errors)
    return cleaned


def validate_registration_sender(sender: SenderInput, lenient_email: bool) -> SenderInput:
    """Validate applicant data edited on an existing case (an IOK request's e-mail is kept
    even when malformed: the request is then deficient)."""
    c = _Collector()
    _texts(c, sender)
    if c.errors:
        raise ValidationFailed(c.errors)
    cleaned = _sender(c, sender, lenient_email)
    if c.errors:
        raise ValidationFailed(c.errors)
    return cleaned
