"""Consent and refusal: the rules they check and what they store; reconsideration."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from clerk_app.domain.cases import CaseStatus, IncomingKind
from clerk_app.domain.roles import Role
from clerk_app.domain.settlement import DecisionKind
from clerk_app.persistence.models import DepositDecision, Letter
from clerk_app.services.admin.settings import load_letter_texts, save_letter_texts
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, PermissionDenied, ValidationFailed
from clerk_app.services.deposit.decisions import grant_consent, preview_schedule, refuse
from clerk_app.services.deposit.overview import deposit_overview
from tests.services.deadline_fixtures import audit_actions, case_row, set_today
from tests.services.deposit.flow import register, summon_and_deliver, supplement

Staff = dict[Role, Actor]


def _counts(ctx: AppContext, case_id: int) -> tuple[int, int]:
    with ctx.db.read() as session:
        letters = session.scalar(select(func.count()).select_from(Letter)
                                 .where(Letter.case_id == case_id)) or 0
        decisions = session.scalar(select(func.count()).select_from(DepositDecision)
                                   .where(DepositDecision.case_id == case_id)) or 0
        return letters, decisions


def _complete(ctx: AppContext, staff: Staff) -> tuple[int, int]:
    case_id = register(ctx, staff[Role.COUNTER], proxy=False, statement=True).case_id
    assert case_id is not None
    return case_id, deposit_overview(ctx, staff[Role.CLERK], case_id).case_version


def test_preview_moves_due_dates_off_days_off(ctx: AppContext, staff: Staff) -> None:
    case_id, _version = _complete(ctx, staff)
    preview = preview_schedule(ctx, staff[Role.COUNTER], case_id, 3, date(2026, 4, 4))
    assert [r.due_on for r in preview.rows] == [date(2026, 4, 7), date(2026, 5, 4),
                                               date(2026, 6, 5)]  # Easter Monday, 3 May
    assert preview.rows[0].amount_in_words.endswith("/100")
    with pytest.raises(ValidationFailed) as err:
        preview_schedule(ctx, staff[Role.CLERK], case_id, 11, date(2026, 4, 4))
    assert err.value.fields == ["instalment_count"]


def test_consent_rules_and_nothing_half_saved(ctx: AppContext, staff: Staff,
                                              clock: object) -> None:
    clerk = staff[Role.CLERK]
    case_id, version = _complete(ctx, staff)
    cases = [((1, date(2026, 4, 15)), "instalment_count"),
             ((11, date(2026, 4, 15)), "instalment_count"),
             ((5, date(2026, 3, 1)), "first_due_on")]
    for (count, first), key in cases:
        with pytest.raises(ValidationFailed) as err:
            grant_consent(ctx, clerk, case_id, version, count, first)
        assert err.value.fields == [key]
    with pytest.raises(ConflictError):
        grant_consent(ctx, clerk, case_id, version + 1, 5, date(2026, 4, 15))
    with pytest.raises(PermissionDenied):
        grant_consent(ctx, staff[Role.COUNTER], case_id, version, 5, date(2026, 4, 15))
    assert _counts(ctx, case_id) == (0, 0)
    assert case_row(ctx, case_id).status == CaseStatus.REGISTERED
    # A complete petition still marked registered goes through "in progress" to consent.
    grant_consent(ctx, clerk, case_id, version, 2, date(2026, 3, 2))
    assert case_row(ctx, case_id).status == CaseStatus.CONSENT
    steps = [c["status"] for _e, a, c in audit_actions(ctx, case_id) if a == "consent"]
    assert steps == [["registered", "in_progress"], ["in_progress", "consent"]]
    assert any(a == "decide" for _e, a, _c in audit_actions(ctx, case_id))
    again = deposit_overview(ctx, clerk, case_id)
    with pytest.raises(ValidationFailed) as err:
        refuse(ctx, clerk, case_id, again.case_version, "Zmiana zdania")
    assert err.value.fields == ["status"]


def test_incomplete_petition_cannot_be_decided(ctx: AppContext, staff: Staff,
                                               clock: object) -> None:
    clerk = staff[Role.CLERK]
    case_id = register(ctx, staff[Role.COUNTER]).case_id
    assert case_id is not None
    version = deposit_overview(ctx, clerk, case_id).case_version
    with pytest.raises(ValidationFailed) as err:
        grant_consent(ctx, clerk, case_id, version, 5, date(2026, 4, 15))
    assert err.value.fields == ["checklist"] and "Pełnomocnictwo" in err.value.message
    summon_and_deliver(ctx, clerk, clock, case_id)
    version = deposit_overview(ctx, clerk, case_id).case_version
    with pytest.raises(ValidationFailed) as err:
        refuse(ctx, clerk, case_id, version, "Powód")
    assert err.value.fields == ["status"]


def test_refusal_reasoning_remedy_and_legal_basis_setting(
        ctx: AppContext, staff: Staff, admin: Actor) -> None:
    clerk = staff[Role.CLERK]
    save_letter_texts(ctx, admin, dataclasses.replace(
        load_letter_texts(ctx, admin), legal_basis_refusal="§ 5 zarządzenia nr 123/2026"))
    case_id, version = _complete(ctx, staff)
    with pytest.raises(ValidationFailed) as err:
        refuse(ctx, clerk, case_id, version, "  \n ")
    assert err.value.fields == ["reasoning"]
    assert "Uzasadnienie odmowy" in err.value.message
    assert _counts(ctx, case_id) == (0, 0)
    letter = refuse(ctx, clerk, case_id, version,
                    "Dochód na osobę przekracza próg.\n\nBrak szczególnie uzasadnionego "
                    "przypadku.")
    body = letter.document.body
    assert "Dochód na osobę przekracza próg." in body.paragraphs
    assert "Brak szczególnie uzasadnionego przypadku." in body.paragraphs
    assert "podania o ponowne rozpatrzenie" in body.after_items[0]
    assert "Biura Gospodarki Mieszkaniowej" in body.after_items[0]
    assert body.legal_basis == "§ 5 zarządzenia nr 123/2026"
    view = deposit_overview(ctx, clerk, case_id)
    assert view.decision is not None and view.decision.kind is DecisionKind.REFUSAL
    assert view.decision.letter_identifier == letter.identifier
    assert view.decision.reasoning.splitlines()[0] == "Dochód na osobę przekracza próg."
    assert case_row(ctx, case_id).settlement_remarks.startswith("Odmowa rozłożenia kaucji")


def test_reconsideration_of_a_case_not_refused_changes_nothing(
        ctx: AppContext, staff: Staff, clock: object) -> None:
    case_id, version = _complete(ctx, staff)
    result = supplement(ctx, staff[Role.COUNTER], case_id, (),
                        datetime(2026, 3, 3, 9, tzinfo=UTC), kind=IncomingKind.RECONSIDERATION)
    assert result.warnings and "odmową" in result.warnings[0]
    assert deposit_overview(ctx, staff[Role.CLERK], case_id).case_version == version


def test_reconsideration_supersedes_the_refusal(ctx: AppContext, staff: Staff,
                                                clock: object) -> None:
    clerk = staff[Role.CLERK]
    case_id, version = _complete(ctx, staff)
    refuse(ctx, clerk, case_id, version, "Powód odmowy")
    set_today(clock, date(2026, 3, 31))
    supplement(ctx, staff[Role.COUNTER], case_id, (), datetime(2026, 3, 31, 9, tzinfo=UTC),
               kind=IncomingKind.RECONSIDERATION)
    with ctx.db.read() as session:
        (old,) = session.scalars(select(DepositDecision)
                                 .where(DepositDecision.case_id == case_id)).all()
        assert old.superseded_on == date(2026, 3, 31)
    row = case_row(ctx, case_id)
    assert row.settled_on is None and row.settlement is None and row.settlement_remarks == ""
    view = deposit_overview(ctx, clerk, case_id)
    assert view.actions.can_decide and view.decision_due == date(2026, 4, 30)
    grant_consent(ctx, clerk, case_id, view.case_version, 4, date(2026, 4, 15))
    assert deposit_overview(ctx, clerk, case_id).decision.kind is DecisionKind.CONSENT  # type: ignore[union-attr]
