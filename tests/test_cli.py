"""The CLI end to end: outputs, summary, exit codes (0 all reviewed, 1 some failed, 2 usage error)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewer.cli import cli
from reviewer.models import Review
from tests.helpers import STRONG_PROPOSAL, make_docx


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    make_docx(d / "claims-proposal.docx", STRONG_PROPOSAL)
    return d


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_review_writes_memo_and_json_and_exits_0(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, _ = run("review", str(inbox), "--out", str(out), "--format", "md,json")
    assert code == 0, stdout
    memo = (out / "claims-proposal.memo.md").read_text(encoding="utf-8")
    review = Review.model_validate_json((out / "claims-proposal.review.json").read_text(encoding="utf-8"))
    assert "offline screening engine" in memo and review.engine.name == "screen"
    assert review.rubric_version in memo
    assert len(review.findings) == 10
    assert f"Memos written to {out}" in stdout
    assert not list(out.rglob("*.part"))


def test_bad_file_fails_alone_exit_1(inbox: Path, tmp_path: Path) -> None:
    (inbox / "empty.docx").write_bytes(b"")
    (inbox / "fake.pdf").write_bytes(b"%PDF-1.4\n garbage that is not a pdf")
    (inbox / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    out = tmp_path / "out"
    code, stdout, _ = run("review", str(inbox), "--out", str(out), "--format", "md,json")
    assert code == 1
    assert (out / "claims-proposal.memo.md").exists()
    assert "Reviewed 1 of 4 document(s); 3 failed." in stdout
    for name, words in [("empty.docx", "empty"), ("fake.pdf", "damaged"), ("old.doc", "not a PDF or DOCX")]:
        line = next(ln for ln in stdout.splitlines() if name in ln and ln.strip().startswith("-"))
        assert words in line, line
    assert not (out / "empty.memo.md").exists()


def test_usage_errors_exit_2(inbox: Path, tmp_path: Path) -> None:
    assert run("review", str(tmp_path / "nope"))[0] == 2
    code, _, stderr = run("review", str(inbox), "--out", str(tmp_path / "o"), "--format", "md,pptx")
    assert code == 2 and "pptx" in stderr
    bad = tmp_path / "r.toml"
    bad.write_text("name = 'x'\n", encoding="utf-8")
    code, _, stderr = run("review", str(inbox), "--out", str(tmp_path / "o"), "--rubric", str(bad))
    assert code == 2 and "r.toml" in stderr and "reasons" in stderr
    empty = tmp_path / "empty-dir"
    empty.mkdir()
    code, _, stderr = run("review", str(empty), "--out", str(tmp_path / "o"))
    assert code == 2 and "no PDF or DOCX" in stderr


def test_doc_type_override_and_json(inbox: Path, tmp_path: Path) -> None:
    code, stdout, _ = run("review", str(inbox), "--out", str(tmp_path / "o"), "--doc-type", "report", "--json",
                          "--format", "json")
    assert code == 0
    data = json.loads(stdout)
    assert data["outcomes"][0]["status"] == "reviewed"
    r = Review.model_validate_json((tmp_path / "o" / "claims-proposal.review.json").read_text(encoding="utf-8"))
    assert r.document.doc_type == "report" and r.document.doc_type_source == "override"


def test_rubric_command_prints_version() -> None:
    code, stdout, _ = run("rubric")
    assert code == 0
    assert "version sha256:" in stdout and "R10" in stdout
