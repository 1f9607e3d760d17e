"""ZGM's letters of an IOK request that the letter services issue inside their own unit of
work: the request for completion (regulamin IOK, never a KPA summons)."""

from __future__ import annotations

from datetime import date

from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import CaseKind, CaseStatus, check_transition
from clerk_app.domain.iok_letter_texts import (
    IokCompletionContent,
    ZgmSignature,
    iok_completion_body,
)
from clerk_app.domain.letter_kinds import DeliveryMethod, LetterKind
from clerk_app.persistence.models import Case, Letter
from clerk_app.services.admin.settings import OfficeSettings, read_settings
from clerk_app.services.core.unit_of_work import Work
from clerk_app.services.deadlines.actions import office_today
from clerk_app.services.deadlines.days_off import calendar_for
from clerk_app.services.deadlines.events import EventFacts, apply_event
from clerk_app.services.letters.case_letter import issue_case_letter
from clerk_app.services.letters.types import LetterResult


def issue_iok_completion(work: Work, case: Case, items: tuple[str, ...],
                         by_email: bool) -> tuple[Letter, LetterResult, date]:
    """Inside an open unit of work: ZGM's request to complete an IOK request (regulamin
    IOK, no KPA), the case waiting for the applicant, the target stopped and the reply
    period (``iok_reply_days``) started today. Returns the letter and the reply date."""
    status = CaseStatus(case.status)
    if status is not CaseStatus.AWAITING_COMPLETION:
        check_transition(CaseKind.IOK, status, CaseStatus.AWAITING_COMPLETION)
        case.status = CaseStatus.AWAITING_COMPLETION
        work.audit_changes(case, "iok_completion", case_id=case.id)
    settings = read_settings(work.session)
    cal = calendar_for(work.session)
    today = office_today(work)
    reply_by = cal.add_days(today, settings.iok_reply_days, "").result
    content = IokCompletionContent(case.received_on, items, settings.iok_reply_days,
                                   reply_by, zgm_signature(settings))
    letter, result = issue_case_letter(
        work, case, LetterKind.IOK_COMPLETION, lambda _s, _t: iok_completion_body(content),
        {"missing": list(items), "days": settings.iok_reply_days,
         "reply_by": reply_by.isoformat()})
    if by_email:
        letter.delivery_method = DeliveryMethod.EMAIL
    apply_event(work, cal, case, CaseEvent.IOK_COMPLETION_REQUESTED, today,
                EventFacts(letter_id=letter.id, reference=letter.identifier))
    return letter, result, reply_by


def zgm_signature(settings: OfficeSettings) -> ZgmSignature:
    """ZGM's signatory and contact details from the settings; without a name set, the
    letter is signed by the office (the title) for ZGM."""
    name = settings.zgm_signatory_name.strip()
    if not name:
        return ZgmSignature(settings.zgm_signatory_title or settings.zgm_name,
                            settings.zgm_name, settings.zgm_address, settings.zgm_phones)
    return ZgmSignature(name, settings.zgm_signatory_title, settings.zgm_address,
                        settings.zgm_phones)
