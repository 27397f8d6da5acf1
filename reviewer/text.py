"""Text helpers for the rule-based engines: sentence and table-cell splitting with exact spans.

Every span returned here indexes into the block text it came from, so ``text[start:end]`` is a
verbatim substring that grounding can locate.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from ahocorasick_rs import AhoCorasick

from reviewer.models import Block, BlockKind

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """e.g i.e etc vs cf dr mr mrs ms prof no nos fig figs approx inc ltd plc co st jr sr al dept est
    min max mins hrs wk wks mo yr yrs ref refs vol para sec sect ch art app appx incl excl ca
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()  # noqa: SIM905
)
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) then space.
_END = re.compile(r"[.!?][\"'\u2019\u201d)\]]*\s+")
# Line-level breaks that always separate units: bullets, blank lines, table-cell separators.
_HARD_BREAK = re.compile(r"\n\s*\n|\s*[\u2022\u25cf\u25aa\u27a4\u2794\u25e6\u25a0\u2023\u2043\u27a2\u25ba\uf0b7]\s*|\s+\|\s+")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
MAX_UNIT = 400  # characters; longer runs (headings glued to text, lists without stops) are cut


@dataclass(frozen=True)
class Unit:
    """A sentence or table cell: the smallest piece of text a rule judges and quotes."""

    block: Block
    index: int  # position of the block in the document
    start: int  # offsets inside ``block.text``
    end: int
    text: str
    kind: str  # "sentence" | "cell"

    @property
    def is_table(self) -> bool:
        return self.block.kind in (BlockKind.TABLE_ROW, BlockKind.TABLE_CELL)


