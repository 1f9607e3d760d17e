"""The demo holds IOK requests in every stage, with ZGM's letters and hand-over files, made
as the IOK services make them."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from clerk_app.demo.generator import generate_demo_data
from clerk_app.domain.cases import CaseKind, DeadlineKind
from clerk_app.domain.iok_stage import IokStage
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.roles import Role
from clerk_app.domain.settlement import SettlementKind
from clerk_app.persistence.models import Case, Deadline, IokRequest, Letter
from clerk_app.persistence.models_iok import IokExport
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.iok.request import iok_request


def test_demo_has_every_iok_stage(ctx: AppContext, admin: Actor,
                                  staff: dict[Role, Actor]) -> None:
    generate_demo_data(ctx, admin, 1500, seed=5)
    with ctx.db.read() as s:
        ids = list(s.scalars(select(Case.id).where(Case.kind == CaseKind.IOK)))
        exports = {e.id: e.row_count for e in s.scalars(select(IokExport))}
        exported = Counter(r.export_id for r in s.scalars(select(IokRequest))
                           if r.export_id is not None)
        kinds = Counter(x.kind for x in s.scalars(select(Letter)))
        settlements = Counter(c.settlement for c in s.scalars(select(Case).where(
            Case.kind == CaseKind.IOK)))
        replies = list(s.scalars(select(Deadline).where(
            Deadline.kind == DeadlineKind.IOK_REPLY.value)))
    stages = Counter(iok_request(ctx, staff[Role.CLERK], i).stage for i in ids)
    assert set(stages) == set(IokStage), stages
    assert exports == dict(exported) and exports
    assert kinds[LetterKind.IOK_COMPLETION] and kinds[LetterKind.IOK_CONFIRMATION]
    assert settlements[SettlementKind.NOT_COMPLETED] and settlements[
        SettlementKind.LOGIN_DATA_SENT]
    assert not settlements[SettlementKind.LEFT_WITHOUT_CONSIDERATION]
    assert replies and all(r.letter_id for r in replies)
