"""One deadline as data: start event and date, period, suspensions, earlier dates, state.

The due date is computed from these facts by the legal calendar, and the explanation lines
are produced from them when read, so a day off added later, or a fix of wording, changes
both in step. Transitions (suspend, resume, redate, close) return a new value.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from clerk_app.domain.calendar import ComputedDate, LegalCalendar, SkippedDay
from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import DeadlineKind, DeadlineState, PeriodUnit
from clerk_app.domain.deadline_rules import Period, fixed_period
from clerk_app.domain.text import format_date_pl

_S = DeadlineState
OPEN_STATES = frozenset({_S.RUNNING, _S.SUSPENDED, _S.MISSED})
WAITING = "oczekiwanie na usunięcie braków"


@dataclass(frozen=True)
class Suspension:
    """The clock stood still from ``start`` (the summons) to ``end`` (the removal)."""

    start: date
    end: date | None = None

    @property
    def days(self) -> int:
        """Calendar days not counted (0 while it lasts)."""
        return max(0, (self.end - self.start).days) if self.end else 0


@dataclass(frozen=True)
class Redating:
    """An earlier due date replaced on ``on`` by an extension or a delay notice."""

    on: date
    previous_due: date
    event: CaseEvent
    reference: str | None = None  # the delay notice's identifier


@dataclass(frozen=True)
class DeemedDelivery:
    """The summons was not collected: first notice, and the day it counts as delivered."""

    first_notice_on: date
    deemed_on: date


@dataclass(frozen=True)
class DueDate:
    """The computed end: the base period, the waiting days added, the shifted result."""

    base: ComputedDate
    suspended_days: int
    nominal_end: date
    result: date
    skipped: tuple[SkippedDay, ...]


@dataclass(frozen=True)
class DeadlineValue:
    """A deadline of a case; ``due`` and ``explanation`` follow from the fields."""

    kind: DeadlineKind
    state: DeadlineState
    start_event: CaseEvent
    start_on: date
    period: Period
    reference: str | None = None  # identifier of the letter of the start event
    reason: str | None = None  # why the office set the date (extension, delay notice)
    suspensions: tuple[Suspension, ...] = ()
    redatings: tuple[Redating, ...] = ()
    deemed_delivery: DeemedDelivery | None = None
    closed_on: date | None = None
    closed_by: CaseEvent | None = None
    closing_note: str | None = None

    # facts ----------------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        """Running or suspended, or missed and not yet dealt with."""
        return self.closed_on is None and self.state in OPEN_STATES

    @property
    def open_suspension(self) -> Suspension | None:
        """The suspension that still lasts, if the clock stands still."""
        last = self.suspensions[-1] if self.suspensions else None
        return last if last is not None and last.end is None else None

    @property
    def counted_suspensions(self) -> tuple[Suspension, ...]:
        """Ended suspensions within this period (an extension starts a new one)."""
        return tuple(s for s in self.suspensions if s.end and s.start >= self.start_on)

    @property
    def suspended_days(self) -> int:
        return sum(s.days for s in self.counted_suspensions)

    @property
    def start_label(self) -> str:
        label = self.start_event.label
        return f"{label} {self.reference}" if self.reference else label

    # computation ----------------------------------------------------------------------------
    def due(self, cal: LegalCalendar) -> DueDate | None:
        """The end of the period, or None while the clock stands still."""
        if self.state is _S.SUSPENDED:
            return None
        base = self._base(cal)
        days = self.suspended_days
        if not days:
            return DueDate(base, 0, base.nominal_end, base.result, base.skipped)
        nominal = base.nominal_end + timedelta(days=days)
        result, skipped = cal.next_working_day_on_or_after(nominal)
        return DueDate(base, days, nominal, result, skipped)

    def _base(self, cal: LegalCalendar) -> ComputedDate:
        count, unit, label = self.period.count, self.period.unit, self.start_label
        if unit is PeriodUnit.DAYS:
            return cal.add_days(self.start_on, count, label)
        if unit is PeriodUnit.MONTHS:
            return cal.add_months(self.start_on, count, label)
        nominal = self.start_on + timedelta(days=count)
        result, skipped = cal.next_working_day_on_or_after(nominal)
        return ComputedDate(result, self.start_on, label, self._fixed_rule(), nominal, skipped)

    def _fixed_rule(self) -> str:
        if self.kind is DeadlineKind.DELAY_NEW_DATE:
            return "nowy termin wskazany w zawiadomieniu o zwłoce (art. 36 KPA)"
        return f"termin wyznaczony ręcznie – powód: {self.reason or 'nie podano'}"

    def explanation(self, cal: LegalCalendar) -> tuple[str, ...]:
        """Polish lines: start event, rule, past events, nominal end, skipped days, result."""
        base = self._base(cal)
        lines = [f"Zdarzenie początkowe: {base.start_event} {format_date_pl(base.start)}",
                 f"Reguła: {base.rule}"]
        lines += [self._redating_line(r) for r in self.redatings]
        if self.deemed_delivery is not None:
            lines.append(_deemed_line(cal, self.deemed_delivery))
        lines += [f"Wstrzymanie: {format_date_pl(s.start)} – {format_date_pl(s.end)} "
                  f"({s.days} dni), {WAITING}" for s in self.suspensions if s.end]
        due = self.due(cal)
        if due is None:
            since = self.open_suspension.start if self.open_suspension else self.start_on
            lines.append(f"Bieg terminu wstrzymany od {format_date_pl(since)} ({WAITING}): "
                         "czasu oczekiwania nie wlicza się; termin zostanie wyznaczony po "
                         "usunięciu braków")
        else:
            if due.suspended_days:
                lines.append(
                    f"Doliczono dni wstrzymania biegu terminu: {due.suspended_days} – czasu od "
                    "wezwania do usunięcia braków nie wlicza się do terminu (koniec bez "
                    f"wstrzymania: {format_date_pl(due.base.nominal_end)})")
            lines.append(f"Koniec nominalny: {format_date_pl(due.nominal_end)}")
            lines += [f"Pominięto: {format_date_pl(s.day)} {s.reason}" for s in due.skipped]
            lines.append(f"Termin upływa: {format_date_pl(due.result)}")
        lines += self._closing_lines()
        return tuple(lines)

    def _redating_line(self, r: Redating) -> str:
        if r.event is CaseEvent.DELAY_NOTICE_ISSUED:
            return (f"Poprzedni termin: {format_date_pl(r.previous_due)} (zawiadomienie "
                    f"{r.reference or ''})").replace(" )", ")")
        return (f"Poprzedni termin: {format_date_pl(r.previous_due)} "
                f"(przedłużono {format_date_pl(r.on)})")

    def _closing_lines(self) -> list[str]:
        if self.closed_by is CaseEvent.DELAY_NOTICE_ISSUED:
            return [f"Zastąpiony nowym terminem z zawiadomienia {self.closing_note or ''}"
                    .rstrip()]
        if self.state is _S.CANCELLED:
            return [f"Anulowano: {self.closing_note or self.closed_by_label}"]
        return []

    @property
    def closed_by_label(self) -> str:
        return self.closed_by.label if self.closed_by else "nie podano powodu"

    # transitions ----------------------------------------------------------------------------
    def suspended(self, on: date) -> DeadlineValue:
        """The clock stops on ``on`` (a summons)."""
        return replace(self, state=_S.SUSPENDED,
                       suspensions=(*self.suspensions, Suspension(on)))

    def resumed(self, on: date) -> DeadlineValue:
        """The clock runs again from ``on``; the days of waiting are added to the end."""
        current = self.open_suspension
        if current is None:
            return replace(self, state=_S.RUNNING)
        ended = Suspension(current.start, max(on, current.start))
        return replace(self, state=_S.RUNNING, suspensions=(*self.suspensions[:-1], ended))

    def redated(self, today: date, new_due: date, reason: str, previous_due: date,
                event: CaseEvent = CaseEvent.DEADLINE_EXTENDED) -> DeadlineValue:
        """A date set by the office from ``today``; the earlier due date is kept."""
        return replace(self, state=_S.RUNNING, start_event=event, start_on=today,
                       period=fixed_period(today, new_due), reason=reason, reference=None,
                       deemed_delivery=None,
                       redatings=(*self.redatings, Redating(today, previous_due, event)))

    def closed(self, on: date, event: CaseEvent, due: date | None, *, cancelled: bool = False,
               note: str | None = None) -> DeadlineValue:
        """Closed on ``on``: cancelled, or met when on time and missed when late."""
        if cancelled:
            state = _S.CANCELLED
        elif self.state is _S.MISSED or (due is not None and on > due):
            state = _S.MISSED
        else:
            state = _S.MET
        return replace(self, state=state, closed_on=on, closed_by=event, closing_note=note)

    def missed(self) -> DeadlineValue:
        """Past its date and not yet dealt with (stays open)."""
        return replace(self, state=_S.MISSED)


def _deemed_line(cal: LegalCalendar, deemed: DeemedDelivery) -> str:
    computed = cal.deemed_delivery(deemed.first_notice_on)
    shifted = ""
    if computed.result == deemed.deemed_on and computed.was_shifted:
        reasons = ", ".join(f"{format_date_pl(s.day)} {s.reason}" for s in computed.skipped)
        shifted = f"; przesunięto z {format_date_pl(computed.nominal_end)} ({reasons})"
    return (f"Doręczenie: pierwsze awizo {format_date_pl(deemed.first_notice_on)}, doręczenie "
            f"zastępcze z upływem 14 dni: {format_date_pl(deemed.deemed_on)}{shifted} "
            "(art. 44 KPA)")
