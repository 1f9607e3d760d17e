"""``iok`` sub-commands of the legacy work (issue 10): not written yet."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    """Add this module's ``iok`` sub-commands to ``commands``."""
