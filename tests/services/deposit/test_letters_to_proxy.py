"""Letters go to the proxy (KPA art. 40 § 2); the delay notice and its ponaglenie."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from clerk_app.domain.cases import CaseStatus
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.roles import Role
from clerk_app.services.admin.settings import load_letter_texts, save_letter_texts
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.deposit.decisions import refuse
from clerk_app.services.deposit.overview import deposit_overview
from clerk_app.services.letters.issue import (
    envelope_label,
    issue_delay_notice,
    issue_summons,
    list_case_letters,
)
from tests.services.deadline_fixtures import set_today
from tests.services.deposit.flow import register

Staff = dict[Role, Actor]


def test_summons_goes_to_the_proxy_and_names_the_principal(ctx: AppContext,
                                                           staff: Staff) -> None:
    case_id = register(ctx, staff[Role.COUNTER]).case_id
    assert case_id is not None
    letter = issue_summons(ctx, staff[Role.CLERK], case_id, ["Pełnomocnictwo"])
    assert letter.document.header.addressee_lines == (
        "Anna Kowalska", "działający w imieniu: Małgorzata Ślęzak", "ul. Bytomska 84/2",
        "41-940 Piekary Śląskie")
    label = envelope_label(ctx, staff[Role.CLERK], letter.letter_id)
    assert label.addressee_lines[0] == "Anna Kowalska"
    (view,) = list_case_letters(ctx, staff[Role.CLERK], case_id)
    assert view.addressee.startswith("Anna Kowalska\n")
    assert letter.document.body.legal_basis == (
        "art. 64 § 2 Kodeksu postępowania administracyjnego")


def test_without_a_proxy_the_applicant_is_addressed(ctx: AppContext, staff: Staff) -> None:
    case_id = register(ctx, staff[Role.COUNTER], proxy=False).case_id
    assert case_id is not None
    letter = issue_summons(ctx, staff[Role.CLERK], case_id, ["Oświadczenie"])
    assert letter.document.header.addressee_lines == (
        "Małgorzata Ślęzak", "ul. Kalwaryjska 5", "41-940 Piekary Śląskie")


def test_delay_notice_carries_the_ponaglenie_and_its_legal_basis(
        ctx: AppContext, staff: Staff, admin: Actor, clock: object) -> None:
    save_letter_texts(ctx, admin, dataclasses.replace(
        load_letter_texts(ctx, admin), legal_basis_delay_notice="art. 36 § 1 i art. 37 § 1 k.p.a."))
    clerk = staff[Role.CLERK]
    case_id = register(ctx, staff[Role.COUNTER], proxy=False, statement=True).case_id
    assert case_id is not None
    assert deposit_overview(ctx, clerk, case_id).actions.can_issue_delay_notice
    set_today(clock, date(2026, 3, 30))
    letter = issue_delay_notice(ctx, clerk, case_id, date(2026, 4, 30), "Opinia ZGM")
    assert letter.kind is LetterKind.DELAY_NOTICE
    (instruction,) = letter.document.body.after_items
    assert "ponaglenia" in instruction and "art. 37" in instruction
    assert "Prezydenta Miasta Piekary Śląskie" in instruction
    assert "Biura Gospodarki Mieszkaniowej" in instruction
    assert letter.document.body.legal_basis == "art. 36 § 1 i art. 37 § 1 k.p.a."


def test_delay_notice_refused_for_a_settled_case(ctx: AppContext, staff: Staff) -> None:
    clerk = staff[Role.CLERK]
    case_id = register(ctx, staff[Role.COUNTER], proxy=False, statement=True).case_id
    assert case_id is not None
    refuse(ctx, clerk, case_id, deposit_overview(ctx, clerk, case_id).case_version, "Powód")
    assert deposit_overview(ctx, clerk, case_id).status is CaseStatus.CLOSED
    with pytest.raises(ValidationFailed) as err:
        issue_delay_notice(ctx, clerk, case_id, date(2026, 4, 30), "Opinia")
    assert err.value.fields == ["status"]


def test_counter_sees_no_actions(ctx: AppContext, staff: Staff) -> None:
    case_id = register(ctx, staff[Role.COUNTER], proxy=False, statement=True).case_id
    assert case_id is not None
    view = deposit_overview(ctx, staff[Role.COUNTER], case_id)
    assert not any(vars(view.actions).values())
    assert deposit_overview(ctx, staff[Role.CLERK], case_id).actions.can_decide
