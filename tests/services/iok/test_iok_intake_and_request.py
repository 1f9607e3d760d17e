"""Every IOK request is registered (deficient ones marked), shown and edited version-checked."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clerk_app.domain.cases import CaseStatus
from clerk_app.domain.checklists import IOK_EMAIL, IOK_EMAIL_INVALID, IOK_SIGNATURE
from clerk_app.domain.iok_stage import IokStage
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, PermissionDenied, ValidationFailed
from clerk_app.services.iok.request import save_request
from tests.conftest import FakeClock
from tests.services.deadline_fixtures import case_row, set_today
from tests.services.iok.flow import register_iok, view

Staff = dict[Role, Actor]


@pytest.mark.parametrize(("email", "signed", "missing"), [
    (None, True, [IOK_EMAIL.label]),
    ("jan.kos@@example", True, [IOK_EMAIL_INVALID.label]),
    ("jan@example.pl", False, [IOK_SIGNATURE.label]),
    ("", False, [IOK_EMAIL.label, IOK_SIGNATURE.label]),
])
def test_deficient_request_is_registered_and_marked(
    ctx: AppContext, staff: Staff, email: str | None, signed: bool, missing: list[str]
) -> None:
    result = register_iok(ctx, staff[Role.COUNTER], email=email, signed=signed)
    assert result.case_id is not None and result.signature
    assert list(result.iok_missing) == missing
    assert any("niekompletny" in w for w in result.warnings)
    v = view(ctx, staff[Role.CLERK], result.case_id)
    assert list(v.missing) == missing and v.stage is IokStage.DEFICIENT
    assert v.data.email == ((email or "").strip() or None)  # kept as typed
    assert v.status is CaseStatus.REGISTERED


def test_complete_request_is_ready_with_premises_of_the_address(
    ctx: AppContext, staff: Staff
) -> None:
    result = register_iok(ctx, staff[Role.COUNTER], email="Jan.Kos@Example.PL")
    assert result.case_id is not None and not result.iok_missing
    v = view(ctx, staff[Role.CLERK], result.case_id)
    assert v.stage is IokStage.READY and v.missing == ()
    assert (v.data.premises_street, v.data.premises_building, v.data.premises_flat) == (
        "Bytomska", "12", "3")
    assert v.data.email == "Jan.Kos@example.pl" and v.data.contractor_number == "100200"
    assert v.target is not None and v.target.due_on == date(2026, 3, 16)


def test_clerk_edits_version_checked_and_counter_only_same_day(
    ctx: AppContext, staff: Staff, clock: FakeClock
) -> None:
    case_id = register_iok(ctx, staff[Role.COUNTER]).case_id
    assert case_id is not None
    clerk = staff[Role.CLERK]
    v = view(ctx, clerk, case_id)
    new = replace(v.data, premises_street="Kalwaryjska", premises_building="5",
                  premises_flat="", contractor_number=" 777 ", e_invoice_consent=False)
    saved = save_request(ctx, clerk, case_id, v.version, v.case_version, new)
    assert saved.data.premises_street == "Kalwaryjska"
    assert saved.data.contractor_number == "777" and saved.version == v.version + 1
    with pytest.raises(ConflictError):  # a second clerk with the old versions
        save_request(ctx, staff[Role.SUPERVISOR], case_id, v.version, v.case_version, new)
    assert case_row(ctx, case_id).street == "Bytomska"  # the postal address unchanged
    counter = staff[Role.COUNTER]
    mine = view(ctx, counter, case_id)
    assert mine.may_edit
    save_request(ctx, counter, case_id, mine.version, mine.case_version,
                 replace(mine.data, phone="600 200 300"))
    set_today(clock, date(2026, 3, 3))
    later = view(ctx, counter, case_id)
    assert not later.may_edit
    with pytest.raises(PermissionDenied):
        save_request(ctx, counter, case_id, later.version, later.case_version, later.data)
    with pytest.raises(ValidationFailed) as err:
        save_request(ctx, clerk, case_id, later.version, later.case_version,
                     replace(later.data, premises_building="x" * 30))
    assert err.value.fields == ["premises_building"]
