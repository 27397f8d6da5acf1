"""The pydantic contract shared by every module: documents, rubric, findings, reviews.

Nothing here imports a parser, an engine or a model SDK.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- documents


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"
    TABLE_CELL = "table_cell"


class DocType(StrEnum):
    PROPOSAL = "proposal"
    REPORT = "report"


class Block(_Model):
    """One unit of document text, with where it sits in the original.

    ``start``/``end`` are character offsets of ``text`` inside ``Document.text``.
    PDF blocks carry ``page``; DOCX blocks carry ``paragraph`` (1-based body order).
    Both carry the ``heading_path`` of the headings above them when known.
    """

    id: str
    kind: BlockKind
    text: str
    start: int
    end: int
    page: int | None = None
    paragraph: int | None = None
    heading_path: list[str] = Field(default_factory=list)
    level: int | None = None  # heading level (1 = top)
    table: int | None = None  # table number (1-based) for table rows/cells
    row: int | None = None
    col: int | None = None
    hidden: bool = False  # text a human reader would not see (white, tiny, off-page, vanish)
    hidden_reason: str | None = None  # why it is hidden, in words ("white text on a white page"), when known
    bbox: tuple[float, float, float, float] | None = None  # PDF user-space box when known

    @property
    def section(self) -> str | None:
        return " › ".join(self.heading_path) if self.heading_path else None

    @property
    def location(self) -> str:
        """Human citation: page for PDF, section and paragraph for DOCX."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"p. {self.page}")
        if self.section:
            parts.append(f"§ {self.section}")
        if self.table is not None:
            cell = f"table {self.table}"
            if self.row is not None:
                cell += f", row {self.row}"
            parts.append(cell)
        if self.paragraph is not None and self.page is None:
            parts.append(f"¶ {self.paragraph}")
        return ", ".join(parts) if parts else self.id


class Document(_Model):
    """A parsed PDF or DOCX: blocks in reading order plus what we know of the file."""

    path: str
    name: str
    format: Literal["pdf", "docx"]
    sha256: str
    size_bytes: int
    pages: int | None = None
    title: str | None = None
    doc_type: DocType = DocType.PROPOSAL
    doc_type_source: Literal["detected", "override"] = "detected"
    doc_type_reason: str = ""
    blocks: list[Block] = Field(default_factory=list)
    text: str = ""
    ocr_pages: list[int] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def block(self, block_id: str) -> Block | None:
        for b in self.blocks:
            if b.id == block_id:
                return b
        return None

    def block_at(self, offset: int) -> Block | None:
        """The block whose span contains ``offset`` (binary search)."""
        lo, hi = 0, len(self.blocks) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            b = self.blocks[mid]
            if offset < b.start:
                hi = mid - 1
            elif offset >= b.end:
                lo = mid + 1
            else:
                return b
        return None


# --------------------------------------------------------------------------- rubric


class Status(StrEnum):
    ADDRESSED = "addressed"
    PARTIAL = "partial"
    MISSING = "missing"


class StatusCriteria(_Model):
    addressed: str
    partial: str
    missing: str


class Reason(_Model):
    """One of the ten architectural reasons, as data."""

    id: str = Field(pattern=r"^R\d{2}$")
    title: str
    short: str = Field(description="A few words for tables, e.g. 'Commercial KPI'")
    question_proposal: str
    question_report: str
    criteria: StatusCriteria
    why_it_matters: str
    fix: str
    look_for: list[str] = Field(default_factory=list, description="Elements a complete answer names")


class DiagnosticQuestion(_Model):
    id: str
    question: str
    reasons: list[str] = Field(description="Reason ids whose findings answer it")


class Rubric(_Model):
    name: str
    source: str = ""
    version: str = Field(default="", description="Content hash of the rubric file; set by the loader")
    scoring: dict[Status, float] = Field(
        default_factory=lambda: {Status.ADDRESSED: 1.0, Status.PARTIAL: 0.5, Status.MISSING: 0.0}
    )
    scoring_definition: str = "addressed = 1, partial = 0.5, missing = 0; readiness = mean x 100"
    reasons: list[Reason]
    diagnostic_questions: list[DiagnosticQuestion] = Field(default_factory=list)

    def reason(self, reason_id: str) -> Reason:
        for r in self.reasons:
            if r.id == reason_id:
                return r
        raise KeyError(reason_id)


# --------------------------------------------------------------------------- findings


EvidenceRole = Literal["supports", "gap", "deferred", "negated", "plan"]


