"""Turning batches of row dicts into insert jobs: multi-row ``INSERT`` on SQLite, ``COPY`` on
PostgreSQL (psycopg), Core ``insert`` anywhere else.

:meth:`Writer.prepare` does the Python work and touches no connection, so it can run in the
generator thread; the job it returns does the database work on the loading connection.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Connection, Dialect, Table, insert

from clerk_app.demo.rows import Row

Job = Callable[[Connection], None]


class Writer:
    """Picks the insert plan for each table, converting values with the columns' own
    SQLAlchemy bind processors.

    SQLite: multi-row ``INSERT … VALUES (…), (…)`` statements; one statement per row would
    make the FTS5 index behind ``cases.search_text`` flush after every row, ten times slower.
    PostgreSQL (psycopg): ``COPY … FROM STDIN`` on the session's own connection, twice as
    fast as Core's multi-row ``INSERT`` pages. Any other back-end: Core ``insert(table)``.
    """

    def __init__(self, conn: Connection) -> None:
        self.dialect = conn.dialect
        self._plans: dict[str, TablePlan] = {}

    def prepare(self, table: Table, rows: list[Row]) -> Job:
        """The job that inserts ``rows`` into ``table``."""
        plan = self._plans.get(table.name)
        if plan is None:
            if self.dialect.name == "sqlite":
                plan = SqliteInsertPlan(table, self.dialect)
            elif self.dialect.name == "postgresql" and self.dialect.driver == "psycopg":
                plan = PostgresCopyPlan(table, self.dialect)
            else:
                plan = TablePlan(table, self.dialect)
            self._plans[table.name] = plan
        return plan.prepare(rows)


def _python_type(type_: Any) -> type | None:
    try:
        return cast(type, type_.python_type)
    except NotImplementedError:
        return None


class TablePlan:
    """How to insert the rows of one table; the base class uses a Core ``insert``."""

    def __init__(self, table: Table, dialect: Dialect) -> None:
        self.table = table
        self.columns = [c.name for c in table.columns]
        # Quoted names: a column may be a reserved word (deadline_redatings.on).
        self.column_list = ", ".join(f'"{name}"' for name in self.columns)
        self.getter = itemgetter(*self.columns)
        self.processors: list[tuple[int, Callable[[Any], Any], dict[Any, Any] | None]] = []
        for index, column in enumerate(table.columns):
            processor = column.type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                # Dates repeat a lot: remember their converted form.
                cache: dict[Any, Any] | None = (
                    {} if _python_type(column.type) is date else None)
                self.processors.append((index, processor, cache))

    def values(self, row: Row) -> list[Any]:
        """The row's values in column order, as the driver gets them."""
        values = list(self.getter(row))
        for index, processor, cache in self.processors:
            value = values[index]
            if value is None:
                continue
            if cache is None:
                values[index] = processor(value)
            else:
                converted = cache.get(value)
                if converted is None:
                    converted = cache[value] = processor(value)
                values[index] = converted
        return values

    def prepare(self, rows: list[Row]) -> Job:
        """The job that inserts ``rows``."""
        table = self.table

        def run(conn: Connection) -> None:
            conn.execute(insert(table), rows)

        return run


class SqliteInsertPlan(TablePlan):
    """Multi-row ``INSERT`` statements of up to :attr:`ROWS_PER_STATEMENT` rows."""

    ROWS_PER_STATEMENT = 200
    MAX_VARIABLES = 32_000

    def __init__(self, table: Table, dialect: Dialect) -> None:
        super().__init__(table, dialect)
        self.per_statement = min(self.ROWS_PER_STATEMENT, self.MAX_VARIABLES // len(self.columns))
        self.prefix = f"INSERT INTO {table.name} ({self.column_list}) VALUES "
        self.one = "(" + ", ".join("?" * len(self.columns)) + ")"
        self.full_sql = self.prefix + ", ".join([self.one] * self.per_statement)

    def prepare(self, rows: list[Row]) -> Job:
        """The job that inserts ``rows``: full statements, then one for the rest."""
        flat: list[Any] = []
        for row in rows:
            flat.extend(self.values(row))
        step = self.per_statement * len(self.columns)
        full = len(rows) // self.per_statement
        chunks = [tuple(flat[k * step:(k + 1) * step]) for k in range(full)]
        rest_sql = self.prefix + ", ".join([self.one] * (len(rows) - full * self.per_statement))
        rest = tuple(flat[full * step:])
        full_sql = self.full_sql

        def run(conn: Connection) -> None:
            if chunks:
                conn.exec_driver_sql(full_sql, chunks)
            if rest:
                conn.exec_driver_sql(rest_sql, rest)

        return run


class PostgresCopyPlan(TablePlan):
    """``COPY … FROM STDIN`` through psycopg's own cursor."""

    def __init__(self, table: Table, dialect: Dialect) -> None:
        super().__init__(table, dialect)
        self.sql = f"COPY {table.name} ({self.column_list}) FROM STDIN"

    def prepare(self, rows: list[Row]) -> Job:
        """The job that copies ``rows``."""
        values = [self.values(row) for row in rows]
        sql = self.sql

        def run(conn: Connection) -> None:
            driver_connection: Any = conn.connection.driver_connection
            with driver_connection.cursor() as cursor, cursor.copy(sql) as copy:
                for row in values:
                    copy.write_row(row)

        return run
