"""The LLM chain replayed from recorded model responses (vcrpy cassettes in fixtures/cassettes/).

CI replays (``--record-mode=none`` in pyproject addopts); nothing touches the network. The cassettes
were recorded from the local fake OpenAI-compatible server (tests/fake_openai), not from a real
model. Re-record with ``bash scripts/record_cassettes.sh``; to record the ordinary reviews against
a real endpoint set OPENAI_BASE_URL / OPENAI_API_KEY / REVIEWER_MODEL (or RECORD_-prefixed ones).

A prompt, schema or rubric change without re-recording fails loudly: the manifest's prompt version
no longer matches, and the changed request bodies no longer match the recorded ones.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from reviewer.documents import parse
from reviewer.engines.llm import DEFAULT_MODEL, LLMEngine
from reviewer.engines.llm_retry import RetryPolicy
from reviewer.errors import ModelError
from reviewer.models import Document, Review, Status
from reviewer.options import ReviewOptions
from reviewer.review import assemble_review, review_document
from reviewer.rubric import load_rubric
from tests.fake_openai import cassettes
from tests.fake_openai.scripts import HALLUCINATED_QUOTE, SCRIPTS
from tests.fake_openai.server import MODEL as FAKE_MODEL
from tests.fake_openai.server import FakeOpenAI
from tests.llm_support import (
    CASSETTES,
    LLM_DOCS,
    MANIFEST,
    RERECORD,
    loud_cassette_errors,
    make_engine,
    no_sleep_policy,
)

# Captured at import: conftest clears these for every test so no test picks up a real key by accident.
_RECORD_ENV = {k: os.environ.get(f"RECORD_{k}") or os.environ.get(k)
               for k in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "REVIEWER_MODEL")}
REPLAY_KEY = "sk-" + "replay-placeholder-not-a-key"  # a placeholder, split so secret scanners do not flag it
DOCUMENTS = CASSETTES / "documents"  # parsed samples as recorded: the cassettes do not move with the parser
RECORD_PORT = 8799
LONG_BUDGET = 4400  # tokens: the long sample needs ~7,700 for one call, so it is split (7 parts)


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES / "test_llm_cassettes")


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return cassettes.vcr_config()


@pytest.fixture(scope="module", autouse=True)
def _json_serializer(request: pytest.FixtureRequest) -> Iterator[None]:
    plugin = cassettes.RecordingPlugin()
    request.config.pluginmanager.register(plugin, "reviewer-cassettes")
    yield
    request.config.pluginmanager.unregister(plugin)


@dataclass
class Env:
    """Builds engines for a cassette: from the manifest when replaying, live when recording."""

    recording: bool
    manifest: dict[str, Any]
    server: FakeOpenAI | None = None
    entries: dict[str, Any] = field(default_factory=dict)

    def engine(self, cassette: str, *, portable: bool, scenario: str = "ok", method: str = "json_schema",
               token_budget: int | None = None, retry: RetryPolicy | None = None) -> LLMEngine:
        if self.recording:
            real = portable and bool(_RECORD_ENV["OPENAI_BASE_URL"] or _RECORD_ENV["OPENAI_API_KEY"])
            if real:
                base_url = _RECORD_ENV["OPENAI_BASE_URL"]
                model = _RECORD_ENV["REVIEWER_MODEL"] or DEFAULT_MODEL
                key = _RECORD_ENV["OPENAI_API_KEY"] or "not-needed"
                retry = retry or RetryPolicy(max_attempts=5, max_seconds=300)  # a real endpoint: really wait
            else:
                assert self.server is not None
                base_url = self.server.scenario_url(scenario) if scenario != "ok" else self.server.base_url
                model, key = FAKE_MODEL, REPLAY_KEY
            self.entries[cassette] = {"base_url": base_url, "model": model, "method": method,
                                      "token_budget": token_budget, "scenario": scenario,
                                      "recorded_from": "a real endpoint" if real else "local fake server (tests/fake_openai)"}
        else:
            entry = self.manifest.get("cassettes", {}).get(cassette)
            if entry is None:
                pytest.fail(f"no cassette recorded for {cassette}: re-record with {RERECORD}", pytrace=False)
            base_url, model, key = entry["base_url"], entry["model"], REPLAY_KEY
        return make_engine(base_url, model=model, method=method, api_key=key, token_budget=token_budget,
                           retry=retry or no_sleep_policy())

    def document(self, name: str) -> Document:
        """The parsed sample, frozen at record time so parser changes do not invalidate the cassettes."""
        frozen = DOCUMENTS / f"{name}.json"
        if self.recording:
            doc = parse(LLM_DOCS / name)
            doc = doc.model_copy(update={"path": f"fixtures/llm/{name}"})
            frozen.parent.mkdir(parents=True, exist_ok=True)
            frozen.write_text(doc.model_dump_json(indent=1) + "\n", encoding="utf-8")
            return doc
        if not frozen.exists():
            pytest.fail(f"{frozen} is missing: re-record with {RERECORD}", pytrace=False)
        return Document.model_validate_json(frozen.read_text(encoding="utf-8"))

    def from_fake(self, cassette: str) -> bool:
        entry = (self.entries if self.recording else self.manifest.get("cassettes", {})).get(cassette, {})
        return str(entry.get("recorded_from", "")).startswith("local fake")


def _record_server() -> FakeOpenAI:
    """The fake server on a fixed port when free, so re-recording does not churn every URI."""
    try:
        return FakeOpenAI(port=RECORD_PORT).start()
    except OSError:
        return FakeOpenAI().start()


@pytest.fixture(scope="module")
def env(request: pytest.FixtureRequest) -> Iterator[Env]:
    mode = request.config.getoption("--record-mode")
    recording = mode not in (None, "none")
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.exists() else {}
    if not recording and not manifest:
        pytest.fail(f"{MANIFEST} is missing: record the cassettes with {RERECORD}", pytrace=False)
    server = _record_server() if recording else None
    e = Env(recording, manifest, server)
    yield e
    if server is not None:
        server.stop()
    if recording:
        probe = make_engine("http://127.0.0.1:1/v1")
        old = manifest.get("cassettes", {})
        MANIFEST.parent.mkdir(parents=True, exist_ok=True)
        MANIFEST.write_text(json.dumps({
            "note": "Written by tests/test_llm_cassettes.py when recording; replay reads base_url/model from here.",
            "rerecord": RERECORD,
            "prompt_version": probe.prompt_version,
            "rubric_version": load_rubric().version,
            "recorded_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "cassettes": {**old, **e.entries},
        }, indent=2) + "\n", encoding="utf-8")


def _review(env: Env, engine: LLMEngine, name: str) -> Review:
    document = env.document(name)
    rubric = load_rubric()
    with loud_cassette_errors():
        result = engine.review(document, rubric)
    return assemble_review(document, rubric, engine, result)


def _assert_grounded(review: Review) -> None:
    for f in review.findings:
        for ev in f.evidence:
            assert ev.verified and ev.block_id and ev.start is not None, (f.reason_id, ev)
    assert len(review.findings) == 10


def _expected(name: str) -> dict[str, str]:
    return {rid: f[0] for rid, f in SCRIPTS[name]["findings"].items()}


# --------------------------------------------------------------------------- staleness


def test_prompt_version_matches_cassettes(request: pytest.FixtureRequest) -> None:
    """Editing prompts/*.md, the schema or the rubric without re-recording must fail here, loudly."""
    if request.config.getoption("--record-mode") not in (None, "none"):
        pytest.skip("recording: the manifest is rewritten at the end of this module")
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.exists() else {}
    current = make_engine("http://127.0.0.1:1/v1").prompt_version
    recorded = manifest.get("prompt_version")
    if recorded != current:
        pytest.fail(f"prompts changed ({recorded} -> {current}): re-record with {RERECORD}", pytrace=False)
    rubric_now = load_rubric().version
    if manifest.get("rubric_version") != rubric_now:
        pytest.fail(f"rubric changed ({manifest.get('rubric_version')} -> {rubric_now}): re-record with {RERECORD}",
                    pytrace=False)


# --------------------------------------------------------------------------- ordinary reviews


@pytest.mark.vcr
def test_proposal_reviewed(env: Env) -> None:
    name = "harbour-returns-proposal.docx"
    review = _review(env, env.engine("test_proposal_reviewed", portable=True), name)
    _assert_grounded(review)
    assert review.engine.name == "llm" and review.engine.prompt_version
    assert review.usage.calls == 1 and review.usage.input_tokens > 1000 and review.usage.output_tokens > 0
    assert review.usage.cost_usd is not None and review.usage.price_source
    # The deferred owner ("to be agreed ... if the pilot proceeds") must not count as an owner,
    # and quoting it never makes it support.
    r03 = review.finding("R03")
    assert r03.status != Status.ADDRESSED
    assert all(ev.role != "supports" for ev in r03.evidence if "to be agreed" in ev.quote)
    if env.from_fake("test_proposal_reviewed"):
        assert {f.reason_id: f.status.value for f in review.findings} == _expected(name)
        assert review.facts.commercial_kpis[0].evidence is not None
        assert review.facts.commercial_kpis[0].evidence.verified
        # The role came over the wire and survived grounding: the deferral is quoted as the gap.
        assert [(ev.block_id, ev.role) for ev in r03.evidence] == [("b0009", "deferred")]
        assert {ev.role for ev in review.finding("R01").evidence} == {"supports"}
        assert [ev.role for ev in review.finding("R06").evidence] == ["supports", "deferred"]
        _assert_memos_print_role(review, r03.evidence[0].quote, "deferred, not done")


def _assert_memos_print_role(review: Review, quote: str, label: str) -> None:
    """Both memos print the role next to the quote (markdown on the attribution line, docx after it)."""
    import io

    import docx

    from reviewer.render.docx_memo import render_docx_memo
    from reviewer.render.markdown import render_markdown

    rubric = load_rubric()
    lines = render_markdown(review, rubric).splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("> ") and quote in line)
    assert label in lines[at + 1], lines[at: at + 2]
    paras = [p.text for p in docx.Document(io.BytesIO(render_docx_memo(review, rubric))).paragraphs]
    at = next(i for i, t in enumerate(paras) if t == f"“{quote}”")
    assert label in paras[at + 1], paras[at: at + 2]


@pytest.mark.vcr
def test_report_reviewed(env: Env) -> None:
    name = "kestrel-scheduling-report.docx"
    review = _review(env, env.engine("test_report_reviewed", portable=True), name)
    _assert_grounded(review)
    assert review.document.doc_type.value == "report"
    # Integration is only "planned in the scaling phase": promised is not measured.
    assert review.finding("R07").status != Status.ADDRESSED
    if env.from_fake("test_report_reviewed"):
        assert {f.reason_id: f.status.value for f in review.findings} == _expected(name)
        assert [ev.role for ev in review.finding("R07").evidence] == ["plan"]  # promised, not done
        assert review.facts.operational_owner is not None and "Marcus Obi" in review.facts.operational_owner.value


@pytest.mark.vcr
def test_function_calling_proposal(env: Env) -> None:
    """The portable fallback for servers that reject strict json_schema sends tools, not response_format."""
    name = "harbour-returns-proposal.docx"
    review = _review(env, env.engine("test_function_calling_proposal", portable=True, method="function_calling"), name)
    _assert_grounded(review)
    if env.from_fake("test_function_calling_proposal"):
        assert {f.reason_id: f.status.value for f in review.findings} == _expected(name)


@pytest.mark.vcr
def test_long_document_split(env: Env) -> None:
    name = "fenwick-long-proposal.docx"
    engine = env.engine("test_long_document_split", portable=True, token_budget=LONG_BUDGET)
    document = env.document(name)
    parts = engine.plan(document, load_rubric())
    assert len(parts) >= 2
    assert [b.id for p in parts for b in p] == [b.id for b in document.blocks]  # nothing dropped or repeated
    review = _review(env, engine, name)
    _assert_grounded(review)
    assert review.usage.calls == len(parts) + 1  # gather per part, judge once
    assert any("read in" in w and "parts" in w for w in review.warnings)
    if env.from_fake("test_long_document_split"):
        assert {f.reason_id: f.status.value for f in review.findings} == _expected(name)
        # evidence from the last part reached the judge
        assert review.finding("R10").evidence[0].block_id == "b0064"
        assert {ev.role for f in review.findings for ev in f.evidence} == {"supports"}


@pytest.mark.vcr
def test_reviewer_directed_document(env: Env) -> None:
    name = "osprey-injected-proposal.docx"
    review = _review(env, env.engine("test_reviewer_directed_document", portable=True), name)
    _assert_grounded(review)
    kinds = {(a.kind, a.block_id) for a in review.alerts}
    assert ("reviewer_directed", "b0005") in kinds
    assert ("hidden_text", "b0012") in kinds
    # The document asks for every reason to be marked addressed; the review does not obey.
    assert review.status_counts["addressed"] < 10
    assert review.finding("R01").status != Status.ADDRESSED  # only accuracy and F1


# --------------------------------------------------------------------------- faults (always from the fake server)


@pytest.mark.vcr
def test_429_with_retry_after_then_success(env: Env) -> None:
    policy = no_sleep_policy()
    engine = env.engine("test_429_with_retry_after_then_success", portable=False, scenario="429-then-ok", retry=policy)
    review = _review(env, engine, "harbour-returns-proposal.docx")
    _assert_grounded(review)
    assert len(policy.waits) == 1 and policy.waits[0] >= 1.0  # Retry-After: 1 honoured
    assert review.usage.calls == 1


@pytest.mark.vcr
def test_500s_until_retries_run_out(env: Env) -> None:
    policy = no_sleep_policy(max_attempts=3)
    engine = env.engine("test_500s_until_retries_run_out", portable=False, scenario="500-always", retry=policy)
    document = env.document("harbour-returns-proposal.docx")
    rubric = load_rubric()
    with pytest.raises(ModelError) as info, loud_cassette_errors():
        engine.review(document, rubric)
    err = info.value
    assert err.attempts == 3 and len(policy.waits) == 2
    assert "HTTP 500" in str(err) and document.name in str(err)
    assert err.usage is not None and err.usage.calls == 0


@pytest.mark.vcr
def test_malformed_answer_then_valid(env: Env) -> None:
    engine = env.engine("test_malformed_answer_then_valid", portable=False, scenario="malformed-then-ok")
    review = _review(env, engine, "harbour-returns-proposal.docx")
    _assert_grounded(review)
    assert review.usage.calls == 2  # the bad answer's tokens are counted too
    assert any("asked again" in w for w in review.warnings)


@pytest.mark.vcr
def test_hallucinated_quote_is_dropped(env: Env) -> None:
    engine = env.engine("test_hallucinated_quote_is_dropped", portable=False, scenario="hallucinate")
    review = _review(env, engine, "harbour-returns-proposal.docx")
    r01 = review.finding("R01")
    assert all(HALLUCINATED_QUOTE not in ev.quote for ev in r01.evidence)
    assert r01.evidence == []
    assert r01.status == Status.PARTIAL and r01.downgraded_from == Status.ADDRESSED
    assert any("Downgraded" in n for n in r01.notes)
    assert any("quote not found" in w and "11 days" in w for w in review.warnings)


def test_fallback_screen_marks_the_memo() -> None:
    """review_document with --fallback screen turns a ModelError into an offline review, marked."""

    class Failing:
        info = make_engine("http://127.0.0.1:1/v1").info

        def review(self, document: Any, rubric: Any) -> Any:
            raise ModelError("x.docx: the model call failed after 3 attempt(s): HTTP 500.", attempts=3)

    document = parse(LLM_DOCS / "harbour-returns-proposal.docx")
    review = review_document(document, load_rubric(), Failing(), ReviewOptions(fallback="screen"))  # type: ignore[arg-type]
    assert review.engine.name == "screen"
    assert review.engine.fallback_reason and "3 attempt(s)" in review.engine.fallback_reason
