"""The drop folder: review each document dropped into INBOX, then move it to processed/ or failed/.

Order of work for one file, chosen so that ``kill -9`` at any point loses nothing and repeats
nothing: ledger row ``queued`` -> ``reviewing`` -> outputs written atomically -> ledger
``reviewed``/``failed`` committed -> (failed: error note written) -> original moved. On restart,
rows left ``reviewing`` are redone, and a file whose row is finished but which was never moved
(same path, same bytes) is moved without being reviewed again.

A file is taken only once its size and modification time have held still for ``settle`` seconds.
Temporary and hidden files (``~$x.docx``, ``x.part``, ``x.tmp``, ``.x``) wait until renamed;
non-documents are left where they are with one log line. Subfolders are watched and mirrored in
the outputs and in processed/ and failed/. SIGTERM or Ctrl-C finish the documents in hand and exit.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from reviewer.batch import DOCUMENT_SUFFIXES, Event, Job, Pipeline, is_temporary
from reviewer.cache import hash_file
from reviewer.engines import Engine
from reviewer.errors import ConfigError, ReviewerError
from reviewer.ledger import Ledger, Row, using_out_dir
from reviewer.models import BatchResult, Outcome, Review, Rubric
from reviewer.options import ReviewOptions
from reviewer.outputs import atomic_write, safe_component, sweep_partials
from reviewer.review import make_engine
from reviewer.rubric import load_rubric

log = logging.getLogger(__name__)

PROCESSED, FAILED = "processed", "failed"
SOURCE = "watch"


class _ShutdownNoise(logging.Filter):
    """watchdog logs an error when an event races its own shutdown; it is harmless."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "called when the thread is inactive" not in record.getMessage()


logging.getLogger("watchdog.observers.inotify").addFilter(_ShutdownNoise())


@dataclass
class WatchSummary:
    """What one run of the watcher did."""

    reviewed: int = 0
    cached: int = 0
    failed: int = 0
    moved_after_restart: int = 0
    outcomes: list[Outcome] = field(default_factory=list)


class _Handler(FileSystemEventHandler):
    """Watchdog events only mark paths to look at; the main loop decides."""

    def __init__(self, mark: Callable[[Path], None]) -> None:
        self.mark = mark

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory and event.event_type not in ("moved", "created"):
            return
        for attr in ("src_path", "dest_path"):
            p = getattr(event, attr, None)
            if p:
                self.mark(Path(os.fsdecode(p)))


