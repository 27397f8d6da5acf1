"""Turn positioned text spans into lines, paragraphs, headings and list items.

Lines: spans in drawing order that share a baseline and follow each other left to right; a gap
wider than a fraction of the font size is a word space (this restores the spaces that justified
lines and one-glyph-per-operator exports lose). Running headers and footers are lines near the top
or bottom edge that repeat across pages (digits ignored), plus bare page numbers. Blocks: lines that
continue each other (same size and weight, normal line pitch, overlapping columns) are reflowed into
one paragraph, repairing line-end hyphenation and ligatures.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from reviewer.documents.pdf_content import Span
from reviewer.models import BlockKind

#: A horizontal gap wider than this many ems between two spans is a word space.
WORD_GAP_EM = 0.11
#: A gap wider than this many ems splits a line (columns, table cells).
COLUMN_GAP_EM = 3.0
#: Lines within this fraction of the page height from the top or bottom edge may be running headers/footers.
MARGIN_BAND = 0.12

LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft", "ﬆ": "st", "\u00ad": ""})
BULLETS = "•●○◦▪▫■□‣⁃∙·◆◇►▸▶➔→➜➝➞⇒❖✦✧➢➤✓✔–-*"
_DASHES = "–-*"
_BULLET_RE = re.compile(r"^\s*(?:[" + re.escape(BULLETS) + r"]|o(?=\s+[A-Z])|\(?[0-9]{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+", re.I)
_RULE_RE = re.compile(r"^[_\-–—=.·•~\s]{3,}$")
_LEADER_RE = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){4,})\s*[0-9ivx]+$", re.I)
_CAPTION_RE = re.compile(r"^(?:table|figure|fig\.?|chart|exhibit|box)\s+[A-Z]?\d+[a-z]?\b", re.I)
_MARKER_RE = re.compile(r"^(?:\d{1,3}|[*†‡§])$")
_NUMBERED_HEADING_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+\S")
_PAGE_NUMBER_RE = re.compile(
    r"^(?:page\s*[|:]?\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|/|\|)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$",
    re.I,
)
_HYPHEN_ENDINGS = (
    "tion", "tions", "sion", "sions", "ment", "ments", "ance", "ances", "ence", "ences", "ing", "ings", "ity",
    "ities", "ness", "ally", "ical", "able", "ible", "ism", "ist", "ists", "ous", "ive", "ives", "ure", "ures",
    "ed", "er", "ers", "es", "ly", "al", "ise", "ised", "ize", "ized", "ation", "ations", "ary", "ory", "ogy",
)


@dataclass
class Line:
    """One line of text on a page, with its geometry."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    bold: bool
    page: int
    direction: int
    bbox: tuple[float, float, float, float]
    hidden: str | None = None
    parts: int = 1


@dataclass
class BlockOut:
    """A block before ids and offsets: what the parser hands to ``assemble``."""

    kind: BlockKind
    text: str
    page: int
    bbox: tuple[float, float, float, float]
    size: float
    bold: bool
    level: int | None = None
    hidden: bool = False
    lines: list[Line] = field(default_factory=list)


