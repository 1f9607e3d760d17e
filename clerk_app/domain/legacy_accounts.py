"""Accounts of the old Portal Mieszkańców / e-Faktura service and how each is moved to IOK
(domain.md, procedure 1, "Migration of old accounts")."""

from __future__ import annotations

from enum import StrEnum


class LegacyClass(StrEnum):
    """What the migration does with an imported old account (``legacy_accounts.account_class``)."""

    MIGRATE = "migrate"  # active, from 2018 on, with a valid e-mail: new login data by e-mail
    NEEDS_CONSENT = "needs_consent"  # before 2018 or no valid e-mail: ask in a batch
    SKIPPED = "skipped"  # inactive

    @property
    def label(self) -> str:
        """Polish name shown to the user."""
        return _CLASS_LABELS[self]


_CLASS_LABELS = {
    LegacyClass.MIGRATE: "Do przeniesienia",
    LegacyClass.NEEDS_CONSENT: "Wymaga zgody i adresu e-mail",
    LegacyClass.SKIPPED: "Pominięte (nieaktywne)",
}
