"""Synthetic Portal Mieszkańców / e-Faktura exports and the demo's legacy account set.

:func:`export_rows` makes the rows of an export file as the old portal writes them (also
used by the tests and benchmarks); :func:`add_legacy_demo` imports such a set through the
import service (so the domain classification decides every class), makes consent batches
through the batch service and marks part of the oldest batches answered, as a returned form
would (the answers of the demo have no register entry of their own).
"""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select, update

from clerk_app.demo import pools
from clerk_app.domain.legacy_accounts import LegacyClass
from clerk_app.domain.legacy_rows import COLUMNS, parse_table
from clerk_app.domain.text import fold_for_search
from clerk_app.persistence.models import LegacyAccount
from clerk_app.services.core.context import AppContext
from clerk_app.services.core.errors import ServiceError
from clerk_app.services.core.unit_of_work import unit_of_work
from clerk_app.services.iok.legacy.batches import make_batch
from clerk_app.services.iok.legacy.importing import import_parsed

DEMO_FILE = "demo-portal-mieszkancow.csv"


def _name(rng: random.Random) -> tuple[str, str]:
    female = rng.random() < 0.5
    first = rng.choice(pools.FEMALE_FIRST_NAMES if female else pools.MALE_FIRST_NAMES)
    surname = rng.choice(pools.SURNAMES)
    return first, pools.feminine_surname(surname) if female else surname


def export_row(rng: random.Random, index: int, today: date) -> list[str]:
    """One good row: about a third before 2018, some without or with a bad e-mail, a few
    inactive; dates in both formats the portal wrote."""
    first, last = _name(rng)
    street, buildings = rng.choice(pools.STREETS)
    created = date(2008, 1, 1) + timedelta(days=rng.randrange((today - date(2008, 1, 1)).days))
    roll = rng.random()
    domain = rng.choice(pools.EMAIL_DOMAINS)
    login = pools_login(first, last, index)
    email = "" if roll < 0.12 else f"{login}@{domain}" if roll > 0.16 else f"{login}@{domain}."
    declared = "" if not email or rng.random() < 0.3 else \
        min(today, created + timedelta(days=rng.randrange(0, 400))).isoformat()
    created_text = created.isoformat() if rng.random() < 0.5 else created.strftime("%d.%m.%Y")
    return [f"{100000 + index}", f"{first} {last}", street, str(rng.randint(1, buildings)),
            str(rng.randint(1, 40)) if rng.random() < 0.85 else "", email, created_text,
            declared, "tak" if rng.random() < 0.55 else "nie",
            "nie" if rng.random() < 0.08 else "tak"]


def pools_login(first: str, last: str, index: int) -> str:
    """An ASCII e-mail login made of the name and a number."""
    return f"{fold_for_search(first)}.{fold_for_search(last)}{index}".replace("ł", "l") \
        .replace(" ", "")


def export_rows(count: int, seed: int, today: date) -> list[list[str]]:
    """The header and ``count`` good rows."""
    rng = random.Random(seed)
    return [list(COLUMNS), *(export_row(rng, i, today) for i in range(count))]


def write_export(path: Path, rows: Sequence[Sequence[str]], *, encoding: str = "cp1250",
                 delimiter: str = ";") -> None:
    """Write ``rows`` as Polish Excel would (CRLF line ends)."""
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\r\n").writerows(rows)


def add_legacy_demo(ctx: AppContext, seed: int, count: int) -> None:
    """Import ``count`` demo accounts and make batches: the oldest two sent long ago and
    partly answered, the newest one just printed."""
    today = ctx.today()
    rows = export_rows(count, seed, today)
    parsed = parse_table(enumerate(rows, start=1), today)
    import_parsed(ctx, None, DEMO_FILE, parsed)
    waiting = parsed.counts[LegacyClass.NEEDS_CONSENT]
    size = max(1, waiting // 6)
    made = []
    for days_ago in (75, 40, 3):
        try:
            made.append(make_batch(ctx, None, size, today - timedelta(days=days_ago)))
        except ServiceError:  # nothing left to ask (a second demo run on the same data)
            break
    rng = random.Random(seed + 1)
    with unit_of_work(ctx, None) as work:
        for batch, share in zip(made[:2], (0.6, 0.3), strict=False):
            ids = list(work.session.scalars(select(LegacyAccount.id).where(
                LegacyAccount.batch_id == batch.batch_id, LegacyAccount.answered_on.is_(None))))
            for account_id in ids:
                if rng.random() >= share:
                    continue
                answered = batch.letter_date + timedelta(days=rng.randint(3, 25))
                work.session.execute(update(LegacyAccount).where(LegacyAccount.id == account_id)
                                     .values(answered_on=answered,
                                             consent_email=f"konto{account_id}@poczta.pl",
                                             consent_e_invoice=rng.random() < 0.6,
                                             account_class=LegacyClass.MIGRATE,
                                             version=LegacyAccount.version + 1))
        work.audit("legacy_accounts", DEMO_FILE, "demo_answers", {"batches": len(made)})
