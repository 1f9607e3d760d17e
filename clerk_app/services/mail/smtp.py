"""Sending one message through the office's SMTP server (settings: host, port, security,
user, sender; the password from its store, never from the database).

:func:`send_message` does network I/O only: call it outside any database transaction. Every
failure becomes :class:`MailFailed` with a Polish sentence and, where the server answered, its
reply code and text. The password is never logged and never part of a message or a repr.
"""

from __future__ import annotations

import base64
import logging
import mimetypes
import os
import smtplib
import socket
import ssl
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

from clerk_app.domain.errors import FieldError
from clerk_app.domain.validators import validate_email
from clerk_app.services.admin.settings import load_settings
from clerk_app.services.core.context import AppContext
from clerk_app.services.core.errors import ServiceError
from clerk_app.services.mail.secrets import password_store

log = logging.getLogger(__name__)
TIMEOUT_SECONDS = 20.0
ENV_CA_FILE = "CLERK_APP_SMTP_CA_FILE"  # the office's own certificate authority, if any
SECURITY_MODES = ("starttls", "tls", "none")


@dataclass(frozen=True)
class SmtpConfig:
    """Where and how to send. ``ca_file``: an extra certificate authority to trust (the
    office's own), else the system's; ``timeout`` in seconds for every network step."""

    host: str
    port: int
    security: str
    user: str
    password: str = field(repr=False)
    sender: str
    timeout: float = TIMEOUT_SECONDS
    ca_file: str = ""

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


