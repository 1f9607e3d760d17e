"""Migration 0014: the personal values of entries written before it move to
``audit_values``; the audit trail refuses UPDATE again afterwards."""

from __future__ import annotations

import json

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from clerk_app.domain.roles import Role
from clerk_app.persistence import migrations
from clerk_app.services.cases.detail import case_timeline
from clerk_app.services.core.context import Actor, AppContext
from tests.services.deadline_fixtures import audit_actions, make_case


def test_0014_splits_old_entries(ctx: AppContext, staff: dict[Role, Actor]) -> None:
    case_id = make_case(ctx, staff[Role.CLERK].user_id)
    cfg = migrations.alembic_config(ctx.db.url)
    command.downgrade(cfg, "0013")
    old = {"applicant_last_name": ["Kos", "Kosowska"], "status": ["registered", "closed"]}
    with ctx.db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO audit_entries (at, user_id, username, entity, entity_id, action, "
            "case_id, changes) VALUES ('2026-03-02 10:00:00', NULL, 'system', 'cases', :c, "
            "'update_applicant', :c, :ch), ('2026-03-02 10:01:00', NULL, 'system', 'users', "
            "'1', 'update', NULL, :u)"),
            {"c": case_id, "ch": json.dumps(old), "u": json.dumps({"full_name": ["A", "B"]})})
    command.upgrade(cfg, "head")
    with ctx.db.engine.connect() as conn:
        stored = json.loads(conn.scalar(text(
            "SELECT changes FROM audit_entries WHERE action = 'update_applicant'")))
        user_entry = json.loads(conn.scalar(text(
            "SELECT changes FROM audit_entries WHERE entity = 'users' AND action = 'update'")))
        values = conn.execute(text("SELECT case_id, value FROM audit_values")).all()
    assert stored["status"] == ["registered", "closed"]
    assert set(stored["applicant_last_name"]) == {"$v"}
    assert "Kos" not in json.dumps(stored)
    assert user_entry == {"full_name": ["A", "B"]}  # not case data: as it was
    assert [(c, json.loads(v)) for c, v in values] == [
        (case_id, {"applicant_last_name": ["Kos", "Kosowska"]})]
    assert ("cases", "update_applicant", old) in audit_actions(ctx, case_id)
    assert any("Kos → Kosowska" in e.text
               for e in case_timeline(ctx, staff[Role.SUPERVISOR], case_id))
    with pytest.raises(DBAPIError, match="append-only"), ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entries SET changes = '{}'"))
