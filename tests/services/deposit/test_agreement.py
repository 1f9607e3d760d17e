"""The instalment agreement: prepared from the consent, kept as a record, signed, closed."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from clerk_app.documents.renderer import PdfRenderer
from clerk_app.domain.cases import CaseStatus
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import Instalment, InstalmentAgreement, Letter, LetterFile
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, NotFound, ValidationFailed
from clerk_app.services.deposit.agreement import prepare_agreement, record_agreement_signed
from clerk_app.services.deposit.decisions import grant_consent
from clerk_app.services.deposit.overview import deposit_overview
from tests.services.deadline_fixtures import case_row, make_case, set_today
from tests.services.deposit.flow import register

Staff = dict[Role, Actor]


def _consented(ctx: AppContext, staff: Staff) -> int:
    case_id = register(ctx, staff[Role.COUNTER], proxy=False, statement=True,
                       rent="612.35").case_id
    assert case_id is not None
    clerk = staff[Role.CLERK]
    grant_consent(ctx, clerk, case_id, deposit_overview(ctx, clerk, case_id).case_version,
                  4, date(2026, 4, 15))
    return case_id


def _version(ctx: AppContext, staff: Staff, case_id: int) -> int:
    return deposit_overview(ctx, staff[Role.CLERK], case_id).case_version


def test_prepared_from_consent_petition_tenant_and_settings(ctx: AppContext,
                                                            staff: Staff) -> None:
    case_id = _consented(ctx, staff)
    ctx.renderer = PdfRenderer()
    result = prepare_agreement(ctx, staff[Role.CLERK], case_id, _version(ctx, staff, case_id))
    doc = result.document
    assert doc.deposit == doc.schedule_total == Decimal("6123.50")
    assert [i.amount for i in doc.schedule] == [Decimal("1530.89")] + [Decimal("1530.87")] * 3
    assert doc.instalment_count == 4 and doc.schedule[0].due_date == date(2026, 4, 15)
    assert doc.tenant.address_lines == ("ul. Kalwaryjska 5", "41-940 Piekary Śląskie")
    assert doc.flat_address == "ul. Kalwaryjska 5, 41-940 Piekary Śląskie"
    assert doc.municipality == "Gmina Piekary Śląskie" and doc.signatory_name == "Anna Nowak"
    assert "ochronie praw lokatorów" in doc.legal_basis
    with ctx.db.read() as session:
        kept = session.get(LetterFile, result.letter_id)
        assert kept is not None and kept.pdf.startswith(b"%PDF")
        assert kept.sha256 == hashlib.sha256(kept.pdf).hexdigest()
        (row,) = session.scalars(select(InstalmentAgreement)).all()
        rows = session.scalars(select(Instalment).order_by(Instalment.number)).all()
        assert [(r.number, r.due_on, r.amount) for r in rows] == [
            (i.number, i.due_date, i.amount) for i in doc.schedule]
        assert row.deposit_amount == doc.deposit and row.signed_on is None


def test_preparing_again_replaces_the_draft(ctx: AppContext, staff: Staff) -> None:
    case_id = _consented(ctx, staff)
    clerk = staff[Role.CLERK]
    first = prepare_agreement(ctx, clerk, case_id, _version(ctx, staff, case_id))
    second = prepare_agreement(ctx, clerk, case_id, _version(ctx, staff, case_id))
    assert second.identifier != first.identifier
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(InstalmentAgreement)) == 1
        assert session.scalar(select(func.count()).select_from(Instalment)) == 4
        assert session.scalar(select(func.count()).select_from(Letter)
                              .where(Letter.kind == "agreement")) == 2
    view = deposit_overview(ctx, clerk, case_id)
    assert view.agreement is not None and view.agreement.letter_identifier == second.identifier


def test_missing_pesel_is_named_and_nothing_stored(ctx: AppContext, staff: Staff) -> None:
    case_id = _consented(ctx, staff)
    with ctx.db.transaction() as session:
        from clerk_app.persistence.models import Case

        case = session.get(Case, case_id)
        assert case is not None
        case.applicant_pesel = None
    with pytest.raises(ValidationFailed) as err:
        prepare_agreement(ctx, staff[Role.CLERK], case_id, _version(ctx, staff, case_id))
    assert err.value.fields == ["tenant_pesel"] and "PESEL" in err.value.message
    with ctx.db.read() as session:
        assert session.scalar(select(func.count()).select_from(InstalmentAgreement)) == 0
        assert session.scalar(select(func.count()).select_from(Letter)
                              .where(Letter.kind == "agreement")) == 0


def test_not_before_consent(ctx: AppContext, staff: Staff) -> None:
    clerk = staff[Role.CLERK]
    case_id = make_case(ctx, clerk.user_id, status=CaseStatus.IN_PROGRESS)
    with pytest.raises(NotFound):  # no petition row: not a deposit petition case
        prepare_agreement(ctx, clerk, case_id, 1)
    complete = register(ctx, staff[Role.COUNTER], proxy=False, statement=True).case_id
    assert complete is not None
    with pytest.raises(ValidationFailed) as err:
        prepare_agreement(ctx, clerk, complete, _version(ctx, staff, complete))
    assert err.value.fields == ["status"]


def test_signing_dates_and_close(ctx: AppContext, staff: Staff, clock: object) -> None:
    clerk = staff[Role.CLERK]
    case_id = _consented(ctx, staff)
    with pytest.raises(ValidationFailed) as err:
        record_agreement_signed(ctx, clerk, case_id, _version(ctx, staff, case_id),
                                date(2026, 3, 2))
    assert err.value.fields == ["agreement"]  # not prepared yet
    prepared = prepare_agreement(ctx, clerk, case_id, _version(ctx, staff, case_id))
    set_today(clock, date(2026, 3, 10))
    version = _version(ctx, staff, case_id)
    for day in (date(2026, 3, 11), date(2026, 3, 1)):
        with pytest.raises(ValidationFailed) as err:
            record_agreement_signed(ctx, clerk, case_id, version, day)
        assert err.value.fields == ["agreement_signed_on"]
    with pytest.raises(ConflictError):
        record_agreement_signed(ctx, clerk, case_id, version - 1, date(2026, 3, 9))
    assert case_row(ctx, case_id).status == CaseStatus.CONSENT
    view = record_agreement_signed(ctx, clerk, case_id, version, date(2026, 3, 9))
    assert view.status is CaseStatus.CLOSED and view.agreement is not None
    assert view.agreement.signed_on == date(2026, 3, 9)
    assert not any(vars(view.actions).values())
    assert case_row(ctx, case_id).settlement_remarks == (
        f"Zgoda; umowa {prepared.identifier} zawarta 09.03.2026")
    with pytest.raises(ValidationFailed):
        prepare_agreement(ctx, clerk, case_id, view.case_version)
