"""UI test fixtures: each test has a change broadcast of its own, and its ops end before its
database does."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from ui_test_support import WAIT_MS

from clerk_app.ui import changes
from clerk_app.ui.operations import ops_running, wait_for_workers


@pytest.fixture(autouse=True)
def fresh_broadcast(monkeypatch: pytest.MonkeyPatch) -> None:
    """Views a test leaves behind (until Qt deletes them) do not hear the next test's
    changes and read a database that is gone."""
    monkeypatch.setattr(changes, "_broadcast", None)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Before the test's database goes away: let its ops settle and its pool jobs end."""
    qtbot = getattr(item, "funcargs", {}).get("qtbot")
    if qtbot is not None:
        with contextlib.suppress(qtbot.TimeoutError):
            qtbot.waitUntil(lambda: ops_running() == 0, timeout=WAIT_MS)
    wait_for_workers()
    yield
