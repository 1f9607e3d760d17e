"""IOK letters that go by e-mail: issued in their own transaction, then sent through the
office's SMTP server (``services.mail``); a failed sending is recorded on the letter and may
be retried from the letters tab, the letter itself is never lost."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.iok.accounts import record_login_sent
from clerk_app.services.iok.completion import request_completion
from clerk_app.services.iok.types import CompletionOutcome, LoginSentOutcome
from clerk_app.services.mail.letters import LetterEmailOutcome, send_letter_by_email


@dataclass(frozen=True)
class SentCompletion:
    completion: CompletionOutcome
    email: LetterEmailOutcome


@dataclass(frozen=True)
class SentConfirmation:
    login: LoginSentOutcome
    email: LetterEmailOutcome | None


def request_completion_by_email(ctx: AppContext, actor: Actor, case_id: int,
                                missing: Sequence[str] = ()) -> SentCompletion:
    """ZGM's completion request issued, then sent as a PDF attachment."""
    out = request_completion(ctx, actor, case_id, by_email=True, missing=missing)
    return SentCompletion(out, send_letter_by_email(ctx, actor, out.letter.letter_id))


def login_sent_with_confirmation(ctx: AppContext, actor: Actor, case_id: int, version: int,
                                 sent_on: date, by_email: bool) -> SentConfirmation:
    """The case closed with ZGM's confirmation letter, sent by e-mail when asked."""
    login = record_login_sent(ctx, actor, case_id, version, sent_on, confirmation=True,
                              by_email=by_email)
    email = None
    if by_email and login.confirmation is not None:
        email = send_letter_by_email(ctx, actor, login.confirmation.letter_id)
    return SentConfirmation(login, email)
