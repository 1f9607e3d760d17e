"""What the person reads when something failed: a service's own Polish message, or for a
fault of the program a generic sentence (its traceback goes to the log, not on screen)."""

from __future__ import annotations

from clerk_app.app_log import log_incident
from clerk_app.domain.errors import FieldError
from clerk_app.services.core.errors import ServiceError, ValidationFailed
from clerk_app.ui.qt_helpers import translate


def user_message(error: BaseException) -> str:
    """What the person reads about ``error``: never a traceback or technical text. A fault
    of the program is logged (once) under an incident number the message gives."""
    if isinstance(error, ServiceError):
        return error.message
    if isinstance(error, FieldError):
        return ValidationFailed([error]).message
    number = log_incident(error)
    return translate("operations", "Wystąpił nieoczekiwany błąd i czynność nie została "
                                   "wykonana. Spróbuj ponownie; jeśli błąd się powtórzy, "
                                   "powiadom administratora, podając numer zgłoszenia "
                                   "{0}.").format(number)


def is_expected(error: BaseException) -> bool:
    """A refusal the services explain in Polish (not a fault of the program)."""
    return isinstance(error, ServiceError | FieldError)
