"""Who may correct an applicant's data: clerks any case; counter staff only a case they
registered themselves, on the same day."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clerk_app.domain.roles import Role
from clerk_app.services.admin.users import NewUser, create_user
from clerk_app.services.cases import detail as case_detail
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied
from clerk_app.services.intake import registration as intake
from tests.conftest import TEST_PASSWORD, FakeClock
from tests.services.test_intake import iok_request


def _case(ctx: AppContext, actor: Actor) -> int:
    case_id = intake.register_item(ctx, actor, iok_request()).case_id
    assert case_id is not None
    return case_id


def _rename(ctx: AppContext, actor: Actor, case_id: int, last: str) -> int:
    detail = case_detail.get_case(ctx, actor, case_id)
    return case_detail.update_applicant(ctx, actor, case_id, detail.version,
                                        replace(detail.applicant, last_name=last))


def test_counter_corrects_own_registration_the_same_day(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    counter = staff[Role.COUNTER]
    case_id = _case(ctx, counter)
    _rename(ctx, counter, case_id, "Nowakowska")
    assert case_detail.get_case(ctx, counter, case_id).applicant.last_name == "Nowakowska"


def test_counter_cannot_edit_another_persons_case(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    other_id = create_user(ctx, staff[Role.ADMIN], NewUser(
        "okienko2", "Druga Osoba", Role.COUNTER, TEST_PASSWORD))
    other = Actor(other_id, "okienko2", "Druga Osoba", Role.COUNTER)
    case_id = _case(ctx, staff[Role.COUNTER])
    with pytest.raises(PermissionDenied, match="tylko tego samego dnia"):
        _rename(ctx, other, case_id, "Zmieniona")
    _rename(ctx, staff[Role.CLERK], case_id, "Poprawiona")  # a clerk may


def test_counter_cannot_edit_own_registration_the_next_day(
    ctx: AppContext, staff: dict[Role, Actor], clock: FakeClock
) -> None:
    counter = staff[Role.COUNTER]
    case_id = _case(ctx, counter)
    clock.advance(days=1)
    with pytest.raises(PermissionDenied, match="Poproś o poprawkę referenta"):
        _rename(ctx, counter, case_id, "Zmieniona")
    assert case_detail.get_case(ctx, counter, case_id).applicant.last_name != "Zmieniona"
