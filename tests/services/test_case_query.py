"""The case list query: diacritics-blind search, filters, sorting, paging from both ends."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from clerk_app.domain.cases import CaseKind, CaseStatus, IncomingKind
from clerk_app.domain.roles import Role
from clerk_app.services.cases import detail as case_detail
from clerk_app.services.cases.query import CaseQuery, count_cases, fetch_case_page
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, ValidationFailed
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake.types import DepositDetailsInput, SenderInput
from tests.services.test_intake import deposit_petition, iok_request

PEOPLE = [
    ("Józef", "Żółkiewski", "Bytomska", "jozef@example.pl"),
    ("Łucja", "Łęcka", "Kalwaryjska", "lucja@example.pl"),
    ("Anna", "Nowak", "Szpitalna", "anna.nowak@example.pl"),
    ("Piotr", "Ślusarczyk", "Oświęcimska", "piotr@example.pl"),
    ("Ewa", "Kowalska", "Bytomska", "ewa@example.pl"),
]


@pytest.fixture
def cases(ctx: AppContext, staff: dict[Role, Actor]) -> list[int]:
    ids = []
    for i, (first, last, street, email) in enumerate(PEOPLE):
        sender = SenderInput(first, last, None, street, str(10 + i), "", "41-940",
                             "Piekary Śląskie", None, email)
        if i % 2 == 0:
            data = iok_request(sender=sender, assignee_id=staff[Role.CLERK].user_id)
        else:
            data = deposit_petition(sender=sender, deposit=DepositDetailsInput(
                Decimal("500.00"), 5))
        ids.append(intake.register_item(ctx, staff[Role.COUNTER], data).case_id or 0)
    return ids


def names(rows: list) -> list[str]:  # type: ignore[type-arg]
    return [r.applicant for r in rows]


@pytest.mark.parametrize("text, expected", [
    ("zolkiewski", ["Żółkiewski Józef"]),
    ("ŻÓŁKIEWSKI", ["Żółkiewski Józef"]),
    ("żółk", ["Żółkiewski Józef"]),
    ("lecka", ["Łęcka Łucja"]),
    ("bytomska", ["Kowalska Ewa", "Żółkiewski Józef"]),
    ("bytomska ewa", ["Kowalska Ewa"]),
    ("anna.nowak@", ["Nowak Anna"]),
    ("BGM.7141.2", ["Ślusarczyk Piotr"]),
    ("ko", ["Kowalska Ewa"]),
    ("ie", ["Kowalska Ewa", "Łęcka Łucja", "Nowak Anna", "Ślusarczyk Piotr",
            "Żółkiewski Józef"]),
    ("100%", []),
])
def test_search_ignores_case_and_diacritics(
    ctx: AppContext, staff: dict[Role, Actor], cases: list[int], text: str, expected: list[str]
) -> None:
    q = CaseQuery(search=text, sort_key="applicant", descending=False)
    actor = staff[Role.COUNTER]
    rows = fetch_case_page(ctx, actor, q, 0, 50)
    assert sorted(names(rows)) == sorted(expected)
    assert count_cases(ctx, actor, q) == len(expected)


def test_filters(ctx: AppContext, staff: dict[Role, Actor], cases: list[int]) -> None:
    clerk = staff[Role.CLERK]
    assert count_cases(ctx, clerk, CaseQuery(kind=CaseKind.DEPOSIT)) == 2
    assert count_cases(ctx, clerk, CaseQuery(status=CaseStatus.REGISTERED)) == 5
    assert count_cases(ctx, clerk, CaseQuery(status=CaseStatus.CLOSED)) == 0
    assert count_cases(ctx, clerk, CaseQuery(only_mine=True)) == 3
    assert count_cases(ctx, staff[Role.SUPERVISOR],
                       CaseQuery(assignee_id=clerk.user_id)) == 3


@pytest.mark.parametrize("key", ["signature", "kind", "applicant", "address", "status",
                                 "received", "next_deadline", "assignee"])
def test_pages_from_the_far_end_match_forward_paging(
    ctx: AppContext, staff: dict[Role, Actor], cases: list[int], key: str
) -> None:
    actor = staff[Role.CLERK]
    for descending in (False, True):
        q = CaseQuery(sort_key=key, descending=descending)
        forward = [r.id for r in fetch_case_page(ctx, actor, q, 0, 10)]
        assert len(forward) == 5
        for offset in range(5):
            via_end = fetch_case_page(ctx, actor, q, offset, 2, total=5)
            assert [r.id for r in via_end] == forward[offset:offset + 2]


def test_applicant_sort_is_alphabetical(
    ctx: AppContext, staff: dict[Role, Actor], cases: list[int]
) -> None:
    rows = fetch_case_page(ctx, staff[Role.CLERK],
                           CaseQuery(sort_key="applicant", descending=False), 0, 10)
    assert names(rows) == ["Kowalska Ewa", "Łęcka Łucja", "Nowak Anna", "Ślusarczyk Piotr",
                           "Żółkiewski Józef"]


def test_two_clerks_editing_one_case_conflict(
    ctx: AppContext, staff: dict[Role, Actor], cases: list[int]
) -> None:
    clerk, supervisor = staff[Role.CLERK], staff[Role.SUPERVISOR]
    first = case_detail.get_case(ctx, clerk, cases[0])
    second = case_detail.get_case(ctx, supervisor, cases[0])
    new_version = case_detail.update_applicant(
        ctx, clerk, first.id, first.version, replace(first.applicant, phone="600 700 800"))
    assert new_version == first.version + 1
    with pytest.raises(ConflictError, match="zmieniony przez innego użytkownika"):
        case_detail.update_applicant(
            ctx, supervisor, second.id, second.version,
            replace(second.applicant, last_name="Żółkiewska"))
    after = case_detail.get_case(ctx, clerk, cases[0])
    assert after.applicant.phone == "600 700 800"
    assert after.applicant.last_name == "Żółkiewski"
    timeline = case_detail.case_timeline(ctx, clerk, cases[0])
    assert timeline[0].text.startswith("Zarejestrowano sprawę")
    assert any("telefon: 600 100 200 → 600 700 800" in t.text or "telefon: 600 700 800"
               in t.text for t in timeline)


def test_edit_keeps_search_in_step(
    ctx: AppContext, staff: dict[Role, Actor], cases: list[int]
) -> None:
    clerk = staff[Role.CLERK]
    detail = case_detail.get_case(ctx, clerk, cases[2])
    case_detail.update_applicant(ctx, clerk, detail.id, detail.version,
                                 replace(detail.applicant, last_name="Wiśniewska"))
    rows = fetch_case_page(ctx, clerk, CaseQuery(search="wisniewska"), 0, 10)
    assert names(rows) == ["Wiśniewska Anna"]


def test_invalid_edit_names_field(
    ctx: AppContext, staff: dict[Role, Actor], cases: list[int]
) -> None:
    clerk = staff[Role.CLERK]
    detail = case_detail.get_case(ctx, clerk, cases[0])
    with pytest.raises(ValidationFailed) as err:
        case_detail.update_applicant(ctx, clerk, detail.id, detail.version,
                                     replace(detail.applicant, last_name=""))
    assert err.value.fields == ["last_name"]
    # An IOK request's e-mail may be removed: the request is then deficient, not refused.
    assert case_detail.update_applicant(ctx, clerk, detail.id, detail.version,
                                        replace(detail.applicant, email="")) > detail.version


def test_find_by_identifier(ctx: AppContext, staff: dict[Role, Actor], cases: list[int]) -> None:
    clerk = staff[Role.CLERK]
    match = case_detail.find_by_identifier(ctx, clerk, "\x02ZGM.0143.1.2026\r")
    assert match is not None and match.kind == "case" and match.case_id == cases[0]
    assert case_detail.find_by_identifier(ctx, clerk, "NIEMA") is None


def test_supplement_kind_requires_case(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    with pytest.raises(ValidationFailed) as err:
        intake.register_item(ctx, staff[Role.COUNTER],
                             iok_request(kind=IncomingKind.SUPPLEMENT))
    assert err.value.fields == ["case_id"]


def test_whole_signature_found_through_its_index(
    ctx: AppContext, staff: dict[Role, Actor], cases: list[int]
) -> None:
    actor = staff[Role.CLERK]
    for text in ("BGM.7141.2.2026", "bgm.7141.2.2026", " BGM.7141.2.2026 "):
        rows = fetch_case_page(ctx, actor, CaseQuery(search=text), 0, 10)
        assert [r.id for r in rows] == [cases[3]]  # the second deposit petition
        assert count_cases(ctx, actor, CaseQuery(search=text)) == 1
    assert count_cases(ctx, actor, CaseQuery(search="BGM.7141.9.2026")) == 0
