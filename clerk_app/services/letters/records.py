"""Issued letters as records: each keeps its exact PDF bytes with their SHA-256.

A letter issued through a context with a renderer is rendered once, in the transaction that
issues it, and kept in ``letter_files``; reprints are those bytes. A letter issued without a
renderer (demo data, old rows) is rendered the first time it is asked for, then kept.
"""

from __future__ import annotations

import hashlib

from clerk_app.domain.letter_texts import LetterDocument
from clerk_app.persistence.models import Letter, LetterFile
from clerk_app.services.core.unit_of_work import Work


def keep_pdf(work: Work, letter: Letter, pdf: bytes) -> LetterFile:
    """Store ``pdf`` as the letter's issued bytes (flushes for the letter's id)."""
    work.session.flush()
    row = LetterFile(letter_id=letter.id, pdf=pdf, sha256=hashlib.sha256(pdf).hexdigest(),
                     size_bytes=len(pdf), created_at=work.now,
                     created_by_id=work.actor.user_id if work.actor else None)
    work.session.add(row)
    work.audit("letter_files", letter.id, "keep_pdf",
               {"sha256": [None, row.sha256], "size_bytes": [None, row.size_bytes]},
               case_id=letter.case_id)
    return row


def keep_rendered(work: Work, letter: Letter, document: LetterDocument) -> LetterFile | None:
    """Render ``document`` and keep it, when the context has a renderer."""
    if work.renderer is None:
        return None
    return keep_pdf(work, letter, work.renderer.letter(document))
