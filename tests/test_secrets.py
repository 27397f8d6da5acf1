"""A recognisable fake API key never reaches an output, a log, an error or a cassette (issue 6 item 5).

Reviews run through the CLI against the local fake server: a good one with --verbose, one whose
endpoint keeps failing, one whose key is refused, and one with --json. Then every byte written
(memos, JSON, DOCX, ledger, caches), stdout, stderr and every log record at DEBUG are searched.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewer.cli import cli
from reviewer.documents import parse
from reviewer.errors import ModelError
from reviewer.options import ReviewOptions
from reviewer.rubric import load_rubric
from tests.fake_openai.server import FakeOpenAI
from tests.llm_support import CASSETTES, FAKE_KEY, LLM_DOCS, make_engine, no_sleep_policy

KEY_PATTERNS = [re.compile(r"sk-[A-Za-z0-9_\-]{8,}"), re.compile(r"(?i)bearer\s+[A-Za-z0-9._\-]{6,}")]


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as srv:
        yield srv


def _cli(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, args, env={"OPENAI_API_KEY": FAKE_KEY, "REVIEWER_RAISE": ""}, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _all_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in folder.rglob("*") if p.is_file()]


def test_key_never_appears_in_outputs_logs_or_errors(server: FakeOpenAI, tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, libraries included
    doc = str(LLM_DOCS / "harbour-returns-proposal.docx")
    common = ["--engine", "llm", "--model", "fake-reviewer-1", "--verbose"]
    texts: list[str] = []

    code, out, err = _cli(["review", doc, *common, "--base-url", server.base_url, "--out", str(tmp_path / "ok")])
    assert code == 0, err
    texts += [out, err]
    code, out, err = _cli(["review", doc, *common, "--base-url", server.scenario_url("500-always"),
                           "--max-attempts", "2", "--out", str(tmp_path / "fail")])
    assert code == 1 and "HTTP 500" in (out + err)
    texts += [out, err]
    code, out, err = _cli(["review", doc, *common, "--base-url", server.scenario_url("unauthorized"),
                           "--out", str(tmp_path / "auth")])
    assert code == 2 and "refused the API key" in err
    texts += [out, err]
    code, out, err = _cli(["review", doc, *common, "--json", "--base-url", server.base_url, "--out", str(tmp_path / "json")])
    assert code == 0
    texts += [out, err]
    texts.append(caplog.text)

    # The key really was used: the server saw it in the Authorization header.
    assert any(r["headers"].get("authorization") == f"Bearer {FAKE_KEY}" for r in server.state.requests)
    assert (tmp_path / "ok" / "harbour-returns-proposal.memo.md").exists()

    for t in texts:
        assert FAKE_KEY not in t
        assert "ab12cd34ef56gh78" not in t
    written = _all_bytes(tmp_path)
    assert len(written) >= 4
    for path, data in written:
        assert FAKE_KEY.encode() not in data, path
        assert b"ab12cd34ef56gh78" not in data, path


def test_key_not_in_api_errors_reprs_or_engine_info(server: FakeOpenAI) -> None:
    engine = make_engine(server.scenario_url("500-always"), retry=no_sleep_policy(max_attempts=2))
    with pytest.raises(ModelError) as info:
        engine.review(parse(LLM_DOCS / "harbour-returns-proposal.docx"), load_rubric())
    e = info.value
    for text in (str(e), repr(e), e.message, e.hint, e.usage.model_dump_json() if e.usage else "",
                 engine.info.model_dump_json(), repr(ReviewOptions(api_key=FAKE_KEY)), repr(engine)):
        assert FAKE_KEY not in text


def test_no_cassette_holds_a_secret() -> None:
    files = [p for p in CASSETTES.rglob("*") if p.is_file()]
    assert files, "cassettes are missing"
    for p in files:
        text = p.read_text(encoding="utf-8")
        for pat in KEY_PATTERNS:
            assert not pat.search(text), f"{p}: looks like a key ({pat.pattern})"
        assert FAKE_KEY not in text
        assert '"authorization"' not in text.lower() and '"api-key"' not in text.lower(), p
        assert "set-cookie" not in text.lower() and "openai-organization" not in text.lower(), p


def test_nothing_in_fixtures_or_tests_reads_like_a_key_to_a_secret_scanner() -> None:
    """File names and text under fixtures/ and tests/ stay clear of what key scanners flag (a name like
    "...risk-scoring-..." contains "sk-" plus 16 characters), so a repository scan does not cry wolf."""
    scanner = re.compile(r"sk-[A-Za-z0-9_-]{16,}|Bearer [A-Za-z0-9._-]{16,}")
    root = Path(__file__).resolve().parent.parent
    hits = []
    for top in ("fixtures", "tests"):
        for p in (root / top).rglob("*"):
            if not p.is_file() or "__pycache__" in p.parts:
                continue
            text = p.read_text(encoding="utf-8", errors="replace") if p.suffix in (".md", ".toml", ".py", ".json", ".yaml", ".txt") else ""
            if scanner.search(p.name) or scanner.search(text):
                hits.append(str(p.relative_to(root)))
    assert not hits, f"these read like keys to a secret scanner; rename or reword them: {hits}"
