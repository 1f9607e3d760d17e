"""The load loop: cases are built in batches of :data:`BATCH_CASES` by a worker thread while
the loading connection stores the previous batch; progress is reported per batch."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any, TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from clerk_app.demo.case_rows import CaseBuilder
from clerk_app.demo.rows import Rows
from clerk_app.demo.writers import Job, Writer

BATCH_CASES = 5_000

ProgressCallback = Callable[[int, int], None]

_T = TypeVar("_T")


def batch_jobs(builder: CaseBuilder, writer: Writer, cases: int
               ) -> Iterator[tuple[int, list[Job]]]:
    """(cases done, insert jobs) per batch of :data:`BATCH_CASES` cases."""
    for start in range(0, cases, BATCH_CASES):
        end = min(cases, start + BATCH_CASES)
        rows = Rows()
        for index in range(start, end):
            builder.case(index, rows)
        builder.history.add(rows)
        yield end, [writer.prepare(table, batch) for table, batch in rows.tables() if batch]


@contextmanager
def ahead(items: Iterator[_T], depth: int = 2) -> Iterator[Iterator[_T]]:
    """Iterate ``items`` in a worker thread, at most ``depth`` items ahead of the consumer.

    The next batch is generated while the database works on this one (SQLite and psycopg
    release the GIL while they wait). Memory stays bounded by ``depth``; an exception in
    the worker is raised in the consumer; leaving the block early stops the worker.
    """
    box: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(entry: tuple[str, Any]) -> bool:
        while not stop.is_set():
            try:
                box.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        try:
            for item in items:
                if not put(("item", item)):
                    return
            put(("end", None))
        except BaseException as exc:  # handed over to the consumer
            put(("error", exc))

    def consume() -> Iterator[_T]:
        while True:
            tag, value = box.get()
            if tag == "end":
                return
            if tag == "error":
                raise value
            yield value

    worker = threading.Thread(target=work, name="demo-data", daemon=True)
    worker.start()
    try:
        yield consume()
    finally:
        stop.set()
        worker.join()


@contextmanager
def bulk_load_pragmas(conn: Connection) -> Iterator[None]:
    """A bigger page cache for the loading SQLite connection (restored afterwards)."""
    if conn.dialect.name != "sqlite":
        yield
        return
    old = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql("PRAGMA cache_size=-131072")  # 128 MiB
    try:
        yield
    finally:
        # After a failure the connection may be unusable until the rollback; the error
        # that got us here matters more than the cache size.
        if not conn.invalidated:
            with suppress(SQLAlchemyError):
                conn.exec_driver_sql(f"PRAGMA cache_size={int(old)}")


def load_cases(conn: Connection, builder: CaseBuilder, cases: int,
               progress: ProgressCallback | None) -> None:
    """Build and insert ``cases`` cases on ``conn``; ``progress`` gets (done, cases) at the
    start and after each batch."""
    if progress:
        progress(0, cases)
    with bulk_load_pragmas(conn), ahead(batch_jobs(builder, Writer(conn), cases)) as jobs:
        for done, jobs_of_batch in jobs:
            for job in jobs_of_batch:
                job(conn)
            if progress:
                progress(done, cases)
