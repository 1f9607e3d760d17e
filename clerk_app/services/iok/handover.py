"""Hand-over of IOK accounts: the requests ready for an account go to the IOK administrator
in a file (never twice), the administrator's result (contractor number → created on) comes
back, then "login data sent on" closes the case. No password is ever stored or printed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from clerk_app.domain.cases import CaseKind, CaseStatus
from clerk_app.domain.errors import FieldError
from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import Case, IokRequest
from clerk_app.persistence.models_iok import IokExport
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.unit_of_work import read_as, unit_of_work
from clerk_app.services.iok.completion import valid_email
from clerk_app.services.iok.request_rows import missing_labels, request_premises
from clerk_app.services.iok.types import HandoverExport, HandoverRow, ResultLine, ResultReport

FORMATS = ("xlsx", "csv")


def _ready_query() -> Select[Case, IokRequest]:
    return (select(Case, IokRequest).join(IokRequest, IokRequest.case_id == Case.id)
            .where(Case.kind == CaseKind.IOK, Case.status == CaseStatus.REGISTERED,
                   IokRequest.export_id.is_(None), IokRequest.account_created_on.is_(None))
            .order_by(Case.received_on, Case.id))


def _row(case: Case, r: IokRequest) -> HandoverRow:
    return HandoverRow(case.id, case.signature, r.contractor_number or "",
                       f"{case.applicant_first_name} {case.applicant_last_name}".strip(),
                       request_premises(r), valid_email(case) or "", r.e_invoice_consent)


def _ready(session: Session, lock: bool = False) -> list[tuple[Case, IokRequest]]:
    query = _ready_query()
    if lock:
        query = query.with_for_update()
    return [(c, r) for c, r in session.execute(query) if not missing_labels(c, r)]


def ready_requests(ctx: AppContext, actor: Actor) -> list[HandoverRow]:
    """Complete requests not yet handed over, oldest first."""
    with read_as(ctx, actor, Permission.HANDLE_CASE) as session:
        return [_row(c, r) for c, r in _ready(session)]


def export_ready(ctx: AppContext, actor: Actor | None, file_format: str,
                 write: Callable[[Sequence[HandoverRow]], None]) -> HandoverExport:
    """Write the hand-over file of every ready request and mark them exported.

    ``write`` (the caller's: renders the XLSX or CSV and saves it) runs inside the
    transaction: when it fails nothing is marked and the requests stay ready. Nothing
    ready: no file written, no ``iok_exports`` row, ``export_id`` 0. ``actor`` None: the
    command line (a scheduled run as the system).
    """
    if file_format not in FORMATS:
        raise FieldError("out", "Plik przekazania ma rozszerzenie .xlsx albo .csv.")
    permission = Permission.HANDLE_CASE if actor is not None else None
    with unit_of_work(ctx, actor, permission) as work:
        pairs = _ready(work.session, lock=True)
        if not pairs:
            return HandoverExport(0, file_format, ())
        rows = tuple(_row(c, r) for c, r in pairs)
        export = IokExport(created_at=work.now, created_by_id=work.actor.user_id
                           if work.actor else None, file_format=file_format,
                           row_count=len(rows))
        work.session.add(export)
        work.audit_new(export, "export")
        for case, r in pairs:
            r.export_id, r.exported_at = export.id, work.now
            work.audit_changes(r, "iok_export", case_id=case.id)
        work.session.flush()
        write(rows)
        return HandoverExport(export.id, file_format, rows)


def import_results(ctx: AppContext, actor: Actor,
                   lines: Sequence[ResultLine]) -> ResultReport:
    """Record the administrator's result lines: each contractor number of an exported,
    still open request gets its ``account_created_on``; unknown numbers, lines the reader
    could not understand and numbers of several requests are reported, never guessed."""
    recorded: list[str] = []
    already: list[str] = []
    unmatched: list[tuple[int, str]] = []
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        for line in lines:
            if line.problem or line.created_on is None:
                unmatched.append((line.line, line.problem or "brak daty utworzenia konta"))
                continue
            if line.created_on > work.now.date():
                unmatched.append((line.line, "data utworzenia konta jest z przyszłości"))
                continue
            found = list(work.session.execute(
                select(Case, IokRequest).join(IokRequest, IokRequest.case_id == Case.id)
                .where(IokRequest.contractor_number == line.contractor_number,
                       IokRequest.export_id.is_not(None),
                       Case.status.in_([CaseStatus.REGISTERED, CaseStatus.LOGIN_SENT]))
                .with_for_update()))
            if not found:
                unmatched.append((line.line, f"nie ma przekazanego wniosku z numerem "
                                             f"kontrahenta {line.contractor_number}"))
                continue
            if len(found) > 1:
                unmatched.append((line.line, f"numer kontrahenta {line.contractor_number} "
                                             "ma kilka przekazanych wniosków"))
                continue
            case, r = found[0]
            if r.account_created_on == line.created_on:
                already.append(case.signature)
                continue
            r.account_created_on = line.created_on
            work.audit_changes(r, "iok_account_created", case_id=case.id)
            recorded.append(case.signature)
    return ResultReport(tuple(recorded), tuple(already), tuple(unmatched))
