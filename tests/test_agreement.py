"""`reviewer agree`: agreement between two labellings, checked against figures computed by hand, and the
second labellings shipped beside the written sets."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewer.agreement import agreement, kappa, reference_beside
from reviewer.cli import cli
from reviewer.errors import ConfigError

from . import labelled_sets as lab

TEN = [f"R{i:02d}" for i in range(1, 11)]


def _write(path: Path, docs: dict[str, tuple[str, list[str]]], how: str = "test") -> Path:
    lines = [f'how = "{how}"']
    for file, (doc_type, statuses) in docs.items():
        st = ", ".join(f'R{i:02d} = "{s}"' for i, s in enumerate(statuses, 1))
        lines += ["[[documents]]", f'file = "{file}"', f'doc_type = "{doc_type}"', f"statuses = {{ {st} }}",
                  "[documents.why]", 'R01 = "because"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_kappa_hand_computed() -> None:
    # 4 pairs, 3 agree: po = 0.75. a: 2 addressed, 2 missing; b: 1 addressed, 3 missing.
    # pe = (2*1 + 2*3) / 16 = 0.5 -> kappa = (0.75 - 0.5) / 0.5 = 0.5
    pairs = [("addressed", "addressed"), ("addressed", "missing"), ("missing", "missing"), ("missing", "missing")]
    assert kappa(pairs) == 0.5
    assert kappa([("partial", "partial")] * 3) is None  # one status on both sides: chance agreement is 1
    assert kappa([]) is None
    assert kappa([("addressed", "missing"), ("missing", "addressed")]) == -1.0


def test_pooled_agreement_counts_and_disagreements(tmp_path: Path) -> None:
    ref = _write(tmp_path / "labels.toml", {
        "docs/a.pdf": ("proposal", ["addressed"] * 5 + ["partial"] * 5),
        "docs/b.pdf": ("report", ["missing"] * 10),
        "docs/only-ref.pdf": ("report", ["missing"] * 10),
    })
    other = _write(tmp_path / "labels_second.toml", {
        "docs/a.pdf": ("proposal", ["addressed"] * 4 + ["partial"] * 6),  # R05 addressed -> partial
        "docs/b.pdf": ("proposal", ["missing"] * 9 + ["addressed"]),  # R10 missing -> addressed, doc type differs
    })
    a = agreement([(ref, other)])
    assert (a.documents, a.items, a.agreed) == (2, 20, 18)
    assert a.accuracy == 0.9
    assert a.gap_agreement == 0.9  # both disagreements cross the addressed / gap line
    assert a.doc_type_agreed == 1
    assert a.unmatched == [str((tmp_path / "docs/only-ref.pdf").resolve())]
    assert [(d.file, d.reason_id, d.reference.value, d.other.value) for d in a.disagreements] == [
        (f"{tmp_path.name}/docs/a.pdf", "R05", "addressed", "partial"),
        (f"{tmp_path.name}/docs/b.pdf", "R10", "missing", "addressed")]
    assert a.confusion["R05"]["addressed"]["partial"] == 1 and a.per_reason["R05"].accuracy == 0.5
    assert a.per_reason["R01"].accuracy == 1.0


def test_no_shared_document_is_a_config_error(tmp_path: Path) -> None:
    ref = _write(tmp_path / "labels.toml", {"docs/a.pdf": ("proposal", ["missing"] * 10)})
    other = _write(tmp_path / "labels_second.toml", {"docs/z.pdf": ("proposal", ["missing"] * 10)})
    with pytest.raises(ConfigError, match="share no labelled document"):
        agreement([(ref, other)])
    with pytest.raises(ConfigError, match="compared with itself"):
        reference_beside(ref)


def test_cli_agree_defaults_to_labels_beside_each_file(tmp_path: Path) -> None:
    _write(tmp_path / "labels.toml", {"docs/a.pdf": ("proposal", ["addressed"] * 5 + ["missing"] * 5)})
    other = _write(tmp_path / "labels_second.toml", {"docs/a.pdf": ("proposal", ["addressed"] * 4 + ["missing"] * 6)})
    res = CliRunner().invoke(cli, ["agree", str(other), "--show", "5"])
    assert res.exit_code == 0, res.output
    assert "three-way agreement 0.90" in res.output and "R05: addressed vs missing" in res.output
    res = CliRunner().invoke(cli, ["agree", str(other), "--json"])
    assert json.loads(res.output)["agreed"] == 9
    res = CliRunner().invoke(cli, ["agree", str(tmp_path / "nowhere.toml")])
    assert res.exit_code != 0 and "nowhere.toml" in res.output


SECOND = sorted(p.parent.name for p in lab.FIXTURES.glob("*/labels_second.toml"))


def test_second_labellings_exist_for_the_measured_sets() -> None:
    assert len(SECOND) >= 12, SECOND


@pytest.mark.parametrize("name", SECOND)
def test_second_labelling_is_blind_and_covers_its_set(name: str) -> None:
    """Each second labelling says it was blind, and labels every document of its set on all ten reasons."""
    folder = lab.FIXTURES / name
    second = tomllib.loads((folder / "labels_second.toml").read_text(encoding="utf-8"))
    assert "blind" in second["how"].lower() and "engine" in second["how"].lower()
    first = tomllib.loads((folder / "labels.toml").read_text(encoding="utf-8"))
    assert sorted(d["file"] for d in second["documents"]) == sorted(d["file"] for d in first["documents"])
    for d in second["documents"]:
        assert list(d["statuses"]) == TEN, d["file"]
        assert set(d["statuses"].values()) <= {"addressed", "partial", "missing"}
        assert d["doc_type"] in ("proposal", "report")
