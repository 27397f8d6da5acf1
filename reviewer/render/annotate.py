"""Annotated copies of the original: Word comments on a DOCX, highlights and notes on a PDF.

The original file is only ever read (its bytes are checked against the reviewed sha256); the
annotated copy is built in memory and written by the caller under a new name.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.models import Document, Evidence, Finding, Review, Rubric, Status

log = logging.getLogger(__name__)

AUTHOR = "reviewer"
INITIALS = "RV"
STATUS_WORD = {Status.ADDRESSED: "ADDRESSED", Status.PARTIAL: "PARTIAL", Status.MISSING: "MISSING"}


@dataclass
class Placed:
    """One evidence quote anchored in the copy: reason, quote, and where it landed."""

    reason_id: str
    quote: str
    where: str  # DOCX: "paragraph N"; PDF: "page N"
    anchored_text: str = ""
    rects: list[tuple[float, float, float, float]] = field(default_factory=list)  # PDF quads as rects


@dataclass
class AnnotationResult:
    """The annotated copy and an account of what was placed where."""

    data: bytes | None
    ext: str
    placed: list[Placed] = field(default_factory=list)
    unplaced: list[tuple[str, str]] = field(default_factory=list)  # (reason_id, quote)
    start_notes: list[str] = field(default_factory=list)  # reason ids given a note at the start
    skipped: str | None = None  # why no copy was made


def short_name(rubric: Rubric, reason_id: str, default: str = "") -> str:
    r = next((r for r in rubric.reasons if r.id == reason_id), None)
    return r.short if r else default


def finding_heading(f: Finding, rubric: Rubric) -> str:
    """``R03 Operational owner: PARTIAL``."""
    return f"{f.reason_id} {short_name(rubric, f.reason_id, f.title)}: {STATUS_WORD[f.status]}"


def finding_note(f: Finding, rubric: Rubric, *, with_fix: bool = True) -> list[str]:
    """The lines of a margin note for a finding: heading, rationale, what is missing, fix."""
    lines = [finding_heading(f, rubric), f.title]
    if f.rationale:
        lines.append(f.rationale)
    if f.missing:
        lines.append("Missing: " + "; ".join(f.missing) + ".")
    if with_fix and f.status != Status.ADDRESSED and f.fix:
        lines.append("Fix: " + f.fix)
    return lines


def evidence_text(ev: Evidence, document: Document) -> str:
    """The quote as it reads in the document (grounded span), else the quote as given."""
    if ev.start is not None and ev.end is not None and 0 <= ev.start < ev.end <= len(document.text):
        return document.text[ev.start : ev.end]
    return ev.quote


def needs_start_note(f: Finding, placed_ids: set[int]) -> bool:
    """Missing reasons, and reasons none of whose quotes could be anchored, get a note at the start."""
    return f.status == Status.MISSING or (f.status != Status.ADDRESSED and not placed_ids)


def read_original(document: Document) -> bytes | None:
    """The original's bytes, or None when it changed (or vanished) since it was reviewed."""
    try:
        data = Path(document.path).read_bytes()
    except OSError as e:
        log.warning("%s: cannot re-read the original for annotation (%s)", document.path, e)
        return None
    if hashlib.sha256(data).hexdigest() != document.sha256:
        log.warning("%s: changed since it was reviewed; no annotated copy written", document.path)
        return None
    return data


def annotate_copy(review: Review, document: Document, rubric: Rubric, password: str | None = None) -> AnnotationResult:
    """Build the annotated copy of ``document`` with ``review``'s findings (never touches the original).

    ``password`` opens an encrypted PDF; its copy is protected by the same password.
    """
    ext = document.format
    data = read_original(document)
    if data is None:
        return AnnotationResult(None, ext, skipped="original changed or unreadable since review")
    if document.format == "docx":
        from reviewer.render.annotate_docx import annotate_docx

        return annotate_docx(data, review, document, rubric)
    from reviewer.render.annotate_pdf import annotate_pdf

    return annotate_pdf(data, review, document, rubric, password)


def annotate(review: Review, document: Document, rubric: Rubric,
             password: str | None = None) -> tuple[bytes | None, str]:
    """The annotated copy's bytes and extension (``docx`` or ``pdf``); bytes None when none can be made."""
    result = annotate_copy(review, document, rubric, password)
    if result.data is None and result.skipped:
        log.warning("%s: no annotated copy (%s)", document.path, result.skipped)
    return result.data, result.ext
