"""Issued letters as records: kept bytes, identical reprints, first render of old rows,
damaged files refused, and the state of a letter (sent, delivered, not collected, returned)."""

from __future__ import annotations

import dataclasses
import hashlib
import threading
from datetime import date

import pytest
from sqlalchemy import func, select, update

from clerk_app.domain.letter_kinds import DeliveryMethod, DeliveryStatus
from clerk_app.domain.letter_state import LetterState
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import LetterFile
from clerk_app.services.admin.settings import load_settings, save_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, NotFound, ValidationFailed
from clerk_app.services.letters.delivery import (
    record_counter_delivery,
    record_delivery,
    record_email_delivery,
    record_not_collected,
    record_returned,
    record_sent,
)
from clerk_app.services.letters.issue import issue_delay_notice, issue_summons, list_case_letters
from clerk_app.services.letters.records import (
    StoredPdfDamaged,
    letter_pdf,
    letters_of_case,
)
from tests.documents.every_kind import consent_and_agreement
from tests.services.deadline_fixtures import (
    audit_actions,
    deadline_rows,
    make_case,
    set_today,
)


def _file_row(ctx: AppContext, letter_id: int) -> LetterFile:
    with ctx.db.read() as session:
        row = session.get(LetterFile, letter_id)
        assert row is not None
        session.expunge(row)
        return row


def _drop_file(ctx: AppContext, letter_id: int) -> None:
    """Make the letter look like demo data or a row from before files were kept."""
    with ctx.db.transaction() as session:
        session.execute(LetterFile.__table__.delete().where(LetterFile.letter_id == letter_id))


def test_issued_letter_is_kept_and_reprints_byte_identical(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    clerk, counter = staff[Role.CLERK], staff[Role.COUNTER]
    issued = issue_summons(ctx, clerk, make_case(ctx, clerk.user_id), ["Podpis"])
    row = _file_row(ctx, issued.letter_id)
    assert row.pdf.startswith(b"%PDF") and row.size_bytes == len(row.pdf)
    assert row.sha256 == hashlib.sha256(row.pdf).hexdigest()
    assert row.created_by_id == clerk.user_id
    first = letter_pdf(ctx, clerk, issued.letter_id)
    second = letter_pdf(ctx, counter, issued.letter_id)
    assert first.pdf == second.pdf == row.pdf
    assert first.sha256 == second.sha256 == row.sha256
    assert not first.rendered_now and first.file_name == f"{issued.identifier}.pdf"
    assert first.kind == "summons" and first.case_signature == "BGM.7141.1.2026"
    assert [a[1] for a in audit_actions(ctx, entity="letter_files")] == ["keep_pdf"]


def test_letter_without_file_is_rendered_once_then_kept(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id)
    issued = issue_delay_notice(ctx, clerk, case_id, date(2026, 4, 20), "opinia ZGM")
    original = _file_row(ctx, issued.letter_id).pdf
    _drop_file(ctx, issued.letter_id)
    rendered = letter_pdf(ctx, clerk, issued.letter_id)
    # the same content again (only the creation time and the document id differ)
    assert rendered.rendered_now and len(rendered.pdf) == len(original)
    again = letter_pdf(ctx, clerk, issued.letter_id)
    assert not again.rendered_now and again.pdf == rendered.pdf
    assert again.sha256 == _file_row(ctx, issued.letter_id).sha256
    with pytest.raises(NotFound):
        letter_pdf(ctx, clerk, 987654)


def test_two_first_opens_keep_one_file(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    clerk, counter = staff[Role.CLERK], staff[Role.COUNTER]
    issued = issue_summons(ctx, clerk, make_case(ctx, clerk.user_id), ["Podpis"])
    _drop_file(ctx, issued.letter_id)
    start, results, errors = threading.Barrier(2), [], []

    def open_it(actor: Actor) -> None:
        start.wait()
        try:
            results.append(letter_pdf(ctx, actor, issued.letter_id))
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_it, args=(a,)) for a in (clerk, counter)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == [] and len(results) == 2
    assert results[0].pdf == results[1].pdf
    assert sorted(r.rendered_now for r in results) == [False, True]
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(LetterFile)) == 1


