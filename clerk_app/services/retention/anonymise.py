"""Anonymising the cases whose retention period has passed: all of them in one transaction.

What goes: the applicant's and sender's names, PESEL, addresses, e-mail and phone, the
proxy, the premises, the justification and reasons, the property statement with the
household and its incomes, scans and their bytes, the letters' addressees, contents and kept
PDFs, case notes, and the audit trail's personal values (``audit_values``). What stays: the
case skeleton (signature, kind, dates, how settled), the register entries' numbers and dates,
the letters' kinds and delivery dates, deadlines, decisions' kinds and dates, the instalment
schedule's amounts, and every audit entry (append-only; its references now read
"(usunięte)"). The kept free texts (subjects, settlement remarks) lose the person's words
(``scrub.py``). After the commit, SQLite's WAL is checkpointed and truncated (the deleted
pages were zeroed by ``secure_delete``) and PostgreSQL vacuums the touched tables.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Delete, Update, delete, func, or_, select, update

from clerk_app.domain.retention import RULE_ORDER
from clerk_app.domain.roles import Permission
from clerk_app.persistence.database import Database
from clerk_app.persistence.models import (
    AuditValue,
    Case,
    CaseNote,
    Deadline,
    DepositDecision,
    DepositPetition,
    HouseholdIncome,
    HouseholdMember,
    IncomingItem,
    IokRequest,
    Letter,
    LetterFile,
    PropertyStatement,
    Scan,
    ScanChunk,
)
from clerk_app.services.admin.settings import read_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ServiceError
from clerk_app.services.core.unit_of_work import Work, unit_of_work
from clerk_app.services.retention.review import periods_from, rule_condition
from clerk_app.services.retention.scrub import scrub_kept_texts

ANONYMISED = "(dane usunięte)"
CHUNK = 500
_CHECKPOINT_TRIES = 10
TOUCHED_TABLES = ("cases", "incoming_items", "scans", "scan_chunks", "iok_requests",
                  "deposit_petitions", "property_statements", "household_members",
                  "household_incomes", "letters", "letter_files", "case_notes",
                  "deposit_decisions", "deadlines", "audit_values")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class AnonymiseResult:
    count: int
    case_ids: tuple[int, ...]


class NotDue(ServiceError):
    """Some selected case is not past its period (or was anonymised already)."""


def _statements(ids: list[int], work: Work) -> list[Update | Delete]:
    items = select(IncomingItem.id).where(IncomingItem.case_id.in_(ids))
    scans = select(Scan.id).where(or_(Scan.case_id.in_(ids), Scan.incoming_item_id.in_(items)))
    members = select(HouseholdMember.id).where(HouseholdMember.case_id.in_(ids))
    letters = select(Letter.id).where(Letter.case_id.in_(ids))
    return [
        update(Case).where(Case.id.in_(ids)).values(
            applicant_first_name="", applicant_last_name=ANONYMISED, applicant_sort="",
            applicant_pesel=None, applicant_email=None, applicant_phone=None, street="",
            building="", flat="", postal_code="", city="", search_text=func.lower(Case.signature),
            anonymised_at=work.now, version=Case.version + 1),
        update(IncomingItem).where(IncomingItem.case_id.in_(ids)).values(
            sender_name=ANONYMISED, sender_pesel=None, sender_address="", sender_phone=None,
            sender_email=None, remarks="", version=IncomingItem.version + 1),
        delete(ScanChunk).where(ScanChunk.scan_id.in_(scans)),
        delete(Scan).where(Scan.id.in_(scans)),
        update(IokRequest).where(IokRequest.case_id.in_(ids)).values(
            contractor_number=None, premises_street="", premises_building="", premises_flat="",
            version=IokRequest.version + 1),
        update(DepositPetition).where(DepositPetition.case_id.in_(ids)).values(
            proxy_name=None, proxy_address="", premises_address="", justification="",
            stamp_duty_override_reason="", version=DepositPetition.version + 1),
        delete(HouseholdIncome).where(HouseholdIncome.member_id.in_(members)),
        delete(HouseholdMember).where(HouseholdMember.case_id.in_(ids)),
        delete(PropertyStatement).where(PropertyStatement.case_id.in_(ids)),
        delete(LetterFile).where(LetterFile.letter_id.in_(letters)),
        update(Letter).where(Letter.case_id.in_(ids)).values(
            addressee=ANONYMISED, extra="{}", email_error="", email_message_id=None,
            version=Letter.version + 1),
        delete(CaseNote).where(CaseNote.case_id.in_(ids)),
        update(DepositDecision).where(DepositDecision.case_id.in_(ids)).values(reasoning=""),
        update(Deadline).where(Deadline.case_id.in_(ids)).values(
            reason=None, closing_note=None, version=Deadline.version + 1),
        delete(AuditValue).where(AuditValue.case_id.in_(ids)),
    ]


def _check_due(work: Work, ids: list[int], today: date) -> None:
    periods = periods_from(read_settings(work.session))
    due = or_(*(rule_condition(rule, today, periods) for rule in RULE_ORDER))
    found = set(work.session.scalars(select(Case.id).where(Case.id.in_(ids), due)))
    if len(found) != len(ids):
        missing = sorted(set(ids) - found)[:5]
        names = ", ".join(work.session.scalars(select(Case.signature).where(
            Case.id.in_(missing)).order_by(Case.signature)))
        raise NotDue(f"Nie zanonimizowano żadnej sprawy: okres przechowywania danych nie "
                     f"minął albo sprawa jest już zanonimizowana ({names or 'brak sprawy'}).")


def anonymise_cases(ctx: AppContext, actor: Actor, case_ids: Sequence[int], *,
                    today: date | None = None,
                    progress: Progress | None = None) -> AnonymiseResult:
    """Anonymise every case of ``case_ids`` (supervisors), all or none; each must be past its
    retention period on ``today`` (default: the office's today). Audited with the case ids
    and their count, no personal data."""
    ids = sorted(set(case_ids))
    if not ids:
        raise ServiceError("Nie zaznaczono żadnej sprawy.")
    day = today or ctx.today()
    with unit_of_work(ctx, actor, Permission.RETENTION) as work:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            _check_due(work, chunk, day)
            scrub_kept_texts(work.session, chunk)
            for statement in _statements(chunk, work):
                work.session.execute(statement.execution_options(synchronize_session=False))
            if progress is not None:
                progress(min(start + CHUNK, len(ids)), len(ids))
        if ctx.db.dialect == "sqlite":
            # Merge the search index into one segment: the deleted trigrams are dropped.
            work.session.connection().exec_driver_sql(
                "INSERT INTO case_search(case_search) VALUES ('optimize')")
        work.audit("cases", "retention", "anonymise",
                   {"count": [None, len(ids)], "case_ids": [None, ids]})
    clean_after_anonymising(ctx.db)
    return AnonymiseResult(len(ids), tuple(ids))


def clean_after_anonymising(db: Database) -> bool:
    """Leave no old page behind: SQLite checkpoints its WAL into the file and truncates it;
    PostgreSQL vacuums the touched tables (outside any transaction). False when SQLite's
    checkpoint stayed busy (a reader held old pages; later checkpoints overwrite them)."""
    if db.dialect == "sqlite":
        raw = db.engine.raw_connection()
        try:
            for _attempt in range(_CHECKPOINT_TRIES):
                busy = raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                if not busy:
                    return True
                time.sleep(0.2)  # another connection is reading: wait for it a little
            return False
        finally:
            raw.close()
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in TOUCHED_TABLES:
            conn.exec_driver_sql(f"VACUUM {table}")
    return True
