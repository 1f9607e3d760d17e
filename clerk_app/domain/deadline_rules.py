"""Every deadline rule in one table: which case event starts, suspends, resumes or ends
which deadline (domain.md, "Deadline rules"; KPA art. 35, 36, 44, 57, 64).

The services do not decide these things themselves: they report an event and carry out the
effects listed here, in order (:func:`effects_of`). Periods are office settings
(:class:`DeadlinePeriods`); the date arithmetic is :class:`~clerk_app.domain.calendar.
LegalCalendar`'s; how one deadline's date and explanation follow from its history is
:class:`~clerk_app.domain.deadline_value.DeadlineValue`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import CaseKind, DeadlineKind, PeriodUnit

_K = DeadlineKind
_E = CaseEvent
BOTH = frozenset(CaseKind)
DEPOSIT = frozenset({CaseKind.DEPOSIT})
IOK = frozenset({CaseKind.IOK})
# The deadlines of IOK requests (regulamin IOK: explained without KPA articles).
IOK_DEADLINES = frozenset({_K.IOK_TARGET, _K.IOK_REPLY})
DELAY_NOTICE_DEFAULT_DAYS = 30
EXTENSION_DEFAULT_DAYS = 7


class Action(StrEnum):
    """What an event does to a deadline."""

    START = "start"  # open a running deadline counted from the event's day
    SUSPEND = "suspend"  # stop the clock of a running deadline (waiting for the applicant)
    RESUME = "resume"  # restart a suspended one; the days of waiting are not counted
    END = "end"  # close an open one: met when on time, missed when late
    REPLACE = "replace"  # cancel an open one because a new deadline takes its place
    CANCEL = "cancel"  # cancel an open one (nothing more to decide)
    REDATE = "redate"  # the office sets a new due date


class Guard(StrEnum):
    """A condition an effect needs besides the case kind."""

    ALWAYS = "always"
    # Only while the case still waits for the applicant and the letter is the newest
    # summons: a receipt returned after the deficiencies were removed starts nothing.
    STILL_WAITING = "still_waiting"
    # Only when no deadline of the kind (or the delay notice's new date) is open after the
    # effects before it: the first completion starts the month, a later one resumes it.
    NONE_OPEN = "none_open"


@dataclass(frozen=True)
class Effect:
    """One line of the table: ``action`` on the ``deadline`` of cases of ``case_kinds``."""

    action: Action
    deadline: DeadlineKind | None  # None: the deadline the clerk chose
    case_kinds: frozenset[CaseKind] = BOTH
    guard: Guard = Guard.ALWAYS


_DECISION = (_K.DECISION, _K.DELAY_NEW_DATE)

EVENT_EFFECTS: dict[CaseEvent, tuple[Effect, ...]] = {
    # The office's IOK target runs from filing (regulamin IOK practice, no statute).
    _E.IOK_REQUEST_FILED: (Effect(Action.START, _K.IOK_TARGET, IOK),),
    # The decision month runs from the day the complete petition reached the office.
    _E.PETITION_COMPLETE: (Effect(Action.START, _K.DECISION, DEPOSIT),),
    # A summons stops the clock: waiting for the applicant is not counted (art. 35 § 5).
    _E.SUMMONS_ISSUED: (
        *(Effect(Action.SUSPEND, k, DEPOSIT) for k in _DECISION),
        Effect(Action.SUSPEND, _K.IOK_TARGET, IOK),
    ),
    # The 7 days to remove the deficiencies run from delivery, actual or deemed (art. 44).
    **{event: (Effect(Action.START, _K.DEFICIENCY, BOTH, Guard.STILL_WAITING),)
       for event in (_E.SUMMONS_DELIVERED, _E.SUMMONS_HANDED_OVER, _E.SUMMONS_READ,
                     _E.SUMMONS_DEEMED_DELIVERED, _E.SUMMONS_DELIVERY_RECORDED)},
    # Removal closes the 7 days and resumes the month, or starts it when it never ran.
    _E.DEFICIENCIES_REMOVED: (
        Effect(Action.END, _K.DEFICIENCY, DEPOSIT),
        *(Effect(Action.RESUME, k, DEPOSIT) for k in _DECISION),
        Effect(Action.START, _K.DECISION, DEPOSIT, Guard.NONE_OPEN),
    ),
    # IOK (regulamin IOK, no KPA): ZGM's completion request stops the office's target and
    # gives the applicant the reply period (a setting) from the day it was sent.
    _E.IOK_COMPLETION_REQUESTED: (
        Effect(Action.SUSPEND, _K.IOK_TARGET, IOK),
        Effect(Action.START, _K.IOK_REPLY, IOK, Guard.NONE_OPEN),
    ),
    # Completion ends the reply period and resumes the target (waiting days not counted).
    _E.IOK_REQUEST_COMPLETED: (
        Effect(Action.END, _K.DEFICIENCY, IOK),
        Effect(Action.END, _K.IOK_REPLY, IOK),
        Effect(Action.RESUME, _K.IOK_TARGET, IOK),
    ),
    # IOK's own ending instead of "left without consideration": no reply in the period.
    _E.IOK_CLOSED_NOT_COMPLETED: (
        Effect(Action.END, _K.IOK_REPLY, IOK),
        Effect(Action.END, _K.DEFICIENCY, IOK),
        Effect(Action.CANCEL, _K.IOK_TARGET, IOK),
    ),
    # A delay notice replaces the decision date by the new date it announces (art. 36).
    _E.DELAY_NOTICE_ISSUED: (
        *(Effect(Action.REPLACE, k, DEPOSIT) for k in _DECISION),
        Effect(Action.START, _K.DELAY_NEW_DATE, DEPOSIT),
    ),
    _E.DECISION_ISSUED: tuple(Effect(Action.END, k, DEPOSIT) for k in _DECISION),
    _E.LEFT_WITHOUT_CONSIDERATION: (
        Effect(Action.END, _K.DEFICIENCY, DEPOSIT),
        *(Effect(Action.CANCEL, k, DEPOSIT) for k in _DECISION),
    ),
    _E.LOGIN_DATA_SENT: (Effect(Action.END, _K.IOK_TARGET, IOK),),
    # A request for reconsideration of a refusal: a new decision month from its receipt.
    _E.RECONSIDERATION_REQUESTED: (
        Effect(Action.START, _K.DECISION, DEPOSIT, Guard.NONE_OPEN),),
    # Acts on the one deadline a clerk chose.
    _E.DEADLINE_EXTENDED: (Effect(Action.REDATE, None),),
    _E.DEADLINE_CANCELLED: (Effect(Action.CANCEL, None),),
    _E.DEADLINE_MET: (Effect(Action.END, None),),
}


def effects_of(event: CaseEvent, case_kind: CaseKind) -> tuple[Effect, ...]:
    """The effects of ``event`` on a case of ``case_kind``, in the order they apply."""
    return tuple(e for e in EVENT_EFFECTS.get(event, ()) if case_kind in e.case_kinds)


def suspending_events(kind: DeadlineKind) -> frozenset[CaseEvent]:
    """Events that stop the clock of a ``kind`` deadline (for explanations)."""
    return frozenset(ev for ev, effects in EVENT_EFFECTS.items()
                     if any(e.action is Action.SUSPEND and e.deadline is kind
                            for e in effects))


@dataclass(frozen=True)
class Period:
    """How long a deadline runs: ``count`` units (a FIXED period counts calendar days to a
    date set by the office)."""

    count: int
    unit: PeriodUnit


@dataclass(frozen=True)
class DeadlinePeriods:
    """The office's periods (settings; domain.md defaults: 7 days, 1 month, 14 days; the
    IOK reply period 14 days)."""

    deficiency_days: int = 7
    decision_months: int = 1
    iok_target_days: int = 14
    iok_reply_days: int = 14

    def period_of(self, kind: DeadlineKind) -> Period:
        """The period a deadline of ``kind`` starts with (a delay notice sets its own)."""
        if kind is _K.DEFICIENCY:
            return Period(self.deficiency_days, PeriodUnit.DAYS)
        if kind is _K.DECISION:
            return Period(self.decision_months, PeriodUnit.MONTHS)
        if kind is _K.IOK_TARGET:
            return Period(self.iok_target_days, PeriodUnit.DAYS)
        if kind is _K.IOK_REPLY:
            return Period(self.iok_reply_days, PeriodUnit.DAYS)
        raise ValueError(f"{kind} has no standing period")


def fixed_period(start: date, due: date) -> Period:
    """The period of a date set by the office (delay notice, extension)."""
    return Period((due - start).days, PeriodUnit.FIXED)


def default_delay_new_date(cal: LegalCalendar, today: date, current_due: date | None) -> date:
    """The new date a delay notice proposes: 30 days after the later of today and the
    current date, moved to the next working day of the office."""
    return _proposed(cal, today, current_due, DELAY_NOTICE_DEFAULT_DAYS)


def default_extension_date(cal: LegalCalendar, today: date, current_due: date | None) -> date:
    """The new date an extension of a deadline proposes: a week after the later of today
    and the current date, on a working day of the office."""
    return _proposed(cal, today, current_due, EXTENSION_DEFAULT_DAYS)


def _proposed(cal: LegalCalendar, today: date, current_due: date | None, days: int) -> date:
    base = max(today, current_due or today)
    return cal.next_office_day_on_or_after(base + timedelta(days=days))


def current_decision_due(deadlines: list[tuple[DeadlineKind, date | None, bool]]) -> date | None:
    """The latest due date among open decision deadlines ((kind, due, open) triples)."""
    dues = [due for kind, due, is_open in deadlines
            if is_open and due is not None and kind in (_K.DECISION, _K.DELAY_NEW_DATE)]
    return max(dues, default=None)