def _union(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def build_lines(spans: list[Span], page: int) -> list[Line]:
    """Group spans (in drawing order) into lines."""
    lines: list[Line] = []
    cur: Line | None = None
    chunks: list[str] = []
    weights: dict[float, int] = {}  # letters and digits per font size on the current line
    total = bold = 0
    for s in spans:
        if cur is not None:
            em = max(s.size, cur.size, 1.0)
            gap = s.x0 - cur.x1
            dy = s.y - cur.y
            superscript = s.size < 0.85 * cur.size and len(s.text.strip()) <= 3 and 0 < dy <= 0.8 * cur.size
            same_line = (
                s.direction == cur.direction
                and s.hidden == cur.hidden
                and (abs(dy) <= 0.45 * em or superscript)
                and -0.5 * em <= gap <= COLUMN_GAP_EM * em
            )
            if same_line:
                if gap > WORD_GAP_EM * em and chunks and not chunks[-1].endswith(" ") and not s.text.startswith(" "):
                    chunks.append(" ")
                chunks.append(s.text)
                cur.x1 = max(cur.x1, s.x1)
                cur.bbox = _union(cur.bbox, s.bbox)
                n = sum(ch.isalnum() for ch in s.text)
                if n:
                    weights[round(s.size * 2) / 2] = weights.get(round(s.size * 2) / 2, 0) + n
                    total += n
                    bold += n if s.bold else 0
                cur.parts += 1
                continue
            _close(cur, chunks, weights, total, bold)
            lines.append(cur)
        chunks = [s.text]
        n = sum(ch.isalnum() for ch in s.text)
        weights = {round(s.size * 2) / 2: n} if n else {}
        total = n
        bold = n if s.bold else 0
        cur = Line(text="", x0=s.x0, x1=s.x1, y=s.y, size=s.size, bold=s.bold, page=page,
                   direction=s.direction, bbox=s.bbox, hidden=s.hidden)
    if cur is not None:
        _close(cur, chunks, weights, total, bold)
        lines.append(cur)
    out: list[Line] = []
    for ln in lines:
        ln.text = " ".join(ln.text.split())
        if ln.text and not _RULE_RE.match(ln.text):
            out.append(ln)
    return out


def _close(line: Line, chunks: list[str], weights: dict[float, int], total: int, bold: int) -> None:
    """Finish a line: its text, and the size and weight carrying most of its letters (not its bullet)."""
    line.text = "".join(chunks)
    if weights:
        line.size = max(weights.items(), key=lambda kv: kv[1])[0]
        line.bold = bold >= 0.6 * total


def _norm_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def is_page_number(text: str) -> bool:
    """'12', 'Page 3 of 20', '3 / 20', 'Page | 6', '- 4 -', roman numerals."""
    return bool(_PAGE_NUMBER_RE.match(text.strip()))


def remove_running(pages: list[list[Line]], heights: list[tuple[float, float]]) -> list[int]:
    """Drop running headers/footers and page numbers in place; return the count removed per page.

    ``heights`` holds each page's (bottom, top) in user space. Only upright lines in the top or bottom
    band are candidates; a candidate is running when its text (digits ignored) is in the band on at
    least 40% of pages (and at least two), or when it is a bare page number.
    """
    n = len(pages)
    band_keys: list[set[str]] = []
    for lines, (bottom, top) in zip(pages, heights, strict=True):
        h = max(top - bottom, 1.0)
        keys = {_norm_key(ln.text) for ln in lines if ln.direction == 0 and _in_band(ln, bottom, top, h)}
        band_keys.append(keys)
    counts = Counter(k for keys in band_keys for k in keys)
    need = max(2, int(0.4 * n + 0.999)) if n >= 2 else 10**9
    running = {k for k, c in counts.items() if c >= need and len(k) <= 160}
    removed: list[int] = []
    for i, (lines, (bottom, top)) in enumerate(zip(pages, heights, strict=True)):
        h = max(top - bottom, 1.0)
        keep: list[Line] = []
        dropped = 0
        for ln in lines:
            if ln.direction == 0 and _in_band(ln, bottom, top, h):
                key = _norm_key(ln.text)
                if key in running or is_page_number(ln.text):
                    dropped += 1
                    continue
            keep.append(ln)
        if not keep:  # a page of nothing but the repeated line: that line is the content
            keep = [ln for ln in lines if not is_page_number(ln.text)]
            dropped = len(lines) - len(keep)
        pages[i] = keep
        removed.append(dropped)
    return removed


def _in_band(ln: Line, bottom: float, top: float, h: float) -> bool:
    return ln.y >= top - MARGIN_BAND * h or ln.y <= bottom + MARGIN_BAND * h


def line_pitches(pages: list[list[Line]]) -> dict[float, float]:
    """The usual baseline-to-baseline distance per (rounded) font size across the document."""
    by_size: dict[float, Counter[float]] = {}
    for lines in pages:
        for a, b in itertools.pairwise(lines):
            if a.direction != 0 or b.direction != 0 or abs(a.size - b.size) > 0.5:
                continue
            d = a.y - b.y
            if 0.8 * a.size <= d <= 2.2 * a.size:
                by_size.setdefault(round(a.size), Counter())[round(d * 2) / 2] += 1
    return {size: c.most_common(1)[0][0] for size, c in by_size.items()}


def build_blocks(lines: list[Line], pitches: dict[float, float], page: int) -> list[BlockOut]:
    """Group one page's lines (drawing order) into blocks."""
    blocks: list[BlockOut] = []
    cur: BlockOut | None = None
    for ln in lines:
        bullet = bool(_BULLET_RE.match(ln.text)) or (ln.text[:1] in BULLETS and len(ln.text) == 1)
        if bullet and ln.text[:1] in _DASHES and cur is not None and not cur.lines[-1].text.endswith((".", ":", ";", "!", "?")):
            bullet = False  # a dash that carries on a sentence, not a list marker
        if cur is not None and _MARKER_RE.match(ln.text) and ln.size < 0.8 * cur.size:
            continue  # a footnote marker drawn apart from its line: dropping it keeps the paragraph whole
        if cur is not None and not bullet and _continues(cur, ln, pitches):
            cur.lines.append(ln)
            cur.bbox = _union(cur.bbox, ln.bbox)
            cur.bold = cur.bold and ln.bold
            continue
        if cur is not None and cur.kind == BlockKind.LIST_ITEM and len(cur.lines) == 1 and len(cur.lines[0].text) == 1:
            # A bullet glyph drawn on its own: the text beside it belongs to the item.
            cur.lines.append(ln)
            cur.bbox = _union(cur.bbox, ln.bbox)
            cur.size, cur.bold = ln.size, ln.bold
            continue
        cur = BlockOut(
            kind=BlockKind.LIST_ITEM if bullet else BlockKind.PARAGRAPH,
            text="",
            page=page,
            bbox=ln.bbox,
            size=ln.size,
            bold=ln.bold,
            hidden=ln.hidden is not None,
            lines=[ln],
        )
        blocks.append(cur)
    return blocks


def _continues(block: BlockOut, ln: Line, pitches: dict[float, float]) -> bool:
    prev = block.lines[-1]
    if _LEADER_RE.search(prev.text):
        return False  # table of contents entries stay one per block
    if ln.direction != prev.direction or (ln.hidden is None) != (prev.hidden is None):
        return False
    if block.bold and _NUMBERED_HEADING_RE.match(ln.text) and not prev.text.endswith("-"):
        return False  # the next numbered heading
    if abs(ln.size - block.size) > max(0.6, 0.08 * block.size):
        return False
    if ln.bold != block.bold and (prev.text.endswith((".", ":", "?", "!")) or prev.x1 < ln.x1 - 3 * ln.size
                                  or not ln.text[:1].islower()):
        return False  # a change of weight starts a new block, unless a bold lead-in wraps mid-sentence
    drop = prev.y - ln.y
    pitch = pitches.get(round(ln.size), 1.25 * ln.size)
    # A sentence that visibly carries on (no closing mark, next line in lower case) may use looser spacing.
    carries = bool(re.search(r"[A-Za-z,;]$", prev.text) and re.match(r"[a-z]+\b", ln.text)) and len(prev.text) > 40
    if drop <= 0.5 * ln.size or drop > max(pitch * 1.3, pitch + 0.35 * ln.size, 1.8 * ln.size if carries else 0):
        return False
    # Columns must overlap.
    x0 = min(b.x0 for b in block.lines)
    x1 = max(b.x1 for b in block.lines)
    if ln.x0 > x1 - ln.size or ln.x1 < x0 + ln.size:
        return False
    # A short line that ends a sentence closes its paragraph.
    return not (prev.text.endswith((".", ":", "?", "!")) and prev.x1 < x1 - 6 * ln.size)


def join_lines(lines: list[str], vocabulary: set[str]) -> str:
    """Reflow lines into one paragraph, repairing line-end hyphenation."""
    out = ""
    for text in lines:
        if not out:
            out = text
            continue
        m = re.search(r"([A-Za-z]+)[-\u2010]$", out)
        n = re.match(r"([a-z]+)", text)
        if m and n and _join_hyphen(m.group(1), n.group(1), vocabulary):
            out = out[:-1] + text
        elif m and n:
            out = out + text  # a real hyphen at the line end ("post-\npilot" -> "post-pilot")
        else:
            out = out + " " + text
    return out


def _join_hyphen(left: str, right: str, vocabulary: set[str]) -> bool:
    """Whether 'left-' at a line end and 'right' on the next line are one word split by hyphenation."""
    joined = (left + right).lower()
    if f"{left}-{right}".lower() in vocabulary:
        return False  # the document writes the compound with its hyphen elsewhere
    if joined in vocabulary or right.lower() in _HYPHEN_ENDINGS:
        return True
    # Two fragments that are not words on their own ("mur-ders") were one word in a document that
    # hyphenates words at line ends; elsewhere (Word and Google Docs exports rarely do) a line-end
    # hyphen is a real one ("post-pilot"), as is any hyphen with a known word on either side.
    auto = isinstance(vocabulary, Vocabulary) and vocabulary.auto_hyphenated
    return auto and left.lower() not in vocabulary and right.lower() not in vocabulary


class Vocabulary(set[str]):
    """Words seen in the document, and whether it hyphenates words at line ends (as LaTeX does)."""

    auto_hyphenated: bool = False


def vocabulary(pages: list[list[Line]]) -> Vocabulary:
    """Lower-case words (and hyphenated compounds) seen whole inside lines, for hyphenation decisions.

    The fragments either side of a line-end hyphen are left out: they are what is being decided.
    """
    words = Vocabulary()
    word_re = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
    splits: list[tuple[str, str]] = []
    for lines in pages:
        after_hyphen = False
        prev_last = ""
        for ln in lines:
            found = word_re.findall(ln.text)
            ends_hyphen = ln.text.endswith(("-", "\u2010"))
            if after_hyphen and found and ln.text[:1].islower():
                splits.append((prev_last, found[0]))
                found = found[1:]
            last = found[-1] if ends_hyphen and found else ""
            if ends_hyphen and found:
                found = found[:-1]
            words.update(w.lower() for w in found)
            for w in found:
                if "-" in w:
                    words.update(part.lower() for part in w.split("-"))
            after_hyphen, prev_last = ends_hyphen, last.split("-")[-1]
    joined = sum(1 for a, b in splits if (a + b).lower() in words)
    kept = sum(1 for a, b in splits if f"{a}-{b}".lower() in words)
    words.auto_hyphenated = joined >= 3 and joined > 2 * kept
    return words


_MAX_CELL_LINES = 4


def _side_by_side(a: BlockOut, b: BlockOut) -> bool:
    """Two short blocks next to each other whose vertical extents mostly overlap: cells of one table row
    where one cell wraps onto a second line and the others are drawn centred beside it."""
    if len(a.lines) > _MAX_CELL_LINES or len(b.lines) > _MAX_CELL_LINES or len(a.lines) == len(b.lines) == 1:
        return False
    if b.bbox[0] < a.bbox[2] - 0.5 * b.size:
        return False  # they overlap horizontally: one above the other, not side by side
    low, high = max(a.bbox[1], b.bbox[1]), min(a.bbox[3], b.bbox[3])
    shorter = min(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1])
    return shorter > 0 and high - low >= 0.6 * shorter


