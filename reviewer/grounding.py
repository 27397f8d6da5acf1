"""Locate every quoted piece of evidence in the document, or refuse to show it.

A quote is matched after normalising whitespace, hyphenation, ligatures, dashes and curly
quotes; failing that, fuzzily (rapidfuzz) above a threshold. Located quotes get block id,
page/section and character span. Unlocated quotes are dropped from evidence and reported;
an "addressed" that rested only on them is downgraded to "partial".
"""

from __future__ import annotations

import re
import unicodedata
from typing import TypeVar

from rapidfuzz import fuzz

from reviewer.models import (
    Block,
    CommercialKPI,
    Document,
    EngineResult,
    Evidence,
    FactItem,
    Facts,
    Finding,
    Status,
)

FUZZY_THRESHOLD = 90.0

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
        "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
        "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
        "\u2026": "...",
    }
)
_HYPHEN_BREAK = re.compile(r"(\w)-\s*\n\s*(\w)")


def normalise(text: str) -> tuple[str, list[int]]:
    """Return a comparison form of ``text`` and, for each of its characters, the source index."""
    out: list[str] = []
    idx: list[int] = []
    prev_space = True
    text = unicodedata.normalize("NFC", text)
    for i, ch in enumerate(text):
        rep = ch.translate(_TRANSLATE)
        for c in rep:
            if c.isspace():
                if prev_space:
                    continue
                out.append(" ")
                idx.append(i)
                prev_space = True
            else:
                out.append(c.lower())
                idx.append(i)
                prev_space = False
    while out and out[-1] == " ":
        out.pop()
        idx.pop()
    return "".join(out), idx


def _clean_quote(quote: str) -> str:
    q = _HYPHEN_BREAK.sub(r"\1\2", quote.strip())
    q = q.strip().strip('"“”\'‘’').strip()
    # Models often mark elisions; keep the longest contiguous piece.
    pieces = [p.strip() for p in re.split(r"\s*(?:\.\.\.|…|\[\.\.\.\])\s*", q) if p.strip()]
    return max(pieces, key=len) if pieces else q


