"""The rows behind an IOK request (access to the tenants' online account): its timeline
(summons to sign it, login data sent) and its details row."""

from __future__ import annotations

from datetime import date

from clerk_app.demo.deadline_rows import CANCELLED, EV_FILED, EV_SUMMONS, MISSED, Deadlines
from clerk_app.demo.draws import Draw
from clerk_app.demo.letter_header import applicant_lines
from clerk_app.demo.letter_rows import LetterRows
from clerk_app.demo.rows import Row, Rows
from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import (
    ApplicantRole,
    CaseStatus,
    Channel,
    DeadlineKind,
    IncomingKind,
)
from clerk_app.domain.checklists import IOK_SIGNATURE
from clerk_app.domain.settlement import SettlementKind

_S = CaseStatus
_TENANT = ApplicantRole.TENANT.value
_OWNER = ApplicantRole.OWNER.value
_MISSING = (IOK_SIGNATURE.label,)  # what the summons of an unsigned request demands


class IokRows:
    """Adds the deadlines and the ``iok_requests`` row of IOK cases."""

    def __init__(self, draw: Draw, deadlines: Deadlines, letters: LetterRows) -> None:
        self.d = draw
        self.deadlines = deadlines
        self.letters = letters

    def add(self, rows: Rows, case: Row, status: CaseStatus, channel: Channel,
            clerk: int) -> int:
        """Timeline of an IOK request handled by ``clerk``; returns the number of
        attachments."""
        d = self.d
        deadlines = self.deadlines
        r: date = case["received_on"]
        cid: int = case["id"]
        case["subject"] = IncomingKind.IOK_REQUEST.label
        if status in (_S.AWAITING_COMPLETION, _S.LEFT_WITHOUT_CONSIDERATION):
            deficient = True
        else:
            deficient = d.chance(0.18 if status == _S.CLOSED else 0.12)
        left = status == _S.LEFT_WITHOUT_CONSIDERATION or (
            status == _S.CLOSED and deficient and d.chance(0.45))
        login_sent_on: date | None = None
        signed = True
        target = DeadlineKind.IOK_TARGET
        handled = True  # the request is (or will be) answered with the login data
        ready = r  # the day the request was in order
        summons = r
        if deficient:  # unsigned: summons, then completion or left without consideration
            letter = self.letters.summons(rows, case, clerk, applicant_lines(case),
                                          _MISSING, r, status == _S.AWAITING_COMPLETION)
            summons = letter.dated_on
            delivered = letter.start_on or r
            started_by = letter.event or EV_SUMMONS
            if status == _S.AWAITING_COMPLETION:
                signed = handled = False
                deadlines.add(rows, cid, target, r, EV_FILED, suspension=(summons, None))
                if letter.start_on is not None:  # (else the summons waits for delivery)
                    deadlines.add(rows, cid, DeadlineKind.DEFICIENCY, delivered, started_by,
                                  letter_id=letter.letter_id)
            elif left:
                signed = handled = False
                due = deadlines.end(DeadlineKind.DEFICIENCY, delivered)[0]
                left_on = deadlines.after(due, 1, 10)
                deadlines.add(rows, cid, DeadlineKind.DEFICIENCY, delivered, started_by,
                              closed_on=left_on, state=MISSED, letter_id=letter.letter_id,
                              closed_by=CaseEvent.LEFT_WITHOUT_CONSIDERATION)
                deadlines.add(rows, cid, target, r, EV_FILED, closed_on=left_on,
                              state=CANCELLED, suspension=(summons, None))
                case["settled_on"] = left_on
                case["settlement"] = SettlementKind.LEFT_WITHOUT_CONSIDERATION.value
                case["settlement_remarks"] = (
                    "Wniosek pozostawiony bez rozpoznania – braki nie zostały usunięte.")
            else:
                ready = deadlines.after(delivered, 1, 7)
                deadlines.add(rows, cid, DeadlineKind.DEFICIENCY, delivered, started_by,
                              closed_on=ready, letter_id=letter.letter_id,
                              closed_by=CaseEvent.IOK_REQUEST_COMPLETED)
        if handled:
            if status == _S.REGISTERED:
                deadlines.add(rows, cid, target, r, EV_FILED)
            else:  # login data sent (and the case maybe closed afterwards)
                login_sent_on = deadlines.after(ready, 0, 14)
                waited = (summons, ready) if deficient else None
                deadlines.add(rows, cid, target, r, EV_FILED, closed_on=login_sent_on,
                              suspension=waited, closed_by=CaseEvent.LOGIN_DATA_SENT)
                case["settled_on"] = login_sent_on
                case["settlement"] = SettlementKind.LOGIN_DATA_SENT.value
                case["settlement_remarks"] = "Dane logowania wysłane na adres e-mail z wniosku."
        rows.iok.append({
            "case_id": cid, "applicant_role": _TENANT if d.chance(0.85) else _OWNER,
            "contractor_number": str(d.between(100000, 999999)) if d.chance(0.6) else None,
            "e_invoice_consent": d.chance(0.62), "signed": signed,
            "filed_place": channel.value, "legacy_account": d.chance(0.08),
            "login_sent_on": login_sent_on, "version": 1,
            "premises_street": case["street"], "premises_building": case["building"],
            "premises_flat": case["flat"], "export_id": None, "exported_at": None,
            "account_created_on": login_sent_on,
        })
        return 0
