from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.errors import RubricError
from reviewer.rubric import load_rubric, prompts_dir


def test_shipped_rubric_has_ten_reasons_with_both_questions() -> None:
    r = load_rubric()
    assert [x.id for x in r.reasons] == [f"R{i:02d}" for i in range(1, 11)]
    for reason in r.reasons:
        assert reason.question_proposal and reason.question_report and reason.fix and reason.why_it_matters
        assert reason.question_proposal != reason.question_report
    assert r.version.startswith("sha256:")


def test_version_is_content_hash(tmp_path: Path) -> None:
    src = (prompts_dir() / "rubric.toml").read_text(encoding="utf-8")
    a = tmp_path / "a.toml"
    a.write_text(src, encoding="utf-8")
    b = tmp_path / "b.toml"
    b.write_text(src.replace("Commercial KPI", "Commercial outcome KPI", 1), encoding="utf-8")
    assert load_rubric(a).version == load_rubric().version
    assert load_rubric(b).version != load_rubric(a).version


def test_validation_error_names_file_and_field(tmp_path: Path) -> None:
    src = (prompts_dir() / "rubric.toml").read_text(encoding="utf-8")
    bad = tmp_path / "firm.toml"
    bad.write_text(src.replace('short = "Unit economics"\n', "", 1), encoding="utf-8")
    with pytest.raises(RubricError) as ei:
        load_rubric(bad)
    msg = str(ei.value)
    assert "firm.toml" in msg and "reasons[4 R05].short" in msg


def test_bad_toml_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "x.toml"
    bad.write_text("name = ", encoding="utf-8")
    with pytest.raises(RubricError, match="not valid TOML"):
        load_rubric(bad)
    with pytest.raises(RubricError, match="cannot read rubric"):
        load_rubric(tmp_path / "nope.toml")
