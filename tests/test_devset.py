"""The labelled development set (fixtures/devset): labels are valid and balanced, every file parses, specs are built."""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from reviewer.documents import parse
from reviewer.models import DocType, Document
from reviewer.rubric import load_rubric

from .conftest import FIXTURES

DEVSET = FIXTURES / "devset"
SPECS = DEVSET / "specs"
DOCS = DEVSET / "docs"
LABELS = DEVSET / "labels.toml"
STATUSES = {"addressed", "partial", "missing"}
FACT_KEYS = {"commercial_kpi", "operational_owner", "cost_per_inference"}
SPLITS = {"dev", "heldout"}
MIN_DOC_TYPE_AGREEMENT = 0.80


def _load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fixtures_build_devset", FIXTURES / "build.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses need the module registered
    spec.loader.exec_module(mod)
    return mod


build = _load_build()


def _load_labels() -> dict[str, Any]:
    with LABELS.open("rb") as f:
        return tomllib.load(f)


LABELS_DATA = _load_labels()
LABELLED: list[dict[str, Any]] = LABELS_DATA["documents"]
SPEC_FILES = sorted(SPECS.glob("*.md"))


def _visible(doc: Document) -> str:
    return " ".join(" ".join(b.text.split()) for b in doc.blocks if not b.hidden)


@pytest.fixture(scope="module")
def parsed() -> dict[str, Document]:
    """Every labelled file parsed once, keyed by its labels path."""
    return {d["file"]: parse(DEVSET / d["file"]) for d in LABELLED}


# --------------------------------------------------------------------------- labels


def test_labels_validate_against_the_rubric() -> None:
    reason_ids = {r.id for r in load_rubric().reasons}
    assert len(reason_ids) == 10
    how = LABELS_DATA["how"].lower()
    assert "before" in how and "heldout" in how, "`how` must say labels were written before any engine run"
    files = [d["file"] for d in LABELLED]
    assert len(files) == len(set(files)), "a file is labelled twice"
    for d in LABELLED:
        where = d["file"]
        assert where.startswith("docs/"), f"{where}: paths are relative to fixtures/devset/ (docs/...)"
        assert DocType(d["doc_type"]), where
        assert d["split"] in SPLITS, where
        assert set(d["statuses"]) == reason_ids, where
        assert set(d["statuses"].values()) <= STATUSES, where
        assert set(d["why"]) == reason_ids, where
        assert all(isinstance(v, str) and v.strip() for v in d["why"].values()), where
        assert set(d.get("facts", {})) <= FACT_KEYS, where
        assert all(isinstance(v, str) and v.strip() for v in d.get("facts", {}).values()), where
        assert isinstance(d.get("traps", []), list) and d.get("traps"), f"{where}: name the traps it carries"


def test_split_sizes_formats_and_types() -> None:
    splits = Counter(d["split"] for d in LABELLED)
    assert splits["dev"] >= 16 and splits["heldout"] >= 4, splits
    fmts = Counter(Path(d["file"]).suffix for d in LABELLED)
    assert fmts[".pdf"] >= 8 and fmts[".docx"] >= 8, fmts
    for split in SPLITS:
        types = {d["doc_type"] for d in LABELLED if d["split"] == split}
        assert types == {"proposal", "report"}, f"{split} split needs both proposals and reports"


def test_every_reason_has_all_three_statuses() -> None:
    for rid in sorted(LABELLED[0]["statuses"]):
        seen = Counter(d["statuses"][rid] for d in LABELLED)
        assert set(seen) == STATUSES, f"{rid}: only {dict(seen)} across the set"
    dev_gaps = Counter(d["statuses"][r] != "addressed" for d in LABELLED if d["split"] == "dev" for r in d["statuses"])
    assert dev_gaps[True] and dev_gaps[False], "the dev split needs both gaps and addressed reasons"


