"""The property statement of a deposit petition and the household members it lists."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from clerk_app.demo import pools
from clerk_app.demo.draws import Draw, Weighted
from clerk_app.demo.people import Applicant, People, gendered, years_before
from clerk_app.demo.rows import Ids, Rows

_HOUSEHOLD_SIZES = ((1, 30), (2, 30), (3, 25), (4, 15))


class StatementRows:
    """Adds ``property_statements`` rows and their ``household_members``."""

    def __init__(self, draw: Draw, people: People, ids: Ids) -> None:
        self.d = draw
        self.people = people
        self.ids = ids
        self.household_sizes = Weighted(_HOUSEHOLD_SIZES)

    def add(self, rows: Rows, case_id: int, signed_on: date, person: Applicant) -> None:
        """The property statement with 1–4 household members (the applicant first)."""
        d = self.d
        people = self.people
        rows.statements.append({
            "case_id": case_id, "signed_on": signed_on,
            "real_estate": d.one(pools.REAL_ESTATE) if d.chance(0.08) else "",
            "vehicles": d.one(pools.VEHICLES) if d.chance(0.35) else "",
            "savings": Decimal(d.between(0, 200) * 100 if d.chance(0.45) else 0),
            "debts": Decimal(d.between(0, 300) * 50 if d.chance(0.3) else 0),
            "remarks": d.one(pools.STATEMENT_REMARKS), "other_assets": "",
            "debts_description": "", "updated_at": None, "version": 1,
        })
        size: int = self.household_sizes.draw(d)
        relation = "wnioskodawczyni" if person.female else "wnioskodawca"
        self.member(rows, case_id, person.first, person.last, relation, person.pesel,
                    person.birth)
        if size >= 2:
            if d.chance(0.6):
                female = not person.female
                family = person.last if d.chance(0.85) else d.one(pools.SURNAMES)
                birth = person.birth + timedelta(days=d.between(-2500, 2500))
                relation = "żona" if female else "mąż"
            else:
                female = d.chance(0.7)
                family = person.last
                birth = years_before(person.birth, d.between(19, 35))
                relation = "matka" if female else "ojciec"
            pesel = people.pesel(birth, female) if d.chance(0.75) else None
            self.member(rows, case_id, people.first_name(female), gendered(family, female),
                        relation, pesel, birth)
        for _ in range(size - 2):
            female = d.chance(0.5)
            birth = signed_on - timedelta(days=d.between(200, 6400))
            allowance = 800 if signed_on.year >= 2024 else 500
            pesel = people.pesel(birth, female) if d.chance(0.9) else None
            self.add_member(rows, case_id,
                            f"{people.first_name(female)} {gendered(person.last, female)}",
                            "córka" if female else "syn", pesel, birth,
                            f"świadczenie wychowawcze {allowance}+", Decimal(allowance))

    def member(self, rows: Rows, case_id: int, first: str, last: str, relation: str,
               pesel: str | None, birth: date) -> None:
        """An adult household member with a drawn income (or none)."""
        d = self.d
        if d.chance(0.12):
            source, income = pools.NO_INCOME, Decimal(0)
        else:
            source, low, high = d.one(pools.INCOME_SOURCES)
            income = Decimal(d.between(low * 100, high * 100)).scaleb(-2)
        self.add_member(rows, case_id, f"{first} {last}", relation, pesel, birth, source,
                        income)

    def add_member(self, rows: Rows, case_id: int, name: str, relation: str,
                   pesel: str | None, birth: date, source: str, income: Decimal) -> None:
        """A household member and its one income (none when there is no income)."""
        member_id = self.ids.member
        rows.members.append({
            "id": member_id, "case_id": case_id, "full_name": name, "relation": relation,
            "pesel": pesel, "birth_date": birth,
        })
        if income:
            rows.incomes.append({"member_id": member_id, "number": 1, "source": source,
                                 "amount": income})
        self.ids.member += 1
