"""The portfolio view: numbers equal the reviews', gaps, pairing, self-contained HTML, the batch hook."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest

from reviewer.batch import review_paths
from reviewer.models import (
    BatchResult,
    DocType,
    DocumentInfo,
    EngineInfo,
    Finding,
    Outcome,
    Review,
    Status,
)
from reviewer.render.portfolio import (
    PAIR_THRESHOLD,
    build_portfolio,
    from_batch,
    pilot_key,
    render_csv,
    render_html,
    render_md,
    similarity,
    write_portfolio,
)
from reviewer.review import readiness
from reviewer.rubric import load_rubric

RUBRIC = load_rubric()
A, P, M = Status.ADDRESSED, Status.PARTIAL, Status.MISSING
DOCS = {
    # name: (doc type, title, statuses R01..R10)
    "acme-claims-triage-proposal.pdf": (DocType.PROPOSAL, "Acme claims triage: proposal", [A, P, M, M, P, A, M, P, A, M]),
    "Acme_Claims_Triage_Post-Pilot_Report_v2.docx": (DocType.REPORT, "Acme claims triage: results", [A, A, P, M, A, A, P, P, A, M]),
    "beta-fraud-detection-proposal.pdf": (DocType.PROPOSAL, "Beta fraud detection", [P, M, M, M, M, P, M, M, M, M]),
    "gamma-contact-centre-final-report.pdf": (DocType.REPORT, "Gamma contact centre assistant", [A, A, A, P, A, A, A, A, A, P]),
}


def make_review(name: str, doc_type: DocType, title: str, statuses: list[Status], engine: str = "screen") -> Review:
    findings = [Finding(reason_id=r.id, title=r.title, status=s, rationale=f"{r.id} because.", fix=r.fix)
                for r, s in zip(RUBRIC.reasons, statuses, strict=True)]
    return Review(
        document=DocumentInfo(name=name, path=f"/in/{name}", format="pdf" if name.endswith("pdf") else "docx",
                              sha256=hashlib.sha256(name.encode()).hexdigest(), doc_type=doc_type,
                              doc_type_source="detected", title=title),
        reviewed_at=datetime(2026, 2, 3, 9, 0, tzinfo=UTC),
        engine=EngineInfo(name="screen", label=f"offline screening engine ({engine})"),
        rubric_name=RUBRIC.name, rubric_version=RUBRIC.version, cache_key=f"k-{name}",
        findings=findings, readiness=readiness(findings, RUBRIC),
    )


@pytest.fixture
def reviews() -> list[Review]:
    return [make_review(n, t, title, s) for n, (t, title, s) in DOCS.items()]


def test_csv_numbers_equal_the_reviews(reviews: list[Review]) -> None:
    text = render_csv(build_portfolio(reviews, RUBRIC))
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    by_name = {r["document"]: r for r in rows}
    assert set(by_name) == set(DOCS)
    for rv in reviews:
        row = by_name[rv.document.name]
        assert float(row["readiness"]) == pytest.approx(rv.readiness)
        for f in rv.findings:
            assert row[f.reason_id] == f.status.value
        for s in Status:
            assert int(row[s.value]) == sum(1 for f in rv.findings if f.status == s)
    # Readiness follows the rubric's own weights.
    acme = by_name["acme-claims-triage-proposal.pdf"]
    expected = 100 * sum(RUBRIC.scoring[s] for s in DOCS["acme-claims-triage-proposal.pdf"][2]) / 10
    assert float(acme["readiness"]) == pytest.approx(expected, abs=0.05)


def test_most_common_gaps_and_who_one_fix_serves(reviews: list[Review]) -> None:
    p = build_portfolio(reviews, RUBRIC)
    gap_count = {r.id: sum(1 for rv in reviews if rv.finding(r.id).status != A) for r in RUBRIC.reasons}
    miss_count = {r.id: sum(1 for rv in reviews if rv.finding(r.id).status == M) for r in RUBRIC.reasons}
    expected = sorted((rid for rid in gap_count if gap_count[rid]), key=lambda rid: (-gap_count[rid], -miss_count[rid], rid))
    assert [g.reason_id for g in p.gaps] == expected[: len(p.gaps)]
    top = p.gaps[0]
    assert top.reason_id == "R04"  # missing or partial in all four, missing in three
    assert sorted(top.missing + top.partial) == sorted(DOCS)
    assert top.partial == ["gamma-contact-centre-final-report.pdf"]
    md = render_md(p)
    assert f"R04 Enterprise data: 4 of {len(reviews)}" in md


def test_proposal_and_report_of_the_same_pilot_are_paired(reviews: list[Review]) -> None:
    p = build_portfolio(reviews, RUBRIC)
    assert [(x.proposal.label, x.report.label) for x in p.pairs] == [
        ("acme-claims-triage-proposal.pdf", "Acme_Claims_Triage_Post-Pilot_Report_v2.docx")]
    assert pilot_key("Acme_Claims_Triage_Post-Pilot_Report_v2") == "acme claims triage"
    beta, gamma = reviews[2], reviews[3]
    assert similarity(beta, gamma) < PAIR_THRESHOLD
    html = render_html(p)
    assert "Proposal and report side by side" in html and "Acme_Claims_Triage_Post-Pilot_Report_v2.docx" in html


def test_html_is_self_contained_and_states_its_definitions(reviews: list[Review]) -> None:
    html = render_html(build_portfolio(reviews, RUBRIC))
    assert not re.search(r"https?://|<script|<link|@import|url\(", html, re.I)
    assert RUBRIC.scoring_definition in html
    assert RUBRIC.version in html and "offline screening engine" in html
    # One heatmap row per document with ten status cells.
    for name in DOCS:
        row = html[html.index(name):].split("</tr>")[0]
        assert len(re.findall(r'class="s (addressed|partial|missing)"', row)) == 10


def test_spreadsheet_formulas_in_names_are_neutralised() -> None:
    rv = make_review("=HYPERLINK(x).pdf", DocType.PROPOSAL, "t", [A] * 10)
    text = render_csv(build_portfolio([rv], RUBRIC))
    assert "\n'=HYPERLINK(x).pdf," in text


def test_failed_documents_are_listed_apart(reviews: list[Review], tmp_path: Path) -> None:
    result = BatchResult(outcomes=[Outcome(path=rv.document.path, status="reviewed", review=rv) for rv in reviews]
                         + [Outcome(path="/in/broken.pdf", status="failed", error="/in/broken.pdf: is damaged.")])
    written = write_portfolio(result, RUBRIC, tmp_path)
    assert sorted(p.name for p in written) == ["portfolio.csv", "portfolio.html", "portfolio.md"]
    assert result.portfolio == [str(p) for p in written]
    p = from_batch(result, RUBRIC, tmp_path)
    assert len(p.rows) == len(reviews) and [f.path for f in p.failed] == ["/in/broken.pdf"]
    assert "broken.pdf" in (tmp_path / "portfolio.html").read_text()
    assert p.mean_readiness == pytest.approx(sum(r.readiness for r in reviews) / len(reviews), abs=0.05)


def _docx(path: Path, text: str) -> None:
    d = docx.Document()
    d.add_heading(path.stem, 0)
    d.add_paragraph(text)
    d.save(str(path))


def test_batch_writes_the_portfolio_only_when_asked(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _docx(src / "acme-proposal.docx", "The Head of Claims Operations will own the service. Training is planned.")
    _docx(src / "acme-report.docx", "Average claims handling time fell from 11 to 8 days in live operations.")
    out = tmp_path / "out"
    result = review_paths([src], out=out, engine="screen", formats=("portfolio",))
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert names == ["portfolio.csv", "portfolio.html", "portfolio.md"]
    rows = list(csv.DictReader(io.StringIO((out / "portfolio.csv").read_text(encoding="utf-8-sig"))))
    assert {r["document"]: float(r["readiness"]) for r in rows} == {
        o.review.document.name: o.review.readiness for o in result.outcomes if o.review}
    out2 = tmp_path / "out2"
    review_paths([src], out=out2, engine="screen", formats=("md",))
    assert not (out2 / "portfolio.html").exists()
    assert sorted(p.name for p in out2.iterdir() if not p.name.startswith(".")) == ["acme-proposal.memo.md", "acme-report.memo.md"]
