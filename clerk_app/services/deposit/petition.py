"""The substance of a deposit petition: read it with its checklist, save it version-checked."""

from __future__ import annotations

from clerk_app.domain.deposit_petition import stamp_duty_exemption
from clerk_app.domain.errors import FieldError
from clerk_app.domain.instalments import deposit_for_rent
from clerk_app.domain.money import check_rent_ceiling
from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import DepositPetition
from clerk_app.services.admin.settings import read_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, ValidationFailed
from clerk_app.services.core.unit_of_work import read_as, unit_of_work
from clerk_app.services.deposit.completion import completion_date, evaluate_completion
from clerk_app.services.deposit.petition_read import load_petition, read_petition
from clerk_app.services.deposit.petition_types import PetitionInput, PetitionView
from clerk_app.services.deposit.petition_validation import validate_petition


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
    the same transaction. A petition completed by the edit is re-evaluated at once
    (:func:`~clerk_app.services.deposit.completion.evaluate_completion`).
    """
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case, p = load_petition(work.session, case_id)
        today = ctx.today()
        data = validate_petition(data, case.received_on, today)
        try:
            check_rent_ceiling(data.monthly_rent, read_settings(work.session).rent_ceiling)
        except FieldError as exc:
            raise ValidationFailed([exc]) from None
        if p.version != version:
            raise ConflictError()
        _store(p, data)
        work.audit_changes(p, "update_petition", case_id=case_id)
        work.session.flush()
        evaluate_completion(work, case, completion_date(work, case))
        work.session.flush()
        return p.version

__all__ = ["petition_form", "read_petition", "save_petition"]
