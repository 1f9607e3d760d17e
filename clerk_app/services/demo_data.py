"""Realistic synthetic data for demonstrations and load tests (``clerk-app demo``).

Everything is drawn from ``random.Random(seed)``: the same seed on an empty database gives
the same data. Cases are generated oldest first over the last :data:`YEARS_BACK` years, so
case numbers and incoming-register numbers follow the dates, and each case gets the rows its
status implies (register entry, IOK request or deposit petition, property statement and
household, deadlines, instalment agreement).

Speed: rows are plain dicts built in batches of :data:`BATCH_CASES` cases by a worker thread
while the database stores the previous batch; primary keys are assigned here, so child rows
need no ``RETURNING``; SQLite gets multi-row ``INSERT`` statements, PostgreSQL ``COPY``
(see :class:`_Writer`). Memory stays bounded whatever the number of cases.

The whole load is one transaction: an interrupted load leaves the database as it was. If the
database already has cases, numbering continues after them, and the number sequences are left
at the highest number used, so the normal allocator goes on without a gap or repeat.
"""

from __future__ import annotations

import math
import queue
import random
import threading
from bisect import bisect
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from operator import itemgetter, mul
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Dialect, Table, func, insert, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from clerk_app.domain.calendar import LegalCalendar
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
from clerk_app.domain.signatures import (
    format_register_number,
    format_signature,
    validate_register_pattern,
    validate_signature_pattern,
)
from clerk_app.domain.text import fold_for_search, format_date_pl, polish_plural
from clerk_app.persistence.models import (
    Case,
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
from clerk_app.services.days_off import calendar_for
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
Row = dict[str, Any]

_S = CaseStatus
_GROWTH = 1.0  # the newest cases are (1 + _GROWTH) times as frequent as the oldest
_OFFICE_MINUTES = 480  # cases are registered 7:30–15:30


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


_PESEL_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
_PESEL_MONTH_OFFSET = {18: 80, 19: 0, 20: 20, 21: 40, 22: 60}


def make_pesel(birth: date, female: bool, serial: int) -> str:
    """A valid PESEL: encoded ``birth`` date, serial number, sex digit (even for women)
    and checksum; ``serial`` (0–4999) picks the serial number and the sex digit."""
    yy = birth.year % 100
    mm = birth.month + _PESEL_MONTH_OFFSET[birth.year // 100]
    dd = birth.day
    number = serial // 5 % 1000
    sex = serial % 5 * 2 + (0 if female else 1)
    digits = (yy // 10, yy % 10, mm // 10, mm % 10, dd // 10, dd % 10,
              number // 100, number // 10 % 10, number % 10, sex)
    check = (10 - sum(map(mul, _PESEL_WEIGHTS, digits)) % 10) % 10
    return f"{yy:02d}{mm:02d}{dd:02d}{number:03d}{sex}{check}"


# Share of each status among cases of a given age (days since received), per kind.
_Weights = tuple[tuple[int | None, tuple[tuple[CaseStatus, int], ...]], ...]
_IOK_WEIGHTS: _Weights = (
    (3, ((_S.REGISTERED, 80), (_S.AWAITING_COMPLETION, 8), (_S.LOGIN_SENT, 12))),
    (14, ((_S.REGISTERED, 25), (_S.AWAITING_COMPLETION, 25), (_S.LOGIN_SENT, 45),
          (_S.CLOSED, 5))),
    (45, ((_S.REGISTERED, 3), (_S.AWAITING_COMPLETION, 8), (_S.LOGIN_SENT, 35),
          (_S.LEFT_WITHOUT_CONSIDERATION, 10), (_S.CLOSED, 44))),
    (120, ((_S.LOGIN_SENT, 10), (_S.LEFT_WITHOUT_CONSIDERATION, 4), (_S.CLOSED, 86))),
    (None, ((_S.LOGIN_SENT, 2), (_S.LEFT_WITHOUT_CONSIDERATION, 1), (_S.CLOSED, 97))),
)
_DEPOSIT_WEIGHTS: _Weights = (
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
_IOK_CHANNELS = ((Channel.ZGM_SECRETARIAT, 30), (Channel.COUNTER_B84, 20),
                 (Channel.COUNTER_B92, 15), (Channel.EMAIL, 30), (Channel.POST, 5))
_DEPOSIT_CHANNELS = ((Channel.COUNTER_B84, 30), (Channel.COUNTER_B92, 25),
                     (Channel.BGM_ROOM_109, 30), (Channel.POST, 15))
_PROXY_RELATIONS = ((ProxyRelation.SPOUSE, 30), (ProxyRelation.DESCENDANT, 35),
                    (ProxyRelation.ASCENDANT, 10), (ProxyRelation.SIBLING, 10),
                    (ProxyRelation.OTHER, 15))
_INSTALMENT_COUNTS = ((2, 4), (3, 8), (4, 8), (5, 10), (6, 18), (7, 4), (8, 8), (9, 2),
                      (10, 38))
_CLOSED_DEPOSIT_ROUTES = (("agreement", 68), ("refusal", 20), ("lwc", 12))
_HOUSEHOLD_SIZES = ((1, 30), (2, 30), (3, 25), (4, 15))
_LACKS = ("statement", "statement", "power", "stamp")

# Start events as the deadline services word them.
_EV_FILED = "złożenie wniosku"
_EV_COMPLETE = "wpływ kompletnej prośby"
_EV_REMOVED = "usunięcie braków formalnych"
_EV_SUMMONS = "doręczenie wezwania"

_IOK = CaseKind.IOK
_DEPOSIT = CaseKind.DEPOSIT
_RUNNING = DeadlineState.RUNNING.value
_MET = DeadlineState.MET.value
_MISSED = DeadlineState.MISSED.value
_CANCELLED = DeadlineState.CANCELLED.value
_TENANT = ApplicantRole.TENANT.value
_OWNER = ApplicantRole.OWNER.value
_OTHER_PROXY = ProxyRelation.OTHER


class _Draw:
    """Fast draws from one ``random.Random`` (plain arithmetic on ``random()``)."""

    def __init__(self, rnd: random.Random) -> None:
        self.random = rnd.random

    def chance(self, p: float) -> bool:
        return self.random() < p

    def between(self, low: int, high: int) -> int:
        """An integer from ``low`` to ``high``, both included."""
        return low + int(self.random() * (high - low + 1))

    def one(self, seq: tuple[Any, ...] | list[Any] | str) -> Any:
        return seq[int(self.random() * len(seq))]


class _Weighted:
    """A weighted choice among ``values`` (weights are relative)."""

    def __init__(self, pairs: tuple[tuple[Any, int], ...]) -> None:
        self.values = tuple(v for v, _ in pairs)
        self.cumulative: list[int] = []
        total = 0
        for _, weight in pairs:
            total += weight
            self.cumulative.append(total)
        self.total = total

    def draw(self, draw: _Draw) -> Any:
        return self.values[bisect(self.cumulative, draw.random() * self.total)]


@dataclass
class _Staff:
    counters: list[int]
    clerks: list[int]
    logins: list[tuple[str, str]]


@dataclass
class _Rows:
    """The rows of one batch per table, listed in foreign-key order by :meth:`tables`."""

    cases: list[Row] = field(default_factory=list)
    incoming: list[Row] = field(default_factory=list)
    iok: list[Row] = field(default_factory=list)
    deposit: list[Row] = field(default_factory=list)
    statements: list[Row] = field(default_factory=list)
    members: list[Row] = field(default_factory=list)
    agreements: list[Row] = field(default_factory=list)
    instalments: list[Row] = field(default_factory=list)
    deadlines: list[Row] = field(default_factory=list)

    def tables(self) -> list[tuple[Table, list[Row]]]:
        return [
            (_table(Case), self.cases), (_table(IncomingItem), self.incoming),
            (_table(IokRequest), self.iok), (_table(DepositPetition), self.deposit),
            (_table(PropertyStatement), self.statements),
            (_table(HouseholdMember), self.members),
            (_table(InstalmentAgreement), self.agreements),
            (_table(Instalment), self.instalments), (_table(Deadline), self.deadlines),
        ]


def _table(model: Any) -> Table:
    return cast(Table, model.__table__)


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
    def fresh(value: str) -> str:
        """Fold a value seen once (signature, e-mail): ASCII needs no Unicode work."""
        if value.isascii():
            return " ".join(value.lower().split())
        return fold_for_search(value)


@dataclass
class _Applicant:
    first: str
    last: str
    female: bool
    birth: date
    pesel: str | None


class _Generator:
    """Builds the rows of the demo cases, oldest first."""

    def __init__(
        self, rnd: random.Random, settings: OfficeSettings, calendar: LegalCalendar,
        staff: _Staff, today: date, total: int, ids: _Ids,
        numbers: dict[tuple[str, int], int],
    ) -> None:
        self.d = _Draw(rnd)
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
        self.running: list[date] = []  # due dates of the running deadlines of the case
        self._deadline_cache: dict[tuple[DeadlineKind, date, str], tuple[date, date, str]] = {}
        self._working_cache: dict[date, date] = {}
        self._schedule_cache: dict[tuple[date, int], list[date]] = {}
        self._pesel_serial = self.d.between(0, 4999)
        self._periods = {
            DeadlineKind.DEFICIENCY: (settings.deficiency_days, "days"),
            DeadlineKind.DECISION: (settings.decision_months, "months"),
            DeadlineKind.IOK_TARGET: (settings.iok_target_days, "days"),
        }
        start = _years_before(today, YEARS_BACK)
        days = (start + timedelta(days=k) for k in range((today - start).days + 1))
        self.days = [d for d in days if calendar.is_working_day(d)] or [today]
        self.day_starts = [datetime.combine(d, time(7, 30), OFFICE_TZ).astimezone(UTC)
                           for d in self.days]
        self.weights = {
            _IOK: [(limit, _Weighted(pairs)) for limit, pairs in _IOK_WEIGHTS],
            _DEPOSIT: [(limit, _Weighted(pairs)) for limit, pairs in _DEPOSIT_WEIGHTS],
        }
        # Each (kind, status) pair is produced at least once (given enough cases).
        self.uncovered = [(k, s) for k in CaseKind for s in reachable_statuses(k)]
        self.iok_channels = _Weighted(_IOK_CHANNELS)
        self.deposit_channels = _Weighted(_DEPOSIT_CHANNELS)
        self.proxy_relations = _Weighted(_PROXY_RELATIONS)
        self.instalment_counts = _Weighted(_INSTALMENT_COUNTS)
        self.closed_routes = _Weighted(_CLOSED_DEPOSIT_ROUTES)
        self.household_sizes = _Weighted(_HOUSEHOLD_SIZES)
        # Patterns checked once here; per case the same formatting as format_signature and
        # format_register_number (the tests compare them), without re-parsing the pattern.
        self.signature_pattern = validate_signature_pattern(settings.signature_pattern)
        self.register_pattern = validate_register_pattern(settings.register_pattern)
        format_signature(self.signature_pattern, "X", "1", 1, today.year)
        format_register_number(self.register_pattern, 1, today.year)

    # ----------------------------------------------------------------- helpers
    def working_on_or_after(self, d: date) -> date:
        cached = self._working_cache.get(d)
        if cached is None:
            cached = self._working_cache[d] = self.calendar.next_working_day_on_or_after(d)[0]
        return cached

    def after(self, d: date, low: int, high: int) -> date:
        """A working day ``low``–``high`` days after ``d``, but never after today."""
        later = self.working_on_or_after(d + timedelta(days=self.d.between(low, high)))
        return later if later <= self.today else max(d, self.today)

    def deadline_end(self, kind: DeadlineKind, start: date, event: str
                     ) -> tuple[date, date, str]:
        """(due date, nominal end, explanation) of a deadline, cached per start date."""
        key = (kind, start, event)
        cached = self._deadline_cache.get(key)
        if cached is None:
            count, unit = self._periods[kind]
            if unit == "months":
                computed = self.calendar.add_months(start, count, event)
            else:
                computed = self.calendar.add_days(start, count, event)
            cached = (computed.result, computed.nominal_end,
                      "\n".join(computed.explanation_lines()))
            self._deadline_cache[key] = cached
        return cached

    def deadline(
        self, rows: _Rows, case_id: int, kind: DeadlineKind, start: date, event: str,
        closed_on: date | None = None, state: str | None = None,
    ) -> None:
        """Add a deadline row. Without ``closed_on`` it is open: running, or missed when its
        due date has passed (as the deadline services mark it); open ones are noted in
        ``self.running`` for ``cases.next_deadline``."""
        due, nominal, explanation = self.deadline_end(kind, start, event)
        if closed_on is None:
            state = _RUNNING if due >= self.today else _MISSED
            self.running.append(due)
        elif state is None:
            state = _MET if closed_on <= due else _MISSED
        count, unit = self._periods[kind]
        rows.deadlines.append({
            "id": self.ids.deadline, "case_id": case_id, "kind": kind.value, "state": state,
            "start_event": event, "start_on": start, "period_count": count,
            "period_unit": unit, "nominal_end_on": nominal, "due_on": due,
            "explanation": explanation, "suspended_on": None, "suspended_days": 0,
            "extended_reason": None, "closed_on": closed_on, "letter_id": None, "version": 1,
        })
        self.ids.deadline += 1

    def next_number(self, scope: str, year: int) -> int:
        key = (scope, year)
        number = self.numbers.get(key, 0) + 1
        self.numbers[key] = number
        self.used_scopes.add(key)
        return number

    # ----------------------------------------------------------------- dates and status
    def received(self, index: int) -> tuple[date, datetime]:
        """Received date and time of the ``index``-th case: non-decreasing in ``index``."""
        share = (index + self.d.random()) / self.total
        # Inverse of the distribution whose density grows linearly (1 + _GROWTH * x).
        x = (-1 + math.sqrt(1 + _GROWTH * (2 + _GROWTH) * share)) / _GROWTH
        position = min(x, 0.999999999) * len(self.days)
        day = int(position)
        minutes = int((position - day) * _OFFICE_MINUTES)
        return self.days[day], self.day_starts[day] + timedelta(minutes=minutes)

    def status(self, index: int, age: int) -> tuple[CaseKind, CaseStatus]:
        if self.uncovered and self.total - index <= len(self.uncovered):
            return self.uncovered.pop(0)
        kind = _IOK if self.d.chance(_IOK_SHARE) else _DEPOSIT
        table = next(t for limit, t in self.weights[kind] if limit is None or age <= limit)
        for pos, (pair_kind, pair_status) in enumerate(self.uncovered):
            if pair_kind == kind and pair_status in table.values:
                return self.uncovered.pop(pos)
        status: CaseStatus = table.draw(self.d)
        return kind, status

    # ----------------------------------------------------------------- people
    def first_name(self, female: bool) -> str:
        return self.d.one(pools.FEMALE_FIRST_NAMES if female else pools.MALE_FIRST_NAMES)

    def pesel(self, birth: date, female: bool) -> str:
        self._pesel_serial = (self._pesel_serial + 7919) % 5000
        return make_pesel(birth, female, self._pesel_serial)

    def applicant(self, received_on: date, pesel_share: float) -> _Applicant:
        d = self.d
        female = d.chance(0.56)
        last = d.one(pools.SURNAMES)
        oldest = _years_before(received_on, 88)
        span = (_years_before(received_on, 19) - oldest).days
        birth = oldest + timedelta(days=d.between(0, span))
        return _Applicant(self.first_name(female), _gendered(last, female), female, birth,
                          self.pesel(birth, female) if d.chance(pesel_share) else None)

    def email(self, person: _Applicant) -> str:
        d = self.d
        first = self.fold(person.first)
        last = self.fold(person.last).replace(" ", "").replace("-", "")
        style = d.between(0, 4)
        if style == 0:
            local = f"{first}.{last}"
        elif style == 1:
            local = f"{first[0]}{last}"
        elif style == 2:
            local = f"{first}.{last}{person.birth.year % 100:02d}"
        elif style == 3:
            local = f"{last}.{first}"
        else:
            local = f"{first}{last}{d.between(1, 999)}"
        return f"{local}@{d.one(pools.EMAIL_DOMAINS)}"

    def phone(self) -> str | None:
        d = self.d
        roll = d.random()
        if roll < 0.3:
            return None
        if roll < 0.38:  # a landline in Piekary (area code 32)
            return f"32 {d.one((287, 288, 289, 393))} {d.between(10, 99)} {d.between(10, 99)}"
        number = (f"{d.one('5678')}{d.between(0, 99):02d} {d.between(0, 999):03d} "
                  f"{d.between(0, 999):03d}")
        return f"+48 {number}" if roll > 0.9 else number

    def address(self, local_only: bool) -> tuple[str, str, str, str, str]:
        """(street, building, flat, postal code, city); a few live outside the city."""
        d = self.d
        if local_only or d.chance(0.94):
            street, top = d.one(pools.STREETS)
            postal, city = pools.POSTAL_CODE, pools.CITY
        else:
            city, postal, streets = d.one(pools.OTHER_TOWNS)
            street, top = d.one(streets), 40
        building = str(d.between(1, top))
        if d.chance(0.1):
            building += d.one("abc")
        flat = "" if d.chance(0.12) else str(d.between(1, 40))
        return street, building, flat, postal, city

    # ----------------------------------------------------------------- one case
    def case(self, index: int, rows: _Rows) -> None:
        d = self.d
        received_on, received_at = self.received(index)
        kind, status = self.status(index, (self.today - received_on).days)
        case_id = self.ids.case
        self.ids.case += 1
        self.running = []
        iok = kind == _IOK

        person = self.applicant(received_on, 0.85 if iok else 0.97)
        email = self.email(person) if iok or d.chance(0.35) else None
        phone = self.phone()
        street, building, flat, postal, city = self.address(local_only=iok)
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
        assignee = None if status == _S.REGISTERED and d.chance(0.4) else clerk

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
            "lease_concluded": None, "lease_ended_on": None, "anonymised_at": None,
            "version": 1,
        }
        if iok:
            attachments = self.iok_case(rows, case, status, channel)
            incoming_kind = IncomingKind.IOK_REQUEST
        else:
            attachments = self.deposit_case(rows, case, status, person)
            incoming_kind = IncomingKind.DEPOSIT_PETITION
        if self.running:
            case["next_deadline"] = min(self.running)
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

    # ----------------------------------------------------------------- IOK request
    def iok_case(self, rows: _Rows, case: Row, status: CaseStatus, channel: Channel) -> int:
        """Timeline of an IOK request; returns the number of attachments."""
        d = self.d
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
        if deficient:  # unsigned: summons, then completion or left without consideration
            summons = self.after(r, 1, 4)
            delivered = self.after(summons, 0, 8)
            if status == _S.AWAITING_COMPLETION:
                signed = handled = False
                self.deadline(rows, cid, target, r, _EV_FILED)
                self.deadline(rows, cid, DeadlineKind.DEFICIENCY, delivered, _EV_SUMMONS)
            elif left:
                signed = handled = False
                due = self.deadline_end(DeadlineKind.DEFICIENCY, delivered, _EV_SUMMONS)[0]
                left_on = self.after(due, 1, 10)
                self.deadline(rows, cid, DeadlineKind.DEFICIENCY, delivered, _EV_SUMMONS,
                              closed_on=left_on, state=_MISSED)
                self.deadline(rows, cid, target, r, _EV_FILED, closed_on=left_on,
                              state=_CANCELLED)
                case["settled_on"] = left_on
                case["settlement_remarks"] = (
                    "Wniosek pozostawiony bez rozpoznania – braki nie zostały usunięte.")
            else:
                ready = self.after(delivered, 1, 7)
                self.deadline(rows, cid, DeadlineKind.DEFICIENCY, delivered, _EV_SUMMONS,
                              closed_on=ready)
        if handled:
            if status == _S.REGISTERED:
                self.deadline(rows, cid, target, r, _EV_FILED)
            else:  # login data sent (and the case maybe closed afterwards)
                login_sent_on = self.after(ready, 0, 14)
                self.deadline(rows, cid, target, r, _EV_FILED, closed_on=login_sent_on)
                case["settled_on"] = login_sent_on
                case["settlement_remarks"] = "Dane logowania wysłane na adres e-mail z wniosku."
        rows.iok.append({
            "case_id": cid, "applicant_role": _TENANT if d.chance(0.85) else _OWNER,
            "contractor_number": str(d.between(100000, 999999)) if d.chance(0.6) else None,
            "e_invoice_consent": d.chance(0.62), "signed": signed,
            "filed_place": channel.value, "legacy_account": d.chance(0.08),
            "login_sent_on": login_sent_on, "version": 1,
        })
        return 0

    # ----------------------------------------------------------------- deposit petition
    def deposit_case(self, rows: _Rows, case: Row, status: CaseStatus,
                     person: _Applicant) -> int:
        """Timeline of a deposit petition; returns the number of attachments."""
        d = self.d
        r: date = case["received_on"]
        cid: int = case["id"]
        rent_grosze = d.between(30000, 150000)
        if d.chance(0.5):
            rent_grosze -= rent_grosze % 100
        rent = Decimal(rent_grosze).scaleb(-2)
        deposit = rent * 10
        count: int = self.instalment_counts.draw(d)
        rat = polish_plural(count, "ratę", "raty", "rat")
        case["subject"] = f"Prośba o rozłożenie kaucji zabezpieczającej na {count} {rat}"

        route = {
            _S.LEFT_WITHOUT_CONSIDERATION: "lwc", _S.REFUSAL: "refusal",
            _S.CONSENT: "consent", _S.AGREEMENT_SIGNED: "agreement",
        }.get(status, "open")
        if status == _S.CLOSED:
            route = self.closed_routes.draw(d)
        if status == _S.AWAITING_COMPLETION or route == "lwc":
            deficient = True
        else:
            deficient = d.chance(0.2 if status == _S.REGISTERED else 0.3)
        # Deficiencies not removed (yet): something is still missing from the file.
        pending = deficient and (status in (_S.AWAITING_COMPLETION, _S.REGISTERED)
                                 or route == "lwc")

        by_proxy = d.chance(0.12)
        relation: ProxyRelation | None = self.proxy_relations.draw(d) if by_proxy else None
        lack = d.one(_LACKS) if deficient else ""
        if lack in ("power", "stamp"):
            by_proxy = True
            if lack == "stamp" or relation is None:
                relation = _OTHER_PROXY

        complete_on: date | None = None
        if not deficient:
            complete_on = r
        elif status != _S.REGISTERED:  # (a registered one waits for its summons)
            summons = self.after(r, 1, 5)
            delivered = self.after(summons, 1, 9)
            if status == _S.AWAITING_COMPLETION:
                self.deadline(rows, cid, DeadlineKind.DEFICIENCY, delivered, _EV_SUMMONS)
            elif route == "lwc":
                due = self.deadline_end(DeadlineKind.DEFICIENCY, delivered, _EV_SUMMONS)[0]
                left_on = self.after(due, 1, 12)
                self.deadline(rows, cid, DeadlineKind.DEFICIENCY, delivered, _EV_SUMMONS,
                              closed_on=left_on, state=_MISSED)
                case["settled_on"] = left_on
                case["settlement_remarks"] = (
                    "Prośbę pozostawiono bez rozpoznania – braki formalne nie zostały usunięte.")
                case["lease_concluded"] = False
            else:
                complete_on = self.after(delivered, 1, 7)
                self.deadline(rows, cid, DeadlineKind.DEFICIENCY, delivered, _EV_SUMMONS,
                              closed_on=complete_on)
        if complete_on is not None:
            case["complete_on"] = complete_on
            event = _EV_REMOVED if deficient else _EV_COMPLETE
            if status in (_S.REGISTERED, _S.IN_PROGRESS):
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
                        f"Zgoda; umowa o rozłożenie kaucji na {count} {rat} zawarta "
                        f"{format_date_pl(signed_on)}.")
                    case["lease_concluded"] = True
                    if status == _S.CLOSED and d.chance(0.03):
                        case["lease_ended_on"] = self.after(signed_on, 180, 900)

        statement_missing = pending and lack == "statement"
        if not statement_missing:
            self.statement(rows, cid, complete_on or r, person)
        proxy_name = None
        if by_proxy:
            proxy_female = d.chance(0.5)
            family = person.last if relation != _OTHER_PROXY else d.one(pools.SURNAMES)
            proxy_name = f"{self.first_name(proxy_female)} {_gendered(family, proxy_female)}"
        has_power = by_proxy and not (pending and lack == "power")
        stamp_paid = by_proxy and relation == _OTHER_PROXY and not (pending and lack == "stamp")
        p_street, p_building, p_flat, p_postal, p_city = self.address(local_only=True)
        p_house = f"{p_building}/{p_flat}" if p_flat else p_building
        rows.deposit.append({
            "case_id": cid, "monthly_rent": rent, "deposit_amount": deposit,
            "instalments_requested": count,
            "justification": (pools.JUSTIFICATION_DEFICIENT if statement_missing
                              else d.one(pools.DEPOSIT_JUSTIFICATIONS)),
            "has_petition_form": True, "has_property_statement": not statement_missing,
            "by_proxy": by_proxy, "proxy_name": proxy_name,
            "proxy_relation": relation.value if relation else None,
            "has_power_of_attorney": has_power, "principal_exempt": False,
            "stamp_duty_paid": stamp_paid,
            "premises_address": f"ul. {p_street} {p_house}, {p_postal} {p_city}",
            "version": 1,
        })
        return int(not statement_missing) + int(has_power) + int(stamp_paid)

    def agreement(self, rows: _Rows, case_id: int, deposit: Decimal, count: int,
                  signed_on: date) -> None:
        """The instalment agreement: first instalment on the 10th of the next month."""
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
            "created_at": datetime.combine(signed_on, time(10), OFFICE_TZ).astimezone(UTC),
            "version": 1,
        })
        for number, (due, amount) in enumerate(
                zip(dues, split_amount(deposit, count), strict=True), start=1):
            rows.instalments.append({"agreement_id": agreement_id, "number": number,
                                     "due_on": due, "amount": amount})

    # ----------------------------------------------------------------- property statement
    def statement(self, rows: _Rows, case_id: int, signed_on: date, person: _Applicant
                  ) -> None:
        """The property statement with 1–4 household members (the applicant first)."""
        d = self.d
        rows.statements.append({
            "case_id": case_id, "signed_on": signed_on,
            "real_estate": d.one(pools.REAL_ESTATE) if d.chance(0.08) else "",
            "vehicles": d.one(pools.VEHICLES) if d.chance(0.35) else "",
            "savings": Decimal(d.between(0, 200) * 100 if d.chance(0.45) else 0),
            "debts": Decimal(d.between(0, 300) * 50 if d.chance(0.3) else 0),
            "remarks": d.one(pools.STATEMENT_REMARKS), "version": 1,
        })
        size: int = self.household_sizes.draw(d)
        relation = "wnioskodawczyni" if person.female else "wnioskodawca"
        self.member(rows, case_id, person.first, person.last, relation, person.pesel)
        if size >= 2:
            if d.chance(0.6):
                female = not person.female
                family = person.last if d.chance(0.85) else d.one(pools.SURNAMES)
                birth = person.birth + timedelta(days=d.between(-2500, 2500))
                relation = "żona" if female else "mąż"
            else:
                female = d.chance(0.7)
                family = person.last
                birth = _years_before(person.birth, d.between(19, 35))
                relation = "matka" if female else "ojciec"
            pesel = self.pesel(birth, female) if d.chance(0.75) else None
            self.member(rows, case_id, self.first_name(female), _gendered(family, female),
                        relation, pesel)
        for _ in range(size - 2):
            female = d.chance(0.5)
            birth = signed_on - timedelta(days=d.between(200, 6400))
            allowance = 800 if signed_on.year >= 2024 else 500
            rows.members.append({
                "id": self.ids.member, "case_id": case_id,
                "full_name": f"{self.first_name(female)} {_gendered(person.last, female)}",
                "relation": "córka" if female else "syn",
                "pesel": self.pesel(birth, female) if d.chance(0.9) else None,
                "monthly_income": Decimal(allowance),
                "income_source": f"świadczenie wychowawcze {allowance}+",
            })
            self.ids.member += 1

    def member(self, rows: _Rows, case_id: int, first: str, last: str, relation: str,
               pesel: str | None) -> None:
        d = self.d
        if d.chance(0.12):
            source, income = pools.NO_INCOME, Decimal(0)
        else:
            source, low, high = d.one(pools.INCOME_SOURCES)
            income = Decimal(d.between(low * 100, high * 100)).scaleb(-2)
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