def test_specs_built_and_labelled_one_to_one() -> None:
    built = {f"docs/{p.stem}.{build.parse_spec(p).fmt}" for p in SPEC_FILES}
    on_disk = {f"docs/{p.name}" for p in DOCS.iterdir() if p.suffix in (".pdf", ".docx")}
    labelled = {d["file"] for d in LABELLED}
    assert built == on_disk, "specs and built files differ: run `python fixtures/build.py fixtures/devset/specs fixtures/devset/docs`"
    assert labelled == built, "every devset document needs exactly one labels entry"


# --------------------------------------------------------------------------- the files


@pytest.mark.parametrize("label", LABELLED, ids=lambda d: Path(d["file"]).stem)
def test_labelled_file_parses(label: dict[str, Any], parsed: dict[str, Document]) -> None:
    path = DEVSET / label["file"]
    doc = parsed[label["file"]]
    assert doc.format == path.suffix.lstrip(".")
    assert len(doc.text) > 800 and doc.blocks


def test_length_varies_with_long_documents(parsed: dict[str, Document]) -> None:
    pages = [d.pages for d in parsed.values() if d.pages]
    assert min(pages) <= 2, "the set needs short documents"
    assert sum(p >= 8 for p in pages) >= 2, "the set needs at least two documents of 8+ pages"


def test_fact_names_and_amounts_appear_in_the_visible_text(parsed: dict[str, Document]) -> None:
    """Owner names and unit costs in the labels are read from the document, not invented."""
    for d in LABELLED:
        text = _visible(parsed[d["file"]])
        facts = d.get("facts", {})
        if "operational_owner" in facts:
            name = facts["operational_owner"].split(",")[0].strip()
            assert name in text, f"{d['file']}: owner {name!r} not in the visible text"
        if "cost_per_inference" in facts:
            amount = re.match(r"[£$€][\d.,]+", facts["cost_per_inference"])
            assert amount and amount.group(0) in text, f"{d['file']}: {facts['cost_per_inference']!r} not in the text"


def test_labels_that_rest_on_tracked_and_hidden_text_see_what_a_reader_sees(parsed: dict[str, Document]) -> None:
    """Cobalt's owner is a tracked insertion, its portfolio owner hidden; Harbourside's portfolio owner is deleted."""
    cobalt = _visible(parsed["docs/cobalt-card-fraud-alert-triage-proposal.docx"])
    assert "under Marcus Hale, VP Fraud Operations" in cobalt
    assert "The business will own the model" not in cobalt
    assert "Chief AI Officer owns" not in cobalt
    harbourside = parsed["docs/harbourside-collections-prioritisation-pilot-report.docx"].text
    assert "Elaine Brody" not in harbourside


def test_doc_type_detection_agrees_with_labels(parsed: dict[str, Document]) -> None:
    misses = [
        f"{d['file']}: labelled {d['doc_type']}, detected {parsed[d['file']].doc_type.value} "
        f"({parsed[d['file']].doc_type_reason})"
        for d in LABELLED
        if parsed[d["file"]].doc_type.value != d["doc_type"]
    ]
    agreement = 1 - len(misses) / len(LABELLED)
    if misses:
        print("doc-type detection misses:\n  " + "\n  ".join(misses))
    assert agreement >= MIN_DOC_TYPE_AGREEMENT, f"agreement {agreement:.2f}; misses:\n" + "\n".join(misses)


# --------------------------------------------------------------------------- the build


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("devset_rebuilt")
    build.build_all(SPECS, out)
    return out


@pytest.mark.parametrize("spec_path", SPEC_FILES, ids=lambda p: p.stem)
def test_committed_file_matches_its_spec(spec_path: Path, rebuilt: Path, parsed: dict[str, Document]) -> None:
    name = f"{spec_path.stem}.{build.parse_spec(spec_path).fmt}"
    if name.endswith(".pdf") and build.find_fonts() is None:
        pytest.skip("DejaVu Sans is not installed here; the committed PDFs were built with it")
    committed, fresh = parsed[f"docs/{name}"], parse(rebuilt / name)
    assert [b.text for b in fresh.blocks] == [b.text for b in committed.blocks], (
        f"{name} is stale: run `python fixtures/build.py fixtures/devset/specs fixtures/devset/docs` and commit"
    )
