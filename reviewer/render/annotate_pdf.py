"""Highlights over each evidence quote on a copy of a PDF, plus a note on page 1 for missing reasons.

Positions come from the parser's content-stream walk (``documents.pdf_content.GlyphWalker``):
each shown glyph gets its text-space box mapped through the text and current transformation
matrices, so a quote's characters have exact user-space quadrilaterals. A quote that runs over
several lines gets one quad per line. Each highlight carries the finding (reason, status,
rationale, fix) as its note and an appearance stream, so every viewer draws it the same way. The
copy is written as an incremental update: the original bytes come first, unchanged.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field

import pypdf
from pypdf.annotations import Highlight, Text
from pypdf.errors import PdfReadError
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)
from rapidfuzz import fuzz

from reviewer.documents.pdf_content import Glyph, GlyphWalker
from reviewer.grounding import normalise
from reviewer.models import Document, Review, Rubric, Status
from reviewer.render.annotate import (
    AUTHOR,
    AnnotationResult,
    Placed,
    evidence_text,
    finding_note,
    needs_start_note,
    short_name,
)

log = logging.getLogger(__name__)

STATUS_RGB = {
    Status.ADDRESSED: (0.40, 0.85, 0.40),
    Status.PARTIAL: (1.00, 0.82, 0.20),
    Status.MISSING: (1.00, 0.45, 0.45),
}
FUZZY_THRESHOLD = 90.0


def separator(prev: Glyph, g: Glyph) -> str:
    """What reading order puts between two consecutive glyphs: '', ' ' or a line break."""
    ux, uy = prev.direction
    vx, vy = -uy, ux
    dx, dy = g.ll[0] - prev.lr[0], g.ll[1] - prev.lr[1]
    along = dx * ux + dy * uy
    across = dx * vx + dy * vy
    size = max(prev.size, g.size)
    if abs(across) > 0.5 * size or along < -0.5 * size:
        return "\n"
    if along > 0.2 * size and not prev.text.isspace() and not g.text.isspace():
        return " "
    return ""


def _compact(norm: str) -> str:
    """Letters and digits only: spacing and punctuation differ between extractions."""
    return "".join(c for c in norm if c.isalnum())


@dataclass
class PageText:
    """A page's glyphs with a reading-order text and, per text character, its glyph (-1 = inferred gap)."""

    glyphs: list[Glyph]
    text: str
    owner: list[int]
    compact: str = ""
    compact_owner: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, glyphs: list[Glyph]) -> PageText:
        chars: list[str] = []
        owner: list[int] = []
        prev: Glyph | None = None
        for i, g in enumerate(glyphs):
            if prev is not None:
                sep = separator(prev, g)
                if sep:
                    chars.append(sep)
                    owner.append(-1)
            for ch in g.text:
                chars.append(ch)
                owner.append(i)
            if g.text:
                prev = g
        text = "".join(chars)
        norm, nmap = normalise(text)
        compact = []
        cowner = []
        for c, src in zip(norm, nmap, strict=True):
            if not c.isalnum():
                continue
            compact.append(c)
            cowner.append(owner[src])
        return cls(glyphs, text, owner, "".join(compact), cowner)

    def find(self, quote: str, rank: int = 0, *, fuzzy: bool = True) -> list[int] | None:
        """Glyph indices covering ``quote`` (first..last, contiguous in stream order), or None."""
        nq = normalise(quote)[0]
        q = _compact(nq)
        if len(q) < 2:
            return None
        hits: list[int] = []
        pos = self.compact.find(q)
        while pos != -1:
            hits.append(pos)
            pos = self.compact.find(q, pos + 1)
        if hits:
            s = hits[min(rank, len(hits) - 1)]
            e = s + len(q)
        elif not fuzzy:
            return None
        else:
            al = fuzz.partial_ratio_alignment(q, self.compact, score_cutoff=FUZZY_THRESHOLD)
            if al is None or al.dest_end <= al.dest_start:
                return None
            s, e = al.dest_start, al.dest_end
        owners = [o for o in self.compact_owner[s:e] if o >= 0]
        if not owners:
            return None
        lo, hi = min(owners), max(owners)
        # Punctuation at either end of the quote is not in the compact form: take it from the page.
        lead = len(nq) - len(nq.lstrip("".join(c for c in nq if not c.isalnum())))
        trail = len(nq) - len(nq.rstrip("".join(c for c in nq if not c.isalnum())))
        lo = self._extend(lo, -1, nq[:lead])
        hi = self._extend(hi, 1, nq[len(nq) - trail:] if trail else "")
        return list(range(lo, hi + 1))

    def _extend(self, i: int, step: int, punct: str) -> int:
        want = [c for c in punct if not c.isspace()]
        if step < 0:
            want.reverse()
        j = i
        while want and 0 <= j + step < len(self.glyphs):
            g = self.glyphs[j + step]
            t = normalise(g.text)[0]
            if not t:
                j += step
                continue
            if t != want[0]:
                break
            want.pop(0)
            j += step
        return j

    def lines(self, idx: list[int]) -> list[list[Glyph]]:
        """Split a glyph index run into lines, trimming blank glyphs at each end."""
        out: list[list[Glyph]] = []
        cur: list[Glyph] = []
        prev: Glyph | None = None
        for i in idx:
            g = self.glyphs[i]
            if not g.text:
                continue
            if prev is not None and separator(prev, g) == "\n" and cur:
                out.append(cur)
                cur = []
            cur.append(g)
            prev = g
        if cur:
            out.append(cur)
        trimmed = []
        for line in out:
            while line and line[0].text.isspace():
                line = line[1:]
            while line and line[-1].text.isspace():
                line = line[:-1]
            if line:
                trimmed.append(line)
        return trimmed


