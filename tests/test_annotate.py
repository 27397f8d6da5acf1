"""Annotated copies: Word comments anchored exactly on quotes; PDF highlights over the quoted characters."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import docx
import pypdf
import pytest
from lxml import etree

from reviewer.documents import parse
from reviewer.engines.screen import ScreeningEngine
from reviewer.models import (
    Document,
    DocumentInfo,
    EngineInfo,
    EngineResult,
    Evidence,
    Finding,
    Review,
    Status,
)
from reviewer.render.annotate import annotate, annotate_copy
from reviewer.review import assemble_review, readiness
from reviewer.rubric import load_rubric
from reviewer.writer import write_outputs

RUBRIC = load_rubric()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- DOCX


def build_docx(path: Path) -> None:
    d = docx.Document()
    d.add_heading("Acme claims triage pilot: proposal", 0)
    p = d.add_paragraph("The pilot will reduce ")
    p.add_run("average claims handling time").bold = True
    p.add_run(" from 11 days to 7 days, measured monthly.")
    d.add_paragraph("Ownership: the Head of Claims Operations will own the service at scale.")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Item", "Plan"
    t.cell(1, 0).text = "Training"
    cell = t.cell(1, 1).paragraphs[0]
    cell.add_run("A change management plan with ")
    cell.add_run("training for 400 handlers").italic = True
    cell.add_run(" and a communications plan.")
    d.add_paragraph("Integration with the claims CRM is designed and part of the success criteria.")
    d.save(str(path))


DOCX_QUOTES = {
    "R01": "reduce average claims handling time from 11 days",  # plain | bold | plain runs
    "R03": "Head of Claims Operations will own the service",
    "R08": "plan with training for 400 handlers",  # table cell, crosses into an italic run
    "R07": "Integration with the claims CRM",
}
DOCX_STATUS = {"R01": Status.PARTIAL, "R03": Status.ADDRESSED, "R08": Status.ADDRESSED, "R07": Status.PARTIAL}


def review_for(document: Document, quotes: dict[str, str], statuses: dict[str, Status]) -> Review:
    """A grounded review through the real assembly path, with chosen quotes and statuses."""
    findings = [
        Finding(reason_id=r.id, title=r.title, status=statuses.get(r.id, Status.MISSING),
                evidence=[Evidence(quote=quotes[r.id])] if r.id in quotes else [],
                rationale=f"Because {r.id}.", fix=r.fix)
        for r in RUBRIC.reasons
    ]
    return assemble_review(document, RUBRIC, ScreeningEngine(), EngineResult(findings=findings))


def comment_ranges(data: bytes) -> tuple[dict[str, str], dict[str, str], dict[str, bool]]:
    """(comment id -> comment text, comment id -> anchored text, comment id -> anchor is in a table cell)."""
    z = zipfile.ZipFile(io.BytesIO(data))
    comments = etree.fromstring(z.read("word/comments.xml"))
    texts = {c.get(f"{W}id"): "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in c.iter(f"{W}p"))
             for c in comments.iter(f"{W}comment")}
    body = etree.fromstring(z.read("word/document.xml"))
    active: list[str] = []
    anchored: dict[str, str] = {}
    in_cell: dict[str, bool] = {}
    for el in body.iter():
        if el.tag == f"{W}commentRangeStart":
            cid = el.get(f"{W}id")
            active.append(cid)
            anchored[cid] = ""
            in_cell[cid] = any(a.tag == f"{W}tc" for a in el.iterancestors())
        elif el.tag == f"{W}commentRangeEnd":
            active.remove(el.get(f"{W}id"))
        elif el.tag == f"{W}t":
            for cid in active:
                anchored[cid] += el.text or ""
    return texts, anchored, in_cell


@pytest.fixture
def docx_case(tmp_path: Path) -> tuple[Path, Document, Review]:
    path = tmp_path / "acme-proposal.docx"
    build_docx(path)
    document = parse(path)
    return path, document, review_for(document, DOCX_QUOTES, DOCX_STATUS)


def test_docx_comments_anchor_exactly_on_each_quote(docx_case: tuple[Path, Document, Review]) -> None:
    path, document, review = docx_case
    before = sha(path)
    result = annotate_copy(review, document, RUBRIC)
    assert sha(path) == before  # the original is never modified
    assert result.data is not None and result.ext == "docx"
    texts, anchored, in_cell = comment_ranges(result.data)
    missing = [f.reason_id for f in review.findings if f.status == Status.MISSING]
    assert len(texts) == len(DOCX_QUOTES) + len(missing)
    assert len(result.placed) == len(DOCX_QUOTES) and not result.unplaced
    assert sorted(result.start_notes) == sorted(missing)
    by_reason: dict[str, list[str]] = {}
    for cid, text in texts.items():
        by_reason.setdefault(text[:3], []).append(cid)
    for rid, quote in DOCX_QUOTES.items():
        (cid,) = by_reason[rid]
        assert anchored[cid] == quote
        assert DOCX_STATUS[rid].value.upper() in texts[cid]
    (r08,) = by_reason["R08"]
    assert in_cell[r08]  # the table-cell quote is anchored in the cell
    for rid in missing:
        (cid,) = by_reason[rid]
        assert "MISSING" in texts[cid]
        assert anchored[cid].startswith("Acme claims triage pilot")  # on the document's first paragraph


def test_docx_split_runs_keep_their_formatting_and_text(docx_case: tuple[Path, Document, Review]) -> None:
    path, document, review = docx_case
    data, ext = annotate(review, document, RUBRIC)
    assert ext == "docx" and data is not None
    original = docx.Document(str(path))
    copy = docx.Document(io.BytesIO(data))
    assert [p.text for p in copy.paragraphs] == [p.text for p in original.paragraphs]
    assert [c.text for t in copy.tables for r in t.rows for c in r.cells] == \
           [c.text for t in original.tables for r in t.rows for c in r.cells]
    bold = [r.text for p in copy.paragraphs for r in p.runs if r.bold]
    assert "average claims handling time" in "".join(bold)
    assert all(t in {"average claims handling time"} for t in bold if t)
    italic = "".join(r.text for r in copy.tables[0].cell(1, 1).paragraphs[0].runs if r.italic)
    assert italic == "training for 400 handlers"


def test_docx_quote_not_in_document_goes_to_a_start_comment(tmp_path: Path) -> None:
    path = tmp_path / "p.docx"
    build_docx(path)
    document = parse(path)
    review = review_for(document, DOCX_QUOTES, DOCX_STATUS)
    f = review.finding("R07")
    ghost = f.model_copy(update={"evidence": [Evidence(quote="a sentence that is nowhere", verified=True)]})
    review = review.model_copy(update={"findings": [ghost if x.reason_id == "R07" else x for x in review.findings]})
    result = annotate_copy(review, document, RUBRIC)
    assert ("R07", "a sentence that is nowhere") in result.unplaced
    assert "R07" in result.start_notes
    texts, _, _ = comment_ranges(result.data or b"")
    assert any(t.startswith("R07") and "nowhere" in t for t in texts.values())


def test_write_outputs_annotated_only(docx_case: tuple[Path, Document, Review], tmp_path: Path) -> None:
    _, document, review = docx_case
    out = tmp_path / "out"
    written = write_outputs(review, document, RUBRIC, out, "acme", ("annotated",))
    assert [p.name for p in written] == ["acme.annotated.docx"]
    assert sorted(p.name for p in out.iterdir()) == ["acme.annotated.docx"]


def test_no_copy_when_the_original_changed_since_review(docx_case: tuple[Path, Document, Review]) -> None:
    path, document, review = docx_case
    path.write_bytes(path.read_bytes() + b"\0")
    data, _ = annotate(review, document, RUBRIC)
    assert data is None


# --------------------------------------------------------------------------- PDF

FILLER = "Executive summary. This page introduces the pilot and its sponsor without naming any figures."
WORD_PARA = ("The triage model will be tested on production data in live claims operations with real handoffs "
             "between the triage service and the claims handlers who did not volunteer for the pilot, and the "
             "results will be reported monthly to the claims board.")
WORD_QUOTE = "tested on production data in live claims operations with real handoffs between the triage service"
LINE_TEXT = "At scale the cost per claim is modelled at 0.004 GBP including monitoring."
LINE_QUOTE = "cost per claim is modelled at 0.004 GBP"


@dataclass
class Placed:
    text: str
    page: int  # 1-based
    x: float  # PDF user space, baseline start
    y: float
    width: float


def build_pdf(path: Path, font: str | None = None) -> tuple[list[Placed], Placed, float]:
    """Page 1 filler; page 2 a paragraph drawn word by word and one line drawn whole.

    Returns the words placed, the whole line, and the font size. Positions come from fpdf2's own
    metrics (``get_string_width``), independent of the code under test.
    """
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    if font:
        pdf.add_font("Body", fname=font)
        pdf.set_font("Body", size=11)
    else:
        pdf.set_font("Helvetica", size=11)
    h = pdf.h
    pdf.add_page()
    pdf.text(72, 100, FILLER)
    pdf.add_page()
    placed: list[Placed] = []
    x, y, space = 72.0, 120.0, pdf.get_string_width(" ")
    for word in WORD_PARA.split():
        w = pdf.get_string_width(word)
        if x + w > 72 + 260:
            x, y = 72.0, y + 16
        pdf.text(x, y, word)
        placed.append(Placed(word, 2, x, h - y, w))
        x += w + space
    pdf.text(72, 300, LINE_TEXT)
    line = Placed(LINE_TEXT, 2, 72, h - 300, pdf.get_string_width(LINE_TEXT))
    pdf.output(str(path))
    offset = pdf.get_string_width(LINE_TEXT[: LINE_TEXT.index(LINE_QUOTE)])
    line.x += offset
    line.width = pdf.get_string_width(LINE_QUOTE)
    return placed, line, 11.0


def pdf_review(path: Path) -> tuple[Document, Review]:
    """A hand-made review citing the two quotes on page 2 (no parser or grounding involved)."""
    data = path.read_bytes()
    document = Document(path=str(path), name=path.name, format="pdf", sha256=hashlib.sha256(data).hexdigest(),
                        size_bytes=len(data), pages=2)
    quotes = {"R09": WORD_QUOTE, "R05": LINE_QUOTE}
    findings = [
        Finding(reason_id=r.id, title=r.title, status=Status.ADDRESSED if r.id in quotes else Status.MISSING,
                evidence=[Evidence(quote=quotes[r.id], page=2, verified=True)] if r.id in quotes else [],
                rationale=f"Because {r.id}.", fix=r.fix)
        for r in RUBRIC.reasons
    ]
    review = Review(
        document=DocumentInfo(name=path.name, path=str(path), format="pdf", sha256=document.sha256, pages=2,
                              doc_type="proposal", doc_type_source="detected"),
        reviewed_at=datetime(2026, 1, 2, tzinfo=UTC), engine=EngineInfo(name="screen", label="screen"),
        rubric_name=RUBRIC.name, rubric_version=RUBRIC.version, cache_key="k", findings=findings,
        readiness=readiness(findings, RUBRIC),
    )
    return document, review


def highlights(data: bytes) -> list[tuple[int, dict]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    out = []
    for i, page in enumerate(reader.pages, start=1):
        for a in page.get("/Annots") or []:
            a = a.get_object()
            out.append((i, a))
    return out


def quad_rects(annot: dict) -> list[tuple[float, float, float, float]]:
    q = [float(v) for v in annot["/QuadPoints"]]
    rects = []
    for k in range(0, len(q), 8):
        xs, ys = q[k:k + 8:2], q[k + 1:k + 8:2]
        rects.append((min(xs), min(ys), max(xs), max(ys)))
    return rects


def visitor_runs(data: bytes, page_no: int) -> list[tuple[str, float, float]]:
    """Text runs as pypdf's extraction visitor reports them: (text, x, y) of each run's start."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    runs: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((text.strip(), x, y))

    reader.pages[page_no - 1].extract_text(visitor_text=visit)
    return runs


