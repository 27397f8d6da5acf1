"""The labelled development set (fixtures/devset): labels are valid and balanced, every file parses, specs are built."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from reviewer.models import Document

from . import labelled_sets as lab

DEVSET = lab.LabelledSet.at("devset")
SPLITS = {"dev", "heldout"}
MIN_DOC_TYPE_AGREEMENT = 0.80
LABELLED = DEVSET.labelled
SPEC_FILES = DEVSET.spec_files


@pytest.fixture(scope="module")
def parsed() -> dict[str, Document]:
    """Every labelled file parsed once, keyed by its labels path."""
    return DEVSET.parse_all()


# --------------------------------------------------------------------------- labels


def test_labels_validate_against_the_rubric() -> None:
    lab.check_devset_labels(DEVSET, splits=SPLITS, how=("before", "heldout"))


def test_split_sizes_formats_and_types() -> None:
    splits = Counter(d["split"] for d in LABELLED)
    assert splits["dev"] >= 16 and splits["heldout"] >= 4, splits
    fmts = Counter(Path(d["file"]).suffix for d in LABELLED)
    assert fmts[".pdf"] >= 8 and fmts[".docx"] >= 8, fmts
    for split in SPLITS:
        types = {d["doc_type"] for d in LABELLED if d["split"] == split}
        assert types == {"proposal", "report"}, f"{split} split needs both proposals and reports"


def test_every_reason_has_all_three_statuses() -> None:
    lab.check_every_reason_has_all_statuses(LABELLED)
    dev_gaps = Counter(d["statuses"][r] != "addressed" for d in LABELLED if d["split"] == "dev" for r in d["statuses"])
    assert dev_gaps[True] and dev_gaps[False], "the dev split needs both gaps and addressed reasons"


def test_specs_built_and_labelled_one_to_one() -> None:
    DEVSET.check_one_to_one()


# --------------------------------------------------------------------------- the files


@pytest.mark.parametrize("label", LABELLED, ids=lambda d: Path(d["file"]).stem)
def test_labelled_file_parses(label: dict[str, Any], parsed: dict[str, Document]) -> None:
    doc = parsed[label["file"]]
    lab.check_format_and_length(doc, label["file"], 800)
    assert doc.blocks


def test_length_varies_with_long_documents(parsed: dict[str, Document]) -> None:
    pages = [d.pages for d in parsed.values() if d.pages]
    assert min(pages) <= 2, "the set needs short documents"
    assert sum(p >= 8 for p in pages) >= 2, "the set needs at least two documents of 8+ pages"


def test_fact_names_and_amounts_appear_in_the_visible_text(parsed: dict[str, Document]) -> None:
    """Owner names and unit costs in the labels are read from the document, not invented."""
    lab.check_facts_in_visible_text(LABELLED, parsed, amount=r"[£$€][\d.,]+")


def test_labels_that_rest_on_tracked_and_hidden_text_see_what_a_reader_sees(parsed: dict[str, Document]) -> None:
    """Cobalt's owner is a tracked insertion, its portfolio owner hidden; Harbourside's portfolio owner is deleted."""
    cobalt = lab.visible_text(parsed["docs/cobalt-card-fraud-alert-triage-proposal.docx"])
    assert "under Marcus Hale, VP Fraud Operations" in cobalt
    assert "The business will own the model" not in cobalt
    assert "Chief AI Officer owns" not in cobalt
    harbourside = parsed["docs/harbourside-collections-prioritisation-pilot-report.docx"].text
    assert "Elaine Brody" not in harbourside


def test_doc_type_detection_agrees_with_labels(parsed: dict[str, Document]) -> None:
    lab.check_doc_type_agreement(LABELLED, parsed, MIN_DOC_TYPE_AGREEMENT)


# --------------------------------------------------------------------------- the build


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return DEVSET.rebuild(tmp_path_factory.mktemp("devset_rebuilt"))


@pytest.mark.parametrize("spec_path", SPEC_FILES, ids=lambda p: p.stem)
def test_committed_file_matches_its_spec(spec_path: Path, rebuilt: Path, parsed: dict[str, Document]) -> None:
    name = lab.built_name(spec_path)
    DEVSET.check_fresh_build(name, parsed[f"docs/{name}"], rebuilt)
