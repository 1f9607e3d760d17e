"""The instalment agreement of a demo consent, as ``prepare_agreement`` leaves it: the document
stored as an ``agreement`` letter, the ``instalment_agreements`` row and its ``instalments``;
signed or not yet.

The document is the :class:`~clerk_app.domain.agreement.AgreementDocument` that
:func:`~clerk_app.domain.agreement.build_agreement` returns for the same terms (the tests
compare them), built directly: the consent's schedule
(:func:`~clerk_app.domain.instalments.instalment_schedule`) is reused and the bank account is
checked once per load instead of once per agreement.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from clerk_app.demo.letter_header import letter_identifier
from clerk_app.demo.letter_rows import LetterRows
from clerk_app.demo.rows import Ids, Row, Rows
from clerk_app.domain.agreement import AgreementDocument, AgreementTenant
from clerk_app.domain.instalments import Instalment
from clerk_app.domain.letter_kinds import DeliveryMethod, LetterKind
from clerk_app.domain.validators import validate_nrb
from clerk_app.services.admin.settings import OfficeSettings
from clerk_app.services.letters.issue import LETTER_SCOPE, PLACE


class AgreementRows:
    """Adds agreement letters, ``instalment_agreements`` and ``instalments`` rows."""

    def __init__(self, letters: LetterRows, settings: OfficeSettings, bank_account: str,
                 ids: Ids) -> None:
        self.letters = letters
        self.settings = settings
        self.bank_account = validate_nrb(bank_account, "deposit_bank_account")
        self.ids = ids
        self.texts = texts = letters.texts
        self.legal_basis = texts.legal_basis(LetterKind.AGREEMENT).strip()

    def add(self, rows: Rows, case: Row, tenant_address: tuple[str, ...], flat_address: str,
            rent: Decimal, schedule: tuple[Instalment, ...], prepared_on: date,
            signed_on: date | None, clerk: int) -> AgreementDocument:
        """The agreement on the consent's ``schedule`` for ``rent``, prepared on
        ``prepared_on`` (and signed on ``signed_on``)."""
        settings = self.settings
        identifier = letter_identifier(prepared_on.year,
                                       self.letters.next_number(LETTER_SCOPE, prepared_on.year))
        name = f"{case['applicant_first_name']} {case['applicant_last_name']}"
        doc = AgreementDocument(
            identifier=identifier, case_signature=case["signature"], place=PLACE,
            signed_on=prepared_on, municipality=self.texts.municipality_name.strip(),
            signatory_name=settings.signatory_name.strip(),
            signatory_title=settings.signatory_title.strip(),
            tenant=AgreementTenant(name, case["applicant_pesel"], tenant_address),
            flat_address=flat_address, monthly_rent=rent, deposit=rent * 10,
            schedule=schedule, bank_account=self.bank_account,
            missed_instalment_consequence=self.texts.missed_instalment_text.strip(),
            legal_basis=self.legal_basis)
        created_at = self.letters.created_at(prepared_on)
        rows.letters.append({
            "id": self.ids.letter, "identifier": identifier, "case_id": case["id"],
            "kind": LetterKind.AGREEMENT.value,
            "addressee": "\n".join((doc.tenant.name, *doc.tenant.address_lines)),
            "dated_on": prepared_on, "created_at": created_at, "created_by_id": clerk,
            "delivery_method": DeliveryMethod.COUNTER.value, "sent_on": None,
            "delivery_status": "pending", "delivered_on": None, "first_notice_on": None,
            "deemed_delivered_on": None,
            "extra": json.dumps({"agreement": doc.to_json()}, ensure_ascii=False),
            "returned_on": None, "email_sent_at": None, "email_message_id": None,
            "email_error": "", "version": 1,
        })
        self.ids.letter += 1
        agreement_id = self.ids.agreement
        self.ids.agreement += 1
        rows.agreements.append({
            "id": agreement_id, "case_id": case["id"], "deposit_amount": doc.deposit,
            "instalment_count": len(schedule), "first_due_on": schedule[0].due_date,
            "bank_account": doc.bank_account, "signed_on": signed_on,
            "created_at": created_at, "version": 1,
        })
        for i in doc.schedule:
            rows.instalments.append({"agreement_id": agreement_id, "number": i.number,
                                     "due_on": i.due_date, "amount": i.amount})
        return doc
