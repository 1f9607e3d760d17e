"""Sending an issued letter by e-mail: its kept PDF as the attachment, to the addressee's
address; the outcome recorded on the letter and in the audit trail.

Three steps, none of them holding a transaction open over the network: (1) one read gets the
letter, its kept PDF (checked against its hash) and the addressee's e-mail; (2) the message
goes out (``smtp.send_message``, 20 s timeout); (3) one write records ``email_sent_at`` and
``email_message_id`` (and, like ``letters.delivery.record_sent``, the day it left the office)
or the failure in ``email_error``. A failure is kept and returned, so the clerk can retry.
A sent e-mail is not a delivery: the reading confirmation is recorded as before
(``record_email_delivery``, under ``email_read_counts_as_delivery``).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from clerk_app.domain.cases import CaseKind
from clerk_app.domain.letter_kinds import DeliveryMethod, DeliveryStatus, letter_kind_label
from clerk_app.domain.roles import Permission
from clerk_app.domain.text import format_date_pl
from clerk_app.persistence.models import Case, Letter, LetterFile
from clerk_app.services.admin.settings import OfficeSettings, read_settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import NotFound, ServiceError
from clerk_app.services.core.unit_of_work import read_as, unit_of_work
from clerk_app.services.letters.records import letter_pdf
from clerk_app.services.mail.smtp import MailFailed, send_message, smtp_config
from clerk_app.services.mail.states import addressed_to_proxy

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LetterEmailOutcome:
    """What happened to one letter: sent (with the Message-ID) or the error kept on it."""

    letter_id: int
    sent: bool
    message_id: str
    error: str


@dataclass(frozen=True)
class LetterEmail:
    """The letter as the e-mail needs it (read in one transaction)."""

    letter_id: int
    identifier: str
    to: str
    subject: str
    body: str
    pdf: bytes | None  # None: no kept file yet (rendered and kept before sending)


def email_body(settings: OfficeSettings, kind: CaseKind, label: str, identifier: str,
               signature: str) -> str:
    """The plain text accompanying the PDF (from ZGM for IOK cases, else from BGM)."""
    iok = kind is CaseKind.IOK
    office = settings.zgm_name if iok else settings.bgm_name
    address = settings.zgm_address if iok else settings.bgm_address
    lines = ["Dzień dobry,", "",
             f"w załączniku przesyłamy pismo „{label}” (nr {identifier}) w sprawie "
             f"{signature}, w formacie PDF.", "",
             "Wiadomość została wysłana automatycznie; w razie pytań prosimy o kontakt.", "",
             office, address]
    if iok and settings.zgm_phones:
        lines.append(f"tel. {settings.zgm_phones}")
    return "\n".join(lines) + "\n"


def _read(ctx: AppContext, actor: Actor, letter_id: int) -> LetterEmail:
    with read_as(ctx, actor, Permission.HANDLE_CASE) as session:
        row = session.execute(
            select(Letter, Case).join(Case, Case.id == Letter.case_id)
            .where(Letter.id == letter_id)).first()
        if row is None:
            raise NotFound("Nie znaleziono pisma.")
        letter, case = row
        if letter.email_sent_at is not None:
            raise ServiceError(f"Pismo {letter.identifier} zostało już wysłane e-mailem "
                               f"({format_date_pl(letter.email_sent_at.date())}).")
        if addressed_to_proxy(session, case):
            raise ServiceError("Pismo jest adresowane do pełnomocnika, a jego adresu e-mail "
                               "nie ma w sprawie; wyślij je pocztą.")
        to = (case.applicant_email or "").strip()
        if not to:
            raise ServiceError("Adresat nie podał adresu e-mail; wyślij pismo pocztą.")
        label = letter_kind_label(str(letter.kind))
        body = email_body(read_settings(session), CaseKind(case.kind), label,
                          letter.identifier, case.signature)
        kept = session.get(LetterFile, letter.id)
        pdf = None
        if kept is not None:
            if hashlib.sha256(kept.pdf).hexdigest() != kept.sha256:
                raise ServiceError(f"Zapisany plik pisma {letter.identifier} jest uszkodzony "
                                   "(suma kontrolna się nie zgadza); nie zostanie wysłany.")
            pdf = bytes(kept.pdf)
        return LetterEmail(letter.id, letter.identifier, to,
                           f"{label} – sprawa {case.signature}", body, pdf)


def send_letter_by_email(ctx: AppContext, actor: Actor, letter_id: int) -> LetterEmailOutcome:
    """Clerk action: send the letter's kept PDF to the addressee's e-mail (or retry)."""
    mail = _read(ctx, actor, letter_id)
    pdf = mail.pdf if mail.pdf is not None else letter_pdf(ctx, actor, letter_id).pdf
    config = smtp_config(ctx)
    try:
        message_id = send_message(config, mail.to, mail.subject, mail.body,
                                  [(f"{mail.identifier}.pdf", pdf)])
    except MailFailed as exc:
        log.warning("E-mail of letter %s failed: %s", mail.identifier, exc.message)
        return _record(ctx, actor, letter_id, None, exc.message)
    return _record(ctx, actor, letter_id, message_id, "")


def _record(ctx: AppContext, actor: Actor, letter_id: int, message_id: str | None,
            error: str) -> LetterEmailOutcome:
    """Keep the outcome on the letter. Where another clerk's sending of the same letter
    finished first, its record stays and this attempt is only audited."""
    with unit_of_work(ctx, actor, Permission.HANDLE_CASE) as work:
        letter = work.session.get(Letter, letter_id, with_for_update=True)
        if letter is None:
            raise NotFound("Nie znaleziono pisma.")
        already = letter.email_sent_at is not None
        if message_id is None:
            old = letter.email_error
            if not already:
                letter.email_error = error
            work.audit("letters", letter.id, "email_failed", {"email_error": [old, error]},
                       case_id=letter.case_id)
            return LetterEmailOutcome(letter_id, False, "", error)
        if already:
            work.audit("letters", letter.id, "email_sent_again",
                       {"email_message_id": [letter.email_message_id, message_id]},
                       case_id=letter.case_id)
            log.warning("Letter %s was e-mailed twice (%s kept, %s also sent)",
                        letter.identifier, letter.email_message_id, message_id)
            return LetterEmailOutcome(letter_id, True, message_id, "")
        _mark_sent(letter, work.now, ctx.today(), message_id)
        work.audit_changes(letter, "email_sent", case_id=letter.case_id)
        return LetterEmailOutcome(letter_id, True, message_id, "")


def _mark_sent(letter: Letter, now: datetime, today: date, message_id: str) -> None:
    letter.email_sent_at = now
    letter.email_message_id = message_id
    letter.email_error = ""
    if letter.sent_on is None:
        letter.sent_on = today
    if letter.delivery_status == DeliveryStatus.PENDING.value:
        letter.delivery_method = DeliveryMethod.EMAIL
