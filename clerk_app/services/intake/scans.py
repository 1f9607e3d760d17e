"""Scanned documents: content checks (magic bytes, then parsing: ``scan_parsing``), chunked
storage and chunked reading."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clerk_app.domain.errors import FieldError
from clerk_app.domain.roles import Permission, role_can
from clerk_app.domain.text import format_megabytes, format_size_limit
from clerk_app.persistence.models import Scan, ScanChunk, User
from clerk_app.services.core.context import OFFICE_TZ, SYSTEM_READER, Actor, AppContext
from clerk_app.services.core.errors import NotFound, PermissionDenied
from clerk_app.services.core.unit_of_work import read_as
from clerk_app.services.intake.scan_parsing import check_content, clean_filename

CHUNK_SIZE = 1024 * 1024
FIELD = "scans"
MEDIA_TYPES = {"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG",
               "image/tiff": "TIFF"}


@dataclass(frozen=True)
class ScanCheck:
    media_type: str
    size_bytes: int
    sha256: str


@dataclass(frozen=True)
class ScanInfo:
    id: int
    identifier: str
    filename: str
    media_type: str
    size_bytes: int
    sha256: str
    created_at: datetime
    incoming_item_id: int


def sniff_media_type(head: bytes) -> str | None:
    """The media type from the first bytes of a file, or None for anything else."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image/tiff"
    return None


def check_scan_file(path: Path, max_bytes: int, name: str | None = None) -> ScanCheck:
    """Refuse what is not a complete PDF/JPEG/PNG/TIFF within the size limit.

    The content decides, not the file name: an executable renamed to .pdf is refused, and so
    are empty files, files over the limit and truncated PDFs or images.
    """
    label = name or path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise FieldError(FIELD, f"Nie można odczytać pliku „{label}”.") from exc
    if size == 0:
        raise FieldError(FIELD, f"Plik „{label}” jest pusty.")
    if size > max_bytes:
        raise FieldError(FIELD, f"Plik „{label}” ma {format_megabytes(size)}; dopuszczalne jest "
                                f"{format_size_limit(max_bytes)}.")
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        head = fh.read(16)
        digest.update(head)
        while chunk := fh.read(CHUNK_SIZE):
            digest.update(chunk)
    media_type = sniff_media_type(head)
    if media_type is None:
        raise FieldError(
            FIELD, f"Plik „{label}” nie jest dokumentem PDF ani obrazem JPEG, PNG lub TIFF."
        )
    check_content(path, media_type, label)
    return ScanCheck(media_type, size, digest.hexdigest())


def store_scan(
    session: Session, path: Path, check: ScanCheck, filename: str, incoming_item_id: int,
    case_id: int | None, actor_id: int, now: datetime,
) -> Scan:
    """Insert the scan row and its chunks inside the caller's transaction."""
    scan = Scan(
        identifier="", incoming_item_id=incoming_item_id, case_id=case_id,
        filename=clean_filename(filename), media_type=check.media_type, size_bytes=check.size_bytes,
        sha256=check.sha256, created_at=now, created_by_id=actor_id,
    )
    session.add(scan)
    session.flush()
    scan.identifier = f"S{now.year}{scan.id:08d}"
    with path.open("rb") as fh:
        seq = 0
        while chunk := fh.read(CHUNK_SIZE):
            piece = ScanChunk(scan_id=scan.id, seq=seq, data=chunk)
            session.add(piece)
            session.flush()
            session.expunge(piece)  # written out: do not keep the whole file in the session
            seq += 1
    return scan


def known_hashes(session: Session, hashes: list[str]) -> dict[str, str]:
    """Already stored scans with these SHA-256 sums: hash → identifier."""
    if not hashes:
        return {}
    rows = session.execute(select(Scan.sha256, Scan.identifier).where(Scan.sha256.in_(hashes)))
    return {h: ident for h, ident in rows}


def find_duplicate_scans(ctx: AppContext, paths: list[Path]) -> dict[Path, str]:
    """Files whose content is already stored (path → existing scan identifier)."""
    sums = {}
    for path in paths:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            while chunk := fh.read(CHUNK_SIZE):
                digest.update(chunk)
        sums[path] = digest.hexdigest()
    with ctx.db.read() as session:
        known = known_hashes(session, list(sums.values()))
    return {p: known[h] for p, h in sums.items() if h in known}


@dataclass(frozen=True)
class ScanBatch:
    """Files checked before they are listed for attaching: the accepted ones with their
    checks (in the order given), the Polish refusals, and which accepted files are stored
    already (path → the stored scan's identifier)."""

    accepted: list[tuple[Path, ScanCheck]]
    refused: list[str]
    known: dict[Path, str]


def inspect_scans(ctx: AppContext, paths: list[Path], max_bytes: int) -> ScanBatch:
    """Check every file (content, size, completeness) and look its content up among the
    stored scans; the files are read once."""
    accepted: list[tuple[Path, ScanCheck]] = []
    refused: list[str] = []
    for path in paths:
        try:
            accepted.append((path, check_scan_file(path, max_bytes)))
        except FieldError as exc:
            refused.append(exc.message)
    if not accepted:
        return ScanBatch(accepted, refused, {})
    with ctx.db.read() as session:
        stored = known_hashes(session, [check.sha256 for _path, check in accepted])
    return ScanBatch(accepted, refused, {path: stored[check.sha256] for path, check in accepted
                                         if check.sha256 in stored})


def list_scans(ctx: AppContext, actor: Actor, case_id: int) -> list[ScanInfo]:
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        rows = session.scalars(select(Scan).where(Scan.case_id == case_id).order_by(Scan.id))
        return [ScanInfo(s.id, s.identifier, s.filename, s.media_type, s.size_bytes, s.sha256,
                         s.created_at, s.incoming_item_id) for s in rows]


def _check_may_read(session: Session, actor: Actor, scan: Scan, today: date) -> None:
    """Nothing marks a scan as a property statement's, so counter staff (no
    ``READ_ALL_SCANS``) open only the scans they attached themselves today."""
    if actor is SYSTEM_READER:
        return
    user = session.get(User, actor.user_id)
    if user is not None and role_can(user.role, Permission.READ_ALL_SCANS):
        return
    if scan.created_by_id == actor.user_id and \
            scan.created_at.astimezone(OFFICE_TZ).date() == today:
        return
    raise PermissionDenied("Punkt obsługi otwiera tylko skany dołączone przez siebie tego "
                           "samego dnia; pozostałe skany otwiera referent.")


def iter_scan_bytes(ctx: AppContext, actor: Actor, scan_id: int) -> Iterator[bytes]:
    """The scan's content chunk by chunk (one query per chunk; nothing held whole)."""
    with read_as(ctx, actor, Permission.VIEW_CASES) as session:
        scan = session.get(Scan, scan_id)
        if scan is None:
            raise NotFound("Nie znaleziono skanu.")
        _check_may_read(session, actor, scan, ctx.today())
        seqs = list(session.scalars(
            select(ScanChunk.seq).where(ScanChunk.scan_id == scan_id).order_by(ScanChunk.seq)
        ))
    for seq in seqs:
        with read_as(ctx, actor, Permission.VIEW_CASES) as session:
            yield session.scalars(
                select(ScanChunk.data).where(ScanChunk.scan_id == scan_id, ScanChunk.seq == seq)
            ).one()


def export_scan(ctx: AppContext, actor: Actor, scan_id: int, target: Path) -> Path:
    """Write a scan to ``target`` (for preview or saving), streaming the chunks."""
    with target.open("wb") as out:
        for chunk in iter_scan_bytes(ctx, actor, scan_id):
            out.write(chunk)
    return target
