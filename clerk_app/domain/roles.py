"""User roles and what each may do (domain.md, "Who works with the application")."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    COUNTER = "counter"
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.COUNTER: "Punkt obsługi",
    Role.CLERK: "Referent",
    Role.SUPERVISOR: "Kierownik",
    Role.ADMIN: "Administrator",
}


class Permission(StrEnum):
    VIEW_CASES = "view_cases"  # case list and screen, items, letters (not the admin)
    REGISTER_ITEM = "register_item"
    ATTACH_SCAN = "attach_scan"
    RECORD_DELIVERY = "record_delivery"
    HANDLE_CASE = "handle_case"  # completeness check, summons, decision, letters, agreements
    VIEW_PROPERTY_STATEMENT = "view_property_statement"  # statement, household, incomes
    READ_ALL_SCANS = "read_all_scans"  # counter staff: only their own scans of the day
    REASSIGN = "reassign"
    REPORTS = "reports"
    VIEW_AUDIT = "view_audit"
    RETENTION = "retention"
    IOK_MIGRATION = "iok_migration"  # import old portal accounts, make consent batches
    DATA_SUBJECT_ACCESS = "data_subject_access"  # RODO art. 15: what is held about a person
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"


_COUNTER = frozenset(
    {Permission.VIEW_CASES, Permission.REGISTER_ITEM, Permission.ATTACH_SCAN,
     Permission.RECORD_DELIVERY}
)
_CLERK = _COUNTER | {Permission.HANDLE_CASE, Permission.VIEW_PROPERTY_STATEMENT,
                     Permission.READ_ALL_SCANS}
_SUPERVISOR = _CLERK | {
    Permission.REASSIGN, Permission.REPORTS, Permission.VIEW_AUDIT, Permission.RETENTION,
    Permission.IOK_MIGRATION, Permission.DATA_SUBJECT_ACCESS,
}
# Least access: IT manages users and settings and reads the audit trail (with the values of
# case data masked), but opens no case, scan, letter or statement.
_ADMIN = frozenset(
    {Permission.VIEW_AUDIT, Permission.MANAGE_USERS, Permission.MANAGE_SETTINGS}
)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.COUNTER: _COUNTER,
    Role.CLERK: frozenset(_CLERK),
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.ADMIN: _ADMIN,
}


def role_can(role: Role, permission: Permission) -> bool:
    """True when ``role`` grants ``permission``."""
    return permission in ROLE_PERMISSIONS[role]
