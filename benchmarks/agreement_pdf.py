"""Benchmark: the instalment agreement PDF with reportlab (goal ≤ 50 ms) beside LibreOffice.

    .venv/bin/python benchmarks/agreement_pdf.py [--count 1000] [--repeat 50]
        [--soffice auto|skip] [--soffice-runs 5] [--soffice-batch 50]

One script, side by side, in one process: the first agreement (fonts registered, modules warm
from import); one agreement rendered ``--repeat`` times through the renderer the services are
handed (``PdfRenderer.agreement``): the median is the figure for the goal; ``--count``
different agreements in a row (rent, number of instalments, first due date and tenant vary):
median, p95, max, total and per agreement. Where ``soffice`` is on the PATH the same agreement,
written as an .odt (``agreement_odt.py``), is converted with ``soffice --headless
--convert-to pdf``: one process per document (``--soffice-runs`` times, after one run that
creates the profile) and ``--soffice-batch`` documents in one call. A summary table closes.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.agreement_odt import write_agreement_odt  # noqa: E402
from clerk_app.documents.agreement_pdf import render_agreement_pdf  # noqa: E402
from clerk_app.documents.renderer import PdfRenderer  # noqa: E402
from clerk_app.domain.agreement import (  # noqa: E402
    AgreementDocument,
    AgreementTenant,
    build_agreement,
)
from clerk_app.domain.calendar import LegalCalendar  # noqa: E402

GOAL_MS = 50.0
CAL = LegalCalendar()
NAMES = ["Józef Żółkiewski", "Anna Wiśniewska", "Łucja Kozłowska", "Marek Dąbrowski",
         "Małgorzata Woźniak", "Grzegorz Szymański", "Elżbieta Kamińska", "Paweł Mazur"]
STREETS = ["ul. Źródlana", "ul. Bytomska", "ul. Ściegiennego", "ul. Szpitalna",
           "ul. Kalwaryjska", "ul. Papieża Jana Pawła II"]
PESELS = ["85010112345", "44051401359", "02070803628", "90090515836"]
ACCOUNT = "60102010260000123456789012"
CONSEQUENCE = (
    "W razie niezapłacenia którejkolwiek raty w terminie pozostała do zapłaty część kaucji "
    "staje się natychmiast wymagalna, a Wynajmujący może odmówić zawarcia umowy najmu lokalu "
    "do czasu zapłaty całej kaucji.")
BASIS = ("art. 6 ust. 1 ustawy z dnia 21 czerwca 2001 r. o ochronie praw lokatorów, "
         "mieszkaniowym zasobie gminy i o zmianie Kodeksu cywilnego")


def agreement(rng: random.Random, number: int) -> AgreementDocument:
    rent = Decimal(rng.randint(30_000, 250_000)) / 100
    return build_agreement(
        identifier=f"U2026{number:06d}", case_signature=f"BGM.1611.{number}.2026",
        place="Piekary Śląskie", signed_on=date(2026, 12, 1),
        municipality="Gmina Piekary Śląskie", signatory_name="Anna Nowak",
        signatory_title="Kierownik Biura Gospodarki Mieszkaniowej",
        tenant=AgreementTenant(rng.choice(NAMES), rng.choice(PESELS),
                               (f"{rng.choice(STREETS)} {rng.randint(1, 120)}/"
                                f"{rng.randint(1, 40)}", "41-940 Piekary Śląskie")),
        flat_address=f"{rng.choice(STREETS)} {rng.randint(1, 120)}/{rng.randint(1, 40)}, "
                     "41-940 Piekary Śląskie",
        monthly_rent=rent, instalment_count=rng.randint(2, 10),
        first_due=date(2026, 12, 1) + timedelta(days=rng.randint(7, 60)), calendar=CAL,
        bank_account=ACCOUNT, missed_instalment_consequence=CONSEQUENCE, legal_basis=BASIS)


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[94]


SUMMARY: list[tuple[str, str]] = []


def bench_one(doc: AgreementDocument, repeat: int) -> None:
    """The same agreement ``repeat`` times through the services' renderer."""
    renderer = PdfRenderer()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        renderer.agreement(doc)
        times.append(_ms(time.perf_counter() - start))
    median = statistics.median(times)
    verdict = "OK" if median <= GOAL_MS else "OVER"
    print(f"reportlab: one agreement × {repeat}: median {median:.1f} ms, "
          f"min {min(times):.1f} ms, max {max(times):.1f} ms "
          f"(goal ≤ {GOAL_MS:.0f} ms: {verdict})")
    SUMMARY.append((f"reportlab, one agreement, median of {repeat}",
                    f"{median:.1f} ms ({verdict})"))


