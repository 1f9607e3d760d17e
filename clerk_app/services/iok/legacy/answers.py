"""A returned form at the counter: its barcode finds the account; the e-mail and consent
typed in register an incoming item and move the account to ``migrate``.

The item is registered first, through the intake service (the office registers every item
that arrives, whatever happens next); the account is then updated in its own transaction,
version-checked, so a form registered twice at once moves the account once and the second
counter is told.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from clerk_app.domain.cases import Channel, IncomingKind
from clerk_app.domain.errors import FieldError
from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.domain.legacy_letters import parse_account_code
from clerk_app.domain.roles import Permission
from clerk_app.domain.validators import validate_email
from clerk_app.persistence.models import LegacyAccount, LegacyBatch
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.errors import ConflictError, NotFound, ValidationFailed
from clerk_app.services.core.unit_of_work import read_as, unit_of_work
from clerk_app.services.intake.registration import register_item
from clerk_app.services.intake.types import RegistrationInput, SenderInput
from clerk_app.services.iok.legacy.overview import LegacyAccountRow, row_of


@dataclass(frozen=True)
class ScannedAccount:
    row: LegacyAccountRow
    version: int
    e_invoice: bool


@dataclass(frozen=True)
class ReturnFormInput:
    account_id: int
    version: int
    email: str
    consent: bool
    e_invoice_consent: bool
    received_at: datetime
    channel: Channel
    posted_on: date | None = None


@dataclass(frozen=True)
class ReturnFormResult:
    account_id: int
    incoming_item_id: int
    entry_number: str
    email: str


def find_scanned_account(ctx: AppContext, actor: Actor, code: str) -> ScannedAccount:
    """The account of a return form's code (``M000000123``), or ``NotFound`` in Polish."""
    account_id = parse_account_code(code)
    if account_id is None:
        raise NotFound(f"„{code.strip()}” nie jest kodem formularza zwrotnego (np. "
                       "M000000123).")
    with read_as(ctx, actor, Permission.REGISTER_ITEM) as session:
        found = session.execute(
            select(LegacyAccount, LegacyBatch.number)
            .outerjoin(LegacyBatch, LegacyBatch.id == LegacyAccount.batch_id)
            .where(LegacyAccount.id == account_id)).first()
        if found is None:
            raise NotFound(f"Nie znaleziono konta o kodzie {code.strip().upper()}.")
        account, number = found
        return ScannedAccount(row_of(account, number), account.version, account.e_invoice)


def _sender(account: LegacyAccount, email: str) -> SenderInput:
    name = (account.name or "").split()
    first, last = (" ".join(name[:-1]), name[-1]) if len(name) > 1 else \
        ("Kontrahent", account.name or account.contractor_number)
    return SenderInput(first_name=first, last_name=last, street=account.street,
                       building=account.building, flat=account.flat,
                       postal_code="41-940", email=email)


def register_return_form(ctx: AppContext, actor: Actor,
                         data: ReturnFormInput) -> ReturnFormResult:
    """Register the returned form and move the account to ``migrate``."""
    errors = []
    email = ""
    try:
        email = validate_email(data.email)
    except FieldError as exc:
        errors.append(exc)
    if not data.consent:
        errors.append(FieldError("migration_consent", "Bez zaznaczonej zgody konta nie można "
                                 "przenieść do IOK."))
    if errors:
        raise ValidationFailed(errors)
    with read_as(ctx, actor, Permission.REGISTER_ITEM) as session:
        account = session.get(LegacyAccount, data.account_id)
        if account is None:
            raise NotFound("Nie znaleziono konta.")
        if account.answered_on is not None or account.version != data.version:
            raise ConflictError("Formularz tego konta został już zarejestrowany albo konto "
                                "zmieniono w międzyczasie; zeskanuj kod ponownie.")
        sender = _sender(account, email)
        subject = (f"Zgoda na przeniesienie konta do IOK – kontrahent "
                   f"{account.contractor_number}")
    registered = register_item(ctx, actor, RegistrationInput(
        received_at=data.received_at, channel=data.channel,
        kind=IncomingKind.LEGACY_CONSENT, sender=sender, subject=subject,
        posted_on=data.posted_on, remarks=f"Formularz zwrotny migracji, kod konta "
                                          f"M{data.account_id:09d}"))
    with unit_of_work(ctx, actor, Permission.REGISTER_ITEM) as work:
        account = work.session.get(LegacyAccount, data.account_id, with_for_update=True)
        if account is None or account.answered_on is not None \
                or account.version != data.version:
            raise ConflictError("Pismo zarejestrowano (" + registered.entry_number + "), ale "
                                "konto zmieniono w międzyczasie: sprawdź je ponownie.")
        account.answered_on = data.received_at.astimezone(OFFICE_TZ).date()
        account.consent_email = email
        account.consent_e_invoice = data.e_invoice_consent
        account.answer_item_id = registered.incoming_item_id
        account.account_class = LegacyClass.MIGRATE
        account.updated_at = work.now
        work.audit_changes(account, "answer")
    return ReturnFormResult(data.account_id, registered.incoming_item_id,
                            registered.entry_number, email)
