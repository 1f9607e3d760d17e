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
    ("deposit_petitions", "update_petition"): "Zmieniono dane prośby",
    ("deposit_petitions", "supplement"): "Uzupełnienie: odnotowano dostarczone dokumenty",
    ("deposit_decisions", "decide"): "Wydano rozstrzygnięcie",
    ("deposit_decisions", "superseded"): "Rozstrzygnięcie zastąpione (ponowne rozpatrzenie)",
    ("cases", "consent"): "Wyrażono zgodę na rozłożenie kaucji na raty",
    ("cases", "refusal"): "Odmówiono rozłożenia kaucji na raty",
    ("cases", "reconsideration"): "Wpłynęło podanie o ponowne rozpatrzenie – sprawa wznowiona",
    ("cases", "left_without_consideration"): "Pozostawiono prośbę bez rozpoznania",
    ("cases", "prepare_agreement"): "Przygotowano umowę o rozłożenie kaucji na raty",
    ("cases", "agreement_signed"): "Zawarto umowę o rozłożenie kaucji na raty",
    ("instalment_agreements", "prepare_agreement"): "Zapisano umowę i harmonogram rat",
    ("instalment_agreements", "prepare_agreement_again"): "Przygotowano umowę ponownie",
    ("instalment_agreements", "agreement_signed"): "Odnotowano zawarcie umowy",
    ("instalments", "schedule"): "Zapisano harmonogram rat",
    ("letter_files", "keep_pdf"): "Zachowano PDF wystawionego pisma",
}
_SHOWN_ON_CREATE = ("signature", "entry_number", "filename", "identifier", "due_on")


def describe_audit_entry(entity: str, action: str, changes: dict[str, Any]) -> str:
    """E.g. 'Zmieniono dane wnioskodawcy: nazwisko: Kowalski → Kowalska'."""
    if entity in ("property_statements", "household_members"):  # no figures: counter reads it
        return "Zapisano oświadczenie o stanie majątkowym"
    head = _ACTIONS.get((entity, action), f"{entity_name(entity)}: {action_name(action)}")
    if action in {"register", "create", "attach", "issue", "start", "decide", "schedule",
                  "keep_pdf"} or (entity, action) == ("instalment_agreements",
                                                       "prepare_agreement"):
        shown = [f"{field_name(k)} {value_text(entity, k, v[1])}" for k, v in changes.items()
                 if k in _SHOWN_ON_CREATE and isinstance(v, list) and v[1] is not None]
        return f"{head} ({', '.join(shown)})" if shown else head
    parts = change_parts(entity, {k: v for k, v in changes.items()
                                  if isinstance(v, list) and len(v) == 2})
    return f"{head}: {'; '.join(parts)}" if parts else head
