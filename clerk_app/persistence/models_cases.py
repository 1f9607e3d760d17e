"""Cases and their procedure-specific details (IOK request, deposit petition)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.domain.cases import ApplicantRole, CaseKind, CaseStatus, ProxyRelation
from clerk_app.domain.deposit_petition import PowerOfAttorneyForm, StampDutyPayment
from clerk_app.domain.field_limits import TEXT_LIMITS as LEN  # one source: forms, checks
from clerk_app.domain.settlement import DecisionKind, SettlementKind
from clerk_app.persistence.base import Base, UtcDateTime, Versioned
from clerk_app.persistence.enum_column import EnumText

MONEY = Numeric(12, 2)


class Case(Versioned, Base):
    """A case (sprawa) with its applicant denormalised for a fast list."""

    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_unit_jrwa_year_number", "unit_symbol", "jrwa_class", "year", "number",
              unique=True),
        Index("ix_cases_received_on_id", "received_on", "id"),
        Index("ix_cases_applicant_sort_id", "applicant_sort", "id"),
        Index("ix_cases_next_deadline_id", "next_deadline", "id"),
        Index("ix_cases_status_id", "status", "id"),
        Index("ix_cases_kind_id", "kind", "id"),
        Index("ix_cases_assignee_id_id", "assignee_id", "id"),
        Index("ix_cases_year_number_id", "year", "number", "id"),
        Index("ix_cases_street_building_id", "street", "building", "id"),
        Index("ix_cases_applicant_pesel", "applicant_pesel"),
        Index("ix_cases_applicant_email", "applicant_email"),
        # The retention review: the cases of a kind not yet anonymised, by the rule's date.
        Index("ix_cases_retention_settled", "kind", "anonymised_at", "settled_on", "id"),
        Index("ix_cases_retention_lease", "kind", "anonymised_at", "lease_ended_on", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    signature: Mapped[str] = mapped_column(String(64), unique=True)
    unit_symbol: Mapped[str] = mapped_column(String(20))
    jrwa_class: Mapped[str] = mapped_column(String(20))
    number: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[CaseKind] = mapped_column(EnumText(CaseKind, 20))
    status: Mapped[CaseStatus] = mapped_column(EnumText(CaseStatus, 40))
    subject: Mapped[str] = mapped_column(String(300), default="")

    applicant_first_name: Mapped[str] = mapped_column(String(LEN["first_name"]))
    applicant_last_name: Mapped[str] = mapped_column(String(LEN["last_name"]))
    applicant_sort: Mapped[str] = mapped_column(String(210))
    applicant_pesel: Mapped[str | None] = mapped_column(String(11), nullable=True)
    applicant_email: Mapped[str | None] = mapped_column(String(LEN["email"]), nullable=True)
    applicant_phone: Mapped[str | None] = mapped_column(String(LEN["phone"]), nullable=True)
    street: Mapped[str] = mapped_column(String(LEN["street"]), default="")
    building: Mapped[str] = mapped_column(String(LEN["building"]), default="")
    flat: Mapped[str] = mapped_column(String(LEN["flat"]), default="")
    postal_code: Mapped[str] = mapped_column(String(LEN["postal_code"]), default="")
    city: Mapped[str] = mapped_column(String(LEN["city"]), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")

    received_on: Mapped[date] = mapped_column(Date)
    complete_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    next_deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    registered_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    settled_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    settlement_remarks: Mapped[str] = mapped_column(String(300), default="")
    settlement: Mapped[SettlementKind | None] = mapped_column(EnumText(SettlementKind, 40),
                                                              nullable=True)
    lease_concluded: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    lease_ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    anonymised_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class IokRequest(Versioned, Base):
    """Details of a request for an IOK account (procedure 1)."""

    __tablename__ = "iok_requests"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                         primary_key=True)
    applicant_role: Mapped[ApplicantRole] = mapped_column(EnumText(ApplicantRole, 20))
    contractor_number: Mapped[str | None] = mapped_column(String(LEN["contractor_number"]),
                                                          nullable=True)
    e_invoice_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    signed: Mapped[bool] = mapped_column(Boolean, default=True)
    filed_place: Mapped[str] = mapped_column(String(LEN["filed_place"]), default="")
    legacy_account: Mapped[bool] = mapped_column(Boolean, default=False)
    login_sent_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # The premises the account is for (may differ from the applicant's postal address).
    premises_street: Mapped[str] = mapped_column(String(LEN["premises_street"]), default="")
    premises_building: Mapped[str] = mapped_column(String(LEN["premises_building"]), default="")
    premises_flat: Mapped[str] = mapped_column(String(LEN["premises_flat"]), default="")
    # Hand-over to the IOK administrator: in which export file, and the account's creation.
    export_id: Mapped[int | None] = mapped_column(
        ForeignKey("iok_exports.id"),
        nullable=True, index=True)
    exported_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    account_created_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class DepositPetition(Versioned, Base):
    """Details of a petition to pay the security deposit in instalments (procedure 2)."""

    __tablename__ = "deposit_petitions"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                         primary_key=True)
    monthly_rent: Mapped[Decimal | None] = mapped_column(MONEY, nullable=True)
    deposit_amount: Mapped[Decimal | None] = mapped_column(MONEY, nullable=True)
    instalments_requested: Mapped[int] = mapped_column(Integer)
    first_due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    petition_signed: Mapped[bool] = mapped_column(Boolean, default=True)
    justification: Mapped[str] = mapped_column(Text, default="")
    has_petition_form: Mapped[bool] = mapped_column(Boolean, default=True)
    has_property_statement: Mapped[bool] = mapped_column(Boolean, default=False)
    by_proxy: Mapped[bool] = mapped_column(Boolean, default=False)
    proxy_name: Mapped[str | None] = mapped_column(String(LEN["proxy_name"]), nullable=True)
    proxy_relation: Mapped[ProxyRelation | None] = mapped_column(EnumText(ProxyRelation, 20),
                                                                 nullable=True)
    has_power_of_attorney: Mapped[bool] = mapped_column(Boolean, default=False)
    principal_exempt: Mapped[bool] = mapped_column(Boolean, default=False)
    stamp_duty_paid: Mapped[bool] = mapped_column(Boolean, default=False)
    premises_address: Mapped[str] = mapped_column(String(LEN["premises_address"]), default="")
    proxy_address: Mapped[str] = mapped_column(String(LEN["proxy_address"]), default="")
    power_of_attorney_form: Mapped[PowerOfAttorneyForm | None] = mapped_column(
        EnumText(PowerOfAttorneyForm, 20), nullable=True)
    stamp_duty_paid_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    stamp_duty_payment: Mapped[StampDutyPayment | None] = mapped_column(
        EnumText(StampDutyPayment, 20), nullable=True)
    stamp_duty_exempt_override: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    stamp_duty_override_reason: Mapped[str] = mapped_column(Text, default="")


class PropertyStatement(Versioned, Base):
    """Oświadczenie o stanie majątkowym: household, income and assets (clerks only)."""

    __tablename__ = "property_statements"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                         primary_key=True)
    signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    real_estate: Mapped[str] = mapped_column(Text, default="")
    vehicles: Mapped[str] = mapped_column(Text, default="")
    savings: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0.00"))
    debts: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0.00"))
    remarks: Mapped[str] = mapped_column(Text, default="")
    other_assets: Mapped[str] = mapped_column(Text, default="")
    debts_description: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class HouseholdMember(Base):
    __tablename__ = "household_members"
    __table_args__ = (Index("ix_household_members_case_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("property_statements.case_id",
                                                    ondelete="CASCADE"))
    full_name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(60))
    pesel: Mapped[str | None] = mapped_column(String(11), nullable=True)
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class InstalmentAgreement(Versioned, Base):
    """Umowa o rozłożenie kaucji na raty, with its schedule in ``instalments``."""

    __tablename__ = "instalment_agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"),
                                         unique=True)
    deposit_amount: Mapped[Decimal] = mapped_column(MONEY)
    instalment_count: Mapped[int] = mapped_column(Integer)
    first_due_on: Mapped[date] = mapped_column(Date)
    bank_account: Mapped[str] = mapped_column(String(26))
    signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class DepositDecision(Base):
    """Consent or refusal of a deposit petition; a reconsideration supersedes the earlier one."""

    __tablename__ = "deposit_decisions"
    __table_args__ = (Index("ix_deposit_decisions_case_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[DecisionKind] = mapped_column(EnumText(DecisionKind, 20))
    decided_on: Mapped[date] = mapped_column(Date)
    instalment_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    first_due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reasoning: Mapped[str] = mapped_column(Text, default="")
    letter_id: Mapped[int | None] = mapped_column(ForeignKey("letters.id"), nullable=True)
    superseded_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class Instalment(Base):
    __tablename__ = "instalments"

    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("instalment_agreements.id", ondelete="CASCADE"), primary_key=True
    )
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    due_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(MONEY)


class CaseNote(Base):
    """A free-text remark a clerk adds to a case (shown in the timeline)."""

    __tablename__ = "case_notes"
    __table_args__ = (Index("ix_case_notes_case_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    text: Mapped[str] = mapped_column(Text)
