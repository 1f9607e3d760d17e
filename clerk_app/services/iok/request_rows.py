"""The rows of an IOK request and the facts its completeness is judged from."""

from __future__ import annotations

from sqlalchemy.orm import Session

from clerk_app.domain.cases import CaseKind
from clerk_app.domain.checklists import IokRequestFacts
from clerk_app.domain.iok_stage import iok_missing, premises_line
from clerk_app.persistence.models import Case, IokRequest
from clerk_app.services.core.errors import NotFound


def load_request(session: Session, case_id: int, lock: bool = False) -> tuple[Case, IokRequest]:
    """The IOK case and its request row (NotFound otherwise)."""
    case = session.get(Case, case_id, with_for_update=lock)
    request = session.get(IokRequest, case_id, with_for_update=lock) if case else None
    if case is None or request is None or CaseKind(case.kind) is not CaseKind.IOK:
        raise NotFound("Nie znaleziono wniosku o konto IOK.")
    return case, request


def request_facts(case: Case, r: IokRequest) -> IokRequestFacts:
    """What the completeness check looks at."""
    name = f"{case.applicant_first_name} {case.applicant_last_name}".strip()
    return IokRequestFacts(case.applicant_email, r.signed, name,
                           premises_line(r.premises_street, r.premises_building,
                                         r.premises_flat))


def missing_labels(case: Case, r: IokRequest) -> tuple[str, ...]:
    """Polish labels of what the request lacks (empty: complete)."""
    return tuple(item.label for item in iok_missing(request_facts(case, r)))


def request_premises(r: IokRequest) -> str:
    """The premises as one line (empty when unknown)."""
    return premises_line(r.premises_street, r.premises_building, r.premises_flat) or ""
