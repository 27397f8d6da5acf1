"""Review many documents: discovery, naming, per-file isolation of errors, progress events."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.documents import parse
from reviewer.errors import ReviewerError, RuntimeReviewError
from reviewer.models import BatchResult, Outcome, Usage
from reviewer.options import ReviewOptions
from reviewer.outputs import output_stems
from reviewer.review import make_engine, review_document
from reviewer.rubric import load_rubric
from reviewer.writer import write_outputs

DOCUMENT_SUFFIXES = {".pdf", ".docx", ".docm", ".dotx", ".doc", ".pptx", ".rtf"}


def is_candidate(path: Path) -> bool:
    """A file worth trying: a document-like suffix, not a temp/lock/hidden file."""
    n = path.name
    if n.startswith(("~$", ".")) or n.endswith((".part", ".tmp", ".crdownload", ".download")):
        return False
    return path.suffix.lower() in DOCUMENT_SUFFIXES


def discover(paths: Iterable[str | Path], *, exclude: Path | None = None) -> list[tuple[Path, str]]:
    """Expand files and folders (recursively) into (file, relative name) pairs, sorted, deduplicated."""
    found: dict[Path, str] = {}
    ex = exclude.resolve() if exclude else None
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if not f.is_file() or not is_candidate(f):
                    continue
                rf = f.resolve()
                if ex and (rf == ex or ex in rf.parents):
                    continue
                if any(part.startswith(".") for part in f.relative_to(p).parts[:-1]):
                    continue
                found.setdefault(rf, str(f.relative_to(p)))
        else:
            found.setdefault(p.resolve() if p.exists() else p, p.name)
    return sorted(found.items(), key=lambda kv: kv[1])


@dataclass
class Event:
    """A progress event: ``kind`` is start, done, cached or failed."""

    kind: str
    path: Path
    index: int
    total: int
    outcome: Outcome | None = None


ProgressFn = Callable[[Event], None]


def review_paths(
    paths: Iterable[str | Path],
    *,
    out: str | Path | None = None,
    options: ReviewOptions | None = None,
    progress: ProgressFn | None = None,
    **overrides: Any,
) -> BatchResult:
    """Review every PDF/DOCX among ``paths`` (files or folders). One bad file never stops the rest.

    With ``out``, each review is written there (memo, JSON and the other formats chosen).
    """
    options = (options or ReviewOptions()).with_(**overrides).validate()
    rubric = load_rubric(options.rubric_path)
    engine = make_engine(options)
    out_dir = Path(out) if out else None
    items = discover(paths, exclude=out_dir)
    stems = output_stems(items)
    result = BatchResult(out_dir=str(out_dir) if out_dir else None)
    total = len(items)
    usage = Usage()
    for i, (path, _rel) in enumerate(items, start=1):
        if progress:
            progress(Event("start", path, i, total))
        t0 = time.perf_counter()
        try:
            document = parse(path, password=options.password, limits=options.limits, doc_type=options.doc_type)
            review = review_document(document, rubric, engine, options)
            written = write_outputs(review, document, rubric, out_dir, stems[path], options.formats) if out_dir else []
            outcome = Outcome(path=str(path), status="reviewed", review=review, outputs=[str(w) for w in written],
                              seconds=round(time.perf_counter() - t0, 3))
            usage = usage + review.usage
        except RuntimeReviewError as e:
            outcome = Outcome(path=str(path), status="failed", error_type=type(e).__name__, error=str(e),
                              seconds=round(time.perf_counter() - t0, 3))
            if getattr(e, "usage", None) is not None:
                usage = usage + e.usage  # type: ignore[attr-defined]
        except ReviewerError:
            raise
        result.outcomes.append(outcome)
        if progress:
            progress(Event(outcome.status if outcome.status != "reviewed" else "done", path, i, total, outcome))
    result.usage = usage
    return result
