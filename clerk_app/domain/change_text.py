"""Recorded changes (audit entries' old → new values) told in Polish, for the audit window
and a case's history: Polish field names, Polish names of stored enum values, dates as
``02.03.2026`` and times in the office's time zone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from zoneinfo import ZoneInfo

from clerk_app.domain.audit_names import ACTION_LABELS, ENTITY_LABELS, FIELD_NAMES
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
