"""The review lists exactly the cases past their period, by rule, in pages; anonymising is
for supervisors only and all or none."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import update

from clerk_app.domain.retention import RetentionRule
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import Case
from clerk_app.services.admin.settings import read_settings, save_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import NotFound, PermissionDenied, ServiceError
from clerk_app.services.intake import registration as intake
from clerk_app.services.letters.issue import list_case_letters
from clerk_app.services.letters.records import letter_pdf
from clerk_app.services.retention.anonymise import NotDue, anonymise_cases
from clerk_app.services.retention.review import retention_review
from tests.services.deadline_fixtures import case_row, set_today
from tests.services.deposit_fixtures import register_petition
from tests.services.retention.people import TARGET, settled_deposit_case
from tests.services.test_intake import iok_request

Staff = dict[Role, Actor]
TODAY = date(2036, 6, 1)


def _settle(ctx: AppContext, case_id: int, on: date | None, lease: bool | None = None,
            lease_ended: date | None = None) -> None:
    with ctx.db.transaction() as session:
        session.execute(update(Case).where(Case.id == case_id).values(
            settled_on=on, lease_concluded=lease, lease_ended_on=lease_ended))


def _iok(ctx: AppContext, staff: Staff) -> int:
    case_id = intake.register_item(ctx, staff[Role.COUNTER], iok_request()).case_id
    assert case_id is not None
    return case_id


def test_each_rule_from_its_own_date(ctx: AppContext, staff: Staff) -> None:
    counter, supervisor = staff[Role.COUNTER], staff[Role.SUPERVISOR]
    cases = {name: register_petition(ctx, counter) for name in
             ("no_lease_due", "no_lease_early", "lease_due", "lease_running", "open")}
    iok_due, iok_early = _iok(ctx, staff), _iok(ctx, staff)
    _settle(ctx, cases["no_lease_due"], date(2026, 6, 1), False)  # 10 years: due 1.06.2036
    _settle(ctx, cases["no_lease_early"], date(2026, 6, 2), None)
    _settle(ctx, cases["lease_due"], date(2026, 3, 1), True, date(2031, 5, 31))
    _settle(ctx, cases["lease_running"], date(2020, 3, 1), True, None)
    _settle(ctx, iok_due, date(2031, 6, 1))
    _settle(ctx, iok_early, date(2031, 6, 2))
    page = retention_review(ctx, supervisor, today=TODAY)
    assert [(r.case_id, r.due.rule) for r in page.rows] == [
        (iok_due, RetentionRule.IOK),
        (cases["no_lease_due"], RetentionRule.DEPOSIT_WITHOUT_LEASE),
        (cases["lease_due"], RetentionRule.DEPOSIT_AFTER_LEASE)]
    assert page.total == 3 and page.next_cursor is None
    assert page.rows[2].due.due_on == date(2036, 5, 31)
    # the IOK period is the ZGM's setting
    with ctx.db.read() as session:
        settings = read_settings(session)
    save_settings(ctx, staff[Role.ADMIN], replace(settings, retention_iok_years=6))
    page = retention_review(ctx, supervisor, today=TODAY)
    assert RetentionRule.IOK not in {r.due.rule for r in page.rows}


def test_pages_continue_from_the_cursor(ctx: AppContext, staff: Staff) -> None:
    ids = [register_petition(ctx, staff[Role.COUNTER]) for _ in range(5)]
    iok = _iok(ctx, staff)
    for n, case_id in enumerate(ids):
        _settle(ctx, case_id, date(2020, 1, 10 - n % 3), False)
    _settle(ctx, iok, date(2025, 1, 1))
    seen: list[int] = []
    page = retention_review(ctx, staff[Role.SUPERVISOR], limit=2, today=TODAY)
    assert page.total == 6
    while True:
        seen += [r.case_id for r in page.rows]
        if page.next_cursor is None:
            break
        page = retention_review(ctx, staff[Role.SUPERVISOR], limit=2, after=page.next_cursor,
                                today=TODAY)
    expected = [iok, *sorted(ids, key=lambda i: (date(2020, 1, 10 - ids.index(i) % 3), i))]
    assert seen == expected


def test_all_or_none_and_supervisors_only(ctx: AppContext, staff: Staff) -> None:
    due, early = (register_petition(ctx, staff[Role.COUNTER]) for _ in range(2))
    _settle(ctx, due, date(2020, 1, 1), False)
    _settle(ctx, early, date(2030, 1, 1), False)
    for role in (Role.CLERK, Role.COUNTER, Role.ADMIN):
        with pytest.raises(PermissionDenied):
            anonymise_cases(ctx, staff[role], [due], today=TODAY)
        with pytest.raises(PermissionDenied):
            retention_review(ctx, staff[role], today=TODAY)
    with pytest.raises(NotDue, match="okres przechowywania danych nie minął"):
        anonymise_cases(ctx, staff[Role.SUPERVISOR], [due, early], today=TODAY)
    assert case_row(ctx, due).anonymised_at is None
    assert case_row(ctx, due).applicant_last_name == "Ślęzak"
    with pytest.raises(ServiceError):
        anonymise_cases(ctx, staff[Role.SUPERVISOR], [], today=TODAY)
    anonymise_cases(ctx, staff[Role.SUPERVISOR], [due], today=TODAY)
    with pytest.raises(NotDue, match="już zanonimizowana"):  # not twice
        anonymise_cases(ctx, staff[Role.SUPERVISOR], [due], today=TODAY)


def test_a_letter_of_an_anonymised_case_is_refused_in_words(ctx: AppContext, staff: Staff,
                                                           clock: object,
                                                           tmp_path: Path) -> None:
    case_id = settled_deposit_case(ctx, staff, clock, TARGET, tmp_path)
    (letter, *_rest) = list_case_letters(ctx, staff[Role.CLERK], case_id)
    set_today(clock, date(2037, 1, 5))
    anonymise_cases(ctx, staff[Role.SUPERVISOR], [case_id])
    with pytest.raises(NotFound, match="zanonimizowana"):
        letter_pdf(ctx, staff[Role.CLERK], letter.id)
