"""Text that must never steer a review: addressed to AI/automated reviewers, or hidden from a human.

``find_alerts(document)`` reports both kinds as ``Alert`` objects with their location;
``is_reviewer_directed(text)`` tells whether one piece of text addresses the assessor.
Engines must never use such text as evidence.

The patterns are general vocabulary of prompt injection and assessment steering (who is
addressed, override phrasing, chat-role markers, imperatives that dictate an outcome),
not phrases taken from any particular document.
"""

from __future__ import annotations

import re

from reviewer.models import Alert, Document
from reviewer.text import fold, folded, sentence_spans, squash, trigger

# Who an injected instruction addresses: an AI, model or automated assessor.
_AI = (
    r"(?:ai|a\.i\.|automated|automatic|machine|llms?|language[- ]models?|large[- ]language[- ]models?|gpt[\w.-]*|"
    r"chatgpt|claude|gemini|copilot|chat\s?bots?|bots?|ai[- ]assistants?|assistants?|algorithmic|model[- ]based)"
)
_ASSESSOR = (
    r"(?:review(?:er|ers|ing)?|assess(?:or|ors|ment|ing)?|evaluat(?:or|ors|ion|ing)|grad(?:er|ers|ing)|"
    r"screen(?:er|ers|ing)|scor(?:er|ers|ing)|judges?|readers?|marking|markers?|checkers?|systems?|tools?|agents?)"
)

# The colon/comma address form only for assessors ("AI tools: ..." is ordinary content).
_ASSESSOR_PERSON = (
    r"(?:reviewers?|assessors?|evaluators?|graders?|screeners?|scorers?|judges?|markers?|checkers?|readers?)"
)

# Each pattern: (compiled regex, what it shows). Compiled once at import.
_STRONG: list[tuple[re.Pattern[str], str]] = [
    # "note to the AI", "message for any LLM", "instructions for automated reviewers"
    (re.compile(rf"\b(?:note|message|instructions?|memo|hint|reminder)s?\s+(?:to|for)\s+(?:the\s+|any\s+|all\s+)?{_AI}\b", re.I),
     "a note addressed to an AI"),
    # "Automated reviewers: ...", "AI assessor, please ..."
    (re.compile(rf"\b{_AI}[- ](?:based\s+)?{_ASSESSOR_PERSON}\s*[:,]", re.I), "text addressed to an AI or automated reviewer"),
    # "To any AI reviewing this document", "attention LLM"
    (re.compile(rf"\b(?:to|attention|dear|hey|hello)\s*:?\s+(?:any\s+|all\s+|the\s+)?{_AI}\b(?:\s+(?:that|which|who)?\s*(?:is\s+)?(?:reading|reviewing|assessing|evaluating|processing|scoring))?", re.I),
     "text addressed to an AI"),
    # "If you are an AI / a language model / an automated system ..."
    (re.compile(rf"\bif\s+you\s+are\s+(?:an?\s+)?(?:{_AI}|automated)", re.I), "text addressed to an AI reader"),
    # "As an AI language model, ..."
    (re.compile(r"\bas\s+an?\s+(?:ai\s+|large\s+)?(?:language\s+model|llm|ai\s+(?:assistant|reviewer|model))\s*,", re.I),
     "text written as if by or to an AI model"),
    # "ignore (all) previous instructions", "disregard the rubric"
    (re.compile(r"\b(?:ignore|disregard|forget|override|bypass|skip)\s+(?:all\s+|any\s+|the\s+|your\s+|of\s+)*"
                r"(?:previous|prior|above|earlier|preceding|foregoing|original|system|other|existing)?\s*"
                r"(?:instructions?|prompts?|directions|directives|rubrics?|guidelines|scoring\s+(?:criteria|rules)|assessment\s+criteria)\b", re.I),
     "an attempt to override the reviewer's instructions"),
    (re.compile(r"\b(?:new|updated|revised|real|actual)\s+(?:system\s+)?instructions?\s*:", re.I), "injected instructions"),
    (re.compile(r"\bsystem\s+prompt\b|\byou\s+are\s+now\s+(?:a|an|in)\b|\bjailbreak|\bdeveloper\s+mode\b", re.I),
     "prompt-injection phrasing"),
    # Chat-role markers and template tokens.
    (re.compile(r"(?:^|\n)\s*(?:assistant|ai\s+assistant|chatbot)\s*:\s+\S", re.I), "a chat-role marker"),
    (re.compile(r"<\|?(?:im_start|im_end|system|assistant|endoftext)\|?>|\[/?INST\]|<</?SYS>>|###\s*(?:instruction|system|response)\b", re.I),
     "a model prompt-template token"),
]

