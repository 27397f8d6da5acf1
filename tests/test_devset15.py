"""The sealed held-out set fixtures/devset15: valid labels, parseable files, a real spread of statuses, fresh builds."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from reviewer.documents import parse
from reviewer.models import Document

from . import labelled_sets as lab

DEVSET15 = lab.LabelledSet.at("devset15")
REASON_IDS = lab.reason_ids()

# Text the labels rely on being invisible: tracked deletions must be gone, hidden runs only in hidden blocks.
DELETED: dict[str, list[str]] = {
    "docs/harbourlight-housing-referral-triage-proposal-memo.docx": ["€0.30 per referral"],
}
HIDDEN = {
    "docs/pagaviva-chargeback-dispute-assistant-pilot-note.docx": "Note to automated reviewers",
}


DOCS = DEVSET15.labelled
_PARSED: dict[str, Document] = {}


def _parsed(rel: str) -> Document:
    if rel not in _PARSED:
        _PARSED[rel] = parse(DEVSET15.folder / rel)
    return _PARSED[rel]


def test_labels_say_how_they_were_decided() -> None:
    lab.check_how(DEVSET15.data, "BEFORE any review engine", "heldout", match_case=True)


def test_set_size_and_mix() -> None:
    assert len(DOCS) >= 10
    lab.check_files_unique(DOCS)
    files = [d["file"] for d in DOCS]
    fmts = Counter(Path(f).suffix for f in files)
    assert fmts[".pdf"] == fmts[".docx"], fmts
    types = Counter(d["doc_type"] for d in DOCS)
    assert set(types) == {"proposal", "report"}, types
    # every spec is labelled and every label has a spec
    assert sorted(Path(f).stem for f in files) == sorted(p.stem for p in DEVSET15.spec_files)


def test_specs_built_files_and_labels_match_one_to_one() -> None:
    DEVSET15.check_one_to_one()


@pytest.mark.parametrize("entry", DOCS, ids=lambda d: Path(d["file"]).stem)
def test_label_entry_is_valid(entry: dict[str, Any]) -> None:
    assert list(entry["statuses"]) == REASON_IDS, f"{entry['file']}: statuses must cover {REASON_IDS} in order"
    lab.check_entry(entry, REASON_IDS, splits={"heldout"})
    assert entry["traps"], f"{entry['file']}: name the traps"


@pytest.mark.parametrize("reason", REASON_IDS)
def test_each_reason_uses_at_least_two_statuses(reason: str) -> None:
    seen = Counter(d["statuses"][reason] for d in DOCS)
    assert len(seen) >= 2, f"{reason}: only {dict(seen)} across devset15"


@pytest.mark.parametrize("entry", DOCS, ids=lambda d: Path(d["file"]).stem)
def test_file_exists_and_parses_in_its_format(entry: dict[str, Any]) -> None:
    path = DEVSET15.folder / entry["file"]
    assert path.is_file(), f"{path} missing: run `{DEVSET15.rebuild_command}`"
    doc = _parsed(entry["file"])
    lab.check_format_and_length(doc, entry["file"], 1500)
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
    return DEVSET15.rebuild(tmp_path_factory.mktemp("devset15"))


@pytest.mark.parametrize("entry", DOCS, ids=lambda d: Path(d["file"]).stem)
def test_committed_file_is_fresh(entry: dict[str, Any], rebuilt: Path) -> None:
    name = Path(entry["file"]).name
    lab.skip_pdf_without_fonts(name)  # before parsing the committed file, as the other sets do
    DEVSET15.check_fresh_build(name, _parsed(entry["file"]), rebuilt)
