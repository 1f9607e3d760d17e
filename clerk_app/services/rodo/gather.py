"""Finding every record that holds one person's data, inside the caller's read.

A PESEL finds the cases, incoming items and household entries that carry it; the names (and
e-mail addresses) recorded there then find what holds no PESEL: a proxy, an addressee, an old
portal account. A name search matches the folded words of the name in any order
(``domain.rodo_report.name_matches``). Columns without an index (sender, proxy, addressee,
household member, old account) are streamed two or three columns at a time and matched here,
so Polish letters fold the same way on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.rodo_report import HeldKind, HeldRecord, name_matches, name_words
from clerk_app.persistence.models import (
    Case,
    DepositPetition,
    HouseholdMember,
    IncomingItem,
    IokRequest,
    LegacyAccount,
    Letter,
    PropertyStatement,
)
from clerk_app.services.cases.search import like

STREAM = 5000  # rows fetched at a time from a streamed column


@dataclass
class Person:
    """Who is searched for: the PESEL, the names and e-mail addresses known for them."""

    pesel: str | None
    names: set[frozenset[str]] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)

    def named(self, stored: str | None) -> bool:
        return any(name_matches(words, stored) for words in self.names)


@dataclass
class Found:
    """The records found so far and the ids the audit trail is then read for."""

    records: list[HeldRecord] = field(default_factory=list)
    case_ids: set[int] = field(default_factory=set)
    entities: set[tuple[str, str]] = field(default_factory=set)  # (table, id) without a case
    signatures: dict[int, str] = field(default_factory=dict)

    def add(self, record: HeldRecord, case_id: int | None, entity: tuple[str, str]) -> None:
        self.records.append(record)
        self.entities.add(entity)
        if case_id is not None:
            self.case_ids.add(case_id)


def _data(*parts: tuple[str, object]) -> str:
    return ", ".join(label for label, value in parts if value)


def _streamed(session: Session, query: Any) -> Iterable[Any]:
    return session.execute(query.execution_options(yield_per=STREAM))


def _signatures(session: Session, found: Found, ids: Iterable[int | None]) -> None:
    wanted = {i for i in ids if i is not None and i not in found.signatures}
    for chunk in chunks(sorted(wanted)):
        found.signatures.update((case_id, signature) for case_id, signature in session.execute(
            select(Case.id, Case.signature).where(Case.id.in_(chunk))))


def chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def applicant_cases(session: Session, person: Person, words: frozenset[str]) -> Found:
    """Cases whose applicant is the person (by PESEL, or by every word of the name)."""
    query = select(Case)
    if person.pesel:
        query = query.where(Case.applicant_pesel == person.pesel)
    else:
        for word in sorted(words):
            query = query.where(like(Case, word))
    found = Found()
    for case in session.scalars(query.order_by(Case.received_on, Case.id)):
        full = f"{case.applicant_first_name} {case.applicant_last_name}"
        if not person.pesel and not name_matches(words, full):
            continue
        person.names.add(name_words(full))
        if case.applicant_email:
            person.emails.add(case.applicant_email.lower())
        address = " ".join(p for p in (case.street, case.building, case.city) if p)
        found.signatures[case.id] = case.signature
        iok = session.get(IokRequest, case.id)
        found.add(HeldRecord(
            HeldKind.CASE, case.signature, "wnioskodawca",
            _data(("imię i nazwisko", True), ("PESEL", case.applicant_pesel),
                  ("adres", address), ("e-mail", case.applicant_email),
                  ("telefon", case.applicant_phone),
                  ("nr kontrahenta ZGM", iok and iok.contractor_number),
                  ("adres lokalu", iok and iok.premises_street)),
            case.received_on, case.signature), case.id, ("cases", str(case.id)))
    return found


def proxy_cases(session: Session, person: Person, found: Found) -> None:
    """Deposit cases in which the person acted as the applicant's proxy."""
    rows = [(case_id, name, address) for case_id, name, address in _streamed(session, select(
        DepositPetition.case_id, DepositPetition.proxy_name, DepositPetition.proxy_address)
        .where(DepositPetition.proxy_name.is_not(None))) if person.named(name)]
    _signatures(session, found, (r[0] for r in rows))
    for case_id, _name, address in rows:
        signature = found.signatures.get(case_id, "")
        found.add(HeldRecord(HeldKind.CASE, signature, "pełnomocnik",
                             _data(("imię i nazwisko", True), ("adres", address)), None,
                             signature), case_id, ("deposit_petitions", str(case_id)))


