"""Importing old portal accounts on SQLite and PostgreSQL: the 20,000-row Windows-1250 file
with bad rows, idempotence, later files, all-or-nothing, XLSX, audit and permission."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from clerk_app.demo.legacy_rows import export_rows, write_export
from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import AuditEntry, LegacyAccount
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied
from clerk_app.services.iok.legacy.importing import import_legacy
from clerk_app.services.iok.legacy.reading import LegacyFileUnreadable
from tests.services.legacy.legacy_files import TODAY, file_with_bad_rows


def _classes(ctx: AppContext) -> dict[str, int]:
    with ctx.db.read() as session:
        return {str(k): n for k, n in session.execute(
            select(LegacyAccount.account_class, func.count())
            .group_by(LegacyAccount.account_class))}


def test_twenty_thousand_rows_in_windows_1250(
        ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path) -> None:
    path = tmp_path / "portal.csv"
    expected = file_with_bad_rows(path, 20_000)
    assert "Łucja Żółtowska-Ślęzak".encode("cp1250") in path.read_bytes()
    supervisor = staff[Role.SUPERVISOR]

    report = import_legacy(ctx, supervisor, path)

    assert {r.line: r.reason for r in report.rejected}.keys() == expected.rejected.keys()
    for row in report.rejected:
        assert expected.rejected[row.line] in row.reason, row
    assert (report.migrate, report.needs_consent, report.skipped) == (
        expected.migrate, expected.needs_consent, expected.skipped)
    assert report.new == report.inserted == expected.accounts and report.imported
    stored = _classes(ctx)
    assert sum(stored.values()) == expected.accounts
    with ctx.db.read() as session:
        bad_mail = session.scalars(select(LegacyAccount).where(
            LegacyAccount.contractor_number == expected.rows[102][0])).one()
        assert (bad_mail.email, bad_mail.account_class) == (None, LegacyClass.NEEDS_CONSENT)
        assert session.scalar(select(func.count()).select_from(LegacyAccount).where(
            LegacyAccount.name == "Łucja Żółtowska-Ślęzak")) == 1
        assert session.scalar(select(func.count()).select_from(LegacyAccount).where(
            LegacyAccount.name == "Inna Osoba")) == 0

    again = import_legacy(ctx, supervisor, path)
    assert again.new == 0 and again.inserted == again.updated == 0
    assert _classes(ctx) == stored
    with ctx.db.read() as session:
        audits = session.scalars(select(AuditEntry).where(AuditEntry.action == "import")).all()
    assert len(audits) == 2 and audits[0].username == "kierownik"
    changes = json.loads(audits[0].changes)
    assert changes["file"] == [None, "portal.csv"] and changes["rejected"] == [None, 4]


def test_all_or_nothing_imports_none(ctx: AppContext, staff: dict[Role, Actor],
                                     tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    file_with_bad_rows(path, 300)
    report = import_legacy(ctx, staff[Role.SUPERVISOR], path, all_or_nothing=True)
    assert not report.imported and report.new == 0 and len(report.rejected) == 4
    assert _classes(ctx) == {}


def test_later_file_updates_known_accounts_keeping_answers(
        ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path) -> None:
    rows = export_rows(40, 3, TODAY)
    for row in rows[1:]:
        row[6], row[9], row[5] = "2019-04-04", "tak", "ok@wp.pl"
    path = tmp_path / "v1.csv"
    write_export(path, rows, encoding="utf-8-sig", delimiter=",")
    boss = staff[Role.SUPERVISOR]
    assert import_legacy(ctx, boss, path).migrate == 40
    with ctx.db.transaction() as session:  # the first account answered a batch letter
        first = session.scalars(select(LegacyAccount).order_by(LegacyAccount.id)).first()
        assert first is not None
        first.answered_on, first.consent_email = TODAY, "nowy@wp.pl"
    rows[1][5] = rows[2][5] = ""  # both lost their e-mail in the newer export
    rows[3][9] = "nie"  # and one was closed
    rows.append(list(rows[4]))
    rows[-1][0] = "999999"  # and a new one
    path2 = tmp_path / "v2.csv"
    write_export(path2, rows)
    report = import_legacy(ctx, boss, path2)
    assert (report.inserted, report.updated, report.new) == (1, 3, 4)
    with ctx.db.read() as session:
        accounts = {a.contractor_number: a for a in session.scalars(select(LegacyAccount))}
    answered, other, closed = (accounts[rows[i][0]] for i in (1, 2, 3))
    assert answered.account_class is LegacyClass.MIGRATE and answered.email is None
    assert answered.consent_email == "nowy@wp.pl" and answered.version == 3
    assert other.account_class is LegacyClass.NEEDS_CONSENT
    assert closed.account_class is LegacyClass.SKIPPED
    assert import_legacy(ctx, boss, path2).new == 0


def test_xlsx_with_real_dates(ctx: AppContext, staff: dict[Role, Actor],
                              tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nr_kontrahenta", "nazwa", "email", "data_utworzenia", "e_faktura",
                  "aktywne"])
    sheet.append([12345, "Jan Nowak", "jan@wp.pl", TODAY.replace(year=2020), "TAK", "tak"])
    sheet.append([12346, "Ewa Nowak", None, "01.02.2016", "nie", "tak"])
    path = tmp_path / "portal.xlsx"
    book.save(path)
    report = import_legacy(ctx, staff[Role.SUPERVISOR], path)
    assert (report.migrate, report.needs_consent, report.rejected) == (1, 1, ())
    with ctx.db.read() as session:
        assert sorted(session.scalars(select(LegacyAccount.contractor_number))) == [
            "12345", "12346"]


def test_unreadable_files_and_roles(ctx: AppContext, staff: dict[Role, Actor],
                                    tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(LegacyFileUnreadable, match="nie jest poprawnym skoroszytem"):
        import_legacy(ctx, staff[Role.SUPERVISOR], broken)
    headerless = tmp_path / "x.csv"
    headerless.write_text("a;b;c\n1;2;3\n")
    with pytest.raises(LegacyFileUnreadable, match="brak kolumn"):
        import_legacy(ctx, staff[Role.SUPERVISOR], headerless)
    good = tmp_path / "good.csv"
    write_export(good, export_rows(3, 1, TODAY))
    with pytest.raises(PermissionDenied):
        import_legacy(ctx, staff[Role.CLERK], good)
    assert _classes(ctx) == {}


def test_a_failure_halfway_leaves_nothing(ctx: AppContext, staff: dict[Role, Actor],
                                          tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The chunks are statements of one transaction: a failure after the first chunk was
    written (here: the progress callback) rolls all of them back, audit row included."""
    path = tmp_path / "portal.csv"
    write_export(path, export_rows(50, 2, TODAY))
    monkeypatch.setattr("clerk_app.services.iok.legacy.importing.CHUNK", 10)
    written: list[int] = []

    def progress(done: int, total: int) -> None:
        written.append(done)
        if done >= 20:
            raise RuntimeError("przerwano")

    with pytest.raises(RuntimeError):
        import_legacy(ctx, staff[Role.SUPERVISOR], path, progress=progress)
    assert written == [10, 20]
    assert _classes(ctx) == {}
    with ctx.db.read() as session:
        assert session.scalars(select(AuditEntry).where(AuditEntry.action == "import")).all() \
            == []
    assert import_legacy(ctx, staff[Role.SUPERVISOR], path).new == 50
