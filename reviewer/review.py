"""Review one document: parse -> engine -> ground -> outputs. Everything else calls this."""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reviewer.documents import parse
from reviewer.engines import Engine
from reviewer.errors import ConfigError, ModelError
from reviewer.grounding import ground
from reviewer.models import (
    DiagnosticAnswer,
    DocType,
    Document,
    DocumentInfo,
    EngineResult,
    Facts,
    Finding,
    Review,
    Rubric,
    Status,
)
from reviewer.options import ReviewOptions
from reviewer.rubric import load_rubric

log = logging.getLogger(__name__)


def make_engine(options: ReviewOptions) -> Engine:
    """Pick the engine: ``llm`` when asked for, or on ``auto`` when a model is configured."""
    choice = options.engine
    if choice == "auto":
        choice = "llm" if options.model_configured() else "screen"
    if choice in ("screen", "rules"):
        from reviewer.engines.screen import ScreeningEngine

        return ScreeningEngine() if choice == "screen" else ScreeningEngine(model=None)
    if choice == "llm":
        try:
            from reviewer.engines.llm import LLMEngine
        except ImportError as e:  # pragma: no cover - depends on install
            raise ConfigError(f"the LLM engine is unavailable ({e}).", hint="pip install reviewer (with langchain-openai).") from e
        return LLMEngine(options)
    raise ConfigError(f"unknown engine {choice!r}.", hint="Use --engine auto, screen, rules or llm.")


def cache_key_for(sha256: str, rubric: Rubric, engine: Engine, doc_type: DocType | str | None = None) -> str:
    """The tuple that decides a review, known before parsing: file bytes hash, rubric, prompt, engine,
    model, and the doc-type override (or "auto" when the type is detected from the text)."""
    info = engine.info
    parts = [sha256, rubric.version, info.prompt_version or "-", info.name, info.model or "-",
             DocType(doc_type).value if doc_type else "auto"]
    return "sha256:" + hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:16]


def cache_key(document: Document, rubric: Rubric, engine: Engine) -> str:
    """``cache_key_for`` of a parsed document (``Document.sha256`` is the hash of the file bytes)."""
    override = document.doc_type if document.doc_type_source == "override" else None
    return cache_key_for(document.sha256, rubric, engine, override)


def clip(text: str, limit: int) -> str:
    """Shorten ``text`` to ``limit`` characters at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def readiness(findings: list[Finding], rubric: Rubric) -> float:
    if not findings:
        return 0.0
    return round(100.0 * sum(rubric.scoring.get(f.status, 0.0) for f in findings) / len(findings), 1)


def diagnostics(findings: list[Finding], facts: Facts, rubric: Rubric) -> list[DiagnosticAnswer]:
    """Answer the article's diagnostic questions from the findings they rest on."""
    by_id = {f.reason_id: f for f in findings}
    answers: list[DiagnosticAnswer] = []
    for q in rubric.diagnostic_questions:
        parts: list[str] = []
        for rid in q.reasons:
            f = by_id.get(rid)
            if f is None:
                continue
            quote = f" e.g. “{clip(f.evidence[0].quote, 160)}” ({f.evidence[0].location})" if f.evidence else ""
            parts.append(f"{rid} {rubric.reason(rid).short}: {f.status.value}.{quote}")
        if q.reasons and q.reasons[0] == "R01" and facts.commercial_kpis:
            k = facts.commercial_kpis[0]
            r01 = by_id.get("R01")
            # a measure the facts picked up but the finding does not count as commercial must not read as one
            named = ("A measure is named, but R01 does not count it as a commercial KPI"
                     if r01 is not None and r01.status == Status.MISSING else "Commercial KPI found")
            parts.insert(0, f"{named}: {k.metric} (baseline {k.baseline or 'not stated'}, target {k.target or 'not stated'}).")
        worst = min((by_id[r].status for r in q.reasons if r in by_id), key=lambda s: rubric.scoring[s], default=None)
        lead = {
            Status.ADDRESSED: "Yes, on this document's evidence.",
            Status.PARTIAL: "Only in part.",
            Status.MISSING: "No: the document does not answer it.",
            None: "Not assessed.",
        }[worst]
        answers.append(DiagnosticAnswer(id=q.id, question=q.question, answer=" ".join([lead, *parts])))
    return answers


