"""PostgreSQL: is the server's buffer cache big enough for the case table?

A broad search in a sort order other than the received date that has to collect its
matches (thousands of them, far along the order and not in the block its word begins, see
``services/cases/block_seek.py``) reads every matching case from the table. When the table
is larger than ``shared_buffers`` those pages are evicted between searches and read again
from the operating system each time: at a million cases (a 447 MB table) ~110 ms on the
stock 128 MB, ~70 ms on 512 MB (benchmarks/README.md). ``clerk-app init`` prints the advice
below when it applies.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from clerk_app.persistence.database import Database

MIB = 1024 * 1024
# Never advise less than this (the size measured to serve a million cases) ...
MIN_ADVISED = 512 * MIB
# ... and round the advice up to a multiple of this.
ADVICE_STEP = 128 * MIB


@dataclass(frozen=True)
class BufferCheck:
    """The server's ``shared_buffers`` and the size of the ``cases`` table, in bytes."""

    shared_buffers: int
    cases_table: int

    @property
    def advised(self) -> int | None:
        """The ``shared_buffers`` to set, or ``None`` when the table fits as it is."""
        if self.cases_table <= self.shared_buffers:
            return None
        wanted = max(MIN_ADVISED, self.cases_table)  # > cases_table > shared_buffers
        return -(-wanted // ADVICE_STEP) * ADVICE_STEP

    def advice(self) -> str | None:
        """One Polish paragraph for the administrator, or ``None``."""
        advised = self.advised
        if advised is None:
            return None
        return (
            f"Uwaga: tabela spraw zajmuje {_mb(self.cases_table)}, a bufor serwera "
            f"PostgreSQL (shared_buffers) ma {_mb(self.shared_buffers)}; szerokie "
            "wyszukiwania w innej kolejności niż data wpływu będą wolniejsze. Zalecane: "
            f"ALTER SYSTEM SET shared_buffers = '{advised // MIB}MB', "
            "potem ponowne uruchomienie serwera.")


def _mb(size: int) -> str:
    return f"{round(size / MIB)} MB"


def check_buffers(db: Database) -> BufferCheck | None:
    """Read ``shared_buffers`` and the table size (PostgreSQL only; else ``None``)."""
    if db.dialect != "postgresql":
        return None
    with db.engine.connect() as conn:
        row = conn.execute(text(
            "SELECT pg_size_bytes(current_setting('shared_buffers')), "
            "pg_table_size('cases')")).one()
    return BufferCheck(shared_buffers=int(row[0]), cases_table=int(row[1]))
