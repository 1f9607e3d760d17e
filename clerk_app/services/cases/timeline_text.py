"""Audit entries told in Polish words for a case's timeline."""

from __future__ import annotations

from typing import Any

from clerk_app.domain.change_text import (
    action_name,
    change_parts,
    entity_name,
    field_name,
    value_text,
)

_ACTIONS = {
    ("cases", "register"): "Zarejestrowano sprawę",
    ("incoming_items", "register"): "Zarejestrowano pismo w rejestrze przesyłek",
    ("scans", "attach"): "Dołączono skan",
    ("cases", "update_applicant"): "Zmieniono dane wnioskodawcy",
    ("cases", "reassign"): "Przekazano sprawę innemu pracownikowi",
    ("cases", "status"): "Zmieniono status sprawy",
    ("cases", "summons"): "Wezwano do uzupełnienia braków",
    ("cases", "deficiencies_removed"): "Braki zostały usunięte",
    ("cases", "complete"): "Prośba jest kompletna",
    ("letters", "issue"): "Wystawiono pismo",
    ("letters", "delivery"): "Odnotowano doręczenie pisma",
    ("deadlines", "start"): "Rozpoczął się bieg terminu",
    ("deadlines", "suspend"): "Wstrzymano bieg terminu",
    ("deadlines", "resume"): "Wznowiono bieg terminu",
    ("deadlines", "close"): "Termin zamknięto",
    ("deadlines", "cancel"): "Termin anulowano",
    ("deadlines", "extend"): "Przedłużono termin",
    ("deadlines", "recompute"): "Przeliczono termin (zmiana dni wolnych)",
    ("deadlines", "missed"): "Termin został przekroczony",
}
_SHOWN_ON_CREATE = ("signature", "entry_number", "filename", "identifier", "due_on")


def describe_audit_entry(entity: str, action: str, changes: dict[str, Any]) -> str:
    """E.g. 'Zmieniono dane wnioskodawcy: nazwisko: Kowalski → Kowalska'."""
    if entity in ("property_statements", "household_members"):  # no figures: counter reads it
        return "Zapisano oświadczenie o stanie majątkowym"
    head = _ACTIONS.get((entity, action), f"{entity_name(entity)}: {action_name(action)}")
    if action in {"register", "create", "attach", "issue", "start"}:
        shown = [f"{field_name(k)} {value_text(entity, k, v[1])}" for k, v in changes.items()
                 if k in _SHOWN_ON_CREATE and isinstance(v, list) and v[1] is not None]
        return f"{head} ({', '.join(shown)})" if shown else head
    parts = change_parts(entity, {k: v for k, v in changes.items()
                                  if isinstance(v, list) and len(v) == 2})
    return f"{head}: {'; '.join(parts)}" if parts else head
