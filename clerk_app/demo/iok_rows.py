"""The rows behind an IOK request as the IOK services make them: registered (ready, or
deficient and not yet asked), handed over to the IOK administrator, account created; waiting
for completion after ZGM's request (IOK_COMPLETION letter, reply period); login data sent
with ZGM's confirmation letter; closed as not completed (IOK has no "left without
consideration")."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from clerk_app.demo.deadline_rows import CANCELLED, EV_FILED, MISSED, Deadlines
from clerk_app.demo.draws import Draw
from clerk_app.demo.letter_header import applicant_lines
from clerk_app.demo.letter_rows import LetterRows
from clerk_app.demo.rows import Row, Rows
from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import ApplicantRole, CaseStatus, Channel, DeadlineKind, IncomingKind
from clerk_app.domain.checklists import IOK_SIGNATURE
from clerk_app.domain.iok_letter_texts import IokConfirmationContent
from clerk_app.domain.iok_stage import premises_line
from clerk_app.domain.settlement import SettlementKind
from clerk_app.services.core.context import OFFICE_TZ
from clerk_app.services.letters.iok_letters import zgm_signature

_S = CaseStatus
_TARGET = DeadlineKind.IOK_TARGET
_REPLY = DeadlineKind.IOK_REPLY
_EV_ASKED = CaseEvent.IOK_COMPLETION_REQUESTED


class IokRows:
    """Adds the deadlines, letters, hand-over files and ``iok_requests`` row of IOK cases."""

    def __init__(self, draw: Draw, deadlines: Deadlines, letters: LetterRows) -> None:
        self.d = draw
        self.deadlines = deadlines
        self.letters = letters
        self._exports: dict[date, int] = {}  # one hand-over file per day it was written

    def _export_id(self, rows: Rows, on: date, clerk: int) -> tuple[int, datetime]:
        at = datetime.combine(on, time(14, 0), OFFICE_TZ).astimezone(UTC)
        if on not in self._exports:
            ids = self.deadlines.ids
            self._exports[on] = ids.iok_export
            rows.iok_exports.append({"id": ids.iok_export, "created_at": at,
                                     "created_by_id": clerk, "file_format": "xlsx",
                                     "row_count": 0})
            ids.iok_export += 1
        export_id = self._exports[on]
        for row in rows.iok_exports:
            if row["id"] == export_id:
                row["row_count"] += 1
        return export_id, at

    def add(self, rows: Rows, case: Row, status: CaseStatus, channel: Channel,
            clerk: int) -> int:
        """The timeline of an IOK request handled by ``clerk``; returns the number of
        attachments."""
        d, dl = self.d, self.deadlines
        r: date = case["received_on"]
        cid: int = case["id"]
        case["subject"] = IncomingKind.IOK_REQUEST.label
        request: Row = {
            "case_id": cid, "applicant_role": (ApplicantRole.TENANT if d.chance(0.85)
                                               else ApplicantRole.OWNER).value,
            "contractor_number": str(d.between(100000, 999999)) if d.chance(0.7) else None,
            "e_invoice_consent": d.chance(0.62), "signed": True,
            "filed_place": channel.value, "legacy_account": d.chance(0.08),
            "login_sent_on": None, "version": 1, "premises_street": case["street"],
            "premises_building": case["building"], "premises_flat": case["flat"],
            "export_id": None, "exported_at": None, "account_created_on": None,
        }
        rows.iok.append(request)
        asked = status is _S.AWAITING_COMPLETION or d.chance(
            0.2 if status in (_S.CLOSED, _S.LOGIN_SENT) else 0.0)
        not_completed = status is _S.CLOSED and asked and d.chance(0.3)
        ready, waited = r, None
        if status is _S.REGISTERED and d.chance(0.15):  # deficient, nobody asked yet
            request["signed"] = False
            dl.add(rows, cid, _TARGET, r, EV_FILED)
            return 1
        if asked:
            completed, waited = self._asked(rows, case, request, clerk, status,
                                            not_completed)
            if completed is None:
                return 1
            ready = completed
        if status is _S.REGISTERED or status is _S.AWAITING_COMPLETION:
            if status is _S.REGISTERED:
                self._handed_over(rows, request, ready, clerk, d.between(0, 2))
            dl.add(rows, cid, _TARGET, r, EV_FILED, suspension=waited)
            return 1
        self._handed_over(rows, request, ready, clerk, 2)
        created: date = request["account_created_on"] or ready
        sent = dl.after(created, 0, 3)
        request["login_sent_on"] = sent
        dl.add(rows, cid, _TARGET, r, EV_FILED, closed_on=sent, suspension=waited,
               closed_by=CaseEvent.LOGIN_DATA_SENT)
        if status in (_S.CLOSED, _S.LOGIN_SENT):  # (an older case may wait to be closed)
            case["settled_on"] = sent
            case["settlement"] = SettlementKind.LOGIN_DATA_SENT.value
            case["settlement_remarks"] = "Dane logowania wysłane na adres e-mail z wniosku."
        if d.chance(0.6):
            self.letters.iok_confirmation(rows, case, clerk, applicant_lines(case),
                                          self._confirmation(case, request, sent),
                                          by_email=d.chance(0.5))
        return 1

    def _asked(self, rows: Rows, case: Row, request: Row, clerk: int, status: CaseStatus,
               not_completed: bool) -> tuple[date | None, tuple[date, date | None] | None]:
        """ZGM's completion request and what followed: (day the request was complete,
        the target's suspension); (None, …) when the case ended without completion."""
        d, dl = self.d, self.deadlines
        r: date = case["received_on"]
        cid: int = case["id"]
        unsigned = True  # the demo's addresses are all valid: an unsigned form it is
        items = (IOK_SIGNATURE.label,)
        asked_on = dl.after(r, 1, 4)
        reply_by = dl.end(_REPLY, asked_on)[0]
        letter = self.letters.iok_completion(
            rows, case, clerk, applicant_lines(case), items, asked_on, reply_by,
            by_email=unsigned and d.chance(0.6))
        if status is _S.AWAITING_COMPLETION or not_completed:
            request["signed"] = False
        if status is _S.AWAITING_COMPLETION:
            dl.add(rows, cid, _REPLY, asked_on, _EV_ASKED, letter_id=letter["id"])
            dl.add(rows, cid, _TARGET, r, EV_FILED, suspension=(asked_on, None))
            return None, None
        if not_completed:
            closed = dl.after(reply_by, 1, 10)
            dl.add(rows, cid, _REPLY, asked_on, _EV_ASKED, closed_on=closed, state=MISSED,
                   letter_id=letter["id"], closed_by=CaseEvent.IOK_CLOSED_NOT_COMPLETED)
            dl.add(rows, cid, _TARGET, r, EV_FILED, closed_on=closed, state=CANCELLED,
                   suspension=(asked_on, None), closed_by=CaseEvent.IOK_CLOSED_NOT_COMPLETED)
            case.update(settled_on=closed, settlement=SettlementKind.NOT_COMPLETED.value,
                        settlement_remarks="Wniosek nie został uzupełniony w wyznaczonym "
                                           "terminie.")
            return None, None
        completed = dl.after(asked_on, 1, 10)
        dl.add(rows, cid, _REPLY, asked_on, _EV_ASKED, closed_on=completed,
               letter_id=letter["id"], closed_by=CaseEvent.IOK_REQUEST_COMPLETED)
        return completed, (asked_on, completed)

    def _handed_over(self, rows: Rows, request: Row, ready: date, clerk: int,
                     step: int) -> None:
        """``step`` 0: ready, not exported; 1: exported; 2: the account created too."""
        if step == 0 or (request["contractor_number"] is None and step < 2):
            return
        exported_on = self.deadlines.after(ready, 0, 3)
        request["export_id"], request["exported_at"] = self._export_id(rows, exported_on,
                                                                       clerk)
        if step == 2:
            request["account_created_on"] = self.deadlines.after(exported_on, 1, 4)

    def _confirmation(self, case: Row, request: Row, sent: date) -> IokConfirmationContent:
        premises = premises_line(request["premises_street"], request["premises_building"],
                                 request["premises_flat"]) or ""
        return IokConfirmationContent(
            case["received_on"], sent, str(case["applicant_email"]), premises,
            request["contractor_number"], bool(request["e_invoice_consent"]),
            zgm_signature(self.letters.settings))