def assemble_review(document: Document, rubric: Rubric, engine: Engine, result: EngineResult) -> Review:
    findings, facts, warnings = ground(document, result)
    # Make sure every rubric reason has exactly one finding, in rubric order.
    by_id = {f.reason_id: f for f in findings}
    ordered: list[Finding] = []
    for r in rubric.reasons:
        f = by_id.get(r.id)
        if f is None:
            f = Finding(reason_id=r.id, title=r.title, status=Status.MISSING, rationale="The engine returned no finding for this reason.",
                        missing=list(r.look_for), fix=r.fix)
            warnings.append(f"{r.id}: no finding returned by the engine; marked missing.")
        ordered.append(f)
    return Review(
        document=DocumentInfo(
            name=document.name, path=document.path, format=document.format, sha256=document.sha256,
            pages=document.pages, blocks=len(document.blocks), title=document.title, doc_type=document.doc_type,
            doc_type_source=document.doc_type_source, doc_type_reason=document.doc_type_reason,
            ocr_pages=document.ocr_pages,
        ),
        reviewed_at=datetime.now(UTC),
        engine=engine.info,
        rubric_name=rubric.name,
        rubric_version=rubric.version,
        cache_key=cache_key(document, rubric, engine),
        findings=ordered,
        facts=facts,
        alerts=result.alerts,
        diagnostics=diagnostics(ordered, facts, rubric),
        usage=result.usage,
        warnings=[*document.warnings, *result.warnings, *warnings],
        readiness=readiness(ordered, rubric),
    )


def review_document(document: Document, rubric: Rubric, engine: Engine, options: ReviewOptions) -> Review:
    """Run the engine on a parsed document and ground its answer; fall back offline if asked."""
    log.info("reviewing %s (%s, %d blocks) with %s", document.name, document.doc_type.value, len(document.blocks),
             engine.info.label)
    try:
        result = engine.review(document, rubric)
    except ModelError as e:
        log.warning("%s: model failed after %d attempt(s): %s", document.name, e.attempts, e.message)
        if options.fallback != "screen" or engine.info.name == "screen":
            raise
        from reviewer.engines.screen import ScreeningEngine

        fallback = ScreeningEngine()
        result = fallback.review(document, rubric)
        info = fallback.info.model_copy(update={"fallback_reason": f"the model failed after {e.attempts} attempt(s): {e.message}"})
        review = assemble_review(document, rubric, fallback, result)
        usage = e.usage if e.usage is not None else review.usage
        return review.model_copy(update={"engine": info, "usage": usage})
    return assemble_review(document, rubric, engine, result)


def review_file(
    path: str | Path,
    *,
    out: str | Path | None = None,
    options: ReviewOptions | None = None,
    rubric: Rubric | None = None,
    backend: Engine | None = None,
    **overrides: Any,
) -> Review:
    """Parse and review one file and return the grounded Review.

    Options are a ``ReviewOptions`` and/or its fields as keywords (``engine="screen"``,
    ``doc_type="report"``, ``password=...``). ``backend`` is an Engine instance to use instead of
    the one the options select. With ``out``, the chosen outputs are written there.
    """
    options = (options or ReviewOptions()).with_(**overrides).validate()
    rubric = rubric or load_rubric(options.rubric_path)
    engine = backend or make_engine(options)
    document = parse(path, password=options.password, limits=options.limits, doc_type=options.doc_type)
    review = review_document(document, rubric, engine, options)
    if out is not None:
        from reviewer.outputs import safe_component
        from reviewer.writer import write_outputs

        write_outputs(review, document, rubric, Path(out), safe_component(Path(path).stem), options.formats,
                      password=options.password)
    return review
