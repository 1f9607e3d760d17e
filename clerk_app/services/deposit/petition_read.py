"""Reading a deposit petition with its checklist, inside the caller's transaction."""

from __future__ import annotations

from sqlalchemy.orm import Session

from clerk_app.domain.cases import CaseKind
from clerk_app.domain.deposit_petition import stamp_duty_exemption
from clerk_app.domain.petition_checklist import PetitionRecord, petition_checklist
from clerk_app.persistence.models import Case, DepositPetition, PropertyStatement
from clerk_app.services.core.errors import NotFound
from clerk_app.services.deposit.petition_types import PetitionInput, PetitionView, ProxyInput


def load_petition(session: Session, case_id: int) -> tuple[Case, DepositPetition]:
    case = session.get(Case, case_id)
    if case is None or case.kind is not CaseKind.DEPOSIT:
        raise NotFound("Nie znaleziono sprawy prośby o rozłożenie kaucji na raty.")
    petition = session.get(DepositPetition, case_id)
    if petition is None:
        raise NotFound("Sprawa nie ma zapisanej prośby o rozłożenie kaucji na raty.")
    return case, petition


def _input(p: DepositPetition) -> PetitionInput:
    proxy = None
    if p.by_proxy:
        proxy = ProxyInput(p.proxy_name or "", p.proxy_address, p.proxy_relation,
                           p.power_of_attorney_form)
    return PetitionInput(
        monthly_rent=p.monthly_rent, instalments_requested=p.instalments_requested,
        first_due_on=p.first_due_on, justification=p.justification,
        premises_address=p.premises_address, signed=p.petition_signed, proxy=proxy,
        principal_exempt=p.principal_exempt, stamp_duty_paid_on=p.stamp_duty_paid_on,
        stamp_duty_payment=p.stamp_duty_payment,
        stamp_duty_exempt_override=p.stamp_duty_exempt_override,
        stamp_duty_override_reason=p.stamp_duty_override_reason,
    )


def read_petition(session: Session, case_id: int) -> PetitionView:
    """The petition, its deposit, exemption and checklist, inside the caller's read."""
    case, p = load_petition(session, case_id)
    statement = session.get(PropertyStatement, case_id)
    exemption = stamp_duty_exemption(p.proxy_relation, p.principal_exempt,
                                     p.stamp_duty_exempt_override,
                                     p.stamp_duty_override_reason)
    record = PetitionRecord(
        signed=p.petition_signed,
        statement_present=statement is not None,
        statement_signed=statement is not None and statement.signed_on is not None,
        statement_on_paper=p.has_property_statement,
        by_proxy=p.by_proxy, power_of_attorney=p.has_power_of_attorney,
        stamp_duty_exempt=exemption.exempt, stamp_duty_paid=p.stamp_duty_paid,
        monthly_rent=p.monthly_rent,
    )
    return PetitionView(
        case_id=case.id, version=p.version, signature=case.signature, data=_input(p),
        deposit_amount=p.deposit_amount, stamp_duty_exempt_proposed=exemption.proposed,
        stamp_duty_exempt=exemption.exempt, power_of_attorney_present=p.has_power_of_attorney,
        stamp_duty_paid=p.stamp_duty_paid, checklist=petition_checklist(record),
    )