def incoming_items(session: Session, person: Person, found: Found) -> None:
    """Incoming items the person sent (PESEL or name)."""
    ids = [item_id for item_id, name, pesel in _streamed(session, select(
        IncomingItem.id, IncomingItem.sender_name, IncomingItem.sender_pesel))
        if (person.pesel and pesel == person.pesel) or person.named(name)]
    items: list[IncomingItem] = []
    for chunk in chunks(ids):
        items.extend(session.scalars(select(IncomingItem).where(IncomingItem.id.in_(chunk))))
    _signatures(session, found, (i.case_id for i in items))
    for item in sorted(items, key=lambda i: (i.received_at, i.id)):
        person.names.add(name_words(item.sender_name))  # a PESEL search: letters by name
        if item.sender_email:
            person.emails.add(item.sender_email.lower())
        found.add(HeldRecord(
            HeldKind.INCOMING, item.entry_number, "nadawca",
            _data(("imię i nazwisko", True), ("PESEL", item.sender_pesel),
                  ("adres", item.sender_address), ("e-mail", item.sender_email),
                  ("telefon", item.sender_phone)),
            item.received_at.date(), found.signatures.get(item.case_id or 0, "")),
            item.case_id, ("incoming_items", str(item.id)))


def letters(session: Session, person: Person, found: Found) -> None:
    """Letters addressed to the person, or to a proxy naming the person as principal."""
    hits = [(letter_id, text) for letter_id, text in _streamed(
        session, select(Letter.id, Letter.addressee)) if person.named(text)]
    rows: list[Letter] = []
    for chunk in chunks([h[0] for h in hits]):
        rows.extend(session.scalars(select(Letter).where(Letter.id.in_(chunk))))
    _signatures(session, found, (r.case_id for r in rows))
    for letter in sorted(rows, key=lambda r: (r.dated_on, r.id)):
        first_line = letter.addressee.split("\n", 1)[0]
        capacity = "adresat" if person.named(first_line) else "mocodawca w adresie pisma"
        found.add(HeldRecord(HeldKind.LETTER, letter.identifier, capacity,
                             "imię i nazwisko, adres", letter.dated_on,
                             found.signatures.get(letter.case_id, "")),
                  letter.case_id, ("letters", str(letter.id)))


def statements(session: Session, person: Person, found: Found) -> None:
    """Property statements naming the person as a household member, or filed by them."""
    members = [(case_id, relation, pesel) for case_id, name, relation, pesel in _streamed(
        session, select(HouseholdMember.case_id, HouseholdMember.full_name,
                        HouseholdMember.relation, HouseholdMember.pesel))
        if (person.pesel and pesel == person.pesel) or person.named(name)]
    applicant_of = {r.reference for r in found.records
                    if r.kind is HeldKind.CASE and r.capacity == "wnioskodawca"}
    own = [cid for cid, sig in found.signatures.items() if sig in applicant_of]
    for chunk in chunks(sorted(own)):
        members.extend((cid, "składający oświadczenie", None) for cid in session.scalars(
            select(PropertyStatement.case_id).where(PropertyStatement.case_id.in_(chunk))))
    _signatures(session, found, (m[0] for m in members))
    seen: set[tuple[int, str]] = set()
    for case_id, relation, pesel in members:
        if (case_id, relation) in seen:
            continue
        seen.add((case_id, relation))
        signature = found.signatures.get(case_id, "")
        found.add(HeldRecord(
            HeldKind.STATEMENT, signature, f"członek gospodarstwa domowego ({relation})"
            if relation != "składający oświadczenie" else relation,
            _data(("imię i nazwisko", True), ("PESEL", pesel), ("dochody", True),
                  ("majątek", relation == "składający oświadczenie")),
            None, signature), case_id, ("property_statements", str(case_id)))


def legacy_accounts(session: Session, person: Person, found: Found) -> None:
    """Old Portal Mieszkańców / e-Faktura accounts by name or a known e-mail address."""
    for account in session.scalars(select(LegacyAccount).order_by(LegacyAccount.id)
                                   .execution_options(yield_per=STREAM)):
        emails = {e.lower() for e in (account.email, account.consent_email) if e}
        if not (person.named(account.name) or emails & person.emails):
            continue
        created: date | None = account.created_on
        found.add(HeldRecord(
            HeldKind.LEGACY_ACCOUNT, account.contractor_number, "posiadacz konta",
            _data(("imię i nazwisko", True), ("adres lokalu", account.street),
                  ("e-mail", account.email or account.consent_email)),
            created), None, ("legacy_accounts", str(account.id)))
