"""Every input is checked before the database sees it (issue 12, point 2): one source of
lengths, no control characters or lone surrogates, finite money, dates inside the office's
records; as properties over the real registration service on both back-ends."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from clerk_app.domain.field_limits import TEXT_LIMITS, check_text
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import Case, IncomingItem
from clerk_app.persistence.models_cases import Case as CaseModel
from clerk_app.persistence.models_intake import IncomingItem as ItemModel
from clerk_app.services.cases.query import CaseQuery, count_cases
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake.types import DepositDetailsInput, SenderInput
from tests.services.test_intake import RECEIVED, deposit_petition, iok_request

BAD_TEXTS = ["Jan\x00", "Jan\ud800", "Ja\x07n", "Jan\u202eAnna", "Jan\nKowalski"]


def _rows(ctx: AppContext) -> tuple[int, int]:
    with ctx.db.read() as session:
        return (int(session.scalar(select(func.count()).select_from(Case)) or 0),
                int(session.scalar(select(func.count()).select_from(IncomingItem)) or 0))


def _sender(**over: str) -> SenderInput:
    base = SenderInput("Józef", "Żółkiewski", None, "Bytomska", "12", "3", "41-940",
                       "Piekary Śląskie", None, "jozef@example.pl")
    return dataclasses.replace(base, **over)


@pytest.mark.parametrize("field", ["first_name", "last_name", "street", "city", "building"])
@pytest.mark.parametrize("text", BAD_TEXTS)
def test_control_characters_are_refused_naming_the_field(
    ctx: AppContext, staff: dict[Role, Actor], field: str, text: str
) -> None:
    with pytest.raises(ValidationFailed) as err:
        intake.register_item(ctx, staff[Role.COUNTER], iok_request(sender=_sender(**{field: text})))
    assert err.value.fields == [field]
    assert "niedozwolony" in err.value.message
    assert _rows(ctx) == (0, 0)  # nothing half-saved


@pytest.mark.parametrize(("field", "length"), [
    ("first_name", 101), ("last_name", 300), ("street", 5000), ("city", 101)])
def test_text_longer_than_its_column_is_refused(
    ctx: AppContext, staff: dict[Role, Actor], field: str, length: int
) -> None:
    """PostgreSQL crashed on these; SQLite silently stored a 5,000-character street."""
    with pytest.raises(ValidationFailed) as err:
        intake.register_item(ctx, staff[Role.COUNTER],
                             iok_request(sender=_sender(**{field: "x" * length})))
    assert err.value.fields == [field] and f"wpisano {length}" in err.value.message
    assert _rows(ctx) == (0, 0)


def test_the_models_take_their_lengths_from_the_same_table() -> None:
    columns = {"first_name": CaseModel.applicant_first_name, "street": CaseModel.street,
               "email": CaseModel.applicant_email, "subject": ItemModel.subject,
               "sender_reference": ItemModel.sender_reference}
    for key, column in columns.items():
        assert column.property.columns[0].type.length == TEXT_LIMITS[key], key


@pytest.mark.parametrize("rent", ["NaN", "Infinity", "-Infinity", "sNaN"])
def test_rent_that_is_not_a_number_is_refused(
    ctx: AppContext, staff: dict[Role, Actor], rent: str
) -> None:
    with pytest.raises(ValidationFailed) as err:
        intake.register_item(ctx, staff[Role.COUNTER], deposit_petition(
            deposit=DepositDetailsInput(Decimal(rent), 5)))
    assert err.value.fields == ["monthly_rent"]
    assert _rows(ctx) == (0, 0)


@pytest.mark.parametrize(("over", "field"), [
    ({"received_at": RECEIVED + timedelta(days=2)}, "received_at"),
    ({"received_at": datetime(9999, 12, 31, 12, tzinfo=UTC)}, "received_at"),
    ({"received_at": datetime(1900, 1, 1, 12, tzinfo=UTC)}, "received_at"),
    ({"posted_on": date(1899, 12, 31)}, "posted_on"),
    ({"posted_on": date(9999, 12, 31)}, "posted_on"),
    ({"sender_reference_date": date(2026, 3, 5)}, "sender_reference_date"),
])
def test_dates_outside_the_records_are_refused_never_an_overflow(
    ctx: AppContext, staff: dict[Role, Actor], over: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationFailed) as err:
        intake.register_item(ctx, staff[Role.COUNTER], iok_request(**over))
    assert field in err.value.fields
    assert _rows(ctx) == (0, 0)


@pytest.mark.parametrize("text", ["kowal\x00", "\ud800", "a" * 201])
def test_the_search_box_refuses_control_characters(
    ctx: AppContext, staff: dict[Role, Actor], text: str
) -> None:
    with pytest.raises(ValidationFailed) as err:
        count_cases(ctx, staff[Role.CLERK], CaseQuery(search=text))
    assert err.value.fields == ["case_search"]


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.text(max_size=120), street=st.text(max_size=130),
       subject=st.text(min_size=1, max_size=310))
def test_any_text_is_stored_exactly_or_refused_whole(
    ctx: AppContext, staff: dict[Role, Actor], first: str, street: str, subject: str
) -> None:
    """0 crashes, 0 partial rows: a registration either stores what was typed (stripped)
    or is refused with a Polish message naming a field."""
    before = _rows(ctx)
    try:
        result = intake.register_item(ctx, staff[Role.COUNTER], iok_request(
            sender=_sender(first_name=first, street=street), subject=subject))
    except ValidationFailed as exc:
        assert exc.fields and exc.message
        assert _rows(ctx) == before
        return
    with ctx.db.read() as session:
        case = session.get(Case, result.case_id)
        assert case is not None
        assert case.applicant_first_name == check_text(first, "first_name")
        assert case.street == check_text(street, "street")
    assert _rows(ctx) == (before[0] + 1, before[1] + 1)


def test_a_rent_above_the_office_ceiling_is_refused(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    """A rent whose deposit overflowed its column reached the database."""
    from clerk_app.services.admin.settings import OfficeSettings, validate_settings

    with pytest.raises(ValidationFailed) as err:
        intake.register_item(ctx, staff[Role.COUNTER], deposit_petition(
            deposit=DepositDetailsInput(Decimal("99999999999.00"), 5)))
    assert err.value.fields == ["monthly_rent"] and "20 000,00" in err.value.message
    assert _rows(ctx) == (0, 0)
    intake.register_item(ctx, staff[Role.COUNTER], deposit_petition(
        deposit=DepositDetailsInput(Decimal("20000.00"), 5)))  # the ceiling itself is fine
    with pytest.raises(ValidationFailed) as err:
        validate_settings(OfficeSettings(max_monthly_rent="1000000000.00"))
    assert err.value.fields == ["max_monthly_rent"]
