"""Consent batches, returned forms and progress on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from clerk_app.demo.legacy_rows import export_rows, write_export
from clerk_app.documents.legacy_batch_pdf import render_one_letter_pdf
from clerk_app.domain.cases import Channel, IncomingKind
from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.domain.legacy_letters import account_code, parse_account_code
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import IncomingItem, LegacyAccount, LegacyBatch
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from clerk_app.services.iok.legacy.answers import (
    ReturnFormInput,
    find_scanned_account,
    register_return_form,
)
from clerk_app.services.iok.legacy.batches import batch_document, make_batch
from clerk_app.services.iok.legacy.importing import import_legacy
from clerk_app.services.iok.legacy.mailing import send_batch_by_email
from clerk_app.services.iok.legacy.overview import legacy_accounts, migration_overview
from tests.conftest import FakeClock
from tests.mailserver import MailServer, configure_smtp, smtp_server
from tests.services.deadline_fixtures import set_today
from tests.services.legacy.legacy_files import TODAY

__all__ = ["smtp_server"]


def import_waiting(ctx: AppContext, boss: Actor, tmp_path: Path, count: int = 30) -> list[str]:
    """``count`` active accounts needing consent, created on distinct days (oldest last in
    the file); returns their contractor numbers, oldest first."""
    rows = export_rows(count, 5, TODAY)
    for index, row in enumerate(rows[1:]):
        row[6] = (date(2017, 12, 1) - timedelta(days=index)).isoformat()
        row[9] = "tak"
        row[5] = f"stary{index}@wp.pl" if index % 3 == 0 else ""
    path = tmp_path / "waiting.csv"
    write_export(path, rows)
    assert import_legacy(ctx, boss, path).needs_consent == count
    return [r[0] for r in reversed(rows[1:])]


def test_batches_take_the_oldest_not_yet_asked(ctx: AppContext, staff: dict[Role, Actor],
                                              tmp_path: Path) -> None:
    boss = staff[Role.SUPERVISOR]
    oldest_first = import_waiting(ctx, boss, tmp_path)
    first = make_batch(ctx, boss, 12, date(2026, 3, 2))
    second = make_batch(ctx, boss, None, date(2026, 3, 3))  # the setting: 200, only 18 left
    assert (first.number, first.size, second.number, second.size) == (1, 12, 2, 18)
    assert [letter.contractor_number for letter in first.document.letters] == oldest_first[:12]
    assert [letter.contractor_number for letter in second.document.letters] == \
        oldest_first[12:]
    letter = first.document.letters[0]
    with ctx.db.read() as session:
        account = session.scalars(select(LegacyAccount).where(
            LegacyAccount.contractor_number == letter.contractor_number)).one()
        assert letter.code == account_code(account.id) and account.batch_id == first.batch_id
        assert session.get(LegacyBatch, first.batch_id).created_by_id == boss.user_id
    assert first.document.sender_address == "ul. Gen. Jerzego Ziętka 60, 41-940 Piekary Śląskie"
    assert batch_document(ctx, boss, first.batch_id) == first.document
    with pytest.raises(ServiceError, match="Nie ma kont oczekujących"):
        make_batch(ctx, boss, 5, date(2026, 3, 3))
    with pytest.raises(ValidationFailed, match="od 1 do 5000"):
        make_batch(ctx, boss, 0, date(2026, 3, 3))
    with pytest.raises(PermissionDenied):
        make_batch(ctx, staff[Role.CLERK], 5, date(2026, 3, 3))


def test_return_form_moves_the_account_and_progress_counts_it(
        ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path, clock: FakeClock) -> None:
    boss, counter = staff[Role.SUPERVISOR], staff[Role.COUNTER]
    import_waiting(ctx, boss, tmp_path, 10)
    made = make_batch(ctx, boss, 4, date(2026, 3, 2))
    code = made.document.letters[1].code
    scanned = find_scanned_account(ctx, counter, f" {code.lower()} ")
    assert scanned.row.account_class is LegacyClass.NEEDS_CONSENT
    assert scanned.row.batch_number == 1
    when = datetime(2026, 3, 9, 10, 0, tzinfo=clock.current.tzinfo)
    form = ReturnFormInput(scanned.row.account_id, scanned.version, " Nowy.Adres@WP.PL ",
                           consent=True, e_invoice_consent=True, received_at=when,
                           channel=Channel.COUNTER_B84)
    with pytest.raises(ValidationFailed) as refused:
        register_return_form(ctx, counter, ReturnFormInput(
            scanned.row.account_id, scanned.version, "zły@", False, False, when,
            Channel.COUNTER_B84))
    assert refused.value.fields == ["email", "migration_consent"]

    clock.current = when  # the form is registered the day it comes back
    result = register_return_form(ctx, counter, form)

    assert result.email == "Nowy.Adres@wp.pl"
    with ctx.db.read() as session:
        account = session.get(LegacyAccount, scanned.row.account_id)
        item = session.get(IncomingItem, result.incoming_item_id)
    assert account.account_class is LegacyClass.MIGRATE
    assert (account.answered_on, account.consent_email, account.consent_e_invoice,
            account.answer_item_id) == (date(2026, 3, 9), "Nowy.Adres@wp.pl", True, item.id)
    assert item.kind is IncomingKind.LEGACY_CONSENT and item.entry_number == result.entry_number
    assert code in item.remarks
    with pytest.raises(ConflictError):  # the same form scanned again
        register_return_form(ctx, counter, form)
    with pytest.raises(NotFound):
        find_scanned_account(ctx, counter, "M999999999")
    with pytest.raises(NotFound, match="nie jest kodem"):
        find_scanned_account(ctx, counter, "L2026000001")

    overview = migration_overview(ctx, boss)
    assert overview.counts[LegacyClass.MIGRATE] == 1 and overview.waiting == 6
    (batch,) = overview.batches
    assert (batch.size, batch.answered, batch.sent_post, batch.sent_email, batch.no_answer) \
        == (4, 1, 4, 0, 0)
    set_today(clock, date(2026, 3, 2) + timedelta(days=31))  # iok_no_answer_days = 30
    assert migration_overview(ctx, boss).batches[0].no_answer == 3
    rows = legacy_accounts(ctx, boss, LegacyClass.MIGRATE)
    assert [r.account_id for r in rows] == [scanned.row.account_id]
    with pytest.raises(PermissionDenied):
        migration_overview(ctx, counter)


def test_batch_by_email_records_each_outcome_and_retries(
        ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path,
        smtp_server: MailServer) -> None:
    boss = staff[Role.SUPERVISOR]
    import_waiting(ctx, boss, tmp_path, 9)  # every third has an old address: 3 of 9
    made = make_batch(ctx, boss, 9, date(2026, 3, 2))
    configure_smtp(ctx, staff[Role.ADMIN], smtp_server)
    with_mail = [letter for letter in made.document.letters if letter.email]
    smtp_server.refused.add(with_mail[0].email or "")

    outcome = send_batch_by_email(ctx, boss, made.batch_id, render_one_letter_pdf)

    assert (outcome.sent, outcome.failed) == (2, 1)
    assert outcome.errors[0][0] == with_mail[0].code and "odrzucił" in outcome.errors[0][1]
    assert sorted(m.rcpt_tos[0] for m in smtp_server.received) == sorted(
        letter.email for letter in with_mail[1:])
    name, pdf = smtp_server.received[0].attachments()[0]
    assert name.startswith("ZGM-IOK-M") and pdf.startswith(b"%PDF")
    (batch,) = migration_overview(ctx, boss).batches
    assert (batch.sent_email, batch.email_failed, batch.with_old_email, batch.sent_post) == \
        (2, 1, 3, 7)
    smtp_server.refused.clear()
    again = send_batch_by_email(ctx, boss, made.batch_id, render_one_letter_pdf)
    assert (again.sent, again.failed) == (1, 0) and len(smtp_server.received) == 3
    with ctx.db.read() as session:
        account = session.get(LegacyAccount, parse_account_code(with_mail[0].code))
    assert account.email_error == "" and account.email_message_id
    assert send_batch_by_email(ctx, boss, made.batch_id, render_one_letter_pdf).sent == 0