def quad(line: list[Glyph]) -> tuple[float, ...]:
    """QuadPoints for one line (upper-left, upper-right, lower-left, lower-right)."""
    if all(g.upright for g in line):
        x0 = min(g.ll[0] for g in line)
        x1 = max(g.lr[0] for g in line)
        y0 = min(g.ll[1] for g in line)
        y1 = max(g.ul[1] for g in line)
        return (x0, y1, x1, y1, x0, y0, x1, y0)
    a, b = line[0], line[-1]
    return (*a.ul, *b.ur, *a.ll, *b.lr)


def quad_rect(q: tuple[float, ...]) -> tuple[float, float, float, float]:
    xs, ys = q[0::2], q[1::2]
    return (min(xs), min(ys), max(xs), max(ys))


def _appearance(quads: list[tuple[float, ...]], rect: tuple[float, float, float, float],
                rgb: tuple[float, float, float]) -> DecodedStreamObject:
    ops = [b"/GS0 gs", f"{rgb[0]:.3f} {rgb[1]:.3f} {rgb[2]:.3f} rg".encode()]
    for q in quads:
        ulx, uly, urx, ury, llx, lly, lrx, lry = q
        ops.append(f"{llx:.2f} {lly:.2f} m {lrx:.2f} {lry:.2f} l {urx:.2f} {ury:.2f} l {ulx:.2f} {uly:.2f} l h f".encode())
    s = DecodedStreamObject()
    s.set_data(b"\n".join(ops))
    gs = DictionaryObject({NameObject("/Type"): NameObject("/ExtGState"), NameObject("/BM"): NameObject("/Multiply"),
                           NameObject("/ca"): FloatObject(0.55), NameObject("/CA"): FloatObject(0.55)})
    s.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject([FloatObject(v) for v in rect]),
        NameObject("/Resources"): DictionaryObject({NameObject("/ExtGState"): DictionaryObject({NameObject("/GS0"): gs})}),
    })
    return s


def _hex(rgb: tuple[float, float, float]) -> str:
    return "".join(f"{round(c * 255):02x}" for c in rgb)


def _pdf_date(review: Review) -> str:
    return review.reviewed_at.strftime("D:%Y%m%d%H%M%SZ")


def _page_order(ev_page: int | None, n: int) -> list[int]:
    """0-based pages to search: the cited page, its neighbours, then the rest."""
    if ev_page is None or not 1 <= ev_page <= n:
        return list(range(n))
    p = ev_page - 1
    first = [p, p + 1, p - 1]
    return [i for i in first if 0 <= i < n] + [i for i in range(n) if i not in first]


