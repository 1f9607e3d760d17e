"""One case: its header and data, editing with a version check, documents and timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.cases import CaseKind, CaseStatus, IncomingKind
from clerk_app.domain.errors import FieldError
from clerk_app.domain.roles import Permission, role_can
from clerk_app.domain.text import fold_for_search
from clerk_app.persistence.models import AuditEntry, Case, IncomingItem, Letter, Scan, User
from clerk_app.services.cases.timeline_text import describe_audit_entry
from clerk_app.services.core.audit_values import resolved_changes
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from clerk_app.services.core.unit_of_work import Work, read_as, unit_of_work
from clerk_app.services.intake.registration import case_search_text
from clerk_app.services.intake.types import SenderInput
from clerk_app.services.intake.validation import validate_registration_sender


@dataclass(frozen=True)
class CaseDetail:
    id: int
    version: int
    signature: str
    kind: CaseKind
    status: CaseStatus
    subject: str
    applicant: SenderInput
    received_on: date
    next_deadline: date | None
    assignee_id: int | None
    assignee: str
    registered_by: str

    @property
    def applicant_name(self) -> str:
        return self.applicant.full_name


@dataclass(frozen=True)
class IncomingDoc:
    id: int
    entry_number: str
    received_at: datetime
    kind: IncomingKind
    subject: str
    scans: tuple[tuple[int, str, str, int], ...]  # (scan id, identifier, filename, size)


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    username: str
    text: str


def read_case_detail(session: Session, case_id: int) -> CaseDetail:
    """The case's header and data, inside the caller's read."""
    c = session.get(Case, case_id)
    if c is None:
        raise NotFound("Nie znaleziono sprawy.")
    names = dict(session.execute(
        select(User.id, User.full_name).where(User.id.in_(
            [i for i in (c.assignee_id, c.registered_by_id) if i]))
    ).all())
    return CaseDetail(
        id=c.id, version=c.version, signature=c.signature, kind=CaseKind(c.kind),
        status=CaseStatus(c.status), subject=c.subject,
        applicant=SenderInput(c.applicant_first_name, c.applicant_last_name,
                              c.applicant_pesel, c.street, c.building, c.flat,
                              c.postal_code, c.city, c.applicant_phone, c.applicant_email),
        received_on=c.received_on, next_deadline=c.next_deadline,
        assignee_id=c.assignee_id, assignee=names.get(c.assignee_id or -1, ""),
        registered_by=names.get(c.registered_by_id, ""),
    )


def get_case(ctx: AppContext, actor: Actor, case_id: int) -> CaseDetail:
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        return read_case_detail(session, case_id)


def update_applicant(
    ctx: AppContext, actor: Actor, case_id: int, version: int, applicant: SenderInput
) -> int:
    """Save the applicant's data; a case changed meanwhile by someone else conflicts.

    Clerks and above correct any case; counter staff only a case they registered themselves,
    on the same day (a typo noticed at the counter). Returns the new version. Nothing is
    saved on a validation error, a refusal or a conflict.
    """
    with unit_of_work(ctx, actor, Permission.REGISTER_ITEM) as work:
        c = work.session.get(Case, case_id)
        if c is None:
            raise NotFound("Nie znaleziono sprawy.")
        check_may_edit_applicant(work, c)
        applicant = validate_registration_sender(applicant,
                                                 lenient_email=c.kind is CaseKind.IOK)
        if c.version != version:
            raise ConflictError()
        c.applicant_first_name, c.applicant_last_name = applicant.first_name, applicant.last_name
        c.applicant_pesel, c.applicant_email = applicant.pesel, applicant.email
        c.applicant_phone = applicant.phone
        c.street, c.building, c.flat = applicant.street, applicant.building, applicant.flat
        c.postal_code, c.city = applicant.postal_code, applicant.city
        c.applicant_sort = fold_for_search(f"{applicant.last_name} {applicant.first_name}")
        c.search_text = case_search_text(c.signature, applicant)
        work.audit_changes(c, "update_applicant", case_id=c.id)
        work.session.flush()
        return c.version


def check_may_edit_applicant(work: Work, case: Case) -> None:
    """Clerks edit any case; counter staff only their own registration of today."""
    assert work.actor is not None
    if role_can(work.actor.role, Permission.HANDLE_CASE):
        return
    registered_today = (case.registered_by_id == work.actor.user_id
                        and case.created_at.astimezone(OFFICE_TZ).date()
                        == work.now.astimezone(OFFICE_TZ).date())
    if not registered_today:
        raise PermissionDenied(
            "Punkt obsługi może poprawić dane wnioskodawcy tylko w sprawie, którą sam "
            "zarejestrował, i tylko tego samego dnia. Poproś o poprawkę referenta.")


def reassign_case(ctx: AppContext, actor: Actor, case_id: int, version: int,
                  assignee_id: int) -> int:
    """Supervisor action: give the case to another clerk."""
    with unit_of_work(ctx, actor, Permission.REASSIGN) as work:
        c = work.session.get(Case, case_id)
        if c is None:
            raise NotFound("Nie znaleziono sprawy.")
        if c.version != version:
            raise ConflictError()
        user = work.session.get(User, assignee_id)
        if user is None or not user.active:
            raise ValidationFailed([FieldError("assignee_id", "Wybierz aktywnego pracownika.")])
        c.assignee_id = assignee_id
        work.audit_changes(c, "reassign", case_id=c.id)
        work.session.flush()
        return c.version


def read_documents(session: Session, case_id: int) -> list[IncomingDoc]:
    """The case's incoming items with their scans, inside the caller's read."""
    items = list(session.scalars(
        select(IncomingItem).where(IncomingItem.case_id == case_id)
        .order_by(IncomingItem.received_at)))
    scans: dict[int, list[tuple[int, str, str, int]]] = {}
    for s in session.scalars(select(Scan).where(Scan.case_id == case_id).order_by(Scan.id)):
        scans.setdefault(s.incoming_item_id, []).append(
            (s.id, s.identifier, s.filename, s.size_bytes))
    return [IncomingDoc(i.id, i.entry_number, i.received_at, i.kind, i.subject,
                        tuple(scans.get(i.id, []))) for i in items]


def case_documents(ctx: AppContext, actor: Actor, case_id: int) -> list[IncomingDoc]:
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        return read_documents(session, case_id)


def read_timeline(session: Session, case_id: int) -> list[TimelineEntry]:
    """The case's audit entries in words, oldest first, inside the caller's read."""
    rows = list(session.scalars(
        select(AuditEntry).where(AuditEntry.case_id == case_id).order_by(AuditEntry.id)))
    return [TimelineEntry(e.at, e.username, describe_audit_entry(e.entity, e.action, changes))
            for e, changes in zip(rows, resolved_changes(session, rows), strict=True)]


def case_timeline(ctx: AppContext, actor: Actor, case_id: int) -> list[TimelineEntry]:
    """The case's audit entries in words, oldest first."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        return read_timeline(session, case_id)


