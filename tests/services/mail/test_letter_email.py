"""Letters sent by e-mail through a real local SMTP server, on SQLite and PostgreSQL: the kept
PDF arrives byte for byte, the outcome is recorded, failures are kept and can be retried, and
the password never reaches the database or the log."""

from __future__ import annotations

import base64
import logging
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update

from clerk_app.app_log import configure_logging
from clerk_app.domain.letter_kinds import DeliveryMethod, DeliveryStatus
from clerk_app.domain.letter_state import LetterState
from clerk_app.domain.roles import Role
from clerk_app.persistence.base import Base
from clerk_app.persistence.models import Case, Letter, LetterFile
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied, ServiceError
from clerk_app.services.letters.issue import issue_summons, list_case_letters
from clerk_app.services.mail.letters import send_letter_by_email
from tests.mailserver import MailServer, configure_smtp, running_server, smtp_server
from tests.services.deadline_fixtures import audit_actions, make_case

__all__ = ["smtp_server"]
EMAIL = "jan.kowalski@example.pl"


def letter_with_email(ctx: AppContext, clerk: Actor, email: str | None = EMAIL) -> int:
    case_id = make_case(ctx, clerk.user_id)
    with ctx.db.transaction() as session:
        session.execute(update(Case).where(Case.id == case_id).values(applicant_email=email))
    return issue_summons(ctx, clerk, case_id, ["Podpis wnioskodawcy"]).letter_id


def kept_pdf(ctx: AppContext, letter_id: int) -> bytes:
    with ctx.db.read() as session:
        return bytes(session.scalars(select(LetterFile.pdf)
                                     .where(LetterFile.letter_id == letter_id)).one())


def letter_row(ctx: AppContext, letter_id: int) -> Letter:
    with ctx.db.read() as session:
        row = session.scalars(select(Letter).where(Letter.id == letter_id)).one()
        session.expunge(row)
        return row


def test_letter_arrives_as_its_kept_pdf(ctx: AppContext, staff: dict[Role, Actor],
                                        smtp_server: MailServer) -> None:
    clerk = staff[Role.CLERK]
    configure_smtp(ctx, staff[Role.ADMIN], smtp_server)
    letter_id = letter_with_email(ctx, clerk)
    outcome = send_letter_by_email(ctx, clerk, letter_id)
    assert outcome.sent and outcome.error == "" and outcome.letter_id == letter_id
    [got] = smtp_server.received
    assert got.rcpt_tos == [EMAIL]
    assert got.message["Message-ID"] == outcome.message_id
    [(name, data)] = got.attachments()
    row = letter_row(ctx, letter_id)
    assert name == f"{row.identifier}.pdf" and data == kept_pdf(ctx, letter_id)
    assert "BGM.7141.1.2026" in str(got.message["Subject"])
    assert "Biuro Gospodarki Mieszkaniowej" in got.message.get_body().get_content()
    assert row.email_message_id == outcome.message_id and row.email_error == ""
    assert row.email_sent_at == ctx.now()
    assert row.sent_on == date(2026, 3, 2) and row.delivery_method == DeliveryMethod.EMAIL
    assert row.delivery_status == DeliveryStatus.PENDING  # sending is not delivery
    [view] = list_case_letters(ctx, clerk, row.case_id)
    assert view.state is LetterState.SENT
    sent = [a for a in audit_actions(ctx, entity="letters") if a[1] == "email_sent"]
    assert sent and sent[0][2]["email_message_id"] == [None, outcome.message_id]
    with pytest.raises(ServiceError, match="zostało już wysłane e-mailem"):
        send_letter_by_email(ctx, clerk, letter_id)
    assert len(smtp_server.received) == 1


def test_refused_recipient_is_recorded_and_retry_succeeds(
        ctx: AppContext, staff: dict[Role, Actor], smtp_server: MailServer) -> None:
    clerk = staff[Role.CLERK]
    configure_smtp(ctx, staff[Role.ADMIN], smtp_server)
    letter_id = letter_with_email(ctx, clerk)
    smtp_server.refused.add(EMAIL)
    failed = send_letter_by_email(ctx, clerk, letter_id)
    assert not failed.sent and failed.message_id == ""
    assert failed.error == (f"Serwer poczty odrzucił adres odbiorcy {EMAIL}: "
                            "550 5.1.1 Mailbox unavailable")
    row = letter_row(ctx, letter_id)
    assert row.email_error == failed.error and row.email_sent_at is None
    assert row.sent_on is None and row.email_message_id is None
    assert [a[1] for a in audit_actions(ctx, entity="letters")][-1] == "email_failed"
    smtp_server.refused.clear()
    retried = send_letter_by_email(ctx, clerk, letter_id)
    assert retried.sent
    row = letter_row(ctx, letter_id)
    assert row.email_error == "" and row.email_message_id == retried.message_id
    assert len(smtp_server.received) == 1


