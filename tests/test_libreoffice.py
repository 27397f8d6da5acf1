"""The Word memo and the annotated DOCX open in LibreOffice (headless conversion to PDF).

Needs Debian's LibreOffice Writer (``apt-get install libreoffice-writer-nogui``); skipped when
``soffice`` is not on PATH. CI does not install it (too slow), so there it skips.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest
from lxml import etree

from reviewer.documents import parse
from reviewer.engines.screen import ScreeningEngine
from reviewer.models import EngineResult, Evidence, Finding, Status
from reviewer.render.annotate import annotate_copy
from reviewer.render.docx_memo import render_docx_memo
from reviewer.review import assemble_review
from reviewer.rubric import load_rubric

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (soffice not on PATH); apt-get install libreoffice-writer-nogui to run",
)
RUBRIC = load_rubric()


def convert(src: Path, tmp_path: Path, fmt: str) -> Path:
    """Convert with a private LibreOffice profile (no clash with a running instance)."""
    assert SOFFICE is not None
    profile = tmp_path / "lo-profile"
    proc = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(tmp_path / fmt), str(src)],
        capture_output=True, text=True, timeout=180, check=False,
    )
    out = tmp_path / fmt / f"{src.stem}.{fmt}"
    assert proc.returncode == 0 and out.exists(), f"LibreOffice failed on {src.name}: {proc.stderr[-500:]}"
    return out


def to_pdf(src: Path, tmp_path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(str(convert(src, tmp_path, "pdf")))


OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def odt_annotations(path: Path) -> tuple[list[str], dict[str, str]]:
    """(the body of each annotation, annotation name -> text between it and its end) as LibreOffice read them."""
    root = etree.fromstring(zipfile.ZipFile(path).read("content.xml"))
    bodies: list[str] = []
    spans: dict[str, str] = {}
    active: list[str] = []

    def add(text: str | None) -> None:
        for name in active:
            spans[name] += text or ""

    def walk(el: etree._Element) -> None:
        if el.tag == f"{OFFICE}annotation":
            bodies.append("\n".join("".join(p.itertext()) for p in el.iter(f"{TEXT}p")))
            name = el.get(f"{OFFICE}name")
            if name:
                active.append(name)
                spans[name] = ""
        elif el.tag == f"{OFFICE}annotation-end":
            name = el.get(f"{OFFICE}name")
            if name in active:
                active.remove(name)
        elif el.tag == f"{TEXT}s":
            add(" " * int(el.get(f"{TEXT}c", "1")))
        elif el.tag == f"{TEXT}tab":
            add("\t")
        else:
            add(el.text)
            for child in el:
                walk(child)
        add(el.tail)

    walk(root)
    return bodies, spans


@pytest.fixture
def reviewed(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "pilot.docx"
    d = docx.Document()
    d.add_heading("Pilot proposal", 0)
    p = d.add_paragraph("We will cut ")
    p.add_run("average handling time").bold = True
    p.add_run(" from 11 to 7 days.")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Owner", "Head of Claims Operations owns the service at scale."
    d.save(str(path))
    document = parse(path)
    quotes = {"R01": "cut average handling time from 11", "R03": "Head of Claims Operations owns the service"}
    findings = [Finding(reason_id=r.id, title=r.title, status=Status.PARTIAL if r.id in quotes else Status.MISSING,
                        evidence=[Evidence(quote=quotes[r.id])] if r.id in quotes else [], fix=r.fix)
                for r in RUBRIC.reasons]
    return path, document, assemble_review(document, RUBRIC, ScreeningEngine(), EngineResult(findings=findings))


def test_word_memo_converts_with_pages(reviewed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, _, review = reviewed
    memo = tmp_path / "pilot.memo.docx"
    memo.write_bytes(render_docx_memo(review, RUBRIC))
    pdf = to_pdf(memo, tmp_path)
    assert len(pdf.pages) >= 2
    text = "".join(pg.extract_text() for pg in pdf.pages)
    assert "Summary" in text and "R10" in text


def test_annotated_docx_converts_and_keeps_every_comment(reviewed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, document, review = reviewed
    result = annotate_copy(review, document, RUBRIC)
    assert result.data is not None
    copy = tmp_path / "pilot.annotated.docx"
    copy.write_bytes(result.data)
    pdf = to_pdf(copy, tmp_path)
    assert len(pdf.pages) >= 1
    assert "Head of Claims Operations" in "".join(pg.extract_text() for pg in pdf.pages)
    # Every comment survived LibreOffice's import, anchored on the same text.
    bodies, spans = odt_annotations(convert(copy, tmp_path, "odt"))
    assert len(bodies) == len(result.placed) + len(result.start_notes)
    anchored = sorted(spans.values())
    for placed in result.placed:
        assert placed.quote in anchored
