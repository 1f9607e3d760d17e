"""Rows of one demo case: the case, its incoming-register entry and, through the kind's own
builder, its details and deadlines. Cases are built oldest first, numbered as they come."""

from __future__ import annotations

import random
from datetime import date, timedelta

from clerk_app.demo.agreement_rows import AgreementRows
from clerk_app.demo.case_mix import CaseMix
from clerk_app.demo.deadline_rows import Deadlines
from clerk_app.demo.decision_rows import DecisionRows
from clerk_app.demo.deposit_rows import DepositRows
from clerk_app.demo.draws import Draw, Weighted
from clerk_app.demo.history_rows import History
from clerk_app.demo.iok_rows import IokRows
from clerk_app.demo.letter_rows import LetterRows
from clerk_app.demo.office_setup import Staff
from clerk_app.demo.people import Fold, People
from clerk_app.demo.pools import DEMO_NRB
from clerk_app.demo.rows import Ids, Row, Rows
from clerk_app.demo.statement_rows import StatementRows
from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.cases import CaseKind, CaseStatus, Channel, IncomingKind
from clerk_app.domain.signatures import (
    format_register_number,
    format_signature,
    validate_register_pattern,
    validate_signature_pattern,
)
from clerk_app.services.admin.settings import LetterTexts, OfficeSettings
from clerk_app.services.core.numbering import REGISTER_SCOPE

_IOK_CHANNELS = ((Channel.ZGM_SECRETARIAT, 30), (Channel.COUNTER_B84, 20),
                 (Channel.COUNTER_B92, 15), (Channel.EMAIL, 30), (Channel.POST, 5))
_DEPOSIT_CHANNELS = ((Channel.COUNTER_B84, 30), (Channel.COUNTER_B92, 25),
                     (Channel.BGM_ROOM_109, 30), (Channel.POST, 15))
_IOK = CaseKind.IOK
_REGISTERED = CaseStatus.REGISTERED


