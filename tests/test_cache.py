"""Review cache: keyed before parsing, hits make no model call, outputs re-written, --refresh forces."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer import batch
from reviewer.batch import review_paths
from reviewer.cache import ReviewCache, hash_file
from reviewer.documents import parse
from reviewer.engines.screen import ScreeningEngine
from reviewer.ledger import Ledger
from reviewer.models import DocType, EngineInfo
from reviewer.review import cache_key, cache_key_for, review_file
from reviewer.rubric import load_rubric
from tests.batch_support import FORMATS, FakeEngine, docx_bytes, make_docs


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch) -> FakeEngine:
    e = FakeEngine()
    monkeypatch.setattr(batch, "make_engine", lambda options: e)
    return e


def test_key_is_known_before_parsing_and_matches_the_review(tmp_path: Path) -> None:
    (doc,) = make_docs(tmp_path, 1)
    rubric, engine = load_rubric(), ScreeningEngine()
    sha = hash_file(doc)
    for override in (None, DocType.REPORT):
        parsed = parse(doc, doc_type=override)
        assert cache_key(parsed, rubric, engine) == cache_key_for(sha, rubric, engine, override)
    review = review_file(doc, engine="screen")
    assert review.cache_key == cache_key_for(sha, rubric, engine, None)


def test_key_changes_with_each_part(tmp_path: Path) -> None:
    rubric = load_rubric()
    base = FakeEngine()
    k = cache_key_for("a" * 64, rubric, base, None)
    assert cache_key_for("b" * 64, rubric, base, None) != k
    assert cache_key_for("a" * 64, rubric, base, "proposal") != k
    assert cache_key_for("a" * 64, rubric, FakeEngine(model="other"), None) != k
    assert cache_key_for("a" * 64, rubric.model_copy(update={"version": "v2"}), base, None) != k
    assert cache_key_for("a" * 64, rubric, ScreeningEngine(), None) != k

    class OtherPrompt(FakeEngine):
        @property
        def info(self) -> EngineInfo:
            return super().info.model_copy(update={"prompt_version": "test-2"})

    assert cache_key_for("a" * 64, rubric, OtherPrompt(), None) != k


def test_second_run_is_cached_with_no_model_calls(tmp_path: Path, engine: FakeEngine) -> None:
    make_docs(tmp_path / "in", 3)
    out = tmp_path / "out"
    first = review_paths([tmp_path / "in"], out=out, formats=FORMATS)
    assert [o.status for o in first.outcomes] == ["reviewed"] * 3 and engine.total_calls == 3
    second = review_paths([tmp_path / "in"], out=out, formats=FORMATS)
    assert [o.status for o in second.outcomes] == ["cached"] * 3
    assert engine.total_calls == 3  # no new calls
    assert second.usage.calls == 0
    assert [o.review.readiness for o in second.outcomes] == [o.review.readiness for o in first.outcomes]  # type: ignore[union-attr]


def test_cache_hit_rewrites_missing_outputs(tmp_path: Path, engine: FakeEngine) -> None:
    make_docs(tmp_path / "in", 1)
    out = tmp_path / "out"
    review_paths([tmp_path / "in"], out=out, formats=FORMATS)
    memo = out / "doc000.memo.md"
    text = memo.read_text()
    memo.unlink()
    again = review_paths([tmp_path / "in"], out=out, formats=FORMATS)
    assert again.outcomes[0].status == "cached" and engine.total_calls == 1
    assert memo.read_text() == text
    assert str(memo) in again.outcomes[0].outputs


def test_changed_bytes_override_and_refresh_miss_the_cache(tmp_path: Path, engine: FakeEngine) -> None:
    docs = make_docs(tmp_path / "in", 2)
    out = tmp_path / "out"
    review_paths([tmp_path / "in"], out=out, formats=FORMATS)
    assert engine.total_calls == 2
    docs[0].write_bytes(docx_bytes(0, extra=1))  # a new version of one file
    r = review_paths([tmp_path / "in"], out=out, formats=FORMATS)
    assert [o.status for o in r.outcomes] == ["reviewed", "cached"]
    assert engine.calls["doc000.docx"] == 2
    calls = engine.total_calls
    r = review_paths([tmp_path / "in"], out=out, formats=FORMATS, doc_type=DocType.REPORT)
    assert engine.total_calls > calls and r.outcomes[1].status == "reviewed"
    calls = engine.total_calls
    r = review_paths([tmp_path / "in"], out=out, formats=FORMATS, doc_type=DocType.REPORT)
    assert engine.total_calls == calls and r.outcomes[1].status == "cached"
    r = review_paths([tmp_path / "in"], out=out, formats=FORMATS, doc_type=DocType.REPORT, refresh=True)
    assert engine.total_calls > calls and r.outcomes[1].status == "reviewed"


def test_fallback_reviews_are_not_cached(tmp_path: Path) -> None:
    (doc,) = make_docs(tmp_path, 1)
    review = review_file(doc, engine="screen")
    with Ledger(tmp_path / "l.sqlite") as ledger:
        cache = ReviewCache(ledger)
        fallback = review.model_copy(update={"engine": review.engine.model_copy(update={"fallback_reason": "x"})})
        assert cache.put("k1", fallback) is False and cache.get("k1") is None
        assert cache.put("k2", review) is True
        assert cache.get("k2") == review
        assert (cache.hits, cache.misses) == (1, 1)
