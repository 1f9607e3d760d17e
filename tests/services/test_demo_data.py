"""Demo data generator: realistic, consistent, deterministic, numbering continues after it."""

from __future__ import annotations

import random
import threading
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Table, func, insert, select

from clerk_app.demo import (
    DEMO_NRB,
    DEMO_PASSWORD,
    DemoSummary,
    generate_demo_data,
    make_pesel,
    pipeline,
    pools,
    reachable_statuses,
)
from clerk_app.demo.case_rows import CaseBuilder
from clerk_app.demo.rows import Rows
from clerk_app.demo.writers import SqliteInsertPlan
from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import CaseKind, CaseStatus, DeadlineKind, DeadlineState, PeriodUnit
from clerk_app.domain.deadline_rules import Period
from clerk_app.domain.deadline_value import DeadlineValue, Suspension
from clerk_app.domain.roles import Role
from clerk_app.domain.signatures import format_register_number, format_signature
from clerk_app.domain.text import fold_for_search, format_date_pl
from clerk_app.domain.validators import (
    pesel_birth_date,
    validate_email,
    validate_pesel,
    validate_phone,
    validate_postal_code,
)
from clerk_app.persistence.database import Database
from clerk_app.persistence.models import (
    AuditEntry,
    Case,
    Deadline,
    DeadlineRedating,
    DeadlineSuspension,
    DepositDecision,
    DepositPetition,
    HouseholdIncome,
    HouseholdMember,
    IncomingItem,
    Instalment,
    InstalmentAgreement,
    IokRequest,
    Letter,
    NumberSequence,
    PropertyStatement,
    Setting,
    User,
)
from clerk_app.services.admin.bootstrap import create_first_admin
from clerk_app.services.admin.passwords import verify_password
from clerk_app.services.admin.settings import OfficeSettings, load_settings
from clerk_app.services.admin.users import NewUser
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied, ValidationFailed
from clerk_app.services.core.numbering import allocate_register_number, allocate_signature
from clerk_app.services.intake.registration import case_search_text
from clerk_app.services.intake.types import SenderInput
from tests import dbsupport
from tests.conftest import TEST_NRB, TEST_PASSWORD, FakeClock

