"""Migration 0004: deadlines stored at revision 0003 (history as prose) become structure."""

from __future__ import annotations

from datetime import UTC, date, datetime

from alembic import command
from sqlalchemy import select, text

from clerk_app.domain.cases import CaseKind, DeadlineState
from clerk_app.domain.roles import Role
from clerk_app.persistence import migrations
from clerk_app.persistence.models import DayOff, DeadlineRedating, DeadlineSuspension, Letter
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.deadlines.actions import list_case_deadlines
from tests.services.deadline_fixtures import make_case

OLD_ROW = text(
    "INSERT INTO deadlines (case_id, kind, state, start_event, start_on, period_count, "
    "period_unit, nominal_end_on, due_on, explanation, suspended_on, suspended_days, "
    "extended_reason, closed_on, letter_id, version) VALUES (:case_id, :kind, :state, "
    ":start_event, :start_on, :count, :unit, :nominal, :due, :explanation, :suspended_on, "
    ":suspended_days, :reason, :closed_on, :letter_id, 1)")


def _old(case_id: int, kind: str, state: str, event: str, start: date, count: int, unit: str,
         nominal: date, due: date, lines: list[str], *, suspended_on: date | None = None,
         suspended_days: int = 0, reason: str | None = None, closed_on: date | None = None,
         letter_id: int | None = None) -> dict[str, object]:
    return {"case_id": case_id, "kind": kind, "state": state, "start_event": event,
            "start_on": start, "count": count, "unit": unit, "nominal": nominal, "due": due,
            "explanation": "\n".join(lines), "suspended_on": suspended_on,
            "suspended_days": suspended_days, "reason": reason, "closed_on": closed_on,
            "letter_id": letter_id}


def _letter(ctx: AppContext, case_id: int, user_id: int, identifier: str,
            first_notice: date | None = None, deemed: date | None = None) -> int:
    with ctx.db.transaction() as session:
        letter = Letter(identifier=identifier, case_id=case_id, kind="summons", addressee="X",
                        dated_on=date(2026, 2, 2), created_at=datetime(2026, 2, 2, tzinfo=UTC),
                        created_by_id=user_id, delivery_method="post",
                        delivery_status="deemed" if deemed else "pending",
                        first_notice_on=first_notice, deemed_delivered_on=deemed, extra="{}")
        session.add(letter)
        session.flush()
        return letter.id