def _is_boundary(text: str, dot: int) -> bool:
    """Whether the punctuation at ``dot`` ends a sentence (not an abbreviation or initial)."""
    if text[dot] != ".":
        return True
    m = _WORD_BEFORE.search(text[max(0, dot - 12) : dot])
    if m:
        word = m.group(1).lower().rstrip(".")
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            return False
    nxt = dot + 1
    while nxt < len(text) and not text[nxt].isspace():
        nxt += 1
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    # "... per year. 3 sites" ends; "... approx. twenty" (lower case) usually does not.
    return nxt >= len(text) or not text[nxt].islower()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r\n-–—*:;,":
        start += 1
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return start, end


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a run longer than MAX_UNIT at clause breaks (; : ,) or spaces."""
    out: list[tuple[int, int]] = []
    while end - start > MAX_UNIT:
        window = text[start : start + MAX_UNIT]
        cut = max(window.rfind("; "), window.rfind(": "), window.rfind(", "))
        if cut < MAX_UNIT // 3:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = MAX_UNIT
        out.append((start, start + cut + 1))
        start += cut + 1
    out.append((start, end))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans ``(start, end)``; bullets and ``|`` also separate."""
    spans: list[tuple[int, int]] = []
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _HARD_BREAK.finditer(text):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(text)))
    for ps, pe in pieces:
        s = ps
        for m in _END.finditer(text, ps, pe):
            if _is_boundary(text, m.start()):
                e = m.start() + 1
                # keep closing quotes/brackets with the sentence
                while e < m.end() and not text[e].isspace():
                    e += 1
                spans.append((s, e))
                s = m.end()
        spans.append((s, pe))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        s, e = _trim(text, s, e)
        if e - s >= 2:
            out.extend(_cut_long(text, s, e))
    return out


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`)."""
    return [text[s:e] for s, e in sentence_spans(text)]


def block_units(block: Block, index: int) -> list[Unit]:
    """Sentences of a prose block, or the cells of a table row (``Header: value | ...``)."""
    kind = "cell" if block.kind in (BlockKind.TABLE_ROW, BlockKind.TABLE_CELL) else "sentence"
    return [Unit(block, index, s, e, block.text[s:e], kind) for s, e in sentence_spans(block.text)]


_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse whitespace (for display and matching, never for quoting)."""
    return _WS.sub(" ", text).strip()


# --------------------------------------------------------------------------- fast case-insensitive matching
# Python's re is several times faster matching a lower-cased text with a lower-cased pattern than
# matching with re.IGNORECASE. ``folded`` builds that twin of an IGNORECASE pattern (escapes such as
# \S or \W keep their case); ``fold`` lower-cases text without changing its length, so offsets hold.

_FOLDED: dict[tuple[str, int], re.Pattern[str] | None] = {}


def folded(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern equivalent to ``pattern`` (compiled with re.I) for use on ``fold(text)``.

    None when the pattern has case-sensitive parts (``(?-i:...)``) and must run on the original.
    """
    key = (pattern.pattern, pattern.flags)
    if key in _FOLDED:
        return _FOLDED[key]
    src = pattern.pattern
    result: re.Pattern[str] | None = None
    if pattern.flags & re.I and "(?-i" not in src:
        out: list[str] = []
        i = 0
        while i < len(src):
            ch = src[i]
            if ch == "\\" and i + 1 < len(src):
                out.append(src[i : i + 2])
                i += 2
                continue
            out.append(ch.lower())
            i += 1
        result = re.compile("".join(out), pattern.flags & ~re.I)
    _FOLDED[key] = result
    return result


def fold(text: str) -> str:
    """Lower-case ``text`` keeping its length (characters whose lower case is longer stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# --------------------------------------------------------------------------- literal prefilters
# Most positions of a document cannot start a match. A regex made only of literal strings that
# every match must contain runs ~50x faster than the full pattern; it finds the few sentences
# worth the full pattern. The literals are read from the pattern's own parse tree, so a rule
# never has to state them twice.

_TRIGGERS: dict[tuple[str, int], re.Pattern[str] | None] = {}
_LITERALS: dict[tuple[str, int], tuple[str, ...] | None] = {}
_MIN_LITERAL = 2
_RARE = frozenset("£$€¥%>\u2192\u21d2")  # rare in prose: a literal of one of these is a usable prefilter ("41 -> 29", "6 → 3")


def _usable(req: list[str] | None) -> bool:
    return bool(req) and all(len(x) >= _MIN_LITERAL or x in _RARE for x in req or [])


def _leading_literals(seq: object) -> str:
    """The literal characters every match of the parsed sequence ``seq`` starts with."""
    from re import _constants as c  # type: ignore[attr-defined]

    out: list[str] = []
    for op, av in seq:  # type: ignore[attr-defined]
        if op is not c.LITERAL:
            break
        out.append(chr(av).lower())
    return "".join(out)


def _requirement(seq: object) -> list[str] | None:
    """Strings of which at least one occurs in every match of the parsed sequence ``seq``."""
    from re import _constants as c  # type: ignore[attr-defined]

    best: list[str] | None = None

    def consider(req: list[str] | None) -> None:
        nonlocal best
        if not _usable(req) or req is None:
            return
        key = (min(len(x) for x in req), -len(req))
        if best is None or key > (min(len(x) for x in best), -len(best)):  # longest, then fewest
            best = req

    run: list[str] = []
    for op, av in seq:  # type: ignore[attr-defined]
        if op is c.LITERAL:
            run.append(chr(av).lower())
            continue
        prev_run = "".join(run)
        if run:
            consider(["".join(run)])
            run = []
        if op is c.IN and all(o is c.LITERAL for o, _ in av):
            consider(sorted({chr(v).lower() for _, v in av}))
        elif op is c.SUBPATTERN:
            consider(_requirement(av[-1]))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            consider(_requirement(av[2]))
        elif op is c.BRANCH:
            alts = [_requirement(a) for a in av[1]]
            if all(alts):
                consider(sorted({x for a in alts for x in a or []}))
            # the parser factors a shared prefix out of alternatives ("CTO|CDO" -> "C" + "TO|DO"):
            # joined back to each alternative's own leading literals, the prefix makes a longer requirement
            heads = [_leading_literals(a) for a in av[1]]
            if prev_run and all(heads):
                consider(sorted({prev_run + h for h in heads}))
    if run:
        consider(["".join(run)])
    return best


def literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case strings of which at least one occurs wherever ``pattern`` matches in ``fold(text)``
    (a necessary condition), or None when the pattern has no usable literals."""
    key = (pattern.pattern, pattern.flags)
    if key in _LITERALS:
        return _LITERALS[key]
    from re import _parser  # type: ignore[attr-defined]

    result: tuple[str, ...] | None = None
    try:
        req = _requirement(_parser.parse(pattern.pattern, pattern.flags & ~re.I).data)
    except Exception:  # an unusual construct: no prefilter, the full pattern still runs
        req = None
    if req and all(len(x.lower()) == len(x) for x in req):
        result = tuple(sorted(set(req), key=lambda x: (-len(x), x)))
    _LITERALS[key] = result
    return result


def trigger(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A literal-only regex that finds every place ``pattern`` could match in ``fold(text)``
    (a necessary condition), or None when the pattern has no usable literals."""
    key = (pattern.pattern, pattern.flags)
    if key not in _TRIGGERS:
        lits = literals(pattern)
        _TRIGGERS[key] = re.compile("|".join(re.escape(x) for x in lits)) if lits else None
    return _TRIGGERS[key]


class LiteralIndex:
    """Where the literals of many patterns occur in a text, found in one Aho-Corasick pass.

    Scanning a document once per pattern for its literals cost more than the patterns themselves;
    one automaton over every pattern's literals finds them all at once. Literals are added as new
    patterns are met (``ids``); ``version`` changes whenever they are, so a cached result can tell
    it is stale.
    """

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._automaton: AhoCorasick | None = None
        self._lock = threading.Lock()

    @property
    def version(self) -> int:
        return len(self._ids)

    def ids(self, words: Sequence[str]) -> list[int]:
        """The ids of ``words``, adding those not yet known."""
        with self._lock:
            for w in words:
                if w not in self._ids:
                    self._ids[w] = len(self._ids)
                    self._automaton = None
            return [self._ids[w] for w in words]

    def find(self, text: str) -> tuple[int, list[tuple[int, int, int]]]:
        """``(version, matches)``: every occurrence of every known literal as (id, start, end), overlapping ones too."""
        with self._lock:
            if self._automaton is None:
                self._automaton = AhoCorasick(list(self._ids)) if self._ids else None
            automaton, version = self._automaton, self.version
        return version, (automaton.find_matches_as_indexes(text, overlapping=True) if automaton is not None else [])
