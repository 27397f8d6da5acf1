"""Offline screening engine: deterministic, explainable rules over sentences and table cells.

For each reason the engine finds the sentences and table cells that mention the elements a
complete answer names (rules in ``screen_rules``), decides for each mention whether it is a
real statement, a negated one, a deferred one ("to be agreed at the scale gate") or, in a
post-pilot report, only a promise; ignores keywords used in another sense; and turns what it
found into a status with verbatim quotes, a one-line rationale and what is still missing.

Text addressed to AI reviewers and text hidden from a human reader is never evidence.
A small trained screen (``screen_model``) then weighs what the rules found and may set the status,
never beyond what the quotes show. No language model, no key, and the same input always gives the
same output.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import zip_longest
from typing import Literal

from reviewer.engines import screen_rules as R
from reviewer.engines.screen_model import Inputs, ScreenModel, choose, grams, load_model, named_features
from reviewer.injection import find_alerts
from reviewer.models import (
    Alert,
    Block,
    BlockKind,
    CommercialKPI,
    DocType,
    Document,
    EngineInfo,
    EngineResult,
    Evidence,
    EvidenceRole,
    FactItem,
    Facts,
    Finding,
    Reason,
    Rubric,
    Status,
)
from reviewer.text import LiteralIndex, Unit, block_units, fold, folded, literals, sentence_spans, squash

Polarity = Literal["affirmed", "negated", "deferred", "future"]
MAX_QUOTES = 3
NO_RULES = "no screening rules for this reason; use the LLM engine"


@dataclass
class Mention:
    """One element found in one unit, with how the sentence qualifies it."""

    unit: Unit
    element: str
    start: int  # inside unit.text
    end: int
    polarity: Polarity
    core: bool = False
    gap: bool = False

    @property
    def match(self) -> str:
        return self.unit.text[self.start : self.end]


@dataclass
class _Doc:
    document: Document
    units: list[Unit]
    is_report: bool
    future_section: list[bool]  # per unit: sits under a forward-looking heading
    inherited: list[Polarity | None] = field(default_factory=list)  # deferral from the heading or a lead-in "...:" sentence
    folded: str = ""  # ``joined`` lower-cased, same length (see text.fold)
    joined: str = ""  # all unit texts joined by _SEP: each pattern scans the document once
    starts: list[int] = field(default_factory=list)  # offset of each unit in ``joined``
    neighbours: dict[int, str] = field(default_factory=dict)  # unit index -> context text
    hits: dict[int, list[tuple[int, int, int]]] = field(default_factory=dict)  # id(pattern) -> (unit, start, end)
    found: dict[tuple[int, bool, bool], list[tuple[int, Mention]]] = field(default_factory=dict)  # (id(element), gap, future_counts) -> mentions
    owners: tuple[list[_Owner], list[Mention], list[Mention]] | None = None  # see ``owners``
    grams: dict[int, Counter[str]] = field(default_factory=dict)  # unit index -> its words, for the trained screen
    all_grams: Counter[str] | None = None  # the whole document's words, for the trained screen
    literal_units: dict[int, list[int]] = field(default_factory=dict)  # literal id (see _LITERALS) -> units it occurs in
    literal_version: int = -1  # the _LITERALS version ``literal_units`` was computed with


_SEP = "\n\x00\n"


# --------------------------------------------------------------------------- qualifiers


@lru_cache(maxsize=8192)
def _breaks(text: str) -> tuple[tuple[int, int], ...]:
    """Where clauses end in a unit's text (asked for every mention in it, so kept)."""
    return tuple(m.span() for m in R.CLAUSE_BREAK.finditer(text))


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    cs, ce = 0, len(text)
    for bs, be in _breaks(text):
        if be <= start:
            cs = be
        elif bs >= end:
            ce = bs
            break
    return cs, ce


@lru_cache(maxsize=8192)
def _deferred(clause: str) -> bool:
    return R.DEFERRAL.search(clause) is not None


@lru_cache(maxsize=8192)
def _planned(clause: str) -> bool:
    return R.FUTURE.search(clause) is not None


_WORDS_BEFORE = re.compile(r"(?:\S+\s+){0,6}\S*$")  # \S* keeps an opening quote or bracket glued to the cue
_GAP_WORDS_BEFORE = re.compile(r"(?:\S+\s+){0,10}\S*$")


def polarity(text: str, start: int, end: int, *, is_report: bool = False, future_section: bool = False) -> Polarity:
    """How the sentence ``text`` qualifies the mention at ``text[start:end]``.

    ``deferred``: promised for later ("to be agreed at the scale gate", "in phase 2", "if the
    pilot proceeds"); ``negated``: denied ("no owner has been identified"); ``future``: a plan,
    not a fact (only for reports); else ``affirmed``.
    """
    cs, ce = _clause(text, start, end)
    clause = text[cs:ce]
    if _deferred(clause):
        return "deferred"
    before = text[cs:start]
    m = _WORDS_BEFORE.search(before)
    window = m.group(0) if m else before
    if R.NEGATION_BEFORE.search(window) or R.NEGATION_AFTER.search(text[end:ce][:120]):
        if R.CHECKED_CLEAN.search(window) and R.CHECKED_RISK.search(text, start, end):
            return "affirmed"  # "we found no evidence of bias": the check was done
        return "negated"
    if is_report and (future_section or _planned(clause)):
        return "future"
    return "affirmed"


def qualify(text: str, doc_type: DocType = DocType.PROPOSAL) -> Polarity:
    """Qualify a whole sentence (its first clause): a convenience for tests and tools."""
    return polarity(text, 0, 0, is_report=doc_type == DocType.REPORT)


# --------------------------------------------------------------------------- document index


def _index(document: Document, alerts: list[Alert] | None = None) -> _Doc:
    if alerts is None:
        alerts = find_alerts(document)
    directed_in: dict[str, list[tuple[int, int]]] = {}
    for a in alerts:
        if a.kind == "reviewer_directed" and a.block_id is not None:
            b = document.block(a.block_id)
            at = b.text.find(a.text) if b is not None else -1
            if at >= 0:
                directed_in.setdefault(a.block_id, []).append((at, at + len(a.text)))
    units: list[Unit] = []
    future: list[bool] = []
    inherited: list[Polarity | None] = []
    lead_in: Polarity | None = None
    title = next((b.text for b in document.blocks if b.kind == BlockKind.HEADING), document.title or "")
    is_report = document.doc_type == DocType.REPORT
    for i, b in enumerate(document.blocks):
        if b.hidden or b.kind == BlockKind.HEADING or not_a_statement(b):
            continue
        # the section a block sits in (not the document title, which often says "... and recommendations")
        section = b.heading_path[-1] if b.heading_path and b.heading_path[-1] != title else ""
        fut = bool(section) and bool(R.FUTURE_SECTIONS.search(section))
        inh: Polarity | None = "deferred" if section and R.DEFERRAL.search(section) else None
        if inh is None and section and R.OUT_OF_SCOPE_SECTION.search(section):
            inh = "negated"
        if inh is None and b.kind == BlockKind.LIST_ITEM and lead_in is not None:
            inh = lead_in
        if b.kind != BlockKind.LIST_ITEM:
            lead_in = _lead_in(b.text)
        directed = directed_in.get(b.id, [])
        for u in block_units(b, i):
            if directed and any(s < u.end and u.start < e for s, e in directed):
                continue
            if _not_a_claim(u.text):
                continue
            units.append(u)
            future.append(fut)
            inherited.append(inh)
    starts: list[int] = []
    pos = 0
    for u in units:
        starts.append(pos)
        pos += len(u.text) + len(_SEP)
    joined = _SEP.join(u.text for u in units)
    return _Doc(document, units, is_report, future, inherited, folded=R.fold_money(fold(joined)), joined=joined, starts=starts)


def not_a_statement(b: Block) -> bool:
    """Blocks that make no claim about the pilot: front and back matter (contents, lists of figures,
    glossaries, document history, references), quoted participants' voices, and glossary rows."""
    if any(R.NON_STATEMENT_SECTIONS.search(h) for h in b.heading_path):
        return True
    if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) and R.QUOTED_VOICE.match(b.text):
        return True
    return b.kind in (BlockKind.TABLE_ROW, BlockKind.TABLE_CELL) and _glossary_row(b.text)


def _glossary_row(text: str) -> bool:
    """"LoS | Length of Stay": an abbreviation (two or more capitals) and its expansion, same initial."""
    if not R.GLOSSARY_ROW.match(text):
        return False
    short, long = (c.strip() for c in text.split("|", 1))
    return sum(ch.isupper() for ch in short) >= 2 and short[:1].lower() == long[:1].lower()


_BRACKETED = re.compile(r"^\W*\[[^\]]*\]\W*$")


def _not_a_claim(text: str) -> bool:
    """A contents line, a figure or table caption, a question, a definition, or an editorial [placeholder]."""
    t = text.rstrip()
    return t.endswith("?") or bool(R.CONTENTS_LINE.search(t)) or bool(_BRACKETED.match(t)) or bool(R.DEFINITION.match(t))


def _lead_in(text: str) -> Polarity | None:
    """A paragraph that introduces a list ("In phase 2 we will:") passes its deferral to the items."""
    t = text.rstrip()
    if not t.endswith(":"):
        return None
    spans = sentence_spans(t)
    last = t[spans[-1][0] : spans[-1][1]] if spans else t
    clause = re.split(r"[,;]\s|:\s", last.rstrip().rstrip(":"))[-1]  # the clause that introduces the list
    if re.search(r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:designed|built|run|set\s+up|working)\s+(?:to|with|against|at)\b", clause, re.I):
        return None  # "The pilot is designed to the standards a production system would need:": the items are in place
    if R.DEFERRAL.search(clause):
        return "deferred"
    if re.search(r"\bnot\s+(?:as\s+)?(?:an?\s+)?(?:later|afterthoughts?|after\s+the\s+fact|future)\b", clause, re.I):
        return None  # "..., not as later additions:" denies a deferral: the items are in place
    if re.search(r"\b(?:not|no|none|nothing|without)\b", clause, re.I) or R.OUT_OF_SCOPE_SECTION.search(clause):
        return "negated"
    return None