@dataclass(frozen=True)
class IdentifierMatch:
    kind: str  # "case", "letter" or "scan"
    case_id: int
    letter_id: int | None = None


def clean_scanned_text(raw: str) -> str:
    """Strip control characters a barcode scanner may send (e.g. GS, CR)."""
    return "".join(ch for ch in raw if ch.isprintable()).strip()


def _match(session: Session, raw: str) -> IdentifierMatch | None:
    ident = clean_scanned_text(raw)
    if not ident:
        return None
    letter = session.execute(select(Letter.id, Letter.case_id)
                             .where(Letter.identifier == ident)).first()
    if letter is not None:
        return IdentifierMatch("letter", letter.case_id, letter.id)
    scan_case = session.scalar(select(Scan.case_id).where(Scan.identifier == ident))
    if scan_case is not None:
        return IdentifierMatch("scan", scan_case)
    case_id = session.scalar(select(Case.id).where(Case.signature.in_({ident, ident.upper()})))
    return IdentifierMatch("case", case_id) if case_id is not None else None


def find_by_identifier(ctx: AppContext, actor: Actor, raw: str) -> IdentifierMatch | None:
    """What a scanned barcode or typed identifier points at: a letter, a scan or a case."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        return _match(session, raw)


def case_for_identifier(ctx: AppContext, actor: Actor, raw: str) -> CaseDetail | None:
    """The case a typed signature or a scanned letter / scan identifier belongs to (the
    supplement's case picker), in one read; None when nothing has that identifier."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        match = _match(session, raw)
        return read_case_detail(session, match.case_id) if match is not None else None