def test_server_down_is_recorded_then_retried(ctx: AppContext,
                                              staff: dict[Role, Actor]) -> None:
    clerk = staff[Role.CLERK]
    with running_server() as server:
        configure_smtp(ctx, staff[Role.ADMIN], server)
        letter_id = letter_with_email(ctx, clerk)
    failed = send_letter_by_email(ctx, clerk, letter_id)  # the server has stopped
    assert not failed.sent and "odmówił połączenia" in failed.error
    assert letter_row(ctx, letter_id).email_error == failed.error
    with running_server() as again:
        configure_smtp(ctx, staff[Role.ADMIN], again)
        assert send_letter_by_email(ctx, clerk, letter_id).sent
        assert len(again.received) == 1


def test_refusals_before_sending(ctx: AppContext, staff: dict[Role, Actor],
                                 smtp_server: MailServer) -> None:
    clerk = staff[Role.CLERK]
    no_email = letter_with_email(ctx, clerk, None)
    with pytest.raises(ServiceError, match="Nie ustawiono serwera poczty"):
        send_letter_by_email(ctx, clerk, letter_with_email(ctx, clerk))
    configure_smtp(ctx, staff[Role.ADMIN], smtp_server)
    with pytest.raises(ServiceError, match="nie podał adresu e-mail"):
        send_letter_by_email(ctx, clerk, no_email)
    with pytest.raises(PermissionDenied):
        send_letter_by_email(ctx, staff[Role.COUNTER], no_email)
    assert smtp_server.received == []
    assert letter_row(ctx, no_email).email_error == ""


def test_password_never_reaches_the_database_or_the_log(
        ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path) -> None:
    secret = "S3kret-Hasło!ZGM"
    log_file = configure_logging(tmp_path / "log", logging.DEBUG)
    server_log = logging.getLogger("mail.log")  # aiosmtpd's own chatter: not the app's log
    server_log.setLevel(logging.WARNING)
    clerk = staff[Role.CLERK]
    try:
        with running_server(users={"zgm": secret}) as server:
            configure_smtp(ctx, staff[Role.ADMIN], server, user="zgm", password=secret)
            assert send_letter_by_email(ctx, clerk, letter_with_email(ctx, clerk)).sent
            ctx.smtp_password_store.set("zle-haslo")  # type: ignore[union-attr]
            failed = send_letter_by_email(ctx, clerk, letter_with_email(ctx, clerk))
            assert not failed.sent and "535" in failed.error
            assert server.logins == ["zgm"]
    finally:
        server_log.setLevel(logging.NOTSET)
        for handler in logging.getLogger().handlers[:]:
            if getattr(handler, "baseFilename", "") == str(log_file):
                logging.getLogger().removeHandler(handler)
                handler.close()
    text = log_file.read_text(encoding="utf-8")
    assert "E-mail" in text and "failed" in text
    token = base64.b64encode(f"\0zgm\0{secret}".encode()).decode()
    assert secret not in text and "zle-haslo" not in text and token not in text
    with ctx.db.read() as session:
        for table in Base.metadata.sorted_tables:
            for row in session.execute(select(table)):
                dumped = repr(tuple(row))
                assert secret not in dumped and "zle-haslo" not in dumped, table.name


def test_two_clerks_sending_at_once_keep_the_first_record(
        ctx: AppContext, staff: dict[Role, Actor], smtp_server: MailServer) -> None:
    """Another clerk's sending of the same letter records its Message-ID while this one is
    on the wire: the first record stays, the second message is audited (none is lost)."""
    clerk = staff[Role.CLERK]
    configure_smtp(ctx, staff[Role.ADMIN], smtp_server)
    letter_id = letter_with_email(ctx, clerk)
    other = "<first@zgm.piekary.pl>"

    def other_clerk_recorded_first() -> None:
        with ctx.db.transaction() as session:
            session.execute(update(Letter).where(Letter.id == letter_id).values(
                email_sent_at=ctx.now(), email_message_id=other))

    smtp_server.on_data = other_clerk_recorded_first
    second = send_letter_by_email(ctx, clerk, letter_id)
    assert second.sent and second.message_id != other
    assert letter_row(ctx, letter_id).email_message_id == other
    again = [a for a in audit_actions(ctx, entity="letters") if a[1] == "email_sent_again"]
    assert again[0][2] == {"email_message_id": [other, second.message_id]}
