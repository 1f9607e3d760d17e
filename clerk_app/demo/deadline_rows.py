"""Deadline rows as the deadline services write them, and working days for case timelines."""

from __future__ import annotations

from datetime import date, timedelta

from clerk_app.demo.draws import Draw
from clerk_app.demo.rows import Ids, Rows
from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.cases import DeadlineKind, DeadlineState
from clerk_app.services.admin.settings import OfficeSettings

# Start events as the deadline services word them.
EV_FILED = "złożenie wniosku"
EV_COMPLETE = "wpływ kompletnej prośby"
EV_REMOVED = "usunięcie braków formalnych"
EV_SUMMONS = "doręczenie wezwania"

RUNNING = DeadlineState.RUNNING.value
MET = DeadlineState.MET.value
MISSED = DeadlineState.MISSED.value
CANCELLED = DeadlineState.CANCELLED.value


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
        }
        self._end_cache: dict[tuple[DeadlineKind, date, str], tuple[date, date, str]] = {}
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

    def end(self, kind: DeadlineKind, start: date, event: str) -> tuple[date, date, str]:
        """(due date, nominal end, explanation) of a deadline, cached per start date."""
        key = (kind, start, event)
        cached = self._end_cache.get(key)
        if cached is None:
            count, unit = self._periods[kind]
            if unit == "months":
                computed = self.calendar.add_months(start, count, event)
            else:
                computed = self.calendar.add_days(start, count, event)
            cached = (computed.result, computed.nominal_end,
                      "\n".join(computed.explanation_lines()))
            self._end_cache[key] = cached
        return cached

    def add(
        self, rows: Rows, case_id: int, kind: DeadlineKind, start: date, event: str,
        closed_on: date | None = None, state: str | None = None,
    ) -> None:
        """Add a deadline row. Without ``closed_on`` it is open: running, or missed when its
        due date has passed (as the deadline services mark it); open ones are noted in
        :attr:`running`."""
        due, nominal, explanation = self.end(kind, start, event)
        if closed_on is None:
            state = RUNNING if due >= self.today else MISSED
            self.running.append(due)
        elif state is None:
            state = MET if closed_on <= due else MISSED
        count, unit = self._periods[kind]
        rows.deadlines.append({
            "id": self.ids.deadline, "case_id": case_id, "kind": kind.value, "state": state,
            "start_event": event, "start_on": start, "period_count": count,
            "period_unit": unit, "nominal_end_on": nominal, "due_on": due,
            "explanation": explanation, "suspended_on": None, "suspended_days": 0,
            "extended_reason": None, "closed_on": closed_on, "letter_id": None, "version": 1,
        })
        self.ids.deadline += 1
