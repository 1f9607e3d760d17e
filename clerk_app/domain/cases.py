"""Case kinds, statuses and their allowed transitions; incoming items, channels, deadlines."""

from __future__ import annotations

from enum import StrEnum

from clerk_app.domain.errors import FieldError


class CaseKind(StrEnum):
    """The two procedures the application handles."""

    IOK = "iok"
    DEPOSIT = "deposit"

    @property
    def label(self) -> str:
        """Polish name shown to the user."""
        return _KIND_LABELS[self]


_KIND_LABELS = {CaseKind.IOK: "Konto IOK", CaseKind.DEPOSIT: "Kaucja w ratach"}


class CaseStatus(StrEnum):
    """Where a case stands."""

    REGISTERED = "registered"
    AWAITING_COMPLETION = "awaiting_completion"
    IN_PROGRESS = "in_progress"
    CONSENT = "consent"
    REFUSAL = "refusal"
    LEFT_WITHOUT_CONSIDERATION = "left_without_consideration"
    AGREEMENT_SIGNED = "agreement_signed"
    LOGIN_SENT = "login_sent"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        """Polish name shown to the user."""
        return _STATUS_LABELS[self]

    @property
    def is_open(self) -> bool:
        """True until the case is closed."""
        return self is not CaseStatus.CLOSED


_STATUS_LABELS = {
    CaseStatus.REGISTERED: "Zarejestrowana",
    CaseStatus.AWAITING_COMPLETION: "Wezwano do uzupełnienia",
    CaseStatus.IN_PROGRESS: "W rozpatrzeniu",
    CaseStatus.CONSENT: "Zgoda",
    CaseStatus.REFUSAL: "Odmowa",
    CaseStatus.LEFT_WITHOUT_CONSIDERATION: "Pozostawiona bez rozpoznania",
    CaseStatus.AGREEMENT_SIGNED: "Umowa zawarta",
    CaseStatus.LOGIN_SENT: "Dane logowania wysłane",
    CaseStatus.CLOSED: "Zakończona",
}

_S = CaseStatus
_TRANSITIONS: dict[CaseKind, dict[CaseStatus, frozenset[CaseStatus]]] = {
    # IOK is a service under the regulamin IOK, not KPA: no "left without consideration";
    # a request not completed within the reply period is closed as not completed.
    CaseKind.IOK: {
        _S.REGISTERED: frozenset({_S.AWAITING_COMPLETION, _S.LOGIN_SENT}),
        _S.AWAITING_COMPLETION: frozenset({_S.REGISTERED, _S.CLOSED}),
        _S.LOGIN_SENT: frozenset({_S.CLOSED}),
    },
    CaseKind.DEPOSIT: {
        _S.REGISTERED: frozenset({_S.AWAITING_COMPLETION, _S.IN_PROGRESS}),
        _S.AWAITING_COMPLETION: frozenset({_S.IN_PROGRESS, _S.LEFT_WITHOUT_CONSIDERATION}),
        # A deficiency found during consideration: a summons suspends the decision month.
        _S.IN_PROGRESS: frozenset({_S.CONSENT, _S.REFUSAL, _S.AWAITING_COMPLETION}),
        _S.CONSENT: frozenset({_S.AGREEMENT_SIGNED}),
        _S.AGREEMENT_SIGNED: frozenset({_S.CLOSED}),
        _S.REFUSAL: frozenset({_S.CLOSED}),
        _S.LEFT_WITHOUT_CONSIDERATION: frozenset({_S.CLOSED}),
    },
}


def check_reopening(kind: CaseKind, status: CaseStatus, refused: bool) -> None:
    """A request for reconsideration reopens a deposit case settled by a refusal (closed at
    once when refused, or still shown as refused); nothing else is reopened."""
    if kind is not CaseKind.DEPOSIT or not refused or status not in (_S.REFUSAL, _S.CLOSED):
        raise FieldError("status", "Ponowne rozpatrzenie dotyczy tylko sprawy zakończonej "
                                   "odmową rozłożenia kaucji na raty.")


def allowed_transitions(kind: CaseKind, status: CaseStatus) -> frozenset[CaseStatus]:
    """Statuses a case of ``kind`` may move to from ``status`` (empty when none)."""
    return _TRANSITIONS[kind].get(status, frozenset())


def check_transition(kind: CaseKind, old: CaseStatus, new: CaseStatus) -> None:
    """Raise FieldError("status", …) unless ``old`` → ``new`` is allowed for ``kind``."""
    if new not in allowed_transitions(kind, old):
        raise FieldError(
            "status",
            f"Niedozwolona zmiana statusu sprawy ({kind.label}): "
            f"„{old.label}” → „{new.label}”.",
        )