def test_0003_deadlines_become_structure(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    clerk = staff[Role.CLERK]
    cases = [make_case(ctx, clerk.user_id, received_on=date(2026, 1, 5)) for _ in range(4)]
    iok = make_case(ctx, clerk.user_id, kind=CaseKind.IOK, received_on=date(2026, 2, 2))
    deemed_letter = _letter(ctx, cases[3], clerk.user_id, "L2026000003",
                            date(2026, 2, 5), date(2026, 2, 19))
    cfg = migrations.alembic_config(ctx.db.url)
    command.downgrade(cfg, "0003")
    rows = [
        # 0: running deficiency from a ZPO date
        _old(cases[0], "deficiency", "running", "doręczenie wezwania (data z ZPO)",
             date(2026, 3, 2), 7, "days", date(2026, 3, 9), date(2026, 3, 9), [
                 "Zdarzenie początkowe: doręczenie wezwania (data z ZPO) 02.03.2026",
                 "Reguła: 7 dni", "Koniec nominalny: 09.03.2026", "Termin upływa: 09.03.2026"]),
        # 1: suspended decision month (its stored due date is stale)
        _old(cases[0], "decision", "suspended", "wpływ kompletnej prośby", date(2026, 3, 2),
             1, "months", date(2026, 4, 2), date(2026, 4, 2), [
                 "Zdarzenie początkowe: wpływ kompletnej prośby 02.03.2026",
                 "Bieg terminu wstrzymany od 10.03.2026 (oczekiwanie na usunięcie braków)"],
             suspended_on=date(2026, 3, 10)),
        # 2: met decision that was suspended for 8 days
        _old(cases[1], "decision", "met", "wpływ kompletnej prośby", date(2026, 1, 5), 1,
             "months", date(2026, 2, 13), date(2026, 2, 13), [
                 "Zdarzenie początkowe: wpływ kompletnej prośby 05.01.2026",
                 "Wstrzymanie: 12.01.2026 – 20.01.2026 (8 dni), oczekiwanie na usunięcie "
                 "braków", "Doliczono dni wstrzymania biegu terminu: 8"],
             suspended_days=8, closed_on=date(2026, 2, 10)),
        # 3: decision replaced by a delay notice, 4: the notice's new date
        _old(cases[2], "decision", "cancelled", "wpływ kompletnej prośby", date(2026, 1, 5),
             1, "months", date(2026, 2, 5), date(2026, 2, 5), [
                 "Zdarzenie początkowe: wpływ kompletnej prośby 05.01.2026",
                 "Zastąpiony nowym terminem z zawiadomienia L2026000007"],
             closed_on=date(2026, 2, 2)),
        _old(cases[2], "delay_new_date", "running", "zawiadomienie o zwłoce L2026000007",
             date(2026, 2, 2), 30, "date", date(2026, 3, 4), date(2026, 3, 4), [
                 "Zdarzenie początkowe: zawiadomienie o zwłoce L2026000007 02.02.2026",
                 "Poprzedni termin: 05.02.2026 (zawiadomienie L2026000007)"],
             reason="opinia rzeczoznawcy"),
        # 5: extended deficiency; 6: deemed delivery; 7: cancelled IOK target
        _old(cases[3], "deficiency", "running", "przedłużenie terminu", date(2026, 3, 5), 9,
             "date", date(2026, 3, 14), date(2026, 3, 16), [
                 "Poprzedni termin: 09.03.2026 (przedłużono 05.03.2026)"],
             reason="prośba strony"),
        _old(cases[3], "deficiency", "met", "doręczenie zastępcze wezwania (art. 44 KPA)",
             date(2026, 2, 19), 7, "days", date(2026, 2, 26), date(2026, 2, 26), [
                 "Doręczenie: pierwsze awizo 05.02.2026, doręczenie zastępcze z upływem 14 "
                 "dni: 19.02.2026 (art. 44 KPA)"], closed_on=date(2026, 2, 24),
             letter_id=deemed_letter),
        _old(iok, "iok_target", "cancelled", "złożenie wniosku", date(2026, 2, 2), 14, "days",
             date(2026, 2, 16), date(2026, 2, 16), ["Anulowano: wycofanie wniosku"],
             closed_on=date(2026, 2, 10)),
    ]
    with ctx.db.engine.begin() as conn:
        for row in rows:
            conn.execute(OLD_ROW, row)
        conn.execute(text("INSERT INTO days_off (day, name) VALUES ('2026-05-04', 'Most')"))
    command.upgrade(cfg, "head")

    views = {c: list_case_deadlines(ctx, clerk, c) for c in [*cases, iok]}
    deficiency, decision = views[cases[0]]
    assert deficiency.event.value == "summons_delivered"
    assert deficiency.due_on == date(2026, 3, 9)
    assert deficiency.explanation_lines[0] == (
        "Zdarzenie początkowe: doręczenie wezwania (data z ZPO) 02.03.2026")
    assert decision.state is DeadlineState.SUSPENDED
    assert decision.due_on is None and decision.suspended_on == date(2026, 3, 10)
    assert not any(line.startswith("Termin upływa") for line in decision.explanation_lines)

    (met,) = views[cases[1]]
    assert (met.state, met.suspended_days, met.due_on) == (
        DeadlineState.MET, 8, date(2026, 2, 13))
    assert "Wstrzymanie: 12.01.2026 – 20.01.2026 (8 dni), oczekiwanie na usunięcie braków" \
        in met.explanation_lines

    replaced, new_date = views[cases[2]]
    assert replaced.explanation_lines[-1] == (
        "Zastąpiony nowym terminem z zawiadomienia L2026000007")
    assert new_date.start_event == "zawiadomienie o zwłoce L2026000007"
    assert new_date.extended_reason == "opinia rzeczoznawcy"
    assert new_date.due_on == date(2026, 3, 4)
    assert "Poprzedni termin: 05.02.2026 (zawiadomienie L2026000007)" in (
        new_date.explanation_lines)

    deemed, extended = views[cases[3]]  # oldest start first
    assert extended.due_on == date(2026, 3, 16)
    assert "Poprzedni termin: 09.03.2026 (przedłużono 05.03.2026)" in extended.explanation_lines
    assert any(line.startswith("Reguła: termin wyznaczony ręcznie – powód: prośba strony")
               for line in extended.explanation_lines)
    assert deemed.event.value == "summons_deemed_delivered"
    assert any(line.startswith("Doręczenie: pierwsze awizo 05.02.2026")
               for line in deemed.explanation_lines)

    (cancelled,) = views[iok]
    assert cancelled.explanation_lines[-1] == "Anulowano: wycofanie wniosku"
    with ctx.db.read() as session:
        assert len(session.scalars(select(DeadlineSuspension)).all()) == 2
        assert len(session.scalars(select(DeadlineRedating)).all()) == 2
        (day,) = session.scalars(select(DayOff)).all()
        assert day.kind == "statutory"  # every day recorded before 0004 moved deadlines


def test_round_trip_through_0003_keeps_every_deadline(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    """Downgrade writes the history back as prose; the upgrade reads it again."""
    from clerk_app.services.deadlines.actions import (
        extend_deadline,
        record_deficiencies_removed,
        start_decision_deadline,
    )
    from clerk_app.services.letters.issue import issue_delay_notice, issue_summons
    from tests.services.deadline_fixtures import set_today

    clerk = staff[Role.CLERK]
    resumed = make_case(ctx, clerk.user_id, received_on=date(2026, 3, 2))
    start_decision_deadline(ctx, clerk, resumed, date(2026, 3, 2))
    set_today(clock, date(2026, 3, 10))
    issue_summons(ctx, clerk, resumed, ["Podpis"])
    waiting = make_case(ctx, clerk.user_id, received_on=date(2026, 3, 2))
    start_decision_deadline(ctx, clerk, waiting, date(2026, 3, 2))
    issue_summons(ctx, clerk, waiting, ["Podpis"])
    set_today(clock, date(2026, 3, 18))
    record_deficiencies_removed(ctx, clerk, resumed, date(2026, 3, 18))
    (decision,) = list_case_deadlines(ctx, clerk, resumed)
    extend_deadline(ctx, clerk, decision.id, decision.version, date(2026, 4, 20), "opinia")
    delayed = make_case(ctx, clerk.user_id, received_on=date(2026, 3, 2))
    start_decision_deadline(ctx, clerk, delayed, date(2026, 3, 2))
    issue_delay_notice(ctx, clerk, delayed, date(2026, 4, 30), "opinia biegłego")
    before = {c: list_case_deadlines(ctx, clerk, c) for c in (resumed, waiting, delayed)}
    cfg = migrations.alembic_config(ctx.db.url)
    command.downgrade(cfg, "0003")
    command.upgrade(cfg, "head")
    after = {c: list_case_deadlines(ctx, clerk, c) for c in (resumed, waiting, delayed)}
    for case_id, views in before.items():
        assert [(v.due_on, v.state, v.explanation_lines) for v in after[case_id]] == [
            (v.due_on, v.state, v.explanation_lines) for v in views], case_id