class _Index:
    """Search structures over one document, built only when a quote is not found verbatim."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._norm: tuple[str, list[int]] | None = None
        self._blocks: dict[str, tuple[str, list[int]]] = {}

    @property
    def norm(self) -> str:
        return self._normalised()[0]

    @property
    def map(self) -> list[int]:
        return self._normalised()[1]

    def _normalised(self) -> tuple[str, list[int]]:
        if self._norm is None:
            self._norm = normalise(self.doc.text)
        return self._norm

    def block_norm(self, block: Block) -> tuple[str, list[int]]:
        got = self._blocks.get(block.id)
        if got is None:
            got = self._blocks[block.id] = normalise(block.text)
        return got


def _index(doc: Document) -> _Index:
    return _Index(doc)


def index_document(doc: Document) -> _Index:
    """A reusable search index of ``doc`` for ``locate`` (engines use it to check single quotes)."""
    return _index(doc)


def _span_to_evidence(ix: _Index, quote: str, nstart: int, nend: int, score: float) -> Evidence | None:
    start = ix.map[nstart]
    end = ix.map[nend - 1] + 1
    block = ix.doc.block_at(start)
    if block is None:
        return None
    end = min(end, block.end)
    return _evidence(block, quote if score < 100 else ix.doc.text[start:end], start, end, score)


def _evidence(block: Block, quote: str, start: int, end: int, score: float) -> Evidence:
    return Evidence(
        quote=quote,
        block_id=block.id,
        page=block.page,
        section=block.section,
        location=block.location,
        start=start,
        end=end,
        verified=True,
        match_score=round(score, 1),
    )


def locate(ix: _Index, ev: Evidence) -> Evidence | None:
    """Find ``ev.quote`` in the document; prefer its cited block. None when not found."""
    q = _clean_quote(ev.quote)
    nq, _ = normalise(q)
    if len(nq) < 3:
        return None
    cited = ix.doc.block(ev.block_id) if ev.block_id else None
    # 0. Verbatim: in the cited block, then anywhere (no normalising needed).
    if cited is not None and (i := cited.text.find(q)) != -1:
        return _evidence(cited, q, cited.start + i, cited.start + i + len(q), 100.0)
    if (i := ix.doc.text.find(q)) != -1 and (b := ix.doc.block_at(i)) is not None and i + len(q) <= b.end:
        return _evidence(b, q, i, i + len(q), 100.0)
    # 1. Exact (normalised) inside the cited block, then anywhere.
    candidates: list[int] = []
    pos = ix.norm.find(nq)
    while pos != -1:
        candidates.append(pos)
        pos = ix.norm.find(nq, pos + 1)
    if candidates:
        best = candidates[0]
        if cited is not None:
            for c in candidates:
                if cited.start <= ix.map[c] < cited.end:
                    best = c
                    break
        return _span_to_evidence(ix, q, best, best + len(nq), 100.0)
    # 2. Fuzzy: cited block first, then every block.
    blocks = ([cited] if cited else []) + [b for b in ix.doc.blocks if b is not cited]
    best_ev: Evidence | None = None
    best_score = 0.0
    for b in blocks:
        nb, bmap = ix.block_norm(b)
        if len(nb) < len(nq) * 0.5:
            continue
        al = fuzz.partial_ratio_alignment(nq, nb, score_cutoff=FUZZY_THRESHOLD)
        if al is not None and al.score > best_score:
            s = b.start + bmap[al.dest_start]
            e = b.start + bmap[max(al.dest_end - 1, al.dest_start)] + 1
            best_score = al.score
            best_ev = _evidence(b, ix.doc.text[s:e], s, e, al.score)
            if b is cited and al.score >= 97:
                break
    return best_ev


def ground_evidence(ix: _Index, ev: Evidence | None, warnings: list[str], where: str) -> Evidence | None:
    if ev is None:
        return None
    found = locate(ix, ev)
    if found is not None:
        found = found.model_copy(update={"role": ev.role})
    if found is None:
        warnings.append(f"{where}: quote not found in the document and not shown: \"{ev.quote[:160]}\"")
    return found


def ground(doc: Document, result: EngineResult) -> tuple[list[Finding], Facts, list[str]]:
    """Ground findings and facts; return them with the warnings about dropped quotes."""
    ix = _index(doc)
    warnings: list[str] = []
    findings: list[Finding] = []
    for f in result.findings:
        kept: list[Evidence] = []
        dropped = 0
        for ev in f.evidence:
            g = ground_evidence(ix, ev, warnings, f.reason_id)
            if g is None:
                dropped += 1
            elif not any(k.start == g.start and k.end == g.end for k in kept):
                kept.append(g)
        update: dict[str, object] = {"evidence": kept}
        if dropped:
            notes = [*f.notes, f"{dropped} quote(s) could not be found in the document and are not shown."]
            update["notes"] = notes
            if f.status == Status.ADDRESSED and not kept:
                update["status"] = Status.PARTIAL
                update["downgraded_from"] = Status.ADDRESSED
                notes.append("Downgraded from addressed: the only supporting quotes could not be verified in the document.")
        findings.append(f.model_copy(update=update))
    facts = result.facts
    gf = facts.model_copy(
        update={
            "commercial_kpis": _ground_items(ix, facts.commercial_kpis, warnings, "commercial_kpi"),
            "technical_metrics": _ground_items(ix, facts.technical_metrics, warnings, "technical_metric"),
            "unit_costs": _ground_items(ix, facts.unit_costs, warnings, "unit_cost"),
            "governance": _ground_items(ix, facts.governance, warnings, "governance"),
            "operational_owner": _ground_one(ix, facts.operational_owner, warnings, "operational_owner"),
            "sponsor": _ground_one(ix, facts.sponsor, warnings, "sponsor"),
            "portfolio_owner": _ground_one(ix, facts.portfolio_owner, warnings, "portfolio_owner"),
        }
    )
    return findings, gf, warnings


_T = TypeVar("_T", FactItem, CommercialKPI)


def _ground_items(ix: _Index, items: list[_T], warnings: list[str], name: str) -> list[_T]:
    out: list[_T] = []
    for it in items:
        if it.evidence is None:
            out.append(it)
            continue
        g = ground_evidence(ix, it.evidence, warnings, f"fact {name}")
        if g is not None:
            out.append(it.model_copy(update={"evidence": g}))
    return out


def _ground_one(ix: _Index, item: FactItem | None, warnings: list[str], name: str) -> FactItem | None:
    if item is None:
        return None
    got = _ground_items(ix, [item], warnings, name)
    return got[0] if got else None
