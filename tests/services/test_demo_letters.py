"""Demo cases look real in every state: issued letters (summons, delay notice, consent,
refusal, leaving without consideration, agreement) stored as the letter services store them,
delivery dates agreeing with the deadlines, decisions and settlements agreeing with the
status, and the checklist of the recorded petition agreeing with what the summons demanded."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from clerk_app.demo import (
    DemoSummary,
    generate_demo_data,
    pipeline,
    pools,
    reachable_statuses,
)
from clerk_app.demo.writers import SqliteInsertPlan
from clerk_app.domain.agreement import AgreementDocument, AgreementTenant, build_agreement
from clerk_app.domain.calendar import LegalCalendar
from clerk_app.domain.cases import CaseKind, CaseStatus
from clerk_app.domain.instalments import instalment_schedule
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.letter_texts import LetterDocument
from clerk_app.domain.petition_checklist import ItemState, PetitionItem, missing
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import (
    Case,
    Deadline,
    DeadlineRedating,
    DepositDecision,
    DepositPetition,
    InstalmentAgreement,
    Letter,
    LetterFile,
    NumberSequence,
    PropertyStatement,
    User,
)
from clerk_app.services.admin.settings import (
    LetterTexts,
    load_settings,
    read_letter_texts,
    save_letter_texts,
    save_settings,
)
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.numbering import next_number
from clerk_app.services.deposit.overview import deposit_overview
from clerk_app.services.deposit.petition_read import read_petition
from clerk_app.services.letters.addressee import case_addressee_lines
from clerk_app.services.letters.issue import (
    LETTER_SCOPE,
    PLACE,
    _return_address,
    sender_lines,
    stored_document,
)
from clerk_app.services.letters.records import letter_pdf
from clerk_app.services.letters.views import read_case_letters
from tests.conftest import TEST_NRB

N = 300
SEED = 11
_S = CaseStatus
_IDENTIFIER = re.compile(r"^L(\d{4})(\d{6})$")
_DELIVERY_EVENTS = {"summons_delivered": "delivered", "summons_read": "delivered",
                    "summons_deemed_delivered": "deemed"}


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "BATCH_CASES", 120)
    monkeypatch.setattr(SqliteInsertPlan, "ROWS_PER_STATEMENT", 50)


@pytest.fixture
def demo(ctx: AppContext, admin: Actor) -> DemoSummary:
    return generate_demo_data(ctx, admin, N, seed=SEED)


def _all(ctx: AppContext, model: Any) -> list[Any]:
    with ctx.db.read() as s:
        return list(s.scalars(select(model)))


def _letters_by_case(ctx: AppContext) -> dict[int, list[Letter]]:
    grouped: dict[int, list[Letter]] = defaultdict(list)
    for letter in sorted(_all(ctx, Letter), key=lambda x: (x.dated_on, x.id)):
        grouped[letter.case_id].append(letter)
    return grouped


def _kinds(letters: list[Letter]) -> list[str]:
    return [str(letter.kind) for letter in letters]


def test_identifiers_follow_the_letter_sequence_and_the_application_continues(
        ctx: AppContext, demo: DemoSummary) -> None:
    letters = _all(ctx, Letter)
    assert len({x.identifier for x in letters}) == len(letters)
    numbers: dict[int, list[int]] = defaultdict(list)
    for letter in letters:
        match = _IDENTIFIER.match(letter.identifier)
        assert match, letter.identifier
        assert int(match.group(1)) == letter.dated_on.year
        numbers[letter.dated_on.year].append(int(match.group(2)))
    sequences = {(s.scope, s.year): s.last_number for s in _all(ctx, NumberSequence)}
    for year, used in numbers.items():
        assert sorted(used) == list(range(1, len(used) + 1))  # gapless, no repeats
        assert sequences[(LETTER_SCOPE, year)] == len(used)
    assert not _all(ctx, LetterFile)  # PDFs are rendered when a letter is first opened
    year = max(numbers)
    with ctx.db.transaction() as s:  # a letter issued now continues the numbering
        assert next_number(s, LETTER_SCOPE, year) == len(numbers[year]) + 1


def test_letters_are_stored_as_the_letter_services_store_them(
        ctx: AppContext, demo: DemoSummary) -> None:
    settings = load_settings(ctx)
    calendar = LegalCalendar()
    kinds: Counter[str] = Counter()
    with ctx.db.read() as s:
        texts = read_letter_texts(s)
        for letter in s.scalars(select(Letter)):
            kinds[str(letter.kind)] += 1
            case = s.get(Case, letter.case_id)
            petition = s.get(DepositPetition, letter.case_id)
            assert case is not None
            extra = json.loads(letter.extra)
            if letter.kind is LetterKind.AGREEMENT:
                doc = AgreementDocument.from_json(extra["agreement"])
                assert doc.to_json() == extra["agreement"]
                assert doc.identifier == letter.identifier and doc.signed_on == letter.dated_on
                assert petition is not None and petition.monthly_rent is not None
                built = build_agreement(
                    identifier=doc.identifier, case_signature=case.signature, place=PLACE,
                    signed_on=doc.signed_on, municipality=texts.municipality_name,
                    signatory_name=settings.signatory_name,
                    signatory_title=settings.signatory_title,
                    tenant=AgreementTenant(doc.tenant.name, case.applicant_pesel or "",
                                           doc.tenant.address_lines),
                    flat_address=petition.premises_address,
                    monthly_rent=petition.monthly_rent,
                    instalment_count=doc.instalment_count, first_due=doc.schedule[0].due_date,
                    calendar=calendar, bank_account=settings.deposit_bank_account,
                    missed_instalment_consequence=texts.missed_instalment_text,
                    legal_basis=texts.legal_basis(LetterKind.AGREEMENT))
                assert doc == built
                assert letter.addressee.splitlines()[0] == (
                    f"{case.applicant_first_name} {case.applicant_last_name}")
                continue
            doc = LetterDocument.from_json(extra["document"])
            assert doc == stored_document(letter)
            rest = {k: v for k, v in extra.items() if k != "document"}
            # Byte for byte what issue.py's _store writes.
            assert letter.extra == json.dumps({**rest, "document": doc.to_json()},
                                              ensure_ascii=False)
            kind = CaseKind(case.kind)
            header = doc.header
            assert header.identifier == letter.identifier
            assert header.case_signature == case.signature
            assert header.sender_lines == sender_lines(settings, kind)
            assert header.return_address == _return_address(settings, kind)
            assert header.addressee_lines == case_addressee_lines(case, petition)
            assert letter.addressee == "\n".join(header.addressee_lines)
            assert header.place_and_date.startswith(f"{PLACE}, ")
            assert letter.dated_on.strftime("%d.%m.%Y") in header.place_and_date
            assert header.title == LetterKind(letter.kind).label and header.handled_by
            assert doc.body.paragraphs and doc.body.legal_basis and doc.body.signatory_name
            if petition is not None and petition.by_proxy:
                assert header.addressee_lines[0] == petition.proxy_name
                assert "działający w imieniu:" in header.addressee_lines[1]
            if letter.kind is LetterKind.SUMMONS:
                assert list(doc.body.items) == extra["missing"]
        for case_id in {c for c in s.scalars(select(Letter.case_id))}:
            assert read_case_letters(s, case_id)  # the case view lists them
    assert set(kinds) == {k.value for k in LetterKind}


def test_deliveries_agree_with_the_deficiency_deadlines(ctx: AppContext,
                                                        demo: DemoSummary) -> None:
    calendar = LegalCalendar()
    email_counts = load_settings(ctx).email_read_counts_as_delivery
    letters = {x.id: x for x in _all(ctx, Letter)}
    deficiency = [d for d in _all(ctx, Deadline) if d.kind == "deficiency"]
    assert deficiency
    started_by = set()
    for d in deficiency:
        letter = letters[d.letter_id]
        started_by.add(letter.id)
        assert letter.kind is LetterKind.SUMMONS and letter.case_id == d.case_id
        assert letter.delivery_status.value == _DELIVERY_EVENTS[d.start_event]
        if d.start_event == "summons_deemed_delivered":
            assert letter.first_notice_on is not None and letter.delivered_on is None
            assert letter.deemed_delivered_on == d.start_on == calendar.deemed_delivery(
                letter.first_notice_on).result
        else:
            assert letter.delivered_on == d.start_on >= letter.dated_on
            assert (letter.delivery_method.value == "email") is (
                d.start_event == "summons_read")
            # A reading confirmation is a delivery only where the office says so.
            assert d.start_event != "summons_read" or email_counts
    states = Counter(x.delivery_status.value for x in letters.values()
                     if x.kind in (LetterKind.SUMMONS, LetterKind.IOK_COMPLETION))
    assert states["delivered"] and states["deemed"] and states["pending"]
    for letter in letters.values():
        if letter.kind is LetterKind.SUMMONS and letter.id not in started_by:
            assert letter.delivery_status.value == "pending"  # no period runs yet
            assert letter.delivered_on is None and letter.deemed_delivered_on is None
        if letter.sent_on is not None:
            assert letter.sent_on >= letter.dated_on


def test_decisions_settlements_and_agreements_agree_with_statuses(
        ctx: AppContext, demo: DemoSummary) -> None:
    letters = _letters_by_case(ctx)
    decisions = {d.case_id: d for d in _all(ctx, DepositDecision)}
    agreements = {a.case_id: a for a in _all(ctx, InstalmentAgreement)}
    by_id = {x.id: x for xs in letters.values() for x in xs}
    calendar = LegalCalendar()
    for case in _all(ctx, Case):
        kinds = _kinds(letters[case.id])
        decision = decisions.get(case.id)
        settlement = case.settlement.value if case.settlement else None
        if case.kind is CaseKind.IOK:
            assert decision is None and set(kinds) <= {"iok_completion", "iok_confirmation"}
            continue
        if settlement == "refusal":
            assert decision is not None and decision.kind.value == "refusal"
            assert decision.reasoning.strip() and decision.instalment_count is None
            female = case.applicant_first_name in pools.FEMALE_FIRST_NAMES
            words = set(re.findall(r"\w+", decision.reasoning.lower()))
            assert not words & ({"wnioskodawca", "wnioskodawcy"} if female
                                else {"wnioskodawczyni"})
            assert case.status in (_S.REFUSAL, _S.CLOSED)
        elif settlement == "left_without_consideration":
            assert decision is None and kinds.count("summons") == 1
            assert kinds[-1] == "left_without_consideration"
        elif case.status in (_S.CONSENT, _S.AGREEMENT_SIGNED) or settlement == "agreement_signed":
            assert decision is not None and decision.kind.value == "consent"
            assert settlement == ("agreement_signed" if case.status != _S.CONSENT else None)
        else:
            assert case.status in (_S.REGISTERED, _S.AWAITING_COMPLETION, _S.IN_PROGRESS)
            assert decision is None and settlement is None
            assert not {"consent", "refusal", "agreement"} & set(kinds)
        if decision is not None:
            letter = by_id[decision.letter_id]
            assert letter.kind.value == decision.kind.value
            assert letter.dated_on == decision.decided_on and decision.superseded_on is None
            assert decision.decided_on >= (case.complete_on or date.max)
        if settlement is not None:
            assert case.settled_on is not None
            settling = [x for x in letters[case.id] if x.identifier in case.settlement_remarks]
            assert settling, case.settlement_remarks
        agreement = agreements.get(case.id)
        assert (agreement is not None) is ("agreement" in kinds)
        if agreement is not None:
            assert decision is not None and decision.kind.value == "consent"
            assert agreement.instalment_count == decision.instalment_count
            assert agreement.first_due_on == decision.first_due_on
            schedule = instalment_schedule(agreement.deposit_amount, agreement.instalment_count,
                                           agreement.first_due_on, calendar)
            stored = json.loads(next(x for x in letters[case.id]
                                     if x.kind is LetterKind.AGREEMENT).extra)["agreement"]
            assert stored["schedule"] == [[i.number, i.due_date.isoformat(), str(i.amount)]
                                          for i in schedule]
            assert agreement.bank_account == TEST_NRB
            assert (agreement.signed_on is not None) is (settlement == "agreement_signed")
    assert Counter(d.kind.value for d in decisions.values()).keys() == {"consent", "refusal"}


def test_checklists_agree_with_statuses_and_summonses(ctx: AppContext,
                                                      demo: DemoSummary) -> None:
    letters = _letters_by_case(ctx)
    seen: Counter[str] = Counter()
    with ctx.db.read() as s:
        for case in s.scalars(select(Case).where(Case.kind == CaseKind.DEPOSIT.value)):
            checklist = read_petition(s, case.id).checklist
            lacking = missing(checklist)
            summonses = [x for x in letters[case.id] if x.kind is LetterKind.SUMMONS]
            waiting = case.status is _S.AWAITING_COMPLETION or (
                case.settlement is not None
                and case.settlement.value == "left_without_consideration")
            if waiting:  # it really lacks what its summons demanded
                assert lacking and summonses
                demanded = json.loads(summonses[-1].extra)["missing"]
                assert demanded == [item.label for item in lacking]
                seen["waiting"] += 1
            elif case.status is not _S.REGISTERED:  # complete: every item present
                assert not lacking, (case.signature, lacking)
                seen["complete"] += 1
            states = {line.item: line.state for line in checklist}
            petition = s.get(DepositPetition, case.id)
            assert petition is not None
            if not petition.by_proxy:
                assert states[PetitionItem.POWER_OF_ATTORNEY] is ItemState.NOT_APPLICABLE
            if states[PetitionItem.STAMP_DUTY] is ItemState.PRESENT:
                assert petition.stamp_duty_paid_on is not None
            statement = s.get(PropertyStatement, case.id)
            assert (statement is not None) is petition.has_property_statement
            if statement is not None:
                assert statement.signed_on is not None  # signed where present
            overview = deposit_overview(ctx, _reader(ctx), case.id)
            assert overview.status is case.status and overview.missing == tuple(lacking)
    assert seen["waiting"] and seen["complete"]


def _reader(ctx: AppContext) -> Actor:
    """A demo clerk, to read the cases through the workflow overview."""
    with ctx.db.read() as s:
        user = s.scalars(select(User).where(User.username == "demo.referent1")).one()
        return Actor(user.id, user.username, user.full_name, Role(user.role))


def test_delay_notices_replace_the_decision_month(ctx: AppContext, demo: DemoSummary) -> None:
    letters = {x.id: x for x in _all(ctx, Letter)}
    deadlines = _all(ctx, Deadline)
    redatings = {r.deadline_id: r for r in _all(ctx, DeadlineRedating)}
    new_dates = [d for d in deadlines if d.kind == "delay_new_date"]
    assert new_dates
    for d in new_dates:
        notice = letters[d.letter_id]
        assert notice.kind is LetterKind.DELAY_NOTICE and d.reference == notice.identifier
        assert d.start_on == notice.dated_on
        assert json.loads(notice.extra)["new_due"] == d.due_on.isoformat()
        replaced = [r for r in deadlines if r.case_id == d.case_id and r.kind == "decision"]
        assert len(replaced) == 1 and replaced[0].state == "cancelled"
        assert replaced[0].closing_note == notice.identifier
        assert redatings[d.id].previous_due_on == replaced[0].due_on


def test_a_thousand_cases_have_every_state_and_every_letter_kind(
        ctx: AppContext, admin: Actor) -> None:
    generate_demo_data(ctx, admin, 1000, seed=3)
    cases = _all(ctx, Case)
    pairs = Counter((c.kind, c.status) for c in cases)
    assert set(pairs) == {(k, s) for k in CaseKind for s in reachable_statuses(k)}
    kinds = Counter(str(x.kind) for x in _all(ctx, Letter))
    assert set(kinds) == {k.value for k in LetterKind}
    with_letters = {x.case_id for x in _all(ctx, Letter)}
    for c in cases:  # each state of the procedure reached its letters
        if c.status in (_S.AWAITING_COMPLETION, _S.LEFT_WITHOUT_CONSIDERATION, _S.CONSENT,
                        _S.REFUSAL, _S.AGREEMENT_SIGNED):
            assert c.id in with_letters, (c.kind, c.status)


def test_letters_cite_the_offices_letter_texts(ctx: AppContext, admin: Actor) -> None:
    """The legal bases and remedies the office worded (Teksty pism) are what demo letters
    carry, as letters issued by the services do."""
    save_letter_texts(ctx, admin, replace(
        LetterTexts(), legal_basis_refusal="§ 5 zarządzenia nr 1/2026",
        remedy_authority="Prezydenta Miasta (test)", municipality_name="Gmina Testowa"))
    generate_demo_data(ctx, admin, 120, seed=2)
    extras = [(x.kind, json.loads(x.extra)) for x in _all(ctx, Letter)]
    refusals = [e["document"]["body"] for k, e in extras if k is LetterKind.REFUSAL]
    assert refusals
    for body in refusals:
        assert body["legal_basis"] == "§ 5 zarządzenia nr 1/2026"
        assert "Prezydenta Miasta (test)" in body["after_items"][0]
    agreements = [e["agreement"] for k, e in extras if k is LetterKind.AGREEMENT]
    assert agreements and {a["municipality"] for a in agreements} == {"Gmina Testowa"}


def test_summonses_go_by_e_mail_where_a_reading_confirmation_counts(
        ctx: AppContext, admin: Actor) -> None:
    save_settings(ctx, admin, replace(load_settings(ctx), email_read_counts_as_delivery=True))
    generate_demo_data(ctx, admin, 300, seed=SEED)
    deficiency = {d.letter_id: d for d in _all(ctx, Deadline) if d.kind == "deficiency"}
    by_email = [x for x in _all(ctx, Letter) if x.delivery_method.value == "email"]
    assert by_email
    for letter in by_email:
        case = next(c for c in _all(ctx, Case) if c.id == letter.case_id)
        assert case.kind is CaseKind.IOK and case.applicant_email
        if letter.id in deficiency:
            assert deficiency[letter.id].start_event == "summons_read"
            assert deficiency[letter.id].start_on == letter.delivered_on


def test_each_kind_renders_when_first_opened_and_is_kept(ctx: AppContext,
                                                         demo: DemoSummary) -> None:
    """No PDF is rendered by the demo; the first request renders the stored content and
    keeps it, the next one returns the same bytes."""
    first: dict[str, int] = {}
    for letter in _all(ctx, Letter):
        first.setdefault(str(letter.kind), letter.id)
    reader = _reader(ctx)
    for kind, letter_id in first.items():
        pdf = letter_pdf(ctx, reader, letter_id)
        assert pdf.rendered_now and pdf.pdf.startswith(b"%PDF"), kind
        again = letter_pdf(ctx, reader, letter_id)
        assert not again.rendered_now and again.pdf == pdf.pdf
    assert len(_all(ctx, LetterFile)) == len(first) == len(LetterKind)


def test_demo_cases_have_a_history_in_polish(ctx: AppContext, admin: Actor,
                                            demo: DemoSummary) -> None:
    """Every demo case's timeline tells its registration, letters, deliveries, decision and
    settlement in Polish, like a case handled through the windows."""
    from clerk_app.persistence.models import AuditEntry, Case
    from clerk_app.services.cases.detail import case_timeline

    cases = _all(ctx, Case)
    entries = _all(ctx, AuditEntry)
    assert len({e.id for e in entries}) == len(entries)
    by_case = Counter(e.case_id for e in entries if e.case_id is not None)
    assert all(by_case[c.id] >= 2 for c in cases)  # the case and its register entry
    letters = _letters_by_case(ctx)
    closed = next(c for c in cases if c.settlement == "agreement_signed")
    timeline = [t.text for t in case_timeline(ctx, admin, closed.id)]
    assert timeline[0].startswith(f"Zarejestrowano sprawę (znak sprawy {closed.signature}")
    assert any(t.startswith("Wystawiono pismo (identyfikator L") for t in timeline)
    assert any(t.startswith("Wydano rozstrzygnięcie") for t in timeline)
    assert timeline[-1].startswith("Zawarto umowę o rozłożenie kaucji na raty")
    summoned = next(c for c in cases if any(
        x.kind == LetterKind.SUMMONS and x.delivered_on for x in letters.get(c.id, [])))
    delivered = [t for t in (x.text for x in case_timeline(ctx, admin, summoned.id))
                 if t.startswith("Odnotowano doręczenie pisma")]
    assert delivered and re.search(r"doręczono: \d\d\.\d\d\.\d{4}", delivered[0])
    for text in timeline:
        assert not re.search(r"\d{4}-\d\d-\d\d", text), text  # Polish dates only