N = 300
SEED = 6  # (a 300-case demo of this seed has open deadlines of every state)
OPEN_STATES = ("running", "missed", "suspended")
_S = CaseStatus


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Several batches and several multi-row statements per batch, even with 300 cases."""
    monkeypatch.setattr(pipeline, "BATCH_CASES", 120)
    monkeypatch.setattr(SqliteInsertPlan, "ROWS_PER_STATEMENT", 50)


@pytest.fixture
def demo(ctx: AppContext, admin: Actor) -> DemoSummary:
    return generate_demo_data(ctx, admin, N, seed=SEED)


def _rows(db: Database, model: Any, order: Sequence[str] = ("id",)) -> list[dict[str, Any]]:
    table: Table = model.__table__
    with db.read() as session:
        query = select(table).order_by(*(table.c[name] for name in order))
        return [dict(row) for row in session.execute(query).mappings()]


def _by_case(rows: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row["case_id"]].append(row)
    return grouped


# --------------------------------------------------------------------------- pure parts
def test_reachable_statuses() -> None:
    assert set(reachable_statuses(CaseKind.IOK)) == {
        _S.REGISTERED, _S.AWAITING_COMPLETION, _S.LOGIN_SENT, _S.CLOSED}  # no KPA ending
    assert set(reachable_statuses(CaseKind.DEPOSIT)) == set(CaseStatus) - {_S.LOGIN_SENT}


def test_make_pesel_is_valid_and_encodes_birth_date_and_sex() -> None:
    rnd = random.Random(3)
    for _ in range(3000):
        birth = date(1890, 1, 1) + timedelta(days=rnd.randrange(60_000))
        female = rnd.random() < 0.5
        pesel = make_pesel(birth, female, rnd.randrange(5000))
        assert validate_pesel(pesel) == pesel
        assert pesel_birth_date(pesel) == birth
        assert (int(pesel[9]) % 2 == 0) is female


@pytest.mark.parametrize("masculine, feminine", [
    ("Kowalski", "Kowalska"), ("Nowicki", "Nowicka"), ("Zawadzki", "Zawadzka"),
    ("Szczęsny", "Szczęsna"), ("Nowak", "Nowak"), ("Wójcik", "Wójcik"), ("Duda", "Duda"),
])
def test_feminine_surnames(masculine: str, feminine: str) -> None:
    assert pools.feminine_surname(masculine) == feminine


# --------------------------------------------------------------------------- generated data
def test_both_kinds_in_every_reachable_status(ctx: AppContext, demo: DemoSummary) -> None:
    cases = _rows(ctx.db, Case)
    assert demo.cases == N == len(cases)
    pairs = {(CaseKind(c["kind"]), CaseStatus(c["status"])) for c in cases}
    assert pairs == {(k, s) for k in CaseKind for s in reachable_statuses(k)}
    kinds = Counter(c["kind"] for c in cases)
    assert kinds["iok"] > 0.4 * N and kinds["deposit"] > 0.25 * N
    # Mostly settled history, a realistic minority of open cases.
    assert 0.5 * N < sum(c["status"] == "closed" for c in cases) < 0.95 * N


def test_applicants_look_real(ctx: AppContext, demo: DemoSummary) -> None:
    cases = _rows(ctx.db, Case)
    with_pesel = [c for c in cases if c["applicant_pesel"]]
    assert len(with_pesel) > 0.8 * N
    female_surnames = ("ski", "cki", "dzki")
    for c in cases:
        first, last = c["applicant_first_name"], c["applicant_last_name"]
        female = first in pools.FEMALE_FIRST_NAMES
        assert female or first in pools.MALE_FIRST_NAMES
        if female:
            assert not last.endswith(female_surnames)
        else:
            assert not last.endswith(("ska", "cka", "dzka"))
        if c["applicant_pesel"]:
            assert validate_pesel(c["applicant_pesel"]) == c["applicant_pesel"]
            assert (int(c["applicant_pesel"][9]) % 2 == 0) is female
            born = pesel_birth_date(c["applicant_pesel"])
            assert (c["received_on"] - born).days > 18 * 365  # adults
        if c["kind"] == "iok":
            assert c["applicant_email"]  # the login data goes there
        if c["applicant_email"]:
            assert validate_email(c["applicant_email"]) == c["applicant_email"]
        if c["applicant_phone"]:
            assert validate_phone(c["applicant_phone"]) == c["applicant_phone"]
        assert validate_postal_code(c["postal_code"]) == c["postal_code"]
        assert c["building"] and c["street"]
    assert sum(c["applicant_email"] is None for c in cases) > 0
    local = [c for c in cases if c["city"] == "Piekary Śląskie"]
    assert len(local) > 0.9 * N
    streets = {name for name, _ in pools.STREETS}
    assert all(c["street"] in streets and c["postal_code"] == "41-940" for c in local)
    # Both genders and Polish letters in the data.
    assert {int(c["applicant_pesel"][9]) % 2 for c in with_pesel} == {0, 1}
    assert any(not c["applicant_last_name"].isascii() for c in cases)
    assert any(not c["applicant_first_name"].isascii() for c in cases)


def test_search_text_sort_key_and_signatures(ctx: AppContext, demo: DemoSummary) -> None:
    settings = load_settings(ctx)
    for c in _rows(ctx.db, Case):
        parts = [c["signature"], c["applicant_first_name"], c["applicant_last_name"],
                 c["street"], c["building"], c["flat"], c["city"], c["applicant_pesel"] or "",
                 c["applicant_email"] or ""]
        assert c["search_text"] == fold_for_search(" ".join(p for p in parts if p))
        sender = SenderInput(
            first_name=c["applicant_first_name"], last_name=c["applicant_last_name"],
            pesel=c["applicant_pesel"], street=c["street"], building=c["building"],
            flat=c["flat"], postal_code=c["postal_code"], city=c["city"],
            email=c["applicant_email"])
        assert c["search_text"] == case_search_text(c["signature"], sender)  # as intake does
        assert c["search_text"].isascii() and c["search_text"] == c["search_text"].lower()
        assert c["applicant_sort"] == fold_for_search(
            f"{c['applicant_last_name']} {c['applicant_first_name']}")
        assert c["signature"] == format_signature(
            settings.signature_pattern, c["unit_symbol"], c["jrwa_class"], c["number"],
            c["year"])
        assert (c["unit_symbol"], c["jrwa_class"]) == settings.unit_and_class(
            CaseKind(c["kind"]))
        assert c["year"] == c["received_on"].year


def test_money_agreements_and_instalments(ctx: AppContext, demo: DemoSummary) -> None:
    cases = {c["id"]: c for c in _rows(ctx.db, Case)}
    petitions = _rows(ctx.db, DepositPetition, ("case_id",))
    assert len(petitions) == sum(c["kind"] == "deposit" for c in cases.values())
    for p in petitions:
        rent = p["monthly_rent"]
        assert isinstance(rent, Decimal)
        assert Decimal("300.00") <= rent <= Decimal("1500.00")
        assert p["deposit_amount"] == rent * 10
        assert 2 <= p["instalments_requested"] <= 10
        if p["by_proxy"]:
            assert p["proxy_name"] and p["proxy_relation"]
    agreements = _rows(ctx.db, InstalmentAgreement)
    instalments = defaultdict(list)
    for row in _rows(ctx.db, Instalment, ("agreement_id", "number")):
        instalments[row["agreement_id"]].append(row)
    petition_of = {p["case_id"]: p for p in petitions}
    calendar = LegalCalendar()
    signed = {a["case_id"] for a in agreements if a["signed_on"] is not None}
    prepared = {a["case_id"] for a in agreements if a["signed_on"] is None}
    for case in cases.values():
        expected = case["status"] == "agreement_signed" or (
            case["status"] == "closed" and case["lease_concluded"] is True)
        assert (case["id"] in signed) is expected
        if case["id"] in prepared:  # prepared after the consent, not signed yet
            assert case["status"] == "consent"
    assert signed and prepared
    for a in agreements:
        petition = petition_of[a["case_id"]]
        schedule = instalments[a["id"]]
        assert a["deposit_amount"] == petition["deposit_amount"]
        assert a["instalment_count"] == len(schedule) == petition["instalments_requested"]
        assert [i["number"] for i in schedule] == list(range(1, len(schedule) + 1))
        assert sum(i["amount"] for i in schedule) == a["deposit_amount"]
        assert len({i["amount"] for i in schedule[1:]}) <= 1  # equal but the first
        assert all(calendar.is_working_day(i["due_on"]) for i in schedule)
        assert schedule[0]["due_on"] == a["first_due_on"] > (a["signed_on"] or date.min)
        assert a["bank_account"] == TEST_NRB  # from the office settings


def test_deadlines_follow_the_calendar_and_set_next_deadline(
        ctx: AppContext, demo: DemoSummary, clock: FakeClock) -> None:
    today = clock.current.astimezone(OFFICE_TZ).date()
    calendar = LegalCalendar()
    cases = _rows(ctx.db, Case)
    deadlines = _by_case(_rows(ctx.db, Deadline))
    pending_summons = {c["id"]: False for c in cases}
    for letter in _rows(ctx.db, Letter):
        if letter["kind"] == "summons" and letter["delivery_status"] == "pending":
            pending_summons[letter["case_id"]] = True
    suspensions: dict[int, list[Suspension]] = defaultdict(list)
    for s in _rows(ctx.db, DeadlineSuspension):
        suspensions[s["deadline_id"]].append(Suspension(s["start_on"], s["end_on"]))
    assert sum(map(len, deadlines.values())) >= N
    for case in cases:
        rows = deadlines[case["id"]]
        open_rows = [d for d in rows if d["closed_on"] is None]
        assert all(d["state"] in OPEN_STATES for d in open_rows)
        assert all(d["state"] != "running" or d["closed_on"] is None for d in rows)
        expected = min((d["due_on"] for d in open_rows if d["state"] != "suspended"),
                       default=None)
        assert case["next_deadline"] == expected, case["signature"]
        open_kinds = {d["kind"] for d in open_rows}
        status, kind = case["status"], case["kind"]
        if status == "awaiting_completion" and kind == "iok":  # ZGM's reply period
            assert "iok_reply" in open_kinds
        elif status == "awaiting_completion":  # or its summons waits for delivery
            assert "deficiency" in open_kinds or pending_summons[case["id"]]
        if kind == "deposit" and status == "in_progress":
            assert open_kinds in ({"decision"}, {"delay_new_date"})
        if kind == "iok" and status in ("registered", "awaiting_completion"):
            assert "iok_target" in open_kinds
        if status in ("closed", "login_sent", "refusal", "consent", "agreement_signed",
                      "left_without_consideration"):
            assert not open_rows
        for d in rows:
            # The row holds a deadline's structure: the value computes the same dates.
            value = DeadlineValue(
                kind=DeadlineKind(d["kind"]), state=DeadlineState(d["state"]),
                start_event=CaseEvent(d["start_event"]), start_on=d["start_on"],
                period=Period(d["period_count"], PeriodUnit(d["period_unit"])),
                suspensions=tuple(suspensions[d["id"]]))
            due = value.due(calendar)
            if d["state"] == "suspended":
                assert due is None and d["due_on"] is None and value.open_suspension
                assert kind == "iok" and status == "awaiting_completion"
                assert "wstrzymany" in value.explanation(calendar)[-1]
            else:
                assert due is not None
                assert (d["nominal_end_on"], d["due_on"]) == (due.nominal_end, due.result)
                assert f"Termin upływa: {format_date_pl(d['due_on'])}" in value.explanation(
                    calendar)
            assert d["start_on"] >= case["received_on"]
            if d["closed_on"] is not None:
                assert d["closed_on"] <= today
            elif d["due_on"] is not None:
                assert d["state"] == ("running" if d["due_on"] >= today else "missed")
            if value.kind is DeadlineKind.DELAY_NEW_DATE:  # the date the notice set
                assert d["period_unit"] == "date" and d["reference"] and d["letter_id"]
                continue
            expected_period = {DeadlineKind.DEFICIENCY: (7, "days"),
                               DeadlineKind.DECISION: (1, "months"),
                               DeadlineKind.IOK_TARGET: (14, "days"),
                               DeadlineKind.IOK_REPLY: (14, "days")}[value.kind]
            assert (d["period_count"], d["period_unit"]) == expected_period
    states = Counter(d["state"] for rows in deadlines.values() for d in rows)
    assert states["running"] and states["met"] and states["missed"]


def test_dates_registers_and_numbers(ctx: AppContext, demo: DemoSummary,
                                     clock: FakeClock) -> None:
    today = clock.current.astimezone(OFFICE_TZ).date()
    cases = _rows(ctx.db, Case)
    items = _rows(ctx.db, IncomingItem)
    assert len(items) == demo.incoming_items == N
    assert sorted(i["case_id"] for i in items) == sorted(c["id"] for c in cases)
    received = [c["received_on"] for c in cases]
    assert min(received) >= date(today.year - 4, today.month, today.day) - timedelta(days=1)
    assert max(received) <= today
    assert len({r.year for r in received}) >= 4
    calendar = LegalCalendar()
    assert all(calendar.is_working_day(r) for r in received)
    case_of = {c["id"]: c for c in cases}
    for item in items:
        case = case_of[item["case_id"]]
        assert item["received_at"].astimezone(OFFICE_TZ).date() == case["received_on"]
        assert item["entry_number"] == format_register_number(
            "{number}/{year}", item["register_number"], item["register_year"])
        assert item["assigned_to_id"] == case["assignee_id"]
        assert item["subject"] == case["subject"]
    # Numbers follow the dates and run from 1 without gaps, per scope and year.
    in_order = sorted(items, key=lambda i: (i["received_at"], i["id"]))
    assert [i["id"] for i in in_order] == [i["id"] for i in items]
    for year in {i["register_year"] for i in items}:
        numbers = [i["register_number"] for i in items if i["register_year"] == year]
        assert numbers == list(range(1, len(numbers) + 1))
    scopes: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    for c in cases:
        scopes[(c["unit_symbol"], c["jrwa_class"], c["year"])].append(c["number"])
    for numbers in scopes.values():
        assert numbers == list(range(1, len(numbers) + 1))
    sequences = {(s["scope"], s["year"]): s["last_number"]
                 for s in _rows(ctx.db, NumberSequence, ("scope", "year"))}
    assert sequences == {
        **{(f"case:{u}:{j}", y): len(n) for (u, j, y), n in scopes.items()},
        **{("incoming-register", y): sum(i["register_year"] == y for i in items)
           for y in {i["register_year"] for i in items}},
        **{("letter", y): n for y, n in Counter(
            letter["dated_on"].year for letter in _rows(ctx.db, Letter)).items()},
    }


def test_numbering_and_ids_continue_after_the_demo(ctx: AppContext, admin: Actor,
                                                   demo: DemoSummary,
                                                   clock: FakeClock) -> None:
    year = clock.current.astimezone(OFFICE_TZ).date().year
    settings = load_settings(ctx)
    with ctx.db.read() as s:
        top = dict(s.execute(select(Case.kind, func.max(Case.number))
                             .where(Case.year == year).group_by(Case.kind)).all())
        top_register = int(s.scalar(select(func.max(IncomingItem.register_number))
                                    .where(IncomingItem.register_year == year)) or 0)
        top_deadline = int(s.scalar(select(func.max(Deadline.id))) or 0)
        first_case = s.scalar(select(func.min(Case.id)))
    with ctx.db.transaction() as s:
        for kind in CaseKind:
            assert allocate_signature(s, settings, kind, year).number == top[kind.value] + 1
        assert allocate_register_number(s, settings, year)[0] == top_register + 1
        # Explicit ids did not leave an autoincrement (PostgreSQL sequence) behind.
        new_id = s.execute(insert(Deadline).values(
            case_id=first_case, kind="decision", state="cancelled", start_event="test",
            start_on=date(2026, 3, 2), period_count=1, period_unit="months",
            nominal_end_on=date(2026, 4, 2), due_on=date(2026, 4, 2),
            version=1).returning(Deadline.id)).scalar_one()
        assert new_id == top_deadline + 1

    # A second load continues after the number the allocator just handed out.
    generate_demo_data(ctx, admin, 40, seed=SEED + 1)
    cases = _rows(ctx.db, Case)
    assert len(cases) == N + 40
    assert len({c["signature"] for c in cases}) == N + 40
    second = cases[N:]
    assert min(c["id"] for c in second) == max(c["id"] for c in cases[:N]) + 1
    for kind in CaseKind:
        this_year = [c["number"] for c in second if c["kind"] == kind.value and c["year"] == year]
        if this_year:
            assert this_year == list(range(top[kind.value] + 2,
                                           top[kind.value] + 2 + len(this_year)))
    with ctx.db.transaction() as s:
        for kind in CaseKind:
            highest = max(c["number"] for c in cases if c["kind"] == kind.value
                          and c["year"] == year)
            handed_out = top[kind.value] + 1  # by the allocator above, without a case
            assert allocate_signature(s, settings, kind, year).number == max(
                highest, handed_out) + 1
    with ctx.db.read() as s:
        users = s.scalar(select(func.count()).select_from(User))
    assert users == 1 + len(pools.DEMO_USERS)  # the demo accounts were reused


def test_property_statements_and_household(ctx: AppContext, demo: DemoSummary) -> None:
    cases = {c["id"]: c for c in _rows(ctx.db, Case)}
    petitions = {p["case_id"]: p for p in _rows(ctx.db, DepositPetition, ("case_id",))}
    statements = {s["case_id"]: s for s in _rows(ctx.db, PropertyStatement, ("case_id",))}
    members = _by_case(_rows(ctx.db, HouseholdMember))
    incomes = _rows(ctx.db, HouseholdIncome, ("member_id", "number"))
    assert {i["member_id"] for i in incomes} <= {m["id"] for h in members.values() for m in h}
    assert all(i["amount"] > 0 and i["source"] for i in incomes)
    assert set(statements) <= set(petitions)
    assert 0.5 * len(petitions) < len(statements) < len(petitions)
    for case_id, petition in petitions.items():
        assert petition["has_property_statement"] is (case_id in statements)
    for case_id in statements:
        household = members[case_id]
        assert 1 <= len(household) <= 4
        case = cases[case_id]
        head = household[0]
        assert head["full_name"] == (f"{case['applicant_first_name']} "
                                     f"{case['applicant_last_name']}")
        assert head["relation"] in ("wnioskodawca", "wnioskodawczyni")
        for m in household:
            if m["pesel"]:
                validate_pesel(m["pesel"])
                assert pesel_birth_date(m["pesel"]) == m["birth_date"]
    assert Counter(len(m) for m in members.values()).keys() == {1, 2, 3, 4}
    iok = _rows(ctx.db, IokRequest, ("case_id",))
    assert {r["case_id"] for r in iok} == {c for c, v in cases.items() if v["kind"] == "iok"}
    for r in iok:
        assert (r["login_sent_on"] is not None) is (
            cases[r["case_id"]]["status"] in ("login_sent", "closed")
            and cases[r["case_id"]]["settlement_remarks"].startswith("Dane logowania"))


def test_users_assignees_and_one_audit_entry(ctx: AppContext, admin: Actor,
                                            demo: DemoSummary) -> None:
    users = _rows(ctx.db, User)
    demo_users = [u for u in users if u["username"].startswith("demo.")]
    assert Counter(u["role"] for u in demo_users) == {
        Role.COUNTER.value: 2, Role.CLERK.value: 4, Role.SUPERVISOR.value: 1}
    assert demo.users == [(u["username"], DEMO_PASSWORD) for u in demo_users]
    assert len({u["password_hash"] for u in demo_users}) == 1  # hashed once
    assert verify_password(demo_users[0]["password_hash"], DEMO_PASSWORD)
    clerks = {u["id"] for u in demo_users if u["role"] == Role.CLERK.value}
    counters = {u["id"] for u in demo_users if u["role"] == Role.COUNTER.value}
    cases = _rows(ctx.db, Case)
    assignees = Counter(c["assignee_id"] for c in cases)
    assert set(assignees) - {None} == clerks
    assert min(assignees[c] for c in clerks) > N / 10
    assert {c["registered_by_id"] for c in cases} <= clerks | counters
    with ctx.db.read() as s:
        audit = s.execute(select(AuditEntry.username, AuditEntry.entity, AuditEntry.action,
                                 AuditEntry.changes)
                          .where(AuditEntry.entity == "demo_data")).all()
    assert len(audit) == 1
    assert audit[0].username == admin.username and '"cases": 300' in audit[0].changes


def test_fresh_database_without_actor_gets_settings_and_an_admin(ctx: AppContext) -> None:
    summary = generate_demo_data(ctx, None, 150, seed=2)
    assert summary.users[0] == ("demo.admin", DEMO_PASSWORD)
    with ctx.db.read() as s:
        assert s.get(Setting, "office") is not None
        admin = s.scalar(select(User).where(User.username == "demo.admin"))
        assert admin is not None and admin.role == Role.ADMIN.value
    assert load_settings(ctx).deposit_bank_account == DEMO_NRB
    assert {a["bank_account"] for a in _rows(ctx.db, InstalmentAgreement)} <= {DEMO_NRB}
    audit = _rows(ctx.db, AuditEntry)
    assert [a["username"] for a in audit if a["entity"] == "demo_data"] == ["system"]


def test_refused_for_bad_count_and_for_non_admins(ctx: AppContext,
                                                  staff: dict[Role, Actor]) -> None:
    for bad in (0, -3):
        with pytest.raises(ValidationFailed) as info:
            generate_demo_data(ctx, staff[Role.ADMIN], bad)
        assert info.value.fields == ["case_count"]
    for role in (Role.COUNTER, Role.CLERK, Role.SUPERVISOR):
        with pytest.raises(PermissionDenied):
            generate_demo_data(ctx, staff[role], 10)
    assert _rows(ctx.db, Case) == []


def test_progress_is_reported_per_batch(ctx: AppContext, admin: Actor) -> None:
    calls: list[tuple[int, int]] = []
    generate_demo_data(ctx, admin, 250, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 250), (120, 250), (240, 250), (250, 250)]


def test_same_seed_same_data_on_any_backend(
        ctx: AppContext, admin: Actor, office_settings: OfficeSettings,
        sqlite_template: dbsupport.SqliteTemplate, clock: FakeClock) -> None:
    """The ``ctx`` database (SQLite or PostgreSQL) and a fresh SQLite file get equal rows."""
    generate_demo_data(ctx, admin, 200, seed=SEED)

    @contextmanager
    def fresh_sqlite_load(seed: int) -> Iterator[Database]:
        other = Database.open(sqlite_template.new_database())
        try:
            other_ctx = AppContext(db=other, clock=clock)
            other_admin = create_first_admin(
                other_ctx, NewUser("admin", "Adam Administrator", Role.ADMIN, TEST_PASSWORD),
                office_settings)
            generate_demo_data(other_ctx, other_admin, 200, seed=seed)
            yield other
        finally:
            other.dispose()

    with fresh_sqlite_load(SEED) as other:
        for model in (Case, IncomingItem, IokRequest, DepositPetition, PropertyStatement,
                      HouseholdMember, InstalmentAgreement, Deadline, Letter, DepositDecision,
                      DeadlineRedating):
            key = ("id",) if "id" in model.__table__.c else ("case_id",)
            assert _rows(other, model, key) == _rows(ctx.db, model, key), model.__tablename__
        assert ([u["username"] for u in _rows(other, User)]
                == [u["username"] for u in _rows(ctx.db, User)])
    with fresh_sqlite_load(SEED + 1) as other:
        assert _rows(other, Case) != _rows(ctx.db, Case)


def test_received_at_is_aware_utc(ctx: AppContext, demo: DemoSummary) -> None:
    items = _rows(ctx.db, IncomingItem)
    assert all(i["received_at"].tzinfo is not None for i in items)
    local_times = {i["received_at"].astimezone(OFFICE_TZ).time() for i in items}
    assert min(local_times) >= datetime(2000, 1, 1, 7, 30).time()
    assert max(local_times) <= datetime(2000, 1, 1, 15, 30).time()
    assert all(i["received_at"] <= datetime.now(UTC) for i in items)


def test_a_failure_halfway_leaves_the_database_unchanged(
        ctx: AppContext, admin: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    original = CaseBuilder.case

    def failing(self: CaseBuilder, index: int, rows: Rows) -> None:
        if index == 200:  # in the second batch, after the first one was written
            raise RuntimeError("disk full")
        original(self, index, rows)

    monkeypatch.setattr(CaseBuilder, "case", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        generate_demo_data(ctx, admin, N)
    assert not [t for t in threading.enumerate() if t.name == "demo-data"]
    assert _rows(ctx.db, Case) == [] and _rows(ctx.db, Deadline) == []
    assert [u["username"] for u in _rows(ctx.db, User)] == ["admin"]
    assert [a for a in _rows(ctx.db, AuditEntry) if a["entity"] == "demo_data"] == []
    monkeypatch.setattr(CaseBuilder, "case", original)
    assert generate_demo_data(ctx, admin, 50).cases == 50  # and it works afterwards
