"""Checks of a petition's substance: every bad field is reported at once, in Polish."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from clerk_app.domain.deposit_petition import (
    MAX_INSTALMENTS,
    MIN_INSTALMENTS,
    stamp_duty_exemption,
)
from clerk_app.domain.errors import FieldError
from clerk_app.domain.validators import require_text
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.deposit.petition_types import PetitionInput, ProxyInput

MAX_JUSTIFICATION = 4000


def _text(errors: list[FieldError], value: str, key: str, max_len: int) -> str:
    try:
        return require_text(value, key, max_len)
    except FieldError as exc:
        errors.append(exc)
        return value


def _rent(errors: list[FieldError], rent: Decimal | None) -> None:
    if rent is None:
        return
    if not isinstance(rent, Decimal) or not rent.is_finite() or rent <= 0:
        errors.append(FieldError("monthly_rent", "Czynsz musi być kwotą większą od zera."))
    elif rent != rent.quantize(Decimal("0.01")):
        errors.append(FieldError("monthly_rent", "Podaj kwotę z dokładnością do grosza."))


def _proxy(errors: list[FieldError], proxy: ProxyInput) -> ProxyInput:
    name = _text(errors, proxy.name, "proxy_name", 200)
    address = _text(errors, proxy.address, "proxy_address", 300)
    if proxy.relation is None:
        errors.append(FieldError("proxy_relation", "Wybierz stosunek pełnomocnika do "
                                                   "mocodawcy."))
    return replace(proxy, name=name, address=address)


def _stamp_duty(errors: list[FieldError], data: PetitionInput, today: date) -> None:
    paid_on, how = data.stamp_duty_paid_on, data.stamp_duty_payment
    if data.proxy is None:
        if paid_on is not None or how is not None:
            errors.append(FieldError("stamp_duty_paid_on", "Opłata skarbowa dotyczy "
                                     "pełnomocnictwa, a pełnomocnik nie działa."))
        return
    if paid_on is not None and how is None:
        errors.append(FieldError("stamp_duty_payment", "Podaj sposób zapłaty opłaty."))
    if how is not None and paid_on is None:
        errors.append(FieldError("stamp_duty_paid_on", "Podaj datę zapłaty opłaty."))
    if paid_on is not None and paid_on > today:
        errors.append(FieldError("stamp_duty_paid_on", "Data zapłaty nie może być "
                                                       "późniejsza niż dziś."))
    exemption = stamp_duty_exemption(data.proxy.relation, data.principal_exempt,
                                     data.stamp_duty_exempt_override,
                                     data.stamp_duty_override_reason)
    if exemption.overridden and not exemption.reason:
        errors.append(FieldError("stamp_duty_override_reason", "Podaj powód zmiany "
                                 "proponowanego zwolnienia z opłaty skarbowej."))


def validate_petition(data: PetitionInput, received_on: date, today: date) -> PetitionInput:
    """The petition with its texts stripped; ValidationFailed lists every bad field."""
    errors: list[FieldError] = []
    _rent(errors, data.monthly_rent)
    count = data.instalments_requested
    if isinstance(count, bool) or not isinstance(count, int) or not (
            MIN_INSTALMENTS <= count <= MAX_INSTALMENTS):
        errors.append(FieldError("instalments_requested", f"Liczba rat musi wynosić od "
                                 f"{MIN_INSTALMENTS} do {MAX_INSTALMENTS}."))
    if data.first_due_on is not None and data.first_due_on < received_on:
        errors.append(FieldError("first_due_on", "Termin pierwszej raty nie może być "
                                                 "wcześniejszy niż wpływ prośby."))
    justification = (data.justification or "").strip()
    if len(justification) > MAX_JUSTIFICATION:
        errors.append(FieldError("justification", f"Uzasadnienie może mieć najwyżej "
                                 f"{MAX_JUSTIFICATION} znaków."))
    premises = _text(errors, data.premises_address, "premises_address", 200)
    proxy = _proxy(errors, data.proxy) if data.proxy is not None else None
    _stamp_duty(errors, data, today)
    if errors:
        raise ValidationFailed(errors)
    return replace(data, justification=justification, premises_address=premises,
                   proxy=proxy,
                   stamp_duty_override_reason=data.stamp_duty_override_reason.strip())