# --------------------------------------------------------------------- writing rows
_Job = Callable[[Connection], None]


class _Writer:
    """Turns batches of row dicts into insert jobs, converting values with the columns' own
    SQLAlchemy bind processors.

    :meth:`prepare` does the Python work and touches no connection, so it can run in the
    generator thread; the job it returns does the database work on the loading connection.

    SQLite: multi-row ``INSERT … VALUES (…), (…)`` statements; one statement per row would
    make the FTS5 index behind ``cases.search_text`` flush after every row, ten times slower.
    PostgreSQL (psycopg): ``COPY … FROM STDIN`` on the session's own connection, twice as
    fast as Core's multi-row ``INSERT`` pages. Any other back-end: Core ``insert(table)``.
    """

    def __init__(self, conn: Connection) -> None:
        self.dialect = conn.dialect
        self._plans: dict[str, _TablePlan] = {}

    def prepare(self, table: Table, rows: list[Row]) -> _Job:
        plan = self._plans.get(table.name)
        if plan is None:
            if self.dialect.name == "sqlite":
                plan = _SqliteInsertPlan(table, self.dialect)
            elif self.dialect.name == "postgresql" and self.dialect.driver == "psycopg":
                plan = _PostgresCopyPlan(table, self.dialect)
            else:
                plan = _TablePlan(table, self.dialect)
            self._plans[table.name] = plan
        return plan.prepare(rows)


