"""The free texts an anonymised case keeps for its register (the subject, the remarks on
how it was settled) lose the words of the person's names, addresses and numbers."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from clerk_app.domain.retention import personal_words, scrub_text
from clerk_app.persistence.models import (
    AuditValue,
    Case,
    DepositPetition,
    HouseholdMember,
    IncomingItem,
)

# Audit values whose words are a person's (names, addresses, numbers), by key.
_PERSONAL_KEY_PARTS = ("name", "pesel", "email", "phone", "street", "city", "address")


def _audit_words(value: str) -> Iterable[str]:
    try:
        stored = json.loads(value)
    except ValueError:
        return []
    found: list[str] = []
    for key, pair in stored.items() if isinstance(stored, dict) else []:
        if any(part in key for part in _PERSONAL_KEY_PARTS):
            found += [v for v in (pair if isinstance(pair, list) else [pair])
                      if isinstance(v, str)]
    return found


def case_words(session: Session, ids: list[int]) -> dict[int, frozenset[str]]:
    """Per case: every name, address and number recorded for it, now and in its history."""
    values: dict[int, list[str | None]] = defaultdict(list)
    for case in session.execute(select(
            Case.id, Case.applicant_first_name, Case.applicant_last_name, Case.applicant_pesel,
            Case.applicant_email, Case.applicant_phone, Case.street).where(Case.id.in_(ids))):
        values[case[0]] += list(case[1:])
    for item in session.execute(select(
            IncomingItem.case_id, IncomingItem.sender_name, IncomingItem.sender_pesel,
            IncomingItem.sender_email, IncomingItem.sender_phone)
            .where(IncomingItem.case_id.in_(ids))):
        values[item[0] or 0] += list(item[1:])
    for member in session.execute(select(HouseholdMember.case_id, HouseholdMember.full_name)
                                  .where(HouseholdMember.case_id.in_(ids))):
        values[member[0]].append(member[1])
    for petition in session.execute(select(DepositPetition.case_id, DepositPetition.proxy_name)
                                    .where(DepositPetition.case_id.in_(ids))):
        values[petition[0]].append(petition[1])
    for stored in session.execute(select(AuditValue.case_id, AuditValue.value)
                                  .where(AuditValue.case_id.in_(ids))):
        values[stored[0]] += _audit_words(stored[1])
    return {case_id: personal_words(v) for case_id, v in values.items()}


def scrub_kept_texts(session: Session, ids: list[int]) -> None:
    """Rewrite the subjects and settlement remarks of the cases ``ids`` and the subjects of
    their register entries where they hold a word of the person (before the data goes)."""
    words = case_words(session, ids)
    for case_id, subject, remarks in session.execute(select(
            Case.id, Case.subject, Case.settlement_remarks).where(Case.id.in_(ids))).all():
        new = (scrub_text(subject, words.get(case_id, frozenset())),
               scrub_text(remarks, words.get(case_id, frozenset())))
        if new != (subject, remarks):
            session.execute(update(Case).where(Case.id == case_id).values(
                subject=new[0], settlement_remarks=new[1]))
    for item in session.execute(select(
            IncomingItem.id, IncomingItem.case_id, IncomingItem.subject)
            .where(IncomingItem.case_id.in_(ids))).all():
        new_subject = scrub_text(item[2], words.get(item[1] or 0, frozenset()))
        if new_subject != item[2]:
            session.execute(update(IncomingItem).where(IncomingItem.id == item[0])
                            .values(subject=new_subject))