def group_rows(blocks: list[BlockOut]) -> list[BlockOut]:
    """Merge runs of blocks that start on the same baseline, left to right, into table rows."""
    out: list[BlockOut] = []
    i = 0
    while i < len(blocks):
        first = blocks[i]
        j = i + 1
        if not first.hidden and first.lines[0].direction == 0:
            y = first.lines[0].y
            while j < len(blocks):
                b = blocks[j]
                prev = blocks[j - 1]
                if b.hidden or b.lines[0].direction != 0 or b.lines[0].x0 <= prev.lines[0].x0:
                    break
                same_line = abs(b.lines[0].y - y) <= 0.4 * max(b.size, first.size)
                if not same_line and not _side_by_side(first, b) and not (
                        prev is not first and _side_by_side(first, prev) and abs(b.lines[0].y - prev.lines[0].y) <= 0.4 * max(b.size, prev.size)):
                    break
                j += 1
        if j - i >= 2:
            cells = blocks[i:j]
            toc = any(_LEADER_RE.search(c.text) for c in cells)  # a contents entry, not a table row
            row = BlockOut(kind=BlockKind.PARAGRAPH if toc else BlockKind.TABLE_ROW,
                           text=(" " if toc else " | ").join(c.text for c in cells), page=first.page,
                           bbox=first.bbox, size=first.size, bold=all(c.bold for c in cells),
                           lines=[ln for c in cells for ln in c.lines])
            for c in cells[1:]:
                row.bbox = _union(row.bbox, c.bbox)
            out.append(row)
        else:
            out.append(first)
            j = i + 1
        i = j
    return out