def _python_type(type_: Any) -> type | None:
    try:
        return cast(type, type_.python_type)
    except NotImplementedError:
        return None


class _TablePlan:
    """How to insert the rows of one table; the base class uses a Core ``insert``."""

    def __init__(self, table: Table, dialect: Dialect) -> None:
        self.table = table
        self.columns = [c.name for c in table.columns]
        self.getter = itemgetter(*self.columns)
        self.processors: list[tuple[int, Callable[[Any], Any], dict[Any, Any] | None]] = []
        for index, column in enumerate(table.columns):
            processor = column.type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                # Dates repeat a lot: remember their converted form.
                cache: dict[Any, Any] | None = (
                    {} if _python_type(column.type) is date else None)
                self.processors.append((index, processor, cache))

    def values(self, row: Row) -> list[Any]:
        """The row's values in column order, as the driver gets them."""
        values = list(self.getter(row))
        for index, processor, cache in self.processors:
            value = values[index]
            if value is None:
                continue
            if cache is None:
                values[index] = processor(value)
            else:
                converted = cache.get(value)
                if converted is None:
                    converted = cache[value] = processor(value)
                values[index] = converted
        return values

    def prepare(self, rows: list[Row]) -> _Job:
        table = self.table

        def run(conn: Connection) -> None:
            conn.execute(insert(table), rows)

        return run


