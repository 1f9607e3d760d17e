"""Who a letter of a case is addressed to: the proxy where one acts, else the applicant.

KPA art. 40 § 2: where a party has appointed a proxy, letters are delivered to the proxy; the
letter then names the principal (``działający w imieniu: …``).
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from clerk_app.persistence.models import Case, DepositPetition

ON_BEHALF_OF = "działający w imieniu:"
_POSTAL = re.compile(r"^\d{2}-\d{3}\b")
_STREET_PREFIXES = ("ul.", "al.", "pl.", "os.", "aleja", "plac", "osiedle", "rondo")


def applicant_name(case: Case) -> str:
    return f"{case.applicant_first_name} {case.applicant_last_name}".strip()


def address_parts(address: str) -> list[str]:
    """Split ``ul. X 1, pok. 2, 41-940 City`` so the postal code starts its own line."""
    parts = [p.strip() for p in address.split(",") if p.strip()]
    for i, part in enumerate(parts):
        if _POSTAL.match(part):
            return [", ".join(parts[:i]), ", ".join(parts[i:])] if i else [", ".join(parts)]
    return [", ".join(parts)] if parts else []


def applicant_address_lines(case: Case) -> tuple[str, ...]:
    """The applicant's street line and postal line."""
    street = (case.street or "").strip()
    if street and not street.lower().startswith(_STREET_PREFIXES):
        street = f"ul. {street}"
    number = case.building + (f"/{case.flat}" if case.flat else "")
    lines = [f"{street} {number}".strip(), f"{case.postal_code} {case.city}".strip()]
    return tuple(line for line in lines if line)


def case_addressee_lines(case: Case, petition: DepositPetition | None = None) -> tuple[str, ...]:
    """Name and address lines for the window envelope: the proxy's name, the principal
    named, the proxy's address (the applicant's when none is recorded); otherwise the
    applicant's name and address."""
    proxy = (petition.proxy_name or "").strip() if petition is not None else ""
    if petition is not None and petition.by_proxy and proxy:
        address = address_parts(petition.proxy_address or "") or list(
            applicant_address_lines(case))
        return (proxy, f"{ON_BEHALF_OF} {applicant_name(case)}", *address)
    return tuple(line for line in (applicant_name(case), *applicant_address_lines(case))
                 if line)


def addressee_of(session: Session, case: Case) -> tuple[str, ...]:
    """The addressee lines of a letter in ``case`` (reads the deposit petition's proxy)."""
    return case_addressee_lines(case, session.get(DepositPetition, case.id))
