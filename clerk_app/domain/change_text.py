"""Recorded changes (audit entries' old → new values) told in Polish, for the audit window
and a case's history: Polish field names, Polish names of stored enum values, dates as
``02.03.2026`` and times in the office's time zone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from zoneinfo import ZoneInfo

from clerk_app.domain.audit_values import REMOVED
from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import (
    ApplicantRole,
    CaseKind,
    CaseStatus,
    Channel,
    DeadlineKind,
    DeadlineState,
    IncomingKind,
    ProxyRelation,
)
from clerk_app.domain.deposit_petition import PowerOfAttorneyForm, StampDutyPayment
from clerk_app.domain.field_labels import FIELD_LABELS
from clerk_app.domain.letter_kinds import DeliveryMethod, DeliveryStatus, LetterKind
from clerk_app.domain.money import format_money
from clerk_app.domain.roles import Role
from clerk_app.domain.settlement import DecisionKind, SettlementKind

OFFICE_TZ = ZoneInfo("Europe/Warsaw")

ENTITY_LABELS = {
    "users": "użytkownik", "settings": "ustawienia", "cases": "sprawa",
    "database": "baza danych",
    "iok_requests": "wniosek IOK", "deposit_petitions": "prośba o raty",
    "property_statements": "oświadczenie majątkowe", "household_members": "członek gospodarstwa",
    "instalment_agreements": "umowa ratalna", "instalments": "rata", "case_notes": "notatka",
    "incoming_items": "przesyłka wpływająca", "scans": "skan", "letters": "pismo",
    "deadlines": "termin", "days_off": "dzień wolny", "number_sequences": "numeracja",
    "demo_data": "dane demonstracyjne", "letter_files": "plik pisma",
    "deposit_decisions": "rozstrzygnięcie", "household_incomes": "dochód",
    "rodo_request": "zapytanie o dane osoby (art. 15 RODO)",
}
ACTION_LABELS = {
    "create": "utworzenie", "update": "zmiana", "delete": "usunięcie", "view": "odczyt",
    "backup": "kopia zapasowa", "restore": "odtworzenie z kopii",
    "login": "logowanie", "login_failed": "nieudane logowanie", "account_locked": "blokada konta",
    "activate": "aktywacja konta", "deactivate": "dezaktywacja konta",
    "change_role": "zmiana roli", "reset_password": "reset hasła",
    "change_password": "zmiana hasła", "anonymise": "anonimizacja",
    "register": "rejestracja", "attach": "dołączenie skanu",
    "update_applicant": "zmiana danych wnioskodawcy", "reassign": "przekazanie sprawy",
    "generate": "dane demonstracyjne", "start": "rozpoczęcie biegu terminu",
    "suspend": "wstrzymanie terminu", "resume": "wznowienie terminu",
    "close": "zamknięcie terminu", "cancel": "anulowanie", "extend": "przedłużenie terminu",
    "recompute": "przeliczenie terminu", "missed": "termin przekroczony",
    "issue": "wystawienie pisma", "summons": "wezwanie do uzupełnienia braków",
    "delivery": "doręczenie pisma", "deficiencies_removed": "usunięcie braków",
    "complete": "prośba kompletna", "keep_pdf": "zapisanie PDF pisma",
    "update_petition": "zmiana danych prośby", "view_statement": "odczyt oświadczenia",
    "search": "wyszukanie danych osoby", "export_pdf": "zapisanie PDF",
    "decision": "rozstrzygnięcie", "consent": "zgoda", "refusal": "odmowa",
}
# Lower-case names of stored columns (the shared field labels cover the rest).
FIELD_NAMES: dict[str, str] = {
    "username": "login", "full_name": "imię i nazwisko", "role": "rola", "active": "aktywny",
    "failed_attempts": "nieudane próby", "locked_until": "zablokowany do",
    "last_login_at": "ostatnie logowanie", "last_failed_at": "ostatnia nieudana próba",
    "password_hash": "hasło", "must_change_password": "wymagana zmiana hasła",
    "created_at": "utworzono", "applicant_first_name": "imię",
    "applicant_last_name": "nazwisko", "applicant_pesel": "PESEL",
    "applicant_email": "e-mail", "applicant_phone": "telefon", "street": "ulica",
    "building": "nr domu", "flat": "nr lokalu", "postal_code": "kod pocztowy",
    "city": "miejscowość", "status": "status", "assignee_id": "referent",
    "filename": "plik", "due_on": "termin", "entry_number": "nr w rejestrze",
    "signature": "znak sprawy", "identifier": "identyfikator", "kind": "rodzaj",
    "state": "stan", "delivered_on": "doręczono", "deemed_delivered_on":
    "doręczenie zastępcze", "first_notice_on": "pierwsze awizo", "sent_on": "wysłano",
    "returned_on": "zwrot do nadawcy", "complete_on": "kompletna od",
    "received_on": "data wpływu", "settled_on": "data załatwienia",
    "settlement": "sposób załatwienia", "settlement_remarks": "uwagi o załatwieniu",
    "delivery_method": "sposób doręczenia", "delivery_status": "doręczenie",
    "start_on": "początek biegu", "start_event": "zdarzenie początkowe",
    "closed_on": "zamknięto", "closed_by": "zamknięte przez", "closing_note": "uwaga",
    "nominal_end_on": "koniec nominalny", "period_count": "okres",
    "period_unit": "jednostka okresu", "reason": "przyczyna", "channel": "sposób wpływu",
    "dated_on": "data pisma", "addressee": "adresat", "decided_on": "data rozstrzygnięcia",
    "instalment_count": "liczba rat", "reasoning": "uzasadnienie", "signed_on": "podpisano",
    "deposit_amount": "kaucja", "petition_signed": "prośba podpisana",
    "by_proxy": "przez pełnomocnika", "has_power_of_attorney": "pełnomocnictwo",
    "stamp_duty_paid": "opłata skarbowa zapłacona", "has_property_statement":
    "oświadczenie majątkowe", "sha256": "skrót SHA-256", "size_bytes": "rozmiar (B)",
    "superseded_on": "zastąpiono",
}
_ENUM_BY_KEY: dict[str, type[StrEnum]] = {
    "status": CaseStatus, "state": DeadlineState, "channel": Channel, "role": Role,
    "delivery_method": DeliveryMethod, "delivery_status": DeliveryStatus,
    "proxy_relation": ProxyRelation, "applicant_role": ApplicantRole,
    "power_of_attorney_form": PowerOfAttorneyForm, "stamp_duty_payment": StampDutyPayment,
    "settlement": SettlementKind, "start_event": CaseEvent, "closed_by": CaseEvent,
}
_KIND_BY_ENTITY: dict[str, type[StrEnum]] = {
    "cases": CaseKind, "letters": LetterKind, "incoming_items": IncomingKind,
    "deadlines": DeadlineKind, "deposit_decisions": DecisionKind,
}
_PERIOD_UNITS = {"days": "dni", "months": "miesiące", "date": "data ustalona"}


def entity_name(entity: str) -> str:
    return ENTITY_LABELS.get(entity, entity.replace("_", " "))


def action_name(action: str) -> str:
    return ACTION_LABELS.get(action, action.replace("_", " "))


def field_name(key: str) -> str:
    """The Polish name of a stored field, lower case (the key itself when unknown)."""
    if key in FIELD_NAMES:
        return FIELD_NAMES[key]
    if key in FIELD_LABELS:
        label = FIELD_LABELS[key]
        return label[:1].lower() + label[1:] if not label[:2].isupper() else label
    return key.replace("_", " ")


def _enum_label(enum: type[StrEnum], value: str) -> str | None:
    try:
        member = enum(value)
    except ValueError:
        return None
    label = getattr(member, "label", None)
    return label if isinstance(label, str) else None


def value_text(entity: str, key: str, value: object) -> str:
    """A recorded value as a person reads it ("—" for none)."""
    if value is None or value == "":
        return "—"
    if value is True:
        return "tak"
    if value is False:
        return "nie"
    if isinstance(value, str):
        enum = _KIND_BY_ENTITY.get(entity) if key == "kind" else _ENUM_BY_KEY.get(key)
        if enum is not None and (label := _enum_label(enum, value)):
            return label
        if key == "period_unit" and value in _PERIOD_UNITS:
            return _PERIOD_UNITS[value]
        if key.endswith(("_at", "_until")):
            try:
                return local_time(datetime.fromisoformat(value))
            except ValueError:
                return value
        if key.endswith("_on") or key == "date":
            try:
                return date.fromisoformat(value).strftime("%d.%m.%Y")
            except ValueError:
                return value
        if key.endswith(("_amount", "_rent", "amount", "savings", "debts")):
            try:
                return format_money(Decimal(value))
            except (InvalidOperation, ValueError):
                return value
    return str(value)


def local_time(value: datetime, with_seconds: bool = False) -> str:
    """``02.03.2026 10:30`` in the office's time zone (naive values are UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    pattern = "%d.%m.%Y %H:%M:%S" if with_seconds else "%d.%m.%Y %H:%M"
    return value.astimezone(OFFICE_TZ).strftime(pattern)


def change_parts(entity: str, changes: dict[str, object],
                 hidden: frozenset[str] = frozenset()) -> list[str]:
    """``nazwisko: „Kowalski” → „Kowalska”``-like phrases, one per changed field."""
    parts = []
    for key, pair in changes.items():
        if key in hidden:
            continue
        old, new = ([*pair, None, None][:2] if isinstance(pair, list) else (None, pair))
        name = field_name(key)
        old_text, new_text = value_text(entity, key, old), value_text(entity, key, new)
        if old == new == REMOVED:
            parts.append(f"{name}: {REMOVED}")
        elif old_text == "—":
            parts.append(f"{name}: {new_text}")
        elif new_text == "—":
            parts.append(f"{name}: usunięto ({old_text})")
        else:
            parts.append(f"{name}: {old_text} → {new_text}")
    return parts
