"""The registers' remarks columns: the settlement once, then the clerk's words."""

from __future__ import annotations

from clerk_app.domain.registers import case_remarks, incoming_remarks
from clerk_app.domain.settlement import SettlementKind


def test_settlement_and_remarks() -> None:
    label = SettlementKind.LOGIN_DATA_SENT.label
    assert case_remarks(None, "") == ""
    assert case_remarks(label, "") == label
    assert case_remarks(None, " notatka ") == "notatka"
    assert case_remarks(label, "Wysłano e-mailem.") == f"{label}; Wysłano e-mailem."


def test_remarks_beginning_with_the_settlement_are_not_doubled() -> None:
    refusal = SettlementKind.REFUSAL.label
    assert case_remarks(refusal, f"{refusal} (L2026000001 z dnia 02.03.2026)") \
        == f"{refusal} (L2026000001 z dnia 02.03.2026)"
    agreement = SettlementKind.AGREEMENT_SIGNED.label  # "Zgoda; zawarto umowę …"
    assert case_remarks(agreement, "Zgoda; umowa L2026000002 zawarta 05.03.2026") == (
        "Zgoda; zawarto umowę o rozłożenie kaucji na raty; umowa L2026000002 zawarta "
        "05.03.2026")


def test_incoming_remarks_name_the_case() -> None:
    assert incoming_remarks("", None) == ""
    assert incoming_remarks("", "ZGM.0143.1.2026") == "Sprawa ZGM.0143.1.2026"
    assert incoming_remarks("Skan przesłany e-mailem.", "ZGM.0143.1.2026") \
        == "Skan przesłany e-mailem. Sprawa ZGM.0143.1.2026"
    assert incoming_remarks("pilne", "BGM.7141.2.2026") == "pilne; Sprawa BGM.7141.2.2026"