def test_damaged_file_is_refused(ctx: AppContext, staff: dict[Role, Actor],
                                 caplog: pytest.LogCaptureFixture) -> None:
    clerk = staff[Role.CLERK]
    issued = issue_summons(ctx, clerk, make_case(ctx, clerk.user_id), ["Podpis"])
    pdf = _file_row(ctx, issued.letter_id).pdf
    with ctx.db.transaction() as session:
        session.execute(update(LetterFile).where(LetterFile.letter_id == issued.letter_id)
                        .values(pdf=pdf[:-10] + b"0123456789"))
    with pytest.raises(StoredPdfDamaged) as err:
        letter_pdf(ctx, clerk, issued.letter_id)
    assert "uszkodzony" in err.value.message and issued.identifier in err.value.message
    assert any("does not match its hash" in r.getMessage() for r in caplog.records)


def test_state_sent_delivered_returned(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk, counter = staff[Role.CLERK], staff[Role.COUNTER]
    case_id = make_case(ctx, clerk.user_id)
    one = issue_summons(ctx, clerk, case_id, ["Podpis"])
    (view,) = list_case_letters(ctx, clerk, case_id)
    assert view.state is LetterState.ISSUED and view.state.label == "Wystawione"

    set_today(clock, date(2026, 3, 6))
    with pytest.raises(ValidationFailed) as err:
        record_sent(ctx, counter, one.letter_id, one.version, date(2026, 3, 7))
    assert err.value.fields == ["sent_on"]
    sent = record_sent(ctx, counter, one.letter_id, one.version, date(2026, 3, 3))
    assert sent.state is LetterState.SENT and sent.sent_on == date(2026, 3, 3)
    with pytest.raises(ConflictError):
        record_sent(ctx, counter, one.letter_id, one.version, date(2026, 3, 3))
    delivered = record_counter_delivery(ctx, counter, one.letter_id, sent.version,
                                        date(2026, 3, 5)).letter
    assert delivered.state is LetterState.DELIVERED
    with pytest.raises(ValidationFailed) as err:
        record_returned(ctx, counter, one.letter_id, delivered.version, date(2026, 3, 6))
    assert err.value.fields == ["returned_on"] and "doręczone" in err.value.message

    two = issue_summons(ctx, clerk, case_id, ["Podpis"])
    sent = record_sent(ctx, counter, two.letter_id, two.version, date(2026, 3, 6))
    with pytest.raises(ValidationFailed):
        record_returned(ctx, counter, two.letter_id, sent.version, date(2026, 3, 5))
    returned = record_returned(ctx, counter, two.letter_id, sent.version, date(2026, 3, 6))
    assert returned.state is LetterState.RETURNED and returned.returned_on == date(2026, 3, 6)
    assert returned.state.label == "Zwrócone do nadawcy"
    with pytest.raises(ValidationFailed) as err:
        record_counter_delivery(ctx, counter, two.letter_id, returned.version, date(2026, 3, 6))
    assert err.value.fields == ["returned_on"]
    changes = [a for a in audit_actions(ctx, case_id) if a[0] == "letters"]
    assert ("letters", "sent", {"sent_on": [None, "2026-03-03"]}) in changes
    assert any(a[1] == "returned" and a[2]["returned_on"] == [None, "2026-03-06"]
               for a in changes)


def test_not_collected_then_returned_and_listing_by_signature(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk, counter = staff[Role.CLERK], staff[Role.COUNTER]
    case_id = make_case(ctx, clerk.user_id)
    one = issue_summons(ctx, clerk, case_id, ["Podpis"])
    set_today(clock, date(2026, 3, 30))
    deemed = record_not_collected(ctx, counter, one.letter_id, one.version,
                                  date(2026, 3, 4)).letter
    assert deemed.state is LetterState.NOT_COLLECTED
    assert deemed.state.label.startswith("Nieodebrane")
    listed = letters_of_case(ctx, counter, " bgm.7141.1.2026 ")
    assert [(x.identifier, x.state) for x in listed] == [
        (one.identifier, LetterState.NOT_COLLECTED)]
    back = record_returned(ctx, counter, one.letter_id, deemed.version, date(2026, 3, 25))
    assert back.state is LetterState.RETURNED
    assert back.deemed_delivered_on == deemed.deemed_delivered_on  # the deemed date stays
    with pytest.raises(NotFound) as err:
        letters_of_case(ctx, counter, "BGM.7141.99.2026")
    assert "BGM.7141.99.2026" in err.value.message


@pytest.mark.parametrize("counts", [False, True], ids=["read_not_delivery", "read_counts"])
def test_email_reading_confirmation_counts_only_when_set(
    ctx: AppContext, staff: dict[Role, Actor], clock: object, counts: bool
) -> None:
    clerk, counter = staff[Role.CLERK], staff[Role.COUNTER]
    assert load_settings(ctx).email_read_counts_as_delivery is False  # the default
    if counts:
        save_settings(ctx, staff[Role.ADMIN], dataclasses.replace(
            load_settings(ctx), email_read_counts_as_delivery=True))
    case_id = make_case(ctx, clerk.user_id)
    summons = issue_summons(ctx, clerk, case_id, ["Podpis"])
    before = [(d.kind, d.state, d.due_on) for d in deadline_rows(ctx, case_id)]
    set_today(clock, date(2026, 3, 4))
    result = record_email_delivery(ctx, counter, summons.letter_id, summons.version,
                                   date(2026, 3, 3))
    letter = result.letter
    assert letter.delivery_method is DeliveryMethod.EMAIL
    if counts:
        assert letter.state is LetterState.DELIVERED
        assert letter.delivered_on == date(2026, 3, 3) and letter.email_read_on is None
        assert result.started_deadline is not None
        assert result.started_deadline.due_on == date(2026, 3, 10)
        return
    assert letter.state is LetterState.SENT
    assert letter.delivery_status is DeliveryStatus.PENDING and letter.delivered_on is None
    assert letter.email_read_on == date(2026, 3, 3)
    assert result.started_deadline is None
    assert [(d.kind, d.state, d.due_on) for d in deadline_rows(ctx, case_id)] == before
    assert any(a[1] == "email_read" and a[2]["email_read_on"] == [None, "2026-03-03"]
               for a in audit_actions(ctx, case_id))
    (listed,) = list_case_letters(ctx, clerk, case_id)
    assert listed.email_read_on == date(2026, 3, 3) and listed.state is LetterState.SENT
    # the letter still waits: its delivery by post can be recorded and starts the 7 days
    posted = record_delivery(ctx, counter, summons.letter_id, listed.version, date(2026, 3, 4))
    assert posted.letter.state is LetterState.DELIVERED
    assert posted.started_deadline is not None
    assert posted.started_deadline.due_on == date(2026, 3, 11)


def test_agreement_without_file_is_rendered_from_its_stored_document(
    ctx: AppContext, staff: dict[Role, Actor], clock: object
) -> None:
    clerk = staff[Role.CLERK]
    _consent, agreement = consent_and_agreement(ctx, staff, clock, "116.06")
    assert agreement.kind == "agreement"
    (letter_id,) = [x.id for x in letters_of_case(ctx, clerk, agreement.signature)
                    if x.identifier == agreement.identifier]
    _drop_file(ctx, letter_id)
    rendered = letter_pdf(ctx, clerk, letter_id)
    assert rendered.rendered_now and rendered.kind == "agreement"
    assert len(rendered.pdf) == len(agreement.pdf)  # same content, new creation time
    assert letter_pdf(ctx, clerk, letter_id).pdf == rendered.pdf
