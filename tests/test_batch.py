"""Batch pipeline: order of results, concurrency limits, isolation, budget, rate limits, CLI output."""

from __future__ import annotations

import json
import threading
import time
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewer import batch
from reviewer.batch import Event, discover, is_candidate, review_paths, run_batch
from reviewer.cli import cli
from reviewer.errors import ConfigError
from reviewer.ledger import Ledger
from reviewer.options import ReviewOptions
from reviewer.ratelimit import RateLimiter
from reviewer.rubric import load_rubric
from tests.batch_support import FORMATS, FakeEngine, make_docs


def _run(folder: Path, out: Path | None, engine: object, progress: list[Event] | None = None, **opts: object):
    options = ReviewOptions(engine="screen", formats=FORMATS, **opts).validate()  # type: ignore[arg-type]
    return run_batch(discover([folder]), options=options, rubric=load_rubric(), engine=engine,  # type: ignore[arg-type]
                     out_dir=out, progress=progress.append if progress is not None else None)


def test_outcomes_in_input_order_progress_in_completion_order(tmp_path: Path) -> None:
    make_docs(tmp_path / "in", 5)
    engine = FakeEngine(0.02, delays={"doc000.docx": 0.6})
    events: list[Event] = []
    result = _run(tmp_path / "in", tmp_path / "out", engine, events, jobs=3)
    assert [Path(o.path).name for o in result.outcomes] == [f"doc{i:03d}.docx" for i in range(5)]
    assert all(o.status == "reviewed" for o in result.outcomes)
    finished = [e.path.name for e in events if e.outcome is not None]
    assert finished[-1] == "doc000.docx"  # the slow one did not hold up the rest
    assert sorted(finished) == sorted(Path(o.path).name for o in result.outcomes)
    assert result.usage.calls == 5 and result.usage.input_tokens == 500


def test_in_flight_calls_never_exceed_jobs(tmp_path: Path) -> None:
    make_docs(tmp_path / "in", 10)
    engine = FakeEngine(0.15)
    _run(tmp_path / "in", None, engine, jobs=3)
    assert engine.total_calls == 10
    assert engine.max_in_flight == 3  # used in parallel, never beyond --jobs


def test_parsing_overlaps_model_calls(tmp_path: Path) -> None:
    make_docs(tmp_path / "in", 3)
    engine = FakeEngine(0.4)
    events: list[Event] = []
    _run(tmp_path / "in", None, engine, events, jobs=1)
    kinds = [(e.kind, e.index) for e in events]
    # document 2 is read while document 1 is with the model
    assert kinds.index(("start", 2)) < kinds.index(("done", 1))


