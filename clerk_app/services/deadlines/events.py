"""Carry out a case event's effects on its deadlines, as the domain table lists them.

Services that do something to a case (issue a summons, record a delivery, the removal of
deficiencies, a delay notice, a decision …) call :func:`apply_event` inside their own unit
of work; which deadline starts, stops, resumes or ends is not decided here but read from
:data:`clerk_app.domain.deadline_rules.EVENT_EFFECTS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import CaseKind, DeadlineKind
from clerk_app.domain.deadline_rules import (
    Action,
    DeadlinePeriods,
    Effect,
    Guard,
    effects_of,
    fixed_period,
)
from clerk_app.domain.deadline_value import Redating
from clerk_app.persistence.models import Case, Deadline
from clerk_app.services.admin.settings import read_settings
from clerk_app.services.core.unit_of_work import Work
from clerk_app.services.deadlines import engine
from clerk_app.services.deadlines.engine import NewDeadline


@dataclass(frozen=True)
class EventFacts:
    """What the effects of an event may need besides its day."""

    letter_id: int | None = None
    reference: str | None = None  # the identifier of the event's letter
    new_due: date | None = None  # the date a delay notice announces
    reason: str | None = None
    still_waiting: bool = True  # the case waits for the applicant on this summons


@dataclass
class EventOutcome:
    """The deadlines an event touched, by what it did to them."""

    started: list[Deadline] = field(default_factory=list)
    suspended: list[Deadline] = field(default_factory=list)
    resumed: list[tuple[Deadline, int]] = field(default_factory=list)  # with days added
    ended: list[Deadline] = field(default_factory=list)
    cancelled: list[Deadline] = field(default_factory=list)


def periods(work: Work) -> DeadlinePeriods:
    """The office's periods from settings."""
    s = read_settings(work.session)
    return DeadlinePeriods(s.deficiency_days, s.decision_months, s.iok_target_days,
                           s.iok_reply_days)


def apply_event(work: Work, cal: LegalCalendar, case: Case, event: CaseEvent, on: date,
                facts: EventFacts = EventFacts()) -> EventOutcome:
    """Carry out every effect of ``event`` on ``case``'s deadlines, in the table's order."""
    outcome = EventOutcome()
    for effect in effects_of(event, CaseKind(case.kind)):
        if effect.deadline is None:
            raise ValueError(f"{event} acts on a chosen deadline: use apply_to_chosen")
        _apply(work, cal, case.id, event, on, facts, effect, outcome)
    engine.refresh_next_deadline(work, [case.id])
    return outcome


def _apply(work: Work, cal: LegalCalendar, case_id: int, event: CaseEvent, on: date,
           facts: EventFacts, effect: Effect, outcome: EventOutcome) -> None:
    kind = effect.deadline
    assert kind is not None
    if effect.action is Action.START:
        if effect.guard is Guard.STILL_WAITING and not facts.still_waiting:
            return
        if effect.guard is Guard.NONE_OPEN and engine.open_rows(
                work, case_id, [DeadlineKind.DECISION, DeadlineKind.DELAY_NEW_DATE]):
            return
        outcome.started.append(engine.open_deadline(
            work, cal, case_id, _new(work, kind, event, on, facts, outcome)))
        return
    include_missed = effect.action in (Action.END, Action.REPLACE, Action.CANCEL)
    for row in engine.open_rows(work, case_id, [kind], include_missed=include_missed):
        value = engine.to_value(row)
        if effect.action is Action.SUSPEND and row.state == "running":
            engine.change(work, cal, row, value.suspended(on), "suspend")
            outcome.suspended.append(row)
        elif effect.action is Action.RESUME and row.state == "suspended":
            resumed = value.resumed(on)
            engine.change(work, cal, row, resumed, "resume")
            outcome.resumed.append((row, resumed.suspended_days - value.suspended_days))
        elif effect.action is Action.END:
            engine.change(work, cal, row, value.closed(on, event, row.due_on), "close")
            outcome.ended.append(row)
        elif effect.action in (Action.REPLACE, Action.CANCEL):
            note = facts.reference if effect.action is Action.REPLACE else facts.reason
            engine.change(work, cal, row, value.closed(on, event, row.due_on, cancelled=True,
                                                       note=note), "cancel")
            outcome.cancelled.append(row)


def _new(work: Work, kind: DeadlineKind, event: CaseEvent, on: date, facts: EventFacts,
         outcome: EventOutcome) -> NewDeadline:
    if kind is DeadlineKind.DELAY_NEW_DATE:
        if facts.new_due is None:
            raise ValueError("a delay notice needs its new date")
        earlier = tuple(Redating(on, r.due_on, event, facts.reference)
                        for r in outcome.cancelled if r.due_on is not None)
        return NewDeadline(kind, event, on, fixed_period(on, facts.new_due), facts.letter_id,
                           facts.reference, facts.reason, earlier)
    return NewDeadline(kind, event, on, periods(work).period_of(kind), facts.letter_id)

