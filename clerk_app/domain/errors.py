"""Domain-level validation errors carrying the offending field's name."""

from __future__ import annotations


class FieldError(ValueError):
    """Invalid value of one named field; ``message`` is Polish and shown to the user."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
