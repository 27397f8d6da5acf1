"""Tell a pilot proposal from a post-pilot report.

Three signals, each general: cue words in the title (weighted most), cue phrases in the body, and
tense (a report narrates what was done and measured; a proposal says what will be done).
"""

from __future__ import annotations

import re

from reviewer.models import BlockKind, DocType, Document

_TITLE_REPORT = re.compile(
    r"\b(evaluation(?! (?:plan|framework|approach|criteria|strategy))|recap|read-?out|close[- ]?out|"
    r"(?<!expected )results(?! (?:we|you|it|the \w+) (?:will|would|expect))|"  # not "Results we will be accountable for"
    r"close report|lessons learn(?:ed|t)|post[- ]pilot|retrospective|(?:trial|pilot|poc|technical|final) report|"
    r"case study|review of|wrap-?up|"
    r"(?:pilot|trial) (?:[—–-] [\w ]{0,20}?\d{4} )?review\b(?! (?:by|and approval))|"  # "Pilot Review", "Pilot — Rabi 2025 Review"
    r"what we (?:tried|did|saw|tested|piloted|found|learn(?:ed|t))|where we (?:ended up|got to|landed)|"
    r"how (?:did )?(?:it|the [\w -]{1,40}?) (?:went|go)\b)",
    re.I,
)
_TITLE_ONLY_REPORT = re.compile(r"\b(?:pilot|trial) summary\b", re.I)  # the document's own title, not a section of a plan
_TITLE_PROPOSAL = re.compile(
    r"\b(proposal|business case|charter|(?:pilot|project) plan|pitch|(?:funding|grant) (?:application|bid)|plan and request|request for (?:funding|approval)|"
    r"terms of reference|project initiation|funding request|statement of work)\b",
    re.I,
)
_BODY_REPORT = re.compile(
    r"\b(post[- ]pilot|lessons learn(?:ed|t)|we (?:found|observed|measured)|the pilot (?:ran|showed|demonstrated|"
    r"achieved|delivered|was run)|was (?:evaluated|trialled|tested)|outcomes? (?:achieved|observed))\b",
    re.I,
)
_BODY_PROPOSAL = re.compile(
    r"\b(we propose|this proposal|is proposed|the pilot will|will be (?:measured|run|delivered)|seek(?:s|ing)? "
    r"approval|request(?:s|ing)? (?:approval|funding))\b",
    re.I,
)
_FUTURE = re.compile(r"\b(will|shall|propose[sd]?|plan to|intend to|would)\b", re.I)
_PAST = re.compile(r"\b(was|were|achieved|showed|found|measured|observed|delivered|completed|ran)\b", re.I)


def detect_doc_type(doc: Document) -> tuple[DocType, str]:
    """Return the detected type and a one-line reason a user can check."""
    title = " ".join([doc.title or "", *(b.text for b in doc.blocks[:8] if b.kind == BlockKind.HEADING)])
    body = doc.text[:80_000]
    t_rep = len(_TITLE_REPORT.findall(title)) + bool(_TITLE_ONLY_REPORT.search(doc.title or ""))
    t_pro = len(_TITLE_PROPOSAL.findall(title))
    b_rep = min(len(_BODY_REPORT.findall(body)), 5)
    b_pro = min(len(_BODY_PROPOSAL.findall(body)), 5)
    fut = len(_FUTURE.findall(body))
    past = len(_PAST.findall(body))
    tense = 4.0 * (past - fut) / max(past + fut, 1)
    score = 4 * (t_rep - t_pro) + (b_rep - b_pro) + tense
    detail = f"title cues {t_rep} report / {t_pro} proposal, body cues {b_rep}/{b_pro}, past {past} vs future {fut}"
    if score > 0:
        return DocType.REPORT, f"reads as a post-pilot report ({detail})"
    return DocType.PROPOSAL, f"reads as a proposal ({detail})"
