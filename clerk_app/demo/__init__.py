"""Realistic synthetic data for demonstrations and load tests (``clerk-app demo``).

Everything is drawn from ``random.Random(seed)``: the same seed on an empty database gives
the same data. Cases are generated oldest first over the last
:data:`~clerk_app.demo.case_mix.YEARS_BACK` years, so case numbers and
incoming-register numbers follow the dates, and each case gets the rows its status implies
(register entry, IOK request or deposit petition, property statement and household,
deadlines, issued letters, decision, instalment agreement), as the workflow services would
have left them: summonses with their delivery (ZPO date, deemed delivery after a first
notice, or still pending) starting the 7-day periods, delay notices replacing the decision
month, consent and refusal letters with their ``deposit_decisions`` rows, notices of leaving
a petition without consideration, agreements prepared and signed; each letter is stored with
its content as issued (``letters.extra``), numbered from the ``letter`` sequence. No PDF is
rendered: the application renders a demo letter when it is first opened and keeps it.

Speed: rows are plain dicts built in batches of
:data:`~clerk_app.demo.pipeline.BATCH_CASES` cases by a worker thread while the
database stores the previous batch; primary keys are assigned here, so child rows need no
``RETURNING``; SQLite gets multi-row ``INSERT`` statements, PostgreSQL ``COPY`` (see
:mod:`clerk_app.demo.writers`). Memory stays bounded whatever the number of cases.

The whole load is one transaction: an interrupted load leaves the database as it was. If the
database already has cases, numbering continues after them, and the number sequences are left
at the highest number used, so the normal allocator goes on without a gap or repeat.

Modules, in the order a load uses them: ``generator`` (the entry point), ``office_setup``,
``ids_and_numbers``, ``pipeline``, ``case_rows`` with ``case_mix``, ``people``,
``iok_rows``, ``deposit_rows``, ``statement_rows``, ``deadline_rows``, ``letter_rows`` (with
``letter_header``), ``decision_rows`` and ``agreement_rows``; then ``writers``.
``pools``, ``draws`` and ``rows`` hold the word pools, random draws and row containers.
"""

from __future__ import annotations

from clerk_app.demo.case_mix import reachable_statuses
from clerk_app.demo.generator import MAX_CASES, DemoSummary, generate_demo_data
from clerk_app.demo.people import make_pesel
from clerk_app.demo.pools import DEMO_NRB, DEMO_PASSWORD

__all__ = [
    "DEMO_NRB",
    "DEMO_PASSWORD",
    "MAX_CASES",
    "DemoSummary",
    "generate_demo_data",
    "make_pesel",
    "reachable_statuses",
]
