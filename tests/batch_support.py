"""Helpers for the batch, watch, cache and ledger tests: small generated documents, fake engines."""

from __future__ import annotations

import io
import threading
import time
from collections import Counter
from pathlib import Path

import docx

from reviewer.engines.screen import ScreeningEngine
from reviewer.models import Document, EngineInfo, EngineResult, Rubric, Usage

FORMATS = ("md", "json")

_TEXT = [
    "Pilot proposal: claims triage assistant",
    "The commercial KPI is average claims handling time, baseline 11 days, target 7 days.",
    "The Head of Claims Operations will own the service after the pilot.",
    "Cost per inference is estimated at 0.004 GBP per claim at scale.",
    "The model will be integrated with the CRM and keeps an audit trail.",
]


def docx_bytes(i: int, extra: int = 0) -> bytes:
    """A small, valid DOCX whose bytes differ with ``i`` (and ``extra``)."""
    d = docx.Document()
    d.add_heading(f"{_TEXT[0]} no. {i}", level=1)
    for line in _TEXT[1:]:
        d.add_paragraph(line)
    for k in range(extra):
        d.add_paragraph(f"Additional note {k} for document {i}.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_docs(folder: Path, n: int, *, prefix: str = "doc") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"{prefix}{i:03d}.docx"
        p.write_bytes(docx_bytes(i))
        paths.append(p)
    return paths


class FakeEngine:
    """An "llm" engine that sleeps, counts calls and concurrency, and can fail named documents."""

    def __init__(self, delay: float = 0.0, *, delays: dict[str, float] | None = None, fail: set[str] | None = None,
                 cost: float | None = None, estimate_cost: float | None = None, model: str = "fake-1") -> None:
        self.delay, self.delays, self.fail = delay, delays or {}, fail or set()
        self.cost, self.estimate_cost, self.model = cost, estimate_cost, model
        self.calls: Counter[str] = Counter()
        self.starts: list[float] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()

    @property
    def info(self) -> EngineInfo:
        return EngineInfo(name="llm", label="fake test engine", model=self.model, prompt_version="test-1")

    def estimate(self, document: Document, rubric: Rubric) -> Usage:
        return Usage(calls=1, input_tokens=len(document.text) // 4, output_tokens=100, cost_usd=self.estimate_cost)

    def review(self, document: Document, rubric: Rubric) -> EngineResult:
        with self._lock:
            self.calls[document.name] += 1
            self.starts.append(time.monotonic())
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            time.sleep(self.delays.get(document.name, self.delay))
            if document.name in self.fail:
                from reviewer.errors import ModelError

                raise ModelError(f"{document.name}: the fake model refused.", attempts=1,
                                 usage=Usage(calls=1, input_tokens=10, cost_usd=0.0))
            result = ScreeningEngine().review(document, rubric)
            return result.model_copy(update={"usage": Usage(calls=1, input_tokens=100, output_tokens=50,
                                                            cost_usd=self.cost)})
        finally:
            with self._lock:
                self.in_flight -= 1

    @property
    def total_calls(self) -> int:
        return sum(self.calls.values())


class CountingScreen(ScreeningEngine):
    """The screening engine, counting calls."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: Counter[str] = Counter()
        self._lock = threading.Lock()

    def review(self, document: Document, rubric: Rubric) -> EngineResult:
        with self._lock:
            self.calls[document.name] += 1
        return super().review(document, rubric)
