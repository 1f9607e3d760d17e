"""The Polish lines the IOK tab shows: where the request stands, what it lacks, its target
with the explanation, and what an action did."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk_app.domain.text import format_date_pl
from clerk_app.services.iok.sending import SentCompletion, SentConfirmation
from clerk_app.services.iok.types import CompletionOutcome, IokRequestView


def _tr(text: str) -> str:
    return QCoreApplication.translate("IokRequestTab", text)


def status_lines(v: IokRequestView) -> tuple[str, str]:
    """(stage with what is missing, the target and the reply period explained), as HTML."""
    lines = [f"<b>{_tr('Etap:')}</b> {v.stage.label}"]
    if v.missing:
        items = "".join(f"<li>{m}</li>" for m in v.missing)
        lines.append(f"<span style='color:#a40000'>{_tr('Braki:')}</span><ul>{items}</ul>")
    if v.exported_at is not None:
        lines.append(_tr("Przekazano do utworzenia konta: {0} (plik nr {1})").format(
            format_date_pl(v.exported_at.date()), v.export_id))
    if v.account_created_on is not None:
        lines.append(_tr("Konto utworzone: {0}").format(format_date_pl(v.account_created_on)))
    if v.login_sent_on is not None:
        lines.append(_tr("Dane logowania wysłane: {0}").format(
            format_date_pl(v.login_sent_on)))
    target = []
    for title, deadline in ((_tr("Termin obsługi (cel ZGM)"), v.target),
                            (_tr("Termin na uzupełnienie"), v.reply)):
        if deadline is None:
            continue
        due = format_date_pl(deadline.due_on) if deadline.due_on else "—"
        target.append(f"<b>{title}:</b> {deadline.state.label}, {due}")
        target += [f"&nbsp;&nbsp;{line}" for line in deadline.explanation_lines]
    return "<br>".join(lines), "<br>".join(target)


def outcome_text(result: object) -> str:
    """What a completion request or the login-sent step did, in one sentence or two."""
    if isinstance(result, SentCompletion):
        email = result.email
        text = outcome_text(result.completion)
        return text + " " + (_tr("Wysłano e-mailem.") if email.sent else
                             _tr("Nie wysłano e-maila: {0} Ponów z zakładki „Pisma”.")
                             .format(email.error))
    if isinstance(result, CompletionOutcome):
        return _tr("Wystawiono prośbę o uzupełnienie {0}; termin odpowiedzi: {1}.").format(
            result.letter.identifier, format_date_pl(result.reply_by))
    if isinstance(result, SentConfirmation):
        login = result.login
        met = {True: _tr("termin dotrzymany"), False: _tr("termin przekroczony"),
               None: ""}[login.target_met]
        text = _tr("Sprawa zakończona: dane logowania wysłane ({0}).").format(met)
        if login.confirmation is not None:
            text += " " + _tr("Potwierdzenie {0}.").format(login.confirmation.identifier)
        if result.email is not None:
            text += " " + (_tr("Wysłano e-mailem.") if result.email.sent else
                           _tr("Nie wysłano e-maila: {0}").format(result.email.error))
        return text
    return ""
