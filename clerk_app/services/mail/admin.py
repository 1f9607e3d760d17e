"""The administrator's side of e-mail: the SMTP password (set, cleared, whether it is set;
never read back) and a test message through the settings as typed."""

from __future__ import annotations

import logging
import os
from email.utils import parseaddr

from clerk_app.domain.errors import FieldError
from clerk_app.domain.roles import Permission
from clerk_app.domain.validators import validate_email
from clerk_app.services.admin.settings import OfficeSettings, validate_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ServiceError, ValidationFailed
from clerk_app.services.core.unit_of_work import read_as, unit_of_work
from clerk_app.services.mail.secrets import password_store
from clerk_app.services.mail.smtp import ENV_CA_FILE, SmtpConfig, send_message

log = logging.getLogger(__name__)
PASSWORD_KEY = "smtp_password"
MASK = "***"
TEST_SUBJECT = "Wiadomość próbna z programu clerk_app"
TEST_BODY = ("To jest wiadomość próbna. Jeśli ją widzisz, ustawienia serwera poczty "
             "wychodzącej są poprawne.\n")


def smtp_password_is_set(ctx: AppContext, actor: Actor) -> bool:
    """Whether a password is kept (for the settings dialog's "ustawione")."""
    with read_as(ctx, actor, Permission.MANAGE_SETTINGS):
        return bool(password_store(ctx).get())


def set_smtp_password(ctx: AppContext, actor: Actor, password: str) -> bool:
    """Admin action: keep ``password`` (an empty one clears it). The audit row says that it
    changed, never what it is. Returns whether a password is now set."""
    with unit_of_work(ctx, actor, Permission.MANAGE_SETTINGS) as work:
        store = password_store(ctx)
        had = bool(store.get())
        if password:
            store.set(password)
        else:
            store.clear()
        work.audit("settings", PASSWORD_KEY, "set" if password else "clear",
                   {PASSWORD_KEY: [MASK if had else None, MASK if password else None]})
    log.info("SMTP password %s by %s", "set" if password else "cleared", actor.username)
    return bool(password)


def config_from(ctx: AppContext, settings: OfficeSettings, password: str = "") -> SmtpConfig:
    """The configuration of ``settings`` as typed (validated); the stored password unless
    one is typed."""
    s = validate_settings(settings)
    if not s.smtp_host or not s.smtp_sender:
        raise ServiceError("Wpisz serwer SMTP i adres nadawcy.")
    secret = ""
    if s.smtp_user:
        secret = password or password_store(ctx).get() or ""
    if s.smtp_user and not secret:
        raise ServiceError(f"Wpisz hasło użytkownika „{s.smtp_user}” serwera poczty.")
    try:
        validate_email(parseaddr(s.smtp_sender)[1], "smtp_sender")
    except FieldError as exc:
        raise ValidationFailed([FieldError("smtp_sender", "Nieprawidłowy adres e-mail "
                                           "nadawcy.", "Adres nadawcy")]) from exc
    return SmtpConfig(s.smtp_host, s.smtp_port, s.smtp_security, s.smtp_user, secret,
                      s.smtp_sender, ca_file=os.environ.get(ENV_CA_FILE, ""))


def send_test_message(ctx: AppContext, actor: Actor, settings: OfficeSettings, to: str,
                      password: str = "") -> str:
    """Admin action: a test message to ``to`` through ``settings`` (not yet saved);
    returns its Message-ID or raises ``MailFailed`` with the server's reply."""
    with read_as(ctx, actor, Permission.MANAGE_SETTINGS):
        pass  # the role is re-read before anything goes out
    config = config_from(ctx, settings, password)
    message_id = send_message(config, to or config.sender, TEST_SUBJECT, TEST_BODY)
    log.info("Test e-mail %s sent by %s", message_id, actor.username)
    return message_id