class MailFailed(ServiceError):
    """The message was not sent; ``code``/``reply`` are the server's answer where it gave one."""

    def __init__(self, message: str, code: int | None = None, reply: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.reply = reply


def smtp_config(ctx: AppContext) -> SmtpConfig:
    """The configuration from the office settings and the password store."""
    s = load_settings(ctx)
    if not s.smtp_host.strip():
        raise ServiceError("Nie ustawiono serwera poczty wychodzącej (SMTP). Administrator "
                           "wpisuje go w Ustawieniach, na karcie „Poczta e-mail”.")
    if not s.smtp_sender.strip():
        raise ServiceError("Nie ustawiono adresu nadawcy wiadomości e-mail (Ustawienia, "
                           "karta „Poczta e-mail”).")
    password = ""
    if s.smtp_user.strip():
        password = password_store(ctx).get() or ""
        if not password:
            raise ServiceError("Nie ustawiono hasła do serwera poczty dla użytkownika "
                               f"„{s.smtp_user}” (Ustawienia, karta „Poczta e-mail”).")
    return SmtpConfig(s.smtp_host.strip(), s.smtp_port, s.smtp_security, s.smtp_user.strip(),
                      password, s.smtp_sender.strip(), ca_file=os.environ.get(ENV_CA_FILE, ""))


def build_message(config: SmtpConfig, to: str, subject: str, body: str,
                  attachments: Sequence[tuple[str, bytes]] = ()) -> EmailMessage:
    """The message with its Message-ID (in the sender's domain) and the attachments."""
    try:
        address = validate_email(to, "email")
    except FieldError as exc:
        raise MailFailed(f"Adres odbiorcy „{to.strip()}” jest nieprawidłowy.") from exc
    msg = EmailMessage()
    msg["From"] = config.sender
    msg["To"] = address
    msg["Subject"] = " ".join(subject.split())
    msg["Date"] = formatdate(localtime=True)
    domain = parseaddr(config.sender)[1].rpartition("@")[2]  # "ZGM <iok@zgm.pl>" too
    msg["Message-ID"] = make_msgid(domain=domain or None)
    msg.set_content(body)
    for name, data in attachments:
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        main, _, sub = kind.partition("/")
        msg.add_attachment(data, maintype=main, subtype=sub, filename=name)
    return msg


def send_message(config: SmtpConfig, to: str, subject: str, body: str,
                 attachments: Sequence[tuple[str, bytes]] = ()) -> str:
    """Send one message; returns its Message-ID. Raises :class:`MailFailed`."""
    msg = build_message(config, to, subject, body, attachments)
    with _failures_in_polish(config, str(msg["To"])), _connected(config) as server:
        refused = server.send_message(msg)
        if refused:  # only possible with several recipients; kept for completeness
            code, text = next(iter(refused.values()))
            raise smtplib.SMTPRecipientsRefused({str(msg["To"]): (code, text)})
    log.info("E-mail %s sent through %s (%d attachment(s))", msg["Message-ID"], config.where,
             len(attachments))
    return str(msg["Message-ID"])


def tls_context(config: SmtpConfig) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if config.ca_file:
        context.load_verify_locations(cafile=config.ca_file)
    return context


@contextmanager
def _connected(config: SmtpConfig) -> Iterator[smtplib.SMTP]:
    if config.security not in SECURITY_MODES:
        raise MailFailed(f"Nieznany sposób zabezpieczenia połączenia: „{config.security}”.")
    server: smtplib.SMTP
    if config.security == "tls":
        server = smtplib.SMTP_SSL(config.host, config.port, timeout=config.timeout,
                                  context=tls_context(config))
    else:
        server = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
    try:
        server.ehlo()
        if config.security == "starttls":
            if not server.has_extn("starttls"):
                raise MailFailed(f"Serwer poczty {config.where} nie obsługuje STARTTLS; "
                                 "zmień zabezpieczenie w ustawieniach.")
            server.starttls(context=tls_context(config))
            server.ehlo()
        if config.user:
            _login(server, config)
        yield server
    finally:
        try:
            server.quit()
        except (smtplib.SMTPException, OSError):
            server.close()


def _login(server: smtplib.SMTP, config: SmtpConfig) -> None:
    """AUTH; smtplib encodes credentials as ASCII, so a password with Polish letters goes
    by AUTH PLAIN in UTF-8 (RFC 4616) written here."""
    user, password = config.user, config.password
    if (user + password).isascii():
        server.login(user, password)
        return
    if "PLAIN" not in server.esmtp_features.get("auth", "").upper().split():
        raise MailFailed(f"Serwer poczty {config.where} nie przyjmuje hasła ze znakami spoza "
                         "ASCII (brak AUTH PLAIN).")
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, reply = server.docmd("AUTH", f"PLAIN {token}")
    if code not in (235, 503):
        raise smtplib.SMTPAuthenticationError(code, reply)


def _reply(exc: smtplib.SMTPResponseException | smtplib.SMTPSenderRefused) -> str:
    raw = exc.smtp_error
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return " ".join(text.split())


def _timeout_text(config: SmtpConfig) -> str:
    return f"Serwer poczty {config.where} nie odpowiedział w ciągu {config.timeout:g} s."


@contextmanager
def _failures_in_polish(config: SmtpConfig, to: str) -> Iterator[None]:
    """Translate what smtplib, ssl and sockets raise into :class:`MailFailed`."""
    where = config.where
    try:
        yield
    except MailFailed:
        raise
    except smtplib.SMTPRecipientsRefused as exc:
        code, raw = next(iter(exc.recipients.values()))
        text = " ".join(raw.decode("utf-8", "replace").split()) if isinstance(
            raw, bytes) else str(raw)
        raise MailFailed(f"Serwer poczty odrzucił adres odbiorcy {to}: {code} {text}",
                         code, text) from None
    except smtplib.SMTPSenderRefused as exc:
        raise MailFailed(f"Serwer poczty odrzucił adres nadawcy {config.sender}: "
                         f"{exc.smtp_code} {_reply(exc)}", exc.smtp_code, _reply(exc)) from None
    except smtplib.SMTPAuthenticationError as exc:
        raise MailFailed("Serwer poczty nie przyjął nazwy użytkownika lub hasła: "
                         f"{exc.smtp_code} {_reply(exc)}", exc.smtp_code, _reply(exc)) from None
    except smtplib.SMTPResponseException as exc:
        raise MailFailed(f"Serwer poczty {where} nie przyjął wiadomości: "
                         f"{exc.smtp_code} {_reply(exc)}", exc.smtp_code, _reply(exc)) from None
    except smtplib.SMTPNotSupportedError as exc:
        raise MailFailed(f"Serwer poczty {where} nie obsługuje wymaganej funkcji ({exc}); "
                         "sprawdź zabezpieczenie i użytkownika w ustawieniach.") from None
    except smtplib.SMTPServerDisconnected as exc:
        if "timed out" in str(exc):  # smtplib reports a read timeout as a disconnection
            raise MailFailed(_timeout_text(config)) from None
        raise MailFailed(f"Serwer poczty {where} nieoczekiwanie zakończył połączenie.") from None
    except ssl.SSLCertVerificationError as exc:
        raise MailFailed(f"Certyfikat serwera poczty {where} nie jest zaufany "
                         f"({exc.verify_message}).") from None
    except ssl.SSLError as exc:
        raise MailFailed(f"Nie udało się nawiązać szyfrowanego połączenia z serwerem poczty "
                         f"{where} ({exc.reason or exc}); sprawdź port i zabezpieczenie.") from None
    except TimeoutError:
        raise MailFailed(_timeout_text(config)) from None
    except socket.gaierror:
        raise MailFailed(f"Nie znaleziono serwera poczty „{config.host}” (błędna nazwa "
                         "lub brak sieci).") from None
    except ConnectionRefusedError:
        raise MailFailed(f"Serwer poczty {where} odmówił połączenia (nie działa albo "
                         "port jest błędny).") from None
    except (smtplib.SMTPException, OSError) as exc:
        raise MailFailed(f"Nie udało się wysłać wiadomości przez serwer poczty {where}: "
                         f"{exc.__class__.__name__}.") from None