def inside(x: float, y: float, r: tuple[float, float, float, float], tol: float = 0.01) -> bool:
    return r[0] - tol <= x <= r[2] + tol and r[1] - tol <= y <= r[3] + tol


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.parametrize("font", [None, "dejavu"])
def test_pdf_highlights_cover_the_quoted_characters_on_the_right_page(tmp_path: Path, font: str | None) -> None:
    if font == "dejavu" and not DEJAVU.exists():
        pytest.skip(f"{DEJAVU} is absent (Debian fonts-dejavu-core); the embedded-TrueType case needs it")
    path = tmp_path / "pilot.pdf"
    words, line, size = build_pdf(path, str(DEJAVU) if font else None)
    document, review = pdf_review(path)
    before = path.read_bytes()
    result = annotate_copy(review, document, RUBRIC)
    assert path.read_bytes() == before
    assert result.data is not None and result.data.startswith(before)  # incremental update: original bytes first
    annots = highlights(result.data)
    hls = {str(a["/Contents"])[:3]: (p, a) for p, a in annots if a["/Subtype"] == "/Highlight"}
    assert set(hls) == {"R09", "R05"}

    # Word-drawn paragraph: re-extract with a pypdf visitor the words whose start lies inside the quads.
    page, r09 = hls["R09"]
    assert page == 2
    rects = quad_rects(r09)
    quote_words = WORD_QUOTE.split()
    hits = [t for t, x, y in visitor_runs(result.data, 2) if any(inside(x + 0.5, y + 0.3 * size, r) for r in rects)]
    assert " ".join(hits) == WORD_QUOTE
    # Each quoted word's full extent (fpdf2's metrics) lies inside a quad; no other word's middle does.
    start = next(i for i in range(len(words)) if [w.text for w in words[i:i + len(quote_words)]] == quote_words)
    for k, w in enumerate(words):
        mid_inside = any(inside(w.x + w.width / 2, w.y + 0.3 * size, r) for r in rects)
        if start <= k < start + len(quote_words):
            assert any(inside(w.x, w.y + 0.3 * size, r, 0.75) and inside(w.x + w.width, w.y + 0.3 * size, r, 0.75) for r in rects), w
        else:
            assert not mid_inside, w
    lines_spanned = len({w.y for w in words[start:start + len(quote_words)]})
    assert len(rects) == lines_spanned >= 2  # one quad per line

    # Line drawn as one run: the quad spans exactly the quote's characters within the line.
    page, r05 = hls["R05"]
    assert page == 2
    (rect,) = quad_rects(r05)
    assert rect[0] == pytest.approx(line.x, abs=0.75)
    assert rect[2] == pytest.approx(line.x + line.width, abs=0.75)
    assert rect[1] < line.y < rect[3]

    # The finding is the note; page 1 carries the list of missing reasons.
    assert "ADDRESSED" in str(r09["/Contents"]) and "Because R09." in str(r09["/Contents"])
    notes = [a for p, a in annots if a["/Subtype"] == "/Text"]
    assert len(notes) == 1 and [p for p, a in annots if a["/Subtype"] == "/Text"] == [1]
    missing = [f.reason_id for f in review.findings if f.status == Status.MISSING]
    assert all(rid in str(notes[0]["/Contents"]) for rid in missing)
    assert "R09" not in str(notes[0]["/Contents"])
    assert sorted(result.start_notes) == sorted(missing)


