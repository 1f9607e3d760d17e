"""Events in the life of a case that start, suspend, resume or end its deadlines.

What each event does to which deadline is the table in
:mod:`clerk_app.domain.deadline_rules`; this module only names the events.
"""

from __future__ import annotations

from enum import StrEnum


class CaseEvent(StrEnum):
    """Something that happened in a case on a given day (stored as the value)."""

    IOK_REQUEST_FILED = "iok_request_filed"
    PETITION_COMPLETE = "petition_complete"
    SUMMONS_ISSUED = "summons_issued"
    SUMMONS_DELIVERED = "summons_delivered"  # the date on the returned receipt (ZPO)
    SUMMONS_HANDED_OVER = "summons_handed_over"  # at the counter
    SUMMONS_READ = "summons_read"  # by e-mail, the reading confirmation
    SUMMONS_DEEMED_DELIVERED = "summons_deemed_delivered"  # art. 44 KPA
    SUMMONS_DELIVERY_RECORDED = "summons_delivery_recorded"  # entered outside the desk
    DEFICIENCIES_REMOVED = "deficiencies_removed"  # deposit petition
    IOK_REQUEST_COMPLETED = "iok_request_completed"  # IOK request
    IOK_COMPLETION_REQUESTED = "iok_completion_requested"  # ZGM asked the applicant
    IOK_CLOSED_NOT_COMPLETED = "iok_closed_not_completed"  # no reply within the period
    DELAY_NOTICE_ISSUED = "delay_notice_issued"  # art. 36 KPA practice
    DEADLINE_EXTENDED = "deadline_extended"  # a new date set by the office
    DEADLINE_CANCELLED = "deadline_cancelled"  # e.g. the request was withdrawn
    DEADLINE_MET = "deadline_met"  # the clerk records that the act was done
    DECISION_ISSUED = "decision_issued"  # consent or refusal
    LEFT_WITHOUT_CONSIDERATION = "left_without_consideration"
    LOGIN_DATA_SENT = "login_data_sent"  # IOK account handed over
    RECONSIDERATION_REQUESTED = "reconsideration_requested"  # after a refusal

    @property
    def label(self) -> str:
        """Polish wording used in explanations ("Zdarzenie początkowe: …")."""
        return _LABELS[self]


_LABELS = {
    CaseEvent.IOK_REQUEST_FILED: "złożenie wniosku",
    CaseEvent.PETITION_COMPLETE: "wpływ kompletnej prośby",
    CaseEvent.SUMMONS_ISSUED: "wezwanie do usunięcia braków",
    CaseEvent.SUMMONS_DELIVERED: "doręczenie wezwania (data z ZPO)",
    CaseEvent.SUMMONS_HANDED_OVER: "doręczenie wezwania w urzędzie",
    CaseEvent.SUMMONS_READ: "doręczenie wezwania e-mailem (potwierdzenie odczytu)",
    CaseEvent.SUMMONS_DEEMED_DELIVERED: "doręczenie zastępcze wezwania (art. 44 KPA)",
    CaseEvent.SUMMONS_DELIVERY_RECORDED: "doręczenie wezwania",
    CaseEvent.DEFICIENCIES_REMOVED: "usunięcie braków formalnych",
    CaseEvent.IOK_REQUEST_COMPLETED: "uzupełnienie wniosku",
    CaseEvent.IOK_COMPLETION_REQUESTED: "prośba o uzupełnienie wniosku",
    CaseEvent.IOK_CLOSED_NOT_COMPLETED: "zamknięcie wniosku nieuzupełnionego",
    CaseEvent.DELAY_NOTICE_ISSUED: "zawiadomienie o zwłoce",
    CaseEvent.DEADLINE_EXTENDED: "przedłużenie terminu",
    CaseEvent.DEADLINE_CANCELLED: "anulowanie terminu",
    CaseEvent.DEADLINE_MET: "załatwienie sprawy",
    CaseEvent.DECISION_ISSUED: "wydanie rozstrzygnięcia",
    CaseEvent.LEFT_WITHOUT_CONSIDERATION: "pozostawienie bez rozpoznania",
    CaseEvent.LOGIN_DATA_SENT: "wysłanie danych logowania",
    CaseEvent.RECONSIDERATION_REQUESTED: "wpływ podania o ponowne rozpatrzenie",
}

SUMMONS_DELIVERIES = frozenset({
    CaseEvent.SUMMONS_DELIVERED, CaseEvent.SUMMONS_HANDED_OVER, CaseEvent.SUMMONS_READ,
    CaseEvent.SUMMONS_DEEMED_DELIVERED, CaseEvent.SUMMONS_DELIVERY_RECORDED,
})
