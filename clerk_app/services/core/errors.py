"""Errors raised by services; every message is Polish and ready to show to the user."""

from __future__ import annotations

from collections.abc import Sequence

from clerk_app.domain.errors import FieldError


class ServiceError(Exception):
    """Base of all errors a service reports to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationFailed(ServiceError):
    """One or more fields are invalid; nothing was saved.

    The message names each field by its Polish label; ``fields`` gives their keys (for the UI
    to focus the first bad input).
    """

    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors = list(errors)
        lines = [f"Pole „{e.label}”: {e.message}" for e in self.errors]
        super().__init__("\n".join(lines))

    @property
    def fields(self) -> list[str]:
        """The keys of the invalid fields, in the order they were found."""
        return [e.key for e in self.errors]


class PermissionDenied(ServiceError):
    def __init__(self, message: str = "Nie masz uprawnień do wykonania tej czynności.") -> None:
        super().__init__(message)


class ConflictError(ServiceError):
    def __init__(
        self,
        message: str = (
            "Ten rekord został w międzyczasie zmieniony przez innego użytkownika. "
            "Twoje zmiany nie zostały zapisane; odśwież dane i wprowadź je ponownie."
        ),
    ) -> None:
        super().__init__(message)


class NotFound(ServiceError):
    pass


class AuthenticationFailed(ServiceError):
    def __init__(self, message: str = "Nieprawidłowa nazwa użytkownika lub hasło.") -> None:
        super().__init__(message)


class AccountLocked(ServiceError):
    pass


class DatabaseBusy(ServiceError):
    """Another program or user holds the database's write lock longer than the short wait
    (e.g. a long import on SQLite); nothing was saved and the action can be retried."""

    def __init__(self, message: str = (
            "Baza danych jest zajęta (inny użytkownik lub program zapisuje właśnie dane). "
            "Nic nie zostało zapisane; spróbuj ponownie za chwilę.")) -> None:
        super().__init__(message)


def field_error(key: str, message: str, label: str | None = None) -> ValidationFailed:
    """Shorthand for a validation failure of a single field."""
    return ValidationFailed([FieldError(key, message, label)])