def test_pdf_quote_that_is_not_on_any_page_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "pilot.pdf"
    build_pdf(path)
    document, review = pdf_review(path)
    f = review.finding("R05").model_copy(update={"evidence": [Evidence(quote="words that are not printed", page=2)]})
    review = review.model_copy(update={"findings": [f if x.reason_id == "R05" else x for x in review.findings]})
    result = annotate_copy(review, document, RUBRIC)
    assert ("R05", "words that are not printed") in result.unplaced
    assert "R05" in result.start_notes
    assert [str(a["/Contents"])[:3] for _, a in highlights(result.data or b"") if a["/Subtype"] == "/Highlight"] == ["R09"]


def test_password_protected_pdf_gets_a_copy_protected_by_the_same_password(tmp_path: Path) -> None:
    plain = tmp_path / "plain.pdf"
    build_pdf(plain)
    w = pypdf.PdfWriter(clone_from=pypdf.PdfReader(str(plain)))
    w.encrypt(user_password="s3cret", owner_password="owner", algorithm="AES-256")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as f:
        w.write(f)
    before = sha(locked)
    document, review = pdf_review(locked)
    data, ext = annotate(review, document, RUBRIC)
    assert data is None and ext == "pdf"  # no password given: no copy
    data, _ = annotate(review, document, RUBRIC, password="s3cret")
    assert data is not None
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.is_encrypted and not reader.decrypt("wrong")
    assert reader.decrypt("s3cret")
    subtypes = [a.get_object()["/Subtype"] for p in reader.pages for a in (p.get("/Annots") or [])]
    assert subtypes.count("/Highlight") == 2
    assert sha(locked) == before
