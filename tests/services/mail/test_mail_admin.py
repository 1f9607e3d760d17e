"""The mail configuration and the administrator's side, on SQLite and PostgreSQL: what is
missing is said in Polish, the password store (env override), the test message, an IOK letter
goes out in ZGM's name, an old letter is rendered and kept first, and no transaction is open
while the message travels."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import text, update

from clerk_app.domain.cases import CaseKind
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import Case, Letter, LetterFile
from clerk_app.services.admin.settings import load_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied, ServiceError, ValidationFailed
from clerk_app.services.letters.issue import issue_summons
from clerk_app.services.mail.admin import (
    send_test_message,
    set_smtp_password,
    smtp_password_is_set,
)
from clerk_app.services.mail.letters import send_letter_by_email
from clerk_app.services.mail.secrets import FilePasswordStore, MemoryPasswordStore
from clerk_app.services.mail.smtp import smtp_config
from tests.mailserver import MailServer, configure_smtp, running_server, smtp_server
from tests.services.deadline_fixtures import audit_actions, make_case

__all__ = ["smtp_server"]


def _letter(ctx: AppContext, clerk: Actor, kind: CaseKind = CaseKind.DEPOSIT) -> int:
    case_id = make_case(ctx, clerk.user_id, kind=kind)
    with ctx.db.transaction() as session:
        session.execute(update(Case).where(Case.id == case_id)
                        .values(applicant_email="jan@example.pl"))
    return issue_summons(ctx, clerk, case_id, ["Podpis wnioskodawcy"]).letter_id


def test_config_says_what_is_missing(ctx: AppContext, staff: dict[Role, Actor],
                                     smtp_server: MailServer,
                                     monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    admin = staff[Role.ADMIN]
    with pytest.raises(ServiceError, match="Nie ustawiono serwera poczty"):
        smtp_config(ctx)
    configure_smtp(ctx, admin, smtp_server, user="zgm")
    with pytest.raises(ServiceError, match="Nie ustawiono hasła do serwera poczty dla "
                                           "użytkownika „zgm”"):
        smtp_config(ctx)
    monkeypatch.setenv("CLERK_APP_SMTP_PASSWORD", "z-env")
    ctx.smtp_password_store = FilePasswordStore(tmp_path / "none")
    config = smtp_config(ctx)
    assert (config.host, config.port, config.user, config.password) == (
        "127.0.0.1", smtp_server.port, "zgm", "z-env")
    assert config.timeout == 20.0 and "z-env" not in repr(config) and config.ca_file == ""
    monkeypatch.setenv("CLERK_APP_SMTP_CA_FILE", "/etc/ssl/urzad-ca.pem")
    assert smtp_config(ctx).ca_file == "/etc/ssl/urzad-ca.pem"


def test_password_service_audits_only_that_it_changed(ctx: AppContext,
                                                      staff: dict[Role, Actor]) -> None:
    admin = staff[Role.ADMIN]
    ctx.smtp_password_store = store = MemoryPasswordStore()
    assert not smtp_password_is_set(ctx, admin)
    assert set_smtp_password(ctx, admin, "Tajne-1")
    assert store.get() == "Tajne-1" and smtp_password_is_set(ctx, admin)
    assert not set_smtp_password(ctx, admin, "")
    assert store.get() is None
    rows = [a for a in audit_actions(ctx, entity="settings") if a[1] in ("set", "clear")]
    assert rows == [("settings", "set", {"smtp_password": [None, "***"]}),
                    ("settings", "clear", {"smtp_password": ["***", None]})]
    with pytest.raises(PermissionDenied):
        set_smtp_password(ctx, staff[Role.SUPERVISOR], "x")
    with pytest.raises(PermissionDenied):
        smtp_password_is_set(ctx, staff[Role.CLERK])
    assert store.get() is None


def test_test_message_uses_the_typed_settings(ctx: AppContext,
                                              staff: dict[Role, Actor]) -> None:
    admin = staff[Role.ADMIN]
    ctx.smtp_password_store = MemoryPasswordStore("zapisane")
    with running_server(users={"zgm": "zapisane"}) as server:
        typed = dataclasses.replace(load_settings(ctx), smtp_host=" 127.0.0.1 ",
                                    smtp_port=server.port, smtp_security="none",
                                    smtp_user="zgm", smtp_sender="iok@zgm.piekary.pl")
        message_id = send_test_message(ctx, admin, typed, "")  # to the sender itself
        [got] = server.received
        assert got.rcpt_tos == ["iok@zgm.piekary.pl"] and got.message["Message-ID"] == message_id
        with pytest.raises(PermissionDenied):
            send_test_message(ctx, staff[Role.CLERK], typed, "a@example.pl")
        with pytest.raises(ValidationFailed) as bad:
            send_test_message(ctx, admin, dataclasses.replace(typed, smtp_sender="iok@"), "")
        assert bad.value.fields == ["smtp_sender"]
        assert "Nieprawidłowy adres e-mail nadawcy" in bad.value.message
        assert len(server.received) == 1
    assert load_settings(ctx).smtp_host == ""


def test_iok_letter_is_sent_in_zgm_name(ctx: AppContext, staff: dict[Role, Actor],
                                        smtp_server: MailServer) -> None:
    clerk = staff[Role.CLERK]
    configure_smtp(ctx, staff[Role.ADMIN], smtp_server)
    assert send_letter_by_email(ctx, clerk, _letter(ctx, clerk, CaseKind.IOK)).sent
    body = smtp_server.received[0].message.get_body().get_content()
    assert "Zakład Gospodarki Mieszkaniowej w Piekarach Śląskich" in body
    assert "ul. Gen. Jerzego Ziętka 60" in body and "tel. (32) 287-29-81" in body
    assert "ZGM.0143.1.2026" in str(smtp_server.received[0].message["Subject"])


def test_letter_without_kept_pdf_is_rendered_kept_and_sent(
        ctx: AppContext, staff: dict[Role, Actor], smtp_server: MailServer) -> None:
    clerk = staff[Role.CLERK]
    configure_smtp(ctx, staff[Role.ADMIN], smtp_server)
    letter_id = _letter(ctx, clerk)
    with ctx.db.transaction() as session:
        session.execute(LetterFile.__table__.delete().where(LetterFile.letter_id == letter_id))
    assert send_letter_by_email(ctx, clerk, letter_id).sent
    with ctx.db.read() as session:
        kept = session.get(LetterFile, letter_id)
        assert kept is not None
        assert smtp_server.received[0].attachments()[0][1] == bytes(kept.pdf)


def test_no_transaction_is_open_while_the_message_travels(
        ctx: AppContext, staff: dict[Role, Actor], smtp_server: MailServer) -> None:
    """While the server holds the message, another writer changes the same letter at once
    (it would wait for a lock, then fail, if sending held a transaction)."""
    clerk = staff[Role.CLERK]
    configure_smtp(ctx, staff[Role.ADMIN], smtp_server)
    letter_id = _letter(ctx, clerk)
    written: list[bool] = []

    def write_meanwhile() -> None:
        with ctx.db.transaction() as session:
            if ctx.db.dialect == "postgresql":
                session.execute(text("SET LOCAL lock_timeout = '2s'"))
            session.execute(update(Letter).where(Letter.id == letter_id)
                            .values(returned_on=None))
            written.append(True)

    smtp_server.on_data = write_meanwhile
    outcome = send_letter_by_email(ctx, clerk, letter_id)
    assert outcome.sent and written
