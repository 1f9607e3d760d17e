"""The office a demo load works in: its settings (kept if present) and the demo accounts."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from clerk_app.demo import pools
from clerk_app.domain.roles import Role
from clerk_app.persistence.models import Setting, User
from clerk_app.services.admin.passwords import hash_password
from clerk_app.services.admin.settings import (
    SETTINGS_KEY,
    OfficeSettings,
    read_settings,
    write_settings,
)
from clerk_app.services.core.unit_of_work import Work


@dataclass
class Staff:
    """User ids of the demo counter staff and clerks, the demo logins, and the full names
    by user id (letters name the clerk who handles the case)."""

    counters: list[int]
    clerks: list[int]
    logins: list[tuple[str, str]]
    names: dict[int, str]
    usernames: dict[int, str] = field(default_factory=dict)


def ensure_settings(work: Work) -> OfficeSettings:
    """The office settings; a fresh database gets defaults with the demo bank account."""
    if work.session.get(Setting, SETTINGS_KEY) is None:
        write_settings(work, OfficeSettings(deposit_bank_account=pools.DEMO_NRB,
                                            signatory_name="Grażyna Szołtysek",
                                            zgm_signatory_name="Barbara Wróbel"))
    return read_settings(work.session)


def ensure_users(work: Work, with_admin: bool) -> tuple[Staff, list[str]]:
    """The demo accounts (existing ones are reused); returns them and the names created.

    Argon2 is slow on purpose, so one hash of the demo password serves all new accounts.
    """
    session = work.session
    wanted = ([pools.DEMO_ADMIN] if with_admin else []) + list(pools.DEMO_USERS)
    names = [username for username, _, _ in wanted]
    users = {u.username: u for u in session.scalars(select(User).where(
        User.username.in_(names)))}
    password_hash: str | None = None
    created: list[str] = []
    for username, full_name, role in wanted:
        if username not in users:
            password_hash = password_hash or hash_password(pools.DEMO_PASSWORD)
            users[username] = User(
                username=username, full_name=full_name, role=role,
                password_hash=password_hash, active=True, failed_attempts=0,
                must_change_password=False, created_at=work.now)
            session.add(users[username])
            created.append(username)
    session.flush()
    staff = Staff(
        counters=[users[n].id for n, _, role in wanted if role == Role.COUNTER.value],
        clerks=[users[n].id for n, _, role in wanted if role == Role.CLERK.value],
        logins=[(n, pools.DEMO_PASSWORD) for n in names],
        names={users[n].id: users[n].full_name for n in names},
        usernames={users[n].id: n for n in names},
    )
    return staff, created
