"""`reviewer eval`: the metrics on a tiny labels file, checked against numbers computed by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewer.cli import cli
from reviewer.errors import ConfigError
from reviewer.evaluate import DocResult, evaluate, fact_matches, label_keywords, load_labels, score
from reviewer.models import DocType, Status

A, P, M = Status.ADDRESSED, Status.PARTIAL, Status.MISSING


def _doc(split: str, labelled: dict[str, Status], predicted: dict[str, Status], **kw: object) -> DocResult:
    return DocResult(file=f"{split}.pdf", split=split, doc_type_label=DocType.PROPOSAL, doc_type_detected=DocType.PROPOSAL,
                     labelled=labelled, predicted=predicted, **kw)


def test_score_hand_computed() -> None:
    # doc1: R01 a->a, R02 p->m, R03 m->a ; doc2: R01 p->p, R02 a->p, R03 m->m ; doc3: R01 a->m, R02 m->m, R03 p->p
    docs = [
        _doc("dev", {"R01": A, "R02": P, "R03": M}, {"R01": A, "R02": M, "R03": A}, quotes_verified=4, quotes_dropped=1,
             facts={"commercial_kpi": True, "operational_owner": None, "cost_per_inference": False},
             facts_extracted={"operational_owner": ["Head of Ops"]}),
        _doc("dev", {"R01": P, "R02": A, "R03": M}, {"R01": P, "R02": P, "R03": M}, quotes_verified=3,
             facts={"commercial_kpi": False, "operational_owner": None, "cost_per_inference": None}),
        _doc("dev", {"R01": A, "R02": M, "R03": P}, {"R01": M, "R02": M, "R03": P}, quotes_verified=2, quotes_dropped=2),
    ]
    s = score("dev", docs, ["R01", "R02", "R03"])
    # correct: doc1 1 (R01), doc2 2 (R01, R03), doc3 2 (R02, R03) -> 5 of 9
    assert s.items == 9 and s.correct == 5 and s.accuracy == round(5 / 9, 4)
    # gap positives (label p/m) vs predicted p/m:
    # doc1 R02 p->m TP, R03 m->a FN ; doc2 R01 p->p TP, R02 a->p FP, R03 m->m TP ; doc3 R01 a->m FP, R02 TP, R03 TP
    assert (s.gap_tp, s.gap_fp, s.gap_fn) == (5, 2, 1)
    assert s.gap_precision == round(5 / 7, 4)
    assert s.gap_recall == round(5 / 6, 4)
    # quotes: verified 4+3+2 = 9 of 9 + 1 + 2 dropped = 12
    assert (s.quotes_verified, s.quotes_total, s.quote_share) == (9, 12, 0.75)
    assert s.confusion["R01"] == {"addressed": {"addressed": 1, "partial": 0, "missing": 1},
                                  "partial": {"addressed": 0, "partial": 1, "missing": 0},
                                  "missing": {"addressed": 0, "partial": 0, "missing": 0}}
    assert s.confusion["R03"]["missing"] == {"addressed": 1, "partial": 0, "missing": 1}
    assert s.reason_accuracy == {"R01": round(2 / 3, 4), "R02": round(1 / 3, 4), "R03": round(2 / 3, 4)}
    assert s.facts["commercial_kpi"].labelled == 2 and s.facts["commercial_kpi"].matched == 1
    assert s.facts["operational_owner"].labelled == 0 and s.facts["operational_owner"].extracted_unlabelled == 1
    assert s.facts["cost_per_inference"].labelled == 1 and s.facts["cost_per_inference"].matched == 0


def test_failed_document_is_counted_not_scored() -> None:
    docs = [_doc("dev", {"R01": A}, {"R01": A}), _doc("dev", {"R01": M}, {}, error="DocumentError: broken")]
    s = score("dev", docs, ["R01"])
    assert s.documents == 2 and s.failed == 1 and s.items == 1 and s.accuracy == 1.0
    assert s.gap_recall is None  # no positive labels among scored items


@pytest.mark.parametrize("label, extracted, expected", [
    ("Head of Claims Operations", ["Head of Claims Operations"], True),
    ("Priya Raman, Head of Claims Operations", ["Head of Claims Operations"], True),
    ("Head of Claims Operations", ["Head of Claims"], True),  # 2 of 3 key words (head is a key word too)
    ("Head of Claims Operations", ["Claims team"], False),
    ("average settlement cycle time (baseline 14.2 days, target 10.5)", ["settlement cycle time 14.2 days 10.5 days"], True),
    ("£0.0042 per scored claim", ["£0.0042 per scored claim"], True),
    ("£0.0042 per scored claim", ["£0.40 per contract"], False),
    ("on-time delivery rate: 91.2% vs 88.6%", ["on-time delivery rate"], True),
])
def test_fact_matching(label: str, extracted: list[str], expected: bool) -> None:
    assert fact_matches(label, extracted) is expected


def test_label_keywords_drop_asides() -> None:
    assert label_keywords("average time (baseline 23 days; target not set)") == [{"average", "time"}]


def _labels_file(tmp_path: Path, docs: Path) -> Path:
    body = f'''how = "test"
[[documents]]
file = "{docs.name}/good.pdf"
doc_type = "proposal"
split = "dev"
statuses = {{ R01 = "addressed", R02 = "missing", R03 = "missing", R04 = "missing", R05 = "missing", R06 = "missing", R07 = "missing", R08 = "missing", R09 = "missing", R10 = "missing" }}
[documents.facts]
commercial_kpi = "average handling time"

[[documents]]
file = "{docs.name}/weak.pdf"
doc_type = "proposal"
split = "heldout"
statuses = {{ R01 = "missing", R02 = "missing", R03 = "missing", R04 = "missing", R05 = "missing", R06 = "missing", R07 = "missing", R08 = "missing", R09 = "missing", R10 = "missing" }}
'''
    p = tmp_path / "labels.toml"
    p.write_text(body, encoding="utf-8")
    return p


def _pdf(path: Path, lines: list[str]) -> None:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


@pytest.fixture()
def tiny_labels(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    _pdf(docs / "good.pdf", ["Pilot proposal: claims triage.",
                             "Average handling time is 11 days today and the target is 8 days by the end of the pilot."])
    _pdf(docs / "weak.pdf", ["Pilot proposal: document search.", "Accuracy must exceed 90% and latency stay under 2 seconds."])
    return _labels_file(tmp_path, docs)


def test_evaluate_end_to_end_on_tiny_labels(tiny_labels: Path) -> None:
    rep = evaluate(tiny_labels, engine="screen")
    assert [s.split for s in rep.scores] == ["dev", "heldout", "all"]
    dev, held = rep.score("dev"), rep.score("heldout")
    assert dev.documents == 1 and held.documents == 1
    good = next(d for d in rep.documents if d.file.endswith("good.pdf"))
    assert good.predicted["R01"] == Status.ADDRESSED
    assert good.facts["commercial_kpi"] is True
    assert dev.quote_share == 1.0
    # heldout scored alone
    only = evaluate(tiny_labels, split="heldout")
    assert [s.split for s in only.scores] == ["heldout"]


def test_cli_eval_table_and_json(tiny_labels: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(cli, ["eval", str(tiny_labels), "--engine", "screen"])
    assert res.exit_code == 0, res.output
    assert "Confusion per reason" in res.output and "dev" in res.output
    res = runner.invoke(cli, ["eval", str(tiny_labels), "--json", "--split", "dev"])
    assert res.exit_code == 0, res.output
    import json

    data = json.loads(res.output)
    assert data["scores"][0]["split"] == "dev" and data["scores"][0]["items"] == 10


def test_several_labels_files_are_scored_as_one_pool(tiny_labels: Path, tmp_path: Path) -> None:
    other = tmp_path / "second"
    other.mkdir()
    docs = other / "docs"
    docs.mkdir()
    _pdf(docs / "good.pdf", ["Pilot proposal: claims triage.",
                             "Average handling time is 11 days today and the target is 8 days by the end of the pilot."])
    _pdf(docs / "weak.pdf", ["Pilot proposal: document search.", "Accuracy must exceed 90% and latency stay under 2 seconds."])
    second = _labels_file(other, docs)
    one = evaluate(tiny_labels)
    pooled = evaluate([tiny_labels, second])
    assert pooled.score("all").documents == 2 * one.score("all").documents
    assert pooled.score("all").correct == 2 * one.score("all").correct
    # each document is named with its set's folder, so the two "good.pdf" stay apart
    assert {d.file for d in pooled.documents} == {f"{tiny_labels.parent.name}/docs/good.pdf", f"{tiny_labels.parent.name}/docs/weak.pdf",
                                                  "second/docs/good.pdf", "second/docs/weak.pdf"}
    assert str(second) in pooled.labels and str(tiny_labels) in pooled.labels
    res = CliRunner().invoke(cli, ["eval", str(tiny_labels), str(second), "--split", "heldout"])
    assert res.exit_code == 0, res.output
    assert "heldout" in res.output and "second/docs/weak.pdf" in res.output


def test_bad_labels_file_names_file_and_field(tmp_path: Path) -> None:
    p = tmp_path / "labels.toml"
    p.write_text('[[documents]]\nfile = "x.pdf"\ndoc_type = "memo"\nstatuses = {}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_labels(p)
    assert "labels.toml" in str(e.value) and "doc_type" in str(e.value)
    res = CliRunner().invoke(cli, ["eval", str(tmp_path / "nope.toml")])
    assert res.exit_code == 2 and "does not exist" in res.output
