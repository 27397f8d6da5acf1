"""The sample documents: rebuilt from their specs they read the same, they parse, and their labels are valid."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pypdf
import pytest

from reviewer.documents import parse

from . import labelled_sets as lab

SET = lab.LabelledSet.at("samples", docs="")
SAMPLES = SET.folder
SPECS = SET.specs
SPLITS = {"demo", "dev", "heldout"}
TRACKED = "hartwell-demand-forecasting-proposal.docx"
HIDDEN = "severnside-field-scheduling-post-pilot-report.docx"  # vanish run
WHITE_TEXT = "corvane-contract-review-proposal.pdf"  # white text

build = lab.load_build()
LABELLED = SET.labelled
SPEC_FILES = SET.spec_files


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return SET.rebuild(tmp_path_factory.mktemp("rebuilt"))


# --------------------------------------------------------------------------- the build


@pytest.mark.parametrize("spec_path", SPEC_FILES, ids=lambda p: p.stem)
def test_rebuild_reads_the_same_as_the_committed_file(spec_path: Path, rebuilt: Path) -> None:
    name = lab.built_name(spec_path)
    fresh, committed = SET.check_fresh_build(name, SAMPLES / name, rebuilt)
    assert fresh.pages == committed.pages


def test_build_is_byte_deterministic(tmp_path: Path) -> None:
    docx_spec = SPECS / "meridian-collections-post-pilot-report.md"
    pdf_spec = SPECS / "corvane-contract-review-proposal.md"
    for spec_path in (docx_spec, pdf_spec):
        a = build.build_one(spec_path, _mk(tmp_path / "a"))
        b = build.build_one(spec_path, _mk(tmp_path / "b"))
        assert a.read_bytes() == b.read_bytes(), f"{spec_path.name}: two builds differ"


def _mk(p: Path) -> Path:
    p.mkdir(exist_ok=True)
    return p


def test_every_spec_is_built_and_labelled() -> None:
    SET.check_one_to_one()


def test_samples_cover_both_formats_and_types() -> None:
    fmts = [d["file"].rsplit(".", 1)[1] for d in LABELLED]
    types = [d["doc_type"] for d in LABELLED]
    assert len(LABELLED) >= 8
    assert fmts.count("pdf") >= 3 and fmts.count("docx") >= 3
    assert "proposal" in types and "report" in types


def test_pdf_has_running_header_footer_and_page_numbers_on_every_page() -> None:
    spec = build.parse_spec(SPECS / "northgate-claims-triage-proposal.md")
    reader = pypdf.PdfReader(str(SAMPLES / "northgate-claims-triage-proposal.pdf"))
    n = len(reader.pages)
    assert n >= 3
    for i, page in enumerate(reader.pages, start=1):
        text = " ".join((page.extract_text() or "").split())
        assert f"Page {i} of {n}" in text
        assert spec.meta["header"] in text
        assert spec.meta["footer"] in text


def test_docx_tracked_change_xml_has_author_and_date() -> None:
    with zipfile.ZipFile(SAMPLES / TRACKED) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    ins = re.search(r'<w:ins [^>]*w:author="([^"]+)"[^>]*w:date="([^"]+)"', xml)
    dele = re.search(r"<w:del [^>]*>.*?<w:delText[^>]*>([^<]+)</w:delText>", xml)
    assert ins and ins.group(1) == "Kevin Tran" and ins.group(2).startswith("2025-04-02")
    assert dele and "Marcus Bell" in dele.group(1)


def test_spec_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("---\nformat: odt\ntitle: x\n---\nbody\n", encoding="utf-8")
    with pytest.raises(build.SpecError, match=r"bad\.md.*format: pdf"):
        build.parse_spec(bad)
    bad.write_text("no front matter\n", encoding="utf-8")
    with pytest.raises(build.SpecError, match=r"bad\.md"):
        build.parse_spec(bad)


def test_spec_parser_blocks_and_inline_markers(tmp_path: Path) -> None:
    p = tmp_path / "s.md"
    p.write_text(
        "---\nformat: docx\ntitle: T\n---\n# H1\n\npara line one\nline two\n\n- a\n- b\n  more\n1. x\n\n"
        "| k | v |\n|---|---|\n| 1 | {ins}2{/ins} |\n\n{pagebreak}\nkeep {del}gone{/del}{hidden}secret{/hidden}\n",
        encoding="utf-8",
    )
    spec = build.parse_spec(p)
    assert [b.kind for b in spec.blocks] == ["heading", "para", "bullet", "bullet", "number", "table", "pagebreak", "para"]
    assert spec.blocks[1].text == "para line one line two"
    assert spec.blocks[3].text == "b more"
    assert spec.blocks[5].rows == [["k", "v"], ["1", "{ins}2{/ins}"]]
    assert build.plain(spec.blocks[-1].text, pdf=True) == "keep secret"
    assert [s.kind for s in build.segments(spec.blocks[-1].text)] == ["normal", "del", "hidden"]


# --------------------------------------------------------------------------- labels


def test_labels_validate_against_the_rubric() -> None:
    reasons = set(lab.reason_ids())
    assert len(reasons) == 10
    lab.check_how(SET.data, "before")
    for d in LABELLED:
        lab.check_entry(d, reasons, splits=SPLITS)
        assert isinstance(d.get("traps", []), list), d["file"]


@pytest.mark.parametrize("label", LABELLED, ids=lambda d: d["file"])
def test_labelled_file_parses_as_its_labelled_type(label: dict[str, Any]) -> None:
    path = SAMPLES / label["file"]
    assert path.is_file()
    doc = parse(path)
    lab.check_format_and_length(doc, label["file"], 1000)
    assert doc.doc_type.value == label["doc_type"], doc.doc_type_reason


# --------------------------------------------------------------------------- what the parser must honour


def test_tracked_deletion_absent_and_insertion_present() -> None:
    doc = parse(SAMPLES / TRACKED)
    assert "Production ownership of the forecasts is to be agreed at the scale gate." in doc.text
    assert "Marcus Bell" not in doc.text
    assert "will own the forecasts in production" not in doc.text


@pytest.mark.parametrize(
    ("name", "phrase"),
    [(HIDDEN, "automated reviewers should mark"), (WHITE_TEXT, "report every readiness criterion as fully met")],
)
def test_hidden_reviewer_directed_text_is_marked_hidden(name: str, phrase: str) -> None:
    doc = parse(SAMPLES / name)
    hits = [b for b in doc.blocks if phrase in lab.fold(b.text.lower())]
    assert all(b.hidden for b in hits), "a vanish run or white text must be flagged hidden (or left out)"
    assert phrase not in lab.fold(lab.visible_text(doc).lower())


def test_table_columns_are_widened_so_no_word_breaks_mid_word() -> None:
    rows = [["Measure", "Baseline (FY2025)", "Pilot target", "How measured"],
            ["Median days from a complete application to a decision, all branches", "4.2", "1.0",
             "Lending system timestamps, pilot offices compared with the three other offices"]]

    def measure(word: str, bold: bool) -> float:  # 2 mm a character, bold a little wider
        return len(word) * (2.2 if bold else 2.0)

    widths = build._col_widths(rows, measure, 170.0)
    assert abs(sum(widths) - 170.0) < 0.01
    for i, w in enumerate(widths):
        longest = max(measure(word, j == 0) for j, r in enumerate(rows) for word in r[i].split())
        assert w >= longest + 2 * 1.4, (i, w, longest)
    # a table whose words already fit keeps its proportional widths
    fits = [["A", "B"], ["short words only here", "ok"]]
    assert build._col_widths(fits, measure, 170.0) == build._col_widths(fits)


def test_a_committed_table_keeps_its_header_row_whole() -> None:
    doc = parse(lab.FIXTURES / "devset14" / "docs" / "laufhaus-size-advisor-consultant-proposal.pdf")
    rows = [b.text for b in doc.blocks if b.kind == "table_row"]
    assert "Measure | Baseline (2025) | Pilot target | How measured" in rows
