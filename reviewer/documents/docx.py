"""DOCX parsing: walk the WordprocessingML body in document order with lxml.

The package is opened by :mod:`reviewer.documents.docx_package` (zip-bomb and XML-entity
defences, Strict OOXML, .docm/.dotx); this module turns ``word/document.xml`` into blocks.

What is read, in body order:

- paragraphs, with text that python-docx's ``Paragraph.text`` skips: tracked insertions
  (``w:ins``, ``w:moveTo``), content controls (``w:sdt``, block and inline), simple fields
  (``w:fldSimple``) and complex-field *results* (never the ``instrText`` instruction),
  hyperlinks, smart tags, custom XML, Office Math (``m:t``);
- text boxes (``w:txbxContent``), as their own blocks right after the paragraph that anchors
  them; of an ``mc:AlternateContent`` only the first ``mc:Choice`` is read, so nothing doubles;
- tables: one ``TABLE_ROW`` block per row, ``"Header: value | Header: value"`` when the table
  has a header row; ``gridSpan``/``vMerge`` cells are read once; nested tables become their own
  tables right after the row holding them; single-column tables are layout boxes and read as body;
- footnotes and endnotes, appended at the end under the heading path ``["Footnotes"]`` /
  ``["Endnotes"]``, with the paragraph number of the body paragraph that cites them.

Left out: tracked deletions (``w:del``, ``w:moveFrom``), field instructions, headers and footers,
comments, the table of contents (``toc N`` styles), and content controls still showing their
placeholder text ("Click here to enter text").

Hidden text (``w:vanish`` directly or through a style, white text on an unshaded background,
text under 2 pt) never joins visible text: it becomes separate blocks with ``hidden=True``.

``Block.paragraph`` is the 1-based index of the block's ``w:p`` among *all* ``w:p`` elements of
``word/document.xml``'s body in document order (python-docx:
``list(document.element.body.iter(qn("w:p")))[n - 1]``), so a paragraph can be found again to
annotate it. A table row carries the number of its first paragraph.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from reviewer.documents.base import BlockDraft, Limits, assemble, file_sha256
from reviewer.documents.docx_package import Package, open_package
from reviewer.errors import CorruptDocumentError, DocumentError, DocumentTooLargeError, EmptyDocumentError
from reviewer.models import BlockKind, Document

__all__ = ["parse_docx"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


W_BODY, W_P, W_R, W_T, W_TBL, W_TR, W_TC = (_w(t) for t in ("body", "p", "r", "t", "tbl", "tr", "tc"))
W_PPR, W_RPR, W_TCPR, W_TRPR, W_TBLPR = (_w(t) for t in ("pPr", "rPr", "tcPr", "trPr", "tblPr"))
W_PSTYLE, W_RSTYLE, W_TBLSTYLE, W_VAL = _w("pStyle"), _w("rStyle"), _w("tblStyle"), _w("val")
W_SDT, W_SDTPR, W_SDTCONTENT, W_PLCHDR = _w("sdt"), _w("sdtPr"), _w("sdtContent"), _w("showingPlcHdr")
W_DEL, W_MOVEFROM, W_INS, W_MOVETO = _w("del"), _w("moveFrom"), _w("ins"), _w("moveTo")
W_TXBX, W_FLDCHAR, W_FLDCHARTYPE = _w("txbxContent"), _w("fldChar"), _w("fldCharType")
W_TAB, W_PTAB, W_BR, W_CR = _w("tab"), _w("ptab"), _w("br"), _w("cr")
W_NBHYPHEN, W_SOFTHYPHEN = _w("noBreakHyphen"), _w("softHyphen")
W_DRAWING, W_PICT, W_OBJECT = _w("drawing"), _w("pict"), _w("object")
W_FOOTREF, W_ENDREF, W_ID, W_TYPE = _w("footnoteReference"), _w("endnoteReference"), _w("id"), _w("type")
W_VANISH, W_SPECVANISH, W_COLOR, W_SZ, W_SHD, W_HIGHLIGHT, W_B = (
    _w(t) for t in ("vanish", "specVanish", "color", "sz", "shd", "highlight", "b")
)
W_FILL, W_THEMECOLOR = _w("fill"), _w("themeColor")
W_OUTLINE, W_NUMPR, W_NUMID = _w("outlineLvl"), _w("numPr"), _w("numId")
W_GRIDSPAN, W_GRIDBEFORE, W_TBLHEADER, W_TBLLOOK, W_FIRSTROW = (
    _w(t) for t in ("gridSpan", "gridBefore", "tblHeader", "tblLook", "firstRow")
)
W_BACKGROUND, W_ALTCHUNK = _w("background"), _w("altChunk")
M_T, M_OMATH, M_OMATHPARA = f"{{{M_NS}}}t", f"{{{M_NS}}}oMath", f"{{{M_NS}}}oMathPara"
MC_ALT, MC_CHOICE, MC_FALLBACK = (f"{{{MC_NS}}}{t}" for t in ("AlternateContent", "Choice", "Fallback"))

# Inline containers whose runs are part of the paragraph's text.
_INLINE_WRAPPERS = frozenset(
    _w(t) for t in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "bdo", "dir", "sdtContent")
)
_DELETED = frozenset({W_DEL, W_MOVEFROM})
# Elements that never hold body text: skipped without descending.
_NO_TEXT = frozenset(
    {W_PPR, W_RPR, W_TCPR, W_TRPR, W_TBLPR, _w("tblGrid"), _w("sectPr"), W_SDTPR, _w("sdtEndPr"),
     _w("bookmarkStart"), _w("bookmarkEnd"), _w("proofErr"), _w("commentRangeStart"), _w("commentRangeEnd"),
     _w("permStart"), _w("permEnd"), _w("lastRenderedPageBreak")}
)
_OFF = frozenset({"0", "false", "off", "none"})
_HEADING_RE = re.compile(r"^heading\s*(\d)$")
_TOC_RE = re.compile(r"^(toc\s*\d|toc heading|table of figures)$")
_MAX_HEADING_CHARS = 250
_TINY_HALF_POINTS = 3  # w:sz is in half-points: 3 = 1.5 pt
_MAX_FIELD_CODE_PARAS = 3  # a field instruction (before "separate") spanning more paragraphs is broken


def _on(el: etree._Element) -> bool:
    return (el.get(W_VAL) or "1").lower() not in _OFF


def _white(color: str | None, theme: str | None = None) -> bool:
    if theme and theme.lower() in ("background1", "light1"):
        return True
    if not color or len(color) != 6:
        return False
    try:
        return all(int(color[i : i + 2], 16) >= 0xF0 for i in (0, 2, 4))
    except ValueError:
        return False


def _shade_fill(el: etree._Element | None) -> bool:
    """True when a ``w:shd``/``w:highlight`` gives a visible, non-white background."""
    if el is None:
        return False
    if el.tag == W_HIGHLIGHT:
        return (el.get(W_VAL) or "none").lower() not in ("none", "white")
    fill = el.get(W_FILL)
    if fill and fill.lower() != "auto" and not _white(fill):
        return True
    pattern = (el.get(W_VAL) or "clear").lower()
    color = el.get(W_COLOR)
    return pattern not in ("clear", "nil") and bool(color) and color.lower() != "auto" and not _white(color)


# --------------------------------------------------------------------------- styles


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None
    numbered: bool | None = None
    shaded: bool | None = None
    vanish: bool | None = None
    color: tuple[str | None, bool] | None = None  # (w:val, theme colour is white) when w:color is set
    size: int | None = None
    bold: bool | None = None
    table_shaded: bool = False
    first_row_emph: bool = False


def _int(v: str | None) -> int | None:
    try:
        return int(v) if v is not None else None
    except ValueError:
        return None


def _read_rpr(rpr: etree._Element | None, st: _Style) -> None:
    if rpr is None:
        return
    for c in rpr:
        tag = c.tag
        if tag in (W_VANISH, W_SPECVANISH):
            st.vanish = _on(c)
        elif tag == W_COLOR:
            st.color = (c.get(W_VAL), _white(None, c.get(W_THEMECOLOR)))
        elif tag == W_SZ:
            st.size = _int(c.get(W_VAL))
        elif tag == W_B:
            st.bold = _on(c)


class _Styles:
    """Style lookups (following ``basedOn``) with the few properties the walker needs."""

    def __init__(self, root: etree._Element | None) -> None:
        self._elements: dict[str, etree._Element] = {}
        self._built: dict[str, _Style] = {}
        self.default_para: str | None = None
        self.defaults = _Style()
        self._run_cache: dict[tuple[str | None, str | None], tuple[bool, str | None, bool, int | None, bool]] = {}
        self._para_cache: dict[str | None, tuple[str, int | None, bool, bool]] = {}
        if root is None:
            return
        dd = root.find(_w("docDefaults"))
        if dd is not None:
            _read_rpr(dd.find(f"{_w('rPrDefault')}/{W_RPR}"), self.defaults)
        for s in root.iterchildren(_w("style")):
            sid = s.get(_w("styleId"))
            if not sid:
                continue
            self._elements.setdefault(sid, s)
            if s.get(W_TYPE) == "paragraph" and (s.get(_w("default")) or "").lower() in ("1", "true", "on"):
                self.default_para = sid

    def get(self, sid: str) -> _Style | None:
        """The style's own properties, built on first use (most defined styles are never used)."""
        st = self._built.get(sid)
        if st is not None:
            return st
        s = self._elements.get(sid)
        if s is None:
            return None
        st = _Style()
        name = s.find(_w("name"))
        st.name = (name.get(W_VAL) or "") if name is not None else ""
        based = s.find(_w("basedOn"))
        st.based_on = based.get(W_VAL) if based is not None else None
        ppr = s.find(W_PPR)
        if ppr is not None:
            ol = ppr.find(W_OUTLINE)
            if ol is not None:
                st.outline = _int(ol.get(W_VAL))
            num = ppr.find(W_NUMPR)
            if num is not None:
                nid = num.find(W_NUMID)
                st.numbered = nid is None or (nid.get(W_VAL) or "0") != "0"
            shd = ppr.find(W_SHD)
            if shd is not None:
                st.shaded = _shade_fill(shd)
        _read_rpr(s.find(W_RPR), st)
        if s.get(W_TYPE) == "table":
            st.table_shaded = any(_shade_fill(x) for x in s.iter(W_SHD))
            st.first_row_emph = any(
                p.get(W_TYPE) == "firstRow"
                and (p.find(f"{W_RPR}/{W_B}") is not None or p.find(f"{W_TCPR}/{W_SHD}") is not None)
                for p in s.iter(_w("tblStylePr"))
            )
        self._built[sid] = st
        return st

    def chain(self, sid: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while sid and sid not in seen and len(seen) < 32:
            seen.add(sid)
            st = self.get(sid)
            if st is None:
                return
            yield st
            sid = st.based_on

    def _first(self, sid: str | None, get: Callable[[_Style], object]) -> object:
        for st in self.chain(sid):
            v = get(st)
            if v is not None:
                return v
        return None

    def para(self, sid: str | None) -> tuple[str, int | None, bool, bool]:
        """(lower-case style name or id, outline level, numbered, shaded) of a paragraph style."""
        key = sid or self.default_para
        hit = self._para_cache.get(key)
        if hit is None:
            st = self.get(key) if key else None
            name = (st.name if st is not None and st.name else (key or "")).lower()
            outline = self._first(key, lambda s: s.outline)
            numbered = bool(self._first(key, lambda s: s.numbered))
            shaded = bool(self._first(key, lambda s: s.shaded))
            hit = (name, outline if isinstance(outline, int) else None, numbered, shaded)
            self._para_cache[key] = hit
        return hit

    def run(self, rstyle: str | None, pstyle: str | None) -> tuple[bool, str | None, bool, int | None, bool]:
        """(vanish, color, white theme colour, size, bold) a run inherits from its styles and the defaults."""
        key = (rstyle, pstyle)
        hit = self._run_cache.get(key)
        if hit is None:
            pkey = pstyle or self.default_para
            out: list[object] = []
            for get in (
                lambda s: s.vanish,
                lambda s: s.color,
                lambda s: s.size,
                lambda s: s.bold,
            ):
                v = self._first(rstyle, get)
                if v is None:
                    v = self._first(pkey, get)
                if v is None:
                    v = get(self.defaults)
                out.append(v)
            vanish, color, size, bold = out
            color_val, theme = color if isinstance(color, tuple) else (None, False)
            hit = (
                bool(vanish),
                color_val,
                theme,
                size if isinstance(size, int) else None,
                bool(bold),
            )
            self._run_cache[key] = hit
        return hit

    def table(self, sid: str | None) -> tuple[bool, bool]:
        """(any shading, first row emphasised) of a table style."""
        shaded = any(s.table_shaded for s in self.chain(sid))
        emph = any(s.first_row_emph for s in self.chain(sid))
        return shaded, emph


# --------------------------------------------------------------------------- walking


@dataclass
class _Para:
    """A paragraph read inside a table cell."""

    pno: int
    text: str
    hidden: str


@dataclass
class _Ctx:
    """Where a paragraph's text goes and what surrounds it."""

    shaded: bool = False
    sink: list[_Para] | None = None  # inside a table cell: collect instead of emitting
    deferred: list[tuple[int, etree._Element]] | None = None  # nested tables/text boxes to read after the row
    fixed_path: list[str] | None = None  # footnotes/endnotes
    fixed_pno: int | None = None


@dataclass
class _Cell:
    col: int
    span: int
    text: str
    hidden: str
    first_pno: int | None


@dataclass
class _Stats:
    inserted: int = 0
    deleted: int = 0
    placeholders: int = 0
    toc: int = 0
    alt_chunks: int = 0


@dataclass
class _Walker:
    path: Path
    styles: _Styles
    limits: Limits
    background_shaded: bool = False
    drafts: list[BlockDraft] = field(default_factory=list)
    heads: list[tuple[int, str]] = field(default_factory=list)
    pno: int = 0
    cur_pno: int = 0
    table_no: int = 0
    fld: list[list[int]] = field(default_factory=list)  # open fields: [in result part?, paragraph of begin]
    chars: int = 0
    note_refs: dict[tuple[str, str], int] = field(default_factory=dict)
    stats: _Stats = field(default_factory=_Stats)
    started: float = field(default_factory=time.monotonic)
    hidden_reasons: list[str] = field(default_factory=list)  # why the current paragraph's hidden runs are hidden

    # ------------------------------------------------------------------ output

    def _path(self, ctx: _Ctx) -> list[str]:
        return list(ctx.fixed_path) if ctx.fixed_path is not None else [t for _, t in self.heads]

    def emit(self, draft: BlockDraft) -> None:
        text = draft.text.strip()
        if not text:
            return
        self.chars += len(text) + 2
        if self.chars > self.limits.max_chars:
            raise DocumentTooLargeError(
                self.path, f"more than max_chars {self.limits.max_chars} characters of text", limit="max_chars"
            )
        self.drafts.append(draft)

    def _skip(self, el: etree._Element) -> None:
        """Account for the paragraphs of a subtree that is not read, so numbering stays body order."""
        self.pno += sum(1 for _ in el.iter(W_P))

    def _reserve(self, el: etree._Element, deferred: list[tuple[int, etree._Element]]) -> None:
        deferred.append((self.pno, el))
        self._skip(el)

    def _run_deferred(self, deferred: list[tuple[int, etree._Element]], ctx: _Ctx) -> None:
        for start, el in deferred:
            saved = self.pno
            self.pno = start
            if el.tag == W_TBL:
                self.table(el, ctx)
            else:
                box_ctx = _Ctx(shaded=ctx.shaded or not _box_on_white(el), fixed_path=ctx.fixed_path, fixed_pno=ctx.fixed_pno)
                self.blocks(box_ctx, el)
            self.pno = max(saved, self.pno)

    # ------------------------------------------------------------------ blocks

    def blocks(self, ctx: _Ctx, parent: etree._Element) -> None:
        """Read block-level content (paragraphs, tables, content controls) in order."""
        for child in parent:
            tag = child.tag
            if tag == W_P:
                self.paragraph(child, ctx)
            elif tag == W_TBL:
                if ctx.sink is not None and ctx.deferred is not None:
                    self._reserve(child, ctx.deferred)
                else:
                    self.table(child, ctx)
            elif tag == W_SDT:
                self._sdt(child, ctx, block=True)
            elif tag in _DELETED:
                self.stats.deleted += 1
                self._skip(child)
            elif tag == MC_ALT:
                self._read_alternate(child, lambda branch: self.blocks(ctx, branch))
            elif tag in _NO_TEXT or not isinstance(tag, str):
                continue
            elif tag == W_ALTCHUNK:
                self.stats.alt_chunks += 1
            elif len(child):
                if tag in (W_INS, W_MOVETO):
                    self.stats.inserted += 1
                self.blocks(ctx, child)  # customXml, ins, sdtContent and unknown wrappers

    def _sdt(self, sdt: etree._Element, ctx: _Ctx, *, block: bool) -> etree._Element | None:
        pr = sdt.find(W_SDTPR)
        content = sdt.find(W_SDTCONTENT)
        if pr is not None and pr.find(W_PLCHDR) is not None:
            self.stats.placeholders += 1
            self._skip(sdt)
            return None
        if block and content is not None:
            self.blocks(ctx, content)
        return content

    @staticmethod
    def _branch(alt: etree._Element) -> etree._Element | None:
        """The one branch of an ``mc:AlternateContent`` to read (the first); the others are skipped."""
        for c in alt:
            if c.tag in (MC_CHOICE, MC_FALLBACK):
                return c
        return None

    def _read_alternate(self, alt: etree._Element, read: Callable[[etree._Element], None]) -> None:
        """Read the one chosen branch of an ``mc:AlternateContent`` with ``read``; skip the others."""
        chosen = self._branch(alt)
        for c in alt:
            if c is chosen:
                read(c)
            else:
                self._skip(c)

    # ------------------------------------------------------------------ paragraphs

    def paragraph(self, p: etree._Element, ctx: _Ctx) -> None:
        self.pno += 1
        pno = self.pno
        self.cur_pno = pno
        if pno % 512 == 0 and time.monotonic() - self.started > self.limits.parse_seconds:
            raise DocumentTooLargeError(
                self.path, f"parsing took longer than parse_seconds {self.limits.parse_seconds:g}", limit="parse_seconds"
            )
        if self.fld and any(not f[0] and pno - f[1] > _MAX_FIELD_CODE_PARAS for f in self.fld):
            # A field whose instruction never ends (a broken file) must not swallow the rest of the text.
            self.fld = [f for f in self.fld if f[0] or pno - f[1] <= _MAX_FIELD_CODE_PARAS]
        ppr = p.find(W_PPR)
        pstyle: str | None = None
        outline: int | None = None
        direct_num: bool | None = None
        shaded = ctx.shaded
        if ppr is not None:
            ps = ppr.find(W_PSTYLE)
            if ps is not None:
                pstyle = ps.get(W_VAL)
            ol = ppr.find(W_OUTLINE)
            if ol is not None:
                outline = _int(ol.get(W_VAL))
            num = ppr.find(W_NUMPR)
            if num is not None:
                nid = num.find(W_NUMID)
                direct_num = nid is None or (nid.get(W_VAL) or "0") != "0"
            if not shaded and _shade_fill(ppr.find(W_SHD)):
                shaded = True
        name, style_outline, style_num, style_shaded = self.styles.para(pstyle)
        shaded = shaded or style_shaded
        vis: list[str] = []
        hid: list[str] = []
        deferred: list[tuple[int, etree._Element]] = []
        self.hidden_reasons = []
        self.inline(p, pstyle, shaded, vis, hid, deferred)
        text = "".join(vis)
        hidden = "".join(hid)
        hidden_reason = "; ".join(self.hidden_reasons) or None
        out_pno = ctx.fixed_pno if ctx.fixed_path is not None else pno

        if _TOC_RE.match(name):
            self.stats.toc += 1
        elif ctx.sink is not None:
            ctx.sink.append(_Para(pno, text, hidden))
        else:
            level = self._heading_level(name, outline if outline is not None else style_outline)
            clean = " ".join(text.split())
            if level is not None and clean and len(clean) <= _MAX_HEADING_CHARS and ctx.fixed_path is None:
                self.heads = [h for h in self.heads if h[0] < level]
                path = [t for _, t in self.heads]
                self.heads.append((level, clean))
                self.emit(BlockDraft(BlockKind.HEADING, text, paragraph=out_pno, heading_path=path, level=level))
            else:
                is_list = direct_num if direct_num is not None else (style_num or "list" in name)
                kind = BlockKind.LIST_ITEM if is_list else BlockKind.PARAGRAPH
                self.emit(BlockDraft(kind, text, paragraph=out_pno, heading_path=self._path(ctx)))
            if hidden.strip():
                self.emit(BlockDraft(BlockKind.PARAGRAPH, hidden, paragraph=out_pno, heading_path=self._path(ctx), hidden=True,
                                     hidden_reason=hidden_reason))
        if deferred:
            if ctx.sink is not None and ctx.deferred is not None:
                ctx.deferred.extend(deferred)
            else:
                self._run_deferred(deferred, ctx)

    @staticmethod
    def _heading_level(name: str, outline: int | None) -> int | None:
        m = _HEADING_RE.match(name)
        if m:
            return max(1, int(m.group(1)))
        if name == "title":
            return 1
        if outline is not None and 0 <= outline <= 8:
            return outline + 1
        return None

    def inline(
        self,
        el: etree._Element,
        pstyle: str | None,
        shaded: bool,
        vis: list[str],
        hid: list[str],
        deferred: list[tuple[int, etree._Element]],
    ) -> None:
        """Collect the text of a paragraph's runs (visible and hidden apart)."""
        for c in el:
            tag = c.tag
            if tag == W_R:
                self.run(c, pstyle, shaded, vis, hid, deferred)
            elif tag in _INLINE_WRAPPERS:
                if tag in (W_INS, W_MOVETO):
                    self.stats.inserted += 1
                self.inline(c, pstyle, shaded, vis, hid, deferred)
            elif tag in _DELETED:
                self.stats.deleted += 1
                self._skip(c)
            elif tag == W_SDT:
                content = self._sdt(c, _Ctx(), block=False)
                if content is not None:
                    self.inline(content, pstyle, shaded, vis, hid, deferred)
            elif tag in (M_OMATHPARA, M_OMATH):
                vis.append("".join(t.text or "" for t in c.iter(M_T)))
            elif tag == MC_ALT:
                self._read_alternate(c, lambda branch: self.inline(branch, pstyle, shaded, vis, hid, deferred))
            elif tag in _NO_TEXT or not isinstance(tag, str):
                continue
            elif len(c):
                self.inline(c, pstyle, shaded, vis, hid, deferred)

    def run(
        self,
        r: etree._Element,
        pstyle: str | None,
        shaded: bool,
        vis: list[str],
        hid: list[str],
        deferred: list[tuple[int, etree._Element]],
    ) -> None:
        hidden: bool | None = None
        for c in r:
            tag = c.tag
            if tag == W_T:
                txt = c.text or ""
                if len(c):  # unexpanded entity references: keep the text around them, drop the entity
                    txt += "".join(x.tail or "" for x in c)
            elif tag in (W_TAB, W_PTAB):
                txt = "\t"
            elif tag in (W_BR, W_CR):
                txt = "\n"
            elif tag == W_NBHYPHEN:
                txt = "-"
            elif tag == W_FLDCHAR:
                kind = c.get(W_FLDCHARTYPE)
                if kind == "begin":
                    if len(self.fld) < 64:
                        self.fld.append([0, self.cur_pno])
                elif kind == "separate" and self.fld:
                    self.fld[-1][0] = 1
                elif kind == "end" and self.fld:
                    self.fld.pop()
                continue
            elif tag in (W_DRAWING, W_PICT, W_OBJECT, MC_ALT):
                self._find_boxes(c, deferred)
                continue
            elif tag in (W_FOOTREF, W_ENDREF):
                key = ("footnote" if tag == W_FOOTREF else "endnote", c.get(W_ID) or "")
                self.note_refs.setdefault(key, self.cur_pno)
                continue
            else:
                continue
            if self.fld and not all(f[0] for f in self.fld):
                continue  # inside a field instruction
            if hidden is None:
                why = self._hidden(r.find(W_RPR), pstyle, shaded)
                hidden = why is not None
                if why is not None and why not in self.hidden_reasons:
                    self.hidden_reasons.append(why)
            (hid if hidden else vis).append(txt)

    def _find_boxes(self, el: etree._Element, deferred: list[tuple[int, etree._Element]]) -> None:
        """Queue the text boxes inside a drawing, reading one branch of each AlternateContent."""
        if el.tag == W_TXBX:
            self._reserve(el, deferred)
            return
        if el.tag == MC_ALT:
            self._read_alternate(el, lambda branch: self._find_boxes(branch, deferred))
            return
        for c in el:
            if isinstance(c.tag, str):
                self._find_boxes(c, deferred)

    def _hidden(self, rpr: etree._Element | None, pstyle: str | None, shaded: bool) -> str | None:
        """Why the run is hidden from a reader, in words, or None when it is visible."""
        rstyle: str | None = None
        vanish: bool | None = None
        color: str | None = None
        theme_white = False
        size: int | None = None
        have_color = False
        if rpr is not None:
            for c in rpr:
                tag = c.tag
                if tag == W_RSTYLE:
                    rstyle = c.get(W_VAL)
                elif tag in (W_VANISH, W_SPECVANISH):
                    vanish = _on(c)
                elif tag == W_COLOR:
                    color = c.get(W_VAL)
                    theme_white = _white(None, c.get(W_THEMECOLOR))
                    have_color = True
                elif tag == W_SZ:
                    size = _int(c.get(W_VAL))
                elif (tag in (W_SHD, W_HIGHLIGHT)) and _shade_fill(c):
                    shaded = True
        s_vanish, s_color, s_theme, s_size, _ = self.styles.run(rstyle, pstyle)
        if vanish is None:
            vanish = s_vanish
        if not have_color:
            color, theme_white = s_color, s_theme
        if size is None:
            size = s_size
        if vanish:
            return "Word's hidden-text formatting"
        if size is not None and 0 < size <= _TINY_HALF_POINTS:
            return f"tiny text ({size / 2:g} pt)"
        if (theme_white or _white(color)) and not (shaded or self.background_shaded):
            return "white text on a white background"
        return None

    def _bold_cell(self, tc: etree._Element) -> bool:
        """Every run with text in the cell is bold (directly or by style)."""
        seen = False
        for p in tc.iter(W_P):
            ppr = p.find(W_PPR)
            ps = ppr.find(W_PSTYLE) if ppr is not None else None
            pstyle = ps.get(W_VAL) if ps is not None else None
            for r in p.iter(W_R):
                if r.find(W_T) is None:
                    continue
                seen = True
                rpr = r.find(W_RPR)
                b = rpr.find(W_B) if rpr is not None else None
                if b is not None:
                    if not _on(b):
                        return False
                    continue
                rs = rpr.find(W_RSTYLE) if rpr is not None else None
                if not self.styles.run(rs.get(W_VAL) if rs is not None else None, pstyle)[4]:
                    return False
        return seen

    # ------------------------------------------------------------------ tables

    @staticmethod
    def _children(el: etree._Element, want: str) -> Iterator[etree._Element]:
        """``w:tr`` of a table / ``w:tc`` of a row, looking through content controls and custom XML."""
        for c in el:
            if c.tag == want:
                yield c
            elif c.tag in (W_SDT, _w("customXml"), W_SDTCONTENT, W_INS):
                yield from _Walker._children(c, want)

    def table(self, tbl: etree._Element, ctx: _Ctx) -> None:
        tblpr = tbl.find(W_TBLPR)
        style_id: str | None = None
        shaded = ctx.shaded
        first_row_look = True
        if tblpr is not None:
            ts = tblpr.find(W_TBLSTYLE)
            style_id = ts.get(W_VAL) if ts is not None else None
            if _shade_fill(tblpr.find(W_SHD)):
                shaded = True
            look = tblpr.find(W_TBLLOOK)
            if look is not None:
                fr = look.get(W_FIRSTROW)
                if fr is not None:
                    first_row_look = fr.lower() not in _OFF
                else:
                    first_row_look = bool((_int_hex(look.get(W_VAL)) or 0x20) & 0x20)
        style_shaded, style_emph = self.styles.table(style_id)
        shaded = shaded or style_shaded
        rows = [(tr, list(self._children(tr, W_TC))) for tr in self._children(tbl, W_TR)]

        if ctx.sink is None and rows and all(len(row_tcs) <= 1 for _, row_tcs in rows):
            # A one-column table is a layout box (a call-out, a framed section): read it as body text.
            for _, row_tcs in rows:
                for tc in row_tcs:
                    cell_ctx = _Ctx(shaded=shaded or _cell_shaded(tc), fixed_path=ctx.fixed_path, fixed_pno=ctx.fixed_pno)
                    self.blocks(cell_ctx, tc)
            return

        self.table_no += 1
        tno = self.table_no
        grid: list[tuple[etree._Element, list[_Cell], list[tuple[int, etree._Element]]]] = []
        for tr, tcs in rows:
            trpr = tr.find(W_TRPR)
            col = 0
            if trpr is not None:
                if trpr.find(W_DEL) is not None:  # a tracked-deleted row
                    self.stats.deleted += 1
                    self._skip(tr)
                    continue
                gb = trpr.find(W_GRIDBEFORE)
                col = (_int(gb.get(W_VAL)) or 0) if gb is not None else 0
            deferred: list[tuple[int, etree._Element]] = []
            cells: list[_Cell] = []
            for tc in tcs:
                span = 1
                tcpr = tc.find(W_TCPR)
                if tcpr is not None:
                    gs = tcpr.find(W_GRIDSPAN)
                    if gs is not None:
                        span = max(1, _int(gs.get(W_VAL)) or 1)
                sink: list[_Para] = []
                cell_ctx = _Ctx(shaded=shaded or _cell_shaded(tc), sink=sink, deferred=deferred)
                self.blocks(cell_ctx, tc)
                text = " ".join(p.text.strip() for p in sink if p.text.strip())
                hidden = " ".join(p.hidden.strip() for p in sink if p.hidden.strip())
                first = next((p.pno for p in sink if p.text.strip()), sink[0].pno if sink else None)
                cells.append(_Cell(col, span, text, hidden, first))
                col += span
            grid.append((tr, cells, deferred))

        n_head = self._header_rows(grid, style_emph and first_row_look)
        header: dict[int, str] = {}
        for _, cells, _ in grid[:n_head]:
            for cell in cells:
                if not cell.text:
                    continue
                for g in range(cell.col, cell.col + cell.span):
                    prev = header.get(g)
                    header[g] = cell.text if not prev or prev == cell.text else f"{prev} / {cell.text}"
        path = self._path(ctx)
        for i, (_, cells, deferred) in enumerate(grid, start=1):
            first_pno = next((c.first_pno for c in cells if c.text), None) or next(
                (c.first_pno for c in cells if c.first_pno is not None), None
            )
            if ctx.fixed_path is not None:
                first_pno = ctx.fixed_pno
            parts: list[str] = []
            for cell in cells:
                if not cell.text:
                    continue
                head = header.get(cell.col, "") if i > n_head else ""
                parts.append(f"{head}: {cell.text}" if head and head != cell.text else cell.text)
            self.emit(BlockDraft(BlockKind.TABLE_ROW, " | ".join(parts), paragraph=first_pno, heading_path=path, table=tno, row=i))
            hidden = " ".join(c.hidden for c in cells if c.hidden)
            if hidden:
                self.emit(
                    BlockDraft(BlockKind.TABLE_ROW, hidden, paragraph=first_pno, heading_path=path, table=tno, row=i, hidden=True)
                )
            if deferred:
                self._run_deferred(deferred, _Ctx(shaded=ctx.shaded, fixed_path=ctx.fixed_path, fixed_pno=ctx.fixed_pno))

    def _header_rows(self, grid: list[tuple[etree._Element, list[_Cell], list[tuple[int, etree._Element]]]], style_emph: bool) -> int:
        """How many leading rows are headers: marked ``tblHeader``, or a first row that looks like one."""
        n = 0
        for tr, _, _ in grid:
            trpr = tr.find(W_TRPR)
            mark = trpr.find(W_TBLHEADER) if trpr is not None else None
            if mark is None or not _on(mark):
                break
            n += 1
        if n:
            return n if n < len(grid) else 0
        if len(grid) < 2:
            return 0
        tr, first, _ = grid[0]
        texts = [c.text for c in first if c.text]
        if len(texts) < 2 or any(len(t) > 60 for t in texts):
            return 0
        if sum(1 for t in texts if _NUMERIC.match(t)) > len(texts) // 2:
            return 0
        ncols = max(sum(c.span for c in cells) for _, cells, _ in grid)
        if ncols >= 3 or style_emph:
            return 1
        tcs = list(self._children(tr, W_TC))
        if tcs and all(_cell_shaded(tc) or self._bold_cell(tc) for tc in tcs if "".join(tc.itertext()).strip()):
            return 1
        return 0

    # ------------------------------------------------------------------ notes

    def notes(self, root: etree._Element, kind: str) -> None:
        """Append footnotes or endnotes (not separators) under a fixed heading path."""
        tag = _w(kind)
        label = "Footnotes" if kind == "footnote" else "Endnotes"
        self.fld = []
        for note in root.iter(tag):
            if (note.get(W_TYPE) or "normal") != "normal":
                continue
            ref = self.note_refs.get((kind, note.get(W_ID) or ""))
            self.blocks(_Ctx(fixed_path=[label], fixed_pno=ref), note)


_NUMERIC = re.compile(r"^[\d\s.,%£$€+\-/:()]+$")


def _int_hex(v: str | None) -> int | None:
    try:
        return int(v, 16) if v else None
    except ValueError:
        return None


def _cell_shaded(tc: etree._Element) -> bool:
    tcpr = tc.find(W_TCPR)
    return tcpr is not None and _shade_fill(tcpr.find(W_SHD))


def _box_on_white(txbx: etree._Element) -> bool:
    """Whether a text box's own background is known to be white.

    A floating box can sit over a picture or a coloured shape (cover pages do this with white
    titles), so white text in it counts as hidden only when the box itself is painted white.
    """
    shape = txbx.getparent()
    for _ in range(3):
        if shape is None or not isinstance(shape.tag, str):
            return False
        if shape.tag == f"{{{WPS_NS}}}wsp":
            sppr = shape.find(f"{{{WPS_NS}}}spPr")
            fill = sppr.find(f"{{{A_NS}}}solidFill") if sppr is not None else None
            clr = fill.find(f"{{{A_NS}}}srgbClr") if fill is not None else None
            return clr is not None and _white(clr.get("val"))
        if etree.QName(shape).localname in ("shape", "rect", "roundrect", "oval"):  # VML: white unless told
            if (shape.get("filled") or "t").lower() in ("f", "false"):
                return False
            return (shape.get("fillcolor") or "white").lstrip("#").lower() in ("white", "fff", "ffffff")
        shape = shape.getparent()
    return False


# --------------------------------------------------------------------------- entry point


def parse_docx(path: Path, *, limits: Limits | None = None) -> Document:
    """Read a Word package into a Document; raise a ``DocumentError`` naming the file on failure."""
    limits = limits or Limits()
    pkg = open_package(path, limits)
    try:
        return _parse(pkg, limits)
    except DocumentError:
        raise
    except RecursionError as e:
        raise CorruptDocumentError(path, "XML nested too deeply") from e
    except (KeyError, ValueError, TypeError, AttributeError, IndexError, etree.LxmlError) as e:
        raise CorruptDocumentError(path, f"{type(e).__name__}: {e}") from e
    finally:
        pkg.close()


def _parse(pkg: Package, limits: Limits) -> Document:
    path = pkg.path
    root = pkg.xml(pkg.main)
    body = root.find(W_BODY)
    if body is None:
        raise CorruptDocumentError(path, f"{pkg.main} has no w:body")
    styles = _Styles(pkg.xml_or_none(pkg.part_rels.get("styles") or "word/styles.xml"))
    bg = root.find(W_BACKGROUND)
    walker = _Walker(
        path=path,
        styles=styles,
        limits=limits,
        background_shaded=bg is not None and bg.get(W_COLOR) is not None and not _white(bg.get(W_COLOR))
        and (bg.get(W_COLOR) or "").lower() != "auto",
    )
    walker.blocks(_Ctx(), body)
    for kind, rel in (("footnote", "footnotes"), ("endnote", "endnotes")):
        notes = pkg.xml_or_none(pkg.part_rels.get(rel))
        if notes is not None:
            walker.notes(notes, kind)

    warnings = list(pkg.warnings)
    st = walker.stats
    if st.inserted or st.deleted:
        warnings.append(
            f"tracked changes: {st.inserted} insertion(s) read as accepted, {st.deleted} deletion(s) left out"
        )
    if st.placeholders:
        warnings.append(f"{st.placeholders} content control(s) still show placeholder text; that text was left out")
    if st.alt_chunks:
        warnings.append(
            f"{st.alt_chunks} imported chunk(s) (w:altChunk: HTML/RTF/DOCX pasted in as a file) not read; "
            "open and re-save the document in Word to merge them"
        )
    if st.toc:
        warnings.append(f"table of contents ({st.toc} entries) left out")
    if pkg.had_doctype:
        warnings.append(
            f"{', '.join(pkg.had_doctype)} declares a DTD (Word never writes one): XML entities were not expanded"
        )
    if not any(d.text.strip() for d in walker.drafts):
        raise EmptyDocumentError(
            path,
            "no text in the document body",
            hint="If its content is pictures (a scan pasted into Word), OCR it or paste the text in, then review again.",
        )
    return assemble(path, "docx", walker.drafts, sha256=file_sha256(path), warnings=warnings)
