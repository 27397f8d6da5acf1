"""Word margin comments on a copy of a DOCX, anchored exactly on each evidence quote.

Quotes are found by text in the document's paragraphs (body and table cells, not text boxes),
after the same normalisation grounding uses. Runs are split at the quote's boundaries (each half
keeps the run's formatting) so ``commentRangeStart``/``End`` enclose exactly the quote. Reasons
that are missing, or whose quotes could not be anchored, get a comment on the first paragraph.
"""

from __future__ import annotations

import copy
import io
import logging
import zipfile
from dataclasses import dataclass

import docx
from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from reviewer.grounding import normalise
from reviewer.models import Document, Review, Rubric
from reviewer.render.annotate import (
    AUTHOR,
    INITIALS,
    AnnotationResult,
    Placed,
    evidence_text,
    finding_note,
    needs_start_note,
)

log = logging.getLogger(__name__)

W_P, W_R, W_T, W_RPR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:rPr")
_TEXT_TAGS = {qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen"), qn("w:ptab")}
_SKIP_ANCESTORS = {qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent"), W_P}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _child_text(el: etree._Element) -> str:
    """Text an inner run element contributes, as python-docx's ``Run.text`` reads it."""
    return str(el) if el.tag in _TEXT_TAGS else ""


def _run_text(r: etree._Element) -> str:
    return "".join(_child_text(c) for c in r)


def paragraphs(doc: WordDocument) -> list[etree._Element]:
    """Every ``w:p`` in the body in document order, including table cells; not text boxes."""
    out: list[etree._Element] = []
    for p in doc.element.body.iter(W_P):
        if any(a.tag == qn("w:txbxContent") for a in p.iterancestors()):
            continue
        out.append(p)
    return out


def runs_of(p: etree._Element) -> list[etree._Element]:
    """The visible runs of paragraph ``p`` (incl. hyperlinks/insertions; not deletions or nested paragraphs)."""
    out: list[etree._Element] = []
    for r in p.iter(W_R):
        a = r.getparent()
        ok = True
        while a is not None and a is not p:
            if a.tag in _SKIP_ANCESTORS:
                ok = False
                break
            a = a.getparent()
        if ok:
            out.append(r)
    return out


def paragraph_text(p: etree._Element) -> str:
    return "".join(_run_text(r) for r in runs_of(p))


def _truncate_t(t: etree._Element, text: str) -> None:
    t.text = text
    if text != text.strip():
        t.set(_XML_SPACE, "preserve")


def split_run(r: etree._Element, k: int) -> None:
    """Split run ``r`` so its first ``k`` characters become a new run just before it.

    Both halves keep ``w:rPr``. Zero-width children (field chars, drawings, breaks that
    render nothing) stay with the half they precede.
    """
    if k <= 0 or k >= len(_run_text(r)):
        return
    left = copy.deepcopy(r)
    pos = 0
    for c in list(left):
        if c.tag == W_RPR:
            continue
        t = _child_text(c)
        n = len(t)
        if pos >= k:
            left.remove(c)
        elif pos + n > k:  # only w:t can straddle
            _truncate_t(c, t[: k - pos])
        pos += n
    pos = 0
    for c in list(r):
        if c.tag == W_RPR:
            continue
        t = _child_text(c)
        n = len(t)
        if (n > 0 and pos + n <= k) or (n == 0 and pos < k):
            r.remove(c)
        elif pos < k < pos + n:
            _truncate_t(c, t[k - pos :])
        pos += n
    r.addprevious(left)


def isolate(p: etree._Element, start: int, end: int) -> list[etree._Element]:
    """Split runs of ``p`` at ``start`` and ``end``; return the runs covering exactly [start, end)."""
    for cut in (start, end):
        pos = 0
        for r in runs_of(p):
            n = len(_run_text(r))
            if pos < cut < pos + n:
                split_run(r, cut - pos)
                break
            pos += n
    covered: list[etree._Element] = []
    pos = 0
    for r in runs_of(p):
        n = len(_run_text(r))
        if n and start <= pos and pos + n <= end:
            covered.append(r)
        pos += n
    return covered


@dataclass
class _Para:
    el: etree._Element
    text: str
    norm: str
    map: list[int]


def _index(doc: WordDocument) -> list[_Para]:
    out = []
    for p in paragraphs(doc):
        text = paragraph_text(p)
        norm, m = normalise(text)
        out.append(_Para(p, text, norm, m))
    return out


def _find_all(paras: list[_Para], nq: str, after: int = 0) -> list[tuple[int, int, int]]:
    """(paragraph index, start, end) in raw paragraph characters of each occurrence of normalised ``nq``."""
    hits: list[tuple[int, int, int]] = []
    for i, p in enumerate(paras[after:], start=after):
        pos = p.norm.find(nq)
        while pos != -1:
            hits.append((i, p.map[pos], p.map[pos + len(nq) - 1] + 1))
            pos = p.norm.find(nq, pos + 1)
    return hits


def _pieces(quote: str) -> list[str]:
    """A table-row quote ('Header: cell | Header: cell') as the cell texts it was built from."""
    out: list[str] = []
    for piece in quote.split(" | "):
        piece = piece.strip()
        if piece:
            out.append(piece)
    return out


def locate(paras: list[_Para], quote: str, rank: int) -> list[tuple[int, int, int]] | None:
    """Where ``quote`` sits: one (para, start, end) span, or several for a quote spanning table cells."""
    nq, _ = normalise(quote)
    if len(nq) < 2:
        return None
    hits = _find_all(paras, nq)
    if hits:
        return [hits[min(rank, len(hits) - 1)]]
    # A table row rendered by the parser as 'Header: cell | ...': anchor from first to last cell.
    spans: list[tuple[int, int, int]] = []
    after = 0
    for piece in _pieces(quote):
        found = None
        for cand in (piece, piece.split(": ", 1)[1] if ": " in piece else None):
            if not cand:
                continue
            nc, _ = normalise(cand)
            if len(nc) < 2:
                continue
            h = _find_all(paras, nc, after)
            if h:
                found = h[0]
                break
        if found:
            spans.append(found)
            after = found[0]
    if not spans or len(spans) < max(1, len(_pieces(quote)) // 2):
        return None
    rows = {_row_of(paras[i].el) for i, _, _ in spans}
    if len(spans) > 1 and len(rows) == 1 and None not in rows:
        return [spans[0], spans[-1]]  # cells of one table row: anchor from the first to the last
    return [max(spans, key=lambda sp: sp[2] - sp[1])]  # otherwise the longest piece alone


def _row_of(p: etree._Element) -> etree._Element | None:
    return next((a for a in p.iterancestors() if a.tag == qn("w:tr")), None)


def _rank(document: Document, ev_start: int | None, quote: str) -> int:
    """Which occurrence of the quote the grounded span is (0 = first), counted in the parsed text."""
    if ev_start is None:
        return 0
    nq, _ = normalise(quote)
    before, _ = normalise(document.text[:ev_start])
    return before.count(nq) if nq else 0


def _comment(doc: WordDocument, runs: list[etree._Element], lines: list[str], review: Review) -> str:
    """Add one comment over ``runs``; return its id."""
    body = doc._body
    anchor = [Run(runs[0], Paragraph(runs[0].getparent(), body)), Run(runs[-1], Paragraph(runs[-1].getparent(), body))]
    c = doc.add_comment(anchor, text="", author=AUTHOR, initials=INITIALS)
    elm = c._comment_elm
    elm.date = review.reviewed_at.replace(microsecond=0)
    c.paragraphs[0].add_run(lines[0]).bold = True
    for line in lines[1:]:
        c.add_paragraph(line)
    return str(c.comment_id)


def _start_runs(paras: list[_Para]) -> list[etree._Element] | None:
    for p in paras:
        if p.text.strip():
            rs = [r for r in runs_of(p.el) if _run_text(r)]
            if rs:
                return rs
    return None


def annotate_docx(data: bytes, review: Review, document: Document, rubric: Rubric) -> AnnotationResult:
    """Comment a copy of the DOCX ``data``; the returned bytes are the annotated copy."""
    try:
        wd = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, ValueError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as e:
        return AnnotationResult(None, "docx", skipped=f"python-docx cannot open it for comments ({type(e).__name__})")
    paras = _index(wd)
    result = AnnotationResult(None, "docx")
    start_lines: list[tuple[str, list[str]]] = []
    for f in review.findings:
        placed_here: set[int] = set()
        unplaced_here: list[str] = []
        for i, ev in enumerate(f.evidence):
            quote = evidence_text(ev, document)
            spans = locate(paras, quote, _rank(document, ev.start, quote))
            if not spans:
                unplaced_here.append(quote)
                result.unplaced.append((f.reason_id, quote))
                continue
            if len(spans) == 1:
                pi, s0, e0 = spans[0]
                runs = isolate(paras[pi].el, s0, e0)
            else:
                (p1, s1, e1), (p2, s2, e2) = spans[0], spans[-1]
                runs = isolate(paras[p1].el, s1, e1)[:1] + isolate(paras[p2].el, s2, e2)[-1:]
            if not runs:
                unplaced_here.append(quote)
                result.unplaced.append((f.reason_id, quote))
                continue
            loc = ev.location or ev.section or ""
            lines = finding_note(f, rubric)
            if loc:
                lines.append(f"Cited as: {loc}")
            _comment(wd, runs, lines, review)
            # Re-read the paragraph texts: splitting never changes them, but keeps the index honest.
            anchored = "".join(_run_text(r) for r in _range_runs(runs[0], runs[-1]))
            result.placed.append(Placed(f.reason_id, quote, f"paragraph {spans[0][0] + 1}", anchored_text=anchored))
            placed_here.add(i)
        if needs_start_note(f, placed_here) or unplaced_here:
            lines = finding_note(f, rubric)
            for q in unplaced_here:
                lines.append(f"Quote cited but not anchored here: “{q[:200]}”")
            start_lines.append((f.reason_id, lines))
    start = _start_runs(paras)
    if start_lines and start is not None:
        for rid, lines in start_lines:
            _comment(wd, start, lines, review)
            result.start_notes.append(rid)
    buf = io.BytesIO()
    wd.save(buf)
    result.data = buf.getvalue()
    return result


def _range_runs(first: etree._Element, last: etree._Element) -> list[etree._Element]:
    """The runs from ``first`` to ``last`` inclusive in document order (within the body)."""
    body = first.getroottree().getroot()
    out: list[etree._Element] = []
    on = False
    for r in body.iter(W_R):
        if r is first:
            on = True
        if on and r.find(qn("w:commentReference")) is None:
            a = r.getparent()
            if not any(x.tag in (qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent")) for x in [a, *a.iterancestors()]):
                out.append(r)
        if r is last:
            break
    return out

