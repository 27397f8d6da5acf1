"""A small PDF content-stream interpreter: positioned text spans with the state a reader would see.

pypdf parses the content stream and decodes fonts; this module walks the operators itself so that
every shown string gets its start and end point in user space, its effective size, its font, and
whether a human could see it (fill colour, render mode, opacity, size, position on the page).
pypdf's own ``extract_text`` does not advance the text matrix across a shown string, so it cannot
tell a word gap from a kerning adjustment, and its line breaks fail on flipped text matrices; this
is why the parser does not use its output.

The same walk can also record every glyph's box (``GlyphWalker``): the PDF annotator uses it to put
a highlight exactly on an evidence quote's characters.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

from pypdf import PageObject
from pypdf.generic import ContentStream, DictionaryObject, IndirectObject, NameObject, StreamObject
from pypdf.generic._font import Font

Matrix = list[float]
_IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]

#: Text smaller than this (in points) is treated as hidden from a human reader.
TINY_POINTS = 2.0
#: A colour component at or above this (gray/RGB) counts as white.
WHITE_LEVEL = 0.95
#: Nesting of form XObjects followed before giving up (real documents use two or three).
MAX_FORM_DEPTH = 12
#: Form XObjects painted per page before the rest are skipped (self-referencing forms, bombs).
MAX_FORM_CALLS = 2000
#: Consecutive spans closer than this (in ems) are one run of text (word gaps are wider; see pdf_layout).
_JOIN_EM = 0.1
#: Check the clock every this many operators.
_CLOCK_EVERY = 2048


class ParseTimeout(BaseException):
    """The parse ran past its time budget."""


def mult(m: Matrix, n: Matrix) -> Matrix:
    """Matrix product m x n for PDF 3x2 affine matrices."""
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def _point(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def orientation(m: Matrix) -> int:
    """Text direction of a combined text matrix, in degrees (0 = upright, left to right)."""
    if abs(m[0]) >= abs(m[1]):
        return 0 if m[0] >= 0 else 180
    return 90 if m[1] > 0 else 270


@dataclass(slots=True)
class Span:
    """One shown string: text plus where and how it was drawn (user space)."""

    text: str
    x0: float  # start along the writing direction (rotated frame, see ``orientation``)
    x1: float  # end along the writing direction
    y: float  # baseline across the writing direction (rotated frame; larger = higher on the page)
    size: float  # effective font size in points
    font: str
    bold: bool
    direction: int
    bbox: tuple[float, float, float, float]  # user-space box
    hidden: str | None = None  # why a human would not see it, or None


@dataclass(slots=True)
class Glyph:
    """One shown glyph: its text and its box corners in user space (ll, lr, ur, ul)."""

    text: str
    ll: tuple[float, float]
    lr: tuple[float, float]
    ur: tuple[float, float]
    ul: tuple[float, float]

    @property
    def size(self) -> float:
        """Height of the box (ascent to descent), at least 0.1."""
        return max(math.dist(self.ll, self.ul), 0.1)

    @property
    def direction(self) -> tuple[float, float]:
        """Unit vector along the writing direction."""
        dx, dy = self.lr[0] - self.ll[0], self.lr[1] - self.ll[1]
        n = math.hypot(dx, dy)
        if n < 1e-9:  # zero-width glyph: fall back to the box's up vector rotated
            ux, uy = self.ul[0] - self.ll[0], self.ul[1] - self.ll[1]
            m = math.hypot(ux, uy) or 1.0
            return (uy / m, -ux / m)
        return (dx / n, dy / n)

    @property
    def upright(self) -> bool:
        """Written left to right on a horizontal baseline."""
        d = self.direction
        return abs(d[1]) < 1e-3 and d[0] > 0


@dataclass(slots=True)
class _GState:
    ctm: Matrix
    fill_white: bool = False  # False for anything we cannot prove white
    stroke_white: bool = False
    fill_space: str = "/DeviceGray"
    stroke_space: str = "/DeviceGray"
    alpha: float = 1.0
    font: Font | None = None
    font_name: str = ""
    font_bold: bool = False
    font_scale: float = 0.001  # glyph units -> text space (Type3 fonts use their /FontMatrix)
    size: float = 12.0
    tc: float = 0.0
    tw: float = 0.0
    th: float = 1.0
    tl: float = 0.0
    ts: float = 0.0
    render: int = 0

    def copy(self) -> _GState:
        g = _GState(self.ctm)
        for name in self.__slots__:
            setattr(g, name, getattr(self, name))
        return g


@dataclass
class PageContent:
    """What the interpreter found on one page."""

    spans: list[Span] = field(default_factory=list)
    box: tuple[float, float, float, float] = (0.0, 0.0, 612.0, 792.0)
    notes: list[str] = field(default_factory=list)
    images: int = 0


def _num(v: Any, default: float = 0.0) -> float:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return default
    return f if math.isfinite(f) else default


def _is_white(space: str, values: list[Any]) -> bool:
    nums = [_num(v, -1.0) for v in values if not isinstance(v, str)]
    if space in ("/DeviceGray", "/CalGray", "/G") and len(nums) >= 1:
        return nums[0] >= WHITE_LEVEL
    if space in ("/DeviceRGB", "/CalRGB", "/RGB") and len(nums) >= 3:
        return min(nums[:3]) >= WHITE_LEVEL
    if space in ("/DeviceCMYK", "/CMYK") and len(nums) >= 4:
        return max(nums[:4]) <= 1.0 - WHITE_LEVEL
    return False


_BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demi", "extrabold")


class _FontCache:
    """Fonts decoded once per document (keyed by the font dictionary's identity)."""

    def __init__(self) -> None:
        self._fonts: dict[int, tuple[Any, Font, str, bool, float]] = {}

    def get(self, font_dict: Any) -> tuple[Font, str, bool, float]:
        key = id(font_dict)
        hit = self._fonts.get(key)
        if hit is not None:
            return hit[1], hit[2], hit[3], hit[4]
        try:
            font = Font.from_font_resource(font_dict)
        except (MemoryError, ParseTimeout):
            raise
        except Exception:
            font = _unknown_font()
        name = font.name or "Unknown"
        lname = name.lower()
        flags = getattr(font.font_descriptor, "flags", 0) or 0
        weight = str(getattr(font.font_descriptor, "weight", "")).lower()
        bold = any(w in lname for w in _BOLD_WORDS) or bool(flags & (1 << 18)) or weight in ("bold", "700", "800", "900")
        scale = 0.001
        try:
            if font_dict.get("/Subtype") == "/Type3" and "/FontMatrix" in font_dict:
                fm = font_dict["/FontMatrix"]
                scale = abs(_num(fm[0], 0.001)) or 0.001
        except (MemoryError, ParseTimeout):
            raise
        except Exception:
            scale = 0.001
        self._fonts[key] = (font_dict, font, name, bold, scale)  # keep font_dict alive so its id stays unique
        return font, name, bold, scale


def _unknown_font() -> Font:
    from pypdf.generic._font import FontDescriptor

    return Font(
        name="Unknown",
        sub_type="Unknown",
        encoding=dict.fromkeys(range(256), "\ufffd"),
        font_descriptor=FontDescriptor(),
        character_map={},
        space_width=250,
    )


def _decode(font: Font, raw: Any) -> list[tuple[str, float, bool]]:
    """Split a shown string into (unicode text, glyph width in glyph units, is single-byte space)."""
    widths = font.character_widths
    default = widths.get("default", 500)
    cmap = font.character_map
    out: list[tuple[str, float, bool]] = []
    if isinstance(raw, str):  # pypdf already decoded it as a text string
        for ch in raw:
            out.append((ch, widths.get(ch, default), ch == " "))
        return out
    if not isinstance(raw, (bytes, bytearray)):
        return out
    enc = font.encoding
    if isinstance(enc, str):
        try:
            text = bytes(raw).decode(enc, "surrogatepass")
        except (UnicodeDecodeError, LookupError):
            try:
                text = bytes(raw).decode(enc, "replace")
            except LookupError:
                text = bytes(raw).decode("latin-1")
        single = len(text) == len(raw)
        for ch in text:
            uni = cmap.get(ch, ch)
            out.append((uni if isinstance(uni, str) else ch, widths.get(ch, default), single and ch == " "))
        return out
    for b in raw:
        rch = chr(b)
        ech = enc.get(b, rch)
        uni = cmap.get(ech, ech)
        out.append((uni if isinstance(uni, str) else ech, widths.get(rch, default), b == 32))
    return out


def _clean(text: str) -> str:
    # Control characters other than whitespace are never shown text.
    if text.isprintable():
        return text
    return "".join(ch if (ch.isprintable() or ch in " \t") else ("" if ord(ch) < 32 else " ") for ch in text)


class Interpreter:
    """Walks one page's content (and the forms it paints) and collects text spans."""

    def __init__(self, fonts: _FontCache, deadline: float, pdf: Any = None,
                 glyphs: list[Glyph] | None = None) -> None:
        self.fonts = fonts
        self.glyphs = glyphs  # when a list, every shown glyph's box is appended to it
        self.pdf = pdf
        self.deadline = deadline
        self.spans: list[Span] = []
        self.backgrounds: list[tuple[float, float, float, float]] = []  # non-white fills and images
        self.images: list[tuple[float, float, float, float]] = []
        self.notes: list[str] = []
        self._ops = 0
        self._form_calls = 0
        self._form_stack: list[int] = []
        self._box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)

    # ------------------------------------------------------------------ entry
    def run_page(self, page: PageObject) -> PageContent:
        box = _page_box(page)
        self._box = box
        content = _page_content(page, self.pdf)
        if content is not None:
            resources = _resolve(page.get("/Resources"))
            self._run(content, resources if isinstance(resources, DictionaryObject) else DictionaryObject(),
                      _GState(list(_IDENTITY)))
        return PageContent(spans=self.spans, box=box, notes=self.notes, images=len(self.images))

    # ------------------------------------------------------------------ operators
    def _run(self, content: ContentStream, resources: DictionaryObject, gs: _GState) -> None:
        stack: list[_GState] = []
        tm: Matrix = list(_IDENTITY)
        tlm: Matrix = list(_IDENTITY)
        # Bounding box of the path under construction: [x0, y0, x1, y1], empty when x0 > x1.
        pb = [math.inf, math.inf, -math.inf, -math.inf]
        font_res = _resolve(resources.get("/Font"))
        xobjects = _resolve(resources.get("/XObject"))
        ext = _resolve(resources.get("/ExtGState"))
        deadline = self.deadline
        for operands, op in content.operations:
            self._ops += 1
            if self._ops % _CLOCK_EVERY == 0 and time.monotonic() > deadline:
                raise ParseTimeout
            if op == b"Tj":
                if operands:
                    tm = self._show(gs, tm, [operands[0]])
            elif op == b"TJ":
                if operands and isinstance(operands[0], list):
                    tm = self._show(gs, tm, operands[0])
            elif op == b"Td" or op == b"TD":
                tx, ty = (_num(operands[0]), _num(operands[1])) if len(operands) >= 2 else (0.0, 0.0)
                if op == b"TD":
                    gs.tl = -ty
                tlm = [tlm[0], tlm[1], tlm[2], tlm[3], tx * tlm[0] + ty * tlm[2] + tlm[4], tx * tlm[1] + ty * tlm[3] + tlm[5]]
                tm = list(tlm)
            elif op == b"Tm":
                if len(operands) >= 6:
                    tlm = [_num(v) for v in operands[:6]]
                    tm = list(tlm)
            elif op == b"T*" or op == b"'" or op == b'"':
                if op == b'"' and len(operands) >= 3:
                    gs.tw = _num(operands[0])
                    gs.tc = _num(operands[1])
                    operands = operands[2:]
                tlm = [tlm[0], tlm[1], tlm[2], tlm[3], -gs.tl * tlm[2] + tlm[4], -gs.tl * tlm[3] + tlm[5]]
                tm = list(tlm)
                if op != b"T*" and operands:
                    tm = self._show(gs, tm, [operands[0]])
            elif op == b"Tf":
                if len(operands) >= 2:
                    gs.size = _num(operands[1], gs.size)
                    fd = _resolve(font_res.get(operands[0])) if isinstance(font_res, DictionaryObject) else None
                    if isinstance(fd, DictionaryObject):
                        gs.font, gs.font_name, gs.font_bold, gs.font_scale = self.fonts.get(fd)
                    else:
                        gs.font, gs.font_name, gs.font_bold, gs.font_scale = _unknown_font(), "Unknown", False, 0.001
            elif op == b"BT":
                tm = list(_IDENTITY)
                tlm = list(_IDENTITY)
            elif op == b"q":
                stack.append(gs.copy())
            elif op == b"Q":
                if stack:
                    gs = stack.pop()
            elif op == b"cm":
                if len(operands) >= 6:
                    gs.ctm = mult([_num(v) for v in operands[:6]], gs.ctm)
            elif op == b"Tc":
                gs.tc = _num(operands[0]) if operands else 0.0
            elif op == b"Tw":
                gs.tw = _num(operands[0]) if operands else 0.0
            elif op == b"Tz":
                gs.th = _num(operands[0], 100.0) / 100.0 if operands else 1.0
            elif op == b"TL":
                gs.tl = _num(operands[0]) if operands else 0.0
            elif op == b"Ts":
                gs.ts = _num(operands[0]) if operands else 0.0
            elif op == b"Tr":
                gs.render = int(_num(operands[0])) if operands else 0
            elif op == b"g":
                gs.fill_space = "/DeviceGray"
                gs.fill_white = _is_white("/DeviceGray", operands)
            elif op == b"rg":
                gs.fill_space = "/DeviceRGB"
                gs.fill_white = _is_white("/DeviceRGB", operands)
            elif op == b"k":
                gs.fill_space = "/DeviceCMYK"
                gs.fill_white = _is_white("/DeviceCMYK", operands)
            elif op == b"G":
                gs.stroke_space = "/DeviceGray"
                gs.stroke_white = _is_white("/DeviceGray", operands)
            elif op == b"RG":
                gs.stroke_space = "/DeviceRGB"
                gs.stroke_white = _is_white("/DeviceRGB", operands)
            elif op == b"K":
                gs.stroke_space = "/DeviceCMYK"
                gs.stroke_white = _is_white("/DeviceCMYK", operands)
            elif op == b"cs":
                gs.fill_space = str(operands[0]) if operands else ""
                gs.fill_white = False
            elif op == b"CS":
                gs.stroke_space = str(operands[0]) if operands else ""
                gs.stroke_white = False
            elif op == b"sc" or op == b"scn":
                gs.fill_white = _is_white(gs.fill_space, operands)
            elif op == b"SC" or op == b"SCN":
                gs.stroke_white = _is_white(gs.stroke_space, operands)
            elif op == b"gs":
                if operands and isinstance(ext, DictionaryObject):
                    d = _resolve(ext.get(operands[0]))
                    if isinstance(d, DictionaryObject) and "/ca" in d:
                        gs.alpha = _num(d.get("/ca"), 1.0)
            elif op == b"re":
                if len(operands) >= 4:
                    x, y, w, h = (_num(v) for v in operands[:4])
                    bx = _transform_box(gs.ctm, x, y, x + w, y + h)
                    pb = [min(pb[0], bx[0]), min(pb[1], bx[1]), max(pb[2], bx[2]), max(pb[3], bx[3])]
            elif op in (b"m", b"l", b"c", b"v", b"y"):
                if len(operands) >= 2:
                    px, py = _point(gs.ctm, _num(operands[-2]), _num(operands[-1]))
                    if px < pb[0]:
                        pb[0] = px
                    if px > pb[2]:
                        pb[2] = px
                    if py < pb[1]:
                        pb[1] = py
                    if py > pb[3]:
                        pb[3] = py
            elif op in (b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"):
                if not gs.fill_white and gs.alpha > 0 and pb[0] < pb[2] and pb[1] < pb[3]:
                    self.backgrounds.append((pb[0], pb[1], pb[2], pb[3]))
                pb = [math.inf, math.inf, -math.inf, -math.inf]
            elif op in (b"n", b"S", b"s"):
                pb = [math.inf, math.inf, -math.inf, -math.inf]
            elif op == b"Do":
                if operands and isinstance(xobjects, DictionaryObject):
                    self._do(operands[0], xobjects, resources, gs)
            elif op == b"INLINE IMAGE":
                self._image(gs)
            elif op == b"sh":
                self.backgrounds.append(self._box)  # a shading fills the clip area: assume the whole page

    def _do(self, name: Any, xobjects: DictionaryObject, resources: DictionaryObject, gs: _GState) -> None:
        xo = _resolve(xobjects.get(name))
        if not isinstance(xo, StreamObject):
            return
        subtype = xo.get("/Subtype")
        if subtype == "/Image":
            self._image(gs)
            return
        if subtype != "/Form":
            return
        key = id(xo)
        if key in self._form_stack:
            self._note("a form XObject paints itself; the loop was cut")
            return
        if len(self._form_stack) >= MAX_FORM_DEPTH:
            self._note(f"form XObjects nested deeper than {MAX_FORM_DEPTH}; deeper content skipped")
            return
        self._form_calls += 1
        if self._form_calls > MAX_FORM_CALLS:
            self._note(f"more than {MAX_FORM_CALLS} form XObjects painted; the rest were skipped")
            return
        matrix = xo.get("/Matrix")
        inner = gs.copy()
        if isinstance(matrix, list) and len(matrix) >= 6:
            inner.ctm = mult([_num(v) for v in matrix[:6]], gs.ctm)
        res = _resolve(xo.get("/Resources"))
        if not isinstance(res, DictionaryObject):
            res = resources
        self._form_stack.append(key)
        try:
            self._run(ContentStream(xo, self.pdf, "bytes"), res, inner)
        finally:
            self._form_stack.pop()

    def _image(self, gs: _GState) -> None:
        box = _transform_box(gs.ctm, 0, 0, 1, 1)
        self.backgrounds.append(box)
        self.images.append(box)

    def _note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    # ------------------------------------------------------------------ text
    def _show(self, gs: _GState, tm: Matrix, items: list[Any]) -> Matrix:
        """Show strings (with TJ adjustments between them); return the advanced text matrix."""
        font = gs.font or _unknown_font()
        if gs.font is None:
            gs.font = font
        fs = gs.size
        th = gs.th
        scale = gs.font_scale
        space_gap = 0.12  # a TJ adjustment wider than this (in em) is a word gap
        parts: list[str] = []
        runs: list[tuple[str, float, float]] | None = None if self.glyphs is None else []  # (text, advance, width)
        start_tm: Matrix | None = None
        adv = 0.0  # advance since start_tm, in text space units
        for item in items:
            if isinstance(item, (bytes, str)) and not isinstance(item, NameObject):
                glyphs = _decode(font, item)
                if not glyphs:
                    continue
                if start_tm is None:
                    start_tm = tm
                    adv = 0.0
                if runs is None:
                    for uni, w, is_space in glyphs:
                        parts.append(uni)
                        adv += (w * scale * fs + gs.tc + (gs.tw if is_space else 0.0)) * th
                else:
                    for uni, w, is_space in glyphs:
                        parts.append(uni)
                        runs.append((uni, adv, w))
                        adv += (w * scale * fs + gs.tc + (gs.tw if is_space else 0.0)) * th
            elif isinstance(item, (int, float)):
                shift = -float(item) / 1000.0 * fs * th
                if start_tm is None:
                    tm = [tm[0], tm[1], tm[2], tm[3], shift * tm[0] + tm[4], shift * tm[1] + tm[5]]
                    continue
                if shift > space_gap * fs * th and parts and not parts[-1].endswith(" "):
                    parts.append(" ")
                adv += shift
        if start_tm is None:
            return tm
        end_tm = [tm[0], tm[1], tm[2], tm[3], adv * tm[0] + tm[4], adv * tm[1] + tm[5]]
        if runs:
            self._glyph_boxes(gs, start_tm, runs)
        text = _clean("".join(parts))
        if text:
            self._emit(gs, start_tm, adv, text)
        return end_tm

    def _glyph_boxes(self, gs: _GState, tm: Matrix, runs: list[tuple[str, float, float]]) -> None:
        """Append each glyph's box: its advance box from descent to ascent, mapped to user space."""
        assert self.glyphs is not None
        m0, m1, m2, m3, m4, m5 = mult(tm, gs.ctm)
        asc, desc = _vertical_metrics(gs.font)
        fs = gs.size
        hs = fs * gs.th * gs.font_scale  # glyph units -> text space, horizontally
        y0 = desc * fs + gs.ts
        y1 = asc * fs + gs.ts
        bx0, by0 = m2 * y0 + m4, m3 * y0 + m5  # the bottom edge's origin
        bx1, by1 = m2 * y1 + m4, m3 * y1 + m5  # the top edge's origin
        out = self.glyphs
        for uni, x0, w in runs:
            x1 = x0 + w * hs
            out.append(Glyph(uni, (m0 * x0 + bx0, m1 * x0 + by0), (m0 * x1 + bx0, m1 * x1 + by0),
                             (m0 * x1 + bx1, m1 * x1 + by1), (m0 * x0 + bx1, m1 * x0 + by1)))

    def _emit(self, gs: _GState, tm: Matrix, adv: float, text: str) -> None:
        c = gs.ctm
        a, b, cc, d_ = tm[0], tm[1], tm[2], tm[3]
        m0 = a * c[0] + b * c[2]
        m1 = a * c[1] + b * c[3]
        m2 = cc * c[0] + d_ * c[2]
        m3 = cc * c[1] + d_ * c[3]
        m4 = tm[4] * c[0] + tm[5] * c[2] + c[4]
        m5 = tm[4] * c[1] + tm[5] * c[3] + c[5]
        ts = gs.ts
        sx, sy = m2 * ts + m4, m3 * ts + m5
        ex, ey = m0 * adv + sx, m1 * adv + sy
        em = abs(gs.size) * gs.font_scale * 1000.0
        size = em * math.hypot(m2, m3)
        d = orientation([m0, m1, m2, m3])
        if d == 0:
            x0, x1, y = sx, ex, sy
        elif d == 180:
            x0, x1, y = -sx, -ex, -sy
        elif d == 90:
            x0, x1, y = sy, ey, -sx
        else:
            x0, x1, y = -sy, -ey, sx
        # The glyph box: the baseline segment raised by the font size (perpendicular to the writing).
        hx, hy = m2 * em, m3 * em
        bbox = (min(sx, ex, sx + hx, ex + hx), min(sy, ey, sy + hy, ey + hy),
                max(sx, ex, sx + hx, ex + hx), max(sy, ey, sy + hy, ey + hy))
        hidden = self._hidden_reason(gs, bbox, size)
        if x1 < x0:
            x1 = x0
        spans = self.spans
        if spans:
            last = spans[-1]
            # A glyph that carries on the previous span (one-glyph-per-operator exports): extend it.
            if (last.direction == d and last.hidden == hidden and last.size == size and last.font == gs.font_name
                    and abs(last.y - y) < 0.05 * size and -0.2 * size < x0 - last.x1 < _JOIN_EM * size):
                last.text += text
                last.x1 = max(last.x1, x1)
                lb = last.bbox
                last.bbox = (min(lb[0], bbox[0]), min(lb[1], bbox[1]), max(lb[2], bbox[2]), max(lb[3], bbox[3]))
                return
        spans.append(
            Span(text=text, x0=x0, x1=x1, y=y, size=size, font=gs.font_name, bold=gs.font_bold,
                 direction=d, bbox=bbox, hidden=hidden)
        )

    def _hidden_reason(self, gs: _GState, bbox: tuple[float, float, float, float], size: float) -> str | None:
        if gs.render in (3, 7):
            if self._over(bbox, self.images):
                return None  # the invisible OCR layer of a scanned page: it is what the image shows
            return "invisible text render mode"
        if gs.alpha <= 0.01:
            return "fully transparent text"
        if size < TINY_POINTS:
            return f"tiny text ({size:.1f} pt)"
        bx0, by0, bx1, by1 = self._box
        if bbox[2] < bx0 or bbox[0] > bx1 or bbox[3] < by0 or bbox[1] > by1:
            return "text outside the visible page"
        if gs.render in (1, 5):
            white = gs.stroke_white
        elif gs.render in (2, 6):
            white = gs.fill_white and gs.stroke_white
        else:
            white = gs.fill_white
        if white:
            if self._over(bbox, self.backgrounds):
                return None  # white text on a coloured box or an image: visible
            return "white text on a white page"
        return None

    @staticmethod
    def _over(bbox: tuple[float, float, float, float], boxes: list[tuple[float, float, float, float]]) -> bool:
        cx = (bbox[0] + bbox[2]) / 2
        cy = (bbox[1] + bbox[3]) / 2
        return any(x0 <= cx <= x1 and y0 <= cy <= y1 for x0, y0, x1, y1 in boxes)


class GlyphWalker:
    """Every glyph a page shows, in content-stream order (hidden text included), for one document."""

    def __init__(self, pdf: Any) -> None:
        self.pdf = pdf
        self.fonts = _FontCache()

    def page(self, page: PageObject) -> list[Glyph]:
        """The page's glyphs with their user-space boxes."""
        glyphs: list[Glyph] = []
        Interpreter(self.fonts, math.inf, self.pdf, glyphs=glyphs).run_page(page)
        return glyphs


def _vertical_metrics(font: Font | None) -> tuple[float, float]:
    """Ascent and descent (in ems) from the font descriptor, clamped to sane values."""
    fd = getattr(font, "font_descriptor", None)
    asc = _num(getattr(fd, "ascent", 800.0), 800.0) / 1000.0
    desc = _num(getattr(fd, "descent", -200.0), -200.0) / 1000.0
    return min(max(asc, 0.6), 1.05), max(min(desc, -0.12), -0.35)


def _transform_box(m: Matrix, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
    pts = [_point(m, x0, y0), _point(m, x1, y0), _point(m, x0, y1), _point(m, x1, y1)]
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def _resolve(obj: Any) -> Any:
    seen = 0
    while isinstance(obj, IndirectObject):
        obj = obj.get_object()
        seen += 1
        if seen > 32:
            return None
    return obj


def _norm_box(r: Any) -> tuple[float, float, float, float]:
    a, b, c, d = (float(v) for v in (r.left, r.bottom, r.right, r.top))
    return (min(a, c), min(b, d), max(a, c), max(b, d))


def _page_content(page: PageObject, pdf: Any) -> ContentStream | None:
    """The page's content stream(s), with strings kept as bytes for font decoding."""
    obj = _resolve(page.get("/Contents"))
    if obj is None or not isinstance(obj, (StreamObject, list)):
        return None
    return ContentStream(obj, pdf, "bytes")


def _page_box(page: PageObject) -> tuple[float, float, float, float]:
    """The visible area: the CropBox clipped to the MediaBox."""
    try:
        m = _norm_box(page.mediabox)
        c = _norm_box(page.cropbox)
        x0, y0, x1, y1 = max(m[0], c[0]), max(m[1], c[1]), min(m[2], c[2]), min(m[3], c[3])
        if x1 <= x0 or y1 <= y0:
            return m
        return (x0, y0, x1, y1)
    except (MemoryError, ParseTimeout):
        raise
    except Exception:
        return (0.0, 0.0, 612.0, 792.0)
