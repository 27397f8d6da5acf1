"""Endpoint faults, live against the local fake server (issue 6 item 3).

Faults a cassette cannot hold (refused connections, resets, timeouts, truncated bodies) run here
against tests/fake_openai on 127.0.0.1, with tiny timeouts and injected waits: each test shows the
retries are bounded, the final error is the right one, the batch goes on and nothing is half-written.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import httpx2 as httpx
import openai
import pytest

from reviewer.batch import review_paths
from reviewer.documents import parse
from reviewer.engines.llm_retry import RETRY_AFTER_CAP, RetryPolicy, is_retryable, retry_after
from reviewer.errors import ConfigError, ModelError
from reviewer.options import ReviewOptions
from reviewer.rubric import load_rubric
from tests.fake_openai.server import FakeOpenAI, closed_port
from tests.llm_support import FAKE_KEY, LLM_DOCS, make_engine, no_sleep_policy

DOC = LLM_DOCS / "harbour-returns-proposal.docx"


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(slow_seconds=1.0) as srv:
        yield srv


FAULTS = [
    # scenario, expected words in the final error
    ("refused", "could not connect"),
    ("reset", "connection broke"),
    ("truncated", "connection broke"),
    ("storm", "HTTP 429"),
    ("slow", "timed out"),
    ("invalid-json", "not valid JSON"),
    ("500-always", "HTTP 500"),
]


@pytest.mark.parametrize(("scenario", "words"), FAULTS, ids=[f[0] for f in FAULTS])
def test_fault_matrix(server: FakeOpenAI, scenario: str, words: str) -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1" if scenario == "refused" else server.scenario_url(scenario)
    policy = no_sleep_policy(max_attempts=3)
    engine = make_engine(url, retry=policy, timeout=0.25)
    document = parse(DOC)
    t0 = time.monotonic()
    with pytest.raises(ModelError) as info:
        engine.review(document, load_rubric())
    elapsed = time.monotonic() - t0
    err = info.value
    assert err.attempts == 3, "bounded by max_attempts"
    assert len(policy.waits) == 2
    assert words in str(err) and document.name in str(err)
    assert err.usage is not None and err.usage.calls == 0
    assert FAKE_KEY not in str(err)
    assert elapsed < 5.0


def test_storm_honours_retry_after_and_time_budget(server: FakeOpenAI) -> None:
    """A 429 storm stops at the time budget even with attempts to spare; waits never shorter than asked."""
    now = [0.0]

    def sleep(s: float) -> None:
        now[0] += s

    policy = RetryPolicy(max_attempts=100, max_seconds=20.0, sleep=sleep, clock=lambda: now[0], rng=random.Random(1))
    engine = make_engine(server.scenario_url("storm"), retry=policy)
    with pytest.raises(ModelError) as info:
        engine.review(parse(DOC), load_rubric())
    assert info.value.attempts < 100
    assert sum(policy.waits) <= 20.0
    assert len(policy.waits) >= 3 and all(0.0 <= w <= 30.0 for w in policy.waits)  # jittered, capped
    assert now[0] <= 20.0  # never slept past the budget


def test_unauthorized_is_a_config_error_without_retries(server: FakeOpenAI) -> None:
    policy = no_sleep_policy(max_attempts=5)
    engine = make_engine(server.scenario_url("unauthorized"), retry=policy)
    with pytest.raises(ConfigError) as info:
        engine.review(parse(DOC), load_rubric())
    assert "refused the API key" in str(info.value)
    assert policy.waits == []
    assert FAKE_KEY not in str(info.value)


def test_answer_cut_off_at_the_token_limit(server: FakeOpenAI) -> None:
    engine = make_engine(server.scenario_url("length"), retry=no_sleep_policy())
    with pytest.raises(ModelError) as info:
        engine.review(parse(DOC), load_rubric())
    assert "cut off" in str(info.value) and "max_output_tokens" in str(info.value)
    assert info.value.usage is not None and info.value.usage.calls == 1 and info.value.usage.output_tokens > 0


def test_batch_goes_on_and_nothing_half_written(server: FakeOpenAI, tmp_path: Path) -> None:
    """One document's endpoint keeps failing: the other is reviewed, the failed one leaves no output."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("harbour-returns-proposal.docx", "osprey-injected-proposal.docx"):
        (inputs / name).write_bytes((LLM_DOCS / name).read_bytes())
    out = tmp_path / "out"
    options = ReviewOptions(engine="llm", base_url=server.scenario_url("500-if-osprey"), model="fake-reviewer-1",
                            api_key=FAKE_KEY, max_attempts=2, timeout=5.0, formats=("md", "json"), jobs=1)
    result = review_paths([inputs], out=out, options=options)
    by_name = {Path(o.path).name: o for o in result.outcomes}
    assert by_name["harbour-returns-proposal.docx"].status == "reviewed"
    failed = by_name["osprey-injected-proposal.docx"]
    assert failed.status == "failed" and failed.error_type == "ModelError"
    assert "osprey-injected-proposal.docx" in (failed.error or "") and "HTTP 500" in (failed.error or "")
    files = sorted(p.name for p in out.rglob("*") if p.is_file())
    assert "harbour-returns-proposal.memo.md" in files and "harbour-returns-proposal.review.json" in files
    assert not [f for f in files if f.startswith("osprey-injected-proposal.")]
    assert not [f for f in files if f.endswith((".part", ".tmp"))]
    assert result.usage.calls == 1 and result.usage.cost_usd is not None


