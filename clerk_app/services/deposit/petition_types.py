"""Plain records in and out of the petition services (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from clerk_app.domain.cases import ProxyRelation
from clerk_app.domain.deposit_petition import PowerOfAttorneyForm, StampDutyPayment
from clerk_app.domain.petition_checklist import ChecklistLine


@dataclass(frozen=True)
class ProxyInput:
    """The proxy acting for the applicant: letters go to this address."""

    name: str
    address: str
    relation: ProxyRelation | None
    power_of_attorney: PowerOfAttorneyForm | None = None


@dataclass(frozen=True)
class PetitionInput:
    """What the clerk records from the petition; the deposit is computed, never typed.

    ``monthly_rent`` None: not known yet (the checklist then lacks it). Stamp duty: paid on
    a day and in a way, or exempt (proposed from the proxy's relation or the principal's
    exemption; ``stamp_duty_exempt_override`` decides otherwise, with a reason).
    """

    monthly_rent: Decimal | None
    instalments_requested: int
    first_due_on: date | None
    justification: str
    premises_address: str
    signed: bool
    proxy: ProxyInput | None = None
    principal_exempt: bool = False
    stamp_duty_paid_on: date | None = None
    stamp_duty_payment: StampDutyPayment | None = None
    stamp_duty_exempt_override: bool | None = None
    stamp_duty_override_reason: str = ""


@dataclass(frozen=True)
class PetitionView:
    """The petition as recorded, its computed deposit, exemption and checklist."""

    case_id: int
    version: int
    signature: str
    data: PetitionInput
    deposit_amount: Decimal | None
    stamp_duty_exempt_proposed: bool
    stamp_duty_exempt: bool
    power_of_attorney_present: bool
    stamp_duty_paid: bool
    checklist: tuple[ChecklistLine, ...]
