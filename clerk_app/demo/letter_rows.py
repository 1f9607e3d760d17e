"""Demo letters as issued records: ``letters`` rows with their content as issued (the JSON of
:class:`~clerk_app.domain.letter_texts.LetterDocument` in ``extra``, exactly as
``clerk_app.services.letters.issue`` stores it), numbered from the ``letter`` sequence, with
their sending and delivery columns.

No PDF is rendered here: ``letter_files`` stays empty and the application renders a demo
letter's PDF from the stored document when it is first opened, then keeps it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from clerk_app.demo.deadline_rows import Deadlines
from clerk_app.demo.draws import Draw
from clerk_app.demo.letter_header import HeaderRules, letter_identifier
from clerk_app.demo.rows import Ids, Row, Rows
from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import CaseKind
from clerk_app.domain.iok_letter_texts import (
    IokCompletionContent,
    IokConfirmationContent,
    iok_completion_body,
    iok_confirmation_body,
)
from clerk_app.domain.letter_kinds import DeliveryMethod, DeliveryStatus, LetterKind
from clerk_app.domain.letter_texts import (
    DelayNoticeContent,
    LetterBody,
    LetterDocument,
    SummonsContent,
    delay_notice_body,
    summons_body,
)
from clerk_app.services.admin.settings import LetterTexts, OfficeSettings
from clerk_app.services.core.context import OFFICE_TZ
from clerk_app.services.letters.iok_letters import zgm_signature
from clerk_app.services.letters.issue import LETTER_SCOPE

_POST = DeliveryMethod.POST.value
_EMAIL = DeliveryMethod.EMAIL.value
_PENDING = DeliveryStatus.PENDING.value
_DELIVERED = DeliveryStatus.DELIVERED.value
_DEEMED = DeliveryStatus.DEEMED.value
_DEEMED_SHARE = 0.15  # summonses not collected: deemed delivered (art. 44 KPA)
# IOK summonses to an applicant with an e-mail address go by e-mail, where the office counts
# a reading confirmation as delivery (OfficeSettings.email_read_counts_as_delivery).
_EMAIL_SHARE = 0.5


def document_json(document: LetterDocument) -> dict[str, Any]:
    """:meth:`LetterDocument.to_json` without ``dataclasses.asdict``'s deep copy (a fifth
    of the demo's time): header and body hold only strings and tuples of strings, which
    JSON writes alike (the tests compare both texts byte for byte)."""
    return {"header": vars(document.header), "body": vars(document.body)}


@dataclass(frozen=True)
class Summoned:
    """A demo summons: its letter and the day its deficiency period runs from (None while
    it waits for delivery) with the delivery event that started it."""

    letter_id: int
    identifier: str
    dated_on: date
    start_on: date | None
    event: CaseEvent | None


class LetterRows:
    """Adds ``letters`` rows; ``next_number(scope, year)`` numbers them; ``texts`` are the
    office's letter texts (legal bases, remedies)."""

    def __init__(self, draw: Draw, deadlines: Deadlines, calendar: LegalCalendar,
                 settings: OfficeSettings, texts: LetterTexts, staff_names: dict[int, str],
                 ids: Ids, next_number: Callable[[str, int], int]) -> None:
        self.d = draw
        self.deadlines = deadlines
        self.calendar = calendar
        self.settings = settings
        self.texts = texts
        self.staff_names = staff_names
        self.ids = ids
        self.next_number = next_number
        self.today = deadlines.today
        self.headers = HeaderRules(settings)
        self._deemed: dict[date, date] = {}
        self._noon: dict[date, datetime] = {}
        self._where = {
            CaseKind.DEPOSIT: (
                "Braki można usunąć osobiście w Punkcie Informacyjnym Obsługi Mieszkańców "
                f"({settings.counter_addresses}), w Biurze Gospodarki Mieszkaniowej "
                f"({settings.bgm_address}) albo przesłać pocztą, podając znak sprawy."),
            CaseKind.IOK: (
                f"Braki można usunąć osobiście lub pocztą ({settings.zgm_address}) albo "
                "e-mailem (skan lub czytelne zdjęcie), podając znak sprawy."),
        }

    # ------------------------------------------------------------------ building blocks
    def created_at(self, dated_on: date) -> datetime:
        """A time during office hours on ``dated_on`` (aware, UTC)."""
        base = self._noon.get(dated_on)
        if base is None:
            base = self._noon[dated_on] = datetime.combine(
                dated_on, time(8, 0), OFFICE_TZ).astimezone(UTC)
        return base + timedelta(minutes=self.d.between(0, 420))

    def deemed_on(self, first_notice_on: date) -> date:
        """Deemed delivery of a letter not collected after ``first_notice_on``."""
        deemed = self._deemed.get(first_notice_on)
        if deemed is None:
            deemed = self._deemed[first_notice_on] = self.calendar.deemed_delivery(
                first_notice_on).result
        return deemed

    def add(self, rows: Rows, case: Row, kind: LetterKind | str, body: LetterBody,
            dated_on: date, clerk: int, addressee: tuple[str, ...],
            extra: dict[str, Any], title: str) -> Row:
        """A letter row with its document as issued, pending delivery; returns the row."""
        identifier = letter_identifier(dated_on.year,
                                       self.next_number(LETTER_SCOPE, dated_on.year))
        header = self.headers.header(CaseKind(case["kind"]), identifier, dated_on,
                                     case["signature"], addressee, self.staff_names[clerk],
                                     title)
        document = LetterDocument(header, body)
        created_at = self.created_at(dated_on)
        row: Row = {
            "id": self.ids.letter, "identifier": identifier, "case_id": case["id"],
            "kind": str(kind), "addressee": "\n".join(addressee), "dated_on": dated_on,
            "created_at": created_at, "created_by_id": clerk, "delivery_method": _POST,
            "sent_on": dated_on if dated_on < self.today else None,
            "delivery_status": _PENDING, "delivered_on": None, "first_notice_on": None,
            "deemed_delivered_on": None,
            "extra": json.dumps({**extra, "document": document_json(document)},
                                ensure_ascii=False, check_circular=False),
            "returned_on": None, "email_sent_at": None, "email_message_id": None,
            "email_error": "", "version": 1,
        }
        self.ids.letter += 1
        rows.letters.append(row)
        return row

    def deliver_by_post(self, row: Row, deemed: bool, latest: date | None) -> tuple[
            date | None, CaseEvent | None]:
        """Record a postal delivery: the ZPO date, or a deemed delivery after a first
        notice. The office learns of it when the receipt (or the uncollected letter) comes
        back, some days later: while that would be after ``latest`` the letter stays
        pending. With ``latest`` None it is never pending (the date is then today at the
        latest)."""
        d = self.d
        sent: date = row["dated_on"]
        back = timedelta(days=d.between(2, 9))  # the receipt's way back to the office
        if deemed:
            notice = self.deadlines.working_on_or_after(sent + timedelta(days=d.between(1, 3)))
            on = self.deemed_on(notice)
            if on + back <= (latest or self.today):
                row.update(delivery_status=_DEEMED, first_notice_on=notice,
                           deemed_delivered_on=on, sent_on=sent)
                return on, CaseEvent.SUMMONS_DEEMED_DELIVERED
            if latest is not None:
                return None, None
        on = self.deadlines.working_on_or_after(sent + timedelta(days=d.between(1, 6)))
        if latest is not None and on + back > latest:
            return None, None
        on = min(on, self.today)
        row.update(delivery_status=_DELIVERED, delivered_on=on, sent_on=sent)
        return on, CaseEvent.SUMMONS_DELIVERED

    # ------------------------------------------------------------------ letter kinds
    def summons(self, rows: Rows, case: Row, clerk: int, addressee: tuple[str, ...],
                items: tuple[str, ...], after: date, may_pend: bool) -> Summoned:
        """A summons to remove ``items``, issued 1–5 working days after ``after`` and
        delivered (by post, deemed, or by e-mail for IOK where a reading confirmation counts
        as delivery); while ``may_pend`` a delivery the office would learn of after today is
        left pending."""
        d = self.d
        settings = self.settings
        kind = CaseKind(case["kind"])
        dated_on = self.deadlines.after(after, 1, 5)
        body = summons_body(SummonsContent(
            kind, case["received_on"], items, settings.deficiency_days, self._where[kind],
            settings.signatory_name,
            settings.signatory_title if kind is CaseKind.DEPOSIT else settings.zgm_name,
            *((self.texts.legal_basis(LetterKind.SUMMONS),) if kind is CaseKind.DEPOSIT
              else ())))
        row = self.add(rows, case, LetterKind.SUMMONS, body, dated_on, clerk, addressee,
                       {"missing": list(items), "days": settings.deficiency_days},
                       LetterKind.SUMMONS.label)
        latest = self.today if may_pend else None
        start: date | None
        event: CaseEvent | None
        if (kind is CaseKind.IOK and settings.email_read_counts_as_delivery
                and case["applicant_email"] and d.chance(_EMAIL_SHARE)):
            read_on = dated_on + timedelta(days=d.between(0, 2))
            if read_on > self.today and may_pend:
                start, event = None, None
            else:
                start, event = min(read_on, self.today), CaseEvent.SUMMONS_READ
                row.update(delivery_method=_EMAIL, delivery_status=_DELIVERED,
                           delivered_on=start, sent_on=dated_on)
            row.update(email_sent_at=row["created_at"],
                       email_message_id=f"<{row['identifier'].lower()}@demo.clerk-app>")
        else:
            start, event = self.deliver_by_post(row, d.chance(_DEEMED_SHARE), latest)
        return Summoned(row["id"], row["identifier"], dated_on, start, event)

    def iok_completion(self, rows: Rows, case: Row, clerk: int, addressee: tuple[str, ...],
                       items: tuple[str, ...], dated_on: date, reply_by: date,
                       by_email: bool) -> Row:
        """ZGM's request to complete an IOK request (regulamin IOK, no KPA), by e-mail as an
        attachment where a valid address is known, else by post."""
        s = self.settings
        body = iok_completion_body(IokCompletionContent(
            case["received_on"], items, s.iok_reply_days, reply_by, zgm_signature(s)))
        row = self.add(rows, case, LetterKind.IOK_COMPLETION, body, dated_on, clerk,
                       addressee, {"missing": list(items), "days": s.iok_reply_days,
                                   "reply_by": reply_by.isoformat()},
                       LetterKind.IOK_COMPLETION.label)
        self._send(row, by_email)
        return row

    def iok_confirmation(self, rows: Rows, case: Row, clerk: int, addressee: tuple[str, ...],
                         content: IokConfirmationContent, by_email: bool) -> Row:
        """ZGM's confirmation that the login data went to the e-mail given (no password)."""
        body = iok_confirmation_body(content)
        row = self.add(rows, case, LetterKind.IOK_CONFIRMATION, body, content.login_sent_on,
                       clerk, addressee, {"login_sent_on": content.login_sent_on.isoformat()},
                       LetterKind.IOK_CONFIRMATION.label)
        self._send(row, by_email)
        return row

    def _send(self, row: Row, by_email: bool) -> None:
        if by_email and row["dated_on"] < self.today:
            row.update(delivery_method=_EMAIL, sent_on=row["dated_on"],
                       email_sent_at=row["created_at"],
                       email_message_id=f"<{row['identifier'].lower()}@demo.clerk-app>")
        else:
            self.deliver_by_post(row, self.d.chance(0.1), self.today)

    def delay_notice(self, rows: Rows, case: Row, clerk: int, addressee: tuple[str, ...],
                     dated_on: date, original_due: date | None, new_due: date,
                     reason: str) -> Row:
        """A delay notice with the reason and the new date, delivered by post."""
        settings = self.settings
        body = delay_notice_body(DelayNoticeContent(
            CaseKind.DEPOSIT, case["received_on"], original_due, new_due, reason,
            settings.signatory_name, settings.signatory_title,
            legal_basis=self.texts.legal_basis(LetterKind.DELAY_NOTICE),
            authority=self.texts.remedy_authority, through=self.texts.remedy_through))
        row = self.add(rows, case, LetterKind.DELAY_NOTICE, body, dated_on, clerk, addressee,
                       {"new_due": new_due.isoformat(), "reason": reason},
                       LetterKind.DELAY_NOTICE.label)
        self.deliver_by_post(row, self.d.chance(0.1), self.today)
        return row

    def decision_letter(self, rows: Rows, case: Row, kind: LetterKind, body: LetterBody,
                        dated_on: date, clerk: int, addressee: tuple[str, ...],
                        extra: dict[str, Any]) -> Row:
        """A letter settling the case (consent, refusal, leaving without consideration),
        sent by post: delivered, deemed delivered, or still on its way."""
        row = self.add(rows, case, kind, body, dated_on, clerk, addressee, extra, kind.label)
        self.deliver_by_post(row, self.d.chance(0.1), self.today)
        return row