class _SqliteInsertPlan(_TablePlan):
    ROWS_PER_STATEMENT = 200
    MAX_VARIABLES = 32_000

    def __init__(self, table: Table, dialect: Dialect) -> None:
        super().__init__(table, dialect)
        self.per_statement = min(self.ROWS_PER_STATEMENT, self.MAX_VARIABLES // len(self.columns))
        self.prefix = f"INSERT INTO {table.name} ({', '.join(self.columns)}) VALUES "
        self.one = "(" + ", ".join("?" * len(self.columns)) + ")"
        self.full_sql = self.prefix + ", ".join([self.one] * self.per_statement)

    def prepare(self, rows: list[Row]) -> _Job:
        flat: list[Any] = []
        for row in rows:
            flat.extend(self.values(row))
        step = self.per_statement * len(self.columns)
        full = len(rows) // self.per_statement
        chunks = [tuple(flat[k * step:(k + 1) * step]) for k in range(full)]
        rest_sql = self.prefix + ", ".join([self.one] * (len(rows) - full * self.per_statement))
        rest = tuple(flat[full * step:])
        full_sql = self.full_sql

        def run(conn: Connection) -> None:
            if chunks:
                conn.exec_driver_sql(full_sql, chunks)
            if rest:
                conn.exec_driver_sql(rest_sql, rest)

        return run


class _PostgresCopyPlan(_TablePlan):
    def __init__(self, table: Table, dialect: Dialect) -> None:
        super().__init__(table, dialect)
        self.sql = f"COPY {table.name} ({', '.join(self.columns)}) FROM STDIN"

    def prepare(self, rows: list[Row]) -> _Job:
        values = [self.values(row) for row in rows]
        sql = self.sql

        def run(conn: Connection) -> None:
            driver_connection: Any = conn.connection.driver_connection
            with driver_connection.cursor() as cursor, cursor.copy(sql) as copy:
                for row in values:
                    copy.write_row(row)

        return run


def _jobs(generator: _Generator, writer: _Writer, cases: int
          ) -> Iterator[tuple[int, list[_Job]]]:
    """(cases done, insert jobs) per batch of :data:`BATCH_CASES` cases."""
    for start in range(0, cases, BATCH_CASES):
        end = min(cases, start + BATCH_CASES)
        rows = _Rows()
        for index in range(start, end):
            generator.case(index, rows)
        yield end, [writer.prepare(table, batch) for table, batch in rows.tables() if batch]


_T = TypeVar("_T")


@contextmanager
def _ahead(items: Iterator[_T], depth: int = 2) -> Iterator[Iterator[_T]]:
    """Iterate ``items`` in a worker thread, at most ``depth`` items ahead of the consumer.

    The next batch is generated while the database works on this one (SQLite and psycopg
    release the GIL while they wait). Memory stays bounded by ``depth``; an exception in
    the worker is raised in the consumer; leaving the block early stops the worker.
    """
    box: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(entry: tuple[str, Any]) -> bool:
        while not stop.is_set():
            try:
                box.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def work() -> None:
        try:
            for item in items:
                if not put(("item", item)):
                    return
            put(("end", None))
        except BaseException as exc:  # handed over to the consumer
            put(("error", exc))

    def consume() -> Iterator[_T]:
        while True:
            tag, value = box.get()
            if tag == "end":
                return
            if tag == "error":
                raise value
            yield value

    worker = threading.Thread(target=work, name="demo-data", daemon=True)
    worker.start()
    try:
        yield consume()
    finally:
        stop.set()
        worker.join()


# --------------------------------------------------------------------- database side
_PG_LOCKED_TABLES = (
    "cases", "incoming_items", "iok_requests", "deposit_petitions",
    "property_statements", "household_members", "instalment_agreements", "instalments",
    "deadlines", "number_sequences",
)
_KEYED_TABLES = ("cases", "incoming_items", "deadlines", "household_members",
                 "instalment_agreements")


def _first_free_ids(conn: Connection) -> _Ids:
    postgres = conn.dialect.name == "postgresql"
    values = []
    for table in _KEYED_TABLES:
        top = int(conn.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar_one())
        if postgres:
            seq = conn.execute(text(f"SELECT pg_get_serial_sequence('{table}', 'id')")).scalar()
            if seq:  # never hand out an id the sequence already gave (rolled back inserts)
                last, called = conn.execute(
                    text(f"SELECT last_value, is_called FROM {seq}")).one()
                top = max(top, int(last) if called else int(last) - 1)
        values.append(top + 1)
    return _Ids(*values)


def _sync_pg_sequences(conn: Connection) -> None:
    """After inserting explicit ids, move each serial sequence to the highest id."""
    for table in _KEYED_TABLES:
        conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} "
            "HAVING max(id) IS NOT NULL"))


