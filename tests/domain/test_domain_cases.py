from typing import Any

import pytest

from clerk_app.domain.cases import (
    ApplicantRole,
    CaseKind,
    CaseStatus,
    Channel,
    DeadlineKind,
    DeadlineState,
    IncomingKind,
    ProxyRelation,
    allowed_transitions,
    check_transition,
)
from clerk_app.domain.errors import FieldError

S = CaseStatus


def test_labels() -> None:
    assert CaseKind.IOK.label == "Konto IOK"
    assert CaseKind.DEPOSIT.label == "Kaucja w ratach"
    assert S.LEFT_WITHOUT_CONSIDERATION.label == "Pozostawiona bez rozpoznania"
    assert Channel.COUNTER_B84.label == "Punkt obsługi, ul. Bytomska 84"
    assert Channel.BGM_ROOM_109.label == "BGM, pok. 109"
    assert DeadlineKind.DELAY_NEW_DATE.label == "Nowy termin (zawiadomienie)"
    assert ApplicantRole.TENANT.label == "Najemca"
    assert ApplicantRole.OWNER.label == "Właściciel"


@pytest.mark.parametrize(
    "enum",
    [CaseKind, CaseStatus, IncomingKind, Channel, DeadlineKind, DeadlineState, ApplicantRole,
     ProxyRelation],
)
def test_every_member_has_a_label_and_lowercase_value(enum: Any) -> None:
    for member in enum:
        assert member.label
        assert member.value == member.name.lower()


def test_string_values() -> None:
    assert CaseStatus("awaiting_completion") is S.AWAITING_COMPLETION
    assert str(CaseKind.DEPOSIT) == "deposit"


def test_is_open() -> None:
    assert S.REGISTERED.is_open
    assert S.REFUSAL.is_open
    assert not S.CLOSED.is_open


def test_iok_transitions() -> None:
    assert allowed_transitions(CaseKind.IOK, S.REGISTERED) == {
        S.AWAITING_COMPLETION, S.LOGIN_SENT
    }
    # No "left without consideration" for IOK: an uncompleted request is closed.
    assert allowed_transitions(CaseKind.IOK, S.AWAITING_COMPLETION) == {
        S.REGISTERED, S.CLOSED
    }
    assert allowed_transitions(CaseKind.IOK, S.LEFT_WITHOUT_CONSIDERATION) == frozenset()
    assert allowed_transitions(CaseKind.IOK, S.LOGIN_SENT) == {S.CLOSED}
    assert allowed_transitions(CaseKind.IOK, S.CLOSED) == frozenset()
    assert allowed_transitions(CaseKind.IOK, S.CONSENT) == frozenset()


def test_deposit_transitions() -> None:
    d = CaseKind.DEPOSIT
    assert allowed_transitions(d, S.REGISTERED) == {S.AWAITING_COMPLETION, S.IN_PROGRESS}
    assert allowed_transitions(d, S.AWAITING_COMPLETION) == {
        S.IN_PROGRESS, S.LEFT_WITHOUT_CONSIDERATION
    }
    assert allowed_transitions(d, S.IN_PROGRESS) == {S.CONSENT, S.REFUSAL, S.AWAITING_COMPLETION}
    assert allowed_transitions(d, S.CONSENT) == {S.AGREEMENT_SIGNED}
    for status in (S.AGREEMENT_SIGNED, S.REFUSAL, S.LEFT_WITHOUT_CONSIDERATION):
        assert allowed_transitions(d, status) == {S.CLOSED}
    assert allowed_transitions(d, S.LOGIN_SENT) == frozenset()


def test_check_transition() -> None:
    check_transition(CaseKind.DEPOSIT, S.IN_PROGRESS, S.CONSENT)
    with pytest.raises(FieldError) as error:
        check_transition(CaseKind.DEPOSIT, S.REGISTERED, S.CONSENT)
    assert error.value.key == "status"
    assert "Zarejestrowana" in error.value.message and "Zgoda" in error.value.message
    with pytest.raises(FieldError):
        check_transition(CaseKind.IOK, S.REGISTERED, S.IN_PROGRESS)
    with pytest.raises(FieldError):
        check_transition(CaseKind.IOK, S.REGISTERED, S.REGISTERED)


def test_stamp_duty_exemption_by_relation() -> None:
    exempt = {r for r in ProxyRelation if r.stamp_duty_exempt}
    assert exempt == {
        ProxyRelation.SPOUSE, ProxyRelation.ASCENDANT, ProxyRelation.DESCENDANT,
        ProxyRelation.SIBLING,
    }


def test_only_a_refused_deposit_case_is_reopened() -> None:
    from clerk_app.domain.cases import check_reopening

    check_reopening(CaseKind.DEPOSIT, CaseStatus.CLOSED, refused=True)
    check_reopening(CaseKind.DEPOSIT, CaseStatus.REFUSAL, refused=True)
    for kind, status, refused in ((CaseKind.DEPOSIT, CaseStatus.CLOSED, False),
                                  (CaseKind.IOK, CaseStatus.CLOSED, True),
                                  (CaseKind.DEPOSIT, CaseStatus.CONSENT, True)):
        with pytest.raises(FieldError) as err:
            check_reopening(kind, status, refused)
        assert err.value.key == "status"