class CaseBuilder:
    """Builds the rows of the ``total`` demo cases, oldest first, drawing from ``rnd``.

    ``numbers`` holds the highest number used per (scope, year) and is carried on;
    :attr:`used_scopes` says which of them this load used.
    """

    def __init__(
        self, rnd: random.Random, settings: OfficeSettings, calendar: LegalCalendar,
        staff: Staff, today: date, total: int, ids: Ids,
        numbers: dict[tuple[str, int], int], texts: LetterTexts | None = None,
    ) -> None:
        d = self.d = Draw(rnd)
        self.settings = settings
        self.staff = staff
        self.today = today
        self.ids = ids
        self.numbers = numbers
        self.used_scopes: set[tuple[str, int]] = set()
        self.fold = Fold()
        self.people = People(d, self.fold)
        self.mix = CaseMix(d, calendar, today, total)
        self.deadlines = Deadlines(d, calendar, settings, today, ids)
        letters = LetterRows(d, self.deadlines, calendar, settings, texts or LetterTexts(),
                             staff.names, ids, self.next_number)
        self.iok = IokRows(d, self.deadlines, letters)
        self.deposit = DepositRows(
            d, self.deadlines, self.people, StatementRows(d, self.people, ids), letters,
            DecisionRows(d, self.deadlines, letters, calendar, ids),
            AgreementRows(letters, settings, settings.deposit_bank_account or DEMO_NRB, ids))
        self.history = History(ids, staff.usernames)
        self.iok_channels = Weighted(_IOK_CHANNELS)
        self.deposit_channels = Weighted(_DEPOSIT_CHANNELS)
        # Patterns checked once here; per case the same formatting as format_signature and
        # format_register_number (the tests compare them), without re-parsing the pattern.
        self.signature_pattern = validate_signature_pattern(settings.signature_pattern)
        self.register_pattern = validate_register_pattern(settings.register_pattern)
        format_signature(self.signature_pattern, "X", "1", 1, today.year)
        format_register_number(self.register_pattern, 1, today.year)

    def next_number(self, scope: str, year: int) -> int:
        """The next number of ``scope`` in ``year``."""
        key = (scope, year)
        number = self.numbers.get(key, 0) + 1
        self.numbers[key] = number
        self.used_scopes.add(key)
        return number

    def case(self, index: int, rows: Rows) -> None:
        """Add the rows of the ``index``-th case (0 is the oldest) to ``rows``."""
        d = self.d
        people = self.people
        received_on, received_at = self.mix.received(index)
        kind, status = self.mix.status(index, (self.today - received_on).days)
        case_id = self.ids.case
        self.ids.case += 1
        self.deadlines.running = []
        iok = kind == _IOK

        # A deposit's tenant gives a PESEL (the agreement names it).
        person = people.applicant(received_on, 0.85 if iok else 1.0)
        email = people.email(person) if iok or d.chance(0.35) else None
        phone = people.phone()
        street, building, flat, postal, city = people.address(local_only=iok)
        house = f"{building}/{flat}" if flat else building

        unit, jrwa = self.settings.unit_and_class(kind)
        year = received_on.year
        number = self.next_number(f"case:{unit}:{jrwa}", year)
        signature = self.signature_pattern.format(unit=unit.strip(), jrwa=jrwa.strip(),
                                                  number=number, year=year)
        fold = self.fold
        # Same words, in the same order, as intake.case_search_text.
        search = [fold.fresh(signature), fold(person.first), fold(person.last), fold(street),
                  fold.fresh(building)]
        if flat:
            search.append(fold.fresh(flat))
        search.append(fold(city))
        if person.pesel:
            search.append(person.pesel)
        if email:
            search.append(fold.fresh(email))

        clerk = d.one(self.staff.clerks)
        channel: Channel = (self.iok_channels if iok else self.deposit_channels).draw(d)
        registered_by = clerk if channel == Channel.BGM_ROOM_109 else d.one(self.staff.counters)
        assignee = None if status == _REGISTERED and d.chance(0.4) else clerk

        case: Row = {
            "id": case_id, "signature": signature, "unit_symbol": unit, "jrwa_class": jrwa,
            "number": number, "year": year, "kind": kind.value, "status": status.value,
            "subject": "", "applicant_first_name": person.first,
            "applicant_last_name": person.last,
            "applicant_sort": f"{fold(person.last)} {fold(person.first)}",
            "applicant_pesel": person.pesel, "applicant_email": email,
            "applicant_phone": phone, "street": street, "building": building, "flat": flat,
            "postal_code": postal, "city": city, "search_text": " ".join(search),
            "received_on": received_on, "complete_on": None, "next_deadline": None,
            "assignee_id": assignee, "registered_by_id": registered_by,
            "created_at": received_at, "settled_on": None, "settlement_remarks": "",
            "settlement": None,
            "lease_concluded": None, "lease_ended_on": None, "anonymised_at": None,
            "version": 1,
        }
        if iok:
            attachments = self.iok.add(rows, case, status, channel, clerk)
            incoming_kind = IncomingKind.IOK_REQUEST
        else:
            attachments = self.deposit.add(rows, case, status, person, clerk)
            incoming_kind = IncomingKind.DEPOSIT_PETITION
        if self.deadlines.running:
            case["next_deadline"] = min(self.deadlines.running)
        rows.cases.append(case)

        register_number = self.next_number(REGISTER_SCOPE, year)
        letter_date = received_on
        posted_on = None
        if channel == Channel.POST:
            posted_on = received_on - timedelta(days=d.between(1, 3))
            letter_date = posted_on - timedelta(days=d.between(0, 2))
        rows.incoming.append({
            "id": self.ids.incoming, "register_year": year, "register_number": register_number,
            "entry_number": self.register_pattern.format(number=register_number, year=year),
            "received_at": received_at, "channel": channel.value, "posted_on": posted_on,
            "kind": incoming_kind.value, "sender_name": f"{person.first} {person.last}",
            "sender_pesel": person.pesel,
            "sender_address": f"ul. {street} {house}, {postal} {city}",
            "sender_phone": phone, "sender_email": email, "sender_reference": "",
            "sender_reference_date": letter_date, "subject": case["subject"],
            "attachments_count": attachments, "assigned_to_id": assignee,
            "registered_by_id": registered_by, "case_id": case_id,
            "remarks": "Skan wniosku przesłany e-mailem." if channel == Channel.EMAIL else "",
            "version": 1,
        })
        self.ids.incoming += 1
