"""Registering an incoming item: a register entry, a new case or a supplement, and scans.

Everything happens in one transaction: a registration that fails halfway leaves no case, no
register entry, no scan and no used number.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from clerk_app.domain.cases import CaseKind, CaseStatus, Channel, IncomingKind
from clerk_app.domain.checklists import IokRequestFacts
from clerk_app.domain.errors import FieldError
from clerk_app.domain.instalments import deposit_for_rent
from clerk_app.domain.iok_stage import iok_missing, premises_line
from clerk_app.domain.petition_checklist import PetitionItem
from clerk_app.domain.roles import Permission
from clerk_app.domain.text import fold_for_search
from clerk_app.persistence.models import Case, DepositPetition, IncomingItem, IokRequest, User
from clerk_app.services.admin.settings import read_settings
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.core.numbering import allocate_register_number, allocate_signature
from clerk_app.services.core.unit_of_work import Work, read_as, unit_of_work
from clerk_app.services.deadlines.actions import start_initial_deadlines
from clerk_app.services.deposit.completion import apply_supplement
from clerk_app.services.deposit.decisions import reopen_for_reconsideration
from clerk_app.services.deposit.workflow_common import missing_of
from clerk_app.services.intake.scans import check_scan_file, known_hashes, store_scan
from clerk_app.services.intake.types import (
    DuplicateHint,
    RegistrationInput,
    RegistrationResult,
    SenderInput,
)
from clerk_app.services.intake.validation import validate_registration

CASE_KIND_OF = {IncomingKind.IOK_REQUEST: CaseKind.IOK,
                IncomingKind.DEPOSIT_PETITION: CaseKind.DEPOSIT}


def case_search_text(signature: str, s: SenderInput) -> str:
    """What the case list's search box looks through, folded (no case, no diacritics).

    It starts with the signature: a signature prefix is searched as a prefix of this text.
    """
    parts = [signature, s.first_name, s.last_name, s.street, s.building, s.flat, s.city,
             s.pesel or "", s.email or ""]
    return fold_for_search(" ".join(p for p in parts if p))


def _open_case(work: Work, data: RegistrationInput,
               kind: CaseKind) -> tuple[Case, tuple[PetitionItem, ...]]:
    settings = read_settings(work.session)
    received_on = data.received_at.astimezone(OFFICE_TZ).date()
    allocated = allocate_signature(work.session, settings, kind, received_on.year)
    s = data.sender
    case = Case(
        signature=allocated.signature, unit_symbol=allocated.unit_symbol,
        jrwa_class=allocated.jrwa_class, number=allocated.number, year=allocated.year,
        kind=kind, status=CaseStatus.REGISTERED, subject=data.subject,
        applicant_first_name=s.first_name, applicant_last_name=s.last_name,
        applicant_sort=fold_for_search(f"{s.last_name} {s.first_name}"),
        applicant_pesel=s.pesel, applicant_email=s.email, applicant_phone=s.phone,
        street=s.street, building=s.building, flat=s.flat, postal_code=s.postal_code,
        city=s.city, search_text=case_search_text(allocated.signature, s),
        received_on=received_on, assignee_id=data.assignee_id,
        registered_by_id=work.actor.user_id if work.actor else None,
        created_at=work.now,
    )
    work.session.add(case)
    work.session.flush()
    if kind == CaseKind.IOK and data.iok is not None:
        d = data.iok
        work.session.add(IokRequest(
            case_id=case.id, applicant_role=d.applicant_role,
            contractor_number=d.contractor_number, e_invoice_consent=d.e_invoice_consent,
            signed=d.signed, filed_place=data.channel.value, legacy_account=d.legacy_account,
            premises_street=d.premises_street, premises_building=d.premises_building,
            premises_flat=d.premises_flat,
        ))
    elif kind == CaseKind.DEPOSIT and data.deposit is not None:
        p = data.deposit
        work.session.add(DepositPetition(
            case_id=case.id, monthly_rent=p.monthly_rent,
            deposit_amount=deposit_for_rent(p.monthly_rent),
            instalments_requested=p.instalments_requested, justification=p.justification,
            has_petition_form=True, has_property_statement=p.has_property_statement,
            by_proxy=p.by_proxy, proxy_name=p.proxy_name,
            proxy_relation=p.proxy_relation,
            has_power_of_attorney=p.has_power_of_attorney,
            principal_exempt=p.principal_exempt, stamp_duty_paid=p.stamp_duty_paid,
            premises_address=p.premises_address or s.address_line,
            proxy_address=(p.proxy_address or "").strip() if p.by_proxy else "",
        ))
    work.audit_new(case, "register", case_id=case.id)
    missing: tuple[PetitionItem, ...] = ()
    if kind == CaseKind.DEPOSIT and data.deposit is not None:
        missing = missing_of(work.session, case.id)
    start_initial_deadlines(work, case, complete=kind == CaseKind.DEPOSIT
                            and data.deposit is not None and not missing)
    return case, missing


def _follow_up(work: Work, data: RegistrationInput, case: Case,
               item: IncomingItem) -> tuple[tuple[str, ...], tuple[PetitionItem, ...]]:
    """A supplement completes a deposit petition; a reconsideration request reopens a
    refused case. Returns warnings and what the petition still lacks."""
    if CaseKind(case.kind) is not CaseKind.DEPOSIT:
        return (), ()
    if data.kind is IncomingKind.SUPPLEMENT:
        if not CaseStatus(case.status).is_open:
            return ("Sprawa jest zakończona: uzupełnienie zarejestrowano bez skutku dla "
                    "sprawy.",), ()
        if work.session.get(DepositPetition, case.id) is None:
            return (), ()
        apply_supplement(work, case, item, data.supplement_items)
        return (), missing_of(work.session, case.id)
    received_on = item.received_at.astimezone(OFFICE_TZ).date()
    if (data.kind is IncomingKind.RECONSIDERATION
            and not reopen_for_reconsideration(work, case, received_on)):
        return ("Sprawa nie została zakończona odmową: podania nie potraktowano jako "
                "wniosku o ponowne rozpatrzenie.",), ()
    return (), ()


def _check_assignee(session: Session, assignee_id: int | None) -> None:
    if assignee_id is None:
        return
    user = session.get(User, assignee_id)
    if user is None or not user.active:
        raise FieldError("assignee_id", "Wybrany pracownik nie istnieje lub jest nieaktywny.")


def register_item(ctx: AppContext, actor: Actor, data: RegistrationInput) -> RegistrationResult:
    """Register an incoming item; an IOK request or deposit petition opens a case."""
    data = validate_registration(data)
    with unit_of_work(ctx, actor, Permission.REGISTER_ITEM) as work:
        settings = read_settings(work.session)
        _check_assignee(work.session, data.assignee_id)
        checks = []
        for upload in data.scans:
            try:
                checks.append(check_scan_file(upload.path, settings.scan_max_mb * 1048576,
                                              upload.name))
            except FieldError as exc:
                raise ValidationFailed([exc]) from exc
        kind = CASE_KIND_OF.get(data.kind)
        case_id = data.case_id
        signature: str | None = None
        missing: tuple[PetitionItem, ...] = ()
        case_row: Case | None = None
        if kind is not None:
            case, missing = _open_case(work, data, kind)
            case_id, signature = case.id, case.signature
        elif case_id is not None:
            case_row = work.session.get(Case, case_id, with_for_update=True)
            if case_row is None:
                raise FieldError("case_id", "Nie znaleziono sprawy, do której należy pismo.")
            signature = case_row.signature
        year = data.received_at.astimezone(OFFICE_TZ).year
        number, entry = allocate_register_number(work.session, settings, year)
        s = data.sender
        item = IncomingItem(
            register_year=year, register_number=number, entry_number=entry,
            received_at=data.received_at, channel=data.channel, posted_on=data.posted_on,
            kind=data.kind, sender_name=s.full_name, sender_pesel=s.pesel,
            sender_address=s.address_line, sender_phone=s.phone, sender_email=s.email,
            sender_reference=data.sender_reference,
            sender_reference_date=data.sender_reference_date, subject=data.subject,
            attachments_count=data.attachments_count, assigned_to_id=data.assignee_id,
            registered_by_id=actor.user_id, case_id=case_id, remarks=data.remarks,
        )
        work.session.add(item)
        work.audit_new(item, "register", case_id=case_id)
        follow_warnings: tuple[str, ...] = ()
        if case_row is not None:
            follow_warnings, missing = _follow_up(work, data, case_row, item)
        duplicates = known_hashes(work.session, [c.sha256 for c in checks])
        warnings = tuple(
            f"Plik „{u.name}” był już dołączony jako {duplicates[c.sha256]}."
            for u, c in zip(data.scans, checks, strict=True) if c.sha256 in duplicates
        )
        scan_ids = []
        for upload, check in zip(data.scans, checks, strict=True):
            scan = store_scan(work.session, upload.path, check, upload.name, item.id, case_id,
                              actor.user_id, work.now)
            work.audit("scans", scan.id, "attach",
                       {"filename": [None, scan.filename], "sha256": [None, check.sha256]},
                       case_id=case_id)
            scan_ids.append(scan.id)
        iok_missing = _iok_missing(data) if kind is CaseKind.IOK else ()
        if iok_missing:
            follow_warnings += ("Wniosek zarejestrowano jako niekompletny: "
                                + "; ".join(iok_missing) + ".",)
        return RegistrationResult(item.id, entry, case_id, signature, tuple(scan_ids),
                                  warnings + follow_warnings, missing, iok_missing)


def _iok_missing(data: RegistrationInput) -> tuple[str, ...]:
    d = data.iok
    assert d is not None
    facts = IokRequestFacts(data.sender.email, d.signed, data.sender.full_name,
                            premises_line(d.premises_street, d.premises_building,
                                          d.premises_flat))
    return tuple(item.label for item in iok_missing(facts))


def find_possible_duplicates(
    ctx: AppContext, actor: Actor, kind: IncomingKind, sender: SenderInput, limit: int = 10
) -> list[DuplicateHint]:
    """Open cases of the same kind with the same PESEL, name and address, or e-mail."""
    case_kind = CASE_KIND_OF.get(kind)
    if case_kind is None:
        return []
    conditions = []
    if sender.pesel:
        conditions.append(Case.applicant_pesel == sender.pesel.strip())
    if sender.email:
        conditions.append(Case.applicant_email == sender.email.strip().lower())
    name_sort = fold_for_search(f"{sender.last_name} {sender.first_name}")
    if sender.last_name.strip() and sender.street.strip():
        conditions.append((Case.applicant_sort == name_sort)
                          & (Case.street == sender.street.strip())
                          & (Case.building == sender.building.strip()))
    if not conditions:
        return []
    closed = [CaseStatus.CLOSED]
    query = (select(Case).where(Case.kind == case_kind, Case.status.not_in(closed),
                                or_(*conditions)).order_by(Case.id.desc()).limit(limit))
    hints = []
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        for c in session.scalars(query):
            reasons = []
            if sender.pesel and c.applicant_pesel == sender.pesel.strip():
                reasons.append("ten sam PESEL")
            if sender.email and c.applicant_email == (sender.email or "").strip().lower():
                reasons.append("ten sam e-mail")
            if c.applicant_sort == name_sort and c.street == sender.street.strip():
                reasons.append("to samo imię, nazwisko i adres")
            address = f"ul. {c.street} {c.building}" + (f"/{c.flat}" if c.flat else "")
            hints.append(DuplicateHint(c.id, c.signature,
                                       f"{c.applicant_first_name} {c.applicant_last_name}",
                                       address, ", ".join(reasons)))
    return hints


__all__ = ["Channel", "find_possible_duplicates", "register_item"]