def _current_numbers(conn: Connection
                     ) -> tuple[dict[tuple[str, int], int], set[tuple[str, int]]]:
    """Highest number used per (scope, year), from the sequences and the tables themselves;
    and the (scope, year) pairs that have a sequence row."""
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
    seq = _table(NumberSequence)
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
    conn.exec_driver_sql("PRAGMA cache_size=-131072")  # 128 MiB
    try:
        yield
    finally:
        # After a failure the connection may be unusable until the rollback; the error
        # that got us here matters more than the cache size.
        if not conn.invalidated:
            with suppress(SQLAlchemyError):
                conn.exec_driver_sql(f"PRAGMA cache_size={int(old)}")


def _ensure_settings(work: Work) -> OfficeSettings:
    if work.session.get(Setting, SETTINGS_KEY) is None:
        write_settings(work, OfficeSettings(deposit_bank_account=DEMO_NRB,
                                            signatory_name="Grażyna Szołtysek"))
    return read_settings(work.session)


def _ensure_users(work: Work, with_admin: bool) -> tuple[_Staff, list[str]]:
    """The demo accounts (existing ones are reused); returns them and the names created.

    Argon2 is slow on purpose, so one hash of the demo password serves all new accounts.
    """
    session = work.session
    wanted = ([pools.DEMO_ADMIN] if with_admin else []) + list(pools.DEMO_USERS)
    names = [username for username, _, _ in wanted]
    users = {u.username: u for u in session.scalars(select(User).where(
        User.username.in_(names)))}
    password_hash: str | None = None
    created: list[str] = []
    for username, full_name, role in wanted:
        if username not in users:
            password_hash = password_hash or hash_password(DEMO_PASSWORD)
            users[username] = User(
                username=username, full_name=full_name, role=role,
                password_hash=password_hash, active=True, failed_attempts=0,
                must_change_password=False, created_at=work.now)
            session.add(users[username])
            created.append(username)
    session.flush()
    staff = _Staff(
        counters=[users[n].id for n, _, role in wanted if role == Role.COUNTER.value],
        clerks=[users[n].id for n, _, role in wanted if role == Role.CLERK.value],
        logins=[(n, DEMO_PASSWORD) for n in names],
    )
    return staff, created


