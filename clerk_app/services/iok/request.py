"""The IOK request in the case view: read it with what it lacks and its target, save it
version-checked; a save that completes a request waiting for the applicant resumes the
office's target."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from clerk_app.domain.cases import ApplicantRole, CaseStatus, Channel, DeadlineKind
from clerk_app.domain.iok_stage import (
    IokProgress,
    iok_missing,
    iok_stage,
    premises_line,
)
from clerk_app.domain.roles import Permission, role_can
from clerk_app.persistence.models import Case, IokRequest
from clerk_app.services.cases.detail import check_may_edit_applicant
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.errors import ConflictError, PermissionDenied
from clerk_app.services.core.unit_of_work import Work, read_as, unit_of_work
from clerk_app.services.deadlines.queries import read_case_deadlines
from clerk_app.services.deadlines.types import DeadlineView
from clerk_app.services.intake.types import IokDetailsInput, SenderInput
from clerk_app.services.intake.validation import validate_iok_details, validate_registration_sender
from clerk_app.services.iok.completion import complete_if_ready
from clerk_app.services.iok.request_rows import load_request, request_facts
from clerk_app.services.iok.types import IokRequestInput, IokRequestView


def _channel(value: str) -> Channel | None:
    try:
        return Channel(value)
    except ValueError:
        return None


def read_request(session: Session, case_id: int, actor: Actor,
                 today: date) -> IokRequestView:
    """The request's view inside the caller's read transaction."""
    case, r = load_request(session, case_id)
    status = CaseStatus(case.status)
    deadlines = read_case_deadlines(session, case_id)

    def last(kind: DeadlineKind) -> DeadlineView | None:
        return next((d for d in reversed(deadlines) if d.kind is kind), None)

    facts = request_facts(case, r)
    stage = iok_stage(IokProgress(facts, status is CaseStatus.AWAITING_COMPLETION,
                                  not status.is_open, r.export_id is not None,
                                  r.account_created_on, r.login_sent_on))
    data = IokRequestInput(
        ApplicantRole(r.applicant_role), r.premises_street, r.premises_building,
        r.premises_flat, r.contractor_number, case.applicant_email, case.applicant_phone,
        r.e_invoice_consent, r.signed)
    return IokRequestView(
        case_id=case.id, signature=case.signature, status=status,
        applicant_name=f"{case.applicant_first_name} {case.applicant_last_name}".strip(),
        postal_address=", ".join(p for p in (premises_line(case.street, case.building,
                                                           case.flat) or "",
                                             f"{case.postal_code} {case.city}".strip()) if p),
        channel=_channel(r.filed_place), received_on=case.received_on, data=data,
        missing=tuple(i.label for i in iok_missing(facts)), stage=stage,
        exported_at=r.exported_at, export_id=r.export_id,
        account_created_on=r.account_created_on, login_sent_on=r.login_sent_on,
        target=last(DeadlineKind.IOK_TARGET), reply=last(DeadlineKind.IOK_REPLY),
        version=r.version, case_version=case.version,
        may_edit=status.is_open and _may_edit(actor, case, today))


def _may_edit(actor: Actor, case: Case, today: date) -> bool:
    if role_can(actor.role, Permission.HANDLE_CASE):
        return True
    return (role_can(actor.role, Permission.REGISTER_ITEM)
            and case.registered_by_id == actor.user_id
            and case.created_at.astimezone(OFFICE_TZ).date() == today)


def iok_request(ctx: AppContext, actor: Actor, case_id: int) -> IokRequestView:
    """The IOK request of a case (any staff member may look)."""
    with read_as(ctx, actor, Permission.VIEW_CASES, snapshot=True) as session:
        return read_request(session, case_id, actor, ctx.today())


def _validated(case: Case, data: IokRequestInput) -> IokRequestInput:
    sender = SenderInput(case.applicant_first_name, case.applicant_last_name,
                         phone=data.phone, email=data.email)
    checked = validate_registration_sender(sender, lenient_email=True)
    d = validate_iok_details(IokDetailsInput(
        data.applicant_role, data.contractor_number, data.e_invoice_consent, data.signed,
        premises_street=data.premises_street, premises_building=data.premises_building,
        premises_flat=data.premises_flat))
    return IokRequestInput(data.applicant_role, d.premises_street, d.premises_building,
                           d.premises_flat, d.contractor_number, checked.email,
                           checked.phone, data.e_invoice_consent, data.signed)


def _store(work: Work, case: Case, r: IokRequest, data: IokRequestInput) -> None:
    r.applicant_role = data.applicant_role
    r.premises_street, r.premises_building = data.premises_street, data.premises_building
    r.premises_flat, r.contractor_number = data.premises_flat, data.contractor_number
    r.e_invoice_consent, r.signed = data.e_invoice_consent, data.signed
    work.audit_changes(r, "update_iok_request", case_id=case.id)
    if (case.applicant_email, case.applicant_phone) != (data.email, data.phone):
        case.applicant_email, case.applicant_phone = data.email, data.phone
        work.audit_changes(case, "update_iok_request", case_id=case.id)


def save_request(ctx: AppContext, actor: Actor, case_id: int, version: int,
                 case_version: int, data: IokRequestInput) -> IokRequestView:
    """Save the request; a request or case changed meanwhile conflicts, nothing is saved.

    Clerks edit any open request; counter staff only one they registered themselves on the
    same day. When the saved request is complete while ZGM waits for the applicant, the
    completion is recorded today and the target resumes.
    """
    with unit_of_work(ctx, actor, Permission.REGISTER_ITEM) as work:
        case, r = load_request(work.session, case_id, lock=True)
        check_may_edit_applicant(work, case)
        if not CaseStatus(case.status).is_open:
            raise PermissionDenied("Sprawa jest zakończona: wniosku nie można już zmienić.")
        data = _validated(case, data)
        if r.version != version or case.version != case_version:
            raise ConflictError()
        _store(work, case, r, data)
        work.session.flush()
        today = work.now.astimezone(OFFICE_TZ).date()
        complete_if_ready(work, case, r, today)
        work.session.flush()
        assert work.actor is not None
        return read_request(work.session, case_id, work.actor, today)
