"""Letter lookup by scanned identifier, counter and e-mail delivery, repeated recording."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_app.documents.letters import render_envelope_label, render_letter
from clerk_app.domain.letter_kinds import DeliveryMethod, DeliveryStatus, LetterKind
from clerk_app.domain.roles import Role
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, ValidationFailed
from clerk_app.services.letters.delivery import (
    find_letter_by_identifier,
    preview_deemed_delivery,
    record_counter_delivery,
    record_email_delivery,
)
from clerk_app.services.letters.issue import envelope_label, issue_summons, letter_document
from tests.services.deadline_fixtures import make_case, set_today


def test_lookup_and_counter_delivery(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk, counter = staff[Role.CLERK], staff[Role.COUNTER]
    case_id = make_case(ctx, clerk.user_id)
    first = issue_summons(ctx, clerk, case_id, ["Podpis"])
    assert first.identifier == "L2026000001"
    other = issue_summons(ctx, clerk, make_case(ctx, clerk.user_id), ["Podpis"])
    assert other.identifier == "L2026000002"

    found = find_letter_by_identifier(ctx, counter, " l2026 000001\n")
    assert found is not None
    assert found.id == first.letter_id
    assert found.kind == LetterKind.SUMMONS.value
    assert found.kind_label == "Wezwanie do usunięcia braków formalnych"
    assert found.case_signature == "BGM.7141.1.2026"
    assert found.addressee.splitlines() == ["Józef Żółkiewski", "ul. Źródlana 5/3",
                                            "41-940 Piekary Śląskie"]
    assert found.delivery_status is DeliveryStatus.PENDING
    assert find_letter_by_identifier(ctx, counter, "L2026999999") is None

    set_today(clock, date(2026, 3, 4))
    result = record_counter_delivery(ctx, counter, first.letter_id, first.version,
                                     date(2026, 3, 4))
    assert result.letter.delivery_method is DeliveryMethod.COUNTER
    assert result.letter.delivered_on == date(2026, 3, 4)
    assert result.started_deadline is not None
    assert result.started_deadline.due_on == date(2026, 3, 11)
    assert result.started_deadline.start_event == "doręczenie wezwania w urzędzie"

    with pytest.raises(ConflictError):
        record_email_delivery(ctx, counter, first.letter_id, first.version, date(2026, 3, 4))
    with pytest.raises(ValidationFailed) as err:
        record_email_delivery(ctx, counter, first.letter_id, result.letter.version,
                              date(2026, 3, 4))
    assert err.value.fields == ["delivery_status"]
    assert "04.03.2026" in err.value.message

    with pytest.raises(ValidationFailed) as err:
        record_email_delivery(ctx, counter, other.letter_id, other.version, date(2026, 3, 5))
    assert err.value.fields == ["delivered_on"]  # in the future
    email = record_email_delivery(ctx, counter, other.letter_id, other.version,
                                  date(2026, 3, 3))
    assert email.letter.delivery_method is DeliveryMethod.EMAIL


def test_letter_is_stored_as_issued(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    clerk = staff[Role.CLERK]
    letter = issue_summons(ctx, clerk, make_case(ctx, clerk.user_id), ["Podpis"])
    stored = letter_document(ctx, clerk, letter.letter_id)
    assert stored == letter.document
    assert stored.body.items == ("Podpis",)
    assert render_letter(stored).startswith(b"%PDF")
    label = envelope_label(ctx, staff[Role.COUNTER], letter.letter_id)
    assert label.identifier == letter.identifier
    assert render_envelope_label(label).startswith(b"%PDF")


def test_preview_deemed_delivery(ctx: AppContext) -> None:
    computed = preview_deemed_delivery(ctx, date(2026, 3, 21))
    assert computed.result == date(2026, 4, 7)
    assert "Pominięto: 05.04.2026 Niedziela Wielkanocna" in computed.explanation_lines()