def _validate_count(cases: int) -> None:
    if isinstance(cases, bool) or not isinstance(cases, int) or cases < 1:
        raise field_error("Liczba spraw",
                          "Liczba spraw musi być liczbą całkowitą większą od zera.")
    if cases > MAX_CASES:
        raise field_error("Liczba spraw",
                          f"Można wygenerować najwyżej {MAX_CASES:_} spraw.".replace("_", " "))


def generate_demo_data(
    ctx: AppContext,
    actor: Actor | None,
    cases: int,
    seed: int = 1,
    progress: ProgressCallback | None = None,
) -> DemoSummary:
    """Add ``cases`` synthetic cases (with their register entries, details, deadlines,
    property statements and agreements) and the demo staff, in one transaction.

    ``actor`` must be an administrator; ``None`` is the command line, which holds the
    database itself. Existing data is kept and numbering continues after it. ``progress``
    is called with (cases done, cases in all) after each batch.
    """
    _validate_count(cases)
    permission = Permission.MANAGE_USERS if actor is not None else None
    with unit_of_work(ctx, actor, permission) as work:
        if work.actor is not None and not role_can(work.actor.role, Permission.MANAGE_SETTINGS):
            raise PermissionDenied("Dane demonstracyjne może wygenerować tylko administrator.")
        conn = work.session.connection()
        postgres = conn.dialect.name == "postgresql"
        if postgres:  # explicit ids and numbers: keep other writers out until commit
            conn.exec_driver_sql(
                f"LOCK TABLE {', '.join(_PG_LOCKED_TABLES)} IN SHARE ROW EXCLUSIVE MODE")
        settings = _ensure_settings(work)
        has_admin = work.session.scalar(select(func.count()).select_from(User).where(
            User.role == Role.ADMIN.value, User.active.is_(True)))
        staff, created_users = _ensure_users(work, with_admin=not has_admin)
        calendar = calendar_for(work.session)  # with the admin's one-off days off
        numbers, stored = _current_numbers(conn)
        ids = _first_free_ids(conn)
        first_case_id = ids.case
        generator = _Generator(random.Random(seed), settings, calendar, staff, ctx.today(),
                               cases, ids, numbers)
        if progress:
            progress(0, cases)
        with _bulk_load_pragmas(conn), _ahead(_jobs(generator, _Writer(conn), cases)) as jobs:
            for done, batch_jobs in jobs:
                for job in batch_jobs:
                    job(conn)
                if progress:
                    progress(done, cases)
        _store_numbers(conn, generator.numbers, generator.used_scopes, stored)
        if postgres:
            _sync_pg_sequences(conn)
            # Fresh planner statistics, so the case list is fast right after the load.
            conn.exec_driver_sql(f"ANALYZE {', '.join(_PG_LOCKED_TABLES)}")
        work.audit("demo_data", seed, "generate", {
            "cases": cases, "incoming_items": cases, "seed": seed,
            "case_ids": [first_case_id, generator.ids.case - 1],
            "users_created": created_users, "today": ctx.today().isoformat(),
        })
    return DemoSummary(cases=cases, incoming_items=cases, users=staff.logins)