def test_batch_fallback_screen(server: FakeOpenAI, tmp_path: Path) -> None:
    options = ReviewOptions(engine="llm", base_url=server.scenario_url("500-always"), model="fake-reviewer-1",
                            api_key=FAKE_KEY, max_attempts=1, fallback="screen", formats=("md",), jobs=1)
    result = review_paths([DOC], out=tmp_path, options=options)
    (outcome,) = result.outcomes
    assert outcome.status == "reviewed" and outcome.review is not None
    assert outcome.review.engine.name == "screen"
    assert outcome.review.engine.fallback_reason and "1 attempt(s)" in outcome.review.engine.fallback_reason
    memo = (tmp_path / "harbour-returns-proposal.memo.md").read_text(encoding="utf-8")
    assert "fallback" in memo.lower() or "model failed" in memo.lower()


# --------------------------------------------------------------------------- the retry rules themselves


def _status_error(status: int, headers: dict[str, str] | None = None) -> openai.APIStatusError:
    req = httpx.Request("POST", "http://x/v1/chat/completions")
    resp = httpx.Response(status, headers=headers or {}, request=req, json={"error": {"message": "x"}})
    cls: Any = {429: openai.RateLimitError, 500: openai.InternalServerError, 401: openai.AuthenticationError,
                400: openai.BadRequestError, 404: openai.NotFoundError}.get(status, openai.APIStatusError)
    return cls("x", response=resp, body=None)  # type: ignore[no-any-return]


@pytest.mark.parametrize(("status", "retry"), [(408, True), (409, True), (429, True), (500, True), (502, True),
                                                (503, True), (400, False), (401, False), (404, False), (422, False)])
def test_which_statuses_are_retried(status: int, retry: bool) -> None:
    assert is_retryable(_status_error(status)) is retry


def test_retry_after_seconds_date_and_cap() -> None:
    assert retry_after(_status_error(429, {"Retry-After": "7"})) == 7.0
    assert retry_after(_status_error(429, {"retry-after-ms": "1500"})) == 1.5
    assert retry_after(_status_error(429, {"Retry-After": "100000"})) == RETRY_AFTER_CAP
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    date = format_datetime(now + timedelta(seconds=12), usegmt=True)
    assert retry_after(_status_error(429, {"Retry-After": date}), now=lambda: now) == pytest.approx(12.0)
    assert retry_after(_status_error(429, {"Retry-After": "soon"})) is None
    assert retry_after(_status_error(429)) is None


def test_backoff_is_exponential_jittered_and_capped() -> None:
    policy = RetryPolicy(rng=random.Random(3))
    for attempt in range(1, 12):
        waits = [policy.backoff(attempt) for _ in range(50)]
        assert min(waits) >= 0.0 and max(waits) <= min(30.0, 2 ** (attempt - 1))
        assert len(set(waits)) > 1  # jitter
