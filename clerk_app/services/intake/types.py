"""Plain input and output records of the counter intake (registration of incoming items)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from clerk_app.domain.cases import ApplicantRole, Channel, IncomingKind, ProxyRelation
from clerk_app.domain.petition_checklist import PetitionItem


@dataclass(frozen=True)
class SenderInput:
    """The person who filed the item (the applicant of a new case)."""

    first_name: str
    last_name: str
    pesel: str | None = None
    street: str = ""
    building: str = ""
    flat: str = ""
    postal_code: str = ""
    city: str = "Piekary Śląskie"
    phone: str | None = None
    email: str | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name.strip()} {self.last_name.strip()}".strip()

    @property
    def address_line(self) -> str:
        street = f"ul. {self.street.strip()} {self.building.strip()}".strip()
        if self.flat.strip():
            street += f"/{self.flat.strip()}"
        city = f"{self.postal_code.strip()} {self.city.strip()}".strip()
        return ", ".join(p for p in (street if self.street.strip() else "", city) if p)


@dataclass(frozen=True)
class IokDetailsInput:
    applicant_role: ApplicantRole = ApplicantRole.TENANT
    contractor_number: str | None = None
    e_invoice_consent: bool = False
    signed: bool = True
    legacy_account: bool = False
    # The premises the account is for; blank: the postal address of the sender.
    premises_street: str = ""
    premises_building: str = ""
    premises_flat: str = ""


@dataclass(frozen=True)
class DepositDetailsInput:
    monthly_rent: Decimal
    instalments_requested: int
    justification: str = ""
    has_property_statement: bool = False
    by_proxy: bool = False
    proxy_name: str | None = None
    proxy_relation: ProxyRelation | None = None
    has_power_of_attorney: bool = False
    principal_exempt: bool = False
    stamp_duty_paid: bool = False
    premises_address: str = ""
    proxy_address: str = ""  # letters go to the proxy (KPA art. 40 § 2)


@dataclass(frozen=True)
class ScanUpload:
    """A file to attach; its bytes are read from ``path`` in chunks, never whole."""

    path: Path
    filename: str | None = None

    @property
    def name(self) -> str:
        return self.filename or self.path.name


@dataclass(frozen=True)
class RegistrationInput:
    """Everything the counter types in when an item arrives."""

    received_at: datetime
    channel: Channel
    kind: IncomingKind
    sender: SenderInput
    subject: str
    posted_on: date | None = None
    sender_reference: str = ""
    sender_reference_date: date | None = None
    attachments_count: int = 0
    assignee_id: int | None = None
    case_id: int | None = None  # the case a supplement belongs to
    iok: IokDetailsInput | None = None
    deposit: DepositDetailsInput | None = None
    scans: tuple[ScanUpload, ...] = field(default_factory=tuple)
    remarks: str = ""
    # What a supplement to a deposit petition brings (the counter ticks it).
    supplement_items: tuple[PetitionItem, ...] = ()


@dataclass(frozen=True)
class RegistrationResult:
    incoming_item_id: int
    entry_number: str
    case_id: int | None
    signature: str | None
    scan_ids: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()
    # A deposit petition's checklist at registration: items still missing (a warning only).
    missing_items: tuple[PetitionItem, ...] = ()
    # An IOK request registered although deficient: what it lacks (Polish labels).
    iok_missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class DuplicateHint:
    """An open case that may be the same matter (shown as a warning, never blocking)."""

    case_id: int
    signature: str
    applicant: str
    address: str
    reason: str
