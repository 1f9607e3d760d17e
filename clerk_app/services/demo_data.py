"""Realistic synthetic data for demonstrations and load tests (``clerk-app demo``).

Everything is generated from ``random.Random(seed)``, so the same seed on an empty database
gives the same data. Rows are built as plain dicts in batches of :data:`BATCH_CASES` cases and
written with SQLAlchemy Core ``executemany`` inserts; primary keys are assigned here, so child
rows need no ``RETURNING``. The whole load is one transaction: an interrupted load leaves the
database as it was.

Cases are generated oldest first, so case numbers and register numbers follow the dates.
If the database already has cases, numbering continues after them, and the number
sequences are left at the highest number used, so the normal allocator goes on without a gap
or a repeat.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Connection, Table, func, insert, select, text, update

from clerk_app.domain.calendar import ComputedDate, LegalCalendar
from clerk_app.domain.cases import (
    ApplicantRole,
    CaseKind,
    CaseStatus,
    Channel,
    DeadlineKind,
    DeadlineState,
    IncomingKind,
    ProxyRelation,
    allowed_transitions,
)
from clerk_app.domain.computed_date import add_calendar_months
from clerk_app.domain.instalments import split_amount
from clerk_app.domain.roles import Permission, Role, role_can
from clerk_app.domain.signatures import format_register_number, format_signature
from clerk_app.domain.text import fold_for_search, format_date_pl, polish_plural
from clerk_app.persistence.models import (
    Case,
    DayOff,
    Deadline,
    DepositPetition,
    HouseholdMember,
    IncomingItem,
    Instalment,
    InstalmentAgreement,
    IokRequest,
    NumberSequence,
    PropertyStatement,
    Setting,
    User,
)
from clerk_app.services import demo_pools as pools
from clerk_app.services.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.errors import PermissionDenied, field_error
from clerk_app.services.numbering import REGISTER_SCOPE
from clerk_app.services.passwords import hash_password
from clerk_app.services.settings import SETTINGS_KEY, OfficeSettings, read_settings, write_settings
from clerk_app.services.unit_of_work import Work, unit_of_work

BATCH_CASES = 5_000
MAX_CASES = 10_000_000
YEARS_BACK = 4
DEMO_NRB = "61109010140000071219812874"
DEMO_PASSWORD = pools.DEMO_PASSWORD

ProgressCallback = Callable[[int, int], None]

_S = CaseStatus
_DAY = timedelta(days=1)
_GROWTH = 1.0  # the newest cases are (1 + _GROWTH) times as dense as the oldest


@dataclass(frozen=True)
class DemoSummary:
    """What a demo load created: counts and the demo logins with their password."""

    cases: int
    incoming_items: int
    users: list[tuple[str, str]]


def reachable_statuses(kind: CaseKind) -> tuple[CaseStatus, ...]:
    """Statuses a case of ``kind`` can reach from ``registered`` (in enum order)."""
    seen = {CaseStatus.REGISTERED}
    todo = [CaseStatus.REGISTERED]
    while todo:
        for nxt in allowed_transitions(kind, todo.pop()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return tuple(s for s in CaseStatus if s in seen)


# Share of each status among the cases of a given age (days since received), per kind.
_IOK_WEIGHTS: tuple[tuple[int | None, tuple[tuple[CaseStatus, int], ...]], ...] = (
    (3, ((_S.REGISTERED, 80), (_S.AWAITING_COMPLETION, 8), (_S.LOGIN_SENT, 12))),
    (14, ((_S.REGISTERED, 25), (_S.AWAITING_COMPLETION, 25), (_S.LOGIN_SENT, 45),
          (_S.CLOSED, 5))),
    (45, ((_S.REGISTERED, 3), (_S.AWAITING_COMPLETION, 8), (_S.LOGIN_SENT, 35),
          (_S.LEFT_WITHOUT_CONSIDERATION, 10), (_S.CLOSED, 44))),
    (120, ((_S.LOGIN_SENT, 10), (_S.LEFT_WITHOUT_CONSIDERATION, 4), (_S.CLOSED, 86))),
    (None, ((_S.LOGIN_SENT, 2), (_S.LEFT_WITHOUT_CONSIDERATION, 1), (_S.CLOSED, 97))),
)
_DEPOSIT_WEIGHTS: tuple[tuple[int | None, tuple[tuple[CaseStatus, int], ...]], ...] = (
    (3, ((_S.REGISTERED, 85), (_S.AWAITING_COMPLETION, 8), (_S.IN_PROGRESS, 7))),
    (14, ((_S.REGISTERED, 20), (_S.AWAITING_COMPLETION, 35), (_S.IN_PROGRESS, 45))),
    (45, ((_S.AWAITING_COMPLETION, 8), (_S.IN_PROGRESS, 42), (_S.CONSENT, 15),
          (_S.REFUSAL, 10), (_S.LEFT_WITHOUT_CONSIDERATION, 10), (_S.AGREEMENT_SIGNED, 8),
          (_S.CLOSED, 7))),
    (120, ((_S.IN_PROGRESS, 4), (_S.CONSENT, 8), (_S.REFUSAL, 6),
           (_S.LEFT_WITHOUT_CONSIDERATION, 5), (_S.AGREEMENT_SIGNED, 35), (_S.CLOSED, 42))),
    (400, ((_S.CONSENT, 1), (_S.REFUSAL, 1), (_S.AGREEMENT_SIGNED, 20), (_S.CLOSED, 78))),
    (None, ((_S.AGREEMENT_SIGNED, 1), (_S.CLOSED, 99))),
)
_IOK_SHARE = 0.58

_IOK_CHANNELS = (
    (Channel.ZGM_SECRETARIAT, 30), (Channel.COUNTER_B84, 20), (Channel.COUNTER_B92, 15),
    (Channel.EMAIL, 30), (Channel.POST, 5),
)
_DEPOSIT_CHANNELS = (
    (Channel.COUNTER_B84, 30), (Channel.COUNTER_B92, 25), (Channel.BGM_ROOM_109, 30),
    (Channel.POST, 15),
)
_PROXY_RELATIONS = (
    (ProxyRelation.SPOUSE, 30), (ProxyRelation.DESCENDANT, 35), (ProxyRelation.ASCENDANT, 10),
    (ProxyRelation.SIBLING, 10), (ProxyRelation.OTHER, 15),
)
_INSTALMENT_COUNTS = ((2, 4), (3, 8), (4, 8), (5, 10), (6, 18), (7, 4), (8, 8), (9, 2),
                      (10, 38))

_EV_FILED = "wpływ wniosku"
_EV_PETITION = "wpływ prośby"
_EV_COMPLETE = "wpływ kompletnej prośby"
_EV_REMOVED = "usunięcie braków formalnych"
_EV_SUMMONS = "doręczenie wezwania do usunięcia braków"


def make_pesel(birth: date, female: bool, serial: int) -> str:
    """A valid PESEL: encoded birth date, ``serial`` (0–999), sex digit and checksum."""
    century_offset = {18: 80, 19: 0, 20: 20, 21: 40, 22: 60}[birth.year // 100]
    sex = (serial % 5) * 2 + (0 if female else 1)
    body = (f"{birth.year % 100:02d}{birth.month + century_offset:02d}{birth.day:02d}"
            f"{serial // 5 % 1000:03d}{sex}")
    total = sum(w * int(d) for w, d in zip((1, 3, 7, 9, 1, 3, 7, 9, 1, 3), body, strict=True))
    return f"{body}{(10 - total % 10) % 10}"


def _cumulative(pairs: tuple[tuple[Any, int], ...]) -> tuple[tuple[Any, ...], list[int]]:
    values = tuple(v for v, _ in pairs)
    cum: list[int] = []
    running = 0
    for _, w in pairs:
        running += w
        cum.append(running)
    return values, cum


@dataclass
class _Staff:
    counters: list[int]
    clerks: list[int]
    supervisor: int
    logins: list[tuple[str, str]]


@dataclass
class _Rows:
    """The rows of one batch, per table, in insertion (foreign-key) order."""

    cases: list[dict[str, Any]] = field(default_factory=list)
    incoming: list[dict[str, Any]] = field(default_factory=list)
    iok: list[dict[str, Any]] = field(default_factory=list)
    deposit: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    members: list[dict[str, Any]] = field(default_factory=list)
    agreements: list[dict[str, Any]] = field(default_factory=list)
    instalments: list[dict[str, Any]] = field(default_factory=list)
    deadlines: list[dict[str, Any]] = field(default_factory=list)

    def tables(self) -> list[tuple[Any, list[dict[str, Any]]]]:
        return [
            (Case.__table__, self.cases), (IncomingItem.__table__, self.incoming),
            (IokRequest.__table__, self.iok), (DepositPetition.__table__, self.deposit),
            (PropertyStatement.__table__, self.statements),
            (HouseholdMember.__table__, self.members),
            (InstalmentAgreement.__table__, self.agreements),
            (Instalment.__table__, self.instalments), (Deadline.__table__, self.deadlines),
        ]


@dataclass
class _Ids:
    """The next free primary key of each table whose keys the generator assigns."""

    case: int
    incoming: int
    deadline: int
    member: int
    agreement: int


class _Fold:
    """``fold_for_search`` with a cache for the few distinct words (names, streets)."""

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        cached = self._cache.get(value)
        if cached is None:
            cached = self._cache[value] = fold_for_search(value)
        return cached

    @staticmethod
    def ascii(value: str) -> str:
        """Fold text known to be mostly ASCII (signatures, e-mails, house numbers)."""
        if value.isascii():
            return " ".join(value.lower().split())
        return fold_for_search(value)


class _Generator:
    """Builds the rows of the demo cases, oldest first."""

    def __init__(
        self, rnd: random.Random, settings: OfficeSettings, calendar: LegalCalendar,
        staff: _Staff, today: date, total: int, ids: _Ids,
        numbers: dict[tuple[str, int], int],
    ) -> None:
        self.rnd = rnd
        self.settings = settings
        self.calendar = calendar
        self.staff = staff
        self.today = today
        self.total = total
        self.ids = ids
        self.numbers = numbers
        self.used_scopes: set[tuple[str, int]] = set()
        self.bank_account = settings.deposit_bank_account or DEMO_NRB
        self.fold = _Fold()
        self._deadline_cache: dict[tuple[str, date, str], tuple[ComputedDate, str]] = {}
        self._schedule_cache: dict[tuple[date, int], list[date]] = {}
        self._working_cache: dict[date, date] = {}
        start = _years_before(today, YEARS_BACK)
        self.days = [start + timedelta(days=k) for k in range((today - start).days + 1)]
        self.days = [d for d in self.days if calendar.is_working_day(d)] or [today]
        self.weights = {
            CaseKind.IOK: [(limit, _cumulative(pairs)) for limit, pairs in _IOK_WEIGHTS],
            CaseKind.DEPOSIT: [(limit, _cumulative(pairs)) for limit, pairs in _DEPOSIT_WEIGHTS],
        }
        # Each (kind, status) pair is produced at least once (given enough cases).
        self.uncovered: list[tuple[CaseKind, CaseStatus]] = [
            (kind, status) for kind in CaseKind for status in reachable_statuses(kind)
        ]
        self.iok_channels = _cumulative(_IOK_CHANNELS)
        self.deposit_channels = _cumulative(_DEPOSIT_CHANNELS)
        self.proxy_relations = _cumulative(_PROXY_RELATIONS)
        self.instalment_counts = _cumulative(_INSTALMENT_COUNTS)
        self.pesel_serial = rnd.randrange(5000)
        self.running: list[date] = []  # due dates of the running deadlines of the case

    # ----------------------------------------------------------------- small helpers
    def pick(self, table: tuple[tuple[Any, ...], list[int]]) -> Any:
        values, cum = table
        return self.rnd.choices(values, cum_weights=cum)[0]

    def working_on_or_after(self, d: date) -> date:
        cached = self._working_cache.get(d)
        if cached is None:
            cached = self._working_cache[d] = self.calendar.next_working_day_on_or_after(d)[0]
        return cached

    def after(self, d: date, low: int, high: int) -> date:
        """A working day ``low``–``high`` days after ``d``, but never after today."""
        later = self.working_on_or_after(d + timedelta(days=self.rnd.randint(low, high)))
        return later if later <= self.today else max(d, self.today)

    def deadline_end(self, kind: DeadlineKind, start: date, event: str) -> tuple[ComputedDate,
                                                                                     str]:
        key = (kind.value, start, event)
        cached = self._deadline_cache.get(key)
        if cached is None:
            s = self.settings
            if kind == DeadlineKind.DEFICIENCY:
                computed = self.calendar.add_days(start, s.deficiency_days, event)
            elif kind == DeadlineKind.DECISION:
                computed = self.calendar.add_months(start, s.decision_months, event)
            else:
                computed = self.calendar.add_days(start, s.iok_target_days, event)
            cached = self._deadline_cache[key] = (computed, "\n".join(computed.explanation_lines()))
        return cached

    def deadline(
        self, rows: _Rows, case_id: int, kind: DeadlineKind, start: date, event: str,
        closed_on: date | None = None, state: DeadlineState | None = None,
        suspended_on: date | None = None,
    ) -> None:
        """Add a deadline row; a running one is also noted in ``self.running``."""
        computed, explanation = self.deadline_end(kind, start, event)
        if state is None:
            if closed_on is None:
                state = DeadlineState.RUNNING
            else:
                state = DeadlineState.MET if closed_on <= computed.result else DeadlineState.MISSED
        months = kind == DeadlineKind.DECISION
        s = self.settings
        rows.deadlines.append({
            "id": self.ids.deadline, "case_id": case_id, "kind": kind.value,
            "state": state.value, "start_event": event, "start_on": start,
            "period_count": s.decision_months if months else (
                s.deficiency_days if kind == DeadlineKind.DEFICIENCY else s.iok_target_days),
            "period_unit": "months" if months else "days",
            "nominal_end_on": computed.nominal_end, "due_on": computed.result,
            "explanation": explanation, "suspended_on": suspended_on, "suspended_days": 0,
            "extended_reason": None, "closed_on": closed_on, "letter_id": None, "version": 1,
        })
        self.ids.deadline += 1
        if state == DeadlineState.RUNNING:
            self.running.append(computed.result)

    def next_number(self, scope: str, year: int) -> int:
        key = (scope, year)
        number = self.numbers.get(key, 0) + 1
        self.numbers[key] = number
        self.used_scopes.add(key)
        return number

    # ----------------------------------------------------------------- dates and status
    def received(self, index: int) -> tuple[date, datetime]:
        """Received date and time of the ``index``-th case: non-decreasing in ``index``."""
        share = (index + self.rnd.random()) / self.total
        # Inverse of the distribution with density proportional to 1 + _GROWTH * x.
        x = (-1 + math.sqrt(1 + _GROWTH * (2 + _GROWTH) * share)) / _GROWTH
        position = min(x, 0.999999999) * len(self.days)
        day = self.days[int(position)]
        minutes = int((position - int(position)) * 480)  # office hours 7:30–15:30
        local = datetime.combine(day, time(7, 30), OFFICE_TZ) + timedelta(minutes=minutes)
        return day, local.astimezone(UTC)

    def status(self, index: int, age: int) -> tuple[CaseKind, CaseStatus]:
        remaining = self.total - index
        if self.uncovered and remaining <= len(self.uncovered):
            return self.uncovered.pop(0)
        kind = CaseKind.IOK if self.rnd.random() < _IOK_SHARE else CaseKind.DEPOSIT
        table = next(t for limit, t in self.weights[kind] if limit is None or age <= limit)
        for pos, pair in enumerate(self.uncovered):
            if pair[0] == kind and pair[1] in table[0]:
                return self.uncovered.pop(pos)
        status: CaseStatus = self.pick(table)
        return kind, status

    # ----------------------------------------------------------------- people
    def person(self, birth_from: date, birth_to: date, female: bool | None = None
               ) -> tuple[str, str, bool, date]:
        rnd = self.rnd
        if female is None:
            female = rnd.random() < 0.56
        first = rnd.choice(pools.FEMALE_FIRST_NAMES if female else pools.MALE_FIRST_NAMES)
        last = rnd.choice(pools.SURNAMES)
        if female:
            last = pools.feminine_surname(last)
        birth = birth_from + timedelta(days=rnd.randrange(max(1, (birth_to - birth_from).days)))
        return first, last, female, birth

    def pesel(self, birth: date, female: bool) -> str:
        self.pesel_serial = (self.pesel_serial + 7919) % 5000
        return make_pesel(birth, female, self.pesel_serial)

    def email(self, first: str, last: str, birth: date) -> str:
        rnd = self.rnd
        f, la = self.fold(first), self.fold(last).replace(" ", "").replace("-", "")
        style = rnd.randrange(5)
        if style == 0:
            local = f"{f}.{la}"
        elif style == 1:
            local = f"{f[0]}{la}"
        elif style == 2:
            local = f"{f}.{la}{birth.year % 100:02d}"
        elif style == 3:
            local = f"{la}.{f}"
        else:
            local = f"{f}{la}{rnd.randint(1, 999)}"
        return f"{local}@{rnd.choice(pools.EMAIL_DOMAINS)}"

    def phone(self) -> str | None:
        rnd = self.rnd
        roll = rnd.random()
        if roll < 0.3:
            return None
        if roll < 0.38:  # a landline in Piekary (area code 32)
            exchange = rnd.choice((287, 288, 289, 393))
            return f"32 {exchange} {rnd.randint(10, 99)} {rnd.randint(10, 99)}"
        number = (f"{rnd.choice('5678')}{rnd.randint(0, 99):02d} {rnd.randint(0, 999):03d} "
                  f"{rnd.randint(0, 999):03d}")
        return f"+48 {number}" if roll > 0.9 else number

    def address(self, home_town: bool = True) -> tuple[str, str, str, str, str]:
        """(street, building, flat, postal code, city)."""
        rnd = self.rnd
        if home_town or rnd.random() < 0.94:
            street, top = rnd.choice(pools.STREETS)
            postal, city = pools.POSTAL_CODE, pools.CITY
        else:
            city, postal, streets = rnd.choice(pools.OTHER_TOWNS)
            street, top = rnd.choice(streets), 40
        building = str(rnd.randint(1, top))
        if rnd.random() < 0.1:
            building += rnd.choice("abc")
        flat = "" if rnd.random() < 0.12 else str(rnd.randint(1, 40))
        return street, building, flat, postal, city

    # ----------------------------------------------------------------- one case
    def case(self, index: int, rows: _Rows) -> None:
        rnd = self.rnd
        received_on, received_at = self.received(index)
        kind, status = self.status(index, (self.today - received_on).days)
        case_id = self.ids.case
        self.ids.case += 1
        self.running = []

        first, last, female, birth = self.person(
            _years_before(received_on, 88), _years_before(received_on, 19))
        pesel_share = 0.85 if kind == CaseKind.IOK else 0.97
        pesel = self.pesel(birth, female) if rnd.random() < pesel_share else None
        email = (self.email(first, last, birth)
                 if kind == CaseKind.IOK or rnd.random() < 0.35 else None)
        phone = self.phone()
        street, building, flat, postal, city = self.address(home_town=kind == CaseKind.IOK)

        unit, jrwa = self.settings.unit_and_class(kind)
        year = received_on.year
        number = self.next_number(f"case:{unit}:{jrwa}", year)
        signature = format_signature(self.settings.signature_pattern, unit, jrwa, number, year)
        house = f"{building}/{flat}" if flat else building
        fold = self.fold
        search_parts = [fold.ascii(signature), fold(first), fold(last), fold(street),
                        fold.ascii(house), fold(city)]
        if pesel:
            search_parts.append(pesel)
        if email:
            search_parts.append(fold.ascii(email))

        clerk = rnd.choice(self.staff.clerks)
        channel: Channel = self.pick(self.iok_channels if kind == CaseKind.IOK
                                     else self.deposit_channels)
        registered_by = (clerk if channel == Channel.BGM_ROOM_109
                         else rnd.choice(self.staff.counters))
        assignee: int | None = clerk
        if status == _S.REGISTERED and rnd.random() < 0.4:
            assignee = None

        case = {
            "id": case_id, "signature": signature, "unit_symbol": unit, "jrwa_class": jrwa,
            "number": number, "year": year, "kind": kind.value, "status": status.value,
            "subject": "", "applicant_first_name": first, "applicant_last_name": last,
            "applicant_sort": f"{fold(last)} {fold(first)}", "applicant_pesel": pesel,
            "applicant_email": email, "applicant_phone": phone, "street": street,
            "building": building, "flat": flat, "postal_code": postal, "city": city,
            "search_text": " ".join(search_parts), "received_on": received_on,
            "complete_on": None, "next_deadline": None, "assignee_id": assignee,
            "registered_by_id": registered_by, "created_at": received_at, "settled_on": None,
            "settlement_remarks": "", "lease_concluded": None, "lease_ended_on": None,
            "anonymised_at": None, "version": 1,
        }
        if kind == CaseKind.IOK:
            attachments = self.iok_case(rows, case, status, channel)
            incoming_kind = IncomingKind.IOK_REQUEST
        else:
            attachments = self.deposit_case(rows, case, status, first, last, female, birth,
                                            pesel, street, house)
            incoming_kind = IncomingKind.DEPOSIT_PETITION
        case["next_deadline"] = min(self.running) if self.running else None
        rows.cases.append(case)

        register_number = self.next_number(REGISTER_SCOPE, year)
        letter_date = received_on
        posted_on = None
        if channel == Channel.POST:
            posted_on = received_on - timedelta(days=rnd.randint(1, 3))
            letter_date = posted_on - timedelta(days=rnd.randint(0, 2))
        address = f"ul. {street} {house}, {postal} {city}"
        rows.incoming.append({
            "id": self.ids.incoming, "register_year": year, "register_number": register_number,
            "entry_number": format_register_number(self.settings.register_pattern,
                                                   register_number, year),
            "received_at": received_at, "channel": channel.value, "posted_on": posted_on,
            "kind": incoming_kind.value, "sender_name": f"{first} {last}",
            "sender_pesel": pesel, "sender_address": address, "sender_phone": phone,
            "sender_email": email, "sender_reference": "", "sender_reference_date": letter_date,
            "subject": case["subject"], "attachments_count": attachments,
            "assigned_to_id": assignee, "registered_by_id": registered_by, "case_id": case_id,
            "remarks": "Skan wniosku przesłany e-mailem." if channel == Channel.EMAIL else "",
            "version": 1,
        })
        self.ids.incoming += 1

    # ----------------------------------------------------------------- IOK request
    def iok_case(self, rows: _Rows, case: dict[str, Any], status: CaseStatus,
                 channel: Channel) -> int:
        rnd = self.rnd
        r: date = case["received_on"]
        cid: int = case["id"]
        case["subject"] = IncomingKind.IOK_REQUEST.label
        if status in (_S.AWAITING_COMPLETION, _S.LEFT_WITHOUT_CONSIDERATION):
            deficient = True
        elif status == _S.CLOSED:
            deficient = rnd.random() < 0.2
        else:
            deficient = rnd.random() < 0.12
        via_lwc = status == _S.LEFT_WITHOUT_CONSIDERATION or (
            status == _S.CLOSED and deficient and rnd.random() < 0.6)
        login_sent_on: date | None = None
        target_start, target_event = r, _EV_FILED
        signed = True
        if deficient:
            summons = self.after(r, 1, 4)
            delivered = self.after(summons, 0, 8)
            if status == _S.AWAITING_COMPLETION:
                signed = False
                self.deadline(rows, cid, DeadlineKind.IOK_TARGET, r, _EV_FILED,
                              state=DeadlineState.SUSPENDED, suspended_on=summons)
                self.deadline(rows, cid, DeadlineKind.DEFICIENCY, delivered, _EV_SUMMONS)
            elif via_lwc:
                signed = False
                computed, _ = self.deadline_end(DeadlineKind.DEFICIENCY, delivered, _EV_SUMMONS)
                left_on = self.after(computed.result, 1, 10)
                self.deadline(rows, cid, DeadlineKind.IOK_TARGET, r, _EV_FILED,
                              closed_on=left_on, state=DeadlineState.CANCELLED,
                              suspended_on=summons)
                self.deadline(rows, cid, DeadlineKind.DEFICIENCY, delivered, _EV_SUMMONS,
                              closed_on=left_on, state=DeadlineState.MISSED)
                case["settled_on"] = left_on
                case["settlement_remarks"] = (
                    "Wniosek pozostawiony bez rozpoznania – braki nie zostały usunięte.")
            else:
                completed = self.after(delivered, 1, 7)
                self.deadline(rows, cid, DeadlineKind.DEFICIENCY, delivered, _EV_SUMMONS,
                              closed_on=completed)
                self.deadline(rows, cid, DeadlineKind.IOK_TARGET, r, _EV_FILED,
                              closed_on=completed, state=DeadlineState.CANCELLED,
                              suspended_on=summons)
                target_start, target_event = completed, "uzupełnienie wniosku"
        if not (deficient and (status == _S.AWAITING_COMPLETION or via_lwc)):
            if status == _S.REGISTERED:
                self.deadline(rows, cid, DeadlineKind.IOK_TARGET, target_start, target_event)
            else:  # login sent (and maybe closed afterwards)
                login_sent_on = self.after(target_start, 0, 16)
                self.deadline(rows, cid, DeadlineKind.IOK_TARGET, target_start, target_event,
                              closed_on=login_sent_on)
                case["settled_on"] = login_sent_on
                case["settlement_remarks"] = "Dane logowania wysłane na adres e-mail z wniosku."
        rows.iok.append({
            "case_id": cid,
            "applicant_role": (ApplicantRole.TENANT if rnd.random() < 0.85
                               else ApplicantRole.OWNER).value,
            "contractor_number": (f"{rnd.randint(100000, 999999)}" if rnd.random() < 0.6
                                  else None),
            "e_invoice_consent": rnd.random() < 0.62, "signed": signed,
            "filed_place": channel.label, "legacy_account": rnd.random() < 0.08,
            "login_sent_on": login_sent_on, "version": 1,
        })
        return 0

    # ----------------------------------------------------------------- deposit petition
    def deposit_case(
        self, rows: _Rows, case: dict[str, Any], status: CaseStatus, first: str, last: str,
        female: bool, birth: date, pesel: str | None, street: str, house: str,
    ) -> int:
        rnd = self.rnd
        r: date = case["received_on"]
        cid: int = case["id"]
        rent_grosze = rnd.randint(30000, 150000)
        if rnd.random() < 0.5:
            rent_grosze -= rent_grosze % 100
        rent = Decimal(rent_grosze).scaleb(-2)
        deposit = rent * 10
        count: int = self.pick(self.instalment_counts)
        case["subject"] = (
            f"Prośba o rozłożenie kaucji zabezpieczającej na {count} "
            f"{polish_plural(count, 'ratę', 'raty', 'rat')}")

        if status in (_S.AWAITING_COMPLETION, _S.LEFT_WITHOUT_CONSIDERATION):
            deficient = True
        elif status == _S.REGISTERED:
            deficient = False
        else:
            deficient = rnd.random() < 0.3
        if status == _S.CLOSED:
            route = rnd.choices(("agreement", "refusal", "lwc"), cum_weights=(60, 80, 100))[0]
            deficient = deficient or route == "lwc"
        else:
            route = {
                _S.LEFT_WITHOUT_CONSIDERATION: "lwc", _S.REFUSAL: "refusal",
                _S.CONSENT: "consent", _S.AGREEMENT_SIGNED: "agreement",
            }.get(status, "open")
        pending = status == _S.AWAITING_COMPLETION or route == "lwc"

        by_proxy = rnd.random() < 0.12
        relation: ProxyRelation | None = self.pick(self.proxy_relations) if by_proxy else None
        lack = rnd.choice(("statement", "statement", "power", "stamp")) if deficient else ""
        if lack in ("power", "stamp") and not by_proxy:
            by_proxy, relation = True, ProxyRelation.OTHER
        if lack == "stamp" and relation != ProxyRelation.OTHER:
            relation = ProxyRelation.OTHER
        statement_missing = pending and lack == "statement"

        complete_on: date | None = None
        if status == _S.REGISTERED:
            self.deadline(rows, cid, DeadlineKind.DECISION, r, _EV_PETITION)
        elif deficient:
            summons = self.after(r, 1, 5)
            delivered = self.after(summons, 1, 9)
            if status == _S.AWAITING_COMPLETION:
                self.deadline(rows, cid, DeadlineKind.DEFICIENCY, delivered, _EV_SUMMONS)
            elif route == "lwc":
                computed, _ = self.deadline_end(DeadlineKind.DEFICIENCY, delivered, _EV_SUMMONS)
                left_on = self.after(computed.result, 1, 12)
                self.deadline(rows, cid, DeadlineKind.DEFICIENCY, delivered, _EV_SUMMONS,
                              closed_on=left_on, state=DeadlineState.MISSED)
                case["settled_on"] = left_on
                case["settlement_remarks"] = (
                    "Prośbę pozostawiono bez rozpoznania – braki formalne nie zostały usunięte.")
                case["lease_concluded"] = False
            else:
                complete_on = self.after(delivered, 1, 7)
                self.deadline(rows, cid, DeadlineKind.DEFICIENCY, delivered, _EV_SUMMONS,
                              closed_on=complete_on)
        else:
            complete_on = r
        if complete_on is not None:
            case["complete_on"] = complete_on
            event = _EV_REMOVED if deficient else _EV_COMPLETE
            if status == _S.IN_PROGRESS:
                self.deadline(rows, cid, DeadlineKind.DECISION, complete_on, event)
            else:
                decided = self.after(complete_on, 3, 33)
                self.deadline(rows, cid, DeadlineKind.DECISION, complete_on, event,
                              closed_on=decided)
                if route == "refusal":
                    case["settled_on"] = decided
                    case["settlement_remarks"] = "Odmowa rozłożenia kaucji na raty."
                    case["lease_concluded"] = False
                elif route == "agreement":
                    signed_on = self.after(decided, 3, 21)
                    self.agreement(rows, cid, deposit, count, signed_on)
                    case["settled_on"] = signed_on
                    case["settlement_remarks"] = (
                        f"Zgoda; umowa o rozłożenie kaucji na {count} "
                        f"{polish_plural(count, 'ratę', 'raty', 'rat')} zawarta "
                        f"{format_date_pl(signed_on)}.")
                    case["lease_concluded"] = True
                    if status == _S.CLOSED and rnd.random() < 0.03:
                        case["lease_ended_on"] = self.after(signed_on, 180, 900)

        has_statement = not statement_missing
        if has_statement:
            self.statement(rows, cid, complete_on or r, first, last, female, birth, pesel)
        proxy_name = None
        if by_proxy:
            proxy_female = rnd.random() < 0.5
            proxy_first = rnd.choice(pools.FEMALE_FIRST_NAMES if proxy_female
                                     else pools.MALE_FIRST_NAMES)
            family = last if relation != ProxyRelation.OTHER else rnd.choice(pools.SURNAMES)
            proxy_name = f"{proxy_first} {_gendered(family, proxy_female)}"
        has_power = by_proxy and not (pending and lack == "power")
        stamp_paid = by_proxy and relation == ProxyRelation.OTHER and not (
            pending and lack == "stamp")
        premises = self.address()
        premises_house = f"{premises[1]}/{premises[2]}" if premises[2] else premises[1]
        rows.deposit.append({
            "case_id": cid, "monthly_rent": rent, "deposit_amount": deposit,
            "instalments_requested": count,
            "justification": (pools.JUSTIFICATION_DEFICIENT if statement_missing
                              else rnd.choice(pools.DEPOSIT_JUSTIFICATIONS)),
            "has_petition_form": True, "has_property_statement": has_statement,
            "by_proxy": by_proxy, "proxy_name": proxy_name,
            "proxy_relation": relation.value if relation else None,
            "has_power_of_attorney": has_power, "principal_exempt": False,
            "stamp_duty_paid": stamp_paid,
            "premises_address": f"ul. {premises[0]} {premises_house}, {premises[3]} "
                                f"{premises[4]}",
            "version": 1,
        })
        return int(has_statement) + int(has_power) + int(stamp_paid)

    def agreement(self, rows: _Rows, case_id: int, deposit: Decimal, count: int,
                  signed_on: date) -> None:
        first_due = add_calendar_months(signed_on.replace(day=10), 1)
        dues = self._schedule_cache.get((first_due, count))
        if dues is None:
            dues = [self.working_on_or_after(add_calendar_months(first_due, k))
                    for k in range(count)]
            self._schedule_cache[(first_due, count)] = dues
        agreement_id = self.ids.agreement
        self.ids.agreement += 1
        rows.agreements.append({
            "id": agreement_id, "case_id": case_id, "deposit_amount": deposit,
            "instalment_count": count, "first_due_on": dues[0],
            "bank_account": self.bank_account, "signed_on": signed_on,
            "created_at": datetime.combine(signed_on, time(10, 0), OFFICE_TZ).astimezone(UTC),
            "version": 1,
        })
        for number, (due, amount) in enumerate(
                zip(dues, split_amount(deposit, count), strict=True), start=1):
            rows.instalments.append({"agreement_id": agreement_id, "number": number,
                                     "due_on": due, "amount": amount})

    # ----------------------------------------------------------------- property statement
    def statement(self, rows: _Rows, case_id: int, signed_on: date, first: str, last: str,
                  female: bool, birth: date, pesel: str | None) -> None:
        rnd = self.rnd
        rows.statements.append({
            "case_id": case_id, "signed_on": signed_on,
            "real_estate": rnd.choice(pools.REAL_ESTATE) if rnd.random() < 0.08 else "",
            "vehicles": rnd.choice(pools.VEHICLES) if rnd.random() < 0.35 else "",
            "savings": Decimal(rnd.randrange(0, 20000, 100) if rnd.random() < 0.45 else 0),
            "debts": Decimal(rnd.randrange(0, 15000, 50) if rnd.random() < 0.3 else 0),
            "remarks": rnd.choice(pools.STATEMENT_REMARKS), "version": 1,
        })
        size = rnd.choices((1, 2, 3, 4), cum_weights=(30, 60, 85, 100))[0]
        self.member(rows, case_id, first, last,
                    "wnioskodawczyni" if female else "wnioskodawca", pesel, adult=True)
        if size >= 2:
            if rnd.random() < 0.6:
                spouse_female = not female
                s_first = rnd.choice(pools.FEMALE_FIRST_NAMES if spouse_female
                                     else pools.MALE_FIRST_NAMES)
                s_last = _gendered(last, spouse_female) if rnd.random() < 0.85 else (
                    _gendered(rnd.choice(pools.SURNAMES), spouse_female))
                s_birth = birth + timedelta(days=rnd.randint(-2500, 2500))
                s_pesel = self.pesel(s_birth, spouse_female) if rnd.random() < 0.8 else None
                self.member(rows, case_id, s_first, s_last, "żona" if spouse_female else "mąż",
                            s_pesel, adult=True)
            else:
                p_female = rnd.random() < 0.7
                p_first = rnd.choice(pools.FEMALE_FIRST_NAMES if p_female
                                     else pools.MALE_FIRST_NAMES)
                p_birth = _years_before(birth, rnd.randint(19, 35))
                p_pesel = self.pesel(p_birth, p_female) if rnd.random() < 0.7 else None
                self.member(rows, case_id, p_first, _gendered(last, p_female),
                            "matka" if p_female else "ojciec", p_pesel, adult=True)
        for _ in range(size - 2):
            c_female = rnd.random() < 0.5
            c_first = rnd.choice(pools.FEMALE_FIRST_NAMES if c_female else pools.MALE_FIRST_NAMES)
            c_birth = signed_on - timedelta(days=rnd.randint(200, 6400))
            c_pesel = self.pesel(c_birth, c_female) if rnd.random() < 0.9 else None
            allowance = "świadczenie wychowawcze 800+" if signed_on.year >= 2024 else (
                "świadczenie wychowawcze 500+")
            rows.members.append({
                "id": self.ids.member, "case_id": case_id,
                "full_name": f"{c_first} {_gendered(last, c_female)}",
                "relation": "córka" if c_female else "syn", "pesel": c_pesel,
                "monthly_income": Decimal(800 if signed_on.year >= 2024 else 500),
                "income_source": allowance,
            })
            self.ids.member += 1

    def member(self, rows: _Rows, case_id: int, first: str, last: str, relation: str,
               pesel: str | None, adult: bool) -> None:
        rnd = self.rnd
        if adult and rnd.random() < 0.12:
            source, income = pools.NO_INCOME, Decimal(0)
        else:
            source, low, high = rnd.choice(pools.INCOME_SOURCES)
            income = Decimal(rnd.randint(low * 100, high * 100)).scaleb(-2)
        rows.members.append({
            "id": self.ids.member, "case_id": case_id, "full_name": f"{first} {last}",
            "relation": relation, "pesel": pesel, "monthly_income": income,
            "income_source": source,
        })
        self.ids.member += 1


_MASCULINE = {pools.feminine_surname(m): m for m in pools.SURNAMES}


def _gendered(surname: str, female: bool) -> str:
    """The surname in the form for a woman or a man (Kowalska ↔ Kowalski)."""
    if female:
        return pools.feminine_surname(surname)
    return _MASCULINE.get(surname, surname)


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


# --------------------------------------------------------------------- database side
_PG_LOCKED_TABLES = (
    "users", "cases", "incoming_items", "iok_requests", "deposit_petitions",
    "property_statements", "household_members", "instalment_agreements", "instalments",
    "deadlines", "number_sequences",
)
_KEYED_TABLES = ("cases", "incoming_items", "deadlines", "household_members",
                 "instalment_agreements")


def _first_free_ids(conn: Connection) -> _Ids:
    postgres = conn.dialect.name == "postgresql"
    values = []
    for table in _KEYED_TABLES:
        top = conn.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar_one()
        if postgres:
            seq = conn.execute(text(f"SELECT pg_get_serial_sequence('{table}', 'id')")).scalar()
            if seq:
                last = conn.execute(text(f"SELECT last_value FROM {seq}")).scalar_one()
                top = max(int(top), int(last))
        values.append(int(top) + 1)
    return _Ids(*values)


def _sync_pg_sequences(conn: Connection) -> None:
    """After inserting explicit ids, move each serial sequence past the highest id."""
    for table in _KEYED_TABLES:
        conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} "
            "HAVING max(id) IS NOT NULL"))


def _current_numbers(conn: Connection) -> tuple[dict[tuple[str, int], int], set[tuple[str, int]]]:
    """Highest number used per (scope, year), from the sequences and the tables themselves."""
    numbers: dict[tuple[str, int], int] = {}
    stored: set[tuple[str, int]] = set()
    for scope, year, last in conn.execute(
            select(NumberSequence.scope, NumberSequence.year, NumberSequence.last_number)):
        numbers[(scope, year)] = int(last)
        stored.add((scope, year))
    for unit, jrwa, year, top in conn.execute(
            select(Case.unit_symbol, Case.jrwa_class, Case.year, func.max(Case.number))
            .group_by(Case.unit_symbol, Case.jrwa_class, Case.year)):
        key = (f"case:{unit}:{jrwa}", int(year))
        numbers[key] = max(numbers.get(key, 0), int(top))
    for year, top in conn.execute(
            select(IncomingItem.register_year, func.max(IncomingItem.register_number))
            .group_by(IncomingItem.register_year)):
        key = (REGISTER_SCOPE, int(year))
        numbers[key] = max(numbers.get(key, 0), int(top))
    return numbers, stored


def _store_numbers(conn: Connection, numbers: dict[tuple[str, int], int],
                   used: set[tuple[str, int]], stored: set[tuple[str, int]]) -> None:
    seq = cast(Table, NumberSequence.__table__)
    new_rows = []
    for scope, year in sorted(used):
        last = numbers[(scope, year)]
        if (scope, year) in stored:
            conn.execute(update(seq).where(seq.c.scope == scope, seq.c.year == year)
                         .values(last_number=last))
        else:
            new_rows.append({"scope": scope, "year": year, "last_number": last})
    if new_rows:
        conn.execute(insert(seq), new_rows)


@contextmanager
def _bulk_load_pragmas(conn: Connection) -> Iterator[None]:
    """A bigger page cache for the loading SQLite connection (restored afterwards)."""
    if conn.dialect.name != "sqlite":
        yield
        return
    old = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    conn.exec_driver_sql("PRAGMA cache_size=-262144")  # 256 MiB
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(old)}")


def _ensure_settings(work: Work) -> OfficeSettings:
    if work.session.get(Setting, SETTINGS_KEY) is None:
        write_settings(work, OfficeSettings(deposit_bank_account=DEMO_NRB,
                                            signatory_name="Grażyna Szołtysek"))
    return read_settings(work.session)


def _ensure_users(work: Work, with_admin: bool) -> tuple[_Staff, list[str]]:
    """The demo accounts (reused when they exist); returns them and the names created."""
    session = work.session
    wanted = list(pools.DEMO_USERS)
    if with_admin:
        wanted.insert(0, pools.DEMO_ADMIN)
    names = [u[0] for u in wanted]
    existing = {u.username: u for u in session.scalars(select(User).where(
        User.username.in_(names)))}
    password_hash: str | None = None
    created: list[str] = []
    ids: dict[str, int] = {}
    for username, full_name, role in wanted:
        user = existing.get(username)
        if user is None:
            password_hash = password_hash or hash_password(DEMO_PASSWORD)
            user = User(username=username, full_name=full_name, role=role,
                        password_hash=password_hash, active=True, failed_attempts=0,
                        must_change_password=False, created_at=work.now)
            session.add(user)
            created.append(username)
        existing[username] = user
    session.flush()
    for username in names:
        ids[username] = existing[username].id
    roles = {u[0]: u[2] for u in wanted}
    staff = _Staff(
        counters=[ids[n] for n in names if roles[n] == Role.COUNTER.value],
        clerks=[ids[n] for n in names if roles[n] == Role.CLERK.value],
        supervisor=next(ids[n] for n in names if roles[n] == Role.SUPERVISOR.value),
        logins=[(n, DEMO_PASSWORD) for n in names],
    )
    return staff, created


def _validate_count(cases: int) -> None:
    if isinstance(cases, bool) or not isinstance(cases, int) or cases < 1:
        raise field_error("Liczba spraw", "Liczba spraw musi być liczbą całkowitą większą od zera.")
    if cases > MAX_CASES:
        raise field_error("Liczba spraw", f"Można wygenerować najwyżej {MAX_CASES:,} spraw."
                          .replace(",", " "))


def generate_demo_data(
    ctx: AppContext,
    actor: Actor | None,
    cases: int,
    seed: int = 1,
    progress: ProgressCallback | None = None,
) -> DemoSummary:
    """Fill the database with ``cases`` synthetic cases and the demo staff.

    ``actor`` must be an administrator; ``None`` is the command line (which has the database
    itself in hand anyway). Existing data is kept: numbering continues after it.
    """
    _validate_count(cases)
    permission = Permission.MANAGE_USERS if actor is not None else None
    with unit_of_work(ctx, actor, permission) as work:
        if work.actor is not None and not role_can(work.actor.role, Permission.MANAGE_SETTINGS):
            raise PermissionDenied("Dane demonstracyjne może wygenerować tylko administrator.")
        conn = work.session.connection()
        postgres = conn.dialect.name == "postgresql"
        if postgres:
            conn.exec_driver_sql(
                f"LOCK TABLE {', '.join(_PG_LOCKED_TABLES)} IN SHARE ROW EXCLUSIVE MODE")
        settings = _ensure_settings(work)
        has_admin = work.session.scalar(select(func.count()).select_from(User).where(
            User.role == Role.ADMIN.value, User.active.is_(True)))
        staff, created_users = _ensure_users(work, with_admin=not has_admin)
        calendar = LegalCalendar(
            (d.day, d.name) for d in work.session.scalars(select(DayOff)))
        numbers, stored = _current_numbers(conn)
        ids = _first_free_ids(conn)
        first_case_id = ids.case
        generator = _Generator(random.Random(seed), settings, calendar, staff, ctx.today(),
                               cases, ids, numbers)
        if progress:
            progress(0, cases)
        with _bulk_load_pragmas(conn):
            for start in range(0, cases, BATCH_CASES):
                rows = _Rows()
                for index in range(start, min(cases, start + BATCH_CASES)):
                    generator.case(index, rows)
                for table, batch in rows.tables():
                    if batch:
                        conn.execute(insert(table), batch)
                if progress:
                    progress(min(cases, start + BATCH_CASES), cases)
        _store_numbers(conn, generator.numbers, generator.used_scopes, stored)
        if postgres:
            _sync_pg_sequences(conn)
        work.audit("demo_data", seed, "generate", {
            "cases": cases, "seed": seed, "incoming_items": cases,
            "case_ids": [first_case_id, generator.ids.case - 1],
            "users_created": created_users, "today": ctx.today().isoformat(),
        })
    return DemoSummary(cases=cases, incoming_items=cases, users=staff.logins)
