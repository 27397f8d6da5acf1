"""The second writer's development set (fixtures/devset2): labels are valid, every file parses, specs are built."""

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

DEVSET2 = FIXTURES / "devset2"
SPECS = DEVSET2 / "specs"
DOCS = DEVSET2 / "docs"
LABELS = DEVSET2 / "labels.toml"
STATUSES = {"addressed", "partial", "missing"}
FACT_KEYS = {"commercial_kpi", "operational_owner", "cost_per_inference"}
MIN_DOC_TYPE_AGREEMENT = 0.80


def _load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fixtures_build_devset2", FIXTURES / "build.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses need the module registered
    spec.loader.exec_module(mod)
    return mod


build = _load_build()

with LABELS.open("rb") as _f:
    LABELS_DATA: dict[str, Any] = tomllib.load(_f)
LABELLED: list[dict[str, Any]] = LABELS_DATA["documents"]
SPEC_FILES = sorted(SPECS.glob("*.md"))


def _visible(doc: Document) -> str:
    return " ".join(" ".join(b.text.split()) for b in doc.blocks if not b.hidden)


@pytest.fixture(scope="module")
def parsed() -> dict[str, Document]:
    """Every labelled file parsed once, keyed by its labels path."""
    return {d["file"]: parse(DEVSET2 / d["file"]) for d in LABELLED}


# --------------------------------------------------------------------------- labels


def test_labels_validate_against_the_rubric() -> None:
    reason_ids = {r.id for r in load_rubric().reasons}
    assert len(reason_ids) == 10
    how = LABELS_DATA["how"].lower()
    assert "before" in how and "engine" in how, "`how` must say labels were written before any engine run"
    files = [d["file"] for d in LABELLED]
    assert len(files) == len(set(files)), "a file is labelled twice"
    for d in LABELLED:
        where = d["file"]
        assert where.startswith("docs/"), f"{where}: paths are relative to fixtures/devset2/ (docs/...)"
        assert DocType(d["doc_type"]), where
        assert d["split"] == "dev", f"{where}: every devset2 document is split = 'dev'"
        assert set(d["statuses"]) == reason_ids, where
        assert set(d["statuses"].values()) <= STATUSES, where
        assert set(d["why"]) == reason_ids, where
        assert all(isinstance(v, str) and v.strip() for v in d["why"].values()), where
        assert set(d.get("facts", {})) <= FACT_KEYS, where
        assert all(isinstance(v, str) and v.strip() for v in d.get("facts", {}).values()), where
        assert isinstance(d.get("traps"), list) and d["traps"], f"{where}: name the traps it carries"


def test_set_size_formats_and_types() -> None:
    assert len(LABELLED) >= 14
    fmts = Counter(Path(d["file"]).suffix for d in LABELLED)
    assert abs(fmts[".pdf"] - fmts[".docx"]) <= 1, f"half PDF, half DOCX: {dict(fmts)}"
    types = Counter(d["doc_type"] for d in LABELLED)
    assert min(types["proposal"], types["report"]) >= len(LABELLED) // 3, dict(types)


def test_every_reason_has_all_three_statuses() -> None:
    for rid in sorted(LABELLED[0]["statuses"]):
        seen = Counter(d["statuses"][rid] for d in LABELLED)
        assert set(seen) == STATUSES, f"{rid}: only {dict(seen)} across the set"


def test_specs_built_and_labelled_one_to_one() -> None:
    built = {f"docs/{p.stem}.{build.parse_spec(p).fmt}" for p in SPEC_FILES}
    on_disk = {f"docs/{p.name}" for p in DOCS.iterdir() if p.suffix in (".pdf", ".docx")}
    labelled = {d["file"] for d in LABELLED}
    assert built == on_disk, "specs and built files differ: run `python fixtures/build.py fixtures/devset2/specs fixtures/devset2/docs`"
    assert labelled == built, "every devset2 document needs exactly one labels entry"


def test_no_document_reuses_a_first_devset_name() -> None:
    first = {p.stem.split("-")[0] for p in (FIXTURES / "devset" / "specs").glob("*.md")}
    first |= {p.stem.split("-")[0] for p in (FIXTURES / "samples" / "specs").glob("*.md")}
    clashes = [p.name for p in SPEC_FILES if p.stem.split("-")[0] in first]
    assert not clashes, f"organisation names reused from the first writer's sets: {clashes}"


# --------------------------------------------------------------------------- the files


@pytest.mark.parametrize("label", LABELLED, ids=lambda d: Path(d["file"]).stem)
def test_labelled_file_parses_in_its_format(label: dict[str, Any], parsed: dict[str, Document]) -> None:
    doc = parsed[label["file"]]
    assert doc.format == Path(label["file"]).suffix.lstrip(".")
    assert len(doc.text) > 800 and doc.blocks


def test_doc_type_detection_agrees_with_labels(parsed: dict[str, Document]) -> None:
    misses = [
        f"{d['file']}: labelled {d['doc_type']}, detected {parsed[d['file']].doc_type.value} "
        f"({parsed[d['file']].doc_type_reason})"
        for d in LABELLED
        if parsed[d["file"]].doc_type.value != d["doc_type"]
    ]
    agreement = 1 - len(misses) / len(LABELLED)
    assert agreement >= MIN_DOC_TYPE_AGREEMENT, f"agreement {agreement:.2f}; misses:\n" + "\n".join(misses)


def test_fact_names_and_amounts_appear_in_the_visible_text(parsed: dict[str, Document]) -> None:
    """Owner names and unit costs in the labels are read from the document, not invented."""
    for d in LABELLED:
        text = _visible(parsed[d["file"]])
        facts = d.get("facts", {})
        if "operational_owner" in facts:
            name = facts["operational_owner"].split(",")[0].strip()
            assert name in text, f"{d['file']}: owner {name!r} not in the visible text"
        if "cost_per_inference" in facts:
            amount = re.match(r"[£$€][\d.,]*\d", facts["cost_per_inference"])
            assert amount and amount.group(0) in text, f"{d['file']}: {facts['cost_per_inference']!r} not in the text"


def test_tracked_and_hidden_text_is_what_the_labels_assume(parsed: dict[str, Document]) -> None:
    """Hexford's named owner and governance list are deleted, the deferral inserted, the portfolio claim hidden."""
    hexford = parsed["docs/hexford-group-payment-leakage-proposal.docx"]
    visible = _visible(hexford)
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
    out = tmp_path_factory.mktemp("devset2_rebuilt")
    build.build_all(SPECS, out)
    return out


@pytest.mark.parametrize("spec_path", SPEC_FILES, ids=lambda p: p.stem)
def test_committed_file_matches_its_spec(spec_path: Path, rebuilt: Path, parsed: dict[str, Document]) -> None:
    name = f"{spec_path.stem}.{build.parse_spec(spec_path).fmt}"
    if name.endswith(".pdf") and build.find_fonts() is None:
        pytest.skip("DejaVu Sans is not installed here; the committed PDFs were built with it")
    committed, fresh = parsed[f"docs/{name}"], parse(rebuilt / name)
    assert [b.text for b in fresh.blocks] == [b.text for b in committed.blocks], (
        f"{name} is stale: run `python fixtures/build.py fixtures/devset2/specs fixtures/devset2/docs` and commit"
    )
