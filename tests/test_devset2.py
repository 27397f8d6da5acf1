"""The second writer's development set (fixtures/devset2): labels are valid, every file parses, specs are built."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from reviewer.models import Document

from . import labelled_sets as lab
from .conftest import FIXTURES

DEVSET2 = lab.LabelledSet.at("devset2")
MIN_DOC_TYPE_AGREEMENT = 0.80
LABELLED = DEVSET2.labelled
SPEC_FILES = DEVSET2.spec_files


@pytest.fixture(scope="module")
def parsed() -> dict[str, Document]:
    """Every labelled file parsed once, keyed by its labels path."""
    return DEVSET2.parse_all()


# --------------------------------------------------------------------------- labels


def test_labels_validate_against_the_rubric() -> None:
    lab.check_devset_labels(DEVSET2, splits={"dev"}, how=("before", "engine"))


def test_set_size_formats_and_types() -> None:
    assert len(LABELLED) >= 14
    fmts = Counter(Path(d["file"]).suffix for d in LABELLED)
    assert abs(fmts[".pdf"] - fmts[".docx"]) <= 1, f"half PDF, half DOCX: {dict(fmts)}"
    types = Counter(d["doc_type"] for d in LABELLED)
    assert min(types["proposal"], types["report"]) >= len(LABELLED) // 3, dict(types)


def test_every_reason_has_all_three_statuses() -> None:
    lab.check_every_reason_has_all_statuses(LABELLED)


def test_specs_built_and_labelled_one_to_one() -> None:
    DEVSET2.check_one_to_one()


def test_no_document_reuses_a_first_devset_name() -> None:
    first = {p.stem.split("-")[0] for p in (FIXTURES / "devset" / "specs").glob("*.md")}
    first |= {p.stem.split("-")[0] for p in (FIXTURES / "samples" / "specs").glob("*.md")}
    clashes = [p.name for p in SPEC_FILES if p.stem.split("-")[0] in first]
    assert not clashes, f"organisation names reused from the first writer's sets: {clashes}"


# --------------------------------------------------------------------------- the files


@pytest.mark.parametrize("label", LABELLED, ids=lambda d: Path(d["file"]).stem)
def test_labelled_file_parses_in_its_format(label: dict[str, Any], parsed: dict[str, Document]) -> None:
    doc = parsed[label["file"]]
    lab.check_format_and_length(doc, label["file"], 800)
    assert doc.blocks


def test_doc_type_detection_agrees_with_labels(parsed: dict[str, Document]) -> None:
    lab.check_doc_type_agreement(LABELLED, parsed, MIN_DOC_TYPE_AGREEMENT)


def test_fact_names_and_amounts_appear_in_the_visible_text(parsed: dict[str, Document]) -> None:
    """Owner names and unit costs in the labels are read from the document, not invented."""
    lab.check_facts_in_visible_text(LABELLED, parsed, amount=r"[£$€][\d.,]*\d")


def test_tracked_and_hidden_text_is_what_the_labels_assume(parsed: dict[str, Document]) -> None:
    """Hexford's named owner and governance list are deleted, the deferral inserted, the portfolio claim hidden."""
    hexford = parsed["docs/hexford-group-payment-leakage-proposal.docx"]
    visible = lab.visible_text(hexford)
    assert "Keisha Monroe" not in hexford.text
    assert "bias review of supplier outcomes" not in hexford.text
    assert "will be agreed at the scale gate" in visible
    assert "Chief AI Officer" not in visible
    assert any(b.hidden and "Chief AI Officer" in b.text for b in hexford.blocks)
    hexford_label = next(d for d in LABELLED if d["file"] == "docs/hexford-group-payment-leakage-proposal.docx")
    assert hexford_label["statuses"]["R03"] == "missing" and hexford_label["statuses"]["R10"] == "missing"


# --------------------------------------------------------------------------- the build


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return DEVSET2.rebuild(tmp_path_factory.mktemp("devset2_rebuilt"))


@pytest.mark.parametrize("spec_path", SPEC_FILES, ids=lambda p: p.stem)
def test_committed_file_matches_its_spec(spec_path: Path, rebuilt: Path, parsed: dict[str, Document]) -> None:
    name = lab.built_name(spec_path)
    DEVSET2.check_fresh_build(name, parsed[f"docs/{name}"], rebuilt)
