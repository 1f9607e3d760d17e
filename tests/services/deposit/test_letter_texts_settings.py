"""The letter texts the office words itself: legal bases per letter kind, remedies."""

from __future__ import annotations

import dataclasses

import pytest

from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.roles import Role
from clerk_app.services.admin.settings import (
    LetterTexts,
    load_letter_texts,
    save_letter_texts,
)
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, PermissionDenied, ValidationFailed
from tests.services.deadline_fixtures import audit_actions

Staff = dict[Role, Actor]


def test_defaults_saved_changed_and_audited(ctx: AppContext, staff: Staff) -> None:
    admin = staff[Role.ADMIN]
    texts = load_letter_texts(ctx, admin)
    assert texts == LetterTexts() and texts.version == 0
    assert "ochronie praw lokatorów" in texts.legal_basis(LetterKind.CONSENT)
    saved = save_letter_texts(ctx, admin, dataclasses.replace(
        texts, legal_basis_consent="  nowa podstawa  "))
    assert saved.legal_basis(LetterKind.CONSENT) == "nowa podstawa" and saved.version == 1
    assert load_letter_texts(ctx, admin) == saved
    changes = [c for e, a, c in audit_actions(ctx, entity="settings") if a == "update"]
    assert changes[-1]["legal_basis_consent"][1] == "nowa podstawa"
    with pytest.raises(ConflictError):
        save_letter_texts(ctx, admin, texts)  # version 0 is stale now


def test_empty_text_is_named_and_nothing_saved(ctx: AppContext, staff: Staff) -> None:
    admin = staff[Role.ADMIN]
    with pytest.raises(ValidationFailed) as err:
        save_letter_texts(ctx, admin, LetterTexts(remedy_authority=" "))
    assert err.value.fields == ["remedy_authority"]
    assert load_letter_texts(ctx, admin).version == 0
    with pytest.raises(PermissionDenied):
        save_letter_texts(ctx, staff[Role.CLERK], LetterTexts())
