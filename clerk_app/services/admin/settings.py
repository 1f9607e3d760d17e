"""Office settings kept in the database and edited by the admin."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from clerk_app.domain.cases import CaseKind
from clerk_app.domain.deposit_letter_texts import (
    DEFAULT_AUTHORITY,
    DEFAULT_LEGAL_BASIS,
    DEFAULT_THROUGH,
)
from clerk_app.domain.errors import FieldError
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.money import DEPOSIT_COLUMN_MAX
from clerk_app.domain.roles import Permission
from clerk_app.domain.signatures import validate_register_pattern, validate_signature_pattern
from clerk_app.domain.validators import validate_nrb
from clerk_app.persistence.models import Setting
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, ValidationFailed
from clerk_app.services.core.unit_of_work import Work, read_as, unit_of_work

SETTINGS_KEY = "office"
LETTER_TEXTS_KEY = "letter_texts"
_LK = LetterKind
MISSED_INSTALMENT_TEXT = (
    "W razie niezapłacenia którejkolwiek raty w terminie pozostała do zapłaty część kaucji "
    "staje się natychmiast wymagalna, a Wynajmujący może odmówić zawarcia umowy najmu lokalu "
    "do czasu zapłaty całej kaucji.")


@dataclass(frozen=True)
class OfficeSettings:
    """Everything the office configures; defaults follow domain.md."""

    city_office_name: str = "Urząd Miasta Piekary Śląskie"
    city_office_address: str = "ul. Bytomska 84, 41-940 Piekary Śląskie"
    bgm_name: str = "Biuro Gospodarki Mieszkaniowej"
    bgm_address: str = "ul. Bytomska 92, pok. 109, 41-940 Piekary Śląskie"
    zgm_name: str = "Zakład Gospodarki Mieszkaniowej w Piekarach Śląskich"
    zgm_address: str = "ul. Gen. Jerzego Ziętka 60, 41-940 Piekary Śląskie"
    zgm_phones: str = "(32) 287-29-81, (32) 287-29-80, (32) 760-00-76"
    zgm_signatory_name: str = ""
    zgm_signatory_title: str = "Dyrektor Zakładu Gospodarki Mieszkaniowej"
    # Where a deposit applicant may bring documents in person (named in the summons).
    counter_addresses: str = "ul. Bytomska 84 lub ul. Bytomska 92"
    iok_unit: str = "ZGM"
    iok_jrwa: str = "0143"
    deposit_unit: str = "BGM"
    deposit_jrwa: str = "7141"
    signature_pattern: str = "{unit}.{jrwa}.{number}.{year}"
    register_pattern: str = "{number}/{year}"
    deficiency_days: int = 7
    decision_months: int = 1
    iok_target_days: int = 14
    # IOK (regulamin IOK, local practice): the reply period of a completion request, the
    # size of a migration consent batch, and after how many days a batch letter is unanswered.
    iok_reply_days: int = 14
    iok_batch_size: int = 200
    iok_no_answer_days: int = 30
    stamp_duty: str = "17.00"
    # The highest monthly rent a petition may state (a typo of a few zeros is refused).
    max_monthly_rent: str = "20000.00"
    deposit_bank_account: str = ""
    signatory_name: str = ""
    signatory_title: str = "Kierownik Biura Gospodarki Mieszkaniowej"
    scan_max_mb: int = 25
    scan_inbox_dir: str = ""
    # The desktop SQLite database is copied at the first start of each day (0: never).
    backups_kept: int = 7
    # Issued letters (records branch): an e-mail reading confirmation is recorded on the
    # letter but counts as its delivery (and starts a deadline) only when this is on.
    email_read_counts_as_delivery: bool = False
    # The office's SMTP server (the password is not kept here: services/mail).
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = "starttls"  # "starttls", "tls" or "none"
    smtp_user: str = ""
    smtp_sender: str = ""  # the From address, e.g. iok@zgm.piekary.pl
    # Retention of personal data in years (domain.md "Personal data"; the IOK period is ZGM's).
    retention_deposit_lease_years: int = 5
    retention_deposit_no_lease_years: int = 10
    retention_iok_years: int = 5
    version: int = field(default=0, compare=False)

    def unit_and_class(self, kind: CaseKind) -> tuple[str, str]:
        """The unit symbol and JRWA class used in signatures of ``kind``."""
        if kind == CaseKind.IOK:
            return self.iok_unit, self.iok_jrwa
        return self.deposit_unit, self.deposit_jrwa

    @property
    def stamp_duty_amount(self) -> Decimal:
        return Decimal(self.stamp_duty)

    @property
    def rent_ceiling(self) -> Decimal:
        return Decimal(self.max_monthly_rent)


# How the SMTP connection is protected (``smtp_security``), with the Polish names.
SMTP_SECURITY_LABELS = {"starttls": "STARTTLS (zwykle port 587)", "tls": "TLS (zwykle port 465)",
                        "none": "Bez szyfrowania (tylko sieć wewnętrzna)"}

_REQUIRED_TEXT = (
    "city_office_name", "city_office_address", "bgm_name", "bgm_address", "zgm_name",
    "zgm_address", "counter_addresses", "iok_unit", "iok_jrwa", "deposit_unit",
    "deposit_jrwa", "signatory_title", "zgm_signatory_title",
)
_INT_RANGES = {
    "deficiency_days": (1, 60),
    "decision_months": (1, 12),
    "iok_target_days": (1, 90),
    "iok_reply_days": (1, 90),
    "iok_batch_size": (1, 5000),
    "iok_no_answer_days": (1, 365),
    "smtp_port": (1, 65535),
    "scan_max_mb": (1, 500),
    "backups_kept": (0, 365),
    "retention_deposit_lease_years": (1, 50),
    "retention_deposit_no_lease_years": (1, 50),
    "retention_iok_years": (1, 50),
}


def validate_settings(s: OfficeSettings) -> OfficeSettings:
    """Check every setting; raise ``ValidationFailed`` naming each bad field (by the
    attribute of ``OfficeSettings``)."""
    errors: list[FieldError] = []
    values = dataclasses.asdict(s)
    for key in _REQUIRED_TEXT:
        values[key] = str(values[key]).strip()
        if not values[key]:
            errors.append(FieldError(key, "Pole jest wymagane."))
    for key in ("iok_unit", "deposit_unit", "iok_jrwa", "deposit_jrwa"):
        if values[key] and not all(c.isalnum() or c in "-_" for c in values[key]):
            errors.append(FieldError(key, "Dozwolone są tylko litery, cyfry, - i _."))
    for key, (low, high) in _INT_RANGES.items():
        if not isinstance(values[key], int) or not low <= values[key] <= high:
            errors.append(FieldError(key, f"Podaj liczbę całkowitą od {low} do {high}."))
    for key, check in (("signature_pattern", validate_signature_pattern),
                       ("register_pattern", validate_register_pattern)):
        try:
            values[key] = check(values[key])
        except FieldError as exc:
            errors.append(exc)
    try:
        duty = Decimal(str(values["stamp_duty"]).replace(",", ".").strip())
        if duty < 0 or duty != duty.quantize(Decimal("0.01")):
            raise InvalidOperation
        values["stamp_duty"] = str(duty.quantize(Decimal("0.01")))
    except InvalidOperation:
        errors.append(FieldError("stamp_duty", "Podaj kwotę w złotych, np. 17,00."))
    try:
        ceiling = Decimal(str(values["max_monthly_rent"]).replace(",", ".").strip())
        if not ceiling.is_finite() or ceiling <= 0 \
                or ceiling * 10 > DEPOSIT_COLUMN_MAX or ceiling != ceiling.quantize(
                    Decimal("0.01")):
            raise InvalidOperation
        values["max_monthly_rent"] = str(ceiling.quantize(Decimal("0.01")))
    except InvalidOperation:
        errors.append(FieldError("max_monthly_rent", "Podaj kwotę w złotych większą od zera "
                                                     "(najwyżej 999 999 999,99)."))
    if str(values["deposit_bank_account"]).strip():
        try:
            values["deposit_bank_account"] = validate_nrb(values["deposit_bank_account"],
                                                          "deposit_bank_account")
        except FieldError as exc:
            errors.append(exc)
    values["smtp_security"] = str(values["smtp_security"]).strip().lower()
    if values["smtp_security"] not in SMTP_SECURITY_LABELS:
        errors.append(FieldError("smtp_security", "Wybierz: STARTTLS, TLS albo bez szyfrowania."))
    for key in ("smtp_host", "smtp_user", "smtp_sender", "zgm_phones", "zgm_signatory_name"):
        values[key] = str(values[key]).strip()
    if errors:
        raise ValidationFailed(errors)
    return OfficeSettings(**values)


def read_settings(session: Session) -> OfficeSettings:
    """Settings as stored (defaults where nothing is stored yet); works in any session."""
    row = session.get(Setting, SETTINGS_KEY)
    if row is None:
        return OfficeSettings()
    stored = json.loads(row.value)
    known = {f.name for f in dataclasses.fields(OfficeSettings)} - {"version"}
    return OfficeSettings(**{k: v for k, v in stored.items() if k in known},
                          version=row.version)


def load_settings(ctx: AppContext) -> OfficeSettings:
    with ctx.db.read() as session:
        return read_settings(session)


def write_settings(work: Work, new: OfficeSettings) -> OfficeSettings:
    """Validate and store ``new`` inside an open unit of work; stale versions conflict."""
    new = validate_settings(new)
    row = work.session.get(Setting, SETTINGS_KEY)
    payload = {k: v for k, v in dataclasses.asdict(new).items() if k != "version"}
    if row is None:
        if new.version != 0:
            raise ConflictError()
        row = Setting(key=SETTINGS_KEY, value=json.dumps(payload, ensure_ascii=False))
        work.session.add(row)
        old: dict[str, object] = {}
    else:
        if row.version != new.version:
            raise ConflictError()
        old = json.loads(row.value)
        row.value = json.dumps(payload, ensure_ascii=False)
    work.session.flush()
    changes = {k: [old.get(k), v] for k, v in payload.items() if old.get(k) != v}
    work.audit("settings", SETTINGS_KEY, "update", changes)
    return dataclasses.replace(new, version=row.version)


def save_settings(ctx: AppContext, actor: Actor, new: OfficeSettings) -> OfficeSettings:
    """Admin action: store the office settings; returns them with the new version."""
    with unit_of_work(ctx, actor, Permission.MANAGE_SETTINGS) as work:
        return write_settings(work, new)



@dataclass(frozen=True)
class LetterTexts:
    """The texts of the deposit letters the office words itself (settings key
    ``letter_texts``): the legal basis each letter kind cites, the agreement's party and its
    missed-instalment clause, and to whom (and through whom) a remedy goes (genitive)."""

    municipality_name: str = "Gmina Piekary Śląskie"
    missed_instalment_text: str = MISSED_INSTALMENT_TEXT
    remedy_authority: str = DEFAULT_AUTHORITY
    remedy_through: str = DEFAULT_THROUGH
    legal_basis_summons: str = DEFAULT_LEGAL_BASIS[_LK.SUMMONS]
    legal_basis_left_without_consideration: str = DEFAULT_LEGAL_BASIS[
        _LK.LEFT_WITHOUT_CONSIDERATION]
    legal_basis_consent: str = DEFAULT_LEGAL_BASIS[_LK.CONSENT]
    legal_basis_refusal: str = DEFAULT_LEGAL_BASIS[_LK.REFUSAL]
    legal_basis_delay_notice: str = DEFAULT_LEGAL_BASIS[_LK.DELAY_NOTICE]
    legal_basis_agreement: str = DEFAULT_LEGAL_BASIS[_LK.AGREEMENT]
    version: int = field(default=0, compare=False)

    def legal_basis(self, kind: LetterKind) -> str:
        """The legal basis a letter of ``kind`` cites."""
        return str(getattr(self, f"legal_basis_{kind.value}", ""))


def read_letter_texts(session: Session) -> LetterTexts:
    """The letter texts as stored (defaults where nothing is stored yet)."""
    row = session.get(Setting, LETTER_TEXTS_KEY)
    if row is None:
        return LetterTexts()
    stored = json.loads(row.value)
    known = {f.name for f in dataclasses.fields(LetterTexts)} - {"version"}
    return LetterTexts(**{k: v for k, v in stored.items() if k in known}, version=row.version)


def load_letter_texts(ctx: AppContext, actor: Actor) -> LetterTexts:
    with read_as(ctx, actor, Permission.MANAGE_SETTINGS) as session:
        return read_letter_texts(session)


def save_letter_texts(ctx: AppContext, actor: Actor, new: LetterTexts) -> LetterTexts:
    """Admin action: store the letter texts (every one required, up to 2000 characters);
    returns them with the new version. A stale version conflicts."""
    values = {k: str(v).strip() for k, v in dataclasses.asdict(new).items() if k != "version"}
    errors = [FieldError(k, "Pole jest wymagane.") for k, v in values.items() if not v]
    errors += [FieldError(k, "Tekst może mieć najwyżej 2000 znaków.")
               for k, v in values.items() if len(v) > 2000]
    if errors:
        raise ValidationFailed(errors)
    with unit_of_work(ctx, actor, Permission.MANAGE_SETTINGS) as work:
        row = work.session.get(Setting, LETTER_TEXTS_KEY)
        if (row.version if row else 0) != new.version:
            raise ConflictError()
        old = json.loads(row.value) if row else {}
        payload = json.dumps(values, ensure_ascii=False)
        if row is None:
            row = Setting(key=LETTER_TEXTS_KEY, value=payload)
            work.session.add(row)
        else:
            row.value = payload
        work.session.flush()
        work.audit("settings", LETTER_TEXTS_KEY, "update",
                   {k: [old.get(k), v] for k, v in values.items() if old.get(k) != v})
        return LetterTexts(**values, version=row.version)