class Watcher:
    """Watch ``inbox`` and review what lands there with the same options as ``reviewer review``."""

    def __init__(
        self,
        inbox: str | Path,
        *,
        out: str | Path,
        options: ReviewOptions | None = None,
        poll: bool = False,
        settle: float = 1.0,
        rescan: float = 30.0,
        engine: Engine | None = None,
        rubric: Rubric | None = None,
        progress: Callable[[Event], None] | None = None,
        say: Callable[[str], None] | None = None,
    ) -> None:
        self.inbox = Path(inbox).resolve()
        if not self.inbox.is_dir():
            raise ConfigError(f"{inbox}: no such folder to watch.", hint="Create it, or point watch at an existing folder.")
        self.out = Path(out).resolve()
        self.options = (options or ReviewOptions()).validate()
        self.poll, self.settle, self.rescan_every = poll, settle, rescan
        self.rubric = rubric or load_rubric(self.options.rubric_path)
        self.engine = engine or make_engine(self.options)
        self.progress = progress
        self.say = say or (lambda msg: log.warning("%s", msg))
        self.stop = threading.Event()
        self.summary = WatchSummary()
        self._marked: set[Path] = set()
        self._mark_lock = threading.Lock()
        self._pending: dict[Path, tuple[int, int, float]] = {}  # path -> (size, mtime_ns, stable since)
        self._taken: set[Path] = set()
        self._noted: set[Path] = set()
        self._done: set[tuple[Path, str]] = set()  # finished this session, move failed: do not retake
        self._excluded = [self.inbox / PROCESSED, self.inbox / FAILED, self.out]

    # ------------------------------------------------------------------ public

    def run(self, *, once: bool = False) -> WatchSummary:
        """Process what is in the inbox and what arrives; with ``once``, stop when the inbox is done."""
        with using_out_dir(self.out) as swept, Ledger.for_out(self.out) as ledger:
            if swept >= 0:  # no other watcher: also clear our interrupted writes beside moved originals
                swept += sweep_partials(self.inbox / PROCESSED) + sweep_partials(self.inbox / FAILED)
            if swept > 0:
                log.info("removed %d temporary file(s) left by an interrupted run", swept)
            if swept < 0:
                self.say(f"Another reviewer process is using {self.out}; unfinished rows it owns are left to it.")
            redo = ledger.recover(SOURCE) if swept >= 0 else 0
            if redo:
                self.say(f"Resuming: {redo} document(s) were being reviewed when the watcher stopped; reviewing them again.")
            pipe = Pipeline(self.options, rubric=self.rubric, engine=self.engine, out_dir=self.out, ledger=ledger)
            observer = self._observer()
            try:
                self._loop(pipe, ledger, once)
            finally:
                pipe.stop.set()
                while pipe.in_flight:  # finish the documents in hand (also on Ctrl-C)
                    self._handle(pipe.next_event(0.2), ledger)
                pipe.close()
                if observer is not None:
                    observer.stop()
                    observer.join(timeout=5)
        return self.summary

    # ------------------------------------------------------------------ the loop

    def _observer(self) -> BaseObserver | None:
        observer: BaseObserver = PollingObserver(timeout=1.0) if self.poll else Observer()
        observer.schedule(_Handler(self._mark), str(self.inbox), recursive=True)
        try:
            observer.start()
        except OSError as e:  # inotify limits and the like: fall back to polling
            self.say(f"File-system events unavailable ({e}); polling {self.inbox} instead.")
            observer = PollingObserver(timeout=1.0)
            observer.schedule(_Handler(self._mark), str(self.inbox), recursive=True)
            observer.start()
        return observer

    def _mark(self, path: Path) -> None:
        with self._mark_lock:
            self._marked.add(path)

    def _scan(self) -> None:
        for dirpath, dirnames, filenames in os.walk(self.inbox):
            d = Path(dirpath)
            dirnames[:] = [n for n in dirnames if not n.startswith(".") and not self._is_excluded(d / n)]
            for n in filenames:
                self._mark(d / n)

    def _loop(self, pipe: Pipeline, ledger: Ledger, once: bool) -> None:
        self._scan()
        last_scan = time.monotonic()
        tick = min(0.25, max(0.05, self.settle / 4))
        while not self.stop.is_set():
            now = time.monotonic()
            if now - last_scan >= self.rescan_every:
                self._scan()
                last_scan = now
            self._consider_marked()
            for path in self._ready(now):
                if pipe.full or self.stop.is_set():
                    break
                self._take(path, pipe, ledger)
            self._handle(pipe.next_event(tick), ledger)
            while (ev := pipe.next_event(0)) is not None:
                self._handle(ev, ledger)
            if pipe.fatal is not None:
                raise pipe.fatal
            if once and not self._pending and not self._marked and pipe.in_flight == 0:
                return

    def _is_excluded(self, path: Path) -> bool:
        return any(path == ex or ex in path.parents for ex in self._excluded)

    def _consider_marked(self) -> None:
        with self._mark_lock:
            marked, self._marked = self._marked, set()
        for path in marked:
            if path in self._taken or path in self._pending or self._is_excluded(path):
                continue
            try:
                rel_parts = path.relative_to(self.inbox).parts
            except ValueError:
                continue
            if any(part.startswith(".") for part in rel_parts[:-1]) or not path.is_file():
                continue
            if is_temporary(path):
                continue  # taken when renamed: the rename marks the new name
            if path.suffix.lower() not in DOCUMENT_SUFFIXES:
                if path not in self._noted:
                    self._noted.add(path)
                    self.say(f"Leaving {path.relative_to(self.inbox)} alone: not a PDF or Word document.")
                continue
            try:
                st = path.stat()
            except OSError:
                continue
            self._pending[path] = (st.st_size, st.st_mtime_ns, time.monotonic())

    def _ready(self, now: float) -> list[Path]:
        """Pending files whose size and mtime held still for ``settle`` seconds (oldest first)."""
        ready: list[Path] = []
        for path, (size, mtime, since) in list(self._pending.items()):
            try:
                st = path.stat()
            except OSError:
                del self._pending[path]  # gone (renamed, deleted)
                continue
            if (st.st_size, st.st_mtime_ns) != (size, mtime):
                self._pending[path] = (st.st_size, st.st_mtime_ns, now)
            elif now - since >= self.settle:
                ready.append(path)
        return sorted(ready, key=lambda p: self._pending[p][2])

    def _take(self, path: Path, pipe: Pipeline, ledger: Ledger) -> None:
        del self._pending[path]
        rel = path.relative_to(self.inbox).as_posix()
        try:
            sha = hash_file(path)
        except ReviewerError:
            return  # vanished between stat and read
        if (path, sha) in self._done:
            return
        finished = ledger.unmoved(SOURCE, path, sha)
        if finished is not None:  # reviewed before a crash, never moved: move it, do not review again
            self.summary.moved_after_restart += 1
            self._move(path, finished, ledger)
            return
        reuse = next((r for r in ledger.open_rows(SOURCE) if r.path == str(path)), None)
        if reuse is not None:  # queued or interrupted in an earlier run: the same row finishes it
            row_id, stem = reuse.id, reuse.stem
        else:
            stem = self._stem(rel, ledger)
            row_id = ledger.add(source=SOURCE, path=path, rel=rel, stem=stem, sha256=sha)
        self._taken.add(path)
        pipe.submit(Job(path, rel, stem, row=row_id, sha256=sha))

    def _stem(self, rel: str, ledger: Ledger) -> str:
        """Output name mirroring the subfolder; a file of another type with the same name gets its own."""
        parts = [safe_component(p) for p in Path(rel).parts]
        parts[-1] = safe_component(Path(parts[-1]).stem)
        stem = "/".join(parts)
        owner = ledger.stem_owner(SOURCE, stem)
        if owner is not None and owner != rel:
            stem = f"{stem}-{Path(rel).suffix.lstrip('.').lower() or 'file'}"
        return stem

    def _handle(self, ev: Event | None, ledger: Ledger) -> None:
        if ev is None:
            return
        if ev.kind == "skipped":
            self._taken.discard(ev.path)
            return
        if self.progress is not None:
            self.progress(ev)
        o = ev.outcome
        if o is None or ev.job is None or ev.job.row is None:
            return
        self.summary.outcomes.append(o)
        if o.status == "failed":
            self.summary.failed += 1
        elif o.status == "cached":
            self.summary.cached += 1
        else:
            self.summary.reviewed += 1
        row = ledger.get(ev.job.row)
        if row is not None:
            self._move(ev.path, row, ledger)
        self._taken.discard(ev.path)
        if o.status != "failed":
            self._refresh_portfolio(ledger)

    def _refresh_portfolio(self, ledger: Ledger) -> None:
        """Rewrite the portfolio view over every document this watcher has reviewed into ``out``."""
        if "portfolio" not in self.options.formats:
            return
        from reviewer.render.portfolio import write_portfolio

        latest: dict[str, Outcome] = {}
        for row in ledger.rows(source=SOURCE, state="reviewed"):
            review = _stored_review(row, ledger)
            if review is not None:  # the newest review of a stem wins (rows come in id order)
                latest[row.stem] = Outcome(path=row.moved_to or row.path, status="reviewed", review=review,
                                           outputs=row.outputs)
        if latest:
            write_portfolio(BatchResult(outcomes=list(latest.values()), out_dir=str(self.out)), self.rubric, self.out)

    # ------------------------------------------------------------------ moving originals

    def _move(self, path: Path, row: Row, ledger: Ledger) -> None:
        """Move a finished original to processed/ or failed/ (with its error note), mirroring subfolders."""
        failed = row.state == "failed"
        target = _free_name(self.inbox / (FAILED if failed else PROCESSED) / row.rel)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if failed:
                atomic_write(target.with_name(target.name + ".error.txt"), error_note(row, path))
            os.replace(path, target)
        except (OSError, ReviewerError) as e:
            self._done.add((path, row.sha256 or ""))
            self.say(f"Could not move {row.rel} to {target.parent.name}/ ({e}); it stays in the inbox and will not be "
                     "reviewed again this session. Check the folder's permissions.")
            return
        ledger.moved(row.id, target)