def _rank_on_page(document: Document, page: int | None, start: int | None, quote: str) -> int:
    """Which occurrence on its page the grounded span is (0-based), from the parsed blocks."""
    if page is None or start is None:
        return 0
    q = _compact(normalise(quote)[0])
    before = "".join(b.text[: max(0, start - b.start)] if b.start <= start < b.end else b.text
                     for b in document.blocks if b.page == page and b.start <= start)
    return _compact(normalise(before)[0]).count(q) if q else 0


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf warns about every oddity it recovers from; the parser already reported them."""
    lg = logging.getLogger("pypdf")
    old = lg.level
    lg.setLevel(logging.ERROR)
    try:
        yield
    finally:
        lg.setLevel(old)


def annotate_pdf(data: bytes, review: Review, document: Document, rubric: Rubric,
                 password: str | None = None) -> AnnotationResult:
    """Highlight each grounded quote and add a page-1 note on a copy of the PDF ``data``.

    A PDF that needs ``password`` to open gets a copy protected by the same password.
    """
    with _quiet_pypdf():
        return _annotate_pdf(data, review, document, rubric, password)


def _annotate_pdf(data: bytes, review: Review, document: Document, rubric: Rubric,
                  password: str | None) -> AnnotationResult:
    reprotect = False
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            if not password or not reader.decrypt(password):
                return AnnotationResult(None, "pdf", skipped="the PDF is password-protected")
            reprotect = True
        writer = pypdf.PdfWriter(io.BytesIO(data), incremental=True) if not reader.is_encrypted \
            else pypdf.PdfWriter(clone_from=reader)
        n = len(reader.pages)
    except (PdfReadError, ValueError, TypeError, KeyError, AttributeError, AssertionError, OSError) as e:
        return AnnotationResult(None, "pdf", skipped=f"pypdf cannot rewrite it ({type(e).__name__})")
    walker = GlyphWalker(reader)
    pages: dict[int, PageText] = {}

    def page_text(i: int) -> PageText:
        if i not in pages:
            try:
                pages[i] = PageText.build(walker.page(reader.pages[i]))
            except Exception as e:  # a broken content stream must not cost the other highlights
                log.warning("%s: page %d: cannot map text positions (%s)", document.path, i + 1, e)
                pages[i] = PageText.build([])
        return pages[i]

    result = AnnotationResult(None, "pdf")
    missing_lines: list[str] = []
    for f in review.findings:
        placed_here: set[int] = set()
        unplaced: list[str] = []
        for k, ev in enumerate(f.evidence):
            quote = evidence_text(ev, document)
            hit = None
            for tried, i in enumerate(_page_order(ev.page, n)):
                pt = page_text(i)
                rank = _rank_on_page(document, ev.page, ev.start, quote) if ev.page == i + 1 else 0
                # Fuzzy matching only near the cited page: elsewhere an exact match or nothing.
                idx = pt.find(quote, rank, fuzzy=tried < 3 or ev.page is None)
                if idx:
                    lines = pt.lines(idx)
                    if lines:
                        hit = (i, lines)
                        break
            if hit is None:
                unplaced.append(quote)
                result.unplaced.append((f.reason_id, quote))
                continue
            i, lines = hit
            quads = [quad(line) for line in lines]
            rects = [quad_rect(q) for q in quads]
            rect = (min(r[0] for r in rects) - 1, min(r[1] for r in rects) - 1,
                    max(r[2] for r in rects) + 1, max(r[3] for r in rects) + 1)
            rgb = STATUS_RGB[f.status]
            hl = Highlight(rect=rect, quad_points=ArrayObject([FloatObject(round(v, 3)) for q in quads for v in q]),
                           highlight_color=_hex(rgb), printing=True)
            note = finding_note(f, rubric)
            hl[NameObject("/Contents")] = TextStringObject("\n".join(note))
            hl[NameObject("/T")] = TextStringObject(AUTHOR)
            hl[NameObject("/Subj")] = TextStringObject(note[0])
            hl[NameObject("/NM")] = TextStringObject(f"reviewer-{f.reason_id}-{k + 1}")
            hl[NameObject("/M")] = TextStringObject(_pdf_date(review))
            hl[NameObject("/AP")] = DictionaryObject({NameObject("/N"): writer._add_object(_appearance(quads, rect, rgb))})
            writer.add_annotation(page_number=i, annotation=hl)
            anchored = "".join(g.text for line in lines for g in line)
            result.placed.append(Placed(f.reason_id, quote, f"page {i + 1}", anchored_text=anchored, rects=rects))
            placed_here.add(k)
        if needs_start_note(f, placed_here) or unplaced:
            result.start_notes.append(f.reason_id)
            line = f"{f.reason_id} {short_name(rubric, f.reason_id, f.title)} ({f.status.value})"
            if f.fix and f.status != Status.ADDRESSED:
                line += f": {f.fix}"
            for q in unplaced:
                line += f" [cited quote not located on the page: “{q[:120]}”]"
            missing_lines.append(line)
    if missing_lines and n:
        first = reader.pages[0]
        box = first.cropbox
        x1, y1 = float(box.right), float(box.top)
        header = (f"Reviewer: readiness {review.readiness:.0f}/100 ({review.engine.label}; rubric {review.rubric_version}). "
                  f"{len(missing_lines)} reason(s) not evidenced in this document:")
        sticky = Text(rect=(x1 - 34, y1 - 34, x1 - 10, y1 - 10), text="\n".join([header, *missing_lines]), open=False)
        sticky[NameObject("/T")] = TextStringObject(AUTHOR)
        sticky[NameObject("/Subj")] = TextStringObject("Missing reasons")
        sticky[NameObject("/NM")] = TextStringObject("reviewer-missing")
        sticky[NameObject("/M")] = TextStringObject(_pdf_date(review))
        sticky[NameObject("/Name")] = NameObject("/Note")
        sticky[NameObject("/C")] = ArrayObject([FloatObject(v) for v in STATUS_RGB[Status.MISSING]])
        writer.add_annotation(page_number=0, annotation=sticky)
    if reprotect and password:
        writer.encrypt(user_password=password, algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    result.data = buf.getvalue()
    return result
