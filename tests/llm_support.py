"""Shared helpers for the LLM tests: engines wired to the fake server or to cassettes, no sleeping."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reviewer.config import Config
from reviewer.engines.llm import LLMEngine
from reviewer.engines.llm_retry import RetryPolicy
from reviewer.options import ReviewOptions

ROOT = Path(__file__).resolve().parent.parent
LLM_DOCS = ROOT / "fixtures" / "llm"
CASSETTES = ROOT / "fixtures" / "cassettes"
MANIFEST = CASSETTES / "manifest.json"
RERECORD = "bash scripts/record_cassettes.sh  (= pytest tests/test_llm_cassettes.py --record-mode=rewrite)"
FAKE_KEY = "sk-" + "test-SECRET-ab12cd34ef56gh78"  # a fake, split so secret scanners do not flag the source


def no_sleep_policy(max_attempts: int = 3, max_seconds: float = 60.0) -> RetryPolicy:
    """Retries decided as in production, but the waits are only recorded, never slept."""
    return RetryPolicy(max_attempts=max_attempts, max_seconds=max_seconds, sleep=lambda s: None, rng=random.Random(0))


def make_engine(base_url: str | None, *, model: str = "fake-reviewer-1", method: str = "json_schema",
                api_key: str = FAKE_KEY, retry: RetryPolicy | None = None, token_budget: int | None = None,
                timeout: float = 10.0) -> LLMEngine:
    opts = ReviewOptions(engine="llm", base_url=base_url, model=model, api_key=api_key,
                         structured_method=method, timeout=timeout)  # type: ignore[arg-type]
    cfg = Config(token_budget=token_budget) if token_budget else Config()
    return LLMEngine(opts, config=cfg, retry=retry or no_sleep_policy())


def cassette_mismatch(exc: BaseException) -> BaseException | None:
    """The vcrpy 'cannot overwrite cassette' error hidden in an exception chain, if any."""
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if type(e).__name__ == "CannotOverwriteExistingCassetteException":
            return e
        e = e.__cause__ or e.__context__
    return None


@contextmanager
def loud_cassette_errors() -> Iterator[None]:
    """Turn a request that matches no recorded interaction into a failure that says how to re-record."""
    try:
        yield
    except Exception as e:
        hidden = cassette_mismatch(e)
        if hidden is None:
            raise
        pytest.fail(
            "A model request does not match the recorded cassette: the prompts, the schema or the sample "
            f"documents changed since recording. Re-record with: {RERECORD}\n\nvcrpy said: {hidden}",
            pytrace=False,
        )
