"""The substance of a deposit petition: read it with its checklist, save it version-checked."""

from __future__ import annotations

from sqlalchemy.orm import Session

from clerk_app.domain.cases import CaseKind
from clerk_app.domain.deposit_petition import stamp_duty_exemption
from clerk_app.domain.instalments import deposit_for_rent
from clerk_app.domain.petition_checklist import PetitionRecord, petition_checklist
from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import Case, DepositPetition, PropertyStatement
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, NotFound
from clerk_app.services.core.unit_of_work import read_as, unit_of_work
from clerk_app.services.deposit.petition_types import PetitionInput, PetitionView, ProxyInput
from clerk_app.services.deposit.petition_validation import validate_petition


def _load(session: Session, case_id: int) -> tuple[Case, DepositPetition]:
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
    case, p = _load(session, case_id)
    statement = session.get(PropertyStatement, case_id)
    exemption = stamp_duty_exemption(p.proxy_relation, p.principal_exempt,
                                     p.stamp_duty_exempt_override,
                                     p.stamp_duty_override_reason)
    record = PetitionRecord(
        signed=p.petition_signed,
        statement_present=p.has_property_statement or statement is not None,
        statement_signed=statement is not None and statement.signed_on is not None,
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


def petition_form(ctx: AppContext, actor: Actor, case_id: int) -> PetitionView:
    """The petition of a deposit case with its checklist (no household finances)."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        return read_petition(session, case_id)


def _store(p: DepositPetition, data: PetitionInput) -> None:
    rent = data.monthly_rent
    p.monthly_rent = rent
    p.deposit_amount = deposit_for_rent(rent) if rent is not None else None
    p.instalments_requested = data.instalments_requested
    p.first_due_on = data.first_due_on
    p.justification = data.justification
    p.premises_address = data.premises_address
    p.petition_signed = data.signed
    proxy = data.proxy
    p.by_proxy = proxy is not None
    p.proxy_name = proxy.name if proxy else None
    p.proxy_address = proxy.address if proxy else ""
    p.proxy_relation = proxy.relation if proxy else None
    p.power_of_attorney_form = proxy.power_of_attorney if proxy else None
    p.has_power_of_attorney = p.power_of_attorney_form is not None
    p.principal_exempt = data.principal_exempt if proxy else False
    p.stamp_duty_paid_on = data.stamp_duty_paid_on
    p.stamp_duty_payment = data.stamp_duty_payment
    p.stamp_duty_paid = data.stamp_duty_paid_on is not None
    exemption = stamp_duty_exemption(proxy.relation if proxy else None, p.principal_exempt,
                                     data.stamp_duty_exempt_override,
                                     data.stamp_duty_override_reason)
    p.stamp_duty_exempt_override = exemption.override if proxy else None
    p.stamp_duty_override_reason = exemption.reason if proxy else ""


def save_petition(ctx: AppContext, actor: Actor, case_id: int, version: int,
                  data: PetitionInput) -> int:
    """Save the petition's substance; returns its new version.

    Every bad field is reported at once (``ValidationFailed``); a petition changed meanwhile
    conflicts (``ConflictError``). Either way nothing is saved. The audit row is written in
    the same transaction.
    """
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case, p = _load(work.session, case_id)
        today = ctx.today()
        data = validate_petition(data, case.received_on, today)
        if p.version != version:
            raise ConflictError()
        _store(p, data)
        work.audit_changes(p, "update_petition", case_id=case_id)
        work.session.flush()
        return p.version
