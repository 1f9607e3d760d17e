"""Audit trail (append-only, same transaction) and settings validation."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from clerk_app.domain.roles import Role
from clerk_app.persistence.models import AuditEntry, Setting
from clerk_app.services.admin import audit_log, settings
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ConflictError, PermissionDenied, ValidationFailed
from clerk_app.services.core.unit_of_work import unit_of_work


def test_audit_is_append_only_in_the_database(ctx: AppContext, admin: Actor) -> None:
    with pytest.raises(DBAPIError, match="append-only"), ctx.db.transaction() as s:
        s.execute(update(AuditEntry).values(action="forged"))
    with pytest.raises(DBAPIError, match="append-only"), ctx.db.transaction() as s:
        s.execute(delete(AuditEntry))
    with ctx.db.read() as s:
        assert s.scalar(select(AuditEntry.id)) is not None


def test_failed_action_leaves_no_audit(ctx: AppContext, admin: Actor) -> None:
    with ctx.db.read() as s:
        before = len(list(s.scalars(select(AuditEntry.id))))
    with pytest.raises(RuntimeError), unit_of_work(ctx, admin) as work:
        work.audit("settings", "x", "test")
        raise RuntimeError("boom")
    with ctx.db.read() as s:
        assert len(list(s.scalars(select(AuditEntry.id)))) == before


def test_settings_change_is_audited_old_to_new(
    ctx: AppContext, staff: dict[Role, Actor]
) -> None:
    admin = staff[Role.ADMIN]
    current = settings.load_settings(ctx)
    saved = settings.save_settings(ctx, admin, dataclasses.replace(current, deficiency_days=10))
    assert saved.deficiency_days == 10 and saved.version == current.version + 1
    rows = audit_log.list_audit(ctx, admin, audit_log.AuditFilter(username="admin"))
    change = next(r for r in rows if r.entity == "settings")
    assert change.changes["deficiency_days"] == [7, 10]
    assert change.username == "admin"


def test_settings_validation_names_fields(ctx: AppContext, admin: Actor) -> None:
    current = settings.load_settings(ctx)
    bad = dataclasses.replace(
        current, deposit_bank_account="61 1090 1014 0000 0712 1981 2875", bgm_name=" ",
        signature_pattern="{unit}/{number}", deficiency_days=0, stamp_duty="abc",
    )
    with pytest.raises(ValidationFailed) as err:
        settings.save_settings(ctx, admin, bad)
    fields = err.value.fields
    assert set(fields) == {"deposit_bank_account", "bgm_name", "signature_pattern",
                           "deficiency_days", "stamp_duty"}
    assert "Pole „Termin na uzupełnienie braków (dni)”: Podaj liczbę" in err.value.message
    assert "Pole „Rachunek bankowy na kaucje”: Nieprawidłowa suma" in err.value.message
    assert settings.load_settings(ctx) == current


def test_settings_stale_save_conflicts(ctx: AppContext, admin: Actor) -> None:
    first = settings.load_settings(ctx)
    settings.save_settings(ctx, admin, dataclasses.replace(first, iok_target_days=10))
    with pytest.raises(ConflictError):
        settings.save_settings(ctx, admin, dataclasses.replace(first, iok_target_days=21))
    assert settings.load_settings(ctx).iok_target_days == 10


def test_only_admin_edits_settings(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    current = settings.load_settings(ctx)
    with pytest.raises(PermissionDenied):
        settings.save_settings(ctx, staff[Role.SUPERVISOR], current)


def test_audit_filters(ctx: AppContext, staff: dict[Role, Actor], clock) -> None:  # type: ignore[no-untyped-def]
    sup = staff[Role.SUPERVISOR]
    all_rows = audit_log.list_audit(ctx, sup, audit_log.AuditFilter())
    assert {r.action for r in all_rows} >= {"create", "update"}
    today = clock().date()
    assert audit_log.list_audit(ctx, sup, audit_log.AuditFilter(date_from=today, date_to=today))
    assert not audit_log.list_audit(
        ctx, sup, audit_log.AuditFilter(date_from=date(2030, 1, 1))
    )
    assert not audit_log.list_audit(ctx, sup, audit_log.AuditFilter(case_signature="X.1.1"))
    with pytest.raises(PermissionDenied):
        audit_log.list_audit(ctx, staff[Role.CLERK], audit_log.AuditFilter())


def test_settings_row_exists_after_first_start(ctx: AppContext, admin: Actor) -> None:
    with ctx.db.read() as s:
        assert s.get(Setting, "office") is not None
        assert s.execute(text("select 1")).scalar() == 1
