"""Review many documents: discovery, cache, concurrency, rate limits, budget, ledger, progress events.

The pipeline: a small parse pool (hash the bytes, check the cache, parse) feeds a call pool of
``options.jobs`` threads (budget check, rate limiter, ``engine.review``, grounding, outputs, ledger).
Parsing of the next files overlaps the model calls; at most ``capacity`` documents are in the
pipeline at once, so memory stays flat however long the batch. One slow or failing document holds
one slot and nothing else. Progress events reach the caller in completion order, on the caller's
thread; ``BatchResult.outcomes`` is in input order.
"""

from __future__ import annotations

import importlib.util
import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.cache import ReviewCache, hash_file
from reviewer.documents import parse
from reviewer.engines import Engine
from reviewer.errors import BudgetExceededError, ModelError, ReviewerError, RuntimeReviewError
from reviewer.ledger import Ledger, using_out_dir
from reviewer.models import BatchResult, Document, EngineInfo, EngineResult, Outcome, Review, Rubric, Usage
from reviewer.options import ReviewOptions
from reviewer.outputs import inside, output_stems
from reviewer.ratelimit import RateLimiter
from reviewer.review import cache_key_for, make_engine, review_document
from reviewer.rubric import load_rubric
from reviewer.writer import write_outputs

log = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = {".pdf", ".docx", ".docm", ".dotx", ".doc", ".pptx", ".rtf"}
TEMP_SUFFIXES = (".part", ".tmp", ".crdownload", ".download", ".partial", ".swp")
TERMINAL = frozenset({"done", "cached", "failed", "skipped"})


def is_temporary(path: Path) -> bool:
    """A file still being written or owned by an editor: lock files, partial downloads, hidden files."""
    n = path.name
    return n.startswith(("~$", ".")) or n.lower().endswith(TEMP_SUFFIXES)


def is_candidate(path: Path) -> bool:
    """A file worth trying: a document-like suffix, not a temp/lock/hidden file."""
    if is_temporary(path):
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
    """A progress event, delivered on the caller's thread in completion order.

    ``kind``: ``start`` (taken: hashing, cache check, parsing), ``call`` (model call starting),
    then one of ``done`` (reviewed), ``cached`` or ``failed`` with its ``outcome``. ``usage`` is
    what the batch has spent so far.
    """

    kind: str
    path: Path
    index: int
    total: int
    outcome: Outcome | None = None
    usage: Usage | None = None
    job: Job | None = None


ProgressFn = Callable[[Event], None]


@dataclass
class Job:
    """One file handed to the pipeline."""

    path: Path
    rel: str
    stem: str
    index: int = 0  # 1-based position in the batch (0 in watch mode)
    total: int = 0
    row: int | None = None  # ledger row id
    sha256: str | None = None  # when the caller already hashed it


_OUTPUT_NAMES = {"md": "{stem}.memo.md", "json": "{stem}.review.json", "docx": "{stem}.memo.docx",
                 "annotated": "{stem}.annotated.{ext}"}
_RENDERERS = {"docx": "reviewer.render.docx_memo", "annotated": "reviewer.render.annotate"}


