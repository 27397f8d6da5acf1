"""What a person sees while a batch runs: a live rich display on a terminal, plain lines otherwise,
and a summary table at the end. Fed by ``batch.Event`` callbacks (always on the caller's thread)."""

from __future__ import annotations

import sys
import time
from collections import deque
from types import TracebackType
from typing import IO

from rich.console import Console, Group, RenderableType
from rich.live import Live
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from reviewer.batch import Event
from reviewer.models import BatchResult, Outcome, Usage

_STATUS_STYLE = {"reviewed": "green", "cached": "cyan", "failed": "bold red"}


def usage_line(usage: Usage) -> str:
    """Tokens and cost in one line ("" when no model call was made)."""
    if not usage.calls and not usage.input_tokens:
        return ""
    cost = f", ${usage.cost_usd:.4f}" if usage.cost_usd is not None else ""
    return (f"{usage.calls} model call(s), {usage.input_tokens:,} input ({usage.cached_tokens:,} cached) "
            f"and {usage.output_tokens:,} output tokens{cost}")


def outcome_line(o: Outcome) -> str:
    """One document's result in words."""
    if o.status == "failed" or o.review is None:
        return o.error or "failed"
    r = o.review
    c = r.status_counts
    return (f"{r.document.doc_type.value}, {c['addressed']} addressed / {c['partial']} partial / "
            f"{c['missing']} missing ({r.engine.name})")


class Display:
    """Base progress display: a callable for events and a context manager around the batch."""

    def __call__(self, ev: Event) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def __enter__(self) -> Display:
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        return None


class QuietDisplay(Display):
    """Shows nothing (``--quiet`` and ``--json``)."""

    def __call__(self, ev: Event) -> None:
        return None


class PlainDisplay(Display):
    """A line per finished document: results on stdout, failures on stderr."""

    def __init__(self, out: IO[str] | None = None, err: IO[str] | None = None) -> None:
        self.out, self.err = out, err
        self.done = 0

    def __call__(self, ev: Event) -> None:
        if ev.outcome is None:
            return
        self.done += 1
        o = ev.outcome
        where = f"[{ev.index}/{ev.total}]" if ev.total else f"[{self.done}]"
        if o.status == "failed":
            print(f"{where} FAILED {ev.path.name}: {o.error}", file=self.err or sys.stderr, flush=True)
        else:
            print(f"{where} {o.status} {ev.path.name}: {outcome_line(o)}", file=self.out or sys.stdout, flush=True)


class LiveDisplay(Display):
    """A rich live view: overall bar with ETA, a line per document in hand, recent results, spend."""

    def __init__(self, console: Console | None = None, *, recent: int = 6) -> None:
        self.console = console or Console()
        self.bar = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("ETA"), TimeRemainingColumn(), console=self.console,
        )
        self.task: TaskID = self.bar.add_task("Reviewing", total=None)
        self.active: dict[str, tuple[str, float]] = {}
        self.recent: deque[Outcome] = deque(maxlen=recent)
        self.counts = {"reviewed": 0, "cached": 0, "failed": 0}
        self.usage = Usage()
        self.live = Live(self, console=self.console, refresh_per_second=4, transient=False)

    def __enter__(self) -> LiveDisplay:
        self.live.__enter__()
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.live.__exit__(t, e, tb)

    def __call__(self, ev: Event) -> None:
        key = str(ev.path)
        if ev.usage is not None:
            self.usage = ev.usage
        if ev.total and self.bar.tasks[0].total != ev.total:
            self.bar.update(self.task, total=ev.total)
        if ev.kind == "start":
            self.active[key] = ("reading", time.monotonic())
        elif ev.kind == "call":
            self.active[key] = ("model call", self.active.get(key, ("", time.monotonic()))[1])
        elif ev.outcome is not None:
            self.active.pop(key, None)
            self.recent.append(ev.outcome)
            self.counts[ev.outcome.status] += 1
            self.bar.advance(self.task)

    def __rich__(self) -> RenderableType:
        now = time.monotonic()
        table = Table.grid(padding=(0, 2))
        for o in self.recent:
            name = o.path.rsplit("/", 1)[-1]
            table.add_row(Text(o.status, style=_STATUS_STYLE[o.status]), name, Text(outcome_line(o), overflow="ellipsis", no_wrap=True))
        for path, (state, since) in list(self.active.items())[:12]:
            table.add_row(Text(state, style="yellow"), path.rsplit("/", 1)[-1], f"{now - since:.0f}s")
        c = self.counts
        spend = usage_line(self.usage) or "no model calls"
        foot = Text(f"{c['reviewed']} reviewed, {c['cached']} cached, {c['failed']} failed; {spend}", style="dim")
        return Group(table, self.bar, foot)


def make_display(*, quiet: bool = False, as_json: bool = False, console: Console | None = None) -> Display:
    """Live on a terminal; plain lines when stdout is not a TTY; nothing with --quiet or --json."""
    if quiet or as_json:
        return QuietDisplay()
    console = console or Console()
    if console.is_terminal:
        return LiveDisplay(console)
    return PlainDisplay()


def summary_table(result: BatchResult) -> Table:
    """One row per document: status, type, findings by status, readiness, time."""
    t = Table(title="Review summary", show_lines=False, header_style="bold")
    for col, just in (("#", "right"), ("Document", "left"), ("Status", "left"), ("Type", "left"),
                      ("Addr.", "right"), ("Part.", "right"), ("Miss.", "right"), ("Ready", "right"), ("Secs", "right")):
        t.add_column(col, justify=just, overflow="fold", min_width=24 if col == "Document" else None)  # type: ignore[arg-type]
    for i, o in enumerate(result.outcomes, start=1):
        name = o.path.rsplit("/", 1)[-1]
        status = Text(o.status, style=_STATUS_STYLE[o.status])
        if o.review is None:
            t.add_row(str(i), name, status, "", "", "", "", "", f"{o.seconds:.1f}")
            continue
        r, c = o.review, o.review.status_counts
        t.add_row(str(i), name, status, r.document.doc_type.value, str(c["addressed"]), str(c["partial"]),
                  str(c["missing"]), f"{r.readiness:.0f}", f"{o.seconds:.1f}")
    return t


def print_summary(result: BatchResult, console: Console | None = None) -> None:
    """The final table, totals, model spend, each failure with what to do, and where the memos are."""
    if console is None:
        console = Console()
        if not console.is_terminal:  # a pipe or log file: don't squeeze the table into 80 columns
            console = Console(width=140)

    def say(text: str, style: str | None = None) -> None:
        console.print(text, style=style, highlight=False, markup=False, soft_wrap=True)

    if result.outcomes:
        console.print(summary_table(result))
    cached = sum(1 for o in result.outcomes if o.status == "cached")
    ok, failed = result.ok, result.failed
    say(f"Reviewed {len(ok)} of {len(result.outcomes)} document(s); {len(failed)} failed."
        + (f" {cached} came from the cache (no model call)." if cached else ""))
    line = usage_line(result.usage)
    if line:
        say(f"Model usage: {line}.")
    if failed:
        say("Failures:", style="bold red")
        for o in failed:
            say(f"  - {o.error}")
    if result.out_dir:
        say(f"Memos written to {result.out_dir}")
    for p in result.portfolio:
        if p.endswith(".html"):
            say(f"Portfolio view: {p}")
