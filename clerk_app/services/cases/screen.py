"""Everything the case window shows, read in one snapshot: header and data, documents,
timeline, deadlines, letters and the legal calendar (for the deadlines' explanations)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.roles import Permission
from clerk_app.services.cases.detail import (
    CaseDetail,
    IncomingDoc,
    TimelineEntry,
    read_case_detail,
    read_documents,
    read_timeline,
)
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.unit_of_work import read_as
from clerk_app.services.deadlines.days_off import calendar_for
from clerk_app.services.deadlines.queries import delay_notice_date, read_case_deadlines
from clerk_app.services.deadlines.types import DeadlineView
from clerk_app.services.letters.types import LetterView
from clerk_app.services.letters.views import read_case_letters


@dataclass(frozen=True)
class CaseScreen:
    """One case as its window shows it, on ``today`` (the office's date of the read)."""

    detail: CaseDetail
    documents: list[IncomingDoc]
    timeline: list[TimelineEntry]
    deadlines: list[DeadlineView]
    letters: list[LetterView]
    calendar: LegalCalendar
    today: date
    delay_notice_date: date  # the new date a delay notice proposes (domain rule)


def case_screen(ctx: AppContext, actor: Actor, case_id: int) -> CaseScreen:
    """The case window's data in one read transaction (one consistent state)."""
    with read_as(ctx, actor, Permission.VIEW_CASES, snapshot=True) as session:
        deadlines = read_case_deadlines(session, case_id)
        cal, today = calendar_for(session), ctx.today()
        return CaseScreen(
            detail=read_case_detail(session, case_id),
            documents=read_documents(session, case_id),
            timeline=read_timeline(session, case_id),
            deadlines=deadlines,
            letters=read_case_letters(session, case_id),
            calendar=cal,
            today=today,
            delay_notice_date=delay_notice_date(cal, today, deadlines),
        )