class Pipeline:
    """Parse pool -> call pool, with cache, ledger, rate limiter and budget. Feed it from one thread.

    ``submit`` a job while ``not full``; read ``next_event`` until ``in_flight`` is 0; ``close``.
    Setting ``stop`` lets documents already calling the model finish; the others end ``skipped``
    (their ledger rows go back to ``queued``).
    """

    def __init__(
        self,
        options: ReviewOptions,
        *,
        rubric: Rubric,
        engine: Engine,
        out_dir: Path | None,
        ledger: Ledger | None,
        parse_workers: int = 2,
        prefetch: int | None = None,
    ) -> None:
        self.options, self.rubric, self.engine, self.out_dir, self.ledger = options, rubric, engine, out_dir, ledger
        self.cache = ReviewCache(ledger) if ledger is not None else None
        self.limiter = RateLimiter(options.rpm, options.tpm)
        self.is_model = engine.info.name != "screen"
        # An engine with a ``limiter`` hook (the LLM engine) limits each HTTP call itself, retries
        # included; otherwise each document counts as one request here.
        self._limit_in_engine = self.limiter.active and getattr(engine, "limiter", False) is None
        if self._limit_in_engine:
            engine.limiter = self.limiter  # type: ignore[attr-defined]
        self.capacity = options.jobs + parse_workers + (prefetch if prefetch is not None else max(2, options.jobs // 2))
        self.in_flight = 0
        self.stop = threading.Event()
        self.fatal: ReviewerError | None = None
        self.usage = Usage()
        self._events: queue.SimpleQueue[Event] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._reserved = 0.0
        self._budget_spent_msg: str | None = None
        self._rubric_chars = len(rubric.model_dump_json())
        self._parse_pool = ThreadPoolExecutor(parse_workers, thread_name_prefix="reviewer-parse")
        # ``jobs`` slots for model calls; two more threads so grounding and writing the outputs of one
        # document never keep the next one from its model call.
        self._slots = threading.BoundedSemaphore(options.jobs)
        self._call_pool = ThreadPoolExecutor(options.jobs + 2, thread_name_prefix="reviewer-call")

    # ------------------------------------------------------------------ feeding and reading

    @property
    def full(self) -> bool:
        return self.in_flight >= self.capacity

    def submit(self, job: Job) -> None:
        self.in_flight += 1
        self._parse_pool.submit(self._guarded, self._prepare, job)

    def next_event(self, timeout: float | None = None) -> Event | None:
        try:
            ev = self._events.get(timeout=timeout)
        except queue.Empty:
            return None
        if ev.kind in TERMINAL:
            self.in_flight -= 1
        return ev

    def close(self) -> None:
        self.stop.set()
        self._parse_pool.shutdown(wait=True, cancel_futures=True)
        self._call_pool.shutdown(wait=True, cancel_futures=True)
        if self._limit_in_engine:
            self.engine.limiter = None  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ work (worker threads)

    def _emit(self, kind: str, job: Job, outcome: Outcome | None = None) -> None:
        with self._lock:
            usage = self.usage
        self._events.put(Event(kind, job.path, job.index, job.total, outcome, usage, job))

    def _guarded(self, fn: Callable[..., None], job: Job, *args: Any) -> None:
        """Run a stage; any error ends the job as failed (a config error also stops the batch)."""
        t0 = time.perf_counter()
        try:
            fn(job, *args)
        except RuntimeReviewError as e:
            self._fail(job, e, t0)
        except ReviewerError as e:  # configuration: every document would fail the same way
            with self._lock:
                self.fatal = self.fatal or e
            self.stop.set()
            self._fail(job, e, t0)
        except Exception as e:
            log.exception("unexpected error reviewing %s", job.path)
            err = RuntimeReviewError(
                f"{job.path}: unexpected error ({type(e).__name__}: {e}).",
                hint="This is a bug in reviewer: please report it, with the file if you can share it.",
            )
            self._fail(job, err, t0, error_type=type(e).__name__)

    def _fail(self, job: Job, e: ReviewerError, t0: float, error_type: str | None = None) -> None:
        usage = getattr(e, "usage", None)
        if isinstance(usage, Usage):
            with self._lock:
                self.usage = self.usage + usage
        outcome = Outcome(path=str(job.path), status="failed", error_type=error_type or type(e).__name__,
                          error=str(e), seconds=round(time.perf_counter() - t0, 3))
        if self.ledger is not None and job.row is not None:
            try:
                self.ledger.finish(job.row, "failed", error_type=outcome.error_type, error=outcome.error)
            except ReviewerError:
                log.exception("could not record the failure of %s in the ledger", job.path)
        self._emit("failed", job, outcome)

    def _skip(self, job: Job) -> None:
        if self.ledger is not None and job.row is not None:
            self.ledger.requeue(job.row)
        self._emit("skipped", job)

    def _prepare(self, job: Job) -> None:
        """Parse stage: hash, cache lookup (before parsing), parse; then queue the model call."""
        if self.stop.is_set():
            return self._skip(job)
        t0 = time.perf_counter()
        self._emit("start", job)
        sha = job.sha256 or hash_file(job.path)
        key = cache_key_for(sha, self.rubric, self.engine, self.options.doc_type)
        if self.ledger is not None and job.row is not None:
            self.ledger.start(job.row, sha256=sha, cache_key=key)
        if self.cache is not None and not self.options.refresh:
            cached = self.cache.get(key)
            if cached is not None:
                return self._from_cache(job, cached, key, t0)
        document = self._parse(job.path)
        if self.stop.is_set():
            return self._skip(job)
        self._call_pool.submit(self._guarded, self._call, job, document, key, t0)

    def _call(self, job: Job, document: Document, key: str, t0: float) -> None:
        """Call stage: budget, rate limit, engine, grounding, outputs, cache, ledger."""
        if self.stop.is_set():
            return self._skip(job)
        needs_estimate = self.is_model and (self.options.max_cost is not None or (
            self.limiter.tpm is not None and not self._limit_in_engine))
        estimate = self._estimate(document) if needs_estimate else Usage()
        cost = self._reserve(job, estimate)
        tokens = estimate.input_tokens + estimate.output_tokens
        try:
            review = review_document(document, self.rubric, _Gate(self, job, tokens), self.options)
        except _Cancelled:
            return self._skip(job)
        except ModelError as e:
            if e.usage is not None and not self._limit_in_engine:
                self.limiter.settle(estimate.input_tokens, e.usage.input_tokens + e.usage.output_tokens)
            raise
        finally:
            with self._lock:
                self._reserved -= cost
        with self._lock:
            self.usage = self.usage + review.usage
        if self.is_model and not self._limit_in_engine:
            self.limiter.settle(tokens, review.usage.input_tokens + review.usage.output_tokens)
        written = (write_outputs(review, document, self.rubric, self.out_dir, job.stem, self.options.formats,
                                 password=self.options.password)
                   if self.out_dir is not None else [])
        del document
        if self.cache is not None:
            self.cache.put(key, review)
        outputs = [str(w) for w in written]
        if self.ledger is not None and job.row is not None:
            self.ledger.finish(job.row, "reviewed", outputs=outputs)
        self._emit("done", job, Outcome(path=str(job.path), status="reviewed", review=review, outputs=outputs,
                                        seconds=round(time.perf_counter() - t0, 3)))

    def _from_cache(self, job: Job, review: Review, key: str, t0: float) -> None:
        """A cache hit: no model call; outputs are re-written only where missing."""
        if review.document.path != str(job.path) or review.document.name != job.path.name:
            review = review.model_copy(update={"document": review.document.model_copy(
                update={"path": str(job.path), "name": job.path.name})})
        outputs: list[str] = []
        if self.out_dir is not None:
            expected = self._expected_outputs(review, job.stem)
            missing = tuple(fmt for fmt, p in expected.items() if not p.exists())
            if missing:
                document = None
                if "annotated" in missing:
                    document = self._parse(job.path)
                write_outputs(review, document, self.rubric, self.out_dir, job.stem, missing,
                              password=self.options.password)
            outputs = [str(p) for p in expected.values() if p.exists()]
        if self.ledger is not None and job.row is not None:
            self.ledger.finish(job.row, "reviewed", outputs=outputs, cached=True)
        self._emit("cached", job, Outcome(path=str(job.path), status="cached", review=review, outputs=outputs,
                                          seconds=round(time.perf_counter() - t0, 3)))

    def _parse(self, path: Path) -> Document:
        o = self.options
        return parse(path, password=o.password, limits=o.limits, doc_type=o.doc_type)

    def _expected_outputs(self, review: Review, stem: str) -> dict[str, Path]:
        assert self.out_dir is not None
        expected: dict[str, Path] = {}
        for fmt in self.options.formats:
            name = _OUTPUT_NAMES.get(fmt)
            if name is None or (fmt in _RENDERERS and importlib.util.find_spec(_RENDERERS[fmt]) is None):
                continue
            expected[fmt] = inside(self.out_dir, name.format(stem=stem, ext=review.document.format))
        return expected

    def _estimate(self, document: Document) -> Usage:
        """The engine's own estimate when it has one, else about four characters a token."""
        fn = getattr(self.engine, "estimate", None)
        if callable(fn):
            try:
                est = fn(document, self.rubric)
                if isinstance(est, Usage):
                    return est
            except Exception:
                log.debug("engine estimate failed for %s; using chars/4", document.path, exc_info=True)
        return Usage(calls=1, input_tokens=(len(document.text) + self._rubric_chars) // 4, output_tokens=1500)

    def _reserve(self, job: Job, estimate: Usage) -> float:
        """Check --max-cost before a document starts; reserve its estimated cost while in flight."""
        max_cost = self.options.max_cost
        est = estimate.cost_usd or 0.0
        if max_cost is None or not self.is_model:
            return 0.0
        with self._lock:
            spent = self.usage.cost_usd or 0.0
            if self._budget_spent_msg is None and spent + self._reserved + est > max_cost:
                self._budget_spent_msg = (
                    f"${spent:.4f} spent" + (f" and ${self._reserved:.4f} in flight" if self._reserved else "")
                    + f"; this document's estimated ${est:.4f} would pass --max-cost ${max_cost:.2f}"
                )
            if self._budget_spent_msg is not None:
                raise BudgetExceededError(
                    f"{job.path}: not reviewed, the batch budget is used up ({self._budget_spent_msg}).",
                    hint="Raise --max-cost and run again: documents already reviewed are cached and cost nothing twice.",
                )
            self._reserved += est
            return est


class _Cancelled(Exception):
    """The pipeline stopped before this document's model call began."""


class _Gate:
    """The engine as the pipeline calls it: at most ``jobs`` calls at once, rate-limited, announced."""

    def __init__(self, pipe: Pipeline, job: Job, tokens: int) -> None:
        self._pipe, self._job, self._tokens = pipe, job, tokens

    @property
    def info(self) -> EngineInfo:
        return self._pipe.engine.info

    def review(self, document: Document, rubric: Rubric) -> EngineResult:
        p = self._pipe
        with p._slots:
            if p.stop.is_set():
                raise _Cancelled
            p._emit("call", self._job)
            limit_here = p.is_model and not p._limit_in_engine
            if limit_here and not p.limiter.acquire(self._tokens, cancelled=p.stop.is_set):
                raise _Cancelled
            return p.engine.review(document, rubric)


def run_batch(
    items: list[tuple[Path, str]],
    *,
    options: ReviewOptions,
    rubric: Rubric,
    engine: Engine,
    out_dir: Path | None = None,
    progress: ProgressFn | None = None,
) -> BatchResult:
    """Review ``items`` (file, relative name) through the pipeline; outcomes in input order."""
    stems = output_stems(items)
    total = len(items)
    outcomes: list[Outcome | None] = [None] * total
    todo = deque(Job(path, rel, stems[path], index=i, total=total) for i, (path, rel) in enumerate(items, start=1))
    with ExitStack() as stack:
        ledger: Ledger | None = None
        if out_dir is not None:
            stack.enter_context(using_out_dir(out_dir))
            ledger = stack.enter_context(Ledger.for_out(out_dir))
        pipe = Pipeline(options, rubric=rubric, engine=engine, out_dir=out_dir, ledger=ledger)
        stack.callback(pipe.close)

        def pump(timeout: float) -> None:
            ev = pipe.next_event(timeout)
            if ev is None or ev.kind == "skipped":
                return
            if ev.outcome is not None:
                outcomes[ev.index - 1] = ev.outcome
            if progress:
                progress(ev)

        try:
            while todo or pipe.in_flight:
                while todo and not pipe.full and not pipe.stop.is_set():
                    job = todo.popleft()
                    if ledger is not None:
                        job.row = ledger.add(source="batch", path=job.path, rel=job.rel, stem=job.stem)
                    pipe.submit(job)
                if pipe.stop.is_set():
                    todo.clear()
                pump(0.2)
        except KeyboardInterrupt:
            # Finish the documents in hand, then stop.
            pipe.stop.set()
            while pipe.in_flight:
                pump(0.2)
            raise
    if pipe.fatal is not None:
        raise pipe.fatal
    return BatchResult(
        outcomes=[o for o in outcomes if o is not None],
        out_dir=str(out_dir) if out_dir is not None else None,
        usage=pipe.usage,
    )


def review_paths(
    paths: Iterable[str | Path],
    *,
    out: str | Path | None = None,
    options: ReviewOptions | None = None,
    progress: ProgressFn | None = None,
    **overrides: Any,
) -> BatchResult:
    """Review every PDF/DOCX among ``paths`` (files or folders). One bad file never stops the rest.

    With ``out``, each review is written there (memo, JSON and the other formats chosen), the
    ledger and the review cache live in ``out/.reviewer/``, and unchanged files come back
    ``cached`` without a model call (``refresh=True`` forces). ``jobs``, ``rpm``, ``tpm`` and
    ``max_cost`` bound the model calls. ``progress`` receives an ``Event`` per step.
    """
    options = (options or ReviewOptions()).with_(**overrides).validate()
    rubric = load_rubric(options.rubric_path)
    engine = make_engine(options)
    out_dir = Path(out) if out else None
    items = discover(paths, exclude=out_dir)
    result = run_batch(items, options=options, rubric=rubric, engine=engine, out_dir=out_dir, progress=progress)
    # Batch-level outputs (the portfolio view) are written here, after every document.
    if "portfolio" in options.formats and out_dir is not None and result.ok:
        from reviewer.render.portfolio import write_portfolio

        write_portfolio(result, rubric, out_dir)
    return result
