"""Where an IOK request stands on its way to an account (derived, never stored)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clerk_app.domain.checklists import ChecklistItem, IokRequestFacts, missing_items_iok


class IokStage(StrEnum):
    """The steps of an IOK request, in order."""

    DEFICIENT = "deficient"  # registered, something missing, nobody asked yet
    AWAITING_COMPLETION = "awaiting_completion"  # ZGM asked the applicant
    READY = "ready"  # complete, not yet handed over to the IOK administrator
    EXPORTED = "exported"  # in a hand-over file, the account not yet created
    ACCOUNT_CREATED = "account_created"
    LOGIN_SENT = "login_sent"  # the case is closed
    NOT_COMPLETED = "not_completed"  # closed: no completion in the reply period

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    IokStage.DEFICIENT: "Niekompletny (do uzupełnienia)",
    IokStage.AWAITING_COMPLETION: "Czeka na uzupełnienie przez wnioskodawcę",
    IokStage.READY: "Gotowy do przekazania administratorowi IOK",
    IokStage.EXPORTED: "Przekazany do utworzenia konta",
    IokStage.ACCOUNT_CREATED: "Konto utworzone",
    IokStage.LOGIN_SENT: "Dane logowania wysłane",
    IokStage.NOT_COMPLETED: "Zamknięty: nie uzupełniono",
}


@dataclass(frozen=True)
class IokProgress:
    """What the stage is decided from."""

    facts: IokRequestFacts
    awaiting_completion: bool
    closed: bool
    exported: bool
    account_created_on: date | None
    login_sent_on: date | None


# IOK is a service under the regulamin IOK: its periods are counted the same way (the day of
# the event not counted, a Saturday or holiday end moved), but not by virtue of KPA.
_KPA_WORDING = (("art. 57 § 1 KPA – dnia zdarzenia nie wlicza się",
                 "termin ZGM – dnia zdarzenia nie wlicza się"),
                ("art. 57 § 4 KPA", "jak w regulaminie IOK"))


def iok_explanation(lines: tuple[str, ...]) -> tuple[str, ...]:
    """A deadline's explanation lines worded for an IOK request (no KPA articles)."""
    out = []
    for line in lines:
        for kpa, iok in _KPA_WORDING:
            line = line.replace(kpa, iok)
        out.append(line)
    return tuple(out)


def premises_line(street: str, building: str, flat: str) -> str | None:
    """``ul. Bytomska 12/3``, or None when the street or the building is unknown."""
    street, building, flat = street.strip(), building.strip(), flat.strip()
    if not street or not building:
        return None
    prefix = "" if street.lower().startswith(("ul.", "al.", "pl.", "os.")) else "ul. "
    return f"{prefix}{street} {building}" + (f"/{flat}" if flat else "")


def iok_missing(facts: IokRequestFacts) -> list[ChecklistItem]:
    """What the request lacks for an account (signature, a valid e-mail, premises, name)."""
    return missing_items_iok(facts)


def iok_stage(p: IokProgress) -> IokStage:
    """The request's step from its facts and its hand-over dates."""
    if p.login_sent_on is not None:
        return IokStage.LOGIN_SENT
    if p.closed:
        return IokStage.NOT_COMPLETED
    if p.account_created_on is not None:
        return IokStage.ACCOUNT_CREATED
    if p.exported:
        return IokStage.EXPORTED
    if p.awaiting_completion:
        return IokStage.AWAITING_COMPLETION
    return IokStage.DEFICIENT if iok_missing(p.facts) else IokStage.READY