def finish(block: BlockOut, vocab: set[str]) -> None:
    """Set the block's text from its lines (reflowed, ligatures expanded)."""
    texts = [ln.text for ln in block.lines]
    if block.kind == BlockKind.LIST_ITEM and len(texts) >= 2 and len(texts[0]) == 1:
        texts = [texts[0] + " " + texts[1], *texts[2:]]
    block.text = join_lines(texts, vocab).translate(LIGATURES)


def classify_headings(blocks: list[BlockOut], body_size: float, body_bold: bool) -> None:
    """Mark short blocks set larger or bolder than the body (or numbered like '3.2 Title') as headings."""
    sizes = sorted({round(b.size * 2) / 2 for b in blocks if _heading_candidate(b, body_size, body_bold)}, reverse=True)
    for b in blocks:
        if b.hidden or b.kind == BlockKind.TABLE_ROW or not _heading_candidate(b, body_size, body_bold):
            continue
        if b.kind == BlockKind.LIST_ITEM and not (_NUMBERED_HEADING_RE.match(b.text) and b.size >= body_size * 1.15):
            continue
        b.kind = BlockKind.HEADING
        m = _NUMBERED_HEADING_RE.match(b.text)
        if m and "." in m.group(1):
            b.level = min(6, m.group(1).count(".") + 1)
        else:
            key = round(b.size * 2) / 2
            b.level = min(6, sizes.index(key) + 1) if key in sizes else len(sizes) or 1


