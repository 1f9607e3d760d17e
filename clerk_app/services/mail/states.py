"""Where the letters of a case stand with e-mail: the address they would go to, and each
letter's sent time, Message-ID or last error (for the case view's letters tab)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import Case, DepositPetition, Letter
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import NotFound
from clerk_app.services.core.unit_of_work import read_as


@dataclass(frozen=True)
class LetterEmailState:
    letter_id: int
    sent_at: datetime | None
    message_id: str
    error: str

    @property
    def failed(self) -> bool:
        return self.sent_at is None and bool(self.error)


@dataclass(frozen=True)
class CaseEmailStates:
    """``address``: where the case's letters go by e-mail ("" when they cannot: no address,
    or a proxy without one); ``letters`` by letter id."""

    case_id: int
    address: str
    letters: dict[int, LetterEmailState] = field(default_factory=dict)

    def of(self, letter_id: int) -> LetterEmailState | None:
        return self.letters.get(letter_id)


def addressed_to_proxy(session: Session, case: Case) -> bool:
    """The case's letters go to a proxy (KPA art. 40 § 2), whose e-mail is not recorded."""
    petition = session.get(DepositPetition, case.id)
    return petition is not None and petition.by_proxy and bool(
        (petition.proxy_name or "").strip())


def case_email_states(ctx: AppContext, actor: Actor, case_id: int) -> CaseEmailStates:
    """The e-mail side of the case's letters, in one read."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound("Nie znaleziono sprawy.")
        address = "" if addressed_to_proxy(session, case) else (
            case.applicant_email or "").strip()
        rows = session.execute(select(
            Letter.id, Letter.email_sent_at, Letter.email_message_id, Letter.email_error)
            .where(Letter.case_id == case_id))
        return CaseEmailStates(case_id, address, {
            r.id: LetterEmailState(r.id, r.email_sent_at, r.email_message_id or "",
                                   r.email_error or "") for r in rows})
