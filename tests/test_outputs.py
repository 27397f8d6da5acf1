from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.errors import OutputError
from reviewer.outputs import atomic_write, inside, output_stems, safe_component


def test_same_name_in_two_folders_never_collides(tmp_path: Path) -> None:
    a = tmp_path / "client1" / "report.pdf"
    b = tmp_path / "client2" / "report.pdf"
    c = tmp_path / "client1" / "report.docx"
    stems = output_stems([(a, "report.pdf"), (b, "report.pdf"), (c, "report.docx")])
    assert len(set(stems.values())) == 3
    assert stems[c] == "report-docx"


def test_subfolders_are_kept(tmp_path: Path) -> None:
    a = tmp_path / "x" / "a.pdf"
    stems = output_stems([(a, "east/a.pdf")])
    assert stems[a] == "east/a"


@pytest.mark.parametrize("name", ["../../etc/passwd", "/abs/path.pdf", "..", "con\x00trol.pdf", "ｆｕｌｌ／ｗｉｄｔｈ.pdf"])
def test_hostile_names_stay_inside_out(tmp_path: Path, name: str) -> None:
    stems = output_stems([(tmp_path / "f.pdf", name)])
    target = inside(tmp_path / "out", stems[tmp_path / "f.pdf"] + ".memo.md")
    assert (tmp_path / "out").resolve() in target.parents


def test_inside_refuses_escape(tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        inside(tmp_path, "../x.md")


def test_safe_component() -> None:
    assert safe_component("a/b\\c.pdf") == "a_b_c.pdf"
    assert safe_component("...") == "document"


def test_atomic_write_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "memo.md"
    atomic_write(target, "first")
    import os

    def boom(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OutputError, match=r"memo\.md"):
        atomic_write(target, "second")
    assert target.read_text() == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.md"]