class Evidence(_Model):
    """A verbatim quote and where it was found. ``verified`` is set by grounding."""

    quote: str
    block_id: str | None = None
    page: int | None = None
    section: str | None = None
    location: str | None = None
    start: int | None = None
    end: int | None = None
    verified: bool = False
    match_score: float = 0.0
    role: EvidenceRole = Field(
        default="supports",
        description="What the quote shows: support for the reason, or the gap itself (stated, deferred, negated, only planned)",
    )


class Finding(_Model):
    reason_id: str
    title: str
    status: Status
    evidence: list[Evidence] = Field(default_factory=list)
    rationale: str = ""
    missing: list[str] = Field(default_factory=list)
    fix: str = ""
    downgraded_from: Status | None = None
    notes: list[str] = Field(default_factory=list)


class FactItem(_Model):
    value: str
    evidence: Evidence | None = None


class CommercialKPI(_Model):
    metric: str
    baseline: str | None = None
    target: str | None = None
    measurement: str | None = None
    evidence: Evidence | None = None


class Facts(_Model):
    commercial_kpis: list[CommercialKPI] = Field(default_factory=list)
    technical_metrics: list[FactItem] = Field(default_factory=list)
    operational_owner: FactItem | None = None
    sponsor: FactItem | None = None
    portfolio_owner: FactItem | None = None
    unit_costs: list[FactItem] = Field(default_factory=list)
    governance: list[FactItem] = Field(default_factory=list)


class Alert(_Model):
    """Text that must not steer a review: addressed to AI reviewers, or hidden from a human."""

    kind: Literal["reviewer_directed", "hidden_text"]
    text: str
    block_id: str | None = None
    location: str | None = None
    detail: str = ""


class Usage(_Model):
    calls: int = 0
    input_tokens: int = 0
    cached_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float | None = None
    price_source: str | None = None

    def __add__(self, other: Usage) -> Usage:
        cost: float | None
        if self.cost_usd is None and other.cost_usd is None:
            cost = None
        else:
            cost = (self.cost_usd or 0.0) + (other.cost_usd or 0.0)
        return Usage(
            calls=self.calls + other.calls,
            input_tokens=self.input_tokens + other.input_tokens,
            cached_tokens=self.cached_tokens + other.cached_tokens,
            output_tokens=self.output_tokens + other.output_tokens,
            cost_usd=cost,
            price_source=self.price_source or other.price_source,
        )


class EngineInfo(_Model):
    name: Literal["screen", "llm"]
    label: str = Field(description="What produced the review, in words, for every output")
    model: str | None = None
    base_url_host: str | None = None
    prompt_version: str | None = None
    fallback_reason: str | None = None


class DocumentInfo(_Model):
    name: str
    path: str
    format: Literal["pdf", "docx"]
    sha256: str
    pages: int | None = None
    blocks: int = 0
    title: str | None = None
    doc_type: DocType
    doc_type_source: Literal["detected", "override"]
    doc_type_reason: str = ""
    ocr_pages: list[int] = Field(default_factory=list)


class DiagnosticAnswer(_Model):
    id: str
    question: str
    answer: str


class EngineResult(_Model):
    """What an engine hands back before grounding: findings with raw quotes, facts, usage."""

    findings: list[Finding]
    facts: Facts = Field(default_factory=Facts)
    alerts: list[Alert] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    warnings: list[str] = Field(default_factory=list)


class Review(_Model):
    schema_version: str = SCHEMA_VERSION
    document: DocumentInfo
    reviewed_at: datetime
    engine: EngineInfo
    rubric_name: str
    rubric_version: str
    cache_key: str
    findings: list[Finding]
    facts: Facts = Field(default_factory=Facts)
    alerts: list[Alert] = Field(default_factory=list)
    diagnostics: list[DiagnosticAnswer] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    warnings: list[str] = Field(default_factory=list)
    readiness: float = Field(description="Rubric score, 0-100")

    @property
    def status_counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Status}
        for f in self.findings:
            counts[f.status.value] += 1
        return counts

    def finding(self, reason_id: str) -> Finding:
        for f in self.findings:
            if f.reason_id == reason_id:
                return f
        raise KeyError(reason_id)


# --------------------------------------------------------------------------- batches


class Outcome(_Model):
    """The result of one input in a batch: a review (and where it was written) or an error."""

    path: str
    status: Literal["reviewed", "cached", "failed"]
    review: Review | None = None
    outputs: list[str] = Field(default_factory=list)
    error_type: str | None = None
    error: str | None = None
    seconds: float = 0.0


class BatchResult(_Model):
    outcomes: list[Outcome] = Field(default_factory=list)
    out_dir: str | None = None
    usage: Usage = Field(default_factory=Usage)
    portfolio: list[str] = Field(default_factory=list)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def ok(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status != "failed"]
