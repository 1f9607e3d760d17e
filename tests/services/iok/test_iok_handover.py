"""Hand-over: export of ready requests (XLSX, CSV for Polish Excel) never twice, the
administrator's result imported with a report, login data sent closes the case."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from clerk_app.cli.main import main
from clerk_app.documents.iok_handover import handover_bytes, read_results
from clerk_app.domain.cases import CaseStatus, DeadlineState
from clerk_app.domain.iok_stage import IokStage
from clerk_app.domain.letter_kinds import LetterKind
from clerk_app.domain.roles import Role
from clerk_app.domain.settlement import SettlementKind
from clerk_app.persistence.models_iok import IokExport
from clerk_app.services.core.context import Actor, AppContext
from clerk_app.services.core.errors import ValidationFailed
from clerk_app.services.iok.accounts import record_account_created, record_login_sent
from clerk_app.services.iok.handover import export_ready, import_results, ready_requests
from tests.conftest import FakeClock
from tests.services.deadline_fixtures import case_row, set_today
from tests.services.iok.flow import register_iok, view

Staff = dict[Role, Actor]


def _three(ctx: AppContext, staff: Staff) -> list[int]:
    counter = staff[Role.COUNTER]
    ids = [register_iok(ctx, counter, contractor="100200", last_name="Kos").case_id,
           register_iok(ctx, counter, contractor="300400", last_name="Żółć",
                        email="zolc@wp.pl").case_id,
           register_iok(ctx, counter, signed=False, contractor="500600").case_id]
    assert all(isinstance(i, int) for i in ids)
    return ids  # type: ignore[return-value]


def _exports(ctx: AppContext) -> int:
    with ctx.db.read() as session:
        return session.scalar(select(func.count()).select_from(IokExport)) or 0


def test_export_marks_rows_and_never_twice(ctx: AppContext, staff: Staff) -> None:
    clerk = staff[Role.CLERK]
    ids = _three(ctx, staff)
    assert [r.case_id for r in ready_requests(ctx, clerk)] == ids[:2]  # unsigned one waits
    with pytest.raises(OSError):  # a file that cannot be written marks nothing
        export_ready(ctx, clerk, "csv", lambda rows: (_ for _ in ()).throw(OSError("full")))
    assert _exports(ctx) == 0 and len(ready_requests(ctx, clerk)) == 2
    written: list[bytes] = []
    export = export_ready(ctx, clerk, "csv",
                          lambda rows: written.append(handover_bytes(rows, "csv")))
    assert export.export_id > 0 and len(export.rows) == 2
    data = written[0]
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert lines[0] == ["Znak sprawy", "Nr kontrahenta", "Nazwa", "Lokal", "E-mail",
                        "E-faktura"]
    assert lines[2] == ["ZGM.0143.2.2026", "300400", "Jan Żółć", "ul. Bytomska 12/3",
                        "zolc@wp.pl", "tak"]
    assert "hasł" not in data.decode("utf-8-sig").lower()
    assert view(ctx, clerk, ids[0]).stage is IokStage.EXPORTED
    again = export_ready(ctx, clerk, "xlsx", lambda rows: pytest.fail("nothing to write"))
    assert again.rows == () and again.export_id == 0 and _exports(ctx) == 1
    sheet = load_workbook(io.BytesIO(handover_bytes(export.rows, "xlsx"))).active
    assert sheet is not None and sheet["B2"].value == "100200" and sheet["F3"].value == "tak"


def test_result_file_and_login_sent_close_the_case(
    ctx: AppContext, staff: Staff, tmp_path: Path, clock: FakeClock
) -> None:
    clerk = staff[Role.CLERK]
    ids = _three(ctx, staff)
    export_ready(ctx, clerk, "xlsx", lambda rows: None)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nr_kontrahenta", "Data utworzenia"])
    sheet.append(["100200", date(2026, 3, 5)])
    sheet.append(["999999", "2026-03-05"])
    sheet.append(["300400", "32.03.2026"])
    sheet.append([None, "2026-03-05"])
    path = tmp_path / "wynik.xlsx"
    book.save(path)
    set_today(clock, date(2026, 3, 6))
    report = import_results(ctx, clerk, read_results(path))
    assert report.recorded == ("ZGM.0143.1.2026",)
    assert [line for line, _ in report.unmatched] == [3, 4, 5]
    assert "999999" in report.unmatched[0][1] and "32.03.2026" in report.unmatched[1][1]
    assert import_results(ctx, clerk, read_results(path)).already == ("ZGM.0143.1.2026",)
    csv_path = tmp_path / "wynik.csv"
    csv_path.write_bytes("nr_kontrahenta;data_utworzenia\r\n300400;05.03.2026\r\n"
                         .encode("cp1250"))
    assert import_results(ctx, clerk, read_results(csv_path)).recorded == ("ZGM.0143.2.2026",)

    v = view(ctx, clerk, ids[0])
    assert v.stage is IokStage.ACCOUNT_CREATED
    with pytest.raises(ValidationFailed, match="przed utworzeniem"):
        record_login_sent(ctx, clerk, ids[0], v.version, date(2026, 3, 4))
    out = record_login_sent(ctx, clerk, ids[0], v.version, date(2026, 3, 6))
    assert out.target_met is True and out.confirmation is not None
    assert out.confirmation.kind is LetterKind.IOK_CONFIRMATION
    body = out.confirmation.document.body
    text = " ".join(body.paragraphs)
    assert "jan.kos@example.pl" in text and "nie zawiera hasła" in text
    case = case_row(ctx, ids[0])
    assert case.status == CaseStatus.CLOSED and case.settlement == SettlementKind.LOGIN_DATA_SENT
    done = view(ctx, clerk, ids[0])
    assert done.stage is IokStage.LOGIN_SENT
    assert done.target is not None and done.target.state is DeadlineState.MET

    # The unsigned one: account date entered by hand is refused until it is complete.
    third = view(ctx, clerk, ids[2])
    with pytest.raises(ValidationFailed):
        record_login_sent(ctx, clerk, ids[2], third.version, date(2026, 3, 6))
    second = view(ctx, clerk, ids[1])
    set_today(clock, date(2026, 3, 20))  # 18 days after filing: the target was missed
    late = record_login_sent(ctx, clerk, ids[1], second.version, date(2026, 3, 20),
                             confirmation=False)
    assert late.target_met is False and late.confirmation is None


def test_account_date_by_hand(ctx: AppContext, staff: Staff, clock: FakeClock) -> None:
    clerk = staff[Role.CLERK]
    case_id = _three(ctx, staff)[0]
    v = view(ctx, clerk, case_id)
    with pytest.raises(ValidationFailed, match="dzisiejsza"):
        record_account_created(ctx, clerk, case_id, v.version, date(2026, 3, 9))
    version = record_account_created(ctx, clerk, case_id, v.version, date(2026, 3, 2))
    assert version == v.version + 1
    assert view(ctx, clerk, case_id).account_created_on == date(2026, 3, 2)


def test_cli_export_ready(
    ctx: AppContext, staff: Staff, db_url: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str]
) -> None:
    _three(ctx, staff)
    out = tmp_path / "przekazanie.csv"
    assert main(["iok", "export-ready", "--db", db_url, "--out", str(out)]) == 0
    assert "wniosków: 2" in capsys.readouterr().out
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    again = tmp_path / "znowu.xlsx"
    assert main(["iok", "export-ready", "--db", db_url, "--out", str(again)]) == 0
    assert "Nie ma wniosków" in capsys.readouterr().out and not again.exists()
    assert main(["iok", "export-ready", "--db", db_url, "--out",
                 str(tmp_path / "x.pdf")]) == 2
    assert "podaj plik .xlsx albo .csv" in capsys.readouterr().err
    assert main(["iok", "export-ready", "--db", db_url, "--out", str(tmp_path)]) == 2
    assert "katalogiem" in capsys.readouterr().err


def test_migration_0011_keeps_hand_over_references(
    ctx: AppContext, staff: Staff, db_url: str, tmp_path: Path
) -> None:
    from alembic import command

    from clerk_app.persistence import migrations
    from clerk_app.persistence.models import IokRequest, User

    ids = _three(ctx, staff)
    export_ready(ctx, staff[Role.CLERK], "csv", lambda rows: None)  # by a clerk
    register_iok(ctx, staff[Role.COUNTER], contractor="700800")
    assert main(["iok", "export-ready", "--db", db_url, "--out",
                 str(tmp_path / "cli.csv")]) == 0  # by the system: no user
    cfg = migrations.alembic_config(ctx.db.url)
    command.downgrade(cfg, "0010")
    command.upgrade(cfg, "head")
    with ctx.db.read() as s:
        refs = {r.case_id: r.export_id for r in s.scalars(select(IokRequest))}
        first_user = s.scalar(select(func.min(User.id)))
        owners = sorted(e.created_by_id for e in s.scalars(select(IokExport)))
    assert refs[ids[0]] == refs[ids[1]] == 1 and refs[ids[2]] is None
    assert sorted(v for v in refs.values() if v) == [1, 1, 2]
    assert owners == sorted([staff[Role.CLERK].user_id, first_user])
