"""ZGM's completion request: the target pauses, the reply period runs, completion resumes
the target (waiting days not counted); no reply closes the request as not completed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clerk_app.domain.cases import CaseStatus, DeadlineKind, DeadlineState
from clerk_app.domain.iok_stage import IokStage
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.roles import Role
from clerk_app.domain.settlement import SettlementKind
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.iok.completion import close_not_completed, request_completion
from clerk_app.services.iok.request import save_request
from clerk_app.services.letters.issue import issue_summons
from tests.conftest import FakeClock
from tests.services.deadline_fixtures import case_row, set_today
from tests.services.iok.flow import register_iok, view

Staff = dict[Role, Actor]


def test_unsigned_request_completed_resumes_target(
    ctx: AppContext, staff: Staff, clock: FakeClock
) -> None:
    clerk = staff[Role.CLERK]
    case_id = register_iok(ctx, staff[Role.COUNTER], signed=False).case_id
    assert case_id is not None
    set_today(clock, date(2026, 3, 4))
    out = request_completion(ctx, clerk, case_id, by_email=True)
    assert out.by_email and out.reply_by == date(2026, 3, 18)
    assert out.letter.kind is LetterKind.IOK_COMPLETION
    body = out.letter.document.body
    text = " ".join((*body.paragraphs, *body.after_items, body.legal_basis))
    assert "Regulamin" in text and "k.p.a" not in text.lower() and "KPA" not in text
    assert "bez rozpoznania" not in text and "18.03.2026" in text
    header = out.letter.document.header
    assert header.sender_lines[0].startswith("Zakład Gospodarki Mieszkaniowej")
    assert any("287-29-81" in line for line in header.sender_lines)
    v = view(ctx, clerk, case_id)
    assert v.stage is IokStage.AWAITING_COMPLETION and v.status is CaseStatus.AWAITING_COMPLETION
    assert v.target is not None and v.target.state is DeadlineState.SUSPENDED
    assert v.reply is not None and v.reply.due_on == date(2026, 3, 18)
    set_today(clock, date(2026, 3, 10))  # the signed form came back: the clerk ticks it
    saved = save_request(ctx, clerk, case_id, v.version, v.case_version,
                         replace(v.data, signed=True))
    assert saved.status is CaseStatus.REGISTERED and saved.stage is IokStage.READY
    assert saved.reply is not None and saved.reply.state is DeadlineState.MET
    assert saved.target is not None and saved.target.state is DeadlineState.RUNNING
    # Filed 2 March, 14 days → 16 March; waited 4 → 10 March (6 days): 22 March (Sunday) → 23
    assert saved.target.due_on == date(2026, 3, 23)
    assert any("wstrzym" in line.lower() or "oczekiw" in line.lower()
               for line in saved.target.explanation_lines), saved.target.explanation_lines
    assert not any("KPA" in line for line in saved.target.explanation_lines)


def test_email_refused_without_a_valid_address_and_summons_becomes_completion(
    ctx: AppContext, staff: Staff
) -> None:
    clerk = staff[Role.CLERK]
    case_id = register_iok(ctx, staff[Role.COUNTER], email="jan@@wp").case_id
    assert case_id is not None
    with pytest.raises(ValidationFailed, match="pocztą") as err:
        request_completion(ctx, clerk, case_id, by_email=True)
    assert err.value.fields == ["delivery"]
    out = request_completion(ctx, clerk, case_id, by_email=False)
    assert out.letter.document.body.items == (
        "Prawidłowy adres e-mail (podany adres jest niepoprawny)",)
    other = register_iok(ctx, staff[Role.COUNTER], signed=False).case_id
    assert other is not None  # the letters tab's "summons" of an IOK case: ZGM's request
    summons = issue_summons(ctx, clerk, other, ["Podpis"])
    assert summons.kind is LetterKind.IOK_COMPLETION
    assert "Regulamin" in summons.document.body.legal_basis


def test_no_reply_closes_as_not_completed(
    ctx: AppContext, staff: Staff, clock: FakeClock
) -> None:
    clerk = staff[Role.CLERK]
    case_id = register_iok(ctx, staff[Role.COUNTER], email=None).case_id
    assert case_id is not None
    request_completion(ctx, clerk, case_id, by_email=False)
    with pytest.raises(ValidationFailed, match="jeszcze biegnie"):
        close_not_completed(ctx, clerk, case_id)
    set_today(clock, date(2026, 3, 17))
    assert close_not_completed(ctx, clerk, case_id) == date(2026, 3, 17)
    case = case_row(ctx, case_id)
    assert case.status == CaseStatus.CLOSED
    assert case.settlement == SettlementKind.NOT_COMPLETED
    v = view(ctx, clerk, case_id)
    assert v.stage is IokStage.NOT_COMPLETED and not v.may_edit
    assert v.reply is not None and v.reply.state is DeadlineState.MISSED
    assert v.target is not None and v.target.state is DeadlineState.CANCELLED
    assert v.target.kind is DeadlineKind.IOK_TARGET


def test_iok_deadlines_are_explained_without_kpa_everywhere(
    ctx: AppContext, staff: Staff
) -> None:
    from clerk_app.services.deadlines.actions import list_case_deadlines
    from tests.services.deadline_fixtures import make_case

    clerk = staff[Role.CLERK]
    case_id = register_iok(ctx, staff[Role.COUNTER], signed=False).case_id
    assert case_id is not None
    request_completion(ctx, clerk, case_id, by_email=False)
    lines = [line for d in list_case_deadlines(ctx, clerk, case_id)
             for line in d.explanation_lines]  # the "Pisma i terminy" tab reads these
    assert lines and not any("KPA" in line for line in lines)
    assert any("termin ZGM" in line for line in lines)
    deposit = make_case(ctx, clerk.user_id)
    issue_summons(ctx, clerk, deposit, ["Podpis"])
    from clerk_app.services.deadlines.actions import start_deficiency_deadline
    view = start_deficiency_deadline(ctx, clerk, deposit, date(2026, 3, 2))
    assert any("KPA" in line for line in view.explanation_lines)  # deposit: KPA stays
