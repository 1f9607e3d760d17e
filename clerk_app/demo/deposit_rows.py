"""The rows behind a deposit petition (paying the rental deposit in instalments): its
timeline (summons, decision), proxy, property statement and instalment agreement."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal

from clerk_app.demo import pools
from clerk_app.demo.deadline_rows import EV_COMPLETE, EV_REMOVED, MISSED, Deadlines
from clerk_app.demo.decision_rows import DecisionRows
from clerk_app.demo.draws import Draw, Weighted
from clerk_app.demo.letter_header import applicant_lines
from clerk_app.demo.letter_rows import LetterRows
from clerk_app.demo.people import Applicant, People, gendered
from clerk_app.demo.rows import Ids, Row, Rows
from clerk_app.demo.statement_rows import StatementRows
from clerk_app.domain.cases import CaseStatus, DeadlineKind, ProxyRelation
from clerk_app.domain.checklists import (
    DEPOSIT_POWER_OF_ATTORNEY,
    DEPOSIT_PROPERTY_STATEMENT,
    DEPOSIT_STAMP_DUTY,
)
from clerk_app.domain.computed_date import add_calendar_months
from clerk_app.domain.deposit_petition import PowerOfAttorneyForm, StampDutyPayment
from clerk_app.domain.instalments import split_amount
from clerk_app.domain.settlement import DecisionKind, SettlementKind
from clerk_app.domain.text import format_date_pl, polish_plural
from clerk_app.services.core.context import OFFICE_TZ

_S = CaseStatus
_PROXY_RELATIONS = ((ProxyRelation.SPOUSE, 30), (ProxyRelation.DESCENDANT, 35),
                    (ProxyRelation.ASCENDANT, 10), (ProxyRelation.SIBLING, 10),
                    (ProxyRelation.OTHER, 15))
_INSTALMENT_COUNTS = ((2, 4), (3, 8), (4, 8), (5, 10), (6, 18), (7, 4), (8, 8), (9, 2),
                      (10, 38))
_CLOSED_DEPOSIT_ROUTES = (("agreement", 68), ("refusal", 20), ("lwc", 12))
_LACKS = ("statement", "statement", "power", "stamp")
# What the summons demands for each lack: the labels the summons dialog offers.
_SUMMONED = {"statement": DEPOSIT_PROPERTY_STATEMENT.label,
             "power": DEPOSIT_POWER_OF_ATTORNEY.label, "stamp": DEPOSIT_STAMP_DUTY.label}
_OTHER_PROXY = ProxyRelation.OTHER


def proxy_lines(name: str, address: str) -> tuple[str, ...]:
    """The addressee block of a proxy (letters go to the proxy, KPA art. 40 § 2)."""
    return (name, *(part.strip() for part in address.split(",", 1)))


class DepositRows:
    """Adds the deadlines, letters, decision, statement, agreement and ``deposit_petitions``
    row of deposit cases; agreements use ``bank_account``."""

    def __init__(self, draw: Draw, deadlines: Deadlines, people: People,
                 statements: StatementRows, letters: LetterRows, decisions: DecisionRows,
                 ids: Ids, bank_account: str) -> None:
        self.d = draw
        self.deadlines = deadlines
        self.letters = letters
        self.decisions = decisions
        self.people = people
        self.statements = statements
        self.ids = ids
        self.bank_account = bank_account
        self.proxy_relations = Weighted(_PROXY_RELATIONS)
        self.instalment_counts = Weighted(_INSTALMENT_COUNTS)
        self.closed_routes = Weighted(_CLOSED_DEPOSIT_ROUTES)
        self._schedule_cache: dict[tuple[date, int], list[date]] = {}

    def add(self, rows: Rows, case: Row, status: CaseStatus, person: Applicant,
            clerk: int) -> int:
        """Timeline of a deposit petition handled by ``clerk``; returns the number of
        attachments."""
        d = self.d
        deadlines = self.deadlines
        r: date = case["received_on"]
        cid: int = case["id"]
        rent_grosze = d.between(30000, 150000)
        if d.chance(0.5):
            rent_grosze -= rent_grosze % 100
        rent = Decimal(rent_grosze).scaleb(-2)
        deposit = rent * 10
        count: int = self.instalment_counts.draw(d)
        rat = polish_plural(count, "ratę", "raty", "rat")
        case["subject"] = f"Prośba o rozłożenie kaucji zabezpieczającej na {count} {rat}"

        route = {
            _S.LEFT_WITHOUT_CONSIDERATION: "lwc", _S.REFUSAL: "refusal",
            _S.CONSENT: "consent", _S.AGREEMENT_SIGNED: "agreement",
        }.get(status, "open")
        if status == _S.CLOSED:
            route = self.closed_routes.draw(d)
        if status == _S.AWAITING_COMPLETION or route == "lwc":
            deficient = True
        else:
            deficient = d.chance(0.2 if status == _S.REGISTERED else 0.3)
        # Deficiencies not removed (yet): something is still missing from the file.
        pending = deficient and (status in (_S.AWAITING_COMPLETION, _S.REGISTERED)
                                 or route == "lwc")

        by_proxy = d.chance(0.12)
        relation: ProxyRelation | None = self.proxy_relations.draw(d) if by_proxy else None
        lack = d.one(_LACKS) if deficient else ""
        if lack in ("power", "stamp"):
            by_proxy = True
            if lack == "stamp" or relation is None:
                relation = _OTHER_PROXY
        proxy_name = None
        proxy_address = ""
        addressee = applicant_lines(case)
        if by_proxy:
            proxy_female = d.chance(0.5)
            family = person.last if relation != _OTHER_PROXY else d.one(pools.SURNAMES)
            proxy_name = (f"{self.people.first_name(proxy_female)} "
                          f"{gendered(family, proxy_female)}")
            a_street, a_building, a_flat, a_postal, a_city = self.people.address(False)
            a_house = f"{a_building}/{a_flat}" if a_flat else a_building
            proxy_address = f"ul. {a_street} {a_house}, {a_postal} {a_city}"
            addressee = proxy_lines(proxy_name, proxy_address)

        complete_on: date | None = None
        if not deficient:
            complete_on = r
        elif status != _S.REGISTERED:  # (a registered one waits for its summons)
            summons = self.letters.summons(rows, case, clerk, addressee, (_SUMMONED[lack],),
                                           r, may_pend=status == _S.AWAITING_COMPLETION)
            delivered = summons.start_on
            if delivered is None or summons.event is None:
                pass  # the summons waits for delivery: no deficiency period yet
            elif status == _S.AWAITING_COMPLETION:
                deadlines.add(rows, cid, DeadlineKind.DEFICIENCY, delivered, summons.event,
                              letter_id=summons.letter_id)
            elif route == "lwc":
                due = deadlines.end(DeadlineKind.DEFICIENCY, delivered)[0]
                left_on = deadlines.after(due, 1, 12)
                deadlines.add(rows, cid, DeadlineKind.DEFICIENCY, delivered, summons.event,
                              closed_on=left_on, state=MISSED, letter_id=summons.letter_id)
                case["settled_on"] = left_on
                case["settlement"] = SettlementKind.LEFT_WITHOUT_CONSIDERATION.value
                case["settlement_remarks"] = (
                    "Prośbę pozostawiono bez rozpoznania – braki formalne nie zostały usunięte.")
                case["lease_concluded"] = False
            else:
                complete_on = deadlines.after(delivered, 1, 7)
                deadlines.add(rows, cid, DeadlineKind.DEFICIENCY, delivered, summons.event,
                              closed_on=complete_on, letter_id=summons.letter_id)
        if complete_on is not None:
            case["complete_on"] = complete_on
            event = EV_REMOVED if deficient else EV_COMPLETE
            decisions = self.decisions
            if status in (_S.REGISTERED, _S.IN_PROGRESS):
                month = deadlines.add(rows, cid, DeadlineKind.DECISION, complete_on, event)
                if status == _S.IN_PROGRESS:
                    decisions.delay_notice(rows, case, clerk, addressee, month, None)
            else:
                decided = deadlines.after(complete_on, 3, 33)
                month = deadlines.add(rows, cid, DeadlineKind.DECISION, complete_on, event,
                                      closed_on=decided)
                decisions.delay_notice(rows, case, clerk, addressee, month, decided)
                if route == "refusal":
                    decisions.decide(rows, case, DecisionKind.REFUSAL, decided, clerk,
                                     None, None)
                    case["settled_on"] = decided
                    case["settlement"] = SettlementKind.REFUSAL.value
                    case["settlement_remarks"] = "Odmowa rozłożenia kaucji na raty."
                    case["lease_concluded"] = False
                else:
                    first_due = decisions.consent_first_due(decided)
                    decisions.decide(rows, case, DecisionKind.CONSENT, decided, clerk,
                                     count, first_due)
                if route == "agreement":
                    signed_on = deadlines.after(decided, 3, 21)
                    self.agreement(rows, cid, deposit, count, first_due, signed_on)
                    case["settled_on"] = signed_on
                    case["settlement"] = SettlementKind.AGREEMENT_SIGNED.value
                    case["settlement_remarks"] = (
                        f"Zgoda; umowa o rozłożenie kaucji na {count} {rat} zawarta "
                        f"{format_date_pl(signed_on)}.")
                    case["lease_concluded"] = True
                    if status == _S.CLOSED and d.chance(0.03):
                        case["lease_ended_on"] = deadlines.after(signed_on, 180, 900)

        statement_missing = pending and lack == "statement"
        if not statement_missing:
            self.statements.add(rows, cid, complete_on or r, person)
        has_power = by_proxy and not (pending and lack == "power")
        stamp_paid = by_proxy and relation == _OTHER_PROXY and not (pending and lack == "stamp")
        stamp_paid_on = (complete_on or r) if lack == "stamp" else r
        p_street, p_building, p_flat, p_postal, p_city = self.people.address(local_only=True)
        p_house = f"{p_building}/{p_flat}" if p_flat else p_building
        rows.deposit.append({
            "case_id": cid, "monthly_rent": rent, "deposit_amount": deposit,
            "instalments_requested": count,
            "first_due_on": add_calendar_months(r.replace(day=10), 1),
            "petition_signed": True,
            "justification": (pools.JUSTIFICATION_DEFICIENT if statement_missing
                              else d.one(pools.DEPOSIT_JUSTIFICATIONS)),
            "has_petition_form": True, "has_property_statement": not statement_missing,
            "by_proxy": by_proxy, "proxy_name": proxy_name,
            "proxy_relation": relation.value if relation else None,
            "has_power_of_attorney": has_power, "principal_exempt": False,
            "stamp_duty_paid": stamp_paid,
            "premises_address": f"ul. {p_street} {p_house}, {p_postal} {p_city}",
            "proxy_address": proxy_address,
            "power_of_attorney_form": PowerOfAttorneyForm.ORIGINAL.value if has_power else None,
            "stamp_duty_paid_on": stamp_paid_on if stamp_paid else None,
            "stamp_duty_payment": StampDutyPayment.TRANSFER.value if stamp_paid else None,
            "stamp_duty_exempt_override": None, "stamp_duty_override_reason": "",
            "version": 1,
        })
        return int(not statement_missing) + int(has_power) + int(stamp_paid)

    def agreement(self, rows: Rows, case_id: int, deposit: Decimal, count: int,
                  first_due: date, signed_on: date) -> None:
        """The instalment agreement on the consent's terms, signed on ``signed_on``."""
        dues = self._schedule_cache.get((first_due, count))
        if dues is None:
            working_on_or_after = self.deadlines.working_on_or_after
            dues = [working_on_or_after(add_calendar_months(first_due, k))
                    for k in range(count)]
            self._schedule_cache[(first_due, count)] = dues
        agreement_id = self.ids.agreement
        self.ids.agreement += 1
        rows.agreements.append({
            "id": agreement_id, "case_id": case_id, "deposit_amount": deposit,
            "instalment_count": count, "first_due_on": dues[0],
            "bank_account": self.bank_account, "signed_on": signed_on,
            "created_at": datetime.combine(signed_on, time(10), OFFICE_TZ).astimezone(UTC),
            "version": 1,
        })
        for number, (due, amount) in enumerate(
                zip(dues, split_amount(deposit, count), strict=True), start=1):
            rows.instalments.append({"agreement_id": agreement_id, "number": number,
                                     "due_on": due, "amount": amount})
