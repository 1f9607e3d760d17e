"""Domain-level validation errors naming the offending field by its stable key."""

from __future__ import annotations

from clerk_app.domain.field_labels import field_label


class FieldError(ValueError):
    """Invalid value of one field.

    ``key`` names the field for programs (snake_case English, e.g. ``received_at``: the UI
    focuses its input by it); ``message`` is Polish and shown to the user, and ``label`` is
    the field's Polish name for people: the one given, else the one in the field-label table.
    """

    def __init__(self, key: str, message: str, label: str | None = None) -> None:
        self.key = key
        self.message = message
        self._label = label
        super().__init__(f"{self.label}: {message}")

    @property
    def label(self) -> str:
        return self._label if self._label is not None else field_label(self.key)
