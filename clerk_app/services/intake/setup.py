"""What the registration dialog needs before the first keystroke, read at once: the office
settings (scan size limit, scan inbox folder) and the staff items can be assigned to."""

from __future__ import annotations

from dataclasses import dataclass

from clerk_app.domain.roles import Permission, Role
from clerk_app.services.admin.settings import OfficeSettings, read_settings
from clerk_app.services.admin.users import UserRow, read_users
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.unit_of_work import read_as

ASSIGNABLE_ROLES = (Role.CLERK, Role.SUPERVISOR)


@dataclass(frozen=True)
class RegistrationSetup:
    settings: OfficeSettings
    assignees: list[UserRow]  # active clerks and supervisors, by name


def registration_setup(ctx: AppContext, actor: Actor) -> RegistrationSetup:
    """The registration dialog's set-up in one read transaction."""
    with read_as(ctx, actor, Permission.REGISTER_ITEM, snapshot=True) as session:
        users = read_users(session, include_inactive=False)
        return RegistrationSetup(read_settings(session),
                                 [u for u in users if u.role in ASSIGNABLE_ROLES])
