"""The SMTP password, kept out of the database and out of logs.

It lives in a file in the user configuration directory (platformdirs) that only the user may
read (mode 0600), or comes from the environment variable ``CLERK_APP_SMTP_PASSWORD``, which
wins over the file (for installations that hand it in from outside). Tests inject a
:class:`MemoryPasswordStore` through ``AppContext.smtp_password_store``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

from clerk_app.services.core.context import AppContext, SecretStore

APP_NAME = "clerk_app"
PASSWORD_FILE = "smtp_password"
ENV_PASSWORD = "CLERK_APP_SMTP_PASSWORD"


class FilePasswordStore:
    """A password in one file readable and writable by its owner only."""

    def __init__(self, path: Path, env_var: str | None = ENV_PASSWORD) -> None:
        self.path = path
        self.env_var = env_var

    def get(self) -> str | None:
        if self.env_var and os.environ.get(self.env_var):
            return os.environ[self.env_var]
        try:
            text = self.path.read_text(encoding="utf-8")
        except (FileNotFoundError, PermissionError):
            return None
        return text.rstrip("\n") or None

    def set(self, secret: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            if hasattr(os, "fchmod"):  # an existing file keeps its mode under O_CREAT
                os.fchmod(fd, stat.S_IRUSR | stat.S_IWUSR)
            os.write(fd, secret.encode("utf-8"))
        finally:
            os.close(fd)

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


class MemoryPasswordStore:
    """A password held in memory only (tests, a single session)."""

    def __init__(self, secret: str | None = None) -> None:
        self.secret = secret

    def get(self) -> str | None:
        return self.secret or None

    def set(self, secret: str) -> None:
        self.secret = secret

    def clear(self) -> None:
        self.secret = None


def default_password_store() -> FilePasswordStore:
    """The user's own file: ``~/.config/clerk_app/smtp_password`` on Linux."""
    folder = platformdirs.user_config_path(APP_NAME, appauthor=False)
    return FilePasswordStore(folder / PASSWORD_FILE)


def password_store(ctx: AppContext) -> SecretStore:
    """The context's store, or the user's file when none was handed in."""
    return ctx.smtp_password_store or default_password_store()
