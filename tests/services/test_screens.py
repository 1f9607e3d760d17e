"""Screen reads: a window's data in one read transaction, the same as the single reads."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clerk_app.domain.roles import Role
from clerk_app.persistence.models import Case
from clerk_app.services.admin.settings import load_settings
from clerk_app.services.admin.users import NewUser, create_user, set_active
from clerk_app.services.cases.detail import (
    case_documents,
    case_for_identifier,
    case_timeline,
    get_case,
)
from clerk_app.services.cases.screen import case_screen
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import NotFound, PermissionDenied
from clerk_app.services.deadlines.actions import list_case_deadlines
from clerk_app.services.deadlines.days_off import add_day_off
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake.scans import inspect_scans
from clerk_app.services.intake.setup import registration_setup
from clerk_app.services.intake.types import ScanUpload
from clerk_app.services.letters.delivery import delivery_desk
from clerk_app.services.letters.issue import issue_summons, list_case_letters
from tests import samples
from tests.conftest import TEST_PASSWORD
from tests.dbsupport import user_version
from tests.services.deadline_fixtures import make_case
from tests.services.test_intake import iok_request


def test_case_screen_is_what_the_single_reads_say(
    ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path
) -> None:
    clerk = staff[Role.CLERK]
    pdf = samples.make_pdf(tmp_path / "wniosek.pdf")
    case_id = intake.register_item(ctx, staff[Role.COUNTER], iok_request(
        scans=(ScanUpload(pdf),))).case_id or 0
    issue_summons(ctx, clerk, case_id, ["Podpis na wniosku"])
    add_day_off(ctx, staff[Role.ADMIN], date(2026, 3, 13), "Dzień wolny urzędu")

    screen = case_screen(ctx, staff[Role.COUNTER], case_id)

    assert screen.detail == get_case(ctx, clerk, case_id)
    assert screen.documents == case_documents(ctx, clerk, case_id)
    assert screen.timeline == case_timeline(ctx, clerk, case_id)
    assert screen.deadlines == list_case_deadlines(ctx, clerk, case_id)
    assert screen.letters == list_case_letters(ctx, clerk, case_id)
    assert len(screen.documents[0].scans) == 1 and len(screen.letters) == 1
    # The IOK target (suspended) and the applicant's reply period of ZGM's request.
    assert len(screen.deadlines) == 2 and len(screen.timeline) >= 3
    assert not screen.calendar.is_working_day(date(2026, 3, 13))  # the office's day off
    assert screen.today == ctx.today() == date(2026, 3, 2)


def test_case_screen_refuses_an_unknown_case(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    with pytest.raises(NotFound):
        case_screen(ctx, staff[Role.CLERK], 999)


def test_screen_read_sees_one_state(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    """A write committed while a screen is being read is not half in it (PostgreSQL runs the
    read REPEATABLE READ; SQLite's read transaction is a snapshot by itself)."""
    count = select(func.count()).select_from(Case)
    make_case(ctx, staff[Role.CLERK].user_id)
    with ctx.db.read(snapshot=True) as session:
        before = session.scalar(count)
        make_case(ctx, staff[Role.CLERK].user_id)  # another connection commits meanwhile
        assert session.scalar(count) == before == 1
    with ctx.db.read() as session:
        assert session.scalar(count) == 2


def test_registration_setup_has_the_settings_and_the_active_assignees(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    admin = staff[Role.ADMIN]
    gone = create_user(ctx, admin, NewUser("odszedl", "Adam Odszedł", Role.CLERK, TEST_PASSWORD))
    set_active(ctx, admin, gone, False, version=user_version(ctx, gone))

    setup = registration_setup(ctx, staff[Role.COUNTER])

    assert setup.settings == load_settings(ctx)
    assert setup.settings.version == load_settings(ctx).version
    assert [(u.full_name, u.role) for u in setup.assignees] == [
        ("Józef Żółkiewski", Role.CLERK), ("Krystyna Kierownik", Role.SUPERVISOR)]
    with pytest.raises(PermissionDenied):
        registration_setup(ctx, admin)  # the administrator registers nothing


def test_delivery_desk_finds_the_letter_with_the_calendar(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    clerk = staff[Role.CLERK]
    letter = issue_summons(ctx, clerk, make_case(ctx, clerk.user_id), ["Podpis"])
    add_day_off(ctx, staff[Role.ADMIN], date(2026, 3, 16), "Dzień wolny urzędu")

    desk = delivery_desk(ctx, staff[Role.COUNTER], f" {letter.identifier.lower()}\n")

    assert desk.letter is not None and desk.letter.id == letter.letter_id
    assert desk.letter.case_signature == "BGM.7141.1.2026"
    # 02.03 + 14 days = 16.03, the office's day off → 17.03
    assert desk.calendar.deemed_delivery(date(2026, 3, 2)).result == date(2026, 3, 17)
    unknown = delivery_desk(ctx, staff[Role.COUNTER], "L2026999999")
    assert unknown.letter is None and not unknown.calendar.is_working_day(date(2026, 3, 16))


def test_case_for_identifier_by_signature_letter_and_scan(
    ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path
) -> None:
    clerk = staff[Role.CLERK]
    result = intake.register_item(ctx, staff[Role.COUNTER], iok_request(
        scans=(ScanUpload(samples.make_pdf(tmp_path / "a.pdf")),)))
    case_id = result.case_id or 0
    letter = issue_summons(ctx, clerk, case_id, ["Podpis"])
    scan = case_documents(ctx, clerk, case_id)[0].scans[0]
    expected = get_case(ctx, clerk, case_id)
    for code in ("zgm.0143.1.2026", letter.identifier, scan[1]):
        assert case_for_identifier(ctx, staff[Role.COUNTER], code) == expected
    assert case_for_identifier(ctx, clerk, "XYZ.1.2.2026") is None
    assert case_for_identifier(ctx, clerk, "  ") is None


def test_inspect_scans_checks_each_file_and_knows_stored_ones(
    ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path
) -> None:
    stored = samples.make_pdf(tmp_path / "wniosek.pdf")
    intake.register_item(ctx, staff[Role.COUNTER], iok_request(scans=(ScanUpload(stored),)))
    fresh = samples.make_jpeg(tmp_path / "zdjecie.jpg")
    fake = samples.make_fake_exe(tmp_path / "program.pdf")

    batch = inspect_scans(ctx, [stored, fake, fresh], 25 * 1048576)

    assert [(p, c.media_type) for p, c in batch.accepted] == [
        (stored, "application/pdf"), (fresh, "image/jpeg")]
    assert len(batch.refused) == 1 and "„program.pdf” nie jest dokumentem PDF" in \
        batch.refused[0]
    assert list(batch.known) == [stored] and batch.known[stored].startswith("S2026")
    small = inspect_scans(ctx, [fresh], 100)
    assert small.accepted == [] and "dopuszczalne" in small.refused[0]