def test_one_failing_document_does_not_stop_the_rest(tmp_path: Path) -> None:
    make_docs(tmp_path / "in", 4)
    (tmp_path / "in" / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    engine = FakeEngine(fail={"doc001.docx"})
    result = _run(tmp_path / "in", tmp_path / "out", engine, jobs=2)
    by_name = {Path(o.path).name: o for o in result.outcomes}
    assert by_name["doc001.docx"].status == "failed" and by_name["doc001.docx"].error_type == "ModelError"
    assert by_name["broken.docx"].status == "failed" and "broken.docx" in (by_name["broken.docx"].error or "")
    assert sum(o.status == "reviewed" for o in result.outcomes) == 3
    with Ledger.for_out(tmp_path / "out") as ledger:
        assert ledger.counts("batch") == {"queued": 0, "reviewing": 0, "reviewed": 3, "failed": 2}


def test_max_cost_fails_the_rest_with_budget_error(tmp_path: Path) -> None:
    make_docs(tmp_path / "in", 5)
    engine = FakeEngine(cost=0.4, estimate_cost=0.4)
    result = _run(tmp_path / "in", tmp_path / "out", engine, jobs=1, max_cost=1.0)
    statuses = [o.status for o in result.outcomes]
    # documents start in the order their parsing finishes, so which two fit the budget may vary
    assert statuses.count("reviewed") == 2 and statuses.count("failed") == 3
    assert engine.total_calls == 2
    err = next(o for o in result.outcomes if o.status == "failed")
    assert err.error_type == "BudgetExceededError"
    # the budget is used up by what is spent plus what is in flight, so under load the message may say either
    assert ("$0.8000 spent" in (err.error or "") or "$0.4000 spent and $0.4000 in flight" in (err.error or "")), err.error
    assert "--max-cost" in (err.error or "")
    assert result.usage.cost_usd == pytest.approx(0.8)


def test_screening_engine_costs_nothing_under_any_budget(tmp_path: Path) -> None:
    make_docs(tmp_path / "in", 2)
    result = review_paths([tmp_path / "in"], out=tmp_path / "out", engine="screen", formats=FORMATS, max_cost=0.0)
    assert [o.status for o in result.outcomes] == ["reviewed", "reviewed"]


def test_config_error_stops_the_batch(tmp_path: Path) -> None:
    make_docs(tmp_path / "in", 6)

    class Misconfigured(FakeEngine):
        def review(self, document, rubric):  # type: ignore[no-untyped-def]
            raise ConfigError("no model configured.")

    engine = Misconfigured()
    with pytest.raises(ConfigError):
        _run(tmp_path / "in", None, engine, jobs=1)


def test_rate_limiter_spaces_requests() -> None:
    limiter = RateLimiter(rpm=600)  # one every 0.1 s
    t0 = time.monotonic()
    stamps = []
    for _ in range(5):
        limiter.acquire()
        stamps.append(time.monotonic() - t0)
    gaps = [b - a for a, b in pairwise(stamps)]
    assert min(gaps) >= 0.08
    assert stamps[-1] >= 0.38


def test_rate_limiter_tokens_and_threads() -> None:
    limiter = RateLimiter(tpm=60_000)  # 1000 tokens/s, bucket of 10 000
    t0 = time.monotonic()
    assert limiter.acquire(10_000)
    assert time.monotonic() - t0 < 0.05
    done: list[float] = []
    threads = [threading.Thread(target=lambda: (limiter.acquire(150), done.append(time.monotonic() - t0)))
               for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert max(done) >= 0.4  # 450 tokens at 1000/s


def test_rate_limit_applies_to_model_calls(tmp_path: Path) -> None:
    make_docs(tmp_path / "in", 4)
    engine = FakeEngine(0.0)
    _run(tmp_path / "in", None, engine, jobs=4, rpm=300)  # one every 0.2 s
    gaps = [b - a for a, b in pairwise(engine.starts)]
    assert len(gaps) == 3 and min(gaps) >= 0.15 and engine.starts[-1] - engine.starts[0] >= 0.55


def test_is_candidate_skips_temporary_files() -> None:
    for name in ("~$memo.docx", "a.docx.part", "b.pdf.tmp", ".hidden.pdf", "c.pdf.crdownload", "notes.txt"):
        assert not is_candidate(Path(name)), name
    for name in ("a.docx", "B.PDF"):
        assert is_candidate(Path(name))


def test_review_paths_uses_make_engine_and_ledger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_docs(tmp_path / "in" / "sub", 2)
    engine = FakeEngine()
    monkeypatch.setattr(batch, "make_engine", lambda options: engine)
    result = review_paths([tmp_path / "in"], out=tmp_path / "out", formats=FORMATS)
    assert [o.status for o in result.outcomes] == ["reviewed", "reviewed"]
    assert (tmp_path / "out" / "sub" / "doc000.memo.md").is_file()  # subfolders mirrored
    assert not list((tmp_path / "out").rglob("*.part"))


def test_cli_json_prints_only_json_and_reports_cached(tmp_path: Path) -> None:
    make_docs(tmp_path / "in", 2)
    args = ["review", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--engine", "screen",
            "--format", "md,json", "--json"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert [o["status"] for o in data["outcomes"]] == ["reviewed", "reviewed"]
    second = CliRunner().invoke(cli, args)
    assert [o["status"] for o in json.loads(second.stdout)["outcomes"]] == ["cached", "cached"]


def test_cli_plain_progress_and_summary_table(tmp_path: Path) -> None:
    make_docs(tmp_path / "in", 2)
    res = CliRunner().invoke(cli, ["review", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--engine",
                                   "screen", "--format", "md,json", "--jobs", "2", "--rpm", "6000"])
    assert res.exit_code == 0, res.output
    assert "[1/2] reviewed doc000.docx" in res.stdout or "[2/2] reviewed doc001.docx" in res.stdout
    assert "Review summary" in res.stdout and "Reviewed 2 of 2" in res.stdout



def test_llm_engine_limits_each_http_call(tmp_path: Path) -> None:
    """The LLM engine's limiter hook gets the batch's limiter for the run, and gives it back."""
    from reviewer.engines.llm import LLMEngine
    from tests.fake_openai.server import FakeOpenAI

    make_docs(tmp_path / "in", 4)
    with FakeOpenAI() as srv:
        options = ReviewOptions(engine="llm", base_url=srv.base_url, formats=FORMATS, jobs=4, rpm=300,
                                max_attempts=1).validate()
        engine = LLMEngine(options)
        seen: list[object] = []
        real = engine.review

        def review(document, rubric):  # type: ignore[no-untyped-def]
            seen.append(engine.limiter)
            return real(document, rubric)

        engine.review = review  # type: ignore[method-assign]
        t0 = time.monotonic()
        result = run_batch(discover([tmp_path / "in"]), options=options, rubric=load_rubric(), engine=engine)
        elapsed = time.monotonic() - t0
    assert [o.status for o in result.outcomes] == ["reviewed"] * 4
    assert all(isinstance(x, RateLimiter) for x in seen) and engine.limiter is None
    assert elapsed >= 0.55  # four requests, one every 0.2 s
    assert result.usage.calls == 4
