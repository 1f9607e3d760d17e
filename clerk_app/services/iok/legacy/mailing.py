"""A batch's letters by e-mail to the old addresses, through the office's SMTP server.

Each letter is sent outside any transaction; its outcome (sent at and Message-ID, or the
server's refusal in Polish) is recorded on the account in a transaction of its own, so a
failure is never lost and a second run retries only what is not sent yet. Accounts
already answered are not written to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from clerk_app.domain.legacy_letters import (
    EMAIL_BODY,
    EMAIL_SUBJECT,
    LegacyBatchDocument,
    LegacyLetter,
    parse_account_code,
)
from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import LegacyAccount
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.unit_of_work import read_as, unit_of_work
from clerk_app.services.iok.legacy.batches import batch_document
from clerk_app.services.mail.smtp import MailFailed, send_message, smtp_config

Render = Callable[[LegacyBatchDocument, LegacyLetter], bytes]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BatchMailOutcome:
    sent: int
    failed: int
    errors: tuple[tuple[str, str], ...]  # (account code, the server's answer in Polish)


def _unsent(ctx: AppContext, actor: Actor, batch_id: int) -> set[int]:
    with read_as(ctx, actor, Permission.IOK_MIGRATION) as session:
        return set(session.scalars(select(LegacyAccount.id).where(
            LegacyAccount.batch_id == batch_id, LegacyAccount.email.is_not(None),
            LegacyAccount.email_sent_at.is_(None), LegacyAccount.answered_on.is_(None))))


def _record(ctx: AppContext, actor: Actor, account_id: int, message_id: str | None,
            error: str) -> None:
    with unit_of_work(ctx, actor, Permission.IOK_MIGRATION) as work:
        account = work.session.get(LegacyAccount, account_id, with_for_update=True)
        if account is None:
            return
        if message_id is not None:
            account.email_sent_at, account.email_message_id = work.now, message_id
        account.email_error = error
        account.updated_at = work.now
        work.audit_changes(account, "email_sent" if message_id else "email_failed")


def send_batch_by_email(ctx: AppContext, actor: Actor, batch_id: int, render: Render,
                        progress: Progress | None = None) -> BatchMailOutcome:
    """Send the letter of every account of the batch with an old e-mail address that has
    not been sent yet (a failed one is tried again)."""
    config = smtp_config(ctx)
    document = batch_document(ctx, actor, batch_id)
    wanted = _unsent(ctx, actor, batch_id)
    letters = [(parse_account_code(letter.code) or 0, letter) for letter in document.letters]
    letters = [(i, letter) for i, letter in letters if i in wanted and letter.email]
    sent, errors = 0, []
    for done, (account_id, letter) in enumerate(letters, start=1):
        pdf = render(document, letter)
        try:
            message_id = send_message(
                config, letter.email or "", EMAIL_SUBJECT.format(
                    contractor=letter.contractor_number),
                EMAIL_BODY.format(contractor=letter.contractor_number),
                [(f"ZGM-IOK-{letter.code}.pdf", pdf)])
        except MailFailed as exc:
            _record(ctx, actor, account_id, None, exc.message)
            errors.append((letter.code, exc.message))
        else:
            _record(ctx, actor, account_id, message_id, "")
            sent += 1
        if progress is not None:
            progress(done, len(letters))
    return BatchMailOutcome(sent, len(errors), tuple(errors))
