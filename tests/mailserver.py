"""A real SMTP server for tests: aiosmtpd on 127.0.0.1 at a free port, collecting what arrives.

Use the ``smtp_server`` fixture (import it into a test module or a conftest:
``from tests.mailserver import smtp_server  # noqa: F401``), or :func:`running_server` for
a server with AUTH, STARTTLS or implicit TLS. :func:`configure_smtp` points an
``AppContext``'s office settings at a server and gives the context an in-memory password
store.
"""

from __future__ import annotations

import dataclasses
import socket
import ssl
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from clerk_app.services.admin.settings import load_settings, save_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.mail.secrets import MemoryPasswordStore
from clerk_app.services.mail.smtp import SmtpConfig

HOST = "127.0.0.1"
SENDER = "iok@zgm.piekary.pl"


@dataclass
class Received:
    """One message as the server got it: the envelope and the parsed message."""

    mail_from: str
    rcpt_tos: list[str]
    raw: bytes
    message: EmailMessage

    def attachments(self) -> list[tuple[str, bytes]]:
        return [(part.get_filename() or "", part.get_payload(decode=True))
                for part in self.message.iter_attachments()]


@dataclass
class MailServer:
    """A running test server: where it listens and what it received."""

    host: str
    port: int
    received: list[Received] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)  # RCPT TO answered 550
    logins: list[str] = field(default_factory=list)  # user names that logged in
    cert_file: str = ""  # the self-signed certificate (TLS servers)
    on_data: Callable[[], None] | None = None  # called (server thread) before accepting

    def config(self, *, security: str = "none", user: str = "", password: str = "",
               sender: str = SENDER, timeout: float = 5.0) -> SmtpConfig:
        return SmtpConfig(self.host, self.port, security, user, password, sender,
                          timeout=timeout, ca_file=self.cert_file)


class _Handler:
    def __init__(self, server: MailServer) -> None:
        self.server = server

    async def handle_RCPT(self, smtp: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if address.lower() in self.server.refused:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, smtp: Any, session: Any, envelope: Any) -> str:
        if self.server.on_data is not None:
            self.server.on_data()
        raw = bytes(envelope.original_content or envelope.content)
        parsed = message_from_bytes(raw, policy=policy.default)
        assert isinstance(parsed, EmailMessage)
        self.server.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos),
                                             raw, parsed))
        return "250 Message accepted for delivery"


def _authenticator(server: MailServer, users: dict[str, str]) -> Any:
    def check(smtp: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        if isinstance(data, LoginPassword):
            user, password = data.login.decode(), data.password.decode()
            if users.get(user) == password:
                server.logins.append(user)
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)
    return check


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def self_signed_certificate(folder: Path) -> tuple[str, str]:
    """A certificate for 127.0.0.1 and its key (openssl), as file paths."""
    cert, key = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return str(cert), str(key)


@contextmanager
def running_server(*, users: dict[str, str] | None = None, tls_folder: Path | None = None,
                   implicit_tls: bool = False) -> Iterator[MailServer]:
    """Start a server; ``users`` turns AUTH on (plain text allowed), ``tls_folder`` makes a
    self-signed certificate there and offers STARTTLS (or wraps the port: ``implicit_tls``)."""
    server = MailServer(HOST, free_port())
    kwargs: dict[str, Any] = {}
    if users is not None:
        kwargs.update(authenticator=_authenticator(server, users), auth_require_tls=False)
    if tls_folder is not None:
        cert, key = self_signed_certificate(tls_folder)
        server.cert_file = cert
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        if implicit_tls:
            kwargs["ssl_context"] = context
        else:
            kwargs.update(tls_context=context, require_starttls=True)
    controller = Controller(_Handler(server), hostname=HOST, port=server.port, **kwargs)
    if implicit_tls:  # the readiness probe cannot speak TLS to a self-signed server
        controller.server_hostname = HOST
    controller.start()
    try:
        yield server
    finally:
        controller.stop()


@pytest.fixture
def smtp_server() -> Iterator[MailServer]:
    """A plain SMTP server on 127.0.0.1 (no AUTH, no TLS)."""
    with running_server() as server:
        yield server


def configure_smtp(ctx: AppContext, admin: Actor, server: MailServer, *,
                   security: str = "none", user: str = "", password: str = "",
                   sender: str = SENDER) -> None:
    """Point the office settings at ``server`` and keep ``password`` in an in-memory store
    handed to ``ctx`` (never a file, never the database)."""
    current = load_settings(ctx)
    save_settings(ctx, admin, dataclasses.replace(
        current, smtp_host=server.host, smtp_port=server.port, smtp_security=security,
        smtp_user=user, smtp_sender=sender))
    ctx.smtp_password_store = MemoryPasswordStore(password or None)
