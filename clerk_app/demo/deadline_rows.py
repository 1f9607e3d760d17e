"""Deadline rows as the deadline services write them, and working days for case timelines."""

from __future__ import annotations

from datetime import date, timedelta

from clerk_app.demo.draws import Draw
from clerk_app.demo.rows import Ids, Row, Rows
from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import DeadlineKind, DeadlineState, PeriodUnit
from clerk_app.services.admin.settings import OfficeSettings

# Start events as the deadline services record them.
EV_FILED = CaseEvent.IOK_REQUEST_FILED
EV_COMPLETE = CaseEvent.PETITION_COMPLETE
EV_REMOVED = CaseEvent.DEFICIENCIES_REMOVED
EV_SUMMONS = CaseEvent.SUMMONS_DELIVERED

RUNNING = DeadlineState.RUNNING.value
MET = DeadlineState.MET.value
MISSED = DeadlineState.MISSED.value
CANCELLED = DeadlineState.CANCELLED.value
SUSPENDED = DeadlineState.SUSPENDED.value


class Deadlines:
    """Computes deadlines on the legal calendar (cached per start date) and adds their rows.

    ``running`` collects the due dates of the open deadlines of the current case, for
    ``cases.next_deadline``; reset it for each case.
    """

    def __init__(self, draw: Draw, calendar: LegalCalendar, settings: OfficeSettings,
                 today: date, ids: Ids) -> None:
        self.d = draw
        self.calendar = calendar
        self.today = today
        self.ids = ids
        self.running: list[date] = []
        self._periods = {
            DeadlineKind.DEFICIENCY: (settings.deficiency_days, "days"),
            DeadlineKind.DECISION: (settings.decision_months, "months"),
            DeadlineKind.IOK_TARGET: (settings.iok_target_days, "days"),
            DeadlineKind.IOK_REPLY: (settings.iok_reply_days, "days"),
        }
        self._end_cache: dict[tuple[DeadlineKind, date, int], tuple[date, date]] = {}
        self._working_cache: dict[date, date] = {}

    def working_on_or_after(self, d: date) -> date:
        """The first working day on or after ``d``."""
        cached = self._working_cache.get(d)
        if cached is None:
            cached = self._working_cache[d] = self.calendar.next_working_day_on_or_after(d)[0]
        return cached

    def after(self, d: date, low: int, high: int) -> date:
        """A working day ``low``–``high`` days after ``d``, but never after today."""
        later = self.working_on_or_after(d + timedelta(days=self.d.between(low, high)))
        return later if later <= self.today else max(d, self.today)

    def end(self, kind: DeadlineKind, start: date, waited: int = 0) -> tuple[date, date]:
        """(due date, nominal end) of a deadline, ``waited`` days of suspension added;
        cached per start date."""
        key = (kind, start, waited)
        cached = self._end_cache.get(key)
        if cached is None:
            count, unit = self._periods[kind]
            if unit == "months":
                computed = self.calendar.add_months(start, count, "")
            else:
                computed = self.calendar.add_days(start, count, "")
            nominal = computed.nominal_end + timedelta(days=waited)
            due = self.calendar.next_working_day_on_or_after(nominal)[0]
            cached = self._end_cache[key] = (due, nominal)
        return cached

    def add(
        self, rows: Rows, case_id: int, kind: DeadlineKind, start: date, event: CaseEvent,
        closed_on: date | None = None, state: str | None = None,
        suspension: tuple[date, date | None] | None = None, letter_id: int | None = None,
        closed_by: CaseEvent | None = None,
    ) -> Row:
        """Add a deadline row. Without ``closed_on`` it is open: running, or missed when its
        due date has passed (as the deadline services mark it), or suspended while
        ``suspension`` has no end; open running ones are noted in :attr:`running`.
        ``closed_by`` is the event that closed it. Returns the row."""
        waited = 0
        if suspension is not None and suspension[1] is not None:
            waited = max(0, (suspension[1] - suspension[0]).days)
        due: date | None
        nominal: date | None
        due, nominal = self.end(kind, start, waited)
        if suspension is not None and suspension[1] is None and closed_on is None:
            state, due, nominal = SUSPENDED, None, None
        elif closed_on is None:
            state = RUNNING if due >= self.today else MISSED
            self.running.append(due)
        elif state is None:
            state = MET if closed_on <= due else MISSED
        count, unit = self._periods[kind]
        row: Row = {
            "id": self.ids.deadline, "case_id": case_id, "kind": kind.value, "state": state,
            "start_event": event.value, "start_on": start, "period_count": count,
            "period_unit": unit, "reference": None, "reason": None, "nominal_end_on": nominal,
            "due_on": due, "closed_on": closed_on,
            "closed_by": closed_by.value if closed_by is not None and closed_on is not None
            else CaseEvent.LEFT_WITHOUT_CONSIDERATION.value if state == CANCELLED else None,
            "closing_note": None, "letter_id": letter_id, "version": 1,
        }
        rows.deadlines.append(row)
        if suspension is not None:
            rows.suspensions.append({"id": self.ids.suspension, "deadline_id": self.ids.deadline,
                                     "start_on": suspension[0], "end_on": suspension[1]})
            self.ids.suspension += 1
        self.ids.deadline += 1
        return row

    def add_new_date(self, rows: Rows, case_id: int, notice: Row, new_due: date,
                     reason: str, closed_on: date | None) -> None:
        """The date a delay notice (``notice``, a letter row) announces, as a deadline of its
        own (fixed period from the notice's date), open or closed on ``closed_on``."""
        dated_on: date = notice["dated_on"]
        if closed_on is None:
            state = RUNNING if new_due >= self.today else MISSED
            self.running.append(new_due)
        else:
            state = MET if closed_on <= new_due else MISSED
        rows.deadlines.append({
            "id": self.ids.deadline, "case_id": case_id, "kind": DeadlineKind.DELAY_NEW_DATE.value,
            "state": state, "start_event": CaseEvent.DELAY_NOTICE_ISSUED.value,
            "start_on": dated_on, "period_count": (new_due - dated_on).days,
            "period_unit": PeriodUnit.FIXED.value, "reference": notice["identifier"],
            "reason": reason, "nominal_end_on": new_due, "due_on": new_due,
            "closed_on": closed_on,
            "closed_by": CaseEvent.DECISION_ISSUED.value if closed_on else None,
            "closing_note": None, "letter_id": notice["id"], "version": 1,
        })
        self.ids.deadline += 1

    def replace_by_notice(self, rows: Rows, deadline: Row, notice: Row) -> None:
        """Close ``deadline`` (a decision deadline row) as replaced by the delay notice, and
        keep its earlier due date as a redating of the new one (added next)."""
        deadline.update(state=CANCELLED, closed_on=notice["dated_on"],
                        closed_by=CaseEvent.DELAY_NOTICE_ISSUED.value,
                        closing_note=notice["identifier"])
        if deadline["due_on"] in self.running:
            self.running.remove(deadline["due_on"])
        rows.redatings.append({
            "id": self.ids.redating, "deadline_id": self.ids.deadline,
            "on": notice["dated_on"], "previous_due_on": deadline["due_on"],
            "event": CaseEvent.DELAY_NOTICE_ISSUED.value, "reference": notice["identifier"]})
        self.ids.redating += 1
