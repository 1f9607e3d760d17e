"""Least access (domain.md, "Who works with the application"), enforced in the services:
every (role × read/write service) pair is either allowed or refused with ``PermissionDenied``,
whatever the windows offer. Counter staff register and look cases up, but see no statement,
household or income and open only the scans they attached that day; the admin (IT) manages
users and settings and reads the audit trail, but opens no case, scan, letter or statement."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest

from clerk_app.domain.roles import Role
from clerk_app.services.admin import audit_log, users
from clerk_app.services.admin.settings import load_letter_texts, load_settings, save_settings
from clerk_app.services.cases import detail, query, screen
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied
from clerk_app.services.deadlines.days_off import list_days_off
from clerk_app.services.deposit import petition, statement, ui_petition_screen
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake import scans
from clerk_app.services.intake.types import ScanUpload
from clerk_app.services.letters import delivery, issue, records
from tests import samples
from tests.conftest import FakeClock
from tests.services.test_deposit_statement import STATEMENT
from tests.services.test_intake import deposit_petition, iok_request

C, K, S, A = Role.COUNTER, Role.CLERK, Role.SUPERVISOR, Role.ADMIN
Staff = dict[Role, Actor]


@dataclass
class World:
    """A deposit case registered by the counter with one scan, its statement saved by
    the clerk; an IOK case to issue a summons on."""

    case_id: int
    iok_case_id: int
    scan_id: int
    letter_id: int


Call = Callable[[AppContext, Actor, World], object]
# name → (the call, the roles allowed)
CALLS: dict[str, tuple[Call, set[Role]]] = {
    "case list": (lambda ctx, a, w: query.first_case_page(ctx, a, query.CaseQuery(), 5),
                  {C, K, S}),
    "case count": (lambda ctx, a, w: query.count_cases(ctx, a, query.CaseQuery()), {C, K, S}),
    "case screen": (lambda ctx, a, w: screen.case_screen(ctx, a, w.case_id), {C, K, S}),
    "case detail": (lambda ctx, a, w: detail.get_case(ctx, a, w.case_id), {C, K, S}),
    "case timeline": (lambda ctx, a, w: detail.case_timeline(ctx, a, w.case_id), {C, K, S}),
    "petition screen": (lambda ctx, a, w: ui_petition_screen.petition_screen(
        ctx, a, w.case_id), {C, K, S}),
    "petition save": (lambda ctx, a, w: petition.save_petition(
        ctx, a, w.case_id, petition.petition_form(ctx, a, w.case_id).version,
        petition.petition_form(ctx, a, w.case_id).data), {K, S}),
    "scan list": (lambda ctx, a, w: scans.list_scans(ctx, a, w.case_id), {C, K, S}),
    "scan read (own, today)": (lambda ctx, a, w: b"".join(
        scans.iter_scan_bytes(ctx, a, w.scan_id)), {C, K, S}),
    "statement read (household incomes)": (
        lambda ctx, a, w: statement.read_statement(ctx, a, w.case_id), {K, S}),
    "statement save": (lambda ctx, a, w: statement.save_statement(
        ctx, a, w.case_id, _statement_version(ctx, w), replace(STATEMENT, remarks="x")),
        {K, S}),
    "statement viewers": (lambda ctx, a, w: statement.statement_viewers(ctx, a, w.case_id),
                          {S, A}),
    "letters list": (lambda ctx, a, w: issue.list_case_letters(ctx, a, w.case_id), {C, K, S}),
    "letter pdf (reprint)": (lambda ctx, a, w: records.letter_pdf(ctx, a, w.letter_id),
                             {C, K, S}),
    "letter delivery record": (lambda ctx, a, w: delivery.record_delivery(
        ctx, a, w.letter_id, _letter_version(ctx, w), date(2026, 3, 2)), {C, K, S}),
    "letter issue (summons)": (lambda ctx, a, w: issue.issue_summons(
        ctx, a, w.iok_case_id, ["podpis"]), {K, S}),
    "register item": (lambda ctx, a, w: intake.register_item(ctx, a, iok_request()),
                      {C, K, S}),
    "audit window": (lambda ctx, a, w: audit_log.list_audit(ctx, a, audit_log.AuditFilter()),
                     {S, A}),
    "users list": (lambda ctx, a, w: users.list_users(ctx, a), {A}),
    "users create": (lambda ctx, a, w: users.create_user(ctx, a, users.NewUser(
        f"nowy.{a.role}", "Nowy Pracownik", Role.CLERK, "Tajne-Haslo-123")), {A}),
    "settings (letter texts) read": (lambda ctx, a, w: load_letter_texts(ctx, a), {A}),
    "settings save": (lambda ctx, a, w: save_settings(ctx, a, load_settings(ctx)), {A}),
    "days off list": (lambda ctx, a, w: list_days_off(ctx, a), {C, K, S, A}),
}


def _statement_version(ctx: AppContext, w: World) -> int:
    from clerk_app.persistence.models import PropertyStatement

    with ctx.db.read() as session:
        row = session.get(PropertyStatement, w.case_id)
        return row.version if row else 0


def _letter_version(ctx: AppContext, w: World) -> int:
    from clerk_app.persistence.models import Letter

    with ctx.db.read() as session:
        row = session.get(Letter, w.letter_id)
        assert row is not None
        return row.version


def _world(ctx: AppContext, staff: Staff, tmp_path: Path) -> World:
    pdf = samples.make_pdf(tmp_path / "oswiadczenie.pdf", "Oswiadczenie o stanie majatkowym")
    result = intake.register_item(ctx, staff[C], deposit_petition(scans=(ScanUpload(pdf),)))
    assert result.case_id is not None
    statement.save_statement(ctx, staff[K], result.case_id, 0, STATEMENT)
    iok = intake.register_item(ctx, staff[C], iok_request())
    assert iok.case_id is not None
    letter = issue.issue_summons(ctx, staff[K], iok.case_id, ["podpis"])
    return World(result.case_id, iok.case_id, result.scan_ids[0], letter.letter_id)


@pytest.mark.parametrize("role", [C, K, S, A], ids=str)
@pytest.mark.parametrize("name", sorted(CALLS))
def test_role_is_allowed_or_refused_by_the_service(
    ctx: AppContext, staff: Staff, tmp_path: Path, name: str, role: Role
) -> None:
    world = _world(ctx, staff, tmp_path)
    call, allowed = CALLS[name]
    if role in allowed:
        call(ctx, staff[role], world)
    else:
        with pytest.raises(PermissionDenied):
            call(ctx, staff[role], world)


def test_counter_opens_only_the_scans_it_attached_today(
    ctx: AppContext, staff: Staff, tmp_path: Path, clock: FakeClock
) -> None:
    world = _world(ctx, staff, tmp_path)
    other = staff[C]
    second = Actor(users.create_user(ctx, staff[A], users.NewUser(
        "okienko2", "Druga Okienkowa", Role.COUNTER, "Tajne-Haslo-123")), "okienko2",
        "Druga Okienkowa", Role.COUNTER)
    with pytest.raises(PermissionDenied, match="tylko skany dołączone przez siebie"):
        b"".join(scans.iter_scan_bytes(ctx, second, world.scan_id))
    assert b"".join(scans.iter_scan_bytes(ctx, other, world.scan_id)).startswith(b"%PDF")
    clock.advance(days=1)  # the next day the counter's own scan is closed to it too
    with pytest.raises(PermissionDenied):
        b"".join(scans.iter_scan_bytes(ctx, other, world.scan_id))
    assert b"".join(scans.iter_scan_bytes(ctx, staff[K], world.scan_id)).startswith(b"%PDF")


def test_admin_reads_the_audit_trail_without_statement_figures(
    ctx: AppContext, staff: Staff, tmp_path: Path
) -> None:
    world = _world(ctx, staff, tmp_path)
    flt = audit_log.AuditFilter()

    def statement_values(actor: Actor) -> list[object]:
        return [value for row in audit_log.list_audit(ctx, actor, flt)
                if row.entity in audit_log.STATEMENT_ENTITIES and row.case_id == world.case_id
                for pair in row.changes.values() for value in pair]

    as_admin, as_supervisor = statement_values(staff[A]), statement_values(staff[S])
    assert as_admin and set(as_admin) == {"***"}
    assert "1500.00" in {str(v) for v in as_supervisor}  # the supervisor sees the savings


def test_admin_reads_which_case_data_changed_but_not_the_values(
    ctx: AppContext, staff: Staff, tmp_path: Path
) -> None:
    world = _world(ctx, staff, tmp_path)
    rows = audit_log.list_audit(ctx, staff[A], audit_log.AuditFilter())
    case_rows = [r for r in rows if r.case_id in (world.case_id, world.iok_case_id)]
    assert case_rows and all(set(v) == {"***"} for r in case_rows for v in r.changes.values())
    assert any("applicant_last_name" in r.changes for r in case_rows)  # which field: kept
    own = [r for r in rows if r.entity == "users" and r.action == "create"]
    assert any("okienko" in map(str, r.changes.get("username", [])) for r in own)
    supervisor = audit_log.list_audit(ctx, staff[S], audit_log.AuditFilter())
    assert any("Ślęzak" in map(str, r.changes.get("applicant_last_name", []))
               for r in supervisor)
