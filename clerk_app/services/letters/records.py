"""Issued letters as records: each keeps its exact PDF bytes with their SHA-256.

A letter issued through a context with a renderer is rendered once, in the transaction that
issues it, and kept in ``letter_files``; reprints are those bytes (:func:`letter_pdf`),
checked against the stored hash. A letter issued without a renderer (demo data, old rows) is
rendered from its stored content the first time it is asked for, then kept: the letter row
is locked first, so two first opens at once keep one file and both get the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import logging

from sqlalchemy import select

from clerk_app.domain.agreement import AgreementDocument
from clerk_app.domain.letter_texts import LetterDocument
from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import Case, Letter, LetterFile
from clerk_app.services.core.context import SYSTEM_READER, Actor, AppContext, DocumentRenderer
from clerk_app.services.core.errors import NotFound, ServiceError
from clerk_app.services.core.unit_of_work import Work, read_as, unit_of_work
from clerk_app.services.letters.types import LetterView, StoredPdf
from clerk_app.services.letters.views import read_case_letters

log = logging.getLogger(__name__)
AGREEMENT_KIND = "agreement"


class StoredPdfDamaged(ServiceError):
    """The kept bytes of a letter no longer match their hash: never print them."""


class NoRenderer(ServiceError):
    """The letter has no kept PDF and this program was started without the renderer."""


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


def render_stored(renderer: DocumentRenderer, letter: Letter) -> bytes:
    """The letter's PDF rendered from the content stored when it was issued."""
    data = json.loads(letter.extra or "{}")
    if str(letter.kind) == AGREEMENT_KIND:
        return renderer.agreement(_agreement_document(data))
    return renderer.letter(LetterDocument.from_json(data["document"]))


def _agreement_document(data: dict[str, object]) -> AgreementDocument:
    """Hook for agreements: their stored JSON holds an ``AgreementDocument``."""
    from_json = getattr(AgreementDocument, "from_json", None)
    stored = data.get("agreement", data.get("document"))
    if from_json is None or stored is None:
        raise NoRenderer("Tej umowy nie można odtworzyć z zapisanej treści.")
    document = from_json(stored)
    assert isinstance(document, AgreementDocument)
    return document


def _stored(letter: Letter, signature: str, row: LetterFile, rendered_now: bool) -> StoredPdf:
    digest = hashlib.sha256(row.pdf).hexdigest()
    if digest != row.sha256 or len(row.pdf) != row.size_bytes:
        log.error("Kept PDF of letter %s (id %s) does not match its hash: stored %s, "
                  "computed %s (%s bytes, %s stored)", letter.identifier, letter.id,
                  row.sha256, digest, len(row.pdf), row.size_bytes)
        raise StoredPdfDamaged(
            f"Zapisany plik pisma {letter.identifier} jest uszkodzony (suma kontrolna się nie "
            "zgadza); nie zostanie wydrukowany. Zgłoś to administratorowi.")
    return StoredPdf(letter.id, letter.identifier, str(letter.kind), signature, row.sha256,
                     row.size_bytes, bytes(row.pdf), rendered_now)


def letter_pdf(ctx: AppContext, actor: Actor, letter_id: int) -> StoredPdf:
    """The issued letter's exact PDF (reprint); rendered from its stored content and kept,
    in one transaction, the first time a letter without kept bytes is asked for."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        row = session.execute(
            select(Letter, Case.signature, LetterFile, Case.anonymised_at)
            .join(Case, Case.id == Letter.case_id)
            .outerjoin(LetterFile, LetterFile.letter_id == Letter.id)
            .where(Letter.id == letter_id)).first()
        if row is None:
            raise NotFound("Nie znaleziono pisma.")
        if row[2] is not None:
            return _stored(row[0], row[1], row[2], False)
        if row[3] is not None:
            raise NotFound(f"Sprawa {row[1]} została zanonimizowana: treść pisma i jego "
                           "plik usunięto po upływie okresu przechowywania.")
    return _render_and_keep(ctx, actor, letter_id)


def _render_and_keep(ctx: AppContext, actor: Actor, letter_id: int) -> StoredPdf:
    # The command line reads as the system reader, which has no account to write as.
    writer = None if actor is SYSTEM_READER else actor
    with unit_of_work(ctx, writer, Permission.VIEW_CASES if writer else None) as work:
        letter = work.session.get(Letter, letter_id, with_for_update=True)
        if letter is None:
            raise NotFound("Nie znaleziono pisma.")
        signature = work.session.scalar(
            select(Case.signature).where(Case.id == letter.case_id)) or ""
        kept = work.session.get(LetterFile, letter_id)
        if kept is not None:  # someone else kept it while this request waited for the lock
            return _stored(letter, signature, kept, False)
        if work.renderer is None:
            raise NoRenderer("Pismo nie ma zapisanego pliku PDF, a program uruchomiono bez "
                             "modułu drukowania pism.")
        row = keep_pdf(work, letter, render_stored(work.renderer, letter))
        log.info("Rendered and kept the PDF of letter %s on first request", letter.identifier)
        return _stored(letter, signature, row, True)


def find_letter_id(ctx: AppContext, actor: Actor, identifier: str) -> int | None:
    """The id of the letter with this identifier (as typed or scanned), or None."""
    wanted = "".join((identifier or "").split()).upper()
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        return session.scalar(select(Letter.id).where(Letter.identifier == wanted))


def letters_of_case(ctx: AppContext, actor: Actor, signature: str) -> list[LetterView]:
    """The issued letters of the case with this signature, oldest first (for scripts)."""
    wanted = " ".join((signature or "").split()).upper()
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        case_id = session.scalar(select(Case.id).where(Case.signature == wanted))
        if case_id is None:
            raise NotFound(f"Nie znaleziono sprawy o znaku „{signature.strip()}”.")
        return sorted(read_case_letters(session, case_id),
                      key=lambda x: (x.dated_on, x.id))
