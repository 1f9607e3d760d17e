"""The audit trail of demo cases, derived from the rows of each batch: what the services would
have recorded (registration, letters issued and delivered, decisions, settlement), so a demo
case's history ("Historia") reads like a real one. Written with the batch, in bulk."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time

from clerk_app.demo.rows import Ids, Row, Rows
from clerk_app.domain.cases import CaseStatus
from clerk_app.domain.settlement import SettlementKind

_DELIVERED_AT = time(10, 0, tzinfo=UTC)
_SETTLED_AT = time(12, 0, tzinfo=UTC)
_SETTLEMENT_ACTIONS = {
    SettlementKind.AGREEMENT_SIGNED.value: "agreement_signed",
    SettlementKind.REFUSAL.value: "refusal",
    SettlementKind.LEFT_WITHOUT_CONSIDERATION.value: "left_without_consideration",
}


def _at(day: date, at: time) -> datetime:
    return datetime.combine(day, at)


class History:
    """Adds the audit rows of a batch (ids from :class:`Ids`, users by id)."""

    def __init__(self, ids: Ids, usernames: dict[int, str]) -> None:
        self.ids = ids
        self.usernames = usernames

    def _entry(self, rows: Rows, at: datetime, user_id: int | None, entity: str,
               entity_id: object, action: str, changes: dict[str, list[object]],
               case_id: int | None) -> None:
        rows.audit.append({
            "id": 0, "at": at, "user_id": user_id,
            "username": self.usernames.get(user_id or 0, "system"), "entity": entity,
            "entity_id": str(entity_id), "action": action, "case_id": case_id,
            "changes": json.dumps(changes, ensure_ascii=False, default=str)})

    def add(self, rows: Rows) -> None:
        """The history of every case, item, letter and decision in ``rows``; ids follow the
        time of the entries, as those of a real audit trail do."""
        first = len(rows.audit)
        for case in rows.cases:
            self._case(rows, case)
        for item in rows.incoming:
            self._entry(rows, item["received_at"], item["registered_by_id"], "incoming_items",
                        item["id"], "register", {"entry_number": [None, item["entry_number"]]},
                        item["case_id"])
        for letter in rows.letters:
            self._letter(rows, letter)
        for decision in rows.decisions:
            self._entry(rows, decision["created_at"], decision["created_by_id"],
                        "deposit_decisions", decision["id"], "decide",
                        {"kind": [None, decision["kind"]]}, decision["case_id"])
        added = sorted(rows.audit[first:], key=lambda entry: entry["at"])
        for entry in added:
            entry["id"] = self.ids.audit
            self.ids.audit += 1
        rows.audit[first:] = added

    def _case(self, rows: Rows, case: Row) -> None:
        self._entry(rows, case["created_at"], case["registered_by_id"], "cases", case["id"],
                    "register", {"signature": [None, case["signature"]],
                                 "status": [None, CaseStatus.REGISTERED.value]}, case["id"])
        settled_on = case.get("settled_on")
        if settled_on is None:
            return
        action = _SETTLEMENT_ACTIONS.get(case.get("settlement") or "", "status")
        self._entry(rows, _at(settled_on, _SETTLED_AT), case.get("assignee_id"), "cases",
                    case["id"], action, {"status": [None, case["status"]],
                                         "settled_on": [None, settled_on.isoformat()]},
                    case["id"])

    def _letter(self, rows: Rows, letter: Row) -> None:
        case_id = letter["case_id"]
        self._entry(rows, letter["created_at"], letter["created_by_id"], "letters", letter["id"],
                    "issue", {"identifier": [None, letter["identifier"]],
                              "kind": [None, str(letter["kind"])]}, case_id)
        delivered, deemed = letter.get("delivered_on"), letter.get("deemed_delivered_on")
        day = delivered or deemed
        if day is None:
            return
        changes: dict[str, list[object]] = {
            "delivery_status": ["pending", str(letter["delivery_status"])]}
        changes["delivered_on" if delivered else "deemed_delivered_on"] = [None, day.isoformat()]
        self._entry(rows, _at(day, _DELIVERED_AT), letter["created_by_id"], "letters",
                    letter["id"], "delivery", changes, case_id)
