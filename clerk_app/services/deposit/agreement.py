"""The agreement on paying the deposit in instalments: prepared from the consent, signed,
and the case closed.

:func:`prepare_agreement` builds the document (:func:`~clerk_app.domain.agreement.
build_agreement`) from the consent (count, first due date), the petition (rent, the flat),
the tenant (name, PESEL, address) and the settings, and stores it as an ``agreement``
letter (its ``extra["agreement"]`` holds the document, so it renders again identically) with
the ``instalment_agreements`` row and its ``instalments``. Preparing it again before it is
signed replaces the schedule and issues a new document (new identifier); the earlier print
stays on record. :func:`record_agreement_signed` records the signing and closes the case.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import delete, select

from clerk_app.domain.agreement import AgreementDocument, AgreementTenant, build_agreement
from clerk_app.domain.cases import CaseStatus
from clerk_app.domain.errors import FieldError
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.roles import Permission
from clerk_app.domain.settlement import DecisionKind, SettlementKind
from clerk_app.domain.text import format_date_pl
from clerk_app.persistence.models import Case, Instalment, InstalmentAgreement, Letter
from clerk_app.services.admin.settings import read_letter_texts, read_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.unit_of_work import Work, unit_of_work
from clerk_app.services.deadlines.actions import office_today
from clerk_app.services.deadlines.days_off import calendar_for
from clerk_app.services.deposit.overview import agreement_letter, may_handle, read_overview
from clerk_app.services.deposit.workflow_common import (
    current_decision,
    load_deposit_case,
    move,
    settle,
)
from clerk_app.services.deposit.workflow_types import AgreementResult, DepositOverview
from clerk_app.services.letters.addressee import applicant_address_lines, applicant_name
from clerk_app.services.letters.issue import PLACE, new_letter_identifier
from clerk_app.services.letters.records import keep_pdf

SIGNED_ON_FIELD = "agreement_signed_on"


def _consent(work: Work, case: Case) -> tuple[int, date, date]:
    """(count, first due, decided on) of the consent the agreement follows."""
    status = CaseStatus(case.status)
    decision = current_decision(work.session, case.id)
    if (status is not CaseStatus.CONSENT or decision is None
            or DecisionKind(decision.kind) is not DecisionKind.CONSENT
            or decision.instalment_count is None or decision.first_due_on is None):
        raise FieldError("status", f"Sprawa ma status „{status.label}”: umowę przygotowuje "
                                   "się po wyrażeniu zgody na rozłożenie kaucji na raty.")
    return decision.instalment_count, decision.first_due_on, decision.decided_on


def _agreement_row(work: Work, case_id: int) -> InstalmentAgreement | None:
    return work.session.scalars(select(InstalmentAgreement)
                                .where(InstalmentAgreement.case_id == case_id)).first()


def _store(work: Work, case: Case, doc: AgreementDocument, today: date) -> Letter:
    tenant = doc.tenant
    letter = Letter(
        identifier=doc.identifier, case_id=case.id, kind=LetterKind.AGREEMENT.value,
        addressee="\n".join((tenant.name, *tenant.address_lines)), dated_on=today,
        created_at=work.now, created_by_id=work.actor.user_id if work.actor else None,
        delivery_method="counter", delivery_status="pending",
        extra=json.dumps({"agreement": doc.to_json()}, ensure_ascii=False))
    work.session.add(letter)
    work.audit_new(letter, "issue", case_id=case.id)
    if work.renderer is not None:
        keep_pdf(work, letter, work.renderer.agreement(doc))
    return letter


def _save_schedule(work: Work, case: Case, doc: AgreementDocument) -> None:
    row = _agreement_row(work, case.id)
    if row is None:
        row = InstalmentAgreement(case_id=case.id, created_at=work.now,
                                  deposit_amount=doc.deposit,
                                  instalment_count=doc.instalment_count,
                                  first_due_on=doc.schedule[0].due_date,
                                  bank_account=doc.bank_account)
        work.session.add(row)
        work.audit_new(row, "prepare_agreement", case_id=case.id)
    else:
        if row.signed_on is not None:
            raise FieldError("agreement", "Umowa została już zawarta.")
        row.deposit_amount, row.instalment_count = doc.deposit, doc.instalment_count
        row.first_due_on, row.bank_account = doc.schedule[0].due_date, doc.bank_account
        work.audit_changes(row, "prepare_agreement_again", case_id=case.id)
        work.session.execute(delete(Instalment).where(Instalment.agreement_id == row.id))
    work.session.flush()
    for i in doc.schedule:
        work.session.add(Instalment(agreement_id=row.id, number=i.number, due_on=i.due_date,
                                    amount=i.amount))
    work.audit("instalments", row.id, "schedule",
               {"schedule": [None, [[i.number, i.due_date.isoformat(), str(i.amount)]
                                    for i in doc.schedule]]}, case_id=case.id)


def prepare_agreement(ctx: AppContext, actor: Actor, case_id: int,
                      case_version: int) -> AgreementResult:
    """Prepare (or, before signing, prepare again) the instalment agreement of a consent."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case, petition = load_deposit_case(work, case_id, case_version)
        count, first_due, _decided = _consent(work, case)
        existing = _agreement_row(work, case.id)
        if existing is not None and existing.signed_on is not None:
            raise FieldError("agreement", "Umowa została już zawarta.")
        if not (case.applicant_pesel or "").strip():
            raise FieldError("tenant_pesel", "Brak numeru PESEL najemcy: uzupełnij dane "
                                             "wnioskodawcy przed przygotowaniem umowy.")
        if petition.monthly_rent is None:
            raise FieldError("monthly_rent", "Wysokość czynszu nie jest znana.")
        settings = read_settings(work.session)
        texts = read_letter_texts(work.session)
        today = office_today(work)
        address = applicant_address_lines(case)
        doc = build_agreement(
            identifier=new_letter_identifier(work, today), case_signature=case.signature,
            place=PLACE, signed_on=today, municipality=texts.municipality_name,
            signatory_name=settings.signatory_name, signatory_title=settings.signatory_title,
            tenant=AgreementTenant(applicant_name(case), case.applicant_pesel or "", address),
            flat_address=(petition.premises_address or "").strip() or ", ".join(address),
            monthly_rent=petition.monthly_rent, instalment_count=count, first_due=first_due,
            calendar=calendar_for(work.session), bank_account=settings.deposit_bank_account,
            missed_instalment_consequence=texts.missed_instalment_text,
            legal_basis=texts.legal_basis(LetterKind.AGREEMENT))
        _save_schedule(work, case, doc)
        letter = _store(work, case, doc, today)
        work.audit("cases", case.id, "prepare_agreement",
                   {"agreement": [None, letter.identifier]}, case_id=case.id)
        work.session.flush()
        return AgreementResult(letter.id, letter.identifier, case.id, doc, case.version)


