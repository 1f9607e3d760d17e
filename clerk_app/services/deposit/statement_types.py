"""Plain records in and out of the property-statement services (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from clerk_app.domain.household import HouseholdTotals


@dataclass(frozen=True)
class IncomeInput:
    """One monthly income of a member, by source (e.g. "umowa o pracę")."""

    source: str
    amount: Decimal


@dataclass(frozen=True)
class MemberInput:
    """A household member; the PESEL is optional, the birth date follows from it if given."""

    full_name: str
    relation: str
    pesel: str | None = None
    birth_date: date | None = None
    incomes: tuple[IncomeInput, ...] = ()


@dataclass(frozen=True)
class StatementInput:
    """The property statement as the clerk records it (attachment no. 2 of the card)."""

    signed_on: date | None
    members: tuple[MemberInput, ...]
    real_estate: str = ""
    vehicles: str = ""
    savings: Decimal = Decimal("0.00")
    other_assets: str = ""
    debts: Decimal = Decimal("0.00")
    debts_description: str = ""
    remarks: str = ""


@dataclass(frozen=True)
class StatementForm:
    """The statement of a case with its totals; ``version`` 0: none recorded yet."""

    case_id: int
    signature: str
    version: int
    recorded: bool
    data: StatementInput
    totals: HouseholdTotals


@dataclass(frozen=True)
class StatementViewer:
    """One opening of a property statement: who and when."""

    viewed_at: datetime
    username: str
    full_name: str


EMPTY_STATEMENT = StatementInput(signed_on=None, members=())
