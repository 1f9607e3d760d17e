"""Which recorded audit values are personal, and how an entry refers to them.

A case-linked audit entry keeps its procedural values inline (status, kind, dates of the
procedure, identifiers) and every other value by reference: ``{"applicant_last_name":
{"$v": 17}}`` means "the pair under this key in the audit value store, row 17". Anonymising a
case deletes its store rows, so the trail keeps its entries (append-only) while the personal
values are gone; a reader then shows :data:`REMOVED`.
"""

from __future__ import annotations

from typing import Any

REF_KEY = "$v"
REMOVED = "(usunięte)"

# Values kept inline: how the procedure went, never who the person is or what they own.
INLINE_KEYS = frozenset({
    "signature", "entry_number", "identifier", "status", "state", "kind", "channel",
    "delivery_method", "delivery_status", "proxy_relation", "applicant_role",
    "power_of_attorney_form", "stamp_duty_payment", "settlement", "start_event", "closed_by",
    "period_unit", "period_count", "sha256", "size_bytes", "media_type", "page_count",
    "number", "year", "unit_symbol", "jrwa_class", "register_year", "register_number",
    "instalment_count", "instalments_requested", "attachments_count", "agreement",
    "lease_concluded", "version", "reference", "event", "legacy_account",
    "e_invoice_consent", "signed", "petition_signed", "by_proxy", "has_power_of_attorney",
    "has_property_statement", "has_petition_form", "principal_exempt", "stamp_duty_paid",
})
# Suffixes of procedural keys: ids of rows and users, days and moments of the procedure.
_INLINE_SUFFIXES = ("_id", "_on", "_at", "_until")


def is_inline(key: str, value: object) -> bool:
    """True when ``key``'s value may stay in the entry itself."""
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, list) and all(v is None or isinstance(v, bool) for v in value):
        return True
    return key in INLINE_KEYS or key.endswith(_INLINE_SUFFIXES)


def split_changes(changes: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(inline, personal)``: the entry keeps ``inline``; ``personal`` goes to the store."""
    inline: dict[str, Any] = {}
    personal: dict[str, Any] = {}
    for key, value in changes.items():
        (inline if is_inline(key, value) else personal)[key] = value
    return inline, personal


def with_reference(inline: dict[str, Any], personal_keys: list[str],
                   value_id: int) -> dict[str, Any]:
    """The entry's ``changes``: ``inline`` plus a reference for each personal key."""
    return {**inline, **{key: {REF_KEY: value_id} for key in personal_keys}}


def referenced_ids(changes: dict[str, Any]) -> set[int]:
    """The store rows an entry refers to."""
    return {int(v[REF_KEY]) for v in changes.values()
            if isinstance(v, dict) and isinstance(v.get(REF_KEY), int)}


def resolve_changes(changes: dict[str, Any],
                    store: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """``changes`` with each reference replaced by its value, or ``[REMOVED, REMOVED]``
    (old and new) when the store row is gone (the case was anonymised)."""
    resolved: dict[str, Any] = {}
    for key, value in changes.items():
        if isinstance(value, dict) and REF_KEY in value:
            kept = store.get(int(value[REF_KEY]))
            resolved[key] = kept[key] if kept is not None and key in kept else \
                [REMOVED, REMOVED]
        else:
            resolved[key] = value
    return resolved
