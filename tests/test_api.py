"""The Python API is the product: review_file and review_paths with the CLI's options."""

from __future__ import annotations

from pathlib import Path

import pytest

import reviewer
from reviewer import DocType, ReviewOptions, Status, review_file, review_paths
from tests.helpers import STRONG_PROPOSAL, make_docx


def test_public_api_is_exported() -> None:
    for name in ("review_file", "review_paths", "load_rubric", "Review", "ReviewOptions", "ReviewerError"):
        assert name in reviewer.__all__ and hasattr(reviewer, name)


def test_review_file_returns_grounded_review(tmp_path: Path) -> None:
    p = make_docx(tmp_path / "p.docx", STRONG_PROPOSAL)
    r = review_file(p, engine="screen")
    assert r.engine.name == "screen" and "screening" in r.engine.label
    assert [f.reason_id for f in r.findings] == [f"R{i:02d}" for i in range(1, 11)]
    text = reviewer.parse(p).text
    for f in r.findings:
        for ev in f.evidence:
            assert ev.verified and ev.start is not None and ev.end is not None
            assert text[ev.start : ev.end] == ev.quote
    assert 0 <= r.readiness <= 100
    assert r.finding("R01").status != Status.MISSING


def test_options_object_and_keywords_agree(tmp_path: Path) -> None:
    p = make_docx(tmp_path / "p.docx", STRONG_PROPOSAL)
    a = review_file(p, options=ReviewOptions(engine="screen", doc_type=DocType.REPORT))
    b = review_file(p, engine="screen", doc_type=DocType.REPORT)
    assert a.document.doc_type == b.document.doc_type == DocType.REPORT
    assert a.cache_key == b.cache_key
    assert [f.status for f in a.findings] == [f.status for f in b.findings]


def test_review_paths_goes_on_after_a_bad_file(tmp_path: Path) -> None:
    make_docx(tmp_path / "in" / "a.docx", STRONG_PROPOSAL)
    (tmp_path / "in" / "b.pdf").write_bytes(b"not a pdf at all")
    res = review_paths([tmp_path / "in"], out=tmp_path / "out", engine="screen", formats=("md", "json"))
    assert [o.status for o in res.outcomes] == ["reviewed", "failed"]
    assert res.failed[0].error_type == "UnsupportedFormatError" and "b.pdf" in (res.failed[0].error or "")
    assert (tmp_path / "out" / "a.review.json").exists()


def test_review_file_writes_outputs_when_asked(tmp_path: Path) -> None:
    p = make_docx(tmp_path / "p.docx", STRONG_PROPOSAL)
    review_file(p, out=tmp_path / "o", engine="screen", formats=("md",))
    assert (tmp_path / "o" / "p.memo.md").exists()
    assert not (tmp_path / "o" / "p.review.json").exists()


def test_unknown_option_is_a_type_error(tmp_path: Path) -> None:
    p = make_docx(tmp_path / "p.docx", STRONG_PROPOSAL)
    with pytest.raises(TypeError):
        review_file(p, engin="screen")


def test_auto_engine_follows_config_file_base_url(tmp_path: Path) -> None:
    cfg = tmp_path / "reviewer.toml"
    cfg.write_text('base_url = "http://127.0.0.1:9/v1"\nmodel = "m"\n', encoding="utf-8")
    assert ReviewOptions(config_path=cfg).model_configured()
    assert not ReviewOptions().model_configured()
    cfg.write_text('model = "m"\n', encoding="utf-8")
    assert not ReviewOptions(config_path=cfg).model_configured()
    assert ReviewOptions(model="anthropic:claude-sonnet-4").model_configured()
    assert not ReviewOptions(model="gpt-4o-mini").model_configured()


def test_quotes_that_show_a_gap_say_so(tmp_path: Path) -> None:
    p = make_docx(tmp_path / "p.docx", [
        "We propose a ten-week pilot of document triage for the lending team.",
        "An operational owner for the service at scale has not yet been identified and will be agreed at the scale gate.",
    ])
    r = review_file(p, engine="screen", formats=("md",), out=tmp_path / "o")
    f = r.finding("R03")
    assert f.status == Status.MISSING
    assert f.evidence and all(ev.role in ("deferred", "negated") for ev in f.evidence)
    memo = (tmp_path / "o" / "p.memo.md").read_text(encoding="utf-8")
    assert "*(deferred, not done)*" in memo or "*(stated as absent)*" in memo
