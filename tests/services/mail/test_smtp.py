"""Sending through a real aiosmtpd server on 127.0.0.1: plain, AUTH, STARTTLS, implicit TLS,
and every failure in Polish with the server's reply."""

from __future__ import annotations

import socket
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk_app.services.mail.secrets import FilePasswordStore
from clerk_app.services.mail.smtp import MailFailed, SmtpConfig, send_message
from tests.mailserver import HOST, MailServer, free_port, running_server, smtp_server

__all__ = ["smtp_server"]
PDF = b"%PDF-1.4\n% test attachment \xc5\xbc\n%%EOF\n"


def test_plain_message_arrives_with_its_attachment(smtp_server: MailServer) -> None:
    message_id = send_message(smtp_server.config(), "jan.kowalski@example.pl",
                              "Pismo – sprawa ZGM.0143.1.2026", "Dzień dobry,\nżółć\n",
                              [("ZGM-1.pdf", PDF)])
    [got] = smtp_server.received
    assert got.rcpt_tos == ["jan.kowalski@example.pl"]
    assert got.mail_from == "iok@zgm.piekary.pl"
    assert got.message["Message-ID"] == message_id and message_id.endswith("@zgm.piekary.pl>")
    assert got.message["Subject"] == "Pismo – sprawa ZGM.0143.1.2026"
    assert "żółć" in got.message.get_body().get_content()
    assert got.attachments() == [("ZGM-1.pdf", PDF)]
    assert got.message.get_payload()[1].get_content_type() == "application/pdf"


def test_auth_login_and_a_wrong_password() -> None:
    with running_server(users={"zgm": "Tajne-Haslo1"}) as server:
        send_message(server.config(user="zgm", password="Tajne-Haslo1"), "a@example.pl",
                     "Test", "x")
        assert server.logins == ["zgm"] and len(server.received) == 1
        with pytest.raises(MailFailed) as failed:
            send_message(server.config(user="zgm", password="zle"), "a@example.pl", "T", "x")
    assert failed.value.code == 535
    assert failed.value.message.startswith("Serwer poczty nie przyjął nazwy użytkownika lub "
                                           "hasła: 535")
    assert "zle" not in failed.value.message


def test_starttls_with_a_self_signed_certificate(tmp_path: Path) -> None:
    with running_server(users={"zgm": "pw"}, tls_folder=tmp_path) as server:
        send_message(server.config(security="starttls", user="zgm", password="pw"),
                     "a@example.pl", "Test", "x", [("a.pdf", PDF)])
        assert server.received[0].attachments() == [("a.pdf", PDF)]
        untrusted = SmtpConfig(HOST, server.port, "starttls", "", "", "iok@zgm.piekary.pl",
                               timeout=5)
        with pytest.raises(MailFailed, match="nie jest zaufany"):
            send_message(untrusted, "a@example.pl", "Test", "x")
        with pytest.raises(MailFailed) as plain:  # the server demands STARTTLS first
            send_message(server.config(security="none"), "a@example.pl", "Test", "x")
    assert plain.value.code == 530


def test_implicit_tls(tmp_path: Path) -> None:
    with running_server(tls_folder=tmp_path, implicit_tls=True) as server:
        send_message(server.config(security="tls"), "a@example.pl", "Test", "x")
        assert len(server.received) == 1


def test_a_plain_server_offers_no_starttls(smtp_server: MailServer) -> None:
    with pytest.raises(MailFailed, match="nie obsługuje STARTTLS"):
        send_message(smtp_server.config(security="starttls"), "a@example.pl", "T", "x")
    assert smtp_server.received == []


def test_refused_recipient_carries_the_reply(smtp_server: MailServer) -> None:
    smtp_server.refused.add("nikt@example.pl")
    with pytest.raises(MailFailed) as failed:
        send_message(smtp_server.config(), "nikt@example.pl", "T", "x")
    assert failed.value.code == 550
    assert failed.value.message == ("Serwer poczty odrzucił adres odbiorcy nikt@example.pl: "
                                    "550 5.1.1 Mailbox unavailable")
    assert smtp_server.received == []


def test_server_down_is_a_polish_failure() -> None:
    config = SmtpConfig(HOST, free_port(), "none", "", "", "iok@zgm.piekary.pl", timeout=3)
    with pytest.raises(MailFailed, match="odmówił połączenia"):
        send_message(config, "a@example.pl", "T", "x")


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind((HOST, 0))
    listener.listen()
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue
    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(listener.getsockname()[1])
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    listener.close()


def test_a_silent_server_times_out(silent_server: int) -> None:
    config = SmtpConfig(HOST, silent_server, "none", "", "", "iok@zgm.piekary.pl", timeout=0.5)
    with pytest.raises(MailFailed, match=r"nie odpowiedział w ciągu 0\.5 s"):
        send_message(config, "a@example.pl", "T", "x")


def test_bad_recipient_and_header_injection_are_refused(smtp_server: MailServer) -> None:
    for bad in ("bez-malpy.pl", "a@example.pl\nBcc: x@example.pl"):
        with pytest.raises(MailFailed, match="Adres odbiorcy"):
            send_message(smtp_server.config(), bad, "T", "x")
    send_message(smtp_server.config(), "a@example.pl", "Temat\r\nBcc: x@example.pl", "x")
    [got] = smtp_server.received
    assert got.rcpt_tos == ["a@example.pl"] and "Bcc" not in got.message


def test_password_is_not_in_the_repr() -> None:
    config = SmtpConfig(HOST, 25, "none", "u", "Tajne-Haslo1", "a@b.pl")
    assert "Tajne-Haslo1" not in repr(config)


def test_file_store_is_private_and_env_wins(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLERK_APP_SMTP_PASSWORD", raising=False)
    path = tmp_path / "cfg" / "smtp_password"
    store = FilePasswordStore(path)
    assert store.get() is None
    path.parent.mkdir()
    path.write_text("old")
    path.chmod(0o644)
    store.set("Tajne-Haslo1")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert store.get() == "Tajne-Haslo1"
    monkeypatch.setenv("CLERK_APP_SMTP_PASSWORD", "z-env")
    assert store.get() == "z-env"
    monkeypatch.delenv("CLERK_APP_SMTP_PASSWORD")
    store.clear()
    assert store.get() is None and not path.exists()


def test_sender_with_a_display_name(smtp_server: MailServer) -> None:
    config = smtp_server.config(sender="Zakład Gospodarki Mieszkaniowej <iok@zgm.piekary.pl>")
    message_id = send_message(config, "a@example.pl", "T", "x")
    assert message_id.endswith("@zgm.piekary.pl>")
    [got] = smtp_server.received
    assert got.mail_from == "iok@zgm.piekary.pl"
    assert "Zakład Gospodarki Mieszkaniowej" in str(got.message["From"])
