"""The deposit workflow end to end through the services (happy paths)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from clerk_app.domain.agreement import AgreementDocument
from clerk_app.domain.cases import CaseStatus, IncomingKind
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.petition_checklist import PetitionItem
from clerk_app.domain.roles import Role
from clerk_app.domain.settlement import DecisionKind, SettlementKind
from clerk_app.persistence.models import Letter
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.deposit.agreement import prepare_agreement, record_agreement_signed
from clerk_app.services.deposit.completion import reevaluate_completion
from clerk_app.services.deposit.decisions import grant_consent, preview_schedule, refuse
from clerk_app.services.deposit.leave import cases_to_leave, leave_without_consideration
from clerk_app.services.deposit.overview import deposit_overview
from clerk_app.services.letters.issue import issue_delay_notice
from tests.services.deadline_fixtures import case_row, set_today
from tests.services.deposit.flow import register, summon_and_deliver, supplement

Staff = dict[Role, Actor]
ALL_PROXY_ITEMS = (PetitionItem.POWER_OF_ATTORNEY, PetitionItem.STAMP_DUTY,
                   PetitionItem.PROPERTY_STATEMENT)


def _completed_case(ctx: AppContext, staff: Staff, clock: object) -> int:
    counter, clerk = staff[Role.COUNTER], staff[Role.CLERK]
    result = register(ctx, counter)
    assert result.case_id is not None
    assert set(result.missing_items) == set(ALL_PROXY_ITEMS)
    summon_and_deliver(ctx, clerk, clock, result.case_id)
    set_today(clock, date(2026, 3, 11))
    supplement(ctx, counter, result.case_id, ALL_PROXY_ITEMS,
               datetime(2026, 3, 11, 9, tzinfo=UTC), posted_on=date(2026, 3, 10))
    return result.case_id


def test_consent_agreement_and_close(ctx: AppContext, staff: Staff, clock: object) -> None:
    clerk = staff[Role.CLERK]
    case_id = _completed_case(ctx, staff, clock)
    view = deposit_overview(ctx, clerk, case_id)
    assert view.status is CaseStatus.IN_PROGRESS and view.missing == ()
    assert case_row(ctx, case_id).complete_on == date(2026, 3, 10)  # the posting date
    assert view.decision_due == date(2026, 4, 10)
    assert view.actions.can_decide and not view.actions.can_summon
    preview = preview_schedule(ctx, clerk, case_id, 10, date(2026, 4, 15))
    assert preview.deposit == Decimal("1160.60") and preview.total == preview.deposit
    assert len(preview.rows) == 10 and preview.rows[0].amount == Decimal("116.06")
    letter = grant_consent(ctx, clerk, case_id, view.case_version, 10, date(2026, 4, 15))
    assert letter.kind is LetterKind.CONSENT
    assert letter.document.header.addressee_lines[:2] == (
        "Anna Kowalska", "działający w imieniu: Małgorzata Ślęzak")
    assert any("116,06 zł (słownie: sto szesnaście złotych 06/100)" in i
               for i in letter.document.body.items)
    view = deposit_overview(ctx, clerk, case_id)
    assert view.status is CaseStatus.CONSENT and view.decision is not None
    assert view.decision.kind is DecisionKind.CONSENT and view.actions.can_prepare_agreement
    prepared = prepare_agreement(ctx, clerk, case_id, view.case_version)
    assert prepared.document.tenant.pesel == "85010112345"
    with ctx.db.read() as session:
        stored = session.get(Letter, prepared.letter_id)
        assert stored is not None and stored.kind == LetterKind.AGREEMENT
        again = AgreementDocument.from_json(json.loads(stored.extra)["agreement"])
    assert again == prepared.document
    view = deposit_overview(ctx, clerk, case_id)
    assert view.actions.can_record_signing and view.agreement is not None
    set_today(clock, date(2026, 3, 20))
    closed = record_agreement_signed(ctx, clerk, case_id, view.case_version,
                                     date(2026, 3, 19))
    assert closed.status is CaseStatus.CLOSED
    assert closed.settlement is SettlementKind.AGREEMENT_SIGNED
    assert closed.settled_on == date(2026, 3, 19)
    row = case_row(ctx, case_id)
    assert row.settlement_remarks == f"Zgoda; umowa {prepared.identifier} zawarta 19.03.2026"
    assert row.lease_concluded is None


def test_refusal_and_reconsideration(ctx: AppContext, staff: Staff, clock: object) -> None:
    clerk = staff[Role.CLERK]
    case_id = _completed_case(ctx, staff, clock)
    version = deposit_overview(ctx, clerk, case_id).case_version
    letter = refuse(ctx, clerk, case_id, version, "Dochód na osobę jest wysoki.\nBrak długów.")
    assert "Prezydenta Miasta Piekary Śląskie" in " ".join(letter.document.body.after_items)
    view = deposit_overview(ctx, clerk, case_id)
    assert view.status is CaseStatus.CLOSED and view.settlement is SettlementKind.REFUSAL
    set_today(clock, date(2026, 3, 25))
    result = supplement(ctx, staff[Role.COUNTER], case_id, (),
                        datetime(2026, 3, 25, 9, tzinfo=UTC),
                        kind=IncomingKind.RECONSIDERATION)
    assert result.warnings == ()
    view = deposit_overview(ctx, clerk, case_id)
    assert view.status is CaseStatus.IN_PROGRESS and view.settlement is None
    assert view.decision is None and view.decision_due == date(2026, 4, 27)  # 25 Apr: Sat


def test_left_without_consideration(ctx: AppContext, staff: Staff, clock: object) -> None:
    clerk = staff[Role.CLERK]
    case_id = register(ctx, staff[Role.COUNTER]).case_id
    assert case_id is not None
    summon_and_deliver(ctx, clerk, clock, case_id)
    set_today(clock, date(2026, 3, 16))
    (candidate,) = cases_to_leave(ctx, clerk)
    assert candidate.case_id == case_id and candidate.deficiency_due == date(2026, 3, 12)
    assert candidate.days_over == 4
    letter = leave_without_consideration(ctx, clerk, case_id, candidate.case_version)
    assert letter.kind is LetterKind.LEFT_WITHOUT_CONSIDERATION
    view = deposit_overview(ctx, clerk, case_id)
    assert view.status is CaseStatus.CLOSED
    assert view.settlement is SettlementKind.LEFT_WITHOUT_CONSIDERATION
    assert cases_to_leave(ctx, clerk) == []


def test_reevaluate_and_delay_notice(ctx: AppContext, staff: Staff, clock: object) -> None:
    clerk = staff[Role.CLERK]
    case_id = register(ctx, staff[Role.COUNTER], proxy=False).case_id
    assert case_id is not None
    summon_and_deliver(ctx, clerk, clock, case_id)
    with pytest.raises(ValidationFailed) as err:
        issue_delay_notice(ctx, clerk, case_id, date(2026, 4, 30), "Opinia")
    assert err.value.fields == ["status"]
    view = reevaluate_completion(ctx, clerk, case_id)
    assert view.status is CaseStatus.AWAITING_COMPLETION
    assert view.missing == (PetitionItem.PROPERTY_STATEMENT,)
