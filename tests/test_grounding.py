"""Grounding: every quote located in the document with its span, or dropped with a warning."""

from __future__ import annotations

from pathlib import Path

from reviewer import parse
from reviewer.grounding import ground
from reviewer.models import EngineResult, Evidence, Finding, Status
from tests.helpers import make_docx

PARAS = [
    "The commercial KPI is average handling time, from a baseline of 11 days to a target of 8 days.",
    "The Head of Claims Operations will own the service at scale, with a hand\u00adover plan agreed in week 2.",
    "Cost per claim is \u201cabout \u00a34\u201d at pilot volume and we expect it to fall with scale.",
]


def _finding(quotes: list[str], status: Status = Status.ADDRESSED, block_id: str | None = None) -> Finding:
    return Finding(reason_id="R01", title="t", status=status,
                   evidence=[Evidence(quote=q, block_id=block_id, role="supports") for q in quotes])


def _ground(tmp_path: Path, finding: Finding) -> tuple[Finding, list[str], str]:
    doc = parse(make_docx(tmp_path / "g.docx", PARAS))
    findings, _, warnings = ground(doc, EngineResult(findings=[finding]))
    return findings[0], warnings, doc.text


def test_verbatim_quote_gets_span_and_location(tmp_path: Path) -> None:
    f, warnings, text = _ground(tmp_path, _finding(["from a baseline of 11 days to a target of 8 days"]))
    ev = f.evidence[0]
    assert ev.verified and ev.match_score == 100 and not warnings
    assert text[ev.start : ev.end] == "from a baseline of 11 days to a target of 8 days"
    assert ev.location and "¶" in ev.location


def test_normalised_match_curly_quotes_spaces_soft_hyphen_case(tmp_path: Path) -> None:
    f, warnings, text = _ground(tmp_path, _finding([
        'cost per claim is "about £4"   at pilot volume',
        "with a handover plan agreed in week 2",
    ]))
    assert not warnings and len(f.evidence) == 2
    assert text[f.evidence[0].start : f.evidence[0].end].startswith("Cost per claim is \u201cabout")
    assert "hand" in text[f.evidence[1].start : f.evidence[1].end]


def test_line_break_hyphenation_and_elision(tmp_path: Path) -> None:
    f, warnings, _ = _ground(tmp_path, _finding(["The Head of Claims Opera-\ntions will own the service ... agreed in week 2."]))
    assert not warnings and f.evidence[0].verified


def test_fuzzy_above_threshold_is_kept_below_is_dropped(tmp_path: Path) -> None:
    near = "The commercial KPI is the average handling time, from a baseline of 11 days to a target of 8 days."
    f, warnings, _ = _ground(tmp_path, _finding([near]))
    assert f.evidence and 90 <= f.evidence[0].match_score < 100 and not warnings
    f, warnings, _ = _ground(tmp_path, _finding(["Revenue rose by 14% against a control group of branches."]))
    assert not f.evidence and len(warnings) == 1 and "not found" in warnings[0]


def test_addressed_resting_only_on_unfound_quotes_is_downgraded(tmp_path: Path) -> None:
    f, _, _ = _ground(tmp_path, _finding(["A named Chief AI Officer owns the AI portfolio."]))
    assert f.status == Status.PARTIAL and f.downgraded_from == Status.ADDRESSED
    assert any("Downgraded" in n for n in f.notes)
    f, _, _ = _ground(tmp_path, _finding(["A named Chief AI Officer owns the AI portfolio.", "average handling time"]))
    assert f.status == Status.ADDRESSED and f.downgraded_from is None and len(f.evidence) == 1


def test_cited_block_preferred_and_role_kept(tmp_path: Path) -> None:
    doc = parse(make_docx(tmp_path / "g.docx", [*PARAS, "Again: average handling time."]))
    last = doc.blocks[-1]
    fnd = Finding(reason_id="R01", title="t", status=Status.PARTIAL,
                  evidence=[Evidence(quote="average handling time", block_id=last.id, role="deferred")])
    findings, _, _ = ground(doc, EngineResult(findings=[fnd]))
    ev = findings[0].evidence[0]
    assert ev.block_id == last.id and ev.role == "deferred"
