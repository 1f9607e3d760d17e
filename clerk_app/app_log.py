"""The application's log: a rotating file in the user log directory, and incident numbers.

A fault of the program is never shown to a person as technical text: they read a Polish
sentence with a short incident number, and the traceback goes to the log under that number
(see :func:`log_incident`). SQL parameters never reach the log or the screen: engines are
made with ``hide_parameters=True`` (``clerk_app.persistence.database``), so an error about a
``users`` row cannot carry a password hash.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import tempfile
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

APP_NAME = "clerk_app"
LOG_FILE = "clerk_app.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_INCIDENT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read over the phone
_incident_attr = "_clerk_incident"
log = logging.getLogger("clerk_app.incidents")


def log_dir() -> Path:
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def configure_logging(directory: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the application's log records to a rotating file (1 MB × 5); returns its path.

    Called once by the GUI and the command line; calling it again adds no second handler.
    A log folder the user may not write (a locked-down account) falls back to the temporary
    folder: logging must never be the reason a program cannot start.
    """
    root = logging.getLogger()
    for folder in (directory or log_dir(), Path(tempfile.gettempdir()) / f"{APP_NAME}-log"):
        path = folder / LOG_FILE
        for existing in root.handlers:
            if isinstance(existing, RotatingFileHandler) and Path(existing.baseFilename) == path:
                return path
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                          encoding="utf-8")
        except OSError:
            continue
        break
    else:
        return path  # nowhere to write: records go to no file
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path


def new_incident_number() -> str:
    """``K7M-4QX``: short, unambiguous, random (no counter shared between processes)."""
    chars = "".join(secrets.choice(_INCIDENT_ALPHABET) for _ in range(6))
    return f"{chars[:3]}-{chars[3:]}"


def log_incident(error: BaseException, what: str = "operation") -> str:
    """Log ``error`` with its traceback under a new incident number, once per error object;
    returns the number (the same one for the same error object)."""
    known = getattr(error, _incident_attr, None)
    if isinstance(known, str):
        return known
    number = new_incident_number()
    with contextlib.suppress(AttributeError):  # a type refusing attributes: logged each time
        setattr(error, _incident_attr, number)
    log.error("Incident %s (%s): %s", number, what, type(error).__name__, exc_info=error)
    return number
