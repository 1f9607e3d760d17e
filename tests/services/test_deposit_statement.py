"""The property statement: clerks only, every view recorded, version-checked, totals right."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from clerk_app.domain.petition_checklist import ItemState, PetitionItem
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, PermissionDenied, ValidationFailed
from clerk_app.services.deposit.petition import petition_form
from clerk_app.services.deposit.statement import (
    read_statement,
    save_statement,
    statement_viewers,
)
from clerk_app.services.deposit.statement_types import IncomeInput, MemberInput, StatementInput
from tests.conftest import FakeClock
from tests.services.deadline_fixtures import audit_actions
from tests.services.deposit_fixtures import register_petition

Staff = dict[Role, Actor]
PESEL = "44051401458"  # born 14.05.1944
STATEMENT = StatementInput(
    signed_on=date(2026, 3, 1),
    members=(
        MemberInput("Małgorzata Ślęzak", "wnioskodawczyni", None, date(1980, 1, 2), (
            IncomeInput("umowa o pracę", Decimal("3200.50")),
            IncomeInput("umowa zlecenie", Decimal("450.25")))),
        MemberInput("Jan Ślęzak", "ojciec", PESEL, None, (
            IncomeInput("emerytura", Decimal("2100.00")),)),
        MemberInput("Zofia Ślęzak", "córka", None, date(2015, 6, 1), (
            IncomeInput("świadczenie wychowawcze 800+", Decimal("800.00")),)),
    ),
    vehicles="Skoda Fabia 2009", savings=Decimal("1500.00"), debts=Decimal("2000.00"),
    debts_description="kredyt konsumpcyjny",
)


def _new_case(ctx: AppContext, staff: Staff) -> int:
    return register_petition(ctx, staff[Role.COUNTER])


def test_counter_is_refused_reading_and_saving(ctx: AppContext, staff: Staff) -> None:
    case_id = _new_case(ctx, staff)
    with pytest.raises(PermissionDenied):
        read_statement(ctx, staff[Role.COUNTER], case_id)
    with pytest.raises(PermissionDenied):
        save_statement(ctx, staff[Role.COUNTER], case_id, 0, STATEMENT)
    assert statement_viewers(ctx, staff[Role.SUPERVISOR], case_id) == []


def test_save_and_read_with_totals(ctx: AppContext, staff: Staff) -> None:
    case_id = _new_case(ctx, staff)
    clerk = staff[Role.CLERK]
    empty = read_statement(ctx, clerk, case_id)
    assert empty.version == 0 and not empty.recorded and empty.data.members == ()
    version = save_statement(ctx, clerk, case_id, 0, STATEMENT)
    form = read_statement(ctx, clerk, case_id)
    assert form.recorded and form.version == version
    assert form.data.members[1].birth_date == date(1944, 5, 14)  # from the PESEL
    assert form.data.members[0].incomes == STATEMENT.members[0].incomes
    totals = form.totals
    assert totals.member_incomes == (Decimal("3650.75"), Decimal("2100.00"),
                                     Decimal("800.00"))
    assert totals.total_income == Decimal("6550.75")
    assert totals.income_per_person == Decimal("2183.58")  # 2183.5833… to the grosz
    assert totals.savings_less_debts == Decimal("-500.00")
    assert form.data.debts_description == "kredyt konsumpcyjny"
    states = {line.item: line.state for line in petition_form(ctx, clerk, case_id).checklist}
    assert states[PetitionItem.PROPERTY_STATEMENT] is ItemState.PRESENT
    actions = [a[1] for a in audit_actions(ctx, case_id)]
    assert actions.count("create_statement") == 1 and actions.count("update_household") == 1


def test_every_view_is_logged_even_without_a_change(ctx: AppContext, staff: Staff,
                                                    clock: FakeClock) -> None:
    case_id = _new_case(ctx, staff)
    clerk, supervisor = staff[Role.CLERK], staff[Role.SUPERVISOR]
    save_statement(ctx, clerk, case_id, 0, STATEMENT)
    first = clock.current
    read_statement(ctx, clerk, case_id)
    clock.advance(minutes=5)
    read_statement(ctx, clerk, case_id)
    clock.advance(minutes=5)
    read_statement(ctx, supervisor, case_id)
    viewers = statement_viewers(ctx, supervisor, case_id)
    assert [(v.username, v.full_name) for v in viewers] == [
        ("referent", "Józef Żółkiewski"), ("referent", "Józef Żółkiewski"),
        ("kierownik", "Krystyna Kierownik")]
    assert [v.viewed_at for v in viewers] == [first, first + timedelta(minutes=5),
                                              first + timedelta(minutes=10)]
    with pytest.raises(PermissionDenied):
        statement_viewers(ctx, clerk, case_id)


def test_stale_version_conflicts_and_nothing_is_saved(ctx: AppContext, staff: Staff) -> None:
    case_id = _new_case(ctx, staff)
    clerk = staff[Role.CLERK]
    version = save_statement(ctx, clerk, case_id, 0, STATEMENT)
    fewer = replace(STATEMENT, members=STATEMENT.members[:1])
    new_version = save_statement(ctx, clerk, case_id, version, fewer)
    assert new_version > version
    with pytest.raises(ConflictError):
        save_statement(ctx, staff[Role.SUPERVISOR], case_id, version, STATEMENT)
    with pytest.raises(ConflictError):
        save_statement(ctx, clerk, case_id, 0, STATEMENT)  # created meanwhile
    form = read_statement(ctx, clerk, case_id)
    assert len(form.data.members) == 1 and form.version == new_version
    assert form.totals.total_income == Decimal("3650.75")
    assert form.totals.income_per_person == Decimal("3650.75")


def test_every_bad_field_is_reported(ctx: AppContext, staff: Staff) -> None:
    case_id = _new_case(ctx, staff)
    clerk = staff[Role.CLERK]
    bad = replace(STATEMENT, signed_on=date(2030, 1, 1), savings=Decimal("-1"), members=(
        MemberInput("", "syn", "44051401459"),
        MemberInput("Jan Ślęzak", "ojciec", PESEL, date(1950, 1, 1),
                    (IncomeInput("", Decimal("10.005")),)),
    ))
    with pytest.raises(ValidationFailed) as err:
        save_statement(ctx, clerk, case_id, 0, bad)
    assert err.value.fields == ["signed_on", "member_full_name", "member_pesel",
                                "member_birth_date", "income_source", "income_amount",
                                "savings"]
    assert "Pole „PESEL członka gospodarstwa (osoba 1)”" in err.value.message
    assert "Pole „Kwota dochodu (osoba 2, dochód 1)”" in err.value.message
    with pytest.raises(ValidationFailed, match="co najmniej 1 osobę"):
        save_statement(ctx, clerk, case_id, 0, replace(STATEMENT, members=()))
    assert not read_statement(ctx, clerk, case_id).recorded


def test_case_timeline_shows_no_finances(ctx: AppContext, staff: Staff) -> None:
    """The counter reads the timeline: a saved statement is named, its figures are not."""
    from clerk_app.services.cases.detail import case_timeline

    case_id = _new_case(ctx, staff)
    version = save_statement(ctx, staff[Role.CLERK], case_id, 0, STATEMENT)
    save_statement(ctx, staff[Role.CLERK], case_id, version,
                   replace(STATEMENT, savings=Decimal("9999.99")))
    texts = [e.text for e in case_timeline(ctx, staff[Role.COUNTER], case_id)]
    assert texts.count("Zapisano oświadczenie o stanie majątkowym") == 3
    assert not any("9999" in t or "1500" in t or "Ślęzak (ojciec)" in t for t in texts)
