"""What every service call gets: the database, a clock and the acting user."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from clerk_app.domain.agreement import AgreementDocument
from clerk_app.domain.letter_texts import LetterDocument
from clerk_app.domain.roles import Role
from clerk_app.persistence.database import Database

OFFICE_TZ = ZoneInfo("Europe/Warsaw")


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Actor:
    """The logged-in user as services see it (plain data, no ORM object)."""

    user_id: int
    username: str
    full_name: str
    role: Role
    must_change_password: bool = False


SYSTEM_READER = Actor(0, "system", "clerk-app (system)", Role.SUPERVISOR)
"""The reader of command-line reads: no account behind it, so reads made as this very object
(recognised by identity, not by equal fields) skip the account check and only its role counts.
"""


class DocumentRenderer(Protocol):
    """Turns an issued letter's content into its PDF. The documents layer implements it
    (``clerk_app.documents.renderer.PdfRenderer``) and the composition root (GUI, CLI, tests)
    hands it in, so services keep each issued letter's exact bytes without importing the
    layer above them."""

    def letter(self, document: LetterDocument) -> bytes: ...

    def agreement(self, document: AgreementDocument) -> bytes: ...


class SecretStore(Protocol):
    """Where one secret (the SMTP password) is kept outside the database; the default is a
    file only the user can read (``clerk_app.services.mail.secrets``)."""

    def get(self) -> str | None: ...

    def set(self, secret: str) -> None: ...

    def clear(self) -> None: ...


@dataclass
class AppContext:
    """The injectable environment of services: a database, a clock (UTC, aware) and the
    renderer of issued letters (None: a letter's PDF is rendered when first asked for), and
    the SMTP password's store (None: the user's own file, see ``services.mail.secrets``)."""

    db: Database
    clock: Callable[[], datetime] = field(default=utc_now)
    renderer: DocumentRenderer | None = None
    smtp_password_store: SecretStore | None = None

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        """Today in the office's time zone (Europe/Warsaw)."""
        return self.clock().astimezone(OFFICE_TZ).date()