def bench_reportlab(count: int, repeat: int) -> None:
    rng = random.Random(9)
    first_doc = agreement(rng, 1)
    start = time.perf_counter()
    pdf = render_agreement_pdf(first_doc)
    first = _ms(time.perf_counter() - start)
    print(f"reportlab: first agreement {first:.1f} ms ({len(pdf) / 1024:.0f} KiB)")
    SUMMARY.append(("reportlab, first agreement in the process", f"{first:.0f} ms"))
    bench_one(first_doc, repeat)
    docs = [agreement(rng, n) for n in range(2, count + 2)]
    times: list[float] = []
    sizes: list[int] = []
    total_start = time.perf_counter()
    for doc in docs:
        start = time.perf_counter()
        sizes.append(len(render_agreement_pdf(doc)))
        times.append(_ms(time.perf_counter() - start))
    total = time.perf_counter() - total_start
    median = statistics.median(times)
    print(f"reportlab: {count} agreements: median {median:.1f} ms, p95 {_p95(times):.1f} ms, "
          f"max {max(times):.1f} ms, total {total:.2f} s "
          f"({count / total:.0f}/s), mean size {statistics.mean(sizes) / 1024:.0f} KiB")
    verdict = "OK" if median <= GOAL_MS else "OVER"
    print(f"goal ≤ {GOAL_MS:.0f} ms per agreement (median): {verdict}")
    SUMMARY.append((f"reportlab, {count} agreements in a row: total / per agreement",
                    f"{total:.2f} s / {_ms(total) / count:.1f} ms"))
    SUMMARY.append((f"reportlab, {count} agreements: median / p95 / max",
                    f"{median:.1f} / {_p95(times):.1f} / {max(times):.1f} ms"))


def _convert(soffice: str, profile: Path, files: list[Path], outdir: Path) -> float:
    start = time.perf_counter()
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir), *map(str, files)],
                   check=True, capture_output=True, timeout=600)
    elapsed = time.perf_counter() - start
    missing = [f for f in files if not (outdir / f"{f.stem}.pdf").exists()]
    if missing:
        raise RuntimeError(f"soffice made no PDF of {missing[0]}")
    return elapsed


def bench_soffice(soffice: str, runs: int, batch: int) -> None:
    rng = random.Random(9)
    with tempfile.TemporaryDirectory(prefix="agreement-odt-") as tmp:
        folder = Path(tmp)
        profile = folder / "profile"
        one = write_agreement_odt(agreement(rng, 1), folder / "one.odt")
        cold = _convert(soffice, profile, [one], folder / "out-cold")
        singles = [_ms(_convert(soffice, profile, [one], folder / f"out-{n}"))
                   for n in range(runs)]
        files = [write_agreement_odt(agreement(rng, n), folder / f"a{n:04d}.odt")
                 for n in range(batch)]
        batch_s = _convert(soffice, profile, files, folder / "out-batch")
    print(f"soffice: first run (new profile) {cold:.2f} s")
    print(f"soffice: one document per process, {runs} runs: median "
          f"{statistics.median(singles):.0f} ms, max {max(singles):.0f} ms")
    print(f"soffice: {batch} documents in one process: total {batch_s:.2f} s, "
          f"{_ms(batch_s) / batch:.0f} ms per document")
    SUMMARY.append(("soffice, first run (new profile)", f"{cold:.2f} s"))
    SUMMARY.append((f"soffice, one document per process, median of {runs}",
                    f"{statistics.median(singles):.0f} ms"))
    SUMMARY.append((f"soffice, {batch} documents in one process: total / per document",
                    f"{batch_s:.2f} s / {_ms(batch_s) / batch:.0f} ms"))


def print_summary() -> None:
    width = max(len(name) for name, _ in SUMMARY)
    print()
    print("side by side:")
    for name, value in SUMMARY:
        print(f"  {name.ljust(width)}  {value}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--soffice", choices=("auto", "skip"), default="auto")
    parser.add_argument("--soffice-runs", type=int, default=5)
    parser.add_argument("--soffice-batch", type=int, default=50)
    args = parser.parse_args()
    bench_reportlab(args.count, args.repeat)
    soffice = shutil.which("soffice") if args.soffice == "auto" else None
    if soffice:
        bench_soffice(soffice, args.soffice_runs, args.soffice_batch)
    else:
        print("soffice: not measured (LibreOffice not installed or --soffice skip)")
        SUMMARY.append(("soffice", "not measured (not installed or --soffice skip)"))
    print_summary()
    return 0


if __name__ == "__main__":
    sys.exit(main())
