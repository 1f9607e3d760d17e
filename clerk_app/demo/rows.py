"""Containers for the rows of one batch: plain dicts per table, and the next free ids.

Primary keys are assigned by the generator (:class:`Ids`), so child rows need no
``RETURNING`` and a whole batch can be written with multi-row statements or ``COPY``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table

from clerk_app.persistence.models import (
    AuditEntry,
    Case,
    Deadline,
    DeadlineRedating,
    DeadlineSuspension,
    DepositDecision,
    DepositPetition,
    HouseholdIncome,
    HouseholdMember,
    IncomingItem,
    Instalment,
    InstalmentAgreement,
    IokExport,
    IokRequest,
    Letter,
    PropertyStatement,
)

Row = dict[str, Any]


def table_of(model: Any) -> Table:
    """The Core table behind an ORM model class."""
    return cast(Table, model.__table__)


@dataclass
class Rows:
    """The rows of one batch per table, listed in foreign-key order by :meth:`tables`."""

    cases: list[Row] = field(default_factory=list)
    incoming: list[Row] = field(default_factory=list)
    iok_exports: list[Row] = field(default_factory=list)
    iok: list[Row] = field(default_factory=list)
    deposit: list[Row] = field(default_factory=list)
    statements: list[Row] = field(default_factory=list)
    members: list[Row] = field(default_factory=list)
    incomes: list[Row] = field(default_factory=list)
    agreements: list[Row] = field(default_factory=list)
    instalments: list[Row] = field(default_factory=list)
    deadlines: list[Row] = field(default_factory=list)
    suspensions: list[Row] = field(default_factory=list)
    letters: list[Row] = field(default_factory=list)
    decisions: list[Row] = field(default_factory=list)
    redatings: list[Row] = field(default_factory=list)
    audit: list[Row] = field(default_factory=list)

    def tables(self) -> list[tuple[Table, list[Row]]]:
        """(table, rows) pairs, parents before children."""
        return [
            (table_of(Case), self.cases), (table_of(IncomingItem), self.incoming),
            (table_of(IokExport), self.iok_exports), (table_of(IokRequest), self.iok),
            (table_of(DepositPetition), self.deposit),
            (table_of(PropertyStatement), self.statements),
            (table_of(HouseholdMember), self.members),
            (table_of(HouseholdIncome), self.incomes),
            (table_of(Letter), self.letters), (table_of(DepositDecision), self.decisions),
            (table_of(InstalmentAgreement), self.agreements),
            (table_of(Instalment), self.instalments), (table_of(Deadline), self.deadlines),
            (table_of(DeadlineSuspension), self.suspensions),
            (table_of(DeadlineRedating), self.redatings),
            (table_of(AuditEntry), self.audit),
        ]


@dataclass
class Ids:
    """The next free primary key of each table whose keys the generator assigns."""

    case: int
    incoming: int
    deadline: int
    member: int
    agreement: int
    suspension: int
    letter: int
    decision: int
    redating: int
    audit: int
    iok_export: int
