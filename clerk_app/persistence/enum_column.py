"""A string column that reads and writes a ``StrEnum``: the enum's value is stored."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import String, TypeDecorator
from sqlalchemy.engine import Dialect

E = TypeVar("E", bound=StrEnum)


class EnumText(TypeDecorator[E]):
    """``VARCHAR(length)`` holding ``enum``'s values; rows read back as enum members.

    The schema is a plain string column (no database enum type, no check constraint), so
    switching a column to this type needs no migration. Writing accepts a member or its value
    and refuses anything else; a stored value the enum does not know raises on reading.
    """

    impl = String
    cache_ok = True

    def __init__(self, enum: type[E], length: int) -> None:
        super().__init__(length)
        self.enum = enum
        self._members: dict[str, E] = {member.value: member for member in enum}
        self._values: dict[str, str] = {member.value: member.value for member in enum}

    @property
    def python_type(self) -> type[E]:
        return self.enum

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        stored = self._values.get(value)  # a member hashes and compares as its value
        if stored is None:
            raise ValueError(f"{value!r} is not a {self.enum.__name__} value")
        return stored

    def process_result_value(self, value: Any, dialect: Dialect) -> E | None:
        if value is None:
            return None
        member = self._members.get(value)
        if member is None:
            raise ValueError(f"{value!r} stored in the database is not a "
                             f"{self.enum.__name__} value")
        return member
