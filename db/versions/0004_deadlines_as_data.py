"""Deadlines stored as their structure; two kinds of one-off days off.

Until 0003 a deadline kept its history as Polish prose in ``deadlines.explanation`` (lines
starting "Wstrzymanie:", "Poprzedni termin:", "Anulowano:" …) and its start event as the
wording of the explanation. From 0004 on:

* ``start_event`` is an event key (``petition_complete``, ``summons_delivered`` …), and the
  delay notice's identifier moves to ``reference``;
* suspensions are rows of ``deadline_suspensions`` (start, end; an open one has no end);
* earlier due dates are rows of ``deadline_redatings`` (extension or delay notice);
* a closing reason is ``closed_by`` (event) and ``closing_note``;
* ``due_on`` and ``nominal_end_on`` are empty while a deadline is suspended;
* ``explanation``, ``suspended_on``, ``suspended_days`` go (they are derived now), and
  ``extended_reason`` becomes ``reason``;
* ``days_off.kind`` tells a day off set by law (``statutory``, moves deadlines) from an
  office closure (``office_closure``). Every day recorded so far moved deadlines, so it
  becomes ``statutory``: no stored date changes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""
from __future__ import annotations

import re
from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The wording the services wrote (and the demo generator), by event key.
EVENTS = {
    "złożenie wniosku": "iok_request_filed",
    "wpływ kompletnej prośby": "petition_complete",
    "usunięcie braków formalnych": "deficiencies_removed",
    "doręczenie wezwania (data z ZPO)": "summons_delivered",
    "doręczenie wezwania w urzędzie": "summons_handed_over",
    "doręczenie wezwania e-mailem (potwierdzenie odczytu)": "summons_read",
    "doręczenie zastępcze wezwania (art. 44 KPA)": "summons_deemed_delivered",
    "doręczenie wezwania": "summons_delivery_recorded",
    "przedłużenie terminu": "deadline_extended",
}
DELAY_PREFIX = "zawiadomienie o zwłoce "
FALLBACK = {"deficiency": "summons_delivery_recorded", "decision": "petition_complete",
            "iok_target": "iok_request_filed", "delay_new_date": "delay_notice_issued"}

_D = r"(\d{2})\.(\d{2})\.(\d{4})"
SUSPENSION = re.compile(rf"^Wstrzymanie: {_D} – {_D} ")
EXTENDED = re.compile(rf"^Poprzedni termin: {_D} \(przedłużono {_D}\)")
REPLACED_DUE = re.compile(rf"^Poprzedni termin: {_D} \(zawiadomienie (\S+)\)")
CANCELLED = re.compile(r"^Anulowano: (.*)$")
REPLACED_BY = re.compile(r"^Zastąpiony nowym terminem z zawiadomienia (\S+)")

deadlines = sa.table(
    "deadlines", sa.column("id", sa.Integer), sa.column("kind", sa.String),
    sa.column("state", sa.String), sa.column("start_event", sa.String),
    sa.column("start_on", sa.Date), sa.column("explanation", sa.Text),
    sa.column("suspended_on", sa.Date), sa.column("reference", sa.String),
    sa.column("closed_by", sa.String), sa.column("closing_note", sa.Text),
)


def _day(groups: tuple[str, ...], at: int) -> date:
    dd, mm, yyyy = groups[at:at + 3]
    return date(int(yyyy), int(mm), int(dd))


def _parse(row: sa.Row) -> tuple[list[dict], list[dict], dict]:
    """Suspensions, redatings and closing fields of one old row."""
    suspensions, redatings, closing = [], [], {}
    for line in (row.explanation or "").splitlines():
        if m := SUSPENSION.match(line):
            suspensions.append({"deadline_id": row.id, "start_on": _day(m.groups(), 0),
                                "end_on": _day(m.groups(), 3)})
        elif m := EXTENDED.match(line):
            redatings.append({"deadline_id": row.id, "on": _day(m.groups(), 3),
                              "previous_due_on": _day(m.groups(), 0),
                              "event": "deadline_extended", "reference": None})
        elif m := REPLACED_DUE.match(line):
            redatings.append({"deadline_id": row.id, "on": row.start_on,
                              "previous_due_on": _day(m.groups(), 0),
                              "event": "delay_notice_issued", "reference": m[4]})
        elif m := REPLACED_BY.match(line):
            closing = {"closed_by": "delay_notice_issued", "closing_note": m[1]}
        elif m := CANCELLED.match(line):
            closing = {"closed_by": "deadline_cancelled", "closing_note": m[1]}
    if row.suspended_on is not None:  # still suspended (or closed while suspended)
        suspensions.append({"deadline_id": row.id, "start_on": row.suspended_on,
                            "end_on": None})
    return suspensions, redatings, closing


def _convert_events(conn: sa.Connection) -> None:
    for text, key in EVENTS.items():
        conn.execute(deadlines.update().where(deadlines.c.start_event == text)
                     .values(start_event=key))
    delay = conn.execute(sa.select(deadlines.c.id, deadlines.c.start_event)
                         .where(deadlines.c.start_event.like(f"{DELAY_PREFIX}%"))).all()
    for row_id, text in delay:
        conn.execute(deadlines.update().where(deadlines.c.id == row_id).values(
            start_event="delay_notice_issued", reference=text[len(DELAY_PREFIX):][:40]))
    known = [*EVENTS.values(), "delay_notice_issued"]
    for kind, key in FALLBACK.items():
        conn.execute(deadlines.update().where(deadlines.c.kind == kind,
                                              deadlines.c.start_event.not_in(known))
                     .values(start_event=key))


def _history(conn: sa.Connection) -> tuple[list[dict], list[dict]]:
    """Parse the rows that carry history lines (few); closings are written at once."""
    marked = sa.or_(*(deadlines.c.explanation.like(f"%{p}%") for p in (
        "Wstrzymanie:", "Poprzedni termin:", "Anulowano:", "Zastąpiony nowym terminem")),
        deadlines.c.state == "suspended", deadlines.c.suspended_on.is_not(None))
    suspensions, redatings = [], []
    for row in conn.execute(sa.select(deadlines).where(marked).order_by(deadlines.c.id)):
        s, r, closing = _parse(row)
        suspensions += s
        redatings += r
        if closing:
            conn.execute(deadlines.update().where(deadlines.c.id == row.id).values(**closing))
    return suspensions, redatings


def upgrade() -> None:
    conn = op.get_bind()
    for name, type_ in (("reference", sa.String(40)), ("reason", sa.Text()),
                        ("closed_by", sa.String(40)), ("closing_note", sa.Text())):
        op.add_column("deadlines", sa.Column(name, type_, nullable=True))
    _convert_events(conn)
    suspensions, redatings = _history(conn)
    conn.execute(sa.text("UPDATE deadlines SET reason = extended_reason"))
    with op.batch_alter_table("deadlines") as batch:
        batch.drop_column("explanation")
        batch.drop_column("suspended_on")
        batch.drop_column("suspended_days")
        batch.drop_column("extended_reason")
        batch.alter_column("start_event", existing_type=sa.String(200), type_=sa.String(40))
        batch.alter_column("nominal_end_on", existing_type=sa.Date(), nullable=True)
        batch.alter_column("due_on", existing_type=sa.Date(), nullable=True)
    conn.execute(sa.text("UPDATE deadlines SET due_on = NULL, nominal_end_on = NULL "
                         "WHERE state = 'suspended'"))
    suspension_table = op.create_table(
        "deadline_suspensions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("deadline_id", sa.Integer(),
                  sa.ForeignKey("deadlines.id", ondelete="CASCADE"), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
    )
    op.create_index("ix_deadline_suspensions_deadline_id", "deadline_suspensions",
                    ["deadline_id"])
    redating_table = op.create_table(
        "deadline_redatings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("deadline_id", sa.Integer(),
                  sa.ForeignKey("deadlines.id", ondelete="CASCADE"), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("previous_due_on", sa.Date(), nullable=False),
        sa.Column("event", sa.String(40), nullable=False),
        sa.Column("reference", sa.String(40), nullable=True),
    )
    op.create_index("ix_deadline_redatings_deadline_id", "deadline_redatings",
                    ["deadline_id"])
    if suspensions:
        op.bulk_insert(suspension_table, suspensions)
    if redatings:
        op.bulk_insert(redating_table, redatings)
    op.add_column("days_off", sa.Column("kind", sa.String(20), nullable=False,
                                        server_default="statutory"))


def _fmt(d: date) -> str:
    return f"{d.day:02d}.{d.month:02d}.{d.year:04d}"


def _history_lines(conn: sa.Connection) -> dict[int, list[str]]:
    """The prose lines 0003 kept in ``explanation``, rebuilt from the structure."""
    lines: dict[int, list[str]] = {}
    for deadline_id, start, end in conn.execute(sa.text(
            "SELECT deadline_id, start_on, end_on FROM deadline_suspensions "
            "WHERE end_on IS NOT NULL ORDER BY id")):
        start, end = _as_date(start), _as_date(end)
        lines.setdefault(deadline_id, []).append(
            f"Wstrzymanie: {_fmt(start)} – {_fmt(end)} ({(end - start).days} dni), "
            "oczekiwanie na usunięcie braków")
    for deadline_id, on, previous, event, reference in conn.execute(sa.text(
            "SELECT deadline_id, \"on\", previous_due_on, event, reference "
            "FROM deadline_redatings ORDER BY id")):
        on, previous = _as_date(on), _as_date(previous)
        lines.setdefault(deadline_id, []).append(
            f"Poprzedni termin: {_fmt(previous)} (zawiadomienie {reference})"
            if event == "delay_notice_issued" else
            f"Poprzedni termin: {_fmt(previous)} (przedłużono {_fmt(on)})")
    for deadline_id, closed_by, note in conn.execute(sa.text(
            "SELECT id, closed_by, closing_note FROM deadlines WHERE closed_by IN "
            "('delay_notice_issued', 'deadline_cancelled')")):
        lines.setdefault(deadline_id, []).append(
            f"Zastąpiony nowym terminem z zawiadomienia {note}"
            if closed_by == "delay_notice_issued" else f"Anulowano: {note}")
    return lines


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def downgrade() -> None:
    """Back to 0003: the history lines go back into ``explanation``. Child rows are read
    before any table is rebuilt (a rebuild of ``deadlines`` would cascade to them)."""
    conn = op.get_bind()
    with op.batch_alter_table("days_off") as batch:
        batch.drop_column("kind")
    op.add_column("deadlines", sa.Column("explanation", sa.Text(), nullable=True))
    op.add_column("deadlines", sa.Column("suspended_on", sa.Date(), nullable=True))
    op.add_column("deadlines", sa.Column("suspended_days", sa.Integer(), nullable=True))
    op.add_column("deadlines", sa.Column("extended_reason", sa.Text(), nullable=True))
    days = ("(end_on - start_on)" if conn.dialect.name == "postgresql"
            else "(julianday(end_on) - julianday(start_on))")
    conn.execute(sa.text(
        "UPDATE deadlines SET explanation = '', extended_reason = reason, suspended_days = "
        f"COALESCE((SELECT SUM({days}) FROM deadline_suspensions s "
        "WHERE s.deadline_id = deadlines.id AND s.end_on IS NOT NULL "
        "AND s.start_on >= deadlines.start_on), 0), suspended_on = "
        "(SELECT MAX(start_on) FROM deadline_suspensions s WHERE s.deadline_id = deadlines.id "
        "AND s.end_on IS NULL)"))
    for deadline_id, lines in _history_lines(conn).items():
        conn.execute(deadlines.update().where(deadlines.c.id == deadline_id)
                     .values(explanation="\n".join(lines)))
    conn.execute(sa.text("UPDATE deadlines SET due_on = start_on, nominal_end_on = start_on "
                         "WHERE due_on IS NULL"))
    op.drop_table("deadline_redatings")
    op.drop_table("deadline_suspensions")
    with op.batch_alter_table("deadlines") as batch:
        batch.alter_column("start_event", existing_type=sa.String(40), type_=sa.String(200))
    for text, key in EVENTS.items():
        conn.execute(deadlines.update().where(deadlines.c.start_event == key)
                     .values(start_event=text))
    conn.execute(sa.text(f"UPDATE deadlines SET start_event = '{DELAY_PREFIX}' || "
                         "COALESCE(reference, '') WHERE start_event = 'delay_notice_issued'"))
    with op.batch_alter_table("deadlines") as batch:
        for name in ("reference", "reason", "closed_by", "closing_note"):
            batch.drop_column(name)
        batch.alter_column("nominal_end_on", existing_type=sa.Date(), nullable=False)
        batch.alter_column("due_on", existing_type=sa.Date(), nullable=False)
        batch.alter_column("explanation", existing_type=sa.Text(), nullable=False)
        batch.alter_column("suspended_days", existing_type=sa.Integer(), nullable=False)