def _table_header(document: Document, i: int) -> Block:
    """The first row of the run of table rows that block ``i`` belongs to (its header row)."""
    blocks = document.blocks
    b = blocks[i]
    j = i
    while j > 0 and blocks[j - 1].kind == b.kind and blocks[j - 1].table == b.table and not blocks[j - 1].hidden:
        j -= 1
    return blocks[j]


def _broken_headings(document: Document, i: int) -> str | None:
    """For a table the parser broke into pieces: its column headings ("Baseline | Pilot target") a few blocks up."""
    blocks = document.blocks
    for j in range(i - 1, max(i - 10, -1), -1):
        h = blocks[j]
        if h.heading_path != blocks[i].heading_path or h.kind == BlockKind.HEADING:
            break
        if not h.hidden and len(h.text) <= 120 and _COLUMN_HEADINGS.search(h.text) and not _DIGITS.search(_PERIOD.sub("", h.text)):
            return h.text
    return None


def _context_parts(doc: _Doc, k: int) -> list[str]:
    """The unit with what surrounds it: a table row with its header row and a short caption
    before it, or a sentence with the next two sentences of its block."""
    u = doc.units[k]
    if u.is_table:
        parts = [u.block.text]
        blocks = doc.document.blocks
        i = u.index
        first = _table_header(doc.document, i)
        if first is not None and first is not u.block:
            parts.append(first.text)
        for j in (i - 1, i - 2):
            if 0 <= j < len(blocks) and len(blocks[j].text) <= 80 and not blocks[j].hidden:
                parts.append(blocks[j].text)
        broken = _broken_headings(doc.document, i)
        if broken is not None:
            parts.append(broken)
        return parts
    parts = [u.text]
    for j in (k + 1, k + 2):
        if j < len(doc.units) and doc.units[j].index == u.index:
            parts.append(doc.units[j].text)
    return parts


_PERIOD = re.compile(r"\([^)]*\)|\b(?:19|20)\d\d\b(?:[/-]\d\d)?")  # "(winter 2025/26)", "FY2024" in a column heading
_COLUMN_HEADINGS = re.compile(r"\b(?:baseline|target|before|after|today|current|goal|pilot\s+result|result)\b", re.I)


def _context(doc: _Doc, k: int) -> str:
    got = doc.neighbours.get(k)
    if got is None:
        got = doc.neighbours[k] = " ".join(_context_parts(doc, k))
    return got


_LITERALS = LiteralIndex()  # the prefilter literals of every pattern scanned so far


def _prime_literals() -> None:
    """Register every rule pattern's literals at once, so the first document is not searched again per new pattern."""
    elements = [v for v in vars(R).values() if isinstance(v, R.Element)]
    for rules in R.REASONS.values():
        elements += [*rules.elements, *rules.gap_cues, *([rules.topic] if rules.topic else [])]
    for el in elements:
        for p in (el.patterns, *R.GROUPS.get(el.patterns.pattern, ())):
            if (lits := literals(p)) is not None:
                _LITERALS.ids(lits)


def _units_with(doc: _Doc, lits: tuple[str, ...]) -> list[int]:
    """The units (ascending) in which one of ``lits`` occurs: where a pattern with these literals can match."""
    if _LITERALS.version == 0:
        _prime_literals()
    ids = _LITERALS.ids(lits)
    if doc.literal_version != _LITERALS.version:
        version, matches = _LITERALS.find(doc.folded)
        by: dict[int, list[int]] = {}
        starts = doc.starts
        for i, s, _ in matches:
            k = bisect_right(starts, s) - 1
            ks = by.get(i)
            if ks is None:
                by[i] = [k]
            elif ks[-1] != k:
                ks.append(k)
        doc.literal_units, doc.literal_version = by, version
    lists = [ks for i in ids if (ks := doc.literal_units.get(i))]
    if len(lists) <= 1:
        return lists[0] if lists else []
    return sorted({k for ks in lists for k in ks})


def _scan(doc: _Doc, pattern: re.Pattern[str]) -> list[tuple[int, int, int]]:
    """First match of ``pattern`` in each unit, as (unit index, start, end); cached per document.

    A literal prefilter (``text.literals``, all found in one pass by ``_LITERALS``) finds the units
    where a match is possible; the full pattern runs only there.
    """
    key = id(pattern)
    got = doc.hits.get(key)
    if got is not None:
        return got
    groups = R.GROUPS.get(pattern.pattern)
    if groups and all(literals(g) is not None for g in groups):
        best: dict[int, tuple[int, int, int]] = {}  # unit -> (start, group, end)
        for i, group in enumerate(groups):
            for k, s, e in _scan(doc, group):
                if k not in best or (s, i) < best[k][:2]:
                    best[k] = (s, i, e)
        got = [(k, s, e) for k, (s, _, e) in sorted(best.items())]
        doc.hits[key] = got
        return got
    got = []
    fast = folded(pattern)
    lits = literals(pattern)
    candidates: Iterable[int] = range(len(doc.units)) if lits is None else _units_with(doc, lits)
    for k in candidates:
        start = doc.starts[k]
        text = doc.units[k].text
        if fast is not None:
            m = fast.search(doc.folded, start, start + len(text))
            if m is not None:
                s0 = m.start()
                # a match on the last "$" of a folded currency code ("NOK 0.04" reads "$$$ 0.04") starts at the code's first
                # letter: else the letters before it ("NO") read as a word, a negation
                while s0 > start and doc.folded[s0] == "$" and doc.folded[s0 - 1] == "$":
                    s0 -= 1
                got.append((k, s0 - start, m.end() - start))
        else:
            mm = pattern.search(text)
            if mm is not None:
                got.append((k, mm.start(), mm.end()))
    doc.hits[key] = got
    return got


def _find(doc: _Doc, element: R.Element, *, gap: bool = False, future_counts: bool = False) -> list[tuple[int, Mention]]:
    """Every unit where ``element`` is named, with how it is qualified; cached per document (reasons and facts ask again)."""
    key = (id(element), gap, future_counts)
    got = doc.found.get(key)
    if got is None:
        got = doc.found[key] = _find_uncached(doc, element, gap=gap, future_counts=future_counts)
    return list(got)


def _find_uncached(doc: _Doc, element: R.Element, *, gap: bool, future_counts: bool) -> list[tuple[int, Mention]]:
    out: list[tuple[int, Mention]] = []
    for k, s, e in _scan(doc, element.patterns):
        u = doc.units[k]
        if element.in_row_with is not None and not (u.is_table and element.in_row_with.search(u.block.text, u.end)):
            continue
        if element.row_label is not None and not (u.is_table and u.start > 0 and element.row_label.search(_row_label(u))):
            continue
        if element.column_heading is not None and not (u.is_table and u.start > 0 and element.column_heading.search(_column_heading(doc, u))):
            continue
        if element.other_senses is not None and u.is_table and u.start > 0 and element.other_senses.search(_row_label(u)):
            continue  # the row is about something else ("Arrears written off | £41,200 per quarter")
        if element.other_senses is not None and _other_sense(element.other_senses, u.text, s, e):
            # the first match is another sense; a later one in the same unit may not be
            alt = next((m for m in element.patterns.finditer(u.text, e)
                        if not _other_sense(element.other_senses, u.text, m.start(), m.end())), None)
            if alt is None:
                continue
            s, e = alt.start(), alt.end()
        if gap:
            # A gap cue counts unless it is itself negated ("no manual extracts").
            # "rather than bolting the tool on to today's queue", "we did not simply add a tool to the existing routine":
            # a contrast or denial within the clause, up to ten words back
            cs, _ = _clause(u.text, s, e)
            window = _GAP_WORDS_BEFORE.search(u.text[cs:s])
            pol: Polarity = "negated" if window and R.NEGATION_BEFORE.search(window.group(0)) else "affirmed"
        else:
            pol = polarity(u.text, s, e, is_report=doc.is_report and not future_counts, future_section=doc.future_section[k])
            if pol == "affirmed" and doc.is_report and R.IMPERATIVE.match(u.text):
                pol = "future"  # "Track cost savings: organisations should ...": advice to others, even where projections count
            if pol == "affirmed" or pol == "future":
                pol = doc.inherited[k] or pol
        out.append((k, Mention(u, element.name, s, e, pol, element.core, gap)))
    return out


def _column_heading(doc: _Doc, u: Unit) -> str:
    """The heading of a table cell's column, with the table's first heading (often what the whole table is about)."""
    headings = _column_headings(doc, u).split(" | ")
    col = u.block.text.count(" | ", 0, u.start)
    return " | ".join(dict.fromkeys([headings[0], headings[col] if col < len(headings) else ""]))


def _row_label(u: Unit) -> str:
    """The first cell of a table row: what the row is about."""
    return u.block.text.split(" | ", 1)[0]


