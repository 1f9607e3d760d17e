"""What is held about a person (RODO art. 15): the supervisor's search and its export.

Both are audited under the entity ``rodo_request`` with no personal value: the kind of key
(PESEL or name), a SHA-256 of the folded key and the number of records found. The search reads
in one snapshot and then appends its audit row in a transaction of its own, so a long search
never holds the writer's lock; the results are returned only once that row is committed.
"""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.change_text import action_name, entity_name
from clerk_app.domain.errors import FieldError
from clerk_app.domain.rodo_report import (
    AccessRecord,
    SubjectAccessReport,
    mask_pesel,
    name_words,
)
from clerk_app.domain.roles import Permission
from clerk_app.domain.validators import validate_pesel
from clerk_app.persistence.models import AuditEntry, StatementViewEntry, User
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.core.unit_of_work import read_as, unit_of_work
from clerk_app.services.rodo import gather

ENTITY = "rodo_request"
FIELD = "search"
# Actions the shared labels (domain.change_text) do not name yet.
_ACTIONS = {
    "create_statement": "zapisanie oświadczenia", "update_statement": "zmiana oświadczenia",
    "update_household": "zmiana składu gospodarstwa i dochodów",
    "prepare_agreement": "przygotowanie umowy", "agreement_signed": "podpisanie umowy",
    "decide": "rozstrzygnięcie", "schedule": "harmonogram rat", "sent": "wysłanie pisma",
    "returned": "zwrot pisma", "email_read": "potwierdzenie odczytu e-mail",
    "supplement": "uzupełnienie", "reconsideration": "ponowne rozpatrzenie",
    "superseded": "zastąpienie rozstrzygnięcia",
}


def _action(entry: AuditEntry) -> str:
    return f"{_ACTIONS.get(entry.action) or action_name(entry.action)} " \
        f"({entity_name(entry.entity)})"


def _person(key: str) -> tuple[gather.Person, frozenset[str], str]:
    """The person searched for, the name's words and the label the report shows."""
    text = (key or "").strip()
    digits = "".join(text.split())
    if digits.isdigit():
        pesel = validate_pesel(digits, FIELD)
        return gather.Person(pesel), frozenset(), f"PESEL {mask_pesel(pesel)}"
    words = name_words(text)
    if len(words) < 2:
        raise FieldError(FIELD, "Podaj imię i nazwisko osoby albo jej numer PESEL.")
    return gather.Person(None, {words}), words, " ".join(text.split())


def _key_hash(person: gather.Person, words: frozenset[str]) -> str:
    """What the audit row keeps of the key: a hash, never the PESEL or the name."""
    folded = person.pesel or " ".join(sorted(words))
    return hashlib.sha256(folded.encode()).hexdigest()[:16]


def _accesses(session: Session, found: gather.Found) -> list[AccessRecord]:
    names = {u: n for u, n in session.execute(select(User.username, User.full_name))}
    rows: list[AccessRecord] = []
    case_ids = sorted(found.case_ids)
    for chunk in gather.chunks(case_ids):
        for e in session.scalars(select(AuditEntry).where(AuditEntry.case_id.in_(chunk))):
            rows.append(AccessRecord(e.at, e.username, names.get(e.username, ""),
                                     found.signatures.get(e.case_id or 0, ""),
                                     _action(e)))
        for v in session.scalars(select(StatementViewEntry)
                                 .where(StatementViewEntry.case_id.in_(chunk))):
            rows.append(AccessRecord(v.viewed_at, v.username, names.get(v.username, ""),
                                     found.signatures.get(v.case_id, ""),
                                     "wgląd do oświadczenia o stanie majątkowym"))
    # Items without a case and old accounts: their audit rows carry no case id.
    loose = [(table, ident) for table, ident in found.entities
             if table in ("legacy_accounts", "incoming_items")]
    for table, ident in sorted(loose):
        for e in session.scalars(select(AuditEntry).where(
                AuditEntry.entity == table, AuditEntry.entity_id == ident,
                AuditEntry.case_id.is_(None))):
            rows.append(AccessRecord(e.at, e.username, names.get(e.username, ""),
                                     f"{entity_name(table)} {ident}",
                                     _action(e)))
    return sorted(rows, key=lambda r: (r.at, r.reference))


def find_person_data(ctx: AppContext, actor: Actor, key: str) -> SubjectAccessReport:
    """Every case (applicant or proxy), incoming item (sender), letter (addressee), property
    statement (household member too) and old portal account holding the data of the person
    with this PESEL or name, and who viewed or changed them. Supervisors only; audited."""
    try:
        person, words, label = _person(key)
    except FieldError as exc:
        raise ValidationFailed([exc]) from exc
    with read_as(ctx, actor, Permission.DATA_SUBJECT_ACCESS, snapshot=True) as session:
        found = gather.applicant_cases(session, person, words)
        gather.proxy_cases(session, person, found)
        gather.incoming_items(session, person, found)
        gather.letters(session, person, found)
        gather.statements(session, person, found)
        gather.legacy_accounts(session, person, found)
        accesses = _accesses(session, found)
    request_id = uuid.uuid4().hex[:12]
    with unit_of_work(ctx, actor, Permission.DATA_SUBJECT_ACCESS) as work:
        work.audit(ENTITY, request_id, "search", {
            "key_kind": [None, "pesel" if person.pesel else "name"],
            "key_sha256": [None, _key_hash(person, words)],
            "records": [None, len(found.records)],
        })
        assert work.actor is not None
        prepared_by, now = work.actor.full_name, work.now
    return SubjectAccessReport(request_id, label, now, prepared_by, tuple(found.records),
                               tuple(accesses))


def record_export(ctx: AppContext, actor: Actor, report: SubjectAccessReport,
                  pages: int) -> None:
    """The report was saved as a PDF (audited with the request it answers)."""
    with unit_of_work(ctx, actor, Permission.DATA_SUBJECT_ACCESS) as work:
        work.audit(ENTITY, report.request_id, "export_pdf", {
            "records": [None, len(report.records)], "pages": [None, pages]})
