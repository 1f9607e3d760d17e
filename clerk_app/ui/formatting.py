"""Display texts: local (Europe/Warsaw) times and Polish names of audit entities/actions."""

from __future__ import annotations

from datetime import UTC, datetime

from clerk_app.domain.roles import Role
from clerk_app.services.core.context import OFFICE_TZ
from clerk_app.ui.qt_helpers import translate

_CTX = "formatting"

ENTITY_LABELS = {
    "users": "użytkownik", "settings": "ustawienia", "cases": "sprawa",
    "iok_requests": "wniosek IOK", "deposit_petitions": "prośba o raty",
    "property_statements": "oświadczenie majątkowe", "household_members": "członek gospodarstwa",
    "instalment_agreements": "umowa ratalna", "instalments": "rata", "case_notes": "notatka",
    "incoming_items": "przesyłka wpływająca", "scans": "skan", "letters": "pismo",
    "deadlines": "termin", "days_off": "dzień wolny", "number_sequences": "numeracja",
    "demo_data": "dane demonstracyjne",
}
ACTION_LABELS = {
    "create": "utworzenie", "update": "zmiana", "delete": "usunięcie", "view": "odczyt",
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
    "complete": "prośba kompletna",
}
FIELD_LABELS = {
    "username": "login", "full_name": "imię i nazwisko", "role": "rola", "active": "aktywny",
    "failed_attempts": "nieudane próby", "locked_until": "zablokowany do",
    "last_login_at": "ostatnie logowanie", "password_hash": "hasło",
    "must_change_password": "wymagana zmiana hasła", "created_at": "utworzono",
    # office settings (the labels of the settings form)
    "city_office_name": "nazwa urzędu", "city_office_address": "adres urzędu",
    "bgm_name": "nazwa BGM", "bgm_address": "adres BGM", "zgm_name": "nazwa ZGM",
    "zgm_address": "adres ZGM", "iok_unit": "symbol komórki (IOK)",
    "iok_jrwa": "klasa JRWA (IOK)", "deposit_unit": "symbol komórki (kaucja)",
    "deposit_jrwa": "klasa JRWA (kaucja)", "signature_pattern": "wzór znaku sprawy",
    "register_pattern": "wzór numeru w rejestrze przesyłek",
    "deficiency_days": "termin na uzupełnienie braków (dni)",
    "decision_months": "termin rozpatrzenia (miesiące)",
    "iok_target_days": "termin obsługi wniosku IOK (dni)", "stamp_duty": "opłata skarbowa",
    "deposit_bank_account": "rachunek bankowy na kaucje", "signatory_name": "podpisujący",
    "signatory_title": "stanowisko podpisującego", "scan_max_mb": "maksymalny rozmiar skanu (MB)",
    "scan_inbox_dir": "katalog skanów do wczytania",
}
_HIDDEN_FIELDS = frozenset({"id"})  # shown in the "id" column already


def local_time(value: datetime | None, with_seconds: bool = False) -> str:
    """``2026-03-02 10:30`` in the office's time zone; empty for None."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    pattern = "%Y-%m-%d %H:%M:%S" if with_seconds else "%Y-%m-%d %H:%M"
    return value.astimezone(OFFICE_TZ).strftime(pattern)


def entity_label(entity: str) -> str:
    return translate(_CTX, ENTITY_LABELS[entity]) if entity in ENTITY_LABELS else entity


def action_label(action: str) -> str:
    return translate(_CTX, ACTION_LABELS[action]) if action in ACTION_LABELS else action


def _value_text(key: str, value: object) -> str:
    if value is None or value == "":
        return "—"
    if key == "role" and value in {r.value for r in Role}:
        return Role(str(value)).label
    if key.endswith("_at") or key == "locked_until":
        try:
            return local_time(datetime.fromisoformat(str(value)))
        except ValueError:
            pass
    if value is True:
        return translate(_CTX, "tak")
    if value is False:
        return translate(_CTX, "nie")
    return str(value)


def changes_text(changes: dict[str, list[object]]) -> str:
    """``"pole: stara → nowa; …"`` with Polish field names where known."""
    parts = []
    for key, pair in changes.items():
        if key in _HIDDEN_FIELDS:
            continue
        old, new = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
        name = translate(_CTX, FIELD_LABELS[key]) if key in FIELD_LABELS else key
        parts.append(f"{name}: {_value_text(key, old)} → {_value_text(key, new)}")
    return "; ".join(parts)


def yes_no(value: bool) -> str:
    return translate(_CTX, "tak") if value else translate(_CTX, "nie")