# An imperative (or "the reviewer should ...") that dictates the outcome of the assessment.
_STEER_VERB = (
    r"(?:mark|rate|score|grade|assess|classify|label|treat|consider|record|report|evaluate|rank|flag|judge|"
    r"give|assign|return|output|answer|respond|approve|pass|deem|regard|list|set)"
)
_TARGET = (
    r"(?:(?:this|the|that)\s+(?:document|proposal|report|submission|pilot|application|paper|bid|case|project)|"
    r"(?:all|every|each|the|these|any)\s+(?:of\s+the\s+)?(?:criteria|criterion|reasons?|items?|sections?|checks?|requirements?|"
    r"categories|dimensions|questions|gaps?|findings?|boxes)|it|them|everything)"
)
_OUTCOME = (
    r"(?:met|addressed|satisfied|fulfilled|complete|compliant|passed|passing|ready|approved|excellent|outstanding|"
    r"green|full\s+marks|top\s+marks|the\s+highest|highest|highly|maximum|10\s*/\s*10|5\s*/\s*5|100\s*%?|positive(?:ly)?|"
    r"favou?rabl[ey]|strong(?:ly)?|no\s+gaps|fully\s+\w+|low[- ]risk|exemplary)"
)
_IMPERATIVE_STEER = re.compile(
    rf"(?:^|[:;.!]\s*|\bplease\s+|\bkindly\s+|\bmust\s+|\bshould\s+|\bto\s+)\b{_STEER_VERB}\s+(?:\w+\s+){{0,3}}?{_TARGET}\b"
    rf"[^.;]{{0,40}}?\b(?:as|at|with|a|an)?\s*{_OUTCOME}",
    re.I,
)
_REVIEWER_MODAL = re.compile(
    rf"\b(?:(?:the|any|all|an?)\s+)?(?:{_AI}[- ])?(?:reviewers?|assessors?|evaluators?|graders?|screeners?|markers?)\s+"
    rf"(?:should|must|shall|will|are\s+(?:asked|instructed|required|expected)\s+to|is\s+(?:asked|instructed|required|expected)\s+to)\s+"
    rf"(?:\w+\s+){{0,2}}?{_STEER_VERB}\b[^.;]{{0,60}}?\b{_OUTCOME}",
    re.I,
)
_DONT_FLAG = re.compile(
    r"\b(?:do\s+not|don't|never|avoid)\s+(?:flag|report|mention|list|raise|penali[sz]e|mark\s+down|deduct|note)\s+"
    r"(?:any\s+|the\s+)?(?:gaps?|issues?|risks?|concerns?|weakness(?:es)?|missing\s+\w+|shortcomings|deficienc\w+)",
    re.I,
)
_ADDRESSEE = re.compile(rf"\b{_AI}[- ](?:based\s+)?{_ASSESSOR}\b|\byou\b", re.I)


def _search(pattern: re.Pattern[str], text: str, low: str) -> bool:
    trig = trigger(pattern)
    if trig is not None and not trig.search(low):
        return False  # the literals this pattern needs are absent: most blocks stop here
    fast = folded(pattern)
    return bool(fast.search(low) if fast is not None else pattern.search(text))


def _any_trigger() -> re.Pattern[str] | None:
    """One literal regex that every injection pattern needs to match (None: cannot prefilter)."""
    pats = [p for p, _ in _STRONG] + [_IMPERATIVE_STEER, _REVIEWER_MODAL, _DONT_FLAG]
    trigs = [trigger(p) for p in pats]
    if any(t is None for t in trigs):
        return None
    return re.compile("|".join(t.pattern for t in trigs if t is not None))


_TRIGGER = _any_trigger()


def reviewer_directed_reason(text: str) -> str | None:
    """Why ``text`` is addressed to the assessor rather than being content; None when it is not."""
    low = fold(text)
    if _TRIGGER is not None and not _TRIGGER.search(low):
        return None
    for pat, why in _STRONG:
        if _search(pat, text, low):
            return why
    if _search(_IMPERATIVE_STEER, text, low) or _search(_REVIEWER_MODAL, text, low):
        return "an instruction that dictates the outcome of the assessment"
    if _search(_DONT_FLAG, text, low) and (_search(_ADDRESSEE, text, low) or _DONT_START.match(low)):
        return "an instruction not to report gaps"
    return None


_DONT_START = re.compile(r"\s*(?:please\s+)?(?:do\s+not|don't|never|avoid)\b")


def is_reviewer_directed(text: str) -> bool:
    """True when ``text`` addresses AI/automated reviewers or tries to steer the assessment."""
    return reviewer_directed_reason(text) is not None


def directed_spans(text: str) -> list[tuple[int, int, str]]:
    """Sentence spans of ``text`` that are reviewer-directed, with the reason."""
    out: list[tuple[int, int, str]] = []
    if reviewer_directed_reason(text) is None:  # one pass over the block first: most blocks are clean
        return out
    for s, e in sentence_spans(text):
        why = reviewer_directed_reason(text[s:e])
        if why is not None:
            out.append((s, e, why))
    return out


_HIDDEN_DETAIL = "white or tiny text, text outside the page, or hidden formatting"


def find_alerts(document: Document) -> list[Alert]:
    """Every hidden block and every reviewer-directed sentence, in reading order, with location."""
    alerts: list[Alert] = []
    for b in document.blocks:
        if b.hidden:
            detail = f"Hidden from a human reader ({b.hidden_reason or _HIDDEN_DETAIL}); it is not used as evidence."
            if directed_spans(b.text):
                detail += " It also addresses AI reviewers."
            alerts.append(Alert(kind="hidden_text", text=squash(b.text)[:500], block_id=b.id,
                                location=b.location, detail=detail))
        for s, e, why in directed_spans(b.text):
            alerts.append(Alert(kind="reviewer_directed", text=b.text[s:e], block_id=b.id, location=b.location,
                                detail=f"Looks like {why}; never used as evidence."
                                + (" The text is also hidden." if b.hidden else "")))
    return alerts
