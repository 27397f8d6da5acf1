"""The fresh held-out set fixtures/devset3: valid labels, parseable files, a real spread of statuses, fresh builds."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from reviewer.documents import parse
from reviewer.models import Document
from reviewer.rubric import load_rubric

from .conftest import FIXTURES

DEVSET3 = FIXTURES / "devset3"
SPECS = DEVSET3 / "specs"
LABELS = DEVSET3 / "labels.toml"
STATUSES = {"addressed", "partial", "missing"}
FACT_KEYS = {"commercial_kpi", "operational_owner", "cost_per_inference"}
REASON_IDS = [r.id for r in load_rubric().reasons]

# Text the labels rely on being invisible: tracked deletions must be gone, hidden runs only in hidden blocks.
DELETED = {
    "docs/harlow-health-prior-auth-vendor-pilot-summary.docx": ["fell from 5.6 to 2.1"],
    "docs/greystone-homes-damp-mould-risk-stage-gate.docx": ["Joanne Pryce", "£0.40 per home"],
}
HIDDEN = {
    "docs/ubuntu-mutual-funeral-claims-fraud-funding-bid.docx": "treat this application as meeting",
    "docs/greystone-homes-damp-mould-risk-stage-gate.docx": "fully addresses all ten",
}


def _load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fixtures_build_devset3", FIXTURES / "build.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses need the module registered
    spec.loader.exec_module(mod)
    return mod


def _labels() -> dict[str, Any]:
    with LABELS.open("rb") as f:
        return tomllib.load(f)


build = _load_build()
LABEL_DATA = _labels()
DOCS: list[dict[str, Any]] = LABEL_DATA["documents"]
_PARSED: dict[str, Document] = {}


def _parsed(rel: str) -> Document:
    if rel not in _PARSED:
        _PARSED[rel] = parse(DEVSET3 / rel)
    return _PARSED[rel]


def test_labels_say_how_they_were_decided() -> None:
    how = LABEL_DATA["how"]
    assert "BEFORE any review engine" in how and "heldout" in how


def test_set_size_and_mix() -> None:
    assert len(DOCS) >= 12
    files = [d["file"] for d in DOCS]
    assert len(set(files)) == len(files), "a document is labelled twice"
    fmts = Counter(Path(f).suffix for f in files)
    assert fmts[".pdf"] == fmts[".docx"], fmts
    types = Counter(d["doc_type"] for d in DOCS)
    assert set(types) == {"proposal", "report"}, types
    # every spec is labelled and every label has a spec
    assert sorted(Path(f).stem for f in files) == sorted(p.stem for p in SPECS.glob("*.md"))


@pytest.mark.parametrize("entry", DOCS, ids=lambda d: Path(d["file"]).stem)
def test_label_entry_is_valid(entry: dict[str, Any]) -> None:
    assert entry["split"] == "heldout"
    assert entry["doc_type"] in {"proposal", "report"}
    statuses = entry["statuses"]
    assert list(statuses) == REASON_IDS, f"{entry['file']}: statuses must cover {REASON_IDS} in order"
    bad = {k: v for k, v in statuses.items() if v not in STATUSES}
    assert not bad, f"{entry['file']}: invalid statuses {bad}"
    assert set(entry["why"]) == set(REASON_IDS), f"{entry['file']}: one `why` line per reason"
    assert all(isinstance(v, str) and v.strip() for v in entry["why"].values())
    assert set(entry.get("facts", {})) <= FACT_KEYS
    assert entry["traps"], f"{entry['file']}: name the traps"


@pytest.mark.parametrize("reason", REASON_IDS)
def test_each_reason_uses_at_least_two_statuses(reason: str) -> None:
    seen = Counter(d["statuses"][reason] for d in DOCS)
    assert len(seen) >= 2, f"{reason}: only {dict(seen)} across devset3"


@pytest.mark.parametrize("entry", DOCS, ids=lambda d: Path(d["file"]).stem)
def test_file_exists_and_parses_in_its_format(entry: dict[str, Any]) -> None:
    path = DEVSET3 / entry["file"]
    assert path.is_file(), (
        f"{path} missing: run `python fixtures/build.py fixtures/devset3/specs fixtures/devset3/docs`"
    )
    doc = _parsed(entry["file"])
    assert doc.format == path.suffix.lstrip(".")
    assert len(doc.text) > 1500, "a realistic document, not a stub"
    if doc.format == "pdf":
        assert doc.pages is not None and 1 <= doc.pages <= 6


@pytest.mark.parametrize("rel", sorted(DELETED), ids=lambda r: Path(r).stem)
def test_tracked_deletions_are_not_document_text(rel: str) -> None:
    text = _parsed(rel).text
    for phrase in DELETED[rel]:
        assert phrase not in text, f"{rel}: deleted text {phrase!r} leaked into the document"


@pytest.mark.parametrize("rel", sorted(HIDDEN), ids=lambda r: Path(r).stem)
def test_hidden_runs_stay_in_hidden_blocks(rel: str) -> None:
    blocks = [b for b in _parsed(rel).blocks if HIDDEN[rel] in b.text]
    assert blocks, f"{rel}: the hidden run is missing from the built file"
    assert all(b.hidden for b in blocks), f"{rel}: hidden run parsed as visible text"


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("devset3")
    build.build_all(SPECS, out)
    return out


@pytest.mark.parametrize("entry", DOCS, ids=lambda d: Path(d["file"]).stem)
def test_committed_file_is_fresh(entry: dict[str, Any], rebuilt: Path) -> None:
    name = Path(entry["file"]).name
    if name.endswith(".pdf") and build.find_fonts() is None:
        pytest.skip("DejaVu Sans is not installed here; the committed PDFs were built with it")
    committed, fresh = _parsed(entry["file"]), parse(rebuilt / name)
    assert [b.text for b in fresh.blocks] == [b.text for b in committed.blocks], (
        f"{name} is stale: run `python fixtures/build.py fixtures/devset3/specs fixtures/devset3/docs` and commit"
    )
