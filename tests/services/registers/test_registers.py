"""The case register and the incoming-mail register read from the database (both back-ends)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, update

from clerk_app.domain.registers import CaseRegisterRow
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import Case, User
from clerk_app.services.core.context import SYSTEM_READER, Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied, ValidationFailed
from clerk_app.services.registers.registers import (
    case_register,
    incoming_register,
    register_choices,
)
from tests.services.registers.register_fixtures import fill_registers


def test_case_register_lists_cases_with_opening_sender_and_settlement(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    fill_registers(ctx, staff)
    register = case_register(ctx, staff[Role.SUPERVISOR], "ZGM", "0143", 2026)
    assert register.symbol == "ZGM.0143" and register.year == 2026
    assert register.generated_by == "Krystyna Kierownik"
    assert [r.number for r in register.rows] == [1, 2]  # the 2025 request is another register
    first, late = register.rows
    assert first == CaseRegisterRow(
        number=1, signature="ZGM.0143.1.2026", subject="Wniosek o utworzenie konta IOK",
        sender="Józef Żółkiewski", sender_reference="WN/7/2026",
        sender_reference_date=date(2026, 2, 27), opened_on=date(2026, 3, 2),
        settled_on=date(2026, 3, 10),
        remarks="Przekazano dane logowania do IOK; Dane logowania wysłane e-mailem.")
    # the supplement from "Inny" did not become the case's sender
    assert late.settled_on is None and late.remarks == "" and late.sender_reference == ""
    assert register.settled_count == 1
    deposit = case_register(ctx, staff[Role.SUPERVISOR], " BGM ", "7141", 2026)
    assert [(r.signature, r.sender) for r in deposit.rows] == [("BGM.7141.1.2026",
                                                                "Małgorzata Ślęzak")]


def test_unknown_unit_or_class_is_an_empty_register(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    fill_registers(ctx, staff)
    register = case_register(ctx, staff[Role.SUPERVISOR], "XYZ", "0143", 2026)
    assert register.rows == () and register.symbol == "XYZ.0143"
    assert incoming_register(ctx, staff[Role.SUPERVISOR], 1999).rows == ()


def test_incoming_register_in_number_order_with_office_dates(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    fill_registers(ctx, staff)
    register = incoming_register(ctx, staff[Role.SUPERVISOR], 2026)
    rows = register.rows
    assert [r.entry_number for r in rows] == ["1/2026", "2/2026", "3/2026", "4/2026", "5/2026"]
    first, deposit, supplement, other, late = rows
    assert first.received_on == date(2026, 3, 2) and first.attachments == 2
    assert first.sender == "Józef Żółkiewski" and first.sender_reference == "WN/7/2026"
    assert first.assigned_to == "Józef Żółkiewski"  # the clerk it was assigned to
    assert first.remarks == "Wniosek & załącznik <A>; Sprawa ZGM.0143.1.2026"
    assert supplement.sender == "Józef Inny" and supplement.remarks == "Sprawa ZGM.0143.1.2026"
    assert supplement.subject == "Uzupełnienie podpisu"
    assert other.remarks == "" and other.assigned_to == ""
    assert deposit.remarks == "Sprawa BGM.7141.1.2026"
    assert late.received_on == date(2026, 3, 3)  # 23:30 UTC is past midnight in Poland
    older = incoming_register(ctx, staff[Role.SUPERVISOR], 2025)
    assert [r.entry_number for r in older.rows] == ["1/2025"]


def test_one_select_per_register(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    fill_registers(ctx, staff)
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(ctx.db.engine, "before_cursor_execute", count)
    try:
        case_register(ctx, staff[Role.SUPERVISOR], "ZGM", "0143", 2026)
        incoming_register(ctx, staff[Role.SUPERVISOR], 2026)
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", count)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 4  # per register: the account re-read and the register's query


@pytest.mark.parametrize("role", [Role.COUNTER, Role.CLERK, Role.ADMIN])
def test_only_supervisors_read_registers(
    ctx: AppContext, staff: dict[Role, Actor], role: Role
) -> None:
    with pytest.raises(PermissionDenied):
        case_register(ctx, staff[role], "ZGM", "0143", 2026)
    with pytest.raises(PermissionDenied):
        incoming_register(ctx, staff[role], 2026)
    with pytest.raises(PermissionDenied):
        register_choices(ctx, staff[role])


def test_role_is_re_read(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    boss = staff[Role.SUPERVISOR]
    assert incoming_register(ctx, boss, 2026).rows == ()
    with ctx.db.transaction() as session:
        session.execute(update(User).where(User.id == boss.user_id).values(role=Role.CLERK))
    with pytest.raises(PermissionDenied):
        incoming_register(ctx, boss, 2026)  # the actor still says supervisor


def test_system_reader_of_the_command_line(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    fill_registers(ctx, staff)
    register = case_register(ctx, SYSTEM_READER, "ZGM", "0143", 2026)
    assert len(register.rows) == 2 and register.generated_by == "clerk-app (system)"


def test_bad_parameters_name_their_fields(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    boss = staff[Role.SUPERVISOR]
    with pytest.raises(ValidationFailed) as caught:
        case_register(ctx, boss, " ", "x" * 21, 0)
    assert [e.key for e in caught.value.errors] == ["unit", "jrwa_class", "year"]
    assert "Rok" in str(caught.value.errors[2])
    with pytest.raises(ValidationFailed):
        incoming_register(ctx, boss, True)  # type: ignore[arg-type]


def test_choices_offer_settings_first_then_classes_of_cases(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    fill_registers(ctx, staff)
    with ctx.db.transaction() as session:  # a class the settings no longer name
        session.execute(update(Case).where(Case.year == 2025).values(jrwa_class="0142"))
    choices = register_choices(ctx, staff[Role.SUPERVISOR])
    assert choices.classes == (("ZGM", "0143"), ("BGM", "7141"), ("ZGM", "0142"))
    assert choices.case_years == (2026, 2025)
    assert choices.incoming_years == (2026, 2025)


def test_case_without_an_incoming_item_names_its_applicant(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    from tests.services.deadline_fixtures import make_case

    make_case(ctx, staff[Role.CLERK].user_id, first_name="Ewa", last_name="Ąbacka")
    (row,) = case_register(ctx, staff[Role.SUPERVISOR], "BGM", "7141", 2026).rows
    assert row.sender == "Ewa Ąbacka" and row.sender_reference_date is None
    assert row.subject == "Prośba o rozłożenie kaucji na raty"
