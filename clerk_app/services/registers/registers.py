"""Supervisors' registers: the case register (*spis spraw*) and the incoming-mail register.

Each is one read transaction under ``Permission.REPORTS`` (the actor's role re-read); the
command line reads as ``SYSTEM_READER``. An unknown unit or class is an empty register,
not an error: the archive may ask for a register in which nothing was filed.
"""

from __future__ import annotations

from clerk_app.domain.errors import FieldError
from clerk_app.domain.registers import (
    CaseRegister,
    IncomingRegister,
    RegisterChoices,
)
from clerk_app.domain.roles import Permission
from clerk_app.services.admin.settings import read_settings
from clerk_app.services.core.context import OFFICE_TZ, Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.core.unit_of_work import read_as
from clerk_app.services.registers import queries

__all__ = ["MAX_YEAR", "MIN_YEAR", "case_register", "incoming_register", "register_choices"]

MIN_YEAR, MAX_YEAR = 1900, 9999
_SYMBOL_MAX = 20  # as long as cases.unit_symbol and cases.jrwa_class may be


def _check_year(year: int) -> list[FieldError]:
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        return [FieldError("year", f"Podaj rok od {MIN_YEAR} do {MAX_YEAR}.", "Rok")]
    return []


def _check_symbol(key: str, label: str, value: str) -> list[FieldError]:
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        return [FieldError(key, "Podaj symbol.", label)]
    if len(text) > _SYMBOL_MAX:
        return [FieldError(key, f"Symbol może mieć najwyżej {_SYMBOL_MAX} znaków.", label)]
    return []


def case_register(ctx: AppContext, actor: Actor, unit: str, jrwa_class: str,
                  year: int) -> CaseRegister:
    """The *spis spraw* of ``unit`` and ``jrwa_class`` for ``year``, in case-number order."""
    errors = (_check_symbol("unit", "Komórka organizacyjna", unit)
              + _check_symbol("jrwa_class", "Klasa JRWA", jrwa_class) + _check_year(year))
    if errors:
        raise ValidationFailed(errors)
    unit, jrwa_class = unit.strip(), jrwa_class.strip()
    with read_as(ctx, actor, Permission.REPORTS) as session:
        rows = tuple(queries.case_rows(session, unit, jrwa_class, year))
    return CaseRegister(unit, jrwa_class, year, ctx.now().astimezone(OFFICE_TZ),
                        actor.full_name, rows)


def incoming_register(ctx: AppContext, actor: Actor, year: int) -> IncomingRegister:
    """The incoming-mail register of ``year``, in register-number order."""
    errors = _check_year(year)
    if errors:
        raise ValidationFailed(errors)
    with read_as(ctx, actor, Permission.REPORTS) as session:
        rows = tuple(queries.incoming_rows(session, year))
    return IncomingRegister(year, ctx.now().astimezone(OFFICE_TZ), actor.full_name, rows)


def register_choices(ctx: AppContext, actor: Actor) -> RegisterChoices:
    """The unit and class pairs (the settings' first, then those found in cases) and the
    years with cases or entries, newest first; this year is always offered."""
    with read_as(ctx, actor, Permission.REPORTS, snapshot=True) as session:
        settings = read_settings(session)
        found = queries.register_classes(session)
        case_years = set(queries.case_years(session))
        incoming_years = set(queries.incoming_years(session))
    classes = [(settings.iok_unit, settings.iok_jrwa),
               (settings.deposit_unit, settings.deposit_jrwa)]
    for pair in sorted(found):
        if pair not in classes:
            classes.append(pair)
    this_year = ctx.today().year
    return RegisterChoices(tuple(dict.fromkeys(classes)),
                           tuple(sorted(case_years | {this_year}, reverse=True)),
                           tuple(sorted(incoming_years | {this_year}, reverse=True)))