def _stored_review(row: Row, ledger: Ledger) -> Review | None:
    """A reviewed row's Review: from its ``.review.json`` output, else from the cache."""
    for out in row.outputs:
        if out.endswith(".review.json") and Path(out).is_file():
            try:
                return Review.model_validate_json(Path(out).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                break
    raw = ledger.cache_get(row.cache_key) if row.cache_key else None
    try:
        return Review.model_validate_json(raw) if raw else None
    except ValueError:
        return None


def _free_name(target: Path) -> Path:
    """``target``, or ``name (2).ext`` and so on when it exists (a file dropped twice)."""
    if not target.exists():
        return target
    n = 2
    while True:
        cand = target.with_name(f"{target.stem} ({n}){target.suffix}")
        if not cand.exists():
            return cand
        n += 1


def error_note(row: Row, path: Path) -> str:
    """The note left beside a failed document: what went wrong and what to do."""
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"{path.name} could not be reviewed ({when}).\n\n"
        f"What went wrong ({row.error_type or 'error'}):\n{row.error or 'unknown error'}\n\n"
        "What to do: fix the problem described above, then drop the file into the inbox again "
        "(move it out of failed/). Reviews already done are cached, so nothing is paid twice.\n"
    )


@contextmanager
def stop_on_signals(stop: threading.Event, say: Callable[[str], None]) -> Iterator[None]:
    """SIGTERM and the first Ctrl-C ask the watcher to finish the documents in hand and exit;
    a second Ctrl-C interrupts at once. Only possible from the main thread (else a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()
        say("Stopping: finishing the documents in hand (Ctrl-C again to interrupt).")

    old: dict[int, Any] = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def watch(
    inbox: str | Path,
    *,
    out: str | Path,
    options: ReviewOptions | None = None,
    poll: bool = False,
    once: bool = False,
    settle: float = 1.0,
    progress: Callable[[Event], None] | None = None,
    say: Callable[[str], None] | None = None,
    engine: Engine | None = None,
    **overrides: Any,
) -> WatchSummary:
    """Watch ``inbox`` (the Python API of ``reviewer watch``); returns when stopped or, with
    ``once``, when everything present at start has been handled."""
    opts = (options or ReviewOptions()).with_(**overrides) if overrides else options
    w = Watcher(inbox, out=out, options=opts, poll=poll, settle=settle, progress=progress, say=say, engine=engine)
    with stop_on_signals(w.stop, w.say):
        return w.run(once=once)