def _other_sense(pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """Whether an other-sense pattern overlaps the keyword's neighbourhood (a context window)."""
    lo, hi = max(0, start - 60), min(len(text), end + 60)
    return any(m.start() < end + 40 and m.end() > start - 40 for m in pattern.finditer(text, lo, hi))


# --------------------------------------------------------------------------- findings


@dataclass
class _Assessment:
    status: Status
    rationale: str
    support: list[Mention]
    against: list[Mention]
    found: list[str]


_ROLE: dict[Polarity, EvidenceRole] = {"affirmed": "gap", "negated": "negated", "deferred": "deferred", "future": "plan"}


def _quote(m: Mention, *, against: bool = False) -> Evidence:
    """The sentence, or for a table cell the whole row (the row carries the baseline and target).

    ``against`` marks a quote that shows the gap (stated, negated, deferred or only planned).
    """
    u = m.unit
    text = u.block.text if u.is_table and len(u.block.text) <= 300 else u.text
    role: EvidenceRole = ("gap" if m.gap else _ROLE[m.polarity]) if against else "supports"
    return Evidence(quote=text, block_id=u.block.id, role=role)


def _names(ms: Iterable[Mention]) -> list[str]:
    seen: list[str] = []
    for m in ms:
        if m.element not in seen:
            seen.append(m.element)
    return seen


def _join(items: list[str]) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _spelled_out(doc: _Doc, u: Unit, items: int = 2) -> bool:
    """Whether a sentence ending in a colon introduces at least ``items`` list items (or short paragraphs) in
    the same section: the document spells out what it announces."""
    if u.is_table or not u.text.rstrip().endswith(":") or u.end < len(u.block.text.rstrip()):
        return False
    blocks = doc.document.blocks
    following = [b for b in blocks[u.index + 1:u.index + 1 + items] if b.heading_path == u.block.heading_path and not b.hidden]
    return len(following) == items and all(b.kind == BlockKind.LIST_ITEM for b in following)


_SCALE_LATER = re.compile(r"\b(?:at|until|after|by|before)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:scale|scaling|scale-up|go[/ -]no[- ]go)[- ]?"
                          r"(?:gate|decision|review|point)\b|\bafter\s+the\s+(?:pilot|trial)\b|\bif\s+the\s+(?:pilot|trial)\s+(?:proceeds|succeeds|goes\s+ahead)\b", re.I)


def _generic(rules: R.ReasonRules, doc: _Doc) -> _Assessment:
    mentions = [m for el in rules.elements for _, m in _find(doc, el, future_counts=rules.report_future_counts)]
    gaps = [m for el in rules.gap_cues for _, m in _find(doc, el, gap=True) if m.polarity == "affirmed"]
    aff = [m for m in mentions if m.polarity == "affirmed"]
    if rules.gap_cancels and gaps:
        # a mention inside the clause of a gap cue ("a pilot budget of £40k a year") does not count
        spans = [(id(g.unit), *_clause(g.unit.text, g.start, g.end)) for g in gaps]
        aff = [m for m in aff if not any(uid == id(m.unit) and cs <= m.start < ce for uid, cs, ce in spans)]
    fut = [m for m in mentions if m.polarity == "future"]
    deferred = [m for m in mentions if m.polarity == "deferred" and m.core]
    negated = [m for m in mentions if m.polarity == "negated" and m.core]
    if rules.later_is_missing:
        later = [m for m in mentions if m.core and m.polarity in ("deferred", "affirmed", "future") and _SCALE_LATER.search(m.unit.text)]
        now = [m for m in aff if m.core and not _SCALE_LATER.search(m.unit.text)]
        if later and not now:
            # "Governance (data protection, model risk, audit): to be defined at the scale gate": left for later, which is missing
            return _Assessment(Status.MISSING, f"{_join(_names(later)).capitalize()} left for the scale decision or after the pilot; "
                               "none of the core elements is in place now.", [], later[:2], [])
    core = _names(m for m in aff if m.core)
    found = _names(aff)
    n_core = len(core)
    repeated = rules.repeat_counts and any(len({id(m.unit) for m in aff if m.element == r}) >= 2 for r in rules.require_any)
    listed = bool(rules.spelled_out) and any(m.element in rules.spelled_out and _spelled_out(doc, m.unit) for m in aff)
    n_core += repeated or listed
    has_required = not rules.require_any or any(n in found for n in rules.require_any)
    enough = n_core >= rules.addressed_min and has_required
    fut_core = [m for m in fut if m.core]
    if aff and not core and rules.noncore_only_status == Status.MISSING and not (deferred or negated or fut_core):
        touched = _topic(rules, doc)
        if touched is not None:
            return touched
        return _Assessment(Status.MISSING, f"Only {_join(found)}; none of the core elements.", [], (gaps or deferred or negated)[:1], [])
    if aff and not has_required and gaps and rules.gap_beats_peripheral and not (deferred or fut_core):
        touched = _topic(rules, doc) if rules.topic_beats_gap else None
        if touched is not None:
            # "exported by hand; a proper connection to the incident system would be needed": the gap, with the need named
            return _Assessment(Status.PARTIAL, f"Names {_join(found)} only and shows {gaps[0].element}, but {rules.topic.name if rules.topic else 'the subject'} "
                               "is named as a need.", _spread(aff, 1) + touched.support[:1], gaps[:1], found)
        return _Assessment(rules.gap_status, f"Names {_join(found)} only, and the document shows {gaps[0].element}.",
                           _spread(aff, 1), gaps[:1], found)
    if enough:
        return _Assessment(Status.ADDRESSED, f"Names {_join(found)}.", _spread(aff), [], found)
    if aff and not core and (deferred or negated):
        what = _join(_names(deferred or negated))
        return _Assessment(Status.PARTIAL if rules.peripheral_partial else rules.deferred_status if deferred else rules.negated_status,
                           f"Only {_join(found)}; {what} mentioned only as {'deferred' if deferred else 'absent or not designed'}.",
                           _spread(aff, 1), (deferred or negated)[:1], found)
    if aff:
        why = f"Names {_join(found)} only"
        if rules.require_any and not any(n in found for n in rules.require_any):
            why += f"; nothing on {_join(list(rules.require_any))}"
        if deferred:
            why += f"; {_join(_names(deferred))} mentioned only as deferred"
        elif gaps:
            why += f"; the document also shows {gaps[0].element}"
        return _Assessment(rules.single_status, why + ".", _spread(aff), (deferred or gaps or negated)[:1], found)
    if fut:
        why = f"{_join(_names(fut))} stated as a plan or recommendation, not as done in the pilot."
        if doc.is_report and rules.planned_status == Status.MISSING:
            # "training should be planned before roll-out": change left for later (R08); costs still to be modelled (R05)
            return _Assessment(Status.MISSING, why, [], _spread(fut, 2), [])
        return _Assessment(Status.PARTIAL, why, _spread(fut), [], _names(fut))
    if deferred:
        return _Assessment(rules.deferred_status, f"{_join(_names(deferred))} mentioned only as deferred (to a later phase or the scale decision).",
                           [], deferred[:2], [])
    if negated and rules.negated_status != Status.MISSING:
        return _Assessment(rules.negated_status, f"{_join(_names(negated))} acknowledged but stated as not designed or not in place.",
                           [], negated[:2], [])
    if gaps:
        touched = _topic(rules, doc) if rules.topic_beats_gap else None
        if touched is not None:
            # "scores shared as a CSV; connecting them to the campaign tool is planned": the gap, with the need named
            return _Assessment(Status.PARTIAL, f"Only evidence of the gap ({gaps[0].element}), but {rules.topic.name if rules.topic else 'the subject'} is named as a need.",
                               touched.support, gaps[:1] + touched.against[:1], [])
        return _Assessment(rules.gap_status, f"Only evidence of the gap: {gaps[0].element}.", [], gaps[:2], [])
    if negated:
        return _Assessment(rules.negated_status, f"{_join(_names(negated))} mentioned only to say it is absent.", [], negated[:2], [])
    return _topic(rules, doc) or _Assessment(Status.MISSING, "Not discussed: no sentence or table cell names any of the elements.", [], [], [])


def _topic(rules: R.ReasonRules, doc: _Doc) -> _Assessment | None:
    """Partial when the document touches the reason's subject in its own words but names none of the elements.

    A stated or planned mention counts; a deferred one counts when the reason treats deferral as partial;
    a negated one ("no training was given") does not.
    """
    if rules.topic is None:
        return None
    ms = [m for _, m in _find(doc, rules.topic, future_counts=True)]
    said = [m for m in ms if m.polarity in ("affirmed", "future")]
    deferred = [m for m in ms if m.polarity == "deferred"] if rules.deferred_status == Status.PARTIAL else []
    if said:
        return _Assessment(Status.PARTIAL, f"Touches on {rules.topic.name} but names none of the elements of a complete answer.",
                           _spread(said, 2), deferred[:1], [])
    if deferred:
        return _Assessment(Status.PARTIAL, f"{rules.topic.name.capitalize()} acknowledged only as something for later.", [], deferred[:2], [])
    return None


def _spread(ms: list[Mention], n: int = MAX_QUOTES) -> list[Mention]:
    """Up to ``n`` mentions covering as many distinct elements (core first) as possible."""
    by_unit: dict[int, set[str]] = {}
    for m in ms:
        by_unit.setdefault(id(m.unit), set()).add(m.element)
    ordered = sorted(ms, key=lambda m: (not m.core, -len(by_unit[id(m.unit)])))
    out: list[Mention] = []
    covered: set[str] = set()
    for m in ordered:
        if m.element in covered or any(o.unit is m.unit for o in out):
            continue
        out.append(m)
        covered |= by_unit[id(m.unit)]
        if len(out) >= n:
            break
    return out


# ---- R01: commercial KPI vs technical metric, baseline and target


_TARGET_SECTION = re.compile(r"success\s+(?:criteria|measures)|targets?|objectives|KPIs?|key\s+performance|measures\s+of\s+success", re.I)
_DIGITS = re.compile(r"\d")
_NUMBER = re.compile(r"\d[\d,.]*")
_RESULT_COLUMN = re.compile(r"\b(?:result|actual|achieved|measured|outcome|after|pilot|challenger)\b", re.I)


def _kpi_detail(doc: _Doc, k: int) -> tuple[bool, bool, bool]:
    """Whether a KPI mention has a baseline, a target and (reports) a measured result nearby.

    Sentences that defer ("a target will be set once ...") do not supply a baseline or target.
    """
    u = doc.units[k]
    parts = [p for p in _context_parts(doc, k) if p is u.text or p is u.block.text or not R.DEFERRAL.search(p)]
    parts = [_NO_TARGET.sub(" ", p) for p in parts]  # "we have not yet set a baseline or a target"
    ctx = " ".join(parts)
    base = bool(R.BASELINE.search(ctx))
    target = bool(R.TARGET.search(ctx))
    if u.is_table and not (base and target) and len(_NUMBER.findall(u.block.text)) >= 2 and _before_after_columns(doc, u) \
            and (not doc.is_report or _RESULT_COLUMN.search(_column_headings(doc, u))):
        base = target = True  # "Measure | Today | Target by end of trial" over "Cost per drop | KES 410 | KES 340"
    if not target and u.block.heading_path and _TARGET_SECTION.search(u.block.heading_path[-1]) and _DIGITS.search(u.text):
        target = True
    here = ctx if u.is_table else u.text
    measured = bool(R.MEASURED.search(here)) or (u.is_table and base and len(_DIGITS.findall(ctx)) >= 2)
    return base, target, measured


_NO_TARGET = re.compile(r"\b(?:no|not\s+(?:yet\s+)?(?:set|agreed|defined|fixed|chosen|established|measured|taken)(?:\s+\w+)?)\s+"
                        r"(?:[\w-]+\s+){0,4}?(?:baselines?|targets?)(?:\s+(?:or|and|nor)\s+(?:an?\s+)?(?:baselines?|targets?))?\b", re.I)
_GENERIC_KPI = re.compile(r"^(?:commercial|business|operational|financial)\s", re.I)


_MEASURE_SECTION = re.compile(
    r"success|KPIs?\b|key\s+performance|measure|metric|benefit|outcome|result|target|objective|value|impact|business\s+case", re.I)
_CHANGE = re.compile(
    r"\bfrom\s+[^.;]{0,60}?\bto\s+[£$€]?\d|\b(?:reduc|increas|improv|lift|rais|lower|cut|fell|rose|grew|drop|declin|decreas)\w*\b[^.;]{0,80}?\d"
    r"|\b(?:baseline|target)\b[^.;]{0,40}?\d|\d[^.;]{0,40}?\b(?:vs\.?|versus|against|compared)\b", re.I)


def _header_row(doc: _Doc, u: Unit) -> bool:
    """Whether a unit sits in the first (header) row of its table, and no column headings split off by the
    parser sit just above it (then the first row is data)."""
    return u.is_table and _table_header(doc.document, u.index) is u.block and _broken_headings(doc.document, u.index) is None


_NOT_MEASURED = re.compile(
    r"\b(?:did\s+not|didn't|could\s+not|couldn't|were\s+not|was\s+not|weren't|wasn't|not)\s+(?:\w+\s+)?(?:get\s+a\s+(?:clean\s+|reliable\s+)?read|measured?|tracked?|captured?|quantified|assessed|evaluated)\b"
    r"|\bno\s+(?:clean\s+|reliable\s+)?(?:read|measurement)\b", re.I)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_BEFORE_COLUMN = re.compile(r"\b(?:baseline|today|current(?:ly)?|before|now|as[\s-]is)\b", re.I)
_AFTER_COLUMN = re.compile(r"\b(?:target|goal|aim|after|to[\s-]be)\b", re.I)


def _column_headings(doc: _Doc, u: Unit) -> str:
    """The column headings over a table row: its header row, or headings the parser split off a few blocks up."""
    header = _table_header(doc.document, u.index)
    return header.text if header is not u.block else _broken_headings(doc.document, u.index) or ""


def _before_after_columns(doc: _Doc, u: Unit) -> bool:
    """Whether the table has a before column (baseline, today, current) and an after column (target, goal):
    its rows are measures to move, whatever the section is called."""
    text = _column_headings(doc, u)
    if _BEFORE_COLUMN.search(text) and _AFTER_COLUMN.search(text):
        return True
    # two periods side by side, the later one the pilot's: "Mar–Aug 2025 | Mar–Aug 2026 (pilot)"
    return len(set(_YEAR.findall(text))) >= 2 and bool(re.search(r"\b(?:pilot|trial)\b", text, re.I))


def _structural_kpis(doc: _Doc, tech_units: set[int]) -> list[tuple[int, Mention]]:
    """Measures stated with numbers and a change, baseline or target in a success/KPI/benefits
    section, that are not technical metrics: commercial KPIs whatever their vocabulary."""
    out: list[tuple[int, Mention]] = []
    for k, u in enumerate(doc.units):
        if id(u) in tech_units or not u.block.heading_path or _header_row(doc, u):
            continue
        columns = u.is_table and _before_after_columns(doc, u)
        if not columns and not _MEASURE_SECTION.search(u.block.heading_path[-1]):
            continue
        text = _context(doc, k) if u.is_table else u.text
        moved = _CHANGE.search(text) or (columns and len(_NUMBER.findall(u.block.text)) >= 2)
        if not _DIGITS.search(text) or not moved or R.TECHNICAL_METRIC.search(text):
            continue
        first = _DIGITS.search(u.text)
        end = first.start() if first is not None and first.start() > 3 else len(u.text)
        end = min(end, 80)
        pol = polarity(u.text, 0, max(end, 1), is_report=doc.is_report, future_section=doc.future_section[k])
        if pol == "affirmed" or pol == "future":
            pol = doc.inherited[k] or pol
        out.append((k, Mention(u, "commercial KPI", 0, end, pol, True)))
    return out


_DURATION = re.compile(r"\d[\d.,]*\s*(ms|milliseconds?|s|secs?|seconds?|min(?:ute)?s?|hours?|hrs?|h|days?|weeks?|wks?|months?)\b", re.I)
_MACHINE_UNITS = frozenset(["ms", "millisecond", "milliseconds", "s", "sec", "secs", "second", "seconds"])


def _machine_speed(m: Mention) -> bool:
    """A time measure whose figures are all in seconds or milliseconds ("processing time per image: <= 5 s",
    "inference time per part 140 ms"): how fast the system runs, a technical metric, not people's time."""
    if "time" not in m.match.lower():
        return False
    text = m.unit.block.text if m.unit.is_table else m.unit.text
    units = [u.lower() for u in _DURATION.findall(text)]
    return bool(units) and all(u in _MACHINE_UNITS for u in units)


def _r01(rules: R.ReasonRules, doc: _Doc) -> _Assessment:
    kpi_el = rules.elements[0]
    hits = [(k, m) for k, m in _find(doc, kpi_el) if not _machine_speed(m)]
    tech = [m for _, m in _find(doc, rules.gap_cues[0], gap=True) if m.polarity == "affirmed"]
    aff = [(k, m) for k, m in hits if m.polarity == "affirmed"]
    if doc.is_report:
        # "revenue per room was in the plan, but we did not get a clean read": named, not measured
        aff = [(k, m) for k, m in aff if not _NOT_MEASURED.search(m.unit.text)]
    specific = [(k, m) for k, m in aff if not _GENERIC_KPI.match(m.match)]
    named_units = {id(m.unit) for _, m in hits}
    tech_units = {id(m.unit) for m in tech}
    specific += [(k, m) for k, m in _structural_kpis(doc, tech_units | named_units) if m.polarity == "affirmed"]
    best: tuple[int, Mention] | None = None
    partial_bits: list[str] = []
    for k, m in specific:
        base, target, measured = _kpi_detail(doc, k)
        if doc.is_report:
            if measured and base:
                best = (k, m)
                break
        elif base and target:
            best = (k, m)
            break
    if best is not None:
        kind = "measured against a baseline" if doc.is_report else "with a baseline and a target"
        return _Assessment(Status.ADDRESSED, f"Commercial KPI ({squash(best[1].match)}) {kind}.",
                           [best[1], *[m for _, m in specific if m.unit is not best[1].unit][:1]], [], ["commercial KPI", "baseline", "target"])
    if specific:
        k, m = specific[0]
        base, target, measured = _kpi_detail(doc, k)
        if doc.is_report:
            partial_bits.append("no measured result against a baseline" if not measured else "no baseline for the result")
        else:
            partial_bits.append(_join([w for w, ok in (("baseline", base), ("target", target)) if not ok]) + " not stated")
        found = ["commercial KPI"] + [w for w, ok in (("baseline", base), ("target", target)) if ok]
        return _Assessment(Status.PARTIAL, f"Commercial KPI named ({kpi_label(m.match)}) but {partial_bits[0]}.",
                           [m for _, m in specific[:2]], tech[:1], found)
    fut = [m for _, m in hits if m.polarity == "future"]
    deferred = [m for _, m in hits if m.polarity == "deferred"]
    generic = [m for _, m in aff]
    if fut or generic:
        ms = fut or generic
        why = ("commercial outcome promised or projected, not measured in the pilot" if fut
               else "commercial or business outcomes mentioned in general terms, no specific KPI")
        return _Assessment(Status.PARTIAL, why[0].upper() + why[1:] + ".", ms[:2], tech[:1], ["commercial KPI"])
    if deferred:
        return _Assessment(Status.PARTIAL, "Commercial KPI mentioned only as deferred (to be defined later).", [], deferred[:2], [])
    neg = [m for _, m in hits if m.polarity == "negated"]
    current = [m for _, m in _find(doc, R.CURRENT_FIGURE) if m.polarity == "affirmed" and not R.TECHNICAL_METRIC.search(m.unit.text)]
    if current and not tech:
        # "drafting the inventory takes our paralegals on average around 11 hours" and no target: the measure, with its baseline only
        return _Assessment(Status.PARTIAL, "A business measure is given with today's figure, but no KPI with a target is set.",
                           current[:2], [], ["baseline"])
    if neg and doc.is_report:
        return _Assessment(Status.PARTIAL, "Commercial outcome named, but the report says it was not measured.", [], neg[:1] + tech[:1], ["commercial KPI"])
    if tech:
        names = _join(sorted({squash(m.match).lower() for m in tech})[:4])
        return _Assessment(Status.MISSING, f"Only technical metrics ({names}); no commercial KPI.", [], tech[:2], [])
    if neg:
        return _Assessment(Status.MISSING, "Commercial outcomes mentioned only to say they were not measured or defined.", [], neg[:2], [])
    return _Assessment(Status.MISSING, "No success criteria found, technical or commercial.", [], [], [])


# ---- R03: named operational owner vs vague owner vs pilot team


@dataclass
class _Owner:
    mention: Mention
    kind: Literal["operational", "named", "pilot", "vague"]
    who: str


def _classify_owner(text: str) -> tuple[Literal["operational", "named", "pilot", "vague"], str]:
    """What kind of owner a sentence names: an operational role or function, an executive or
    other named role, the pilot team or supplier, or someone vague."""
    rules = R.REASONS["R03"].extra
    candidates = list(rules["named"].finditer(text))
    # prefer a non-executive title ("Head of Claims Operations") over a team name or an executive
    named = next((m for m in candidates if _TITLE.search(m.group(0)) and not rules["exec"].search(m.group(0))), None)
    named = named or next((m for m in candidates if not rules["exec"].search(m.group(0))), None)
    named = named or (candidates[0] if candidates else None)
    operational = rules["operational"].search(text)
    pilot = rules["pilot_team"].search(text)
    vague = rules["vague"].search(text)
    tentative = rules["tentative"].search(text)
    if tentative:
        return "vague", squash(named.group(0) if named else tentative.group(0))
    if named and re.search(r"\bsponsor\w*\s+by\s+(?:the\s+)?$", text[max(0, named.start() - 30):named.start()], re.I):
        return ("named", squash(named.group(0))) if not pilot else ("pilot", squash(pilot.group(0)))  # the sponsor, not the runner
    # "Priya Shah, Head of Delivery, owns it: she holds the supplier relationship": the titled owner comes first
    titled_first = bool(named and pilot and named.start() < pilot.start() and _TITLE.search(named.group(0)))
    if named and not rules["exec"].search(named.group(0)) and not (pilot and not operational and not titled_first):
        return "operational", squash(named.group(0))
    if operational and not pilot and not vague and re.search(r"\b(?:team|function|department|unit|directorate|lead|manager|head)\b", text, re.I):
        return "operational", squash(operational.group(0))
    if named and not pilot:
        return "named", squash(named.group(0))
    if pilot:
        return "pilot", squash(pilot.group(0))
    return "vague", squash(vague.group(0)) if vague else ""


_TITLE = re.compile(r"\b(?:Head|Director|Manager|Lead|VP|SVP|EVP|AVP|Vice\s+President|Chief|C[EOFITDR]O|Officer|Controller|Superintendent|"
                    r"Supervisor|Matron|Principal|Coordinator|Administrator|Registrar|Commissioner)\b")


_LOG_COLUMNS = re.compile(r"(?:^|\|\s)(?:Due|Status|RAG|Ref|ID|Type|Action|Risk|Issue|Date|Deadline|Priority)\s*(?::|\||$)", re.I)


def _log_owner(u: Unit) -> bool:
    """An "Owner" cell of an action, risk or RAID log row (the row also has due, status or ref cells)."""
    return u.is_table and bool(re.match(r"\s*owners?\s*(?::|$)", u.text, re.I)) and bool(_LOG_COLUMNS.search(u.block.text))


_DECIDER = re.compile(r"\b(?:decided|agreed|determined|settled|confirmed|chosen|approved)\s+by\s+(?:the\s+)?(?:[A-Z][\w&-]*\s*)+"
                      r"|\bbetween\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*\s+and\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*")
_VAGUE_TAKER = re.compile(r"\b(?:the\s+business|(?:the\s+)?business\s+units?|the\s+(?:wider\s+)?organi[sz]ation|operations)\s+"
                          r"(?:will|would|is\s+to|shall|should)\s+(?:take|own|run|assume|pick)", re.I)
_DATED = re.compile(r"\b(?:from|on|by|since|as\s+of|effective)\s+(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
                    r"|\b(?:from|on|by|since|as\s+of)\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\bfrom\s+(?:Q[1-4]|20\d\d)\b", re.I)
_FUNCTION = re.compile(r"\b(?:the|our|your|its)\s+(?:[\w&-]+\s+){1,3}?(?:team|department|function|unit|office|desk|division|directorate)\b"
                       r"|(?-i:\b(?:[A-Z][\w&-]+\s+){1,4}(?:Team|Department|Function|Unit|Office|Desk|Division|Directorate|Worker|Manager|Lead|Officer)\b)", re.I)
_ACCOUNTABLE = re.compile(r"\baccountab\w+|\b(?:named|individual|person)\b", re.I)
_PERSON = re.compile(r"\b(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+[A-Z]|\b[A-Z][a-z]+\s+[A-Z][a-z'-]+,")
_OWNER_SECTION = re.compile(r"\bowner(?:ship|s)?\b|\bwho\s+(?:owns|will\s+own|runs|will\s+run|looks\s+after|is\s+accountable)|\baccountab\w+", re.I)
_RACI_A = re.compile(r"\s*(?:A|Accountable)\s*:\s*\S")
_RACI_ROW = re.compile(r"(?:^|\|\s)(?:R|Responsible)\s*:")


def _specific(who: str) -> bool:
    """Whether an owner names a role title or a person, not only a team or function."""
    return bool(_TITLE.search(who) or _PERSON.search(who))


def owners(doc: _Doc) -> tuple[list[_Owner], list[Mention], list[Mention]]:
    """Ownership statements: classified affirmed ones, deferred and negated ones, handover mentions
    (cached per document: R03 and the facts both ask)."""
    if doc.owners is None:
        doc.owners = _owners(doc)
    got, against, handover = doc.owners
    return list(got), list(against), list(handover)


def _owners(doc: _Doc) -> tuple[list[_Owner], list[Mention], list[Mention]]:
    rules = R.REASONS["R03"]
    got: list[_Owner] = []
    against: list[Mention] = []
    extra: list[_Owner] = []  # from table and heading structure, after the explicit statements
    own_units = {k for k, _, _ in _scan(doc, rules.elements[0].patterns)}
    for k, u in enumerate(doc.units):
        # the "A" (accountable) cell of a RACI row names the owner
        if u.is_table and _RACI_A.match(u.text) and _RACI_ROW.search(u.block.text):
            kind, who = _classify_owner(u.text)
            if kind in ("operational", "named"):
                pol = doc.inherited[k] or "affirmed"
                extra.append(_Owner(Mention(u, "named operational owner", 0, len(u.text), pol, True), kind, who))
        # under an "Ownership" heading a sentence naming a role is the ownership statement
        elif (k not in own_units and not u.is_table and u.block.heading_path and _OWNER_SECTION.search(u.block.heading_path[-1])
              and (R.NAMED_ROLE.search(u.text) or _FUNCTION.search(u.text))):
            kind, who = _classify_owner(u.text)
            pol = polarity(u.text, 0, 0, is_report=doc.is_report, future_section=doc.future_section[k])
            pol = doc.inherited[k] or pol if pol in ("affirmed", "future") else pol
            m = Mention(u, "named operational owner", 0, len(u.text), pol, True)
            if pol in ("negated", "deferred") and kind != "pilot":
                against.append(m)  # "Proposed: the E-commerce department (to be confirmed)": pointed to, not assigned
            elif pol not in ("negated", "deferred") and (kind in ("operational", "named") or (kind != "pilot" and _FUNCTION.search(u.text))):
                extra.append(_Owner(m, kind, who))  # under "Who will run it", a function named is the (maybe vague) owner
    for _, m in _find(doc, rules.elements[0]):
        if _log_owner(m.unit):
            continue  # the owner of an action or RAID item, not of the capability
        if m.polarity in ("negated", "deferred"):
            against.append(m)
            continue
        # a table row says who in another cell ("Role: Owner in production | Name: Dr A. Menon, Head of ...")
        short_cell = (m.unit.is_table and len(m.unit.text) <= 80 and not R.NAMED_ROLE.search(m.unit.text)
                      and re.search(r"\bowner\b", m.unit.text, re.I) is not None)
        kind, who = _classify_owner(m.unit.block.text if short_cell else m.unit.text)
        got.append(_Owner(m, kind, who))
    got += extra
    handover = [m for _, m in _find(doc, rules.elements[1]) if m.polarity in ("affirmed", "future")]
    return got, against, handover


def _points_to_function(m: Mention) -> bool:
    """A deferred ownership statement that still names the function or post meant to own it (not the pilot team)."""
    text = _DECIDER.sub("", m.unit.text)
    kind = _classify_owner(text)[0]
    vague_named = bool(_VAGUE_TAKER.search(text))  # "the business will take ownership once proven": a vague owner, named
    return m.polarity == "deferred" and kind != "pilot" and (kind == "operational" or vague_named or bool(_FUNCTION.search(text)))


_LEFT_FOR_LATER = re.compile(r"\bscale\s+(?:gate|decision)\b|\bafter\s+the\s+(?:pilot|trial)\b|\bonce\s+the\s+(?:pilot|trial)\b|"
                             r"\b(?:pilot|trial)\s+results\b|\bnot\s+(?:yet\s+)?been\s+(?:named|agreed|decided|identified|assigned)\b|\bhas\s+been\s+named\s+yet\b|"
                             r"\bnamed\s+yet\b|\bparked\b|\blaunch\s+decision\b", re.I)


def _r03(rules: R.ReasonRules, doc: _Doc) -> _Assessment:
    got, against, handover = owners(doc)
    # a report may show the handover as planned with dates: "From 1 April the Merchandising Operations Department
    # (General Manager: Mr Kenji Arai) will own and operate the system" is an owner assigned now
    now = [o for o in got if o.mention.polarity == "affirmed"
           or (o.mention.polarity == "future" and o.kind == "operational" and _specific(o.who) and _DATED.search(o.mention.unit.text))]
    ops = [o for o in now if o.kind == "operational"]
    if ops and not any(_specific(o.who) for o in ops):
        # "Parking Services will own it", "the Operations function will take it over": a function, no accountable person
        return _Assessment(Status.PARTIAL, f"Ownership sits with a function ({ops[0].who}); no accountable person or post is named.",
                           [ops[0].mention], against[:1], ["operating function"])
    if ops and not _specific(ops[0].who) and any(_ACCOUNTABLE.search(m.unit.text) for m in against):
        # a function will own it, but the accountable person is still to be named
        return _Assessment(Status.PARTIAL, f"Ownership sits with a function ({ops[0].who}), but the accountable person is not yet named.",
                           [ops[0].mention], against[:1], ["operating function"])
    if ops:
        found = ["named operational owner", "operating function"] + (["handover plan"] if handover else [])
        why = f"Names an operational owner ({ops[0].who})" + ("" if handover else ", but no handover plan") + "."
        if against:
            why = why[:-1] + "; other ownership statements are deferred or negated."
        return _Assessment(Status.ADDRESSED, why, [ops[0].mention, *handover[:1]], [], found)
    if got:
        o = next((o for o in got if o.kind == "operational"), None) or next((o for o in got if o.kind == "named"), got[0])
        wholly_later = [m for m in against if not _points_to_function(m) and _LEFT_FOR_LATER.search(m.unit.text)]
        if wholly_later and o.kind != "operational" and o.mention.polarity == "affirmed":
            # "No operational owner has been named yet; this will be agreed at the scale gate" beside a sponsor, the pilot
            # team or an owner in another sense: the owner is left for later, which is missing
            return _Assessment(Status.MISSING, "The operational owner is left for later (the scale decision or after the pilot); "
                               "the only owners named are not the function that will run it.", [], [*wholly_later[:1], o.mention], [])
        if o.mention.polarity == "future":
            why = f"Ownership by {o.who or 'an owner'} is stated as a plan, not shown as in place."
        elif o.kind == "named":
            why = f"Ownership sits with {o.who}, not an operational function that will run it at scale."
        elif o.kind == "pilot":
            why = f"Only the pilot team or supplier ({o.who}) is named as owner."
        else:
            why = "Ownership is mentioned but vague" + (f" ({o.who})" if o.who else "") + "; no specific role or function."
        if against:
            why = why[:-1] + "; elsewhere it is deferred or negated."
        return _Assessment(Status.PARTIAL, why, [o.mention], against[:1], ["named operational owner"] if o.kind == "named" else [])
    # deferred, but a function or post is named ("the sales team will own it once the pilot ends", "a Principal Social
    # Worker would lead it, post to be confirmed"): a vague owner, which is partial; an owner left wholly for later is missing
    pointed = next((m for m in against if _points_to_function(m)), None)
    if pointed is not None:
        who = _classify_owner(_DECIDER.sub("", pointed.unit.text))[1]
        return _Assessment(Status.PARTIAL, f"Ownership points to {who} but is not yet assigned (TBC or deferred).",
                           [], [pointed], [])
    if against:
        what = "deferred" if any(m.polarity == "deferred" for m in against) else "negated"
        return _Assessment(Status.MISSING, f"Ownership mentioned only as {what}: no operational owner is assigned now.", [], against[:2], [])
    return _Assessment(Status.MISSING, "No operational owner named.", [], [], [])


# ---- R10: executive owner of the AI portfolio


def _r10(rules: R.ReasonRules, doc: _Doc) -> _Assessment:
    port = _find(doc, rules.elements[0])
    execs = _find(doc, rules.elements[1])
    port_aff = [(k, m) for k, m in port if m.polarity in ("affirmed", "future")]
    exec_aff = [(k, m) for k, m in execs if m.polarity in ("affirmed", "future")]
    exec_units = {k for k, _ in exec_aff}
    for k, m in port_aff:
        near = next((e for j, e in exec_aff if abs(j - k) <= 1), None)
        if near is not None and k in exec_units | {j + 1 for j in exec_units} | {j - 1 for j in exec_units}:
            status = Status.PARTIAL if (doc.is_report and "future" in (m.polarity, near.polarity)) else Status.ADDRESSED
            why = f"An executive role ({squash(near.match)}) is tied to the portfolio ({squash(m.match)})."
            return _Assessment(status, why, [m] if near.unit is m.unit else [m, near], [],
                               ["named executive portfolio owner", "portfolio governance or board"])
    if port_aff:
        m = port_aff[0][1]
        return _Assessment(Status.PARTIAL, f"Portfolio or programme context ({squash(m.match)}) but no named executive owner of the AI portfolio.",
                           [m], [], ["portfolio governance or board"])
    deferred = [m for _, m in port if m.polarity == "deferred"]
    if deferred:
        return _Assessment(Status.PARTIAL, "AI portfolio ownership mentioned only as deferred.", [], deferred[:1], [])
    if exec_aff:
        m = exec_aff[0][1]
        return _Assessment(Status.MISSING, f"An executive ({squash(m.match)}) is named, but the pilot is not placed in an AI portfolio.",
                           [], [m], [])
    return _Assessment(Status.MISSING, "The pilot stands alone: no AI portfolio view or owner.", [], [], [])


# ---- R09: live operations vs shadow, volunteers, historical or synthetic data


_STRIPPED = re.compile(r"\b(?:anonymi[sz]ed|pseudonymi[sz]ed|de-?identified|masked|redacted)\b|"
                       r"\b(?:identifiers|identifying\s+details|names|(?:personal|contact|client|customer|patient|guest)\s+(?:details|names|data|information))\s+"
                       r"(?:\w+\s+){0,3}?(?:removed|replaced|masked|redacted|stripped)\b|\bhand[- ]?(?:selected|picked)\b|"
                       r"\b(?:selected|chosen|picked)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:team|department|partner|vendor|supplier)\b", re.I)
_CURATED = re.compile(r"cop(?:y|ies)|past|curat|synthetic|sample|anonymi|identif|replay|as\s+if|removed|stripped",
                      re.I)  # curated, stripped or replayed copies, not merely a sandbox environment


_LATER_STAGE = re.compile(r"\bthen\b|\bfollowed\s+by\b|\bafter\s+(?:that|which)\b|\bafterwards\b", re.I)
_SHADOW_RUN = re.compile(r"\bshadow\b|\bin\s+parallel\b|\bparallel\s+(?:run|running)\b|\bin\s+the\s+background\b|\bside\s+by\s+side\b", re.I)
# a later stage of live use anywhere in the document: the words of a later stage, or a step named after the shadow run
_LIVE_AFTER = re.compile(_LATER_STAGE.pattern + r"|\bafter\s+the\s+(?:shadow|parallel|background)\b|\bfrom\s+(?:week|month|day)\s+\w+|"
                         r"\bonce\s+the\s+(?:shadow|parallel)|\b(?:phase|stage)\s+(?:2|two|ii)\b|\bsecond\s+(?:phase|stage)\b|\bwent\s+live\b|"
                         r"\bgo(?:es|ing)?[- ]live\b|\bswitched\s+on\b|\bin\s+full\s+production\b", re.I)


# the cues of R09's "real historical data or shadow running" that mean shadow running, as whole words ("not" in
# "the forecasts were not used", never in "annotated")
_SHADOW_WORDS = re.compile(r"\b(?:shadow|parallel|alongside|side\s+by\s+side|observe|silent|observation|advisory|background|not|never|nobody)\b",
                           re.I)


_NOT_CHOSEN = re.compile(r"\b(?:not|never)\s+(?!yet\b)(?:\w+\s+){0,2}?(?:voluntary|volunteers|picked|selected|chosen|hand[- ]?picked|opt(?:ed)?\s+in)\b|"
                         r"\bnobody\s+(?:\w+\s+)?(?:volunteered|opted\s+in)\b|\bno\s+volunteers\b|\bdid\s+not\s+(?:pick|choose|select)\b", re.I)


def _r09(rules: R.ReasonRules, doc: _Doc) -> _Assessment:
    live_el, _, nonvol_el, _ = rules.elements
    hist_el, vol_el, sandbox_el = rules.gap_cues
    live = _find(doc, live_el)
    hist = [m for _, m in _find(doc, hist_el, gap=True) if m.polarity == "affirmed"]
    # near the cue, or anywhere in its clause ("live applications from two branches, run in parallel"), up to a
    # later stage ("shadow mode for four weeks, then a canary release to live traffic")
    shadow = []
    for m in hist:
        if _SHADOW_WORDS.search(m.match):
            cs, ce = _clause(m.unit.text, m.start, m.end)
            later = _LATER_STAGE.search(m.unit.text, m.end)
            end = max(m.end + 50, ce) if later is None else min(max(m.end + 50, ce), later.start())
            shadow.append((id(m.unit), min(m.start - 50, cs), end))
    # "the model scores live claims in shadow mode" is shadow running, not live operation
    live_aff = [m for _, m in live if m.polarity == "affirmed"
                and not any(uid == id(m.unit) and cs <= m.start < ce for uid, cs, ce in shadow)]
    # a pilot run in shadow throughout ("the tool will run in shadow on live requests"), with no later stage of live use
    # anywhere it speaks of shadow or live work: its live mentions are the shadow run, not live operation
    shadow_units = [m.unit for m in hist if _SHADOW_RUN.search(m.unit.text)]
    if shadow_units and live_aff and not any(_LIVE_AFTER.search(u.text) for u in [*shadow_units, *(m.unit for m in live_aff)]):
        live_aff = []
    # "participation is not voluntary", "we did not pick volunteers": a denial of choosing is the workforce at large
    # (not "the volunteers have not yet been selected", which is a choice still to make)
    nonvol = [m for _, m in _find(doc, nonvol_el) if m.polarity == "affirmed" or (m.polarity == "negated" and _NOT_CHOSEN.search(m.unit.text))]
    vol_found = _find(doc, vol_el, gap=True)
    nonvol += [m for _, m in vol_found if m.polarity == "negated" and _NOT_CHOSEN.search(m.unit.text)]
    vol = [m for _, m in vol_found if m.polarity == "affirmed"]
    sandbox = [m for _, m in _find(doc, sandbox_el, gap=True) if m.polarity == "affirmed"]
    handoffs = [m for _, m in _find(doc, rules.elements[1]) if m.polarity == "affirmed"]
    # "six case managers, nominated by their heads, used it on their live caseload": every live mention is the chosen few's
    vol_units = {id(m.unit) for m in vol} - {id(m.unit) for m in nonvol}  # "all station staff, not only volunteers" is not a chosen few
    by_chosen = bool(live_aff) and all(id(m.unit) in vol_units for m in live_aff)
    if live_aff and (nonvol or not vol) and not by_chosen:
        found = ["production data", "live operational environment"] + (["non-volunteer users"] if nonvol else []) + (["real handoffs"] if handoffs else [])
        return _Assessment(Status.ADDRESSED, "Tested on live work or production data" + (" with non-volunteer users." if nonvol else "."),
                           [live_aff[0], *(nonvol[:1] or handoffs[:1])], [], found)
    if live_aff:
        return _Assessment(Status.PARTIAL, "Live work, but with volunteer or self-selected users.", live_aff[:1], vol[:1],
                           ["production data", "live operational environment"])
    fut = [m for _, m in live if m.polarity == "future"]
    deferred = [m for _, m in live if m.polarity == "deferred"]
    curated = [m for m in sandbox if _CURATED.search(m.match)] + [m for m in hist if _STRIPPED.search(m.unit.text)]
    if hist and vol and curated:
        # copies of old files in a test environment, worked by volunteers: the insulated pilot the reason describes
        return _Assessment(Status.MISSING, "Only copied or historical data in a test setting, worked by volunteers; no live operational test.",
                           [], [curated[0], vol[0]], [])
    if hist:
        why = "Some realism (real historical data or shadow running) but no live operational test"
        return _Assessment(Status.PARTIAL, why + ("; live use only planned." if (fut or deferred) else "."), hist[:1], (deferred or fut)[:1], ["production data"])
    if sandbox:
        return _Assessment(Status.MISSING, "Only sandbox, synthetic or curated data" + (" with volunteers" if vol else "")
                           + ("; live use only planned or deferred." if (fut or deferred) else "."), [], (sandbox + vol)[:2], [])
    if fut or deferred:
        return _Assessment(Status.PARTIAL, "Live testing only planned or deferred, not done in the pilot.", fut[:1], deferred[:1], [])
    if nonvol and not vol:
        # "all nine clerks used it on every shift", "the normal harvest crews, not a selected team": the workforce at
        # large on its own work is a live test, though the document never says "live" in so many words (every one of
        # the 51 labelled documents where this was the rules' only evidence was labelled addressed)
        return _Assessment(Status.ADDRESSED, "Used by the workforce at large on its own work, not by volunteers.",
                           nonvol[:1], [], ["non-volunteer users", "live operational environment"])
    if vol:
        return _Assessment(Status.MISSING, "Only volunteer users and no live or production test.", [], vol[:2], [])
    return _Assessment(Status.MISSING, "No sign of testing on production data or in live operations.", [], [], [])


_CUSTOM = {"R01": _r01, "R03": _r03, "R09": _r09, "R10": _r10}

# --------------------------------------------------------------------------- missing list

_STOP = frozenset(["a", "an", "and", "the", "of", "or", "to", "for", "in", "on", "at", "by", "with", "from", "as", "is", "are", "be", "it", "its", "not", "no", "e.g"])


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def _missing_items(reason: Reason, found: list[str], status: Status) -> list[str]:
    if status == Status.ADDRESSED and not reason.look_for:
        return []
    have = set().union(*(_stems(f) for f in found)) if found else set()
    out = [item for item in reason.look_for if not (_stems(item) & have)]
    if status != Status.ADDRESSED and not out:
        out = [f"what the rubric asks for: {reason.criteria.addressed}"]
    return out


def decide(rules: R.ReasonRules, doc: _Doc) -> _Assessment:
    """The rules' assessment of one reason."""
    return _CUSTOM.get(rules.reason_id, _generic)(rules, doc)


def _unit_grams(doc: _Doc, k: int) -> Counter[str]:
    g = doc.grams.get(k)
    if g is None:
        g = doc.grams[k] = grams(doc.units[k].text)
    return g


def model_inputs(rules: R.ReasonRules, doc: _Doc, a: _Assessment, every: Iterable[Status]) -> Inputs:
    """What the trained screen reads for one reason: the rules' status and evidence, the rules' statuses of
    all ten reasons (``every``), and the words of the passages (sentences, table cells) where the rules found
    anything on the reason, of the headings those passages sit under, and of the whole document."""
    # R01's baseline and target live in _r01's KPI detail, not in the elements: scanning them again costs
    # a tenth of the screen on long documents and gains the model nothing
    elements = rules.elements[:1] if rules.reason_id == "R01" else rules.elements
    ms = [km for el in elements for km in _find(doc, el, future_counts=rules.report_future_counts)]
    gaps = [km for el in rules.gap_cues for km in _find(doc, el, gap=True)]
    counts = {
        "aff": sum(m.polarity == "affirmed" for _, m in ms),
        "aff_core_el": len({m.element for _, m in ms if m.polarity == "affirmed" and m.core}),
        "aff_el": len({m.element for _, m in ms if m.polarity == "affirmed"}),
        "fut": sum(m.polarity == "future" for _, m in ms),
        "defer": sum(m.polarity == "deferred" for _, m in ms),
        "neg": sum(m.polarity == "negated" for _, m in ms),
        "gaps": sum(m.polarity == "affirmed" for _, m in gaps),
        "support": len(a.support),
        "against": len(a.against),
    }
    found = {f"{m.element}|{m.polarity}" for _, m in ms} | {f"gap:{m.element}|{m.polarity}" for _, m in gaps}
    passages = sorted({k for k, _ in (*ms, *gaps)})
    words: Counter[str] = Counter()
    headings: Counter[str] = Counter()
    for k in passages:
        words.update(_unit_grams(doc, k))
    for h in {path[-1] for k in passages if (path := doc.units[k].block.heading_path)}:
        headings.update(grams(h))
    if doc.all_grams is None:
        doc.all_grams = Counter()
        for k in range(len(doc.units)):
            doc.all_grams.update(_unit_grams(doc, k))
    named = named_features(a.status, counts, sorted(found), doc.is_report, every)
    return Inputs(named, (words, headings, doc.all_grams))


def _judged(a: _Assessment, rules: R.ReasonRules, doc: _Doc, model: ScreenModel, every: Iterable[Status]) -> _Assessment:
    """The status the trained screen gives within its guard rails (``screen_model.choose``); the rationale
    says when it overrode the rules, or when it leans higher than the quotes allow."""
    probs = model.judge(rules.reason_id, model_inputs(rules, doc, a, every))
    if probs is None:
        return a
    status, best = choose(probs, rules=a.status, supported=bool(a.support), quoted=bool(a.against))
    why = a.rationale
    if status != a.status:
        why += (f" The trained screen weighs this evidence as {status.value} (p = {probs[status]:.2f}); "
                f"the rules alone said {a.status.value} (p = {probs[a.status]:.2f}).")
    if best != status:
        why += (f" Documents like this are more often {best.value} (p = {probs[best]:.2f}) in words the rules do not "
                "know: read the document to confirm.")
    return _Assessment(status, why, a.support, a.against, a.found)


def assess(document: Document, rubric: Rubric, alerts: list[Alert] | None = None,
           model: ScreenModel | None = None) -> tuple[list[Finding], _Doc]:
    """Findings for every reason of ``rubric`` (quotes not yet grounded) and the index used.

    ``model``: the trained screen decides each status from the rules' evidence; ``None`` for the rules' own.
    """
    for cached in (_breaks, _deferred, _planned):
        cached.cache_clear()  # they serve one document's mentions; a review never leans on an earlier one's
    doc = _index(document, alerts)
    decided = {r.id: decide(rules, doc) for r in rubric.reasons if (rules := R.REASONS.get(r.id)) is not None}
    every = [a.status for a in decided.values()]  # the trained screen reads how the rules found the whole document
    findings: list[Finding] = []
    for reason in rubric.reasons:
        rules = R.REASONS.get(reason.id)
        if rules is None:
            findings.append(Finding(reason_id=reason.id, title=reason.title, status=Status.MISSING,
                                    rationale=NO_RULES + ".", missing=list(reason.look_for), fix=reason.fix))
            continue
        a = decided[reason.id]
        if model is not None:
            a = _judged(a, rules, doc, model, every)
        evidence = [_quote(m) for m in a.support]
        for m in a.against:
            if len(evidence) >= MAX_QUOTES + 1:
                break
            evidence.append(_quote(m, against=True))
        findings.append(Finding(
            reason_id=reason.id, title=reason.title, status=a.status, evidence=_dedupe(evidence),
            rationale=a.rationale, missing=_missing_items(reason, a.found, a.status), fix=reason.fix,
        ))
    return findings, doc


def _dedupe(evidence: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[str | None, str]] = set()
    out: list[Evidence] = []
    for e in evidence:
        key = (e.block_id, e.quote)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


# --------------------------------------------------------------------------- facts


_NUM_AFTER = {
    "baseline": re.compile(r"\b(?:baseline|currently|current|today|from|down\s+from|up\s+from|before|is|are|stands\s+at|averages?)\b[^0-9£$€]{0,30}([£$€]?\d[\d,.]*\s*(?:%|per\s+cent|pp|k|m|bn|days?|hours?|hrs?|minutes?|mins?|weeks?|seconds?|p|pence)?)", re.I),
    "target": re.compile(r"\b(?:target|goal|aim\w*|to|by|below|under|at\s+least|reduce\w*\s+to)\b[^0-9£$€]{0,30}([£$€]?\d[\d,.]*\s*(?:%|per\s+cent|pp|k|m|bn|days?|hours?|hrs?|minutes?|mins?|weeks?|seconds?|p|pence)?)", re.I),
}
_PHRASE_LEFT = re.compile(r"((?:[A-Za-z][\w-]*\s+){0,3})$")
_LEFT_STOP = frozenset(["the", "a", "an", "our", "its", "their", "of", "in", "on", "for", "to", "and", "or", "with", "by", "from", "is", "are", "was", "were", "will", "be", "this", "that", "these", "those", "kpi", "kpis", "metric", "metrics", "primary", "key", "main", "reduce", "reduced", "reducing", "improve", "improved", "increase", "increased", "lower", "cut"])


_VERB_KPIS = (
    (re.compile(r"\b(?:sped|speeds?)\s+up\b", re.I), "speed of the work"),
    (re.compile(r"^sav\w*\s+(?:\w+\s+){0,3}?(time|hours|days)$", re.I), "time saved"),
)


def kpi_label(phrase: str) -> str:
    """A KPI named by a verb ("sped up", "saved the team time") as the measure it implies."""
    phrase = squash(phrase)
    for pattern, label in _VERB_KPIS:
        if pattern.search(phrase):
            return label
    return phrase


def _noun_phrase(text: str, start: int, end: int) -> str:
    """The KPI phrase with up to three qualifying words before it ("average claims handling time")."""
    m = _PHRASE_LEFT.search(text[:start])
    words = m.group(1).split() if m else []
    keep: list[str] = []
    for w in reversed(words):
        if w.lower() in _LEFT_STOP or not w[0].isalpha():
            break
        keep.insert(0, w)
    return squash(" ".join([*keep, text[start:end]]))


def _num(kind: str, text: str) -> str | None:
    m = _NUM_AFTER[kind].search(text)
    return squash(m.group(1)).rstrip(".,") if m else None


def _table_kpis(doc: _Doc, seen: set[str]) -> list[CommercialKPI]:
    """Measures in a KPI table named in the document's own words ("Non-revenue water | 21% | 16%"): the row's
    label, with the values under its before, after and result columns."""
    r01 = R.REASONS["R01"]
    tech = {id(m.unit) for _, m in _find(doc, r01.gap_cues[0], gap=True)}
    named = {id(m.unit) for _, m in _find(doc, r01.elements[0])}
    out: list[CommercialKPI] = []
    for _, m in _structural_kpis(doc, tech | named):
        u = m.unit
        if not u.is_table or m.polarity == "negated":
            continue
        headings = _column_headings(doc, u).split(" | ")
        # a DOCX row may carry its headings ("Measure: 30-day cure rate | Baseline: 61.7%"): keep the values
        cells = [c[len(h) + 1:].strip() if h and c.lower().startswith(h.lower() + ":") else c
                 for c, h in zip_longest(u.block.text.split(" | "), headings, fillvalue="")]
        metric = squash(cells[0]) if cells else ""
        if not metric or metric[0].isdigit() or metric.lower() in seen:
            continue
        seen.add(metric.lower())
        base = target = measured = None
        for heading, cell in zip(headings, cells, strict=False):
            if not _DIGITS.search(cell):
                continue
            if base is None and _BEFORE_COLUMN.search(heading):
                base = squash(cell)
            elif doc.is_report and measured is None and _RESULT_COLUMN.search(heading):
                measured = squash(cell)
            elif target is None and _AFTER_COLUMN.search(heading):
                target = squash(cell)
        if base or target or measured:
            out.append(CommercialKPI(metric=metric, baseline=base, target=target, measurement=measured, evidence=_quote(m)))
    return out


def extract_facts(doc: _Doc) -> Facts:
    """Facts the rules can fill: KPIs with baseline/target, metrics, owners, unit costs, governance."""
    r01 = R.REASONS["R01"]
    kpis: list[CommercialKPI] = []
    seen: set[str] = set()
    for k, m in _find(doc, r01.elements[0]):
        if m.polarity == "negated" or _GENERIC_KPI.match(m.match):
            continue
        metric = kpi_label(_noun_phrase(m.unit.text, m.start, m.end))
        if metric.lower() in seen:
            continue
        seen.add(metric.lower())
        ctx = _context(doc, k)
        base = _num("baseline", ctx) if R.BASELINE.search(ctx) else None
        target = _num("target", ctx) if R.TARGET.search(ctx) else None
        measured = squash(m.unit.text)[:200] if doc.is_report and R.MEASURED.search(m.unit.text) and m.polarity == "affirmed" else None
        kpis.append(CommercialKPI(metric=metric, baseline=base, target=target, measurement=measured, evidence=_quote(m)))
    kpis += _table_kpis(doc, seen)
    kpis.sort(key=lambda c: (-(bool(c.baseline) + bool(c.target) + bool(c.measurement)),))
    # (a KPI whose baseline or target is deferred is still the KPI the document names)
    tech: list[FactItem] = []
    seen_t: set[str] = set()
    for _, m in _find(doc, r01.gap_cues[0], gap=True):
        name = squash(m.match).lower()
        if name in seen_t:
            continue
        seen_t.add(name)
        num = R.NUMBER.search(m.unit.text, m.end)
        value = squash(m.match) + (f" {squash(num.group(0))}" if num and num.start() - m.end < 25 and any(c.isdigit() for c in num.group(0)) else "")
        tech.append(FactItem(value=value, evidence=_quote(m)))
    got, _, _ = owners(doc)
    op = next((o for o in got if o.kind == "operational" and o.mention.polarity == "affirmed"), None)
    op = op or next((o for o in got if o.kind == "operational"), None)
    sponsor = _sponsor(doc)
    r10 = R.REASONS["R10"]
    port = [m for _, m in _find(doc, r10.elements[1]) if m.polarity in ("affirmed", "future")
            and r10.elements[0].patterns.search(_context(doc, doc.units.index(m.unit)))]
    r05 = R.REASONS["R05"]
    units = [FactItem(value=_with_amount(doc, k, m), evidence=_quote(m)) for k, m in _find(doc, r05.elements[0])
             if m.polarity != "negated" and m.polarity != "deferred"]
    gov = [FactItem(value=m.element, evidence=_quote(m)) for el in R.REASONS["R06"].elements
           for _, m in _find(doc, el)[:1] if m.polarity in ("affirmed", "future")]
    return Facts(
        commercial_kpis=kpis[:6],
        technical_metrics=tech[:8],
        operational_owner=FactItem(value=op.who, evidence=_quote(op.mention)) if op else None,
        sponsor=sponsor,
        portfolio_owner=FactItem(value=squash(port[0].match), evidence=_quote(port[0])) if port else None,
        unit_costs=_unique(units)[:5],
        governance=gov,
    )


_MONEY = re.compile(R.money(r"[£$€]\s?\d[\d,.]*\s*(?:k|m|bn|p|c)?\b"))


def _with_amount(doc: _Doc, k: int, m: Mention) -> str:
    """A unit-cost fact with its amount: the match, or the nearest money figure with it."""
    value = squash(m.match)
    if _MONEY.search(value):
        return value
    u = doc.units[k]
    text = u.block.text if u.is_table else u.text
    amounts = list(_MONEY.finditer(text))
    if not amounts:
        return value
    at = (u.start if u.is_table else 0) + m.start
    near = min(amounts, key=lambda a: abs(a.start() - at))
    return f"{squash(near.group(0))} {value}"


_SPONSOR = re.compile(r"\bsponsor(?:ed|ship)?\b", re.I)


def _sponsor(doc: _Doc) -> FactItem | None:
    named = R.REASONS["R03"].extra["named"]
    for u in doc.units:
        m = _SPONSOR.search(u.text)
        if m is None:
            continue
        if polarity(u.text, m.start(), m.end(), is_report=False) in ("negated", "deferred"):
            continue
        who = named.search(u.text)
        if who:
            return FactItem(value=squash(who.group(0)), evidence=Evidence(quote=u.text, block_id=u.block.id))
    return None


def _unique(items: list[FactItem]) -> list[FactItem]:
    seen: set[str] = set()
    out: list[FactItem] = []
    for it in items:
        if it.value.lower() not in seen:
            seen.add(it.value.lower())
            out.append(it)
    return out


# --------------------------------------------------------------------------- engine


class ScreeningEngine:
    """Deterministic, explainable, no language model and no key.

    ``model``: the trained screen shipped in ``prompts/screen_model.json`` by default; a ``ScreenModel`` of
    your own; or ``None`` for the rules' own statuses.
    """

    def __init__(self, model: ScreenModel | Literal["shipped"] | None = "shipped") -> None:
        self.model: ScreenModel | None = load_model() if isinstance(model, str) else model

    @property
    def info(self) -> EngineInfo:
        m = self.model
        if m is None:
            return EngineInfo(name="screen", label="offline screening engine (rules only; no language model)")
        return EngineInfo(name="screen", prompt_version=f"screen-model:{m.version}",
                          label=f"offline screening engine (rules and a trained screen {m.version} fitted to "
                                f"{m.documents} labelled documents; no language model)")

    def review(self, document: Document, rubric: Rubric) -> EngineResult:
        alerts = find_alerts(document)
        findings, doc = assess(document, rubric, alerts, self.model)
        warnings: list[str] = []
        unknown = [r.id for r in rubric.reasons if r.id not in R.REASONS]
        if unknown:
            warnings.append(f"The screening engine has no rules for {', '.join(unknown)}; those are marked missing. Use the LLM engine for them.")
        return EngineResult(findings=findings, facts=extract_facts(doc), alerts=alerts, warnings=warnings)
