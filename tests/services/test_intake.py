"""Registering incoming items: cases, register entries, scans, and nothing half-saved."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clerk_app.domain.cases import CaseKind, CaseStatus, Channel, IncomingKind, ProxyRelation
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import (
    AuditEntry,
    Case,
    DepositPetition,
    IncomingItem,
    NumberSequence,
    Scan,
    ScanChunk,
)
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import PermissionDenied, ValidationFailed
from clerk_app.services.intake import registration as intake
from clerk_app.services.intake import scans
from clerk_app.services.intake.types import (
    DepositDetailsInput,
    RegistrationInput,
    ScanUpload,
    SenderInput,
)
from tests import samples

RECEIVED = datetime(2026, 3, 2, 9, 15, tzinfo=UTC)


def iok_request(**over: object) -> RegistrationInput:
    data = dict(
        received_at=RECEIVED, channel=Channel.ZGM_SECRETARIAT, kind=IncomingKind.IOK_REQUEST,
        sender=SenderInput("Józef", "Żółkiewski", "44051401359", "Bytomska", "12", "3",
                           "41-940", "Piekary Śląskie", "600 100 200", "jozef@example.pl"),
        subject="Wniosek o utworzenie konta IOK", attachments_count=1,
    )
    data.update(over)
    return RegistrationInput(**data)  # type: ignore[arg-type]


def deposit_petition(**over: object) -> RegistrationInput:
    data = dict(
        received_at=RECEIVED, channel=Channel.COUNTER_B92, kind=IncomingKind.DEPOSIT_PETITION,
        sender=SenderInput("Małgorzata", "Ślęzak", None, "Kalwaryjska", "5", "", "41-940"),
        subject="Prośba o rozłożenie kaucji na raty", attachments_count=2,
        deposit=DepositDetailsInput(Decimal("612.35"), 10, "Trudna sytuacja materialna",
                                    has_property_statement=True),
    )
    data.update(over)
    return RegistrationInput(**data)  # type: ignore[arg-type]


def count(ctx: AppContext, model: type) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_iok_request_opens_case_with_signature_and_register_entry(
    ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path
) -> None:
    counter = staff[Role.COUNTER]
    pdf = samples.make_pdf(tmp_path / "wniosek.pdf")
    jpg = samples.make_jpeg(tmp_path / "zdjecie.jpg")
    result = intake.register_item(ctx, counter, iok_request(
        assignee_id=staff[Role.CLERK].user_id,
        scans=(ScanUpload(pdf), ScanUpload(jpg))))
    assert result.signature == "ZGM.0143.1.2026"
    assert result.entry_number == "1/2026"
    assert len(result.scan_ids) == 2 and result.warnings == ()
    with ctx.db.read() as s:
        case = s.get(Case, result.case_id)
        assert case is not None
        assert case.status == CaseStatus.REGISTERED and case.kind == CaseKind.IOK
        assert case.search_text == (
            "zgm.0143.1.2026 jozef zolkiewski bytomska 12 3 piekary slaskie 44051401359 "
            "jozef@example.pl")
        item = s.get(IncomingItem, result.incoming_item_id)
        assert item is not None and item.case_id == case.id
        audited = {(e.entity, e.action) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.case_id == case.id))}
    assert {("cases", "register"), ("incoming_items", "register"), ("scans", "attach")} <= audited
    stored = b"".join(scans.iter_scan_bytes(ctx, counter, result.scan_ids[0]))
    assert stored == pdf.read_bytes()
    infos = scans.list_scans(ctx, counter, result.case_id or 0)
    assert [i.media_type for i in infos] == ["application/pdf", "image/jpeg"]


def test_deposit_petition_computes_deposit(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    result = intake.register_item(ctx, staff[Role.COUNTER], deposit_petition())
    assert result.signature == "BGM.7141.1.2026"
    with ctx.db.read() as s:
        petition = s.get(DepositPetition, result.case_id)
        assert petition is not None
        assert petition.deposit_amount == Decimal("6123.50")
        assert petition.instalments_requested == 10


def test_supplement_is_attached_to_its_case(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    first = intake.register_item(ctx, staff[Role.COUNTER], deposit_petition())
    supplement = intake.register_item(ctx, staff[Role.COUNTER], deposit_petition(
        kind=IncomingKind.SUPPLEMENT, case_id=first.case_id, deposit=None,
        subject="Oświadczenie o stanie majątkowym"))
    assert supplement.case_id == first.case_id and supplement.signature == first.signature
    assert supplement.entry_number == "2/2026"
    assert count(ctx, Case) == 1


def test_bad_input_names_fields_and_saves_nothing(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    bad = iok_request(
        sender=SenderInput("", "Nowak", "44051401358", email="nie-email", postal_code="4-94"),
        subject=" ", channel=Channel.POST)
    with pytest.raises(ValidationFailed) as err:
        intake.register_item(ctx, staff[Role.COUNTER], bad)
    # An IOK request's malformed e-mail is kept (the request is deficient), not refused.
    assert set(err.value.fields) == {"first_name", "pesel", "postal_code",
                                     "subject", "posted_on"}
    assert "Pole „Treść (temat)”: Pole jest wymagane." in err.value.message
    with pytest.raises(ValidationFailed) as err:
        intake.register_item(ctx, staff[Role.COUNTER], deposit_petition(
            deposit=DepositDetailsInput(Decimal("0"), 12, by_proxy=True,
                                        proxy_relation=ProxyRelation.OTHER)))
    assert set(err.value.fields) == {"monthly_rent", "instalments_requested", "proxy_name"}
    assert count(ctx, Case) == count(ctx, IncomingItem) == 0


def test_iok_request_without_email_is_registered_deficient(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    result = intake.register_item(ctx, staff[Role.COUNTER],
                                  iok_request(sender=SenderInput("Jan", "Kos")))
    assert result.signature is not None
    assert "Adres e-mail, na który zostaną wysłane dane logowania" in result.iok_missing
    assert count(ctx, Case) == 1


@pytest.mark.parametrize("kind", ["exe", "empty", "big", "truncated"])
def test_bad_files_refused_and_nothing_stored(
    ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path, kind: str
) -> None:
    good = samples.make_pdf(tmp_path / "dobry.pdf")
    if kind == "exe":
        bad = samples.make_fake_exe(tmp_path / "skan.pdf")
        message = "nie jest dokumentem PDF"
    elif kind == "empty":
        bad = tmp_path / "pusty.pdf"
        bad.write_bytes(b"")
        message = "jest pusty"
    elif kind == "big":
        bad = tmp_path / "duzy.pdf"
        bad.write_bytes(b"%PDF-1.4\n" + b"0" * (25 * 1048576) + b"\n%%EOF\n")
        message = "ma 25,1 MB; dopuszczalne jest 25,0 MB"
    else:
        bad = samples.make_truncated_pdf(tmp_path / "ucięty.pdf", good)
        message = "uszkodzony lub niekompletny"
    with pytest.raises(ValidationFailed, match=message) as err:
        intake.register_item(ctx, staff[Role.COUNTER],
                             iok_request(scans=(ScanUpload(good), ScanUpload(bad))))
    assert err.value.fields == ["scans"]
    for model in (Case, IncomingItem, Scan, ScanChunk, NumberSequence):
        assert count(ctx, model) == 0
    # The failed registration burned no number.
    assert intake.register_item(ctx, staff[Role.COUNTER], iok_request()).signature \
        == "ZGM.0143.1.2026"


def test_failure_after_case_creation_rolls_everything_back(
    ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path
) -> None:
    """A file that vanishes while being stored fails the write after the case row exists."""
    pdf = samples.make_pdf(tmp_path / "znika.pdf")
    data = iok_request(scans=(ScanUpload(pdf),))
    original = scans.store_scan

    def failing_store(*args: object, **kwargs: object) -> object:
        pdf.unlink()
        return original(*args, **kwargs)  # type: ignore[arg-type]

    intake.store_scan = failing_store  # type: ignore[assignment]
    try:
        with pytest.raises(FileNotFoundError):
            intake.register_item(ctx, staff[Role.COUNTER], data)
    finally:
        intake.store_scan = original
    for model in (Case, IncomingItem, Scan, ScanChunk, NumberSequence):
        assert count(ctx, model) == 0
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)
                        .where(AuditEntry.entity == "cases")) == 0


def test_same_scan_twice_warns(
    ctx: AppContext, staff: dict[Role, Actor], tmp_path: Path
) -> None:
    pdf = samples.make_pdf(tmp_path / "a.pdf")
    intake.register_item(ctx, staff[Role.COUNTER], iok_request(scans=(ScanUpload(pdf),)))
    again = intake.register_item(ctx, staff[Role.COUNTER], iok_request(scans=(ScanUpload(pdf),)))
    assert len(again.warnings) == 1 and "był już dołączony" in again.warnings[0]
    assert scans.find_duplicate_scans(ctx, [pdf])


def test_possible_duplicates(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    intake.register_item(ctx, staff[Role.COUNTER], iok_request())
    hints = intake.find_possible_duplicates(
        ctx, staff[Role.COUNTER], IncomingKind.IOK_REQUEST,
        SenderInput("Józef", "Żółkiewski", "44051401359", "Bytomska", "12"))
    assert len(hints) == 1 and "ten sam PESEL" in hints[0].reason
    assert "to samo imię, nazwisko i adres" in hints[0].reason
    other_kind = intake.find_possible_duplicates(
        ctx, staff[Role.COUNTER], IncomingKind.DEPOSIT_PETITION,
        SenderInput("Józef", "Żółkiewski", "44051401359"))
    assert other_kind == []


def test_admin_may_not_register(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    with pytest.raises(PermissionDenied):
        intake.register_item(ctx, staff[Role.ADMIN], iok_request())


def test_posted_on_after_received_refused(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    with pytest.raises(ValidationFailed, match="Data nadania"):
        intake.register_item(ctx, staff[Role.COUNTER], iok_request(
            channel=Channel.POST, posted_on=date(2026, 3, 5)))


def test_registration_starts_the_initial_deadlines(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    from clerk_app.domain.cases import DeadlineKind, DeadlineState
    from clerk_app.services.deadlines.actions import list_case_deadlines

    clerk = staff[Role.CLERK]
    iok = intake.register_item(ctx, staff[Role.COUNTER], iok_request())
    [target] = list_case_deadlines(ctx, clerk, iok.case_id or 0)
    assert target.kind is DeadlineKind.IOK_TARGET and target.state is DeadlineState.RUNNING
    assert target.due_on == date(2026, 3, 16)  # 14 days from 02.03.2026
    complete = intake.register_item(ctx, staff[Role.COUNTER], deposit_petition())
    [decision] = list_case_deadlines(ctx, clerk, complete.case_id or 0)
    assert decision.kind is DeadlineKind.DECISION
    assert decision.due_on == date(2026, 4, 2)  # one month from 02.03.2026
    incomplete = intake.register_item(ctx, staff[Role.COUNTER], deposit_petition(
        deposit=DepositDetailsInput(Decimal("500.00"), 4, has_property_statement=False)))
    assert list_case_deadlines(ctx, clerk, incomplete.case_id or 0) == []
    with ctx.db.read() as s:
        assert s.get(Case, complete.case_id).next_deadline == date(2026, 4, 2)  # type: ignore[union-attr]
