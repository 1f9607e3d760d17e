"""What the "Rozstrzygnięcie" panel says about a deposit case, line by line (plain text)."""

from __future__ import annotations

from clerk_app.domain.money import format_money
from clerk_app.domain.settlement import DecisionKind, SettlementKind
from clerk_app.domain.text import format_date_pl, polish_plural
from clerk_app.services.deposit.workflow_types import DepositOverview
from clerk_app.ui.qt_helpers import translate


def _t(text: str) -> str:
    return translate("DecisionPanel", text)


def overview_lines() -> list[tuple[str, str]]:
    """The panel's lines: (key, label), in order."""
    return [("status", _t("Status:")), ("missing", _t("Braki:")),
            ("deficiency_due", _t("Termin na usunięcie braków:")),
            ("decision_due", _t("Termin rozpatrzenia:")), ("decision", _t("Rozstrzygnięcie:")),
            ("reasoning", _t("Uzasadnienie:")), ("agreement", _t("Umowa o raty:")),
            ("settlement", _t("Załatwienie sprawy:")), ("lease", _t("Umowa najmu:"))]


def _date(value: object) -> str:
    return format_date_pl(value) if value is not None else "—"  # type: ignore[arg-type]


def _instalments(count: int) -> str:
    return f"{count} {polish_plural(count, 'rata', 'raty', 'rat')}"


def decision_text(o: DepositOverview) -> str:
    d = o.decision
    if d is None:
        return _t("jeszcze nie rozstrzygnięto")
    text = _t("{0} z {1}").format(d.kind.label, format_date_pl(d.decided_on))
    if d.kind is DecisionKind.CONSENT and d.instalment_count:
        text += _t(": {0}, pierwsza płatna {1}").format(_instalments(d.instalment_count),
                                                        _date(d.first_due_on))
    if d.letter_identifier:
        text += _t(" (pismo {0})").format(d.letter_identifier)
    return text


def agreement_text(o: DepositOverview) -> str:
    a = o.agreement
    if a is None:
        return _t("nie przygotowano") if o.decision and o.decision.kind is \
            DecisionKind.CONSENT else "—"
    text = _t("kaucja {0} w {1} ratach, pierwsza płatna {2}").format(
        format_money(a.deposit), a.instalment_count, _date(a.first_due_on))
    if a.letter_identifier:
        text = _t("{0}: ").format(a.letter_identifier) + text
    signed = _t("; podpisana {0}").format(_date(a.signed_on)) if a.signed_on else \
        _t("; czeka na podpisanie")
    return text + signed


def overview_values(o: DepositOverview) -> dict[str, str]:
    """The text of each line of the panel for ``o``."""
    missing = "; ".join(item.label for item in o.missing)
    settled = _t("zakończona {0}: {1}").format(_date(o.settled_on), o.settlement.label) \
        if o.settlement is not None else _t("sprawa w toku")
    lease = _t("Można podpisać umowę najmu lokalu.") \
        if o.settlement is SettlementKind.AGREEMENT_SIGNED else "—"
    reasoning = o.decision.reasoning if o.decision is not None and o.decision.reasoning \
        else "—"
    return {"status": o.status.label, "missing": missing or _t("brak braków"),
            "deficiency_due": _date(o.deficiency_due), "decision_due": _date(o.decision_due),
            "decision": decision_text(o), "reasoning": reasoning,
            "agreement": agreement_text(o), "settlement": settled, "lease": lease}
