"""Display texts: local (Europe/Warsaw) times and Polish names of audit entities/actions."""

from __future__ import annotations

from datetime import datetime

from clerk_app.domain import change_text
from clerk_app.domain.change_text import ACTION_LABELS, ENTITY_LABELS, change_parts
from clerk_app.ui.qt_helpers import translate

_CTX = "formatting"

_HIDDEN_FIELDS = frozenset({"id"})  # shown in the "id" column already


def local_time(value: datetime | None, with_seconds: bool = False) -> str:
    """``02.03.2026 10:30`` in the office's time zone; empty for None."""
    return "" if value is None else change_text.local_time(value, with_seconds)


def entity_label(entity: str) -> str:
    return translate(_CTX, ENTITY_LABELS[entity]) if entity in ENTITY_LABELS else entity


def action_label(action: str) -> str:
    return translate(_CTX, ACTION_LABELS[action]) if action in ACTION_LABELS else action


def changes_text(changes: dict[str, list[object]], entity: str = "") -> str:
    """``"pole: stara → nowa; …"`` with Polish field names and values."""
    return "; ".join(change_parts(entity, dict(changes), _HIDDEN_FIELDS))


def yes_no(value: bool) -> str:
    return translate(_CTX, "tak") if value else translate(_CTX, "nie")
