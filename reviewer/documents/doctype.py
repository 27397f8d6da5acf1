"""Tell a pilot proposal from a post-pilot report by what the text says about time and results."""

from __future__ import annotations

import re

from reviewer.models import BlockKind, DocType, Document

_REPORT = [
    r"\bpost[- ]pilot\b", r"\bevaluation report\b", r"\bfinal report\b", r"\bclose[- ]?out\b",
    r"\blessons learn(?:ed|t)\b", r"\bfindings\b", r"\bresults\b", r"\bwe (?:found|observed|measured)\b",
    r"\bthe pilot (?:ran|showed|demonstrated|achieved|delivered|was run)\b", r"\bwas (?:evaluated|trialled|tested)\b",
    r"\bretrospective\b", r"\boutcomes? (?:achieved|observed)\b", r"\bproof[- ]of[- ]concept (?:report|final)\b",
    r"\btechnical report\b", r"\bcase study\b",
]
_PROPOSAL = [
    r"\bproposal\b", r"\bwe propose\b", r"\bproposed\b", r"\bbusiness case\b", r"\bwill be (?:measured|run|delivered)\b",
    r"\bfunding request\b", r"\bproject (?:charter|initiation)\b", r"\bterms of reference\b", r"\brequest for approval\b",
    r"\bthe pilot will\b", r"\bplanned\b", r"\bsubmitted for approval\b",
]
_REPORT_RE = [re.compile(p, re.I) for p in _REPORT]
_PROPOSAL_RE = [re.compile(p, re.I) for p in _PROPOSAL]


def detect_doc_type(doc: Document) -> tuple[DocType, str]:
    """Return the type and a short reason. Title and headings count three times the body."""
    head = " ".join(b.text for b in doc.blocks[:40] if b.kind == BlockKind.HEADING)
    title = (doc.title or "") + " " + doc.name.replace("_", " ")
    body = doc.text[:60_000]

    def score(pats: list[re.Pattern[str]]) -> tuple[float, list[str]]:
        total = 0.0
        hits: list[str] = []
        for p in pats:
            n_head = len(p.findall(title)) + len(p.findall(head))
            n_body = min(len(p.findall(body)), 5)
            if n_head or n_body:
                hits.append(p.pattern.strip("\\b").replace("\\b", ""))
            total += 3 * n_head + n_body
        return total, hits

    r, r_hits = score(_REPORT_RE)
    p, p_hits = score(_PROPOSAL_RE)
    if r > p:
        return DocType.REPORT, f"reads as a post-pilot report (report cues {r:g} vs proposal cues {p:g})"
    return DocType.PROPOSAL, f"reads as a proposal (proposal cues {p:g} vs report cues {r:g})"
