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
    """One or more fields are invalid; nothing was saved."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors = list(errors)
        lines = [f"Pole „{e.field}”: {e.message}" for e in self.errors]
        super().__init__("\n".join(lines))

    @property
    def fields(self) -> list[str]:
        return [e.field for e in self.errors]


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


def field_error(field: str, message: str) -> ValidationFailed:
    """Shorthand for a validation failure of a single field."""
    return ValidationFailed([FieldError(field, message)])
