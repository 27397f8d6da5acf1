"""``reviewer review ... --engine llm --base-url http://127.0.0.1:PORT/v1`` end to end, against the fake server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewer.cli import cli
from reviewer.models import Review
from tests.fake_openai.server import FakeOpenAI
from tests.llm_support import LLM_DOCS


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as srv:
        yield srv


def test_review_folder_with_llm_engine_writes_grounded_memos_with_cost(server: FakeOpenAI, tmp_path: Path) -> None:
    out = tmp_path / "memos"
    result = CliRunner().invoke(cli, ["review", str(LLM_DOCS), "--engine", "llm", "--base-url", server.base_url,
                                      "--model", "fake-reviewer-1", "--out", str(out), "--format", "md,json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Model usage" in result.stdout and "$" in result.stdout
    reviews = sorted(out.glob("*.review.json"))
    assert len(reviews) == 4
    for path in reviews:
        review = Review.model_validate_json(path.read_text(encoding="utf-8"))
        assert review.engine.name == "llm" and review.engine.model == "fake-reviewer-1"
        assert review.engine.base_url_host == f"127.0.0.1:{server.port}"
        assert review.usage.calls >= 1 and review.usage.cost_usd is not None and review.usage.cost_usd > 0
        assert "as of" in (review.usage.price_source or "")
        assert all(ev.verified for f in review.findings for ev in f.evidence)
        memo = path.with_name(path.name.replace(".review.json", ".memo.md")).read_text(encoding="utf-8")
        assert "LLM engine" in memo and "fake-reviewer-1" in memo and "cost $" in memo
    osprey = json.loads((out / "osprey-injected-proposal.review.json").read_text(encoding="utf-8"))
    assert {a["block_id"] for a in osprey["alerts"]} >= {"b0005", "b0012"}


def test_auto_engine_uses_the_model_when_a_base_url_is_set(server: FakeOpenAI, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["review", str(LLM_DOCS / "harbour-returns-proposal.docx"), "--out",
                                      str(tmp_path), "--format", "json"],
                                env={"OPENAI_BASE_URL": server.base_url, "REVIEWER_MODEL": "fake-reviewer-1"},
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    review = Review.model_validate_json((tmp_path / "harbour-returns-proposal.review.json").read_text(encoding="utf-8"))
    assert review.engine.name == "llm" and review.engine.model == "fake-reviewer-1"


def test_function_calling_and_config_file(server: FakeOpenAI, tmp_path: Path) -> None:
    cfg = tmp_path / "reviewer.toml"
    cfg.write_text(f'model = "fake-reviewer-1"\nbase_url = "{server.base_url}"\n'
                   '[prices."fake-reviewer-1"]\ninput = 10.0\ncached = 10.0\noutput = 10.0\n')
    result = CliRunner().invoke(cli, ["review", str(LLM_DOCS / "kestrel-scheduling-report.docx"), "--engine", "llm",
                                      "--structured-method", "function_calling", "--config", str(cfg),
                                      "--out", str(tmp_path / "o"), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    review = Review.model_validate_json((tmp_path / "o" / "kestrel-scheduling-report.review.json").read_text())
    u = review.usage
    assert u.cost_usd == pytest.approx((u.input_tokens + u.output_tokens) * 10.0 / 1e6, rel=1e-3)
    assert "reviewer.toml" in (u.price_source or "")
    assert server.state.requests[-1]["body"].get("tools") and not server.state.requests[-1]["body"].get("response_format")
