"""The deposit workflow's audit entries are told in Polish in the case timeline."""

from __future__ import annotations

from clerk_app.services.cases.timeline_text import describe_audit_entry


def test_workflow_entries_are_worded() -> None:
    assert describe_audit_entry("cases", "consent", {"status": ["in_progress", "consent"]}) \
        == "Wyrażono zgodę na rozłożenie kaucji na raty: status: W rozpatrzeniu → Zgoda"
    assert describe_audit_entry("deposit_decisions", "decide",
                                {"kind": [None, "refusal"], "reasoning": [None, "…"]}) \
        == "Wydano rozstrzygnięcie"
    assert describe_audit_entry("cases", "agreement_signed",
                                {"settled_on": [None, "2026-03-09"]}) \
        == "Zawarto umowę o rozłożenie kaucji na raty: data załatwienia: 09.03.2026"
    assert describe_audit_entry("instalments", "schedule", {"schedule": [None, [[1]]]}) \
        == "Zapisano harmonogram rat"
