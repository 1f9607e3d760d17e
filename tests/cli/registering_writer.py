"""A clerk's process that keeps registering cases (run by the backup tests): after each
commit it appends the new case id to a file, until the stop file appears."""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from clerk_app.domain.roles import Role
from clerk_app.persistence.database import Database
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import DatabaseBusy
from clerk_app.services.intake import registration as intake
from tests.services.test_intake import iok_request


def main(url: str, user_id: int, out: Path, stop: Path) -> None:
    db = Database.open(url)
    ctx = AppContext(db=db)
    counter = Actor(user_id, "okienko", "Ola Okienkowa", Role.COUNTER)
    with out.open("a", encoding="utf-8") as log:
        while not stop.exists():
            try:
                result = intake.register_item(ctx, counter, iok_request(
                    received_at=datetime.now(UTC)))
            except DatabaseBusy:
                time.sleep(0.05)
                continue
            log.write(f"{result.case_id}\n")
            log.flush()
    db.dispose()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
