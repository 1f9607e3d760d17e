"""Bulk filler for the case-list benchmark, used when ``services.demo`` is not available.

It writes plausible cases straight into ``cases`` (in batches, one transaction each) with the
same denormalised search text and sort key the intake service writes, so the list, its
search index and its sort indexes see what production data looks like. It is not a demo-data
generator: no register entries, scans, letters or deadlines are made.
"""

from __future__ import annotations

import random
import time
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, insert, select

from clerk_app.demo import pools
from clerk_app.domain.cases import CaseKind, CaseStatus
from clerk_app.domain.roles import Role
from clerk_app.domain.text import fold_for_search
from clerk_app.persistence.models import Case, User
from clerk_app.services.admin.bootstrap import create_first_admin
from clerk_app.services.admin.settings import OfficeSettings
from clerk_app.services.admin.users import NewUser, create_user
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.intake.registration import case_search_text
from clerk_app.services.intake.types import SenderInput

BENCH_USER = "bench.referent"
BENCH_PASSWORD = "Bench1234"
CLERKS = [(BENCH_USER, "Beata Benchmarkowa"), ("bench.referent2", "Łukasz Żółtek"),
          ("bench.referent3", "Grażyna Ślęzak"), ("bench.referent4", "Józef Musioł")]
BATCH = 20_000
OPEN_STATUSES = [CaseStatus.REGISTERED, CaseStatus.AWAITING_COMPLETION,
                 CaseStatus.IN_PROGRESS, CaseStatus.CONSENT, CaseStatus.LOGIN_SENT]


def ensure_users(ctx: AppContext) -> list[int]:
    """The benchmark's clerks (created on an empty database); returns their ids."""
    with ctx.db.read() as s:
        existing = dict(s.execute(select(User.username, User.id)).all())
    if not existing:
        admin = create_first_admin(ctx, NewUser("bench.admin", "Administrator testów",
                                                Role.ADMIN, BENCH_PASSWORD), OfficeSettings())
    else:
        admin = None
    ids = []
    for username, name in CLERKS:
        if username in existing:
            ids.append(existing[username])
            continue
        if admin is None:
            admin_id = existing.get("bench.admin") or existing.get("admin")
            if admin_id is None:
                raise SystemExit("Baza ma użytkowników, ale nie ma konta bench.admin.")
            admin = Actor(admin_id, "bench.admin", "Administrator testów", Role.ADMIN)
        ids.append(create_user(ctx, admin, NewUser(username, name, Role.CLERK, BENCH_PASSWORD)))
    return ids


def _sender(rng: random.Random) -> SenderInput:
    female = rng.random() < 0.55
    first = rng.choice(pools.FEMALE_FIRST_NAMES if female else pools.MALE_FIRST_NAMES)
    last = rng.choice(pools.SURNAMES)
    last = pools.feminine_surname(last) if female else last
    street, top = rng.choice(pools.STREETS)
    flat = str(rng.randint(1, 40)) if rng.random() < 0.8 else ""
    email = None
    if rng.random() < 0.7:
        local = fold_for_search(f"{first}.{last}").replace(" ", "")
        email = f"{local}{rng.randint(1, 999)}@{rng.choice(pools.EMAIL_DOMAINS)}"
    phone = f"6{rng.randint(0, 99_999_999):08d}" if rng.random() < 0.6 else None
    return SenderInput(first, last, None, street, str(rng.randint(1, top)), flat,
                       pools.POSTAL_CODE, pools.CITY, phone, email)


def _row(rng: random.Random, kind: CaseKind, year: int, number: int, clerks: list[int],
         today: date) -> dict[str, object]:
    unit, jrwa = OfficeSettings().unit_and_class(kind)
    signature = f"{unit}.{jrwa}.{number}.{year}"
    s = _sender(rng)
    received = date(year, 1, 1) + timedelta(days=rng.randint(0, 364))
    received = min(received, today)
    old = (today - received).days > 120
    status = CaseStatus.CLOSED if old and rng.random() < 0.9 else rng.choice(OPEN_STATUSES)
    deadline = None if status == CaseStatus.CLOSED else received + timedelta(days=30)
    return dict(
        signature=signature, unit_symbol=unit, jrwa_class=jrwa, number=number, year=year,
        kind=kind.value, status=status.value, version=1,
        subject=("Wniosek o utworzenie konta IOK" if kind == CaseKind.IOK
                 else "Prośba o rozłożenie kaucji na raty"),
        applicant_first_name=s.first_name, applicant_last_name=s.last_name,
        applicant_sort=fold_for_search(f"{s.last_name} {s.first_name}"),
        applicant_pesel=None, applicant_email=s.email, applicant_phone=s.phone,
        street=s.street, building=s.building, flat=s.flat, postal_code=s.postal_code,
        city=s.city, search_text=case_search_text(signature, s), received_on=received,
        next_deadline=deadline, assignee_id=rng.choice([*clerks, None]),
        registered_by_id=clerks[0],
        created_at=datetime.combine(received, datetime.min.time(), UTC),
        settled_on=received + timedelta(days=40) if status == CaseStatus.CLOSED else None,
        settlement_remarks="", lease_concluded=None, lease_ended_on=None, anonymised_at=None,
        complete_on=None,
    )


def fill_cases(ctx: AppContext, wanted: int, seed: int = 2026) -> int:
    """Add cases until the database holds ``wanted``; returns how many were added."""
    clerks = ensure_users(ctx)
    with ctx.db.read() as s:
        have = int(s.scalar(select(func.count()).select_from(Case)) or 0)
        numbers = {(k, y): int(n or 0) for k, y, n in s.execute(
            select(Case.kind, Case.year, func.max(Case.number)).group_by(Case.kind, Case.year))}
    missing = wanted - have
    if missing <= 0:
        return 0
    rng = random.Random(seed + have)
    today = ctx.today()
    years = list(range(today.year - 7, today.year + 1))
    started, done = time.perf_counter(), 0
    while done < missing:
        rows = []
        for _ in range(min(BATCH, missing - done)):
            kind = CaseKind.IOK if rng.random() < 0.6 else CaseKind.DEPOSIT
            year = rng.choice(years)
            number = numbers.get((kind, year), 0) + 1
            numbers[(kind, year)] = number
            rows.append(_row(rng, kind, year, number, clerks, today))
        with ctx.db.transaction() as session:
            session.execute(insert(Case), rows)
        done += len(rows)
        rate = done / (time.perf_counter() - started)
        print(f"  dodano {done:,} / {missing:,} spraw ({rate:,.0f}/s)".replace(",", " "),
              flush=True)
    return done
