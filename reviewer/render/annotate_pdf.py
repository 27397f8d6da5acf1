"""Highlights over each evidence quote on a copy of a PDF, plus a note on page 1 for missing reasons.

Positions come from walking the page's content stream with pypdf (its ``ContentStream`` parser and
its font model for decoding and glyph widths): each shown glyph gets its text-space box mapped
through the text and current transformation matrices, so a quote's characters have exact
user-space quadrilaterals. A quote that runs over several lines gets one quad per line. Each
highlight carries the finding (reason, status, rationale, fix) as its note and an appearance
stream, so every viewer draws it the same way. The copy is written as an incremental update: the
original bytes come first, unchanged.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pypdf
from pypdf.annotations import Highlight, Text
from pypdf.errors import PdfReadError
from pypdf.generic import (
    ArrayObject,
    ContentStream,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)
from rapidfuzz import fuzz

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

_PdfFont: Any
try:  # pypdf >= 6 keeps its font model here
    from pypdf.generic._font import Font as _PdfFont
except ImportError:  # pragma: no cover - older pypdf
    _PdfFont = None

log = logging.getLogger(__name__)

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
STATUS_RGB = {
    Status.ADDRESSED: (0.40, 0.85, 0.40),
    Status.PARTIAL: (1.00, 0.82, 0.20),
    Status.MISSING: (1.00, 0.45, 0.45),
}
FUZZY_THRESHOLD = 90.0
MAX_FORM_DEPTH = 8


def mult(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF row-vector convention: m × n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])


@dataclass
class Glyph:
    """One shown glyph: its text and its box corners in user space (ll, lr, ur, ul)."""

    text: str
    ll: tuple[float, float]
    lr: tuple[float, float]
    ur: tuple[float, float]
    ul: tuple[float, float]

    @property
    def size(self) -> float:
        return max(math.dist(self.ll, self.ul), 0.1)

    @property
    def direction(self) -> tuple[float, float]:
        dx, dy = self.lr[0] - self.ll[0], self.lr[1] - self.ll[1]
        n = math.hypot(dx, dy)
        if n < 1e-9:  # zero-width glyph: fall back to the box's up vector rotated
            ux, uy = self.ul[0] - self.ll[0], self.ul[1] - self.ll[1]
            m = math.hypot(ux, uy) or 1.0
            return (uy / m, -ux / m)
        return (dx / n, dy / n)

    @property
    def upright(self) -> bool:
        d = self.direction
        return abs(d[1]) < 1e-3 and d[0] > 0


@dataclass
class _TextState:
    font: Any = None
    fdict: DictionaryObject | None = None
    size: float = 12.0
    tc: float = 0.0
    tw: float = 0.0
    th: float = 1.0
    tl: float = 0.0
    rise: float = 0.0


@dataclass
class _Fonts:
    cache: dict[int, Any] = field(default_factory=dict)

    def get(self, fdict: DictionaryObject) -> Any:
        key = id(fdict)
        if key not in self.cache:
            self.cache[key] = _PdfFont.from_font_resource(fdict) if _PdfFont is not None else None
        return self.cache[key]


def _num(x: Any, default: float = 0.0) -> float:
    try:
        return float(x)
    except (TypeError, ValueError):
        return default


def _raw_bytes(op: Any) -> bytes:
    if isinstance(op, bytes):
        return op
    ob = getattr(op, "original_bytes", None)
    if isinstance(ob, bytes):
        return ob
    return str(op).encode("latin-1", "replace")


def _decode(font: Any, raw: bytes) -> Iterator[tuple[str, str, bool]]:
    """(width key, unicode text, is single-byte space) for each glyph code in ``raw``."""
    if font is None:
        for b in raw:
            ch = chr(b)
            yield ch, ch, b == 32
        return
    enc = font.encoding
    cmap = font.character_map or {}
    if isinstance(enc, str):
        try:
            text = raw.decode(enc, "surrogatepass")
        except (UnicodeDecodeError, LookupError):
            text = raw.decode("latin-1")
        single = len(text) == len(raw)
        for ch in text:
            uni = cmap.get(ch, ch)
            yield ch, uni if isinstance(uni, str) else ch, single and ch == " "
    else:
        for b in raw:
            pre = enc.get(b, chr(b))
            uni = cmap.get(pre, pre)
            yield chr(b), uni if isinstance(uni, str) else pre, b == 32


def _vertical_metrics(font: Any) -> tuple[float, float]:
    fd = getattr(font, "font_descriptor", None)
    asc = _num(getattr(fd, "ascent", 800.0), 800.0) / 1000.0
    desc = _num(getattr(fd, "descent", -200.0), -200.0) / 1000.0
    return min(max(asc, 0.6), 1.05), max(min(desc, -0.12), -0.35)


class GlyphWalker:
    """Collect the glyphs a page shows, in content-stream order."""

    def __init__(self, reader: pypdf.PdfReader) -> None:
        self.reader = reader
        self.fonts = _Fonts()
        self.glyphs: list[Glyph] = []

    def page(self, page: pypdf.PageObject) -> list[Glyph]:
        self.glyphs = []
        contents = page.get_contents()
        res = page.get("/Resources")
        res = res.get_object() if res is not None else DictionaryObject()
        if contents is not None:
            self._walk(contents, res, IDENTITY, 0, ())
        return self.glyphs

    def _walk(self, content: ContentStream, res: DictionaryObject, ctm: Matrix, depth: int,
              chain: tuple[int, ...]) -> None:
        fonts = res.get("/Font")
        fonts = fonts.get_object() if fonts is not None else DictionaryObject()
        ts = _TextState()
        stack: list[tuple[Matrix, _TextState]] = []
        tm: Matrix = IDENTITY
        tlm: Matrix = IDENTITY
        for operands, op in content.operations:
            if op == b"q":
                stack.append((ctm, _TextState(**vars(ts))))
            elif op == b"Q":
                if stack:
                    ctm, ts = stack.pop()
            elif op == b"cm" and len(operands) == 6:
                ctm = mult(tuple(_num(v) for v in operands), ctm)  # type: ignore[arg-type]
            elif op == b"BT":
                tm = tlm = IDENTITY
            elif op == b"Tf" and len(operands) >= 2:
                fd = fonts.get(operands[0])
                fd = fd.get_object() if fd is not None else None
                ts.fdict = fd if isinstance(fd, DictionaryObject) else None
                ts.font = self.fonts.get(ts.fdict) if ts.fdict is not None else None
                ts.size = _num(operands[1], ts.size)
            elif op == b"Tc" and operands:
                ts.tc = _num(operands[0])
            elif op == b"Tw" and operands:
                ts.tw = _num(operands[0])
            elif op == b"Tz" and operands:
                ts.th = _num(operands[0], 100.0) / 100.0
            elif op == b"TL" and operands:
                ts.tl = _num(operands[0])
            elif op == b"Ts" and operands:
                ts.rise = _num(operands[0])
            elif op in (b"Td", b"TD") and len(operands) >= 2:
                tx, ty = _num(operands[0]), _num(operands[1])
                if op == b"TD":
                    ts.tl = -ty
                tlm = mult((1, 0, 0, 1, tx, ty), tlm)
                tm = tlm
            elif op == b"Tm" and len(operands) == 6:
                tlm = tm = tuple(_num(v) for v in operands)  # type: ignore[assignment]
            elif op == b"T*":
                tlm = mult((1, 0, 0, 1, 0, -ts.tl), tlm)
                tm = tlm
            elif op in (b"Tj", b"'", b'"'):
                if op != b"Tj":
                    if op == b'"' and len(operands) >= 3:
                        ts.tw, ts.tc = _num(operands[0]), _num(operands[1])
                    tlm = mult((1, 0, 0, 1, 0, -ts.tl), tlm)
                    tm = tlm
                if operands:
                    tm = self._show(_raw_bytes(operands[-1]), ts, tm, ctm)
            elif op == b"TJ" and operands and isinstance(operands[0], list):
                for item in operands[0]:
                    if isinstance(item, (int, float, NumberObject, FloatObject)):
                        tm = mult((1, 0, 0, 1, -_num(item) / 1000.0 * ts.size * ts.th, 0), tm)
                    else:
                        tm = self._show(_raw_bytes(item), ts, tm, ctm)
            elif op == b"Do" and operands and depth < MAX_FORM_DEPTH:
                self._form(operands[0], res, ctm, depth, chain)

    def _form(self, name: Any, res: DictionaryObject, ctm: Matrix, depth: int, chain: tuple[int, ...]) -> None:
        xobjs = res.get("/XObject")
        if xobjs is None:
            return
        ref = xobjs.get_object().get(name)
        if ref is None:
            return
        key = ref.idnum if isinstance(ref, IndirectObject) else id(ref)
        if key in chain:
            return
        xo = ref.get_object()
        if xo.get("/Subtype") != "/Form":
            return
        m = xo.get("/Matrix")
        fm: Matrix = tuple(_num(v) for v in m) if m is not None and len(m) == 6 else IDENTITY  # type: ignore[assignment]
        sub_res = xo.get("/Resources")
        sub = sub_res.get_object() if sub_res is not None else res
        self._walk(ContentStream(xo, self.reader), sub, mult(fm, ctm), depth + 1, (*chain, key))

    def _show(self, raw: bytes, ts: _TextState, tm: Matrix, ctm: Matrix) -> Matrix:
        font = ts.font
        widths = getattr(font, "character_widths", None) or {"default": 500.0}
        default = _num(widths.get("default", 500.0), 500.0)
        scale = 1.0
        if ts.fdict is not None and ts.fdict.get("/Subtype") == "/Type3":
            fmx = ts.fdict.get("/FontMatrix")
            scale = _num(fmx[0], 0.001) * 1000.0 if fmx is not None else 1.0
        asc, desc = _vertical_metrics(font)
        for key, uni, is_space in _decode(font, raw):
            w = _num(widths.get(key, default), default) * scale / 1000.0
            trm = mult((ts.size * ts.th, 0, 0, ts.size, 0, ts.rise), mult(tm, ctm))
            self.glyphs.append(Glyph(uni, apply(trm, 0, desc), apply(trm, w, desc), apply(trm, w, asc), apply(trm, 0, asc)))
            adv = (w * ts.size + ts.tc + (ts.tw if is_space else 0.0)) * ts.th
            tm = mult((1, 0, 0, 1, adv, 0), tm)
        return tm


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


def annotate_pdf(data: bytes, review: Review, document: Document, rubric: Rubric) -> AnnotationResult:
    """Highlight each grounded quote and add a page-1 note on a copy of the PDF ``data``."""
    with _quiet_pypdf():
        return _annotate_pdf(data, review, document, rubric)


def _annotate_pdf(data: bytes, review: Review, document: Document, rubric: Rubric) -> AnnotationResult:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return AnnotationResult(None, "pdf", skipped="the PDF is password-protected")
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
    buf = io.BytesIO()
    writer.write(buf)
    result.data = buf.getvalue()
    return result
