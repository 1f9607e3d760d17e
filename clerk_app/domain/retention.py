"""How long a case's personal data is kept (domain.md, "Personal data"), as pure rules.

Deposit cases: 5 years after the lease ended where one was concluded, 10 years from
settlement where none was; IOK cases: the ZGM's period (years from settlement). An open
case, or one whose date is not known (a lease still running), is never due.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clerk_app.domain.cases import CaseKind


class RetentionRule(StrEnum):
    """Which rule decides a case's retention (the review lists them in this order)."""

    IOK = "iok"
    DEPOSIT_WITHOUT_LEASE = "deposit_without_lease"
    DEPOSIT_AFTER_LEASE = "deposit_after_lease"

    @property
    def label(self) -> str:
        return _RULE_LABELS[self]

    @property
    def short_label(self) -> str:
        """E.g. 'kaucja bez umowy najmu' (the counts of the review)."""
        return _RULE_LABELS[self].split(":")[0].replace("Kaucja", "kaucja")


_RULE_LABELS = {
    RetentionRule.IOK: "IOK: od załatwienia sprawy",
    RetentionRule.DEPOSIT_WITHOUT_LEASE: "Kaucja bez umowy najmu: od załatwienia sprawy",
    RetentionRule.DEPOSIT_AFTER_LEASE: "Kaucja z umową najmu: od zakończenia najmu",
}
RULE_ORDER = (RetentionRule.IOK, RetentionRule.DEPOSIT_WITHOUT_LEASE,
              RetentionRule.DEPOSIT_AFTER_LEASE)


@dataclass(frozen=True)
class RetentionPeriods:
    """Years of keeping per rule (office settings; defaults from the domain card)."""

    deposit_after_lease_years: int = 5
    deposit_without_lease_years: int = 10
    iok_years: int = 5

    def years(self, rule: RetentionRule) -> int:
        return {RetentionRule.IOK: self.iok_years,
                RetentionRule.DEPOSIT_WITHOUT_LEASE: self.deposit_without_lease_years,
                RetentionRule.DEPOSIT_AFTER_LEASE: self.deposit_after_lease_years}[rule]


@dataclass(frozen=True)
class CaseFacts:
    """What the rules read of a case."""

    kind: CaseKind
    settled_on: date | None
    lease_concluded: bool | None
    lease_ended_on: date | None


@dataclass(frozen=True)
class RetentionDue:
    """The case's period has an end: ``due_on`` (reached when ``due_on <= today``)."""

    rule: RetentionRule
    start_on: date
    years: int
    due_on: date

    def is_due(self, today: date) -> bool:
        return self.due_on <= today

    @property
    def rule_text(self) -> str:
        """E.g. 'Kaucja bez umowy najmu: 10 lat od załatwienia sprawy'."""
        since = ("od zakończenia najmu" if self.rule is RetentionRule.DEPOSIT_AFTER_LEASE
                 else "od załatwienia sprawy")
        return f"{self.rule.label.split(':')[0]}: {years_text(self.years)} {since}"

    def explanation(self) -> str:
        """E.g. 'Kaucja bez umowy najmu: 10 lat od załatwienia sprawy (03.03.2016) –
        okres mija 03.03.2026'."""
        return (f"{self.rule_text} ({self.start_on:%d.%m.%Y}) – okres mija "
                f"{self.due_on:%d.%m.%Y}")


def years_text(years: int) -> str:
    """'1 rok', '2 lata', '5 lat', '22 lata' (Polish plural)."""
    if years == 1:
        return "1 rok"
    if years % 10 in (2, 3, 4) and years % 100 not in (12, 13, 14):
        return f"{years} lata"
    return f"{years} lat"


def add_years(day: date, years: int) -> date:
    """``day`` moved by whole years; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def latest_start(today: date, years: int) -> date:
    """The latest start day whose period of ``years`` has ended by ``today``
    (``add_years(start, years) <= today`` exactly when ``start <= latest_start``)."""
    start = add_years(today, -years)
    if (today.month, today.day) == (2, 28) and not _is_leap(today.year) \
            and _is_leap(start.year):
        return start.replace(day=29)
    return start


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def rule_for(facts: CaseFacts) -> RetentionRule:
    if facts.kind is CaseKind.IOK:
        return RetentionRule.IOK
    if facts.lease_concluded:
        return RetentionRule.DEPOSIT_AFTER_LEASE
    return RetentionRule.DEPOSIT_WITHOUT_LEASE


def retention_due(facts: CaseFacts, periods: RetentionPeriods) -> RetentionDue | None:
    """When the case's period ends, or None ("not yet": open case, lease still running)."""
    rule = rule_for(facts)
    if facts.settled_on is None:
        return None
    start = facts.lease_ended_on if rule is RetentionRule.DEPOSIT_AFTER_LEASE else \
        facts.settled_on
    if start is None:
        return None
    years = periods.years(rule)
    return RetentionDue(rule, start, years, add_years(start, years))


SCRUBBED = "(…)"
_MIN_WORD = 3


def personal_words(values: Iterable[str | None]) -> frozenset[str]:
    """The words of names, addresses, PESEL, e-mail and phone numbers (3 characters or more,
    lower case) that a kept free text must not show."""
    words: set[str] = set()
    for value in values:
        if not value:
            continue
        text = value.strip().lower()
        if "@" in text or text.replace(" ", "").isdigit():
            words.add(text)  # an e-mail address or a number as a whole
        words.update(w for w in re.split(r"[\s\-,./]+", text) if len(w) >= _MIN_WORD)
    return frozenset(words)


def scrub_text(text: str, words: frozenset[str]) -> str:
    """``text`` with each of ``words`` (whole words, any case) replaced by "(…)"."""
    if not text or not words:
        return text
    low = text.lower()
    words = frozenset(w for w in words if w in low)  # (most texts hold none: no regex)
    if not words:
        return text
    pattern = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.sub(rf"(?<!\w)(?:{pattern})(?!\w)", SCRUBBED, text, flags=re.IGNORECASE)
