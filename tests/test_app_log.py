"""A fault of the program: a Polish message with an incident number on screen, the traceback
in the rotating log file under that number, and no SQL parameter (a password hash) in either."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from clerk_app.app_log import configure_logging, log_incident
from clerk_app.domain.roles import Role
from clerk_app.persistence.database import Database
from clerk_app.persistence.models import User
from clerk_app.ui.error_text import user_message

HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0c2FsdA$c2VjcmV0aGFzaHZhbHVl"


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = configure_logging(tmp_path)
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", None) == str(path):
            root.removeHandler(handler)
            handler.close()


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_unexpected_error_gets_an_incident_number_in_the_log(log_file: Path) -> None:
    try:
        raise ZeroDivisionError("division by zero in the totals")
    except ZeroDivisionError as exc:
        error = exc
    message = user_message(error)
    number = re.search(r"numer zgłoszenia ([A-Z2-9]{3}-[A-Z2-9]{3})", message)
    assert number and "ZeroDivision" not in message and "Traceback" not in message
    assert user_message(error) == message  # the same error keeps its number
    _flush()
    text = log_file.read_text(encoding="utf-8")
    assert text.count(f"Incident {number.group(1)}") == 1
    assert "Traceback" in text and "division by zero in the totals" in text


def test_configuring_twice_adds_no_second_handler(log_file: Path) -> None:
    configure_logging(log_file.parent)
    log_incident(RuntimeError("once"))
    _flush()
    assert log_file.read_text(encoding="utf-8").count("RuntimeError: once") == 1


def test_integrity_error_carries_no_password_hash(db: Database, log_file: Path) -> None:
    def add() -> None:
        with db.transaction() as s:
            s.add(User(username="dup", full_name="Dup", role=Role.CLERK, password_hash=HASH,
                       active=True, failed_attempts=0, created_at=datetime.now(UTC),
                       must_change_password=False))

    add()
    with pytest.raises(IntegrityError) as caught:
        add()
    assert "$argon2" not in str(caught.value)
    message = user_message(caught.value)
    _flush()
    assert "$argon2" not in message
    assert "$argon2" not in log_file.read_text(encoding="utf-8")


def test_a_log_folder_that_cannot_be_made_falls_back_to_the_temporary_folder(
    tmp_path: Path
) -> None:
    """A locked-down account's log folder must not stop the program (it crashed with a
    PermissionError traceback before any command ran)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    path = configure_logging(blocker / "log")
    root = logging.getLogger()
    try:
        assert path.parent != blocker / "log"
        assert any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers)
    finally:
        for handler in list(root.handlers):
            if getattr(handler, "baseFilename", None) == str(path):
                root.removeHandler(handler)
                handler.close()