class IncomingKind(StrEnum):
    """What an incoming item (przesyłka) is."""

    IOK_REQUEST = "iok_request"
    DEPOSIT_PETITION = "deposit_petition"
    SUPPLEMENT = "supplement"
    RECONSIDERATION = "reconsideration"  # podanie o ponowne rozpatrzenie (after a refusal)
    OTHER = "other"
    LEGACY_CONSENT = "legacy_consent"  # a returned migration form (old portal account → IOK)

    @property
    def label(self) -> str:
        """Polish name shown to the user."""
        return _INCOMING_LABELS[self]


_INCOMING_LABELS = {
    IncomingKind.IOK_REQUEST: "Wniosek o utworzenie konta IOK",
    IncomingKind.DEPOSIT_PETITION: "Prośba o rozłożenie kaucji na raty",
    IncomingKind.SUPPLEMENT: "Uzupełnienie braków",
    IncomingKind.RECONSIDERATION: "Podanie o ponowne rozpatrzenie",
    IncomingKind.OTHER: "Inne",
    IncomingKind.LEGACY_CONSENT: "Zgoda na przeniesienie konta do IOK",
}


class Channel(StrEnum):
    """Where or how an item was filed."""

    COUNTER_B84 = "counter_b84"
    COUNTER_B92 = "counter_b92"
    BGM_ROOM_109 = "bgm_room_109"
    ZGM_SECRETARIAT = "zgm_secretariat"
    POST = "post"
    EMAIL = "email"

    @property
    def label(self) -> str:
        """Polish name shown to the user."""
        return _CHANNEL_LABELS[self]


_CHANNEL_LABELS = {
    Channel.COUNTER_B84: "Punkt obsługi, ul. Bytomska 84",
    Channel.COUNTER_B92: "Punkt obsługi, ul. Bytomska 92",
    Channel.BGM_ROOM_109: "BGM, pok. 109",
    Channel.ZGM_SECRETARIAT: "Sekretariat ZGM",
    Channel.POST: "Poczta",
    Channel.EMAIL: "E-mail",
}


class DeadlineKind(StrEnum):
    """Which deadline of a case is tracked."""

    DEFICIENCY = "deficiency"
    DECISION = "decision"
    IOK_TARGET = "iok_target"
    DELAY_NEW_DATE = "delay_new_date"
    IOK_REPLY = "iok_reply"  # the applicant's reply to an IOK completion request

    @property
    def label(self) -> str:
        """Polish name shown to the user."""
        return _DEADLINE_KIND_LABELS[self]


_DEADLINE_KIND_LABELS = {
    DeadlineKind.DEFICIENCY: "Uzupełnienie braków",
    DeadlineKind.DECISION: "Rozpatrzenie prośby",
    DeadlineKind.IOK_TARGET: "Obsługa wniosku IOK",
    DeadlineKind.DELAY_NEW_DATE: "Nowy termin (zawiadomienie)",
    DeadlineKind.IOK_REPLY: "Uzupełnienie wniosku IOK",
}


class PeriodUnit(StrEnum):
    """How a deadline's period is counted (stored in ``deadlines.period_unit``)."""

    DAYS = "days"  # art. 57 § 1 KPA
    MONTHS = "months"  # art. 57 § 3 KPA
    FIXED = "date"  # a date set by the office: start_on + period_count calendar days


class DeadlineState(StrEnum):
    """Life cycle of a tracked deadline."""

    RUNNING = "running"
    SUSPENDED = "suspended"
    MET = "met"
    MISSED = "missed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        """Polish name shown to the user."""
        return _DEADLINE_STATE_LABELS[self]


_DEADLINE_STATE_LABELS = {
    DeadlineState.RUNNING: "Biegnie",
    DeadlineState.SUSPENDED: "Wstrzymany",
    DeadlineState.MET: "Dotrzymany",
    DeadlineState.MISSED: "Przekroczony",
    DeadlineState.CANCELLED: "Anulowany",
}


class ApplicantRole(StrEnum):
    """The applicant's relation to the premises."""

    TENANT = "tenant"
    OWNER = "owner"

    @property
    def label(self) -> str:
        """Polish name shown to the user."""
        return "Najemca" if self is ApplicantRole.TENANT else "Właściciel"


class ProxyRelation(StrEnum):
    """Relation of a proxy to the principal (decides the stamp-duty exemption)."""

    SPOUSE = "spouse"
    ASCENDANT = "ascendant"
    DESCENDANT = "descendant"
    SIBLING = "sibling"
    OTHER = "other"

    @property
    def label(self) -> str:
        """Polish name shown to the user."""
        return _PROXY_LABELS[self]

    @property
    def stamp_duty_exempt(self) -> bool:
        """A power of attorney for a spouse, ascendant, descendant or sibling is exempt."""
        return self is not ProxyRelation.OTHER


_PROXY_LABELS = {
    ProxyRelation.SPOUSE: "Małżonek",
    ProxyRelation.ASCENDANT: "Wstępny (np. rodzic, dziadek)",
    ProxyRelation.DESCENDANT: "Zstępny (np. dziecko, wnuk)",
    ProxyRelation.SIBLING: "Rodzeństwo",
    ProxyRelation.OTHER: "Inna osoba",
}
