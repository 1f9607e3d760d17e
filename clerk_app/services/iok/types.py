"""Plain records of the IOK procedure's services (procedure 1, issue 10)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from clerk_app.domain.cases import ApplicantRole, CaseStatus, Channel
from clerk_app.domain.iok_files import HandoverRow, ResultLine
from clerk_app.domain.iok_stage import IokStage
from clerk_app.services.deadlines.types import DeadlineView
from clerk_app.services.letters.types import LetterResult


@dataclass(frozen=True)
class IokRequestInput:
    """What a clerk edits on the request (the applicant's name and postal address are
    edited in the "Dane" tab)."""

    applicant_role: ApplicantRole
    premises_street: str
    premises_building: str
    premises_flat: str
    contractor_number: str | None
    email: str | None
    phone: str | None
    e_invoice_consent: bool
    signed: bool


@dataclass(frozen=True)
class IokRequestView:
    """The request as the case view shows it, with what it lacks and its target."""

    case_id: int
    signature: str
    status: CaseStatus
    applicant_name: str
    postal_address: str
    channel: Channel | None
    received_on: date
    data: IokRequestInput
    missing: tuple[str, ...]  # Polish labels of what the request lacks
    stage: IokStage
    exported_at: datetime | None
    export_id: int | None
    account_created_on: date | None
    login_sent_on: date | None
    target: DeadlineView | None  # the office's target, with its explanation lines
    reply: DeadlineView | None  # the applicant's reply period while ZGM waits
    version: int  # of the request (iok_requests)
    case_version: int  # of the case (the e-mail and phone live there)
    may_edit: bool  # the actor may save (clerks; counter: own same-day registration)


@dataclass(frozen=True)
class CompletionOutcome:
    """A completion request issued; ``by_email``: it goes as an e-mail attachment."""

    letter: LetterResult
    by_email: bool
    reply_by: date


@dataclass(frozen=True)
class HandoverExport:
    """A hand-over file written: its ``iok_exports`` row and the rows it holds."""

    export_id: int
    file_format: str
    rows: tuple[HandoverRow, ...]


@dataclass(frozen=True)
class ResultReport:
    """What an imported result file did: accounts recorded, lines that matched nothing."""

    recorded: tuple[str, ...]  # case signatures whose account was recorded as created
    already: tuple[str, ...]  # signatures that had the same date already
    unmatched: tuple[tuple[int, str], ...]  # (line, reason)


@dataclass(frozen=True)
class LoginSentOutcome:
    """The case closed after the login data was sent; the confirmation letter if asked."""

    case_id: int
    target_met: bool | None
    confirmation: LetterResult | None


__all__ = ["CompletionOutcome", "HandoverExport", "HandoverRow", "IokRequestInput",
           "IokRequestView", "LoginSentOutcome", "ResultLine", "ResultReport"]