def record_agreement_signed(ctx: AppContext, actor: Actor, case_id: int, case_version: int,
                            signed_on: date) -> DepositOverview:
    """The agreement was signed on ``signed_on``: the case is settled and closed (the lease
    may now be signed; ``lease_concluded`` is recorded with the lease)."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        case, _petition = load_deposit_case(work, case_id, case_version)
        _count, _first, decided_on = _consent(work, case)
        row = _agreement_row(work, case.id)
        letter = agreement_letter(work.session, case.id)
        if row is None or letter is None:
            raise FieldError("agreement", "Najpierw przygotuj umowę w sprawie rozłożenia "
                                          "kaucji na raty.")
        if row.signed_on is not None:
            raise FieldError("agreement", "Zawarcie umowy zostało już zapisane.")
        if signed_on > office_today(work):
            raise FieldError(SIGNED_ON_FIELD, "Data zawarcia umowy nie może być późniejsza "
                                              "niż dzisiejsza.")
        if signed_on < decided_on:
            raise FieldError(SIGNED_ON_FIELD, "Data zawarcia umowy nie może być wcześniejsza "
                                              f"niż zgoda ({format_date_pl(decided_on)}).")
        row.signed_on = signed_on
        work.audit_changes(row, "agreement_signed", case_id=case.id)
        settle(case, signed_on, SettlementKind.AGREEMENT_SIGNED,
               f"Zgoda; umowa {letter.identifier} zawarta {format_date_pl(signed_on)}")
        move(work, case, CaseStatus.AGREEMENT_SIGNED, CaseStatus.CLOSED,
             action="agreement_signed")
        assert work.actor is not None
        return read_overview(work.session, case.id, office_today(work),
                             may_handle(work.session, work.actor))
