"""The PDF renderer services are handed (``AppContext.renderer``) to keep issued letters."""

from __future__ import annotations

from clerk_app.documents.agreement_pdf import render_agreement_pdf
from clerk_app.documents.letters import render_letter
from clerk_app.domain.agreement import AgreementDocument
from clerk_app.domain.letter_texts import LetterDocument


class PdfRenderer:
    """Letters and agreements to PDF bytes with reportlab (implements DocumentRenderer)."""

    def letter(self, document: LetterDocument) -> bytes:
        return render_letter(document)

    def agreement(self, document: AgreementDocument) -> bytes:
        return render_agreement_pdf(document)
