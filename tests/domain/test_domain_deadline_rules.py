"""The table of case events and their effects, and the deadline value computed from data."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.case_events import SUMMONS_DELIVERIES, CaseEvent
from clerk_app.domain.cases import CaseKind, DeadlineKind, DeadlineState, PeriodUnit
from clerk_app.domain.deadline_rules import (
    EVENT_EFFECTS,
    Action,
    DeadlinePeriods,
    Guard,
    Period,
    default_delay_new_date,
    effects_of,
    suspending_events,
)
from clerk_app.domain.deadline_value import DeadlineValue

CAL = LegalCalendar()
_K = DeadlineKind


def _actions(event: CaseEvent, kind: CaseKind) -> list[tuple[Action, DeadlineKind | None]]:
    return [(e.action, e.deadline) for e in effects_of(event, kind)]


def test_every_event_has_a_line_in_the_table() -> None:
    assert set(EVENT_EFFECTS) == set(CaseEvent)
    assert all(EVENT_EFFECTS[e] for e in CaseEvent)


def test_summons_stops_the_clock_of_the_decision_and_of_the_iok_target() -> None:
    assert _actions(CaseEvent.SUMMONS_ISSUED, CaseKind.DEPOSIT) == [
        (Action.SUSPEND, _K.DECISION), (Action.SUSPEND, _K.DELAY_NEW_DATE)]
    assert _actions(CaseEvent.SUMMONS_ISSUED, CaseKind.IOK) == [
        (Action.SUSPEND, _K.IOK_TARGET)]
    assert suspending_events(_K.DECISION) == {CaseEvent.SUMMONS_ISSUED}


@pytest.mark.parametrize("event", sorted(SUMMONS_DELIVERIES))
def test_every_delivery_starts_the_seven_days_only_while_waiting(event: CaseEvent) -> None:
    (effect,) = effects_of(event, CaseKind.DEPOSIT)
    assert (effect.action, effect.deadline, effect.guard) == (
        Action.START, _K.DEFICIENCY, Guard.STILL_WAITING)


def test_removal_ends_seven_days_then_resumes_or_starts_the_month() -> None:
    assert _actions(CaseEvent.DEFICIENCIES_REMOVED, CaseKind.DEPOSIT) == [
        (Action.END, _K.DEFICIENCY), (Action.RESUME, _K.DECISION),
        (Action.RESUME, _K.DELAY_NEW_DATE), (Action.START, _K.DECISION)]
    assert effects_of(CaseEvent.DEFICIENCIES_REMOVED, CaseKind.IOK) == ()
    assert _actions(CaseEvent.IOK_REQUEST_COMPLETED, CaseKind.IOK) == [
        (Action.END, _K.DEFICIENCY), (Action.END, _K.IOK_REPLY), (Action.RESUME, _K.IOK_TARGET)]


def test_iok_completion_request_and_its_own_ending() -> None:
    assert _actions(CaseEvent.IOK_COMPLETION_REQUESTED, CaseKind.IOK) == [
        (Action.SUSPEND, _K.IOK_TARGET), (Action.START, _K.IOK_REPLY)]
    assert _actions(CaseEvent.IOK_CLOSED_NOT_COMPLETED, CaseKind.IOK) == [
        (Action.END, _K.IOK_REPLY), (Action.END, _K.DEFICIENCY), (Action.CANCEL, _K.IOK_TARGET)]
    assert effects_of(CaseEvent.LEFT_WITHOUT_CONSIDERATION, CaseKind.IOK) == ()
    assert effects_of(CaseEvent.IOK_COMPLETION_REQUESTED, CaseKind.DEPOSIT) == ()
    assert DeadlinePeriods(iok_reply_days=10).period_of(_K.IOK_REPLY).count == 10


def test_delay_notice_replaces_the_month_and_decision_ends_it() -> None:
    assert _actions(CaseEvent.DELAY_NOTICE_ISSUED, CaseKind.DEPOSIT) == [
        (Action.REPLACE, _K.DECISION), (Action.REPLACE, _K.DELAY_NEW_DATE),
        (Action.START, _K.DELAY_NEW_DATE)]
    assert _actions(CaseEvent.DECISION_ISSUED, CaseKind.DEPOSIT) == [
        (Action.END, _K.DECISION), (Action.END, _K.DELAY_NEW_DATE)]
    assert _actions(CaseEvent.LOGIN_DATA_SENT, CaseKind.IOK) == [(Action.END, _K.IOK_TARGET)]


def test_periods_come_from_settings() -> None:
    periods = DeadlinePeriods(deficiency_days=7, decision_months=1, iok_target_days=14)
    assert periods.period_of(_K.DEFICIENCY) == Period(7, PeriodUnit.DAYS)
    assert periods.period_of(_K.DECISION) == Period(1, PeriodUnit.MONTHS)
    with pytest.raises(ValueError):
        periods.period_of(_K.DELAY_NEW_DATE)


def _decision(start: date) -> DeadlineValue:
    return DeadlineValue(_K.DECISION, DeadlineState.RUNNING, CaseEvent.PETITION_COMPLETE,
                         start, Period(1, PeriodUnit.MONTHS))


def test_suspension_adds_the_waiting_days_and_is_explained() -> None:
    value = _decision(date(2026, 1, 31))
    due = value.due(CAL)
    assert due is not None and due.result == date(2026, 3, 2)  # 28.02 is a Saturday
    waiting = value.suspended(date(2026, 2, 10))
    assert waiting.due(CAL) is None
    assert waiting.explanation(CAL)[-1].startswith("Bieg terminu wstrzymany od 10.02.2026")
    resumed = waiting.resumed(date(2026, 2, 13))
    assert resumed.suspended_days == 3
    due = resumed.due(CAL)
    assert due is not None and (due.nominal_end, due.result) == (
        date(2026, 3, 3), date(2026, 3, 3))
    lines = resumed.explanation(CAL)
    assert "Wstrzymanie: 10.02.2026 – 13.02.2026 (3 dni), oczekiwanie na usunięcie braków" \
        in lines
    assert lines[-1] == "Termin upływa: 03.03.2026"


def test_a_redating_starts_a_new_period_and_keeps_the_earlier_date() -> None:
    value = _decision(date(2026, 1, 5)).suspended(date(2026, 1, 10)).resumed(date(2026, 1, 12))
    redated = value.redated(date(2026, 2, 1), date(2026, 2, 20), "opinia", date(2026, 2, 9))
    assert redated.suspended_days == 0  # the old suspension lies before the new period
    due = redated.due(CAL)
    assert due is not None and due.result == date(2026, 2, 20)
    assert "Poprzedni termin: 09.02.2026 (przedłużono 01.02.2026)" in redated.explanation(CAL)


def test_closing_is_met_on_time_missed_late_or_cancelled() -> None:
    value = _decision(date(2026, 3, 2))
    assert value.closed(date(2026, 4, 2), CaseEvent.DECISION_ISSUED, date(2026, 4, 2)).state \
        is DeadlineState.MET
    assert value.closed(date(2026, 4, 3), CaseEvent.DECISION_ISSUED, date(2026, 4, 2)).state \
        is DeadlineState.MISSED
    cancelled = value.closed(date(2026, 3, 5), CaseEvent.DEADLINE_CANCELLED, None,
                             cancelled=True, note="wycofanie")
    assert cancelled.state is DeadlineState.CANCELLED
    assert cancelled.explanation(CAL)[-1] == "Anulowano: wycofanie"


def test_delay_default_is_thirty_days_on_an_office_day() -> None:
    closed = LegalCalendar(office_closures=[(date(2026, 5, 4), "urząd nieczynny")])
    assert default_delay_new_date(CAL, date(2026, 3, 2), date(2026, 4, 2)) == date(2026, 5, 4)
    assert default_delay_new_date(closed, date(2026, 3, 2), None) == date(2026, 4, 1)
    assert default_delay_new_date(closed, date(2026, 3, 2), date(2026, 4, 2)) == (
        date(2026, 5, 5))


def test_office_closure_counts_only_in_working_days() -> None:
    cal = LegalCalendar(office_closures=[(date(2026, 3, 24), "urząd nieczynny")])
    assert cal.is_working_day(date(2026, 3, 24))  # no law makes it a day off
    assert not cal.is_office_working_day(date(2026, 3, 24))
    assert cal.add_days(date(2026, 3, 17), 7, "x").result == date(2026, 3, 24)
    assert cal.working_days_between(date(2026, 3, 23), date(2026, 3, 25)) == 1
