"""The property statement of a deposit case: clerks and above only, every view recorded.

Counter staff do not see a household's finances: reading and saving need
``VIEW_PROPERTY_STATEMENT``. Each read writes who opened the statement and when
(``property_statement_views``) in its own transaction; supervisors list those views.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from clerk_app.domain.cases import CaseKind
from clerk_app.domain.household import household_totals
from clerk_app.domain.roles import Permission
from clerk_app.persistence.models import (
    Case,
    HouseholdIncome,
    HouseholdMember,
    PropertyStatement,
    StatementViewEntry,
    User,
)
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, NotFound
from clerk_app.services.core.unit_of_work import Work, read_as, unit_of_work
from clerk_app.services.deposit.completion import completion_date, evaluate_completion
from clerk_app.services.deposit.statement_types import (
    EMPTY_STATEMENT,
    IncomeInput,
    MemberInput,
    StatementForm,
    StatementInput,
    StatementViewer,
)
from clerk_app.services.deposit.statement_validation import validate_statement


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.kind is not CaseKind.DEPOSIT:
        raise NotFound("Nie znaleziono sprawy prośby o rozłożenie kaucji na raty.")
    return case


def _members(session: Session, case_id: int) -> tuple[list[HouseholdMember], list[MemberInput]]:
    rows = list(session.scalars(select(HouseholdMember).where(HouseholdMember.case_id == case_id)
                                .order_by(HouseholdMember.id)))
    incomes: dict[int, list[IncomeInput]] = {}
    if rows:
        for i in session.scalars(select(HouseholdIncome)
                                 .where(HouseholdIncome.member_id.in_([m.id for m in rows]))
                                 .order_by(HouseholdIncome.member_id, HouseholdIncome.number)):
            incomes.setdefault(i.member_id, []).append(IncomeInput(i.source, i.amount))
    return rows, [MemberInput(m.full_name, m.relation, m.pesel, m.birth_date,
                              tuple(incomes.get(m.id, []))) for m in rows]


def _data(session: Session, case_id: int) -> tuple[PropertyStatement | None, StatementInput]:
    s = session.get(PropertyStatement, case_id)
    if s is None:
        return None, EMPTY_STATEMENT
    members = tuple(_members(session, case_id)[1])
    return s, StatementInput(s.signed_on, members, s.real_estate, s.vehicles, s.savings,
                             s.other_assets, s.debts, s.debts_description, s.remarks)


def _form(case: Case, statement: PropertyStatement | None, data: StatementInput) -> StatementForm:
    totals = household_totals([[i.amount for i in m.incomes] for m in data.members],
                              data.savings, data.debts)
    return StatementForm(case.id, case.signature, statement.version if statement else 0,
                         statement is not None, data, totals)


def read_statement(ctx: AppContext, actor: Actor, case_id: int) -> StatementForm:
    """The case's property statement with its totals; the view is recorded (who, when)."""
    with unit_of_work(ctx, actor, Permission.VIEW_PROPERTY_STATEMENT) as work:
        case = _case(work.session, case_id)
        statement, data = _data(work.session, case_id)
        assert work.actor is not None
        work.session.add(StatementViewEntry(case_id=case_id, user_id=work.actor.user_id,
                                            username=work.actor.username, viewed_at=work.now))
        return _form(case, statement, data)


def _household_summary(members: tuple[MemberInput, ...]) -> list[str]:
    """The household in the audit trail: who, how related, how many incomes (no PESEL)."""
    return [f"{m.full_name} ({m.relation}), dochody: {len(m.incomes)}" for m in members]


def _replace_household(work: Work, case_id: int, old: tuple[MemberInput, ...],
                       new: tuple[MemberInput, ...]) -> None:
    session = work.session
    if old == new:
        return
    ids = [m.id for m in _members(session, case_id)[0]]
    if ids:
        session.execute(delete(HouseholdIncome).where(HouseholdIncome.member_id.in_(ids)))
        session.execute(delete(HouseholdMember).where(HouseholdMember.id.in_(ids)))
    for m in new:
        member = HouseholdMember(case_id=case_id, full_name=m.full_name, relation=m.relation,
                                 pesel=m.pesel, birth_date=m.birth_date)
        session.add(member)
        session.flush()
        for number, income in enumerate(m.incomes, start=1):
            session.add(HouseholdIncome(member_id=member.id, number=number,
                                        source=income.source, amount=income.amount))
    work.audit("household_members", case_id, "update_household",
               {"household": [_household_summary(old), _household_summary(new)]}, case_id)


def save_statement(ctx: AppContext, actor: Actor, case_id: int, version: int,
                   data: StatementInput) -> int:
    """Record the property statement; ``version`` 0 creates it. Returns the new version.

    Every bad field is reported at once; a statement changed meanwhile conflicts. Either way
    nothing is saved. The changes are audited in the same transaction.
    """
    with unit_of_work(ctx, actor, Permission.VIEW_PROPERTY_STATEMENT) as work:
        _case(work.session, case_id)
        data = validate_statement(data, ctx.today())
        statement, old = _data(work.session, case_id)
        if (statement.version if statement else 0) != version:
            raise ConflictError()
        created = statement is None
        if statement is None:
            statement = PropertyStatement(case_id=case_id)
            work.session.add(statement)
        statement.signed_on, statement.real_estate = data.signed_on, data.real_estate
        statement.vehicles, statement.savings = data.vehicles, data.savings
        statement.other_assets, statement.debts = data.other_assets, data.debts
        statement.debts_description, statement.remarks = data.debts_description, data.remarks
        statement.updated_at = work.now
        flag_modified(statement, "updated_at")  # every save is a new version
        if created:
            work.audit_new(statement, "create_statement", case_id=case_id)
        else:
            work.audit_changes(statement, "update_statement", case_id=case_id)
        _replace_household(work, case_id, old.members, data.members)
        work.session.flush()
        case = _case(work.session, case_id)
        evaluate_completion(work, case, completion_date(work, case))  # a signed statement
        work.session.flush()
        return statement.version


def statement_viewers(ctx: AppContext, actor: Actor, case_id: int) -> list[StatementViewer]:
    """Who opened the case's property statement and when, oldest first (supervisors)."""
    with read_as(ctx, actor, Permission.VIEW_AUDIT) as session:
        _case(session, case_id)
        rows = session.execute(
            select(StatementViewEntry.viewed_at, StatementViewEntry.username, User.full_name)
            .join(User, User.id == StatementViewEntry.user_id)
            .where(StatementViewEntry.case_id == case_id)
            .order_by(StatementViewEntry.viewed_at, StatementViewEntry.id))
        return [StatementViewer(at, username, name) for at, username, name in rows]