def _heading_candidate(b: BlockOut, body_size: float, body_bold: bool) -> bool:
    text = b.text
    words = len(text.split())
    if not text or words > 18 or len(text) > 160 or len(b.lines) > 3 or re.search(r"\.{5,}|…{2,}", text):
        return False
    if not re.search(r"[A-Za-z]{2}", text) or text.endswith((",", ";")) or _CAPTION_RE.match(text):
        return False
    bigger = b.size >= body_size * 1.15
    bolder = b.bold and not body_bold and b.size >= body_size * 0.95
    numbered = bool(_NUMBERED_HEADING_RE.match(text)) and len(b.lines) == 1 and not text.endswith(".") and words <= 12
    if bigger:
        return True
    if bolder:
        return not text.endswith(".") or words <= 6
    return numbered and (b.bold or b.size > body_size * 1.05)


def body_style(blocks: list[BlockOut]) -> tuple[float, bool]:
    """The size and weight carrying the most characters."""
    sizes: Counter[float] = Counter()
    bold: Counter[bool] = Counter()
    for b in blocks:
        if b.hidden:
            continue
        n = sum(len(ln.text) for ln in b.lines)
        sizes[round(b.size * 2) / 2] += n
        bold[b.bold] += n
    if not sizes:
        return 10.0, False
    return sizes.most_common(1)[0][0], bold.most_common(1)[0][0]
