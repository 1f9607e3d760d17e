"""The rows behind a deposit petition (paying the rental deposit in instalments): its
timeline (summons and its delivery, completion, delay notice, decision, agreement, or leaving
it without consideration) with the letters of each step, proxy, property statement and the
petition row, consistent with its checklist: a case waiting for the applicant lacks exactly
what its summons demanded, any other case past registration has every item present."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from clerk_app.demo import pools
from clerk_app.demo.agreement_rows import AgreementRows
from clerk_app.demo.deadline_rows import EV_COMPLETE, EV_REMOVED, MISSED, Deadlines
from clerk_app.demo.decision_rows import DecisionRows
from clerk_app.demo.draws import Draw, Weighted
from clerk_app.demo.letter_header import applicant_address, applicant_lines
from clerk_app.demo.letter_rows import LetterRows
from clerk_app.demo.people import Applicant, People, gendered
from clerk_app.demo.rows import Row, Rows
from clerk_app.demo.statement_rows import StatementRows
from clerk_app.domain.case_events import CaseEvent
from clerk_app.domain.cases import CaseStatus, DeadlineKind, ProxyRelation
from clerk_app.domain.computed_date import add_calendar_months
from clerk_app.domain.deposit_petition import PowerOfAttorneyForm, StampDutyPayment
from clerk_app.domain.petition_checklist import PetitionItem
from clerk_app.domain.settlement import SettlementKind
from clerk_app.domain.text import format_date_pl, polish_plural
from clerk_app.services.letters.addressee import ON_BEHALF_OF, address_parts

_S = CaseStatus
_PROXY_RELATIONS = ((ProxyRelation.SPOUSE, 30), (ProxyRelation.DESCENDANT, 35),
                    (ProxyRelation.ASCENDANT, 10), (ProxyRelation.SIBLING, 10),
                    (ProxyRelation.OTHER, 15))
_INSTALMENT_COUNTS = ((2, 4), (3, 8), (4, 8), (5, 10), (6, 18), (7, 4), (8, 8), (9, 2),
                      (10, 38))
_CLOSED_DEPOSIT_ROUTES = (("agreement", 68), ("refusal", 20), ("lwc", 12))
_LACKS = ("statement", "statement", "power", "stamp")
# The checklist item each lack leaves missing (the summons demands it by its label).
_LACKING = {"statement": PetitionItem.PROPERTY_STATEMENT,
            "power": PetitionItem.POWER_OF_ATTORNEY, "stamp": PetitionItem.STAMP_DUTY}
_OTHER_PROXY = ProxyRelation.OTHER


def proxy_lines(name: str, address: str, principal: str) -> tuple[str, ...]:
    """The addressee block of a proxy, the principal named (KPA art. 40 § 2), as
    :func:`clerk_app.services.letters.addressee.case_addressee_lines` writes it."""
    return (name, f"{ON_BEHALF_OF} {principal}", *address_parts(address))


class DepositRows:
    """Adds the deadlines, letters, decision, statement, agreement and ``deposit_petitions``
    row of deposit cases; agreements use ``bank_account``."""

    def __init__(self, draw: Draw, deadlines: Deadlines, people: People,
                 statements: StatementRows, letters: LetterRows, decisions: DecisionRows,
                 agreements: AgreementRows) -> None:
        self.d = draw
        self.deadlines = deadlines
        self.letters = letters
        self.decisions = decisions
        self.agreements = agreements
        self.people = people
        self.statements = statements
        self.proxy_relations = Weighted(_PROXY_RELATIONS)
        self.instalment_counts = Weighted(_INSTALMENT_COUNTS)
        self.closed_routes = Weighted(_CLOSED_DEPOSIT_ROUTES)

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
            addressee = proxy_lines(proxy_name, proxy_address,
                                    f"{person.first} {person.last}")

        p_street, p_building, p_flat, p_postal, p_city = self.people.address(local_only=True)
        p_house = f"{p_building}/{p_flat}" if p_flat else p_building
        premises = f"ul. {p_street} {p_house}, {p_postal} {p_city}"
        lacking = (_LACKING[lack],) if lack else ()

        complete_on: date | None = None
        if not deficient:
            complete_on = r
        elif status != _S.REGISTERED:  # (a registered one waits for its summons)
            summons = self.letters.summons(
                rows, case, clerk, addressee, tuple(i.label for i in lacking), r,
                may_pend=status == _S.AWAITING_COMPLETION)
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
                              closed_on=left_on, state=MISSED, letter_id=summons.letter_id,
                              closed_by=CaseEvent.LEFT_WITHOUT_CONSIDERATION)
                notice = self.decisions.leave(rows, case, clerk, addressee, left_on, summons,
                                              due, lacking)
                kind = SettlementKind.LEFT_WITHOUT_CONSIDERATION
                self.settle(case, left_on, kind, f"{kind.label} ({notice['identifier']} z dnia "
                                                 f"{format_date_pl(left_on)})", False)
            else:
                complete_on = deadlines.after(delivered, 1, 7)
                deadlines.add(rows, cid, DeadlineKind.DEFICIENCY, delivered, summons.event,
                              closed_on=complete_on, letter_id=summons.letter_id,
                              closed_by=EV_REMOVED)
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
                                      closed_on=decided, closed_by=CaseEvent.DECISION_ISSUED)
                decisions.delay_notice(rows, case, clerk, addressee, month, decided)
                if route == "refusal":
                    letter = decisions.refusal(rows, case, clerk, addressee, decided,
                                               person.female)
                    kind = SettlementKind.REFUSAL
                    self.settle(case, decided, kind, f"{kind.label} ({letter['identifier']} "
                                                     f"z dnia {format_date_pl(decided)})", False)
                else:
                    schedule = decisions.consent(rows, case, clerk, addressee, decided, rent,
                                                 count)
                    signed = route == "agreement"
                    if signed or d.chance(0.5):  # (a consent may wait for its agreement)
                        prepared = deadlines.after(decided, 1, 6)
                        signed_on = deadlines.after(prepared, 0, 14) if signed else None
                        doc = self.agreements.add(
                            rows, case, applicant_address(case), premises, rent, schedule,
                            prepared, signed_on, clerk)
                        if signed_on is not None:
                            self.settle(case, signed_on, SettlementKind.AGREEMENT_SIGNED,
                                        f"Zgoda; umowa {doc.identifier} zawarta "
                                        f"{format_date_pl(signed_on)}", True)
                            if status == _S.CLOSED and d.chance(0.03):
                                case["lease_ended_on"] = deadlines.after(signed_on, 180, 900)

        statement_missing = pending and lack == "statement"
        if not statement_missing:
            self.statements.add(rows, cid, complete_on or r, person)
        has_power = by_proxy and not (pending and lack == "power")
        stamp_paid = by_proxy and relation == _OTHER_PROXY and not (pending and lack == "stamp")
        stamp_paid_on = (complete_on or r) if lack == "stamp" else r
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
            "premises_address": premises,
            "proxy_address": proxy_address,
            "power_of_attorney_form": PowerOfAttorneyForm.ORIGINAL.value if has_power else None,
            "stamp_duty_paid_on": stamp_paid_on if stamp_paid else None,
            "stamp_duty_payment": StampDutyPayment.TRANSFER.value if stamp_paid else None,
            "stamp_duty_exempt_override": None, "stamp_duty_override_reason": "",
            "version": 1,
        })
        return int(not statement_missing) + int(has_power) + int(stamp_paid)

    @staticmethod
    def settle(case: Row, on: date, kind: SettlementKind, remarks: str,
               lease_may_follow: bool) -> None:
        """Record how and when the case was settled (what the case register prints)."""
        case["settled_on"] = on
        case["settlement"] = kind.value
        case["settlement_remarks"] = remarks
        case["lease_concluded"] = lease_may_follow
