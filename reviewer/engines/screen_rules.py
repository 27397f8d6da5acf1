"""The screening engine's rules, as readable data.

Every pattern is general English vocabulary for the concepts in the article (the ten reasons
AI pilots stall): what a commercial KPI is, what an operational owner is, what enterprise data
architecture or governance consists of. No pattern names a phrase that only one document uses.

Structure
---------
- ``NEGATION`` / ``DEFERRAL`` / ``FUTURE``: how a mention is qualified (see ``screen.polarity``).
- ``REASONS``: per reason id, the *elements* a complete answer names (each a list of regexes),
  the *gap cues* that are evidence of the gap itself ("manual extract", "sandbox"), the
  *other senses* of its keywords to ignore ("sales pipeline", "loan portfolio"), and the
  thresholds that turn found elements into addressed / partial / missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewer.models import Status

FLAGS = re.I


# A currency before an amount: symbols, "US$"-style prefixes, ISO codes and common local forms
# ("INR 1.90", "Rs 40", "R4.7 million", "KSh 12", "R$ 0,30"). Patterns write money as ``[£$€]``: the
# engine matches them on a copy of the text where every currency marker is rewritten to "$" of the same
# length (``fold_money``), so one cheap symbol class covers them all and offsets still hold.
_CURRENCY_SYMBOLS = "£$€¥₹₦₱₩₪₺₫฿"
_CURRENCY_CODES = (
    "USD", "EUR", "GBP", "INR", "ZAR", "CAD", "AUD", "NZD", "SGD", "CHF", "AED", "NGN", "KES", "KSh", "PHP", "BRL", "PLN",
    "DKK", "SEK", "NOK", "MXN", "ILS", "JPY", "CNY", "HKD", "IDR", "KRW", "MYR", "THB", "VND", "TRY", "EGP", "SAR", "QAR",
    "KWD", "COP", "CLP", "ARS", "PEN", "TWD", "CZK", "HUF", "RON", "BDT", "PKR", "LKR", "GHS", "TZS", "UGX", "MAD", "Rp",
)
_DOLLAR_PREFIXES = "US|NZ|A|C|S|HK|R"  # US$, NZ$, A$, C$, S$, HK$, R$
MONEY = (rf"(?:[{_CURRENCY_SYMBOLS}]|\b(?:{_DOLLAR_PREFIXES})\$|\b(?:{'|'.join(_CURRENCY_CODES)})\s?(?=\d)|"
         r"\bRs\.?\s?(?=\d)|\bR(?=\s?\d))")
_MONEY_MARK = re.compile(rf"[{_CURRENCY_SYMBOLS[3:]}]|\b(?:{_DOLLAR_PREFIXES.lower()})\$|"
                         rf"\b(?:{'|'.join(c.lower() for c in _CURRENCY_CODES)}|rs\.?|r)(?=\s?\d)")


def fold_money(folded_text: str) -> str:
    """``folded_text`` (lower-cased) with each currency marker rewritten as "$" characters of the same length."""
    return _MONEY_MARK.sub(lambda m: "$" * len(m.group(0)), folded_text)


def money(pattern: str) -> str:
    """``pattern`` with each ``[£$€]`` widened to any currency (see ``MONEY``), for use on unfolded text."""
    return pattern.replace("[£$€]", MONEY)


# A long pattern's alternatives in a few contiguous groups: the engine scans each group where its own literals
# occur and keeps the leftmost match per unit (ties to the earlier group), which is what the joined pattern
# returns, in about two thirds of the time on long documents.
GROUPS: dict[str, tuple[re.Pattern[str], ...]] = {}
_GROUPED_FROM = 8  # alternatives
_GROUP_COUNT = 4


def rx(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive regex from alternatives (each wrapped in a group)."""
    pattern = re.compile("|".join(f"(?:{a})" for a in alternatives), FLAGS)
    if len(alternatives) >= _GROUPED_FROM:
        size = -(-len(alternatives) // _GROUP_COUNT)
        GROUPS[pattern.pattern] = tuple(re.compile("|".join(f"(?:{a})" for a in alternatives[i:i + size]), FLAGS)
                                        for i in range(0, len(alternatives), size))
    return pattern


# --------------------------------------------------------------------------- qualifiers

# A clause ends at these (negation and deferral do not cross them).
CLAUSE_BREAK = re.compile(
    r";|:\s|\s[-–—]\s|,\s+so\s|,?\s+but\s|,?\s+however\b|,?\s+although\s|,?\s+whereas\s|,?\s+while\s|,\s+and\s+(?=(?:\w+\s+){1,2}(?:is|are|was|were|has|have|will)\b)|\s+and\s+(?=(?:will|would|shall)\s+(?!be\b))",
    FLAGS,
)

# Negation close before a cue: "no operational owner", "without a baseline", "lacks ...".
NEGATION_BEFORE = rx(
    r"\b(?:no|not|never|none|nothing|neither|nor|without|nobody|cannot|can't)\b(?!\s+(?:only|just|longer|later\s+than|less|more|doubt)\b)",
    r"\bn't\b|\w+n't\b",
    r"\black(?:s|ed|ing)?\b|\babsence\s+of\b|\babsent\b|\bmissing\b|\bunclear\b|\bundefined\b|\bunassigned\b|\bunknown\b",
    r"\bhas\s+yet\s+to\b|\bhave\s+yet\s+to\b|\bis\s+yet\s+to\b|\bare\s+yet\s+to\b|\brather\s+than\b|\binstead\s+of\b",
    r"\bout\s+of\s+scope\b|\bexcluded\b|\bnot\s+in\s+scope\b|\bnot\s+part\s+of\b",
    r"\b(?:difficult|hard|impossible|unable)\s+to\b|\b(?:unsuitable|unfit|unready|not\s+(?:yet\s+)?(?:suitable|ready|fit))\s+for\b",
)
# Negation after a cue in the same clause: "an owner has not been identified", "... is unclear".
NEGATION_AFTER = rx(
    r"\b(?:has|have|had|is|are|was|were|will|would|did|does|do|could|can)\s+(?:not|never|yet\s+to)\b",
    r"\b(?:hasn't|haven't|hadn't|isn't|aren't|wasn't|weren't|won't|didn't|doesn't|don't|couldn't|can't|cannot)\b",
    r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:identified|defined|agreed|assigned|confirmed|decided|named|appointed|measured|"
    r"tracked|captured|collected|established|set|specified|quantified|modelled|modeled|estimated|designed|built|tested|in\s+place)\b",
    r"\b(?:remains?|remained|is|are|was|were)\s+(?:unclear|undefined|unassigned|unknown|open|outstanding|unresolved|tbc|tbd|unsettled)\b",
    r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:settled|resolved|finali[sz]ed|clarified)\b|\bopen\s+question\b",
    r"\bout\s+of\s+scope\b|\bexcluded\b|\bnot\s+(?:in|within)\s+(?:the\s+)?scope\b",
    r"\bnone\s+(?:was|were|has|have)\b",
)
# Deferral anywhere in the clause: the element is promised for later, not part of this pilot.
DEFERRAL = rx(
    r"\bto\s+be\s+(?:agreed|confirmed|determined|decided|defined|identified|appointed|assigned|scoped|designed|developed|"
    r"addressed|considered|assessed|reviewed|finali[sz]ed|established|worked\s+out|clarified|explored|discussed|built|set\s+up|"
    r"put\s+in\s+place|planned|done|covered|looked\s+at|picked\s+up|resolved)\b",
    r"\b(?:TBC|TBD|TBA|tbc|tbd)\b",
    r"\b(?:if|once|when|should|after|assuming)\s+(?:the\s+|this\s+)?(?:pilot|poc|proof\s+of\s+concept|trial|project|it|tool|model|system)\s+"
    r"(?:is\s+|has\s+been\s+)?(?:proceeds?|succeeds?|is\s+successful|successful|scales?|is\s+approved|approved|moves?\s+to|progresses|goes\s+ahead|completes?|concludes?|ends?|proven|proved|proves\s+itself)",
    r"\b(?:in|during|for|at|until)\s+(?:a\s+|the\s+)?(?:later|future|subsequent|next|second|third|follow[- ]on|scale[- ]up|scaling|rollout|roll[- ]out)\s+"
    r"(?:phase|stage|step|iteration|release|wave|tranche)\b",
    r"(?<!\bbefore\s)(?<!\bahead\sof\s)\b(?:phase|stage|wave|release)\s+(?:2|3|ii|iii|two|three)\b",
    r"\b(?:at|after|before|until|by)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:scale|scaling|go[/ -]no[- ]go|investment|stage|phase|decision|approval)[- ]?(?:gate|decision|review|point)\b",
    r"\b(?:will|would|can|could|may|might|shall)\s+be\s+(?:\w+\s+){0,3}?(?:considered|addressed|explored|looked\s+at|revisited|"
    r"picked\s+up|determined|decided|defined|agreed|designed|developed|scoped|assessed|worked\s+out)\s+"
    r"(?:later|in\s+due\s+course|subsequently|at\s+a\s+later|post[- ]pilot|after|once|when|if|in\s+(?:a\s+)?(?:later|future|subsequent|next))",
    r"\b(?:eventually|at\s+some\s+point|in\s+due\s+course|at\s+a\s+later\s+(?:date|stage|point|time)|(?:until|for)\s+later|later\s+(?:phase|stage|date|wave|release)|down\s+the\s+line)\b",
    r"\b(?:considered|addressed|decided|agreed|defined|designed|scoped|assessed|confirmed|looked\s+at|revisited|determined|worked\s+out)\s+later\b",
    r"\b(?:needed|required|necessary)\s+(?:later|in\s+future|at\s+scale|for\s+scale|for\s+(?:full\s+)?production|for\s+(?:a\s+)?(?:full\s+)?roll[- ]?out)\b|"
    r"\b(?:needed|required|necessary|need\s+to\s+be\s+\w+)\s+before\s+(?:any\s+|it\s+(?:can|goes)\s+)?(?:live|production|go[- ]live|roll[- ]?out|wider\s+(?:use|roll[- ]?out))\b|\bbeyond\s+shadow\b",
    r"\b(?:would|will)\s+(?:also\s+)?need\b|\b(?:would|will)\s+be\s+(?:needed|required|necessary)\b|\bneeds\s+(?:a|an)\b|\boutside\s+(?:the\s+)?scope\b",
    r"\bat\s+scale\b[^.;]{0,60}?\b(?:needs?\s+to|expect|expects|anticipate|anticipates|would|may|might|could)\b|\bneeds?\s+to\b[^.;]{0,60}?\bat\s+scale\b",
    r"\bif\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:results?|outcomes?|tests?|evaluation|pilot|findings)\s+(?:are|is|prove|proves)\s+(?:satisfactory|successful|positive|good|acceptable)\b|\bwill\s+be\s+considered\b",

    r"\bwould\s+(?:have|need)\s+to\b|\bwhether\s+to\b|\b(?:a\s+)?wish\s+for\b|\bnext\s+(?:cycle|year|phase|stage)\b|\bquestions?\s+for\s+(?:the\s+)?(?:wider|future|next)\b",
    r"\bif\s+(?:[\w-]+\s+){0,2}?(?:is|are|were|gets?)\s+(?:adopted|approved|scaled|rolled\s+out|taken\s+forward)\b",
    # "once a decision on full rollout is taken", "if and when we roll out"
    r"\b(?:once|after|when|until)\s+(?:a|the|any)\s+(?:[\w-]+\s+){0,2}?decision\s+(?:on|about|to)\s+(?:[\w-]+\s+){0,2}?(?:roll[- ]?out|scal\w+|expan\w+|extend\w*|continu\w+|proceed)\b|\bif\s+and\s+when\b",
    # "could be needed later", "may have to change" defer; "could be read as advice" is only a hedge
    r"\b(?:may|might|could)\s+(?:well\s+|also\s+)?(?:need\s+to\s+)?(?:be(?!\s+(?:read|seen|used|misread|misused|mistaken|taken|interpreted|confused|wrong|biased|inaccurate|unsafe)\b)|have|require|change)\b",
    r"\b(?:agree|appoint|identify|confirm|find|nominate|decide\s+on)\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?:owner|lead|ownership)\b",
    r"\b(?:agree|decide|confirm|settle|determine|work\s+out)\s+(?:with\s+(?:the\s+)?[\w-]+\s+)?(?:who|which\s+(?:team|function|department))\s+(?:will|would|should)\s+(?:own|run|lead|operate)\b",
    r"\bif\s+(?:it|they|the\s+\w+)\s+(?:were|was|is|are)\s+(?:to\s+be\s+)?(?:adopted|approved|scaled|rolled\s+out|continued|extended)\b",
    r"\b(?:will|would|is\s+to)\s+be\s+(?:decided|agreed|determined|settled|confirmed|chosen)\s+(?:by\s+(?:[\w&-]+\s+){1,6}?)?(?:once|when|after|at|if|following)\b",
    r"\b(?:once|when|after)\s+(?:the\s+)?(?:results?|outcomes?|findings|evaluation)\s+(?:are|is|have\s+been|has\s+been)\s+(?:in|known|available|complete|reviewed)\b",
    r"\b(?:if|once|when|after)\s+(?:the\s+|this\s+)?(?:pilot|trial|poc|proof\s+of\s+concept)\s+(?:has\s+|have\s+)?(?:shows?|showed|shown|proves?|proved|proven|demonstrates?|demonstrated)\b",
    r"\buntil\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?(?:is|are|has\s+been|have\s+been)\s+(?:confirmed|agreed|appointed|named|identified|decided|found|in\s+place)\b",
    r"\bdeferred\b|\bdefer(?:s|ring)?\b|\bpostponed\b|\bparked\b|\bon\s+hold\b|\bpushed\s+back\b",
    r"\b(?:when|once|after|before)\s+(?:we|it|they|the\s+\w+)\s+(?:go|goes|move|moves|launch|launches)\s+(?:to\s+|into\s+)?(?:GA|live|production|general\s+availability|scale|full\s+roll[- ]?out)\b",
    r"\bfuture\s+(?:work|phases?|stages?|consideration|iterations?|releases?)\b",
    r"\bbeyond\s+(?:the\s+)?(?:scope\s+of\s+)?(?:this\s+|the\s+)?(?:pilot|poc|trial|initial\s+phase)\b",
    r"\bpost[- ](?:pilot|poc|trial)\s+(?:phase|stage|work|activity|activities)\b",
    r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:started|begun|scoped|planned|costed|budgeted|funded)\b",
    # left for a go-ahead in other words: "if we decide to go live", "before any network-wide rollout", "before any member
    # uses the assistant", "to be worked through with Compliance if ...", "I'd suggest we agree that later"
    r"\bif\s+we\s+(?:then\s+)?(?:decide\s+to\s+)?(?:go\s+(?:live|further|ahead)|roll\s+(?:it\s+)?out|proceed|scale\s+(?:it\s+)?up|take\s+it\s+forward)\b|"
    r"\b(?:before|at\s+the\s+time\s+of|ahead\s+of)\s+any\s+(?:[\w-]+\s+){0,2}?(?:roll[- ]?out|go[- ]live|live\s+use|use\s+on\s+live|scale[- ]up|expansion|extension)\b|"
    r"\bbefore\s+any\s+(?:[\w-]+\s+)?(?:members?|customers?|users?|patients?|residents?|tenants?|students?)\s+(?:uses?|sees?|receives?)\b|"
    r"\b(?:will|would|to)\s+be\s+(?:worked\s+through|sorted(?:\s+out)?)\s+(?:with\s+(?:the\s+)?(?:[\w&'\u2019-]+\s+){1,4}?)?(?:at|if|when|once|after|before|later)\b|"
    r"\b(?:suggest|propose)\s+(?:that\s+)?we\s+(?:agree|sort|decide|settle|work\s+out)\b",
    r"\b(?:is|are)\s+(?:still\s+)?being\s+(?:prepared|developed|drafted|worked\s+(?:on|up)|modelled|modeled|scoped|designed|planned)\b",
)
# In a post-pilot report, these make a statement a promise, not a measurement.
FUTURE = rx(
    # "will continue" / "will be repeated" describe something already running, not a promise
    r"\b(?:will(?!\s+(?:continue|be\s+repeated|remain|keep|still)\b)|would|shall|should|intends?\s+to|plans?\s+to|planned\s+(?:for|to)|(?:is|are|was|were|been)\s+planned|planning\s+to|aims?\s+to|expect(?:s|ed)?\s+to|"
    r"is\s+expected|are\s+expected|propose[sd]?|proposal|recommend(?:s|ed)?|(?:our|we|my)\s+recommendations?|recommendations?\s+(?:is|are)\s+to|next\s+steps?|going\s+forward|in\s+future|"
    r"potential(?:ly)?|projected|forecast|anticipated?|estimated?\s+to|envisag\w+|to\s+be\s+(?:rolled|built|developed|implemented))\b",
)
# Headings whose items the document excludes: "Out of scope", "Exclusions", "Not included".
OUT_OF_SCOPE_SECTION = rx(r"\bout\s+of\s+scope\b|\bnot\s+in\s+scope\b|\boutside\s+(?:the\s+)?scope\b|\bexclu(?:sions?|ded)\b|\bnot\s+(?:included|covered)\b")
# Headings whose content is, in a report, forward-looking.
FUTURE_SECTIONS = rx(
    r"recommendation|next\s+steps?|future\s+(?:work|direction|development|plans?)|way\s+forward|roadmap|"
    r"further\s+work|lessons|limitations|scaling\s+(?:plan|considerations)|considerations\s+for|what\s+comes\s+next|looking\s+ahead|open\s+questions"
)
# Front and back matter whose lines are not statements about the pilot: a table of contents, lists of
# figures or tables, a glossary of abbreviations, a document history, references, and quoted voices
# (participants' or respondents' own words, which are opinions, not the authors' account).
NON_STATEMENT_SECTIONS = rx(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:table\s+of\s+)?contents|list\s+of\s+(?:figures|tables|abbreviations|acronyms)|figures|tables|"
    r"abbreviations?(?:\s+and\s+(?:acronyms|definitions|terms))?|acronyms(?:\s+and\s+abbreviations)?|glossary(?:\s+of\s+terms)?|"
    r"definitions?(?:\s+of\s+terms)?|terms\s+(?:used|and\s+definitions)|key\s+terms|(?:document|version|revision|change)\s+(?:history|control|log)|"
    r"references|bibliography|works\s+cited|sources)\s*:?\s*$",
    r"\b(?:participant|respondent|interviewee|user|citizen|public|staff|stakeholder)s?['\u2019]?\s+(?:quotes?|voices|views\s+in\s+their\s+own\s+words)\b|"
    r"^\s*(?:quotes?|testimonials?|in\s+their\s+own\s+words|(?:main\s+)?discussion\s+prompts)\s*:?\s*$",
)
# A line of a table of contents ("2.6 Model performance ........ 14") or a caption ("Figure 3: ...").
CONTENTS_LINE = re.compile(r"(?:\.\s?){5,}\s*\d*\s*$|^\s*(?:figure|fig\.?|table|chart|graph|exhibit)\s+\d+[\w.]*\s*[:.\u2013\u2014-]", re.I)
# A glossary row: a short abbreviation cell, then its expansion ("LoS | Length of Stay").
GLOSSARY_ROW = re.compile(r"^\s*[A-Za-z][A-Za-z0-9&/.-]{0,9}\s*\|\s*[A-Z][\w'-]*(?:\s+(?:and|of|the|for|in|to|on|&|[A-Z][\w'-]*|\(?[A-Za-z][\w'-]*\)?)){0,7}\s*\.?\s*$")
# A definition ("'Human in the loop' is when ...", "'Historical data' is referred to as ..."): it explains a
# term, it does not report what the pilot did.
DEFINITION = re.compile(
    r"^\W*\d*\s*[\"'\u2018\u201c]?[\w /&-]{1,40}[\"'\u2019\u201d]?\s+(?:\([^)]{1,20}\)\s+)?(?:in\s+this\s+(?:project|report|document|study)\s+)?"
    r"(?:is|are)\s+(?:(?:also\s+)?referred\s+to\s+as|defined\s+as|when|where)\b|"
    r"^\W*\d*\s*[\"'\u2018\u201c][\w /&-]{1,40}[\"'\u2019\u201d]\s+(?:refers?\s+to|means)\b|"
    # a glossary entry written as "Job changes: The impact of AI on employment, ..."
    r"^\W*[A-Z][\w &/-]{1,30}:\s+(?:The|An?)\s+(?:impact|risk|use|ability|likelihood|possibility|potential|extent|degree|practice|act)\s+of\b", re.I)
# A verbatim quotation as a whole paragraph ("“Saved us a lot of time” P04"): a participant's voice.
QUOTED_VOICE = re.compile(r"^\s*[\u201c\"\u2018]\S[^\n]*[\u201d\"\u02ee\u2019]\s*(?:[-\u2013\u2014,]\s*)?[\w .,()/-]{0,40}$")
# "Label: an imperative" or an imperative sentence ("Develop clear guidelines ...", "Track cost savings: ..."):
# in a report, advice to others, not something the pilot did.
IMPERATIVE = re.compile(
    r"^\W*(?:[A-Z][\w ,&/'\u2019-]{0,50}:\s+)?(?:Always\s+|Never\s+)?(?:Develop|Ensure|Establish|Create|Provide|Keep|Make|Define|Assign|Agree|Build|"
    r"Consider|Account\s+for|Publish|Engage|Communicate|Invest|Appoint|Introduce|Adopt|Prioriti[sz]e|Explore|Be\s+clear|Seek|Give|Allow|Avoid|"
    r"Do\s+not|Don['\u2019]t|Track(?!\s+record)|Monitor(?=\s+(?:the|and|for|how|whether|its|their|your))|Record(?=\s+(?:the|all|each|every|decisions|how|what|who|when))|"
    r"(?:Measure|Estimate|Confirm|Identify|Quantify|Name)(?=\s+(?:the\s+|an?\s+|its\s+|their\s+)?[a-z]{3,})|"
    r"Have(?=\s+(?:a|an|clear|AI|human|regular|named|dedicated))|Set\s+up|Put\s+in\s+place|Train(?=\s+(?:all|the|your|staff|users))|Use(?=\s+(?:the|a|an|clear|only))|Take(?=\s+(?:care|steps|account))|Tell|Inform|Explain|Publicise|Share)\b")
# "found no evidence of bias": a check was run and came back clean, which is evidence of the check.
CHECKED_CLEAN = rx(
    r"\b(?:found|find|finds|detected|identified|observed|saw|showed|shows|revealed)\s+(?:no|little)\b|\bno\s+(?:\w+\s+)?(?:evidence|signs?|indications?)\s+(?:of|that)\b|"
    r"\bdid\s+not\s+(?:find|detect|show|identify|observe|reveal)\b",
)
CHECKED_RISK = rx(r"\bbias(?:es|ed)?\b|\bdrift\b|\bdiscriminat\w+|\bunfair\w*|\bharms?\b|\bdegradation\b|\bdisparit\w+|\bdisparate\b")

# Words that, just before a cue, show the sentence is a question or a hedge about it.
HEDGE = rx(r"\b(?:whether|unclear\s+whether|if\s+any)\b")


# --------------------------------------------------------------------------- rule types


@dataclass(frozen=True)
class Element:
    """Something a complete answer to a reason names, with the patterns that find it.

    ``other_senses`` are context patterns (searched in the unit) that mean the keyword is used
    in an unrelated sense there, e.g. "pipeline" next to "sales".
    """

    name: str
    patterns: re.Pattern[str]
    other_senses: re.Pattern[str] | None = None
    core: bool = False  # counts towards "addressed" thresholds
    in_row_with: re.Pattern[str] | None = None  # only a table cell whose row has this after it ("cost per page | $0.012")
    row_label: re.Pattern[str] | None = None  # only a table cell whose row's first cell matches this ("Total")
    column_heading: re.Pattern[str] | None = None  # only a table cell whose column heading (or the table's first) matches this


@dataclass(frozen=True)
class ReasonRules:
    reason_id: str
    elements: tuple[Element, ...]
    gap_cues: tuple[Element, ...] = ()  # mentions that evidence the gap itself
    addressed_min: int = 2  # distinct core elements, affirmed, needed for "addressed"
    require_any: tuple[str, ...] = ()  # at least one of these element names among those
    deferred_status: Status = Status.PARTIAL  # status when the only mentions are deferred
    negated_status: Status = Status.MISSING  # status when the only mentions are negated
    gap_status: Status = Status.MISSING  # status when only gap cues are found
    single_status: Status = Status.PARTIAL  # status with affirmed mentions below the threshold
    report_future_counts: bool = False  # in a report, projections count as statements, not promises
    noncore_only_status: Status = Status.PARTIAL  # status when only non-core elements are affirmed
    gap_beats_peripheral: bool = False  # gap cues + no required element -> gap_status
    gap_cancels: bool = False  # an affirmed mention in the same unit as a gap cue does not count
    repeat_counts: bool = False  # a required element affirmed in 2+ units counts as two elements
    spelled_out: tuple[str, ...] = ()  # these elements introducing a list ("...redesigned for the pilot:" + items) count as two
    peripheral_partial: bool = False  # non-core elements affirmed + core ones deferred or negated -> partial
    topic: Element | None = None  # the subject in general words: touched on, with no element named -> partial
    topic_beats_gap: bool = False  # a standalone pilot that names the integration it will need is partial, not missing
    later_is_missing: bool = False  # core elements only left for the scale decision (or after the pilot), none in place now -> missing
    planned_status: Status = Status.PARTIAL  # a report whose only mentions are plans or recommendations ("should be costed at scale")
    notes: str = ""
    extra: dict[str, re.Pattern[str]] = field(default_factory=dict)


def case_split(name: str, alternatives: tuple[str, ...], **kw: object) -> tuple[Element, ...]:
    """One element as two with the same name: alternatives that need case (``(?-i:...)``) apart from the rest,
    so the rest can be matched on the folded text with a literal prefilter (see ``text.folded``)."""
    plain = tuple(a for a in alternatives if "(?-i:" not in a)
    cased = tuple(a for a in alternatives if "(?-i:" in a)
    return tuple(Element(name, rx(*alts), **kw) for alts in (plain, cased) if alts)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- R01 commercial KPI

# Business outcomes a board can value (the article: handling time, conversion, collections recovery,
# fraud loss) and their common relatives across sectors.
COMMERCIAL_KPI = rx(
    r"\b(?:average\s+)?(?:call\s+|case\s+|claims?\s+)?handl(?:e|ing)\s+times?\b|\bAHT\b",
    # an operating outcome in plain words: "fewer wasted follow-ups", "fewer consignments held at destination", "fewer no-shows"
    # (not a model's own: "fewer false positives", "fewer errors in the extraction")
    r"\bfewer\s+(?!(?:false|errors?|mistakes|tokens?|hallucinations?|misclassifications?|flags|alerts|alarms|clicks|fields|documents|pages|steps|prompts|"
    r"people|staff|users|volunteers|sites|options|features|words|characters|lines|rows)\b)(?:[\w-]+\s+){0,2}?[\w-]+s\b"
    # a statement about the data, not an aim: "fewer patients are admitted at night"
    r"(?!\s+(?:are|were|is|was|than)\b)",
    r"\b(?:processing|turnaround|turn-around|cycle|resolution|waiting|wait|lead|queue|decision|reporting|repair|"
    r"handling|settlement|onboarding|approval|triage|admin(?:istrative)?|clinician|staff|officer|caseworker|lawyer|"
    r"analyst|recruiter|engineer|planner|adviser|advisor|agent|fix|journey|transit|dwell|door[- ]to[- ]door)\s+times?\b",
    r"\b(?:\w+[- ])?time\s+per\s+(?!inference|prediction|token|request|query)\w+",
    # the time people spend on a clerical or professional task ("drafting time", "checking time"), not a machine's
    r"\b(?:drafting|checking|reviewing|writing|typing|filing|marking|booking|scheduling|dispatching|picking|packing|sorting|matching|keying|"
    r"answering|investigating|assessing|preparing|searching|reconciling|coding|reading|reporting|charting|documenting|triaging|validating)\s+times?\b",
    # safety outcomes an operation is run for
    r"\b(?:lost[- ]time\s+(?:injur(?:y|ies)|incidents?)|(?:safety|patient\s+safety|workplace)\s+incidents|injur(?:y|ies)\s+rates?|LTIFR|TRIFR)\b|"
    r"\b(?:fewer|reduc\w*|lower|cut|cutting|rates?\s+of|number\s+of|avoid\w*)\s+(?:[\w-]+\s+){0,3}?(?:near-miss|near miss|stop-work|stop work|accidents|injuries)\w*",
    r"\btime\s+from\s+(?:\w+\s+){1,4}?to\s+(?:an?\s+|the\s+)?\w+",
    # "days to process a change of circumstances", "days to first payment decision"
    # (literal "days to": a long literal keeps the prefilter selective)
    r"\b(?:days to|hours to|minutes to|weeks to|months to|days from|hours from|weeks from)\s+(?:[\w-]+\s+to\s+)?(?:first\s+|a\s+|the\s+)?(?:process|decid|decision|resolv|resolution|pay|payment|settl|complet|clos|answer|respon|treat|discharg|hir|fill|repair|fix|deliver|issu|triag|review|approv|quot|onboard)\w*",
    r"\btime\s+(?:taken\s+)?to\s+(?:process|decide|resolve|settle|pay|assess|complete|handle|close|answer|respond|report|repair|fix|deliver|issue|triage|review)\b(?:\s+(?:a|an|the|each))?(?:\s+new)?(?:\s+[a-z-]+)?",
    r"\b(?:\w+-to-\w+)\s+times?\b",
    r"\btime[- ]to[- ](?:decision|resolution|yield|cash|hire|shortlist|offer|settle|settlement|close|quote|market|serve|value|"
    r"first\s+response|answer|report|repair|fix|restore|treatment|diagnosis|discharge|payment|complete|completion|contract|fill)\b",
    r"\b(?:conversion|retention|churn|attrition|renewal|cancellation|lapse|take[- ]up|uptake|approval|acceptance|recovery|collections?|cure|"
    r"roll[- ]rate|arrears|default|write[- ]off|complaint|repeat\s+contact|first[- ]contact\s+resolution|abandonment|"
    r"containment|deflection|self[- ]service|automation|straight[- ]through|utili[sz]ation|occupancy|readmission|"
    r"no[- ]show|did[- ]not[- ]attend|rework|fraud|loss|leakage|claims?\s+leakage|hit|win|click[- ]through|"
    r"stock[- ]?out|fill|on[- ]time|absence|sickness|promise[- ]to[- ]pay|dropout|drop[- ]out|withdrawal|progression|"
    r"pass|completion|failure|fault|breakdown|defect|scrap|waste|return|chargeback|false\s+decline)\s+rates?\b",
    # costs and losses the operation itself carries ("repair costs", "downgrade losses", "lost generation")
    r"\b(?:repair|maintenance|claims?|scrap|rework|energy|fuel|inventory|waste|overtime|agency|write-off|warranty|freight|penalty)\s+(?:costs?|spend|losses)\b|"
    r"\b(?:downgrade|quality|yield|production|revenue|sales|margin|stock|shrink)\s+losses\b|\blost\s+(?:generation|sales|revenue|production|output|margin|bookings)\b|"
    r"\b(?:post-?paid|sales|lead|trial|basket|attach)\s+conversion\b|\battach\s+rates?\b",
    r"\b(?:revenue|sales|income|margin|profit|EBITDA|cash\s+flow|working\s+capital|savings?)\s+(?:growth|uplift|increase|decrease|"
    r"improvement|impact|target|per\s+\w+|of\s+[£$€]\d|by\s+\d|up|down|protected|gain|benefit)",
    r"\b(?:increase|grow|improve|lift|protect|raise|boost)\w*\s+(?:in\s+|the\s+|our\s+)?(?:gross\s+|net\s+|contribution\s+)?(?:revenue|sales|margin|profit|income)\b",
    r"[£$€]\s?\d[\d,.]*\s*(?:k|m|bn|million|thousand|lakh|crore|billion)?\s+(?:a\s+year\s+)?(?:in|of)\s+(?:additional\s+|annual\s+|contribution\s+|gross\s+)?(?:revenue|sales|margin|profit|savings|income|benefit)",
    r"\b(?:gross\s+margin|basket\s+size|average\s+order\s+value|customer\s+lifetime\s+value|CLV|LTV|premium\s+income|fee\s+income)\b",
    r"\bcost[- ]to[- ](?:serve|collect|income|acquire)\b|\bcost\s+per\s+(?:claim|case|call|contact|application|customer|"
    r"policy|loan|account|transaction\s+processed|hire|acquisition|lead|ticket|referral|patient|bed\s+day|consultation|job|"
    r"visit|repair|order|parcel|delivery|shipment|letter|file|NDA|contract|Ml/d|megalitre|unit\s+produced)\b",
    # time given back to people ("saved the team time", "did not save time overall", "sped up the first draft")
    r"\bsav(?:e|es|ed|ing)\s+(?:\w+\s+){0,3}?(?:time|hours|days)\b(?!\s+(?:series|zone|stamp))|\bsped\s+up\b|\bspeeds?\s+up\s+(?:the\s+)?(?:\w+\s+)?(?:analysis|review|process|work)\b",
    r"\b(?:cost|time|FTE|staff|operational|efficiency|productivity)\s+savings?\b|\bsav(?:e|es|ed|ing)\s+(?:of\s+)?(?:[£$€]|\d[\d,.]*\s*(?:hours|days|FTE|staff|minutes|%|per\s+cent|k\b|m\b))",
    r"\b(?:hours|days|minutes|weeks|FTEs?|staff\s+time|officer\s+time|analyst\s+time)\s+(?:saved|freed|released|avoided)\b",
    r"\b(?:jobs|picks|cases|claims|calls|orders|visits|tasks|units|items|lines|parcels|deliveries|contacts|applications|"
    r"letters|files|repairs|inspections|appointments|patients)\s+(?:completed\s+|handled\s+|processed\s+|picked\s+|closed\s+)?"
    r"per\s+(?:\w+\s+)?(?:hour|day|week|FTE|agent|technician|engineer|head|shift|person|handler|caseworker|worker)\b",
    r"\bcost\s+avoid\w*|\bavoided\s+costs?\b|\bFTE\s+(?:release|reduction|savings?)\b|\b(?:released|freed)\s+capacity\b|\bhard\s+savings\b|\bP&L\s+impact\b|\bEBIT(?:DA)?\s+(?:impact|uplift)\b|\brework\s+(?:levels?|volumes?|costs?|hours)\b|\b(?:reduc\w+|less|lower|avoid\w*)\s+rework\b|\bin\s+rework\b|"
    r"\b(?:net|gross)\s+(?:revenue|dollar)\s+retention\b|\bNRR\b|\bsavings\b|\bfirst[- ](?:contact|call|time)\s+resolution\b|\bFCR\b|\bon[- ]time\s+(?:running|performance)\b|\bOTP\b|\bthroughput\b(?!\s+of\s+(?:the\s+)?(?:model|api|server|gpu))|\b(?:yield|revenue|margin)\s+per\s+\w+",
    r"\b(?:churn|attrition|customer\s+retention|staff\s+retention|student\s+retention|arrears|bad\s+debt|fraud\s+losses|"
    r"fraud\s+loss|chargebacks?|write[- ]offs?|leakage|loss\s+ratio|combined\s+ratio|claims\s+costs?|backlogs?|waiting\s+lists?|"
    r"length\s+of\s+stay|bed\s+days|delayed\s+discharges?|productivity|footfall|NPS|net\s+promoter\s+score|CSAT|"
    r"customer\s+satisfaction|customer\s+effort|staff\s+satisfaction|complaints?|SLA\s+(?:compliance|attainment)|"
    r"days\s+sales\s+outstanding|DSO|cash\s+collected|amount\s+recovered|debt\s+recovered|return\s+on\s+investment|ROI|payback|"
    r"(?:unplanned\s+)?downtime|repeat\s+(?:visits|calls|contacts|repairs|faults|attendances|admissions)|"
    r"(?:customer[- ]reported\s+)?faults|on[- ]time\s+(?:delivery|deliveries|performance|arrival|payment|completion)|"
    r"overtime|agency\s+(?:spend|staff|costs?)|stock\s+availability|availability\s+of\s+stock|markdowns?|shrink(?:age)?|"
    r"(?:call|phone|contact|email|demand|failure)\s+volumes?|call\s+demand|enrol+ments?|enrolment\s+yield|yield\s+rate|"
    r"first[- ]time[- ]fix|missed\s+appointments|hiring[- ]manager\s+satisfaction|student\s+outcomes|grades?\s+achieved)\b",
    r"\b(?:proportion|percentage|share|number)\s+of\s+(?:\w+\s+){0,6}?(?:within|inside|under)\s+\d+\s+(?:hours|days|minutes|weeks|working\s+days)\b",
    r"\b(?:commercial|business|operational|financial)\s+(?:KPIs?|outcomes?|metrics?|benefits?|value|impact|measures?)\b",
)
# Technical model metrics: a "KPI" section listing only these is not a commercial KPI.
TECHNICAL_METRIC = rx(
    r"\baccuracy\b|\bprecision\b|\brecall\b|\bF1(?:[- ]score)?\b|\bF-?score\b|\bAUC\b|\bAUROC\b|\bROC\b|\bAUPRC\b",
    r"\blatency\b|\binference\s+(?:time|speed)\b|\bresponse\s+time\s+of\s+\d+\s*(?:ms|milliseconds)\b",
    r"\bcost\s+per\s+(?:inference|prediction|token|query|request|api\s+call|1,?000\s+tokens|million\s+tokens)\b",
    r"\b(?:BLEU|ROUGE(?:-\w+)?|perplexity|WER|word\s+error\s+rate|MAE|RMSE|MAPE|mean\s+absolute\s+error|"
    r"mean\s+squared\s+error|log[- ]loss|top[- ]\d\s+accuracy|hallucination\s+rate|sensitivity|specificity|"
    r"kappa|inter[- ](?:rater|annotator)\s+agreement|false\s+positive\s+rate|false\s+negative\s+rate|"
    r"true\s+positive\s+rate|confusion\s+matrix|model\s+performance|uptime|availability|tokens?\s+per\s+second)\b",
    # the tool's own quality and speed in other words: "grade agreement with the senior classer", "detection rate on seeded
    # errors", "false calls per radiograph", "forecast error", "seconds per sample", "time from reading to flag"
    r"\b(?:grade|priority|severity|category|classification|coder|label|route|routing)\s+agreement\b|\bagreement\s+(?:with|rate|between)\b|"
    r"\b(?:detection|hit|miss|catch|match|read|extraction)\s+rate\b|\bfalse\s+(?:alarms?|calls?|flags?|positives?|negatives?)\b|"
    r"\b(?:forecast|prediction|estimation|grade)\s+error\b|\bgroundedness\b|\bseconds\s+per\s+\w+|"
    r"\bprocessing\s+time\s+per\s+(?:report|image|sample|document|page|file|item|record|frame|scan)\b|"
    r"\btime\s+from\s+(?:[\w-]+\s+){1,4}?to\s+(?:the\s+|a\s+)?(?:flag|draft|alert|suggestion|prediction|score|recommendation|output|classification)s?\b",
)
# Words that make a number a baseline: today's level, a "before", a comparison.
# a before-and-after (or today-and-target) pair written with an arrow: "6.2% -> 2.4%", "47 → 12 days"
ARROW = r"\d[\d,.]*\s*(?:%|[a-z]+)?\s*(?:-+>|\u2192|\u21d2|=>)\s*[£$€]?\d"
BASELINE = rx(
    r"\bbase[- ]?lines?\b|\bbaselined\b|\bbenchmark\b|\bas[- ]is\b|\bpre[- ](?:pilot|trial|implementation|deployment)\b",
    r"\b(?:currently|current(?:ly)?\s+(?:average|level|rate|value|performance|figure)|today|at\s+present|presently)\b[^.;]{0,60}?\d",
    r"\b(?:from|down\s+from|up\s+from)\s+(?:[\w-]+\s+){0,5}?[£$€]?\d[\d,.]*[^.;]{0,60}?\bto\s+[£$€]?\d",
    r"\b(?:against|versus|vs\.?|compared\s+(?:with|to))\s+(?:\w+\s+){0,2}?[£$€]?\d",
    r"\bcontrol\s+(?:group|cohort|arm|sites?|stores?|exchanges?|hubs?|terminals?|DMAs?|lines?|teams?|regions?|branches|wards?|depots?)\b|\brandomi[sz]ed\b|\bcomparison\s+(?:group|lines?|sites?)\b",
    r"\b(?:compared\s+(?:with|to)|versus|vs\.?|relative\s+to|against)\s+(?:a\s+|the\s+)?(?:control|baseline|historical|previous|prior|"
    r"manual|current|last\s+year|pre[- ]\w+)",
    r"\b(?:historic(?:al)?|previous|prior|last\s+year'?s?)\s+(?:average|rate|level|performance|figure|baseline)\b",
    r"\bbefore\s+(?:the\s+)?(?:pilot|trial|tool|change|implementation)\b",
    r"\bto\s+[£$€]?\d[\d,.]*\s*(?:%|per\s+cent|days?|hours?|minutes?|k|m)?\s+from\s+[£$€]?\d|\b(?:same|equivalent)\s+(?:period|weeks?|months?|quarters?)\s+(?:of\s+)?(?:last|the\s+previous|the\s+prior)\s+year\b",
    r"\b(?:before|baseline|pre[- ]?\w*|prior|previous|last\s+year|historical|historic|comparison|control|current|today)\b[^|:.;]{0,40}:\s*[£$€]?\d",
    r"[£$€]?\d[\d,.]*\s*(?:%|k|m|bn)?\s+(?:[\w-]+\s+){0,3}?(?:today|currently|at\s+present|now)\b",
    # a current value stated plainly ("handling time is 11 days", "churn stands at 2.1%")
    r"\bwhich\s+(?:is|was|were|are)\s+(?:\w+\s+){0,2}?[£$€]?\d",
    r"\b(?:is|are|stands\s+at|averages?|averaged|runs\s+at|sits\s+at)\s+(?:around\s+|about\s+|roughly\s+|currently\s+|now\s+)?[£$€]?\d",
    ARROW,
)
# Words that make a number a target.
TARGET = rx(
    r"\btargets?\b|\btargeting\b|\btargeted\b|\bgoal\b|\bobjective\b|\bambition\b|\bsuccess\s+criteri(?:on|a)\b|\bthreshold\b",
    r"\baims?\s+to\b|\baiming\s+(?:to|for|at)\b|\baims?\s+(?:for|at)\s+[£$€]?\d|\bseeks?\s+to\b|\bexpected\s+to\s+(?:reduce|cut|increase|improve|lift|raise|lower)\b",
    r"\b(?:reduce|cut|increase|improve|lift|raise|lower|decrease|bring\s+down|grow)\w*\b[^.;]{0,120}?\b(?:by|to)\s+(?:at\s+least\s+)?[£$€]?\d",
    r"\bfrom\s+(?:[\w-]+\s+){0,5}?[£$€]?\d[\d,.]*[^.;]{0,60}?\bto\s+(?:at\s+least\s+|at\s+most\s+|no\s+more\s+than\s+|under\s+|below\s+|above\s+|over\s+|about\s+|around\s+)?[£$€]?\d",
    r"\b(?:at\s+least|no\s+more\s+than|below|under|above|over)\s+(?:[£$€]?\d[\d,.]*\s*(?:%|per\s+cent|days?|hours?|minutes?|weeks?)|[£$€]+\s?\d)",
    ARROW,
    r"[£$€]?\d[\d,.]*\s*(?:%|per\s+cent|days?|hours?|minutes?|k|m)?\s+by\s+(?:the\s+)?(?:end\s+of|year[- ]end|month\s+\d|week\s+\d|Q[1-4]|20\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*)",
)
# Today's figure for a business measure, with no KPI named: "currently take a median of 11 working days", "on average
# around 11 hours" (R01 reads it as a measure with its baseline only)
CURRENT_FIGURE = Element("today's figure for a business measure", rx(
    r"\b(?:currently|today|at\s+present|on\s+average|the\s+current\s+(?:average|median|figure|rate|level)|a\s+median\s+of|an\s+average\s+of)\b[^.;]{0,80}?"
    r"\b\d[\d,.]*\s*(?:%|per\s*cent|percent|(?:working\s+|business\s+|calendar\s+)?(?:minutes?|mins?|hours?|days?|weeks?))",
    r"\b\d[\d,.]*\s*(?:%|per\s*cent|percent|(?:working\s+|business\s+|calendar\s+)?(?:minutes?|mins?|hours?|days?|weeks?))\b[^.;]{0,60}?\b(?:currently|today|at\s+present|on\s+average)\b",
), core=True)
# A measured result in a report: a past-tense change with a number.
MEASURED = rx(
    r"\b(?:against|versus|vs\.?|compared\s+(?:with|to))\s+(?:\w+\s+){0,2}?[£$€]?\d",
    r"\b(?:fell|dropped|decreased|declined|reduced|rose|increased|improved|grew|cut|shortened|lowered|saved|recovered|rolled|halved|doubled|cleared|"
    r"was|were|averaged|reached|achieved|delivered|measured|observed|recorded|went|came)\b[^.;]{0,80}?\d",
    r"\b\d[\d,.]*\s*(?:%|per\s+cent|pp|percentage\s+points?)\s+(?:reduction|increase|improvement|lift|fall|drop|decrease|uplift|saving)\b",
    ARROW,
)
MEASUREMENT_PROTOCOL = rx(
    r"\bmeasur(?:ed|ement|ing)\b|\btracked\b|\bmonitored\s+(?:weekly|monthly|daily)\b|\bA/B\b|\bcontrol\s+group\b|\brandomi[sz]ed\b|"
    r"\bhold[- ]?out\b|\bcounterfactual\b|\bdifference[- ]in[- ]differences\b|\bdashboard\b|\bMI\s+report|\bmanagement\s+information\b",
)
NUMBER = re.compile(money(r"[£$€]?\d[\d,.]*\s*(?:%|per\s+cent|pp|k\b|m\b|bn\b|days?|hours?|hrs?|minutes?|mins?|weeks?|seconds?|s\b|p\b|pence)?"), FLAGS)

# The vocabulary of planning and learning algorithms: "states", "rewards", "policies" there are maths,
# not an operating model, a process or staff ("the reward of future states", "agents are trained by simulation").
MODEL_MATHS = rx(
    r"\b(?:future|next|current|terminal|initial|successor|environment)\s+states?\b|\bstate\s+(?:space|transitions?)\b|\brewards?\b|\bpenalt(?:y|ies)\b|"
    r"\bdiscount\s+factor\b|\bMarkov\b|\bMDP\b|\breinforcement\s+learning\b|\bsimulat\w+|\bepisodes?\b|\btree[- ]search\b|\bgreedy\b",
)
R01 = ReasonRules(
    reason_id="R01",
    elements=(
        Element("commercial KPI", COMMERCIAL_KPI, core=True,
                # "error rate" of a model, "response time" in ms, "capacity" of a server: technical senses
                other_senses=rx(r"\b(?:model|classifier|algorithm|prediction|inference|api|server|gpu|token)s?\s+(?:error|response|capacity|throughput)",
                                # the tool's own speed: "time from reading to flag", "time from photo received to draft"
                                r"\btime\s+from\s+(?:[\w-]+\s+){1,4}?to\s+(?:the\s+|a\s+)?(?:flag|draft|alert|suggestion|prediction|score|recommendation|output|classification)s?\b",
                                r"\bresponse\s+times?\s+(?:of|under|below)\s+\d+\s*(?:ms|milliseconds|s\b|seconds)",
                                r"\b(?:loss|error)\s+(?:function|curve|rate\s+of\s+the\s+model)\b|\btraining\s+loss\b|\bvalidation\s+loss\b",
                                # a business word inside a technical metric's label: "AUC (30-day churn)"
                                r"\b(?:AUC|AUROC|F1|precision|recall|accuracy|lift|Gini|ROC)\s*\([^)]{0,30}\)",
                                # a system's speed: "response time per passenger < 3 s"
                                r"\btimes?\b[^.;]{0,40}?(?:<|≤|under|below|of|:)?\s*\d+(?:\.\d+)?\s*(?:s|secs?|seconds|ms|milliseconds)\b",
                                # usage of the tool itself, tracked for change management
                                r"\badoption\s+(?:KPIs?|metrics?|measures?|rates?)\b",
                                # the machine's own speed: "processing time per 10,000 comments", "run time per category",
                                # "throughput at belt speed 2.8 m/s"
                                r"\b(?:processing|run|running|compute|inference)\s+times?\s+per\s+(?:\d[\d,]*|category|batch|run|image|page|document|frame|file)\b|"
                                r"\bthroughput\b[^.;|]{0,30}?(?:\bbelt\s+speed\b|\bm/s\b|\bframes?\b|\bimages?\b|\bpages?\b|\bper\s+second\b|\bfps\b)",
                                r"\bsavings\s+(?:accounts?|products?|balances?|schemes?|plans?|bonds?|pots?)\b",
                                # what a model predicts, not the business outcome: "the churn prediction pilot", "a fraud score"
                                r"\b(?:churn|fraud|default|attrition|demand|no[- ]show|lapse)\s+(?:prediction|predictor|model|models|score|scores|scoring|propensity|classifier|flags?|label)\b",
                                # a data field of the model ("a length of stay attribute", "the counters are incremented")
                                r"\b(?:attributes?|counters?|columns?|variables?)\b|\bprobabilit(?:y|ies)\s+of\b|\bexpected\s+(?:length|duration)\s+of\b",
                                MODEL_MATHS.pattern)),
        Element("baseline", BASELINE),
        Element("target", TARGET),
        Element("measurement protocol", MEASUREMENT_PROTOCOL),
    ),
    gap_cues=(Element("technical metric only", TECHNICAL_METRIC),),
    deferred_status=Status.PARTIAL,
    notes="addressed = a commercial KPI with baseline and target (proposal) or measured against a baseline (report).",
)

# --------------------------------------------------------------------------- R02 future operating model

R02 = ReasonRules(
    reason_id="R02",
    elements=(
        Element("future operating model", rx(
            r"\b(?:future|target|new|redesigned|changed|revised|to[- ]be|future[- ]state|end[- ]state|enduring)\s+(?:[\w-]+\s+){0,3}?(?:operating\s+model|process(?:es)?|workflows?|flows?|ways\s+of\s+working|service\s+model|delivery\s+model|pathways?|worklists?|rota|desk)\b",
            r"\b(?:future|target|to[- ]be|enduring|new)\s+(?:[\w-]+\s+)?(?:operating|service|delivery|business|contact|care|support|staffing|workforce|engagement)\s+model\b|\boperating\s+model\b",
            r"\b(?:scoped|designed|run|runs|tested)\s+(?:against|around)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:model|process|workflow|ways\s+of\s+working)\s+(?:that\s+)?(?:we\s+)?(?:intend|plan|will|expect|propose)\b|"
            r"\bdiffers?\s+from\s+(?:today'?s|the\s+current|the\s+existing)\s+(?:[\w-]+\s+)?(?:model|process|workflow|way)\b",
            r"\b(?:process|workflow|pathway|role|desk|allocation|rota|triage)\s+changes?\b|\bchanges?\s+to\s+(?:the\s+|how\s+)?(?:[\w'\u2019-]+\s+){0,2}?(?:process|workflow|roles?|ways\s+of\s+working|pathway|rota|desk|allocation|work)\b",
            r"\bworking\s+practices?\b|\b(?:workflow|process|practices?|roles?|pathway|route|journey|operating\s+model)\b[^.;:]{0,60}?\b(?:change|changes|changed|redesign\w*|re-design\w*|rework\w*)\b",
            r"\bredesign\w*\s+(?:the\s+|our\s+|a\s+)?(?:[\w-]+\s+){0,5}?(?:process|workflow|journey|pathway|route|model|days|stage|operations?|service)\b",
            r"\bhow\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:work|process|team|teams|staff|role|roles|job)\s+(?:will|would|must|should|needs?\s+to)\s+change\b|\bhow\s+(?:the\s+)?(?:[\w-]+\s+)?(?:work|process|roles?|jobs?)\s+changes?\b|\bend[- ]to[- ]end\s+(?:[\w-]+\s+)?process\b",
            r"\b(?:authority|discretion|mandate|permission)\s+to\s+(?:settle|approve|decide|override|reject|close|pay|refer|write[- ]off|offer|book|request|order|escalate)\b",
            r"\b(?:\w+\s+)?authority\s+(?:limits?|levels?|changes?)\b|\b(?:handler|staff|agent|officer|adviser|underwriter|clinician|radiographer)s?'?\s+(?:authority|discretion)\b",
            r"\boperating[- ]model\s+(?:change|redesign|design|impact|implications)\b|\b(?:target|future)[- ]state\s+(?:process|design|operating|model|workflow|service|journey|map)\w*",
            r"\b(?:redesign|re-design|re-engineer|reengineer|transform|rework|restructur)\w*\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+){0,2}?(?:process|workflow|operating\s+model|service|journey|ways\s+of\s+working|operations)\b",
            r"\b(?:process|workflow|operating[- ]model)\s+(?:redesign|re-design|re-engineering|change|changes|transformation)\b",
            r"\b(?:new|redesigned|future|target|revised)\s+(?:[\w-]+\s+)?(?:validation|triage|allocation|dispatch|intake|review|approval|referral|handling|assessment|scheduling|planning|booking|inspection|discharge|escalation)\s+(?:model|process|rules|flow|routine|pathway)\b",
            # the way of working the pilot runs is the one meant for scale
            r"\bwork(?:s|ing)?\s+differently\b|\bdifferent\s+ways?\s+of\s+working\b|\b(?:designed|built|scoped)\s+around\s+(?:it|this|that|the\s+new)\b",
            r"\b(?:arrangement|set[- ]?up|model|process|flow|way\s+of\s+working)\s+(?:that\s+)?we\s+(?:intend|plan|would|will|expect)\s+(?:to\s+)?(?:run|use|operate|adopt|keep)\s+at\s+(?:full\s+)?(?:scale|volume)\b",
        ), core=True, other_senses=rx(r"(?<![-\w])(?:data|ml|training|airflow|ci/cd|build|deployment|etl|software)\s+(?:workflow|process)",
                                      # "to process a change of circumstances": a verb and a benefits term, not a process change
                                      r"\bchanges?\s+(?:of|in)\s+circumstances?\b|\bto\s+process\s+(?:an?|the|each)\b")),
        Element("decision rights", rx(
            r"\bdecision[- ]rights?\b|\bdecision[- ]making\s+authority\b|\bRACI\b|\b(?:approval|sign[- ]off|delegated)\s+(?:authority|limits?|levels?)\b",
            r"\b(?:own|sole|final|delegated|new)\s+(?:decision\s+)?authority\b|\bauthority\s+to\s+(?:sign|send|approve|decide|override|settle|release|issue)\b|\bwhen\s+(?:they|staff|agents|users)\s+(?:may|can|should)\s+override\b|"
            # a decision that no longer needs someone else's sign-off: "closes non-police calls without a supervisor"
            r"\bwithout\s+(?:a\s+|the\s+|any\s+)?(?:second|supervisor|manager|senior|service[- ]manager|team[- ]leader|consultant|partner|doctor)['\u2019s]*\s*(?:sign[- ]?off|approval|review|check|authori[sz]ation)?\b|"
            r"\b(?:given|granted|gets?|got|received|holds?)\s+(?:the\s+)?(?:authority|discretion|mandate|power|right)\s+to\s+\w+|"
            r"\brights?\s+to\s+(?:override|overrule|approve|decide|reject|veto|sign\s+off|amend|set|choose|change)\b|\bkeeps?\s+(?:the\s+)?(?:right|authority|final\s+say|final\s+decision)\b|"
            r"\bdecision\s+(?:matrix|matrices|framework)\b|\boverride\s+(?:rules|policy|authority|criteria|thresholds?)\b|"
            r"\bwho\s+(?:decides|approves|signs\s+off|is\s+accountable)\b|\bauthori[sz]ed\s+to\s+(?:approve|decide|override)\b",
            r"\b(?:adviser|advisor|agent|handler|officer|caseworker|clinician|supervisor|team\s+leader|reviewer|underwriter|planner|dispatcher)s?\s+(?:approves?|signs?\s+off|decides?|overrides?|confirms?)\b|"
            r"\b[a-z]+(?:ers|ors|ists|ians|ants|ents|nurses|staff)\s+(?:approve|confirm|decide|sign\s+off|override|overrule|accept\s+or\s+reject)\b|"
            # who decides now: "the desk may authorise early collection", "underwriters handle referrals and overrides only",
            # "the markdown decision moved from counter chiefs to floor managers"
            r"(?<!\bwe\s)(?<!\bi\s)(?<!\byou\s)\b(?:may|can\s+now)\s+(?:authori[sz]e|approve|sign\s+off|override|overrule|close|release)\b|"
            r"\b[a-z]+(?:ers|ors|ists|ians|ants|ents|desk|team)\s+(?:only\s+)?(?:handle|handles|decide|decides|review|reviews)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:referrals|overrides|exceptions|disputes|escalations|flags|appeals)\b|"
            r"\b(?:decisions?|authority|sign[- ]off|responsibility|approval)\s+(?:\w+\s+){0,3}?(?:moved|moves|shifted|shifts|passed|passes|transferred|transfers)\s+(?:from|to)\b|"
            r"\b(?:final|override)\s+(?:decision|say)\b|\b(?:staff|agents?|handlers?|caseworkers?|officers?|clinicians?|humans?)\s+(?:can|may|must|will)\s+(?:override|overrule|approve|reject)\b",
        ), core=True),
        Element("handoffs", rx(
            r"\bhand[- ]?offs?\b|\bhands?\s+off\b|\bhanded\s+to\s+(?:a|an|the)\s+(?:senior\s+)?(?:human|agent|consultant|specialist|clinician|team|caseworker|handler|adviser|advisor|reviewer|supervisor|manager)\b|\bhand(?:ed)?\s+(?:off|over)\s+(?:to|between)\s+(?:a\s+|the\s+)?(?:human|agent|staff|team|caseworker|handler|adviser|advisor|clinician)",
            # a human-in-the-loop step designed into the process; a human in the loop alone is oversight (R06)
            r"\bhuman[- ]in[- ]the[- ]loop\s+(?:step|stage|check|queue)\b|\bhuman[- ]machine\b|\bhuman[- ]AI\b|\bhuman\s+review\s+(?:step|stage|of)\b",
            r"\b(?:escalat\w+|rout\w+|referr\w+|triag\w+)\s+(?:\w+\s+){0,3}?to\s+(?:a\s+|the\s+)?(?:human|agent|specialist|senior|team|caseworker|handler|adviser|clinician|underwriter|investigator)",
            r"\b(?:exceptions?|edge\s+cases|complex\s+(?:cases|queries)|low[- ]confidence\s+(?:cases|items|scores))\s+(?:go|are\s+(?:sent|routed|passed|handed|referred)|pass)\s+to\b",
        ), core=True),
        Element("roles and workflows change", rx(
            r"\b(?:roles?|responsibilities|jobs?|tasks?|team\s+structures?)\s+(?:will\s+)?(?:change|changes|redesign\w*|redefin\w+|shift\w*)\b",
            r"\b(?:new|changed|redefined)\s+(?:roles?|responsibilities|team\s+structure)\b|\bworkforce\s+(?:plan|model|design)\b",
            r"\bprocess\s+(?:map|mapping|maps)\b|\bswim[- ]?lanes?\b|\bservice\s+blueprint\b",
            r"\bstopped\s+\w+ing\b[^.;]{0,80}?\bstarted\s+\w+ing\b|\b(?:the\s+)?new\s+way\s+(?:of\s+working\s+)?from\s+day\s+one\b|\bjob\s+shifts\s+from\b",
            # a role's work changed: "advisers will no longer set ERTs", "moves first-pass review from associates to paralegals",
            # "clerks only decided the medium-confidence cases"
            r"\bno\s+longer\s+(?:\w+\s+){0,2}?(?:set|decid|approv|sign|review|check|handl|take|make|adjust|issu|key|enter|do|need|have\s+to|own|run)\w*\b",
            r"\bmov(?:e|es|ed|ing)\s+(?:[\w-]+\s+){1,4}?from\s+(?:[\w-]+\s+){0,2}?[\w-]+s\s+to\s+(?:[\w-]+\s+){0,2}?[\w-]+s\b",
            r"\b[a-z]+s\s+only\s+(?:decided?|review(?:ed)?|handled?|approved?|checked?|saw|see)\b",
        ), core=True),
    ),
    gap_cues=(Element("runs inside the current process", rx(
        r"\b(?:current|existing|today'?s|unchanged|as[- ]is|normal|usual)\s+(?:[\w-]+\s+)?(?:process|workflow|operating\s+model|ways\s+of\s+working|queue|rota|rotation|routine|allocation)\b(?!\s+(?:map|mapping|will\s+change|redesign))",
        r"\bexactly\s+as\s+(?:today|now|before)\b|\bas\s+(?:they\s+do\s+)?today\b",
        r"\bno\s+(?:change|changes)\s+to\s+(?:the\s+)?(?:process|workflow|operating\s+model|ways\s+of\s+working)\b",
        r"\b(?:fits?|slots?|sits?|plugs?)\s+(?:into|within|inside)\s+(?:the\s+)?(?:current|existing)\b",
    ), other_senses=MODEL_MATHS),),
    addressed_min=2,
    require_any=("future operating model", "decision rights", "handoffs"),
    spelled_out=("future operating model",),  # "The process on both wards was redesigned for the pilot:" and the changes listed below
    repeat_counts=True,  # who decides what, set out in several places, is designed, not just mentioned
    topic_beats_gap=True,  # run inside today's process, with the change it needs acknowledged: the rubric's partial
    deferred_status=Status.PARTIAL,
    negated_status=Status.PARTIAL,  # "the future process has not yet been designed" acknowledges the change
    topic=Element("how the work itself would change", rx(
        r"\bredesign\w*\b|\bre-design\w*\b|\bchang\w+\s+how\b|\b(?:stop|stops|stopped|stopping)\s+doing\b",
        # a new rule or a lighter step named for scale: "needs a new sign-off rule", "would move to a lighter confirm-and-close review",
        # "switch the record of classification from manual to the tool"
        r"\bnew\s+(?:sign[- ]?off|approval|review|handling|decision|escalation|authori[sz]ation)\s+(?:rules?|steps?|process|routines?|limits?)\b|"
        # "the screening order would need to change", "the Level III role could focus on flagged films only",
        # "who makes the call on borderline parts", "what that means for the operator's checks"
        r"\b(?:would|will|must|should|may|might)\s+(?:need\s+to|have\s+to)\s+change\b|"
        # "how targets, contracts and teams must change", "the inspector's role would change": the work itself, changing
        r"\b(?:roles?|targets?|teams?|jobs?|contracts?|rotas?|shifts?|duties|responsibilities|checks?|authority|sign[- ]?offs?|work)\s+(?:must|would|will|should|may|might|could)\s+(?:also\s+|all\s+)?change\b|"
        r"\bchanges?\s+what\s+(?:the\s+|our\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:does|do|did)\b|\broles?\s+(?:could|would|will|might|may)\s+(?:focus|shift|move|change|become|narrow)\b|"
        r"\bwho\s+makes\s+the\s+call\b|\bwhat\s+(?:that|this|it)\s+(?:means|would\s+mean|will\s+mean)\s+for\s+(?:the\s+)?[\w'\u2019-]+\s+(?:checks?|roles?|work|jobs?|staff|teams?)\b|"
        r"\bwhat\s+happens\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:inspectors|staff|agents|roles?|workers|clerks|operators|officers|teams?)\b|"
        r"\b(?:move|moves|moved|shift|shifts|switch|switches)\s+to\s+(?:a|an|the)\s+(?:lighter|new|different|simpler|shorter|risk[- ]based)\s+(?:[\w\"'-]+\s+){0,4}?(?:review|process|check|step|routine|model|approach|sampling)\b|"
        r"\bfrom\s+manual\s+to\b",
        # who does what, in other words: "should in time change who does what", "the division of work between underwriters and
        # assistants", "the way we plan the week will change", "how the validation stage is organised", "the standard would need
        # rewriting", "whether an officer can close a low-risk case on their own"
        r"\bwho\s+does\s+what\b|\bdivision\s+of\s+(?:work|labou?r|responsibilit(?:y|ies)|tasks)\b|\bchange\s+the\s+work\s+of\b|"
        r"\bway\s+(?:we|they|the\s+[\w-]+)\s+(?:plans?|works?|schedules?|organi[sz]es?|staffs?|runs?|handles?)\b[^.;]{0,40}?\b(?:will|would|could|should|might|may)\s+(?:\w+\s+)?change\b|"
        r"\bhow\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?(?:stage|team|desk|office|function|service|work|process)\s+(?:is|would\s+be|will\s+be|should\s+be)\s+(?:organi[sz]ed|run|staffed)\b|"
        r"\b(?:will|would)\s+need\s+(?:to\s+be\s+)?(?:revisit\w*|rethink\w*|rethought|reorgani[sz]\w+|redesign\w*|rewrit\w+|rework\w*)\b|"
        r"\b(?:can|could|may)\s+(?:close|approve|sign\s+off|release|decide)\s+(?:[\w-]+\s+){0,5}?(?:on\s+(?:their|his|her)\s+own|alone)\b",
        # a change of how work is organised, in general words: work nouns next to a change verb (either order)
        r"\b(?:process(?:es)?|workflows?|procedures?|polic(?:y|ies)|roles?|responsibilit(?:y|ies)|decision[- ]rights|sign[- ]offs?|approvals?|"
        r"delegations?|rotas?|shifts?|staffing|team\s+structures?|jobs?|ways\s+of\s+working|strategy|planning|scheduling|practices?)\b"
        r"[^.;:]{0,80}?\b(?:chang\w*|redesign\w*|revis\w+|rethink\w*|reorgani[sz]\w+|restructur\w+|adapt\w*|rewrit\w+|replac\w+|move\s+(?:to|away)|shift\s+(?:to|from)|switch\s+to)",
        r"\b(?:chang\w*|redesign\w*|revis\w+|rethink\w*|reorgani[sz]\w+|restructur\w+|adapt\w*|rewrit\w+|move\s+(?:to|away\s+from)|shift\s+(?:to|from)|switch\s+to)\s+"
        r"(?:[\w'\u2019-]+\s+){0,4}?(?:process(?:es)?|workflows?|procedures?|polic(?:y|ies)|roles?|responsibilit(?:y|ies)|decision[- ]rights|sign[- ]offs?|approvals?|"
        r"delegations?|rotas?|shifts?|staffing|team\s+structures?|jobs?|ways\s+of\s+working|strategy|planning|scheduling|practices?)\b",
        # work or a decision moving to other hands or another rhythm, as a possibility: "first-line triage could move from the
        # contact centre to the technicians", "the schools might delegate routine decisions to the office", "letters could in
        # future be prepared by pharmacists", "moving to condition-based intervals", "this changes how sales promises dates"
        r"\b(?:triage|work|tasks?|decisions?|checks?|reviews?|roles?|grading|inspections?|planning|scheduling|booking|approvals?|sorting|routing|allocation|dispatch|screening)\s+(?:could|would|will|should|might|may)\s+"
        r"(?:\w+\s+)?(?:move|shift|pass|transfer)\s+(?:from|to)\b|\bdelegat\w*\s+(?:[\w-]+\s+){0,3}?(?:decisions?|approvals?|sign[- ]offs?|authority|work|tasks?)\s+to\b",
        r"\b(?:could|would|might|may|should|will)\s+in\s+future\s+(?:be\s+)?(?:\w+\s+)?(?:handle|log|prepare|prepared|decide|approve|apply|check|review|do|done|make|made|take|taken|act|set|book|issue|sign)\b|"
        r"\b(?:move|moving|moved|shift|shifting|switch|switching)\s+(?:\w+\s+)?to\s+(?:an?\s+)?(?:[\w-]+-based|exception[- ]only|daily|weekly|continuous)\b|\bchanges?\s+how\s+(?:the\s+|our\s+)?[\w-]+\s+(?!(?:looks?|reads?)\b)\w+",
    ), other_senses=rx(MODEL_MATHS.pattern, r"\bchanges?\s+(?:of|in)\s+circumstances?\b|\bto\s+process\s+(?:an?|the|each)\b",
                       r"\b(?:website|web\s*site|page|logo|form|screen|model|algorithm|UI|interface|app|dashboard|report)\s+re-?design\w*|\bre-?design\w*\s+(?:of\s+)?(?:the\s+)?(?:website|page|logo|form|screen|model|algorithm|UI|interface|app|dashboard|report)\b")),
    gap_cancels=True,  # a handoff "into the normal queue" is today's process, not a redesign
)

# --------------------------------------------------------------------------- R03 operational owner

# What a pilot hands on: the tool itself ("it", "the assistant", "the demand forecast", "DocSort"), not lessons or patients.
_TOOL_OBJECT = (r"(?:(?:it|this)\b|(?:the|our)\s+(?:[\w-]+\s+)?(?:tool|service|model|assistant|advis[eo]r|optimi[sz]er|forecast|system|solution|"
                r"capability|platform|scheduler|roster|triage|app|bot|chatbot|copilot|engine|dashboard)s?\b|(?-i:[A-Z][a-z]+[A-Z]\w*\b))")
# Ownership words.
OWNERSHIP = rx(
    r"\b(?:own|owns|owned|owning|owner|owners|ownership)\b",
    r"\baccountab(?:le|ility)\b|\bresponsib(?:le|ility)\s+for\s+(?:running|operating|the\s+(?:service|tool|system|model|capability|solution))",
    r"\bwill\s+(?:run|operate|take\s+over|manage)\s+(?:the\s+)?(?:service|tool|system|model|capability|solution|it)\b",
    r"\b(?:would|will|is\s+to|shall)\s+be\s+(?:led|run|managed|owned|operated)\s+by\b",
    r"\btransition(?:ed)?\s+(?:in)?to\s+(?:business\s+as\s+usual|BAU|operations|live\s+service|service)\b",
    r"\b(?:business|service|product|process|operational)\s+(?:owner|lead)\b|\btake\s+(?:it\s+)?(?:over|from\s+here)\b|\b(?:takes|took|taken|taking)\s+over\s+(?:the\s+|its\s+)?(?:model|service|tool|system|running|operation)\b",
    r"\bDRI\b|\bdirectly\s+responsible\b|\bin\s+charge\s+(?:of|from)\b|\b(?:carry\s+on|continue|go\s+on)\s+(?:running|to\s+run|operating)\b|\bruns?\s+it\s+day[- ]to[- ]day\b|\bpick\s+(?:it|this)\s+up\b",
    # who keeps it going, in plain words: "the Helpline Services team will look after the tool", "Operations will take
    # the optimiser on", "311 Operations will take the assistant forward", "maintained by the Research Support Office"
    r"\b(?:will|would|to|shall|can)\s+(?:look\s+after\s+" + _TOOL_OBJECT + r"|take\s+" + _TOOL_OBJECT + r"\s+(?:forward|on)\b|"
    r"keep\s+" + _TOOL_OBJECT + r"\s+(?:going|running|up\s+to\s+date)\b|keep\s+an\s+eye\s+on\s+" + _TOOL_OBJECT + r"|run\s+" + _TOOL_OBJECT + r")",
    r"\b(?:it|this|tool|service|model|assistant|advis[eo]r|optimi[sz]er|forecast|system|solution|capability|platform)\s+(?:is|will\s+be|would\s+be|has\s+been)\s+"
    r"(?:maintained|looked\s+after|kept\s+running|taken\s+forward)\s+by\b",
    # "responsibility for the scores will sit with the Development Department", "the schedule is handed to the Agricultural Department"
    r"\bresponsibility\s+(?:for\s+(?:[\w-]+\s+){1,5}?)?(?:will|would|is\s+to|shall|should)\s+(?:sit|rest|lie)\s+with\b|"
    r"\b(?:is|was|will\s+be|would\s+be|has\s+been|have\s+been|are|were)\s+handed\s+(?:over\s+)?to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:department|team|unit|function|office|division|services?|desk)\b",
)
# Another sense of "owner"/"own": of a spreadsheet, risk, action, document; "their own".
OWNER_OTHER_SENSE = rx(
    r"\b(?:spreadsheet|workbook|risk|hazard|raid|action|issue|decision|document|file|page|meeting|minutes|template|log|tracker|pipeline|model|feature|"
    r"configuration|config|system|platform|data|product\s+backlog|"
    r"register|backlog|dashboard|repo(?:sitory)?|codebase|code|notebook|budget\s+line|ticket|deliverable|milestone|"
    r"workstream|task|intellectual\s+property|IP|copyright|licen[cs]e|account|home|property|car|vehicle|business\s+owners?\s+(?:who|whose)|data\s*set)s?\s+(?:owner|owners|ownership)\b",
    r"\b(?:owner|ownership)\s+of\s+(?:the\s+|each\s+|this\s+|that\s+|these\s+)?(?:[\w-]+\s+(?:and\s+)?){0,4}?(?:spreadsheet|workbook|risks?|hazards?|action|issue|document|file|log|tracker|"
    r"register|backlog|ticket|deliverable|milestone|task|intellectual\s+property|IP|copyright|code|data\s*set|dataset|property|home|vehicle)",
    r"\b(?:its|their|our|his|her|your|my|one's)\s+own\b|\b\w+['\u2019]s\s+own\b|\bon\s+(?:its|their|our)\s+own\b|\bown\s+(?:right|account|time|words|data|records|devices?)\b",
    r"\bhome[- ]?owners?\b|\bproperty\s+owners?\b|\bbusiness\s+owners?\s+(?:in|across|of\s+small)\b|\bshare[- ]?holders?\b|\bowner[- ]occupi",
    r"\bowners?\s*[:|]\s*(?:TBC|TBD|n/?a)\b|\bowner\s+(?:fields?|columns?|attributes?|names?\s+field|records?|property)\b",
    r"\bown(?:s|ed)?\s+(?:the\s+|a\s+|their\s+|its\s+|each\s+)?(?:[\w-]+\s+){0,2}?(?:spreadsheet|workbook|risk|log|tracker|register|document|file|record|"
    r"calendar|backlog|budget|contract|relationship|account|data\s*set|dataset|code|model\s+card|licen[cs]e)s?\b",
    r"\b(?:spreadsheet|workbook|calendar|file|document|log|tracker|register|folder|database|mailbox)\b[^.]{0,40}?\b(?:its|whose)\s+owner\b",
    r"\bportfolio\s+(?:\w+\s+)?(?:owned|run|led)\s+by\b|\bowns?\s+the\s+(?:\w+\s+)?portfolio\b",
    # accountability as a value ("to help with accountability", "transparency and accountability"), not a person
    r"\b(?:help\s+with|helps?\s+(?:to\s+)?(?:ensure|support)|ensur\w+|support\w*|improv\w+|strengthen\w*|promot\w+|increas\w+|greater|public|democratic|"
    r"transparency\s+and|repercussions\s+and|lack\s+of|clear\s+lines\s+of)\s+accountability\b|\baccountability\s+and\s+transparency\b",
    # the Owner (client) of a construction or works contract
    r"\bowners?\s+(?:under|of|in)\s+(?:the\s+|a\s+|each\s+)?(?:[\w-]+\s+){0,2}?(?:contracts?|leases?|agreements?|buildings?|sites?|projects?)\b|\b(?:construction|building|works|JCT|NEC|FIDIC|EPC)\s+contracts?\b",
)
# Owners that are only intended or provisional: not yet assigned.
TENTATIVE_OWNER = rx(r"\b(?:intended|proposed|expected|likely|provisional|interim|potential|presumed|candidate)\s+(?:\w+\s+)?owners?\b",
                     r"\b(?:probably|possibly|perhaps|likely\s+to|may|might|could)\s+(?:well\s+)?(?:pick\s+(?:it|this)\s+up|own|take\s+(?:it\s+|this\s+)?(?:on|over)|run\s+it)\b",
                     r"[-\u2013\u2014,]\s*(?:probably|possibly|perhaps|likely|maybe)\s+(?:the\s+)?\w+")
# Executive or sponsor titles: they sponsor a pilot, they do not run it operationally.
EXEC_ROLE = re.compile(r"\bChief\s+[\w&\s]{0,30}?Officer\b|\bC[A-Z]{1,2}O\b|\b(?:Director|Head)\s+of\s+(?:AI|Data|Digital|Technology|Innovation|Transformation|Analytics|IT)\b|\b[Ss]ponsor")
# A specific role, function or person.
# Case-sensitive: a capitalised role title or team name is what makes an owner specific.
NAMED_ROLE = re.compile("|".join(f"(?:{a})" for a in (
    r"(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?(?:[A-Z][a-z]+\s+[A-Z][a-z'-]+,\s+)?(?:(?!The\b|A\b|An\b|Our\b|Its\b|Their\b)[A-Z][a-z]+\s+)?"
    r"\b(?:Head|Director|Manager|Lead|Chief|VP|Vice\s+President|Officer|Controller|Superintendent|Supervisor|Matron|Principal)\s+(?:of\s+|for\s+)?(?:the\s+)?[A-Z][\w&-]+(?:\s+(?:and\s+|&\s+)?[A-Z][\w&-]+){0,3}",
    r"\b(?:[A-Z][\w&-]+\s+){1,3}(?:Operations|Ops|Services?|Centre|Center|Desk|Unit|Department|Directorate|Function|Team|Manager|Director|Lead|Officer|Controller)\b",
    r"(?i:\b(?:\w+\s+){0,2}operations\s+(?:team|function|director|manager|lead|leadership|department|unit|directorate)\b)",
    r"\b(?i:led|owned|run|chaired|headed|managed|sponsored)\s+by\s+(?:Dr\.?\s+|Mr\.?\s+|Ms\.?\s+|Mrs\.?\s+)?[A-Z][a-z]+\s+[A-Z][a-z'-]+",
    r"\bC[A-Z]O\b|\bChief\s+\w+\s+Officer\b",
)))
# Vague owners: not a specific accountable function.
VAGUE_OWNER = rx(
    r"\bthe\s+business\b(?!\s+(?:case|unit\s+[A-Z]|analyst))|\b(?:relevant|key|appropriate|various|business)\s+stakeholders?\b|\bstakeholders\b",
    r"\b(?:a|an|the)\s+(?:business|service|product)\s+owner\b(?!\s+(?:is|was|will\s+be)\s+(?:the\s+)?[A-Z])",
    r"\b(?:relevant|appropriate)\s+(?:team|function|department|business\s+area)\b|\bthe\s+wider\s+organisation\b|\bsomeone\b|\bdesignated\s+owner\b",
    r"\bTBC\b|\bTBD\b|\bto\s+be\s+(?:confirmed|agreed|identified|decided|appointed)\b",
)
# The pilot's own team or vendor: owning the build is not operational ownership at scale.
PILOT_TEAM = rx(
    r"\b(?:data\s+science|analytics|innovation|AI|ML|digital|pilot|project|delivery|product|engineering|technology|IT|"
    r"lab|labs|CoE|centre\s+of\s+excellence|research|technical)\s+(?:team|function|lab|unit|group|squad)\b",
    r"\b(?:vendor|supplier|contractor|consultanc\w+|partner|third[- ]party|external\s+provider)\b",
    r"\b(?:pilot|project)\s+(?:sponsor|lead|manager|board)\b",
    r"\b(?:runs?|ran|leads?|led|delivers?|delivered)\s+the\s+(?:pilot|trial|poc|proof\s+of\s+concept|project)\b|\b(?:pilot|trial|poc|project)\s+(?:is\s+|was\s+|will\s+be\s+)?(?:run|led|delivered|built)\s+by\b",
)
# Words that mark an operational (run-the-service) function, as opposed to strategy or the build team.
OPERATIONAL = rx(
    r"\boperations?\b|\bops\b|\bservice\s+(?:delivery|desk|centre|center|management|owner)\b|\bcontact\s+cent(?:re|er)\b|\bcall\s+cent(?:re|er)\b|"
    r"\bback[- ]office\b|\bfront[- ]?line\b|\bBAU\b|\bbusiness\s+as\s+usual\b|\bclaims\b|\bcollections\b|\bunderwriting\b|\bcustomer\s+services?\b|"
    r"\bservicing\b|\bfulfil+ment\b|\bfinance\s+operations\b|\bpayments\b|\bprocessing\b|\bcasework\b|\bward\b|\bclinical\s+(?:lead|director|team)\b|"
    r"\bpatient\s+flow\b|\bsite\s+manager\b|\bbranch\b|\bplant\b|\bwarehouse\b|\bsupply\s+chain\b|\bprocurement\b|\bHR\s+(?:operations|services)\b",
)
R03 = ReasonRules(
    reason_id="R03",
    elements=(
        Element("named operational owner", OWNERSHIP, core=True, other_senses=OWNER_OTHER_SENSE),
        Element("handover plan", rx(
            r"\bhand(?:ed)?[- ]?over\b|\bhandover\b|\btransition(?:ed)?\s+(?:in)?to\s+(?:business\s+as\s+usual|BAU|operations|live\s+service|service)\b",
            r"\b(?:transfer|transition)\s+of\s+(?:ownership|responsibility)\b|\bknowledge\s+transfer\b|\bRACI\b",
        )),
    ),
    deferred_status=Status.MISSING,
    negated_status=Status.MISSING,
    extra={"named": NAMED_ROLE, "vague": VAGUE_OWNER, "pilot_team": PILOT_TEAM, "operational": OPERATIONAL,
           "tentative": TENTATIVE_OWNER, "exec": EXEC_ROLE},
)

# --------------------------------------------------------------------------- R04 enterprise data

PIPELINE_OTHER_SENSE = rx(
    r"\b(?:sales|deal|opportunit\w+|revenue|talent|hiring|recruitment|candidate|project|product|drug|policy|legislative|"
    r"housing|development|funding|investment|grant|work|case|order|customer|lead|marketing|referral)\s+pipelines?\b",
    r"\bin\s+the\s+pipeline\b|\bpipeline\s+of\s+(?:projects|deals|work|cases|opportunities|ideas|use\s+cases|candidates)\b",
    r"\b(?:gas|oil|water)\s+pipelines?\b",
)
R04 = ReasonRules(
    reason_id="R04",
    elements=(
        Element("source-system integration", rx(
            r"\bsource\s+systems?\b|\bsystems?\s+of\s+record\b|\bsource\s+data\s+(?:feeds?|integration|connections?)\b",
            r"\b(?:direct|live|automated|scheduled|real[- ]time|nightly|daily|streaming)\s+(?:data\s+)?(?:feeds?|integration|connections?|extracts?|ingestion|sync\w*)\b",
            r"\b(?:data\s+warehouse|data\s+lake(?:house)?|lakehouse|enterprise\s+data\s+(?:platform|architecture|model)|data\s+platform|"
            r"data\s+mesh|operational\s+data\s+store|master\s+data|MDM|feature\s+store)\b",
            r"\b(?:data|records|details)\s+(?:\w+\s+){0,3}?(?:via|through|using)\s+(?:\w+\s+){0,2}?APIs?\b",
            r"\b(?:integrat\w+|connect\w+|ingest\w*)\s+(?:\w+\s+){0,3}?(?:from|with)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:source|core|CRM|ERP|EHR|EPR|PAS|claims|policy|billing|core\s+banking|ledger)\s*(?:systems?|platforms?|data)?\b",
            r"\b(?:reads?|read|pulls?|pulled|retriev\w+|looks?\s+up|fetch\w*)\s+(?:[\w-]+\s+){0,3}?from\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:system|platform|database|EPR|EHR|ERP|CRM|PAS|LIMS|TMS|WMS)\b",
            r"\bconnects?\s+(?:directly\s+)?(?:to|with)\s+(?:your\s+|the\s+|our\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:system|platform|database|POS|ERP|CRM|EPR|EHR|ledger)\b",
            r"\bgolden\s+(?:sources?|records?)\b|\bchange[- ]data[- ]capture\b|\bCDC\b|\b(?:real|proper|system|production|event)\s+(?:data\s+)?feeds?\b|\bthrough\s+(?:its|the|their|an?)\s+(?:[\w-]+\s+)?APIs?\b",
        ), core=True),
        Element("automated pipeline", rx(
            r"\b(?:automated|production|productionised|productionized|scheduled|streaming|batch|repeatable|data|ETL|ELT|ingestion|feature|proper|robust|scalable|enterprise)\s+pipelines?\b",
            r"\b(?:nightly|daily|hourly|scheduled|automated)\s+(?:[\w-]+\s+)?(?:jobs?|scripts?|processes|transfers?|loads?|syncs?)\s+(?:moves?|copies|loads?|sends?|pushes|pulls|transfers?|brings?|collects?)\b",
            r"\bpipelines?\s+(?:from|into|that\s+(?:ingest|load|refresh))\b|\bETL\b|\bELT\b|\bdata\s+engineering\b|\borchestrat\w+\b|\bAirflow\b|\bdbt\b",
            r"\b(?:automat\w+|refresh\w*)\s+(?:the\s+)?(?:data\s+)?(?:ingestion|preparation|extraction|refresh|loads?|feeds?|flows?|transfers?|extracts?)\b",
            r"\b(?:receive|get|load|ingest|pull|extract|feed|refresh|flow|arriv|stream|link|sync|push|transfer|copie|copy|sav|stor|captur|record|import|writ|upload)\w*\s+(?:[\w,-]+\s+){0,6}?automatically\b|\bevent\s+(?:bus|stream|streaming|hub)\b|\b(?:CDC|change[- ]data[- ]capture)\s+feeds?\b",
        ), core=True, other_senses=PIPELINE_OTHER_SENSE),
        Element("data quality monitoring", rx(
            r"\bdata[- ]quality\s+(?:monitoring|checks?|rules|controls?|framework|dashboards?|metrics|management|assurance|tests?|alerts?|SLAs?)\b",
            r"\bchecks?\s+for\s+(?:missing|duplicate|duplicated|mismatched|invalid|late|incomplete|corrupt)\b|"
            r"\bdata\s+health\s+(?:checks?|monitoring|alerts?)\b|\b(?:nightly|daily|hourly|automated|scheduled)\s+(?:[\w-]+\s+)?(?:jobs?|checks?|scripts?|routines?)\s+(?:that\s+)?(?:checks?|validates?|flags?|monitors?)\b|"
            r"\bdata\s+(?:validation|observability|profiling|contracts?)\b|\b(?:daily|weekly|automated)\s+(?:data\s+)?quality\s+(?:monitor|check)\w*|\bquality\s+thresholds?\b|\bmonitor\w*\s+(?:of\s+)?(?:the\s+)?data\s+(?:quality|drift)\b|\bdata\s+drift\s+(?:monitoring|detection|alerts?|checks?)\b",
            # checks on the data feed in its engineers' words: "completeness and freshness checks", "gap/flat-line/range checks",
            # "blocking load checks", "daily data checks", "a daily data quality summary"
            r"\b(?:completeness|freshness|timeliness|load|range|schema|integrity|reconciliation|balance|gap|dropout|frozen[- ]value|flat[- ]line|missing[- ]value)"
            r"(?:\s*(?:/|,|and|or)\s*(?:completeness|freshness|timeliness|range|gap|dropout|frozen[- ]value|flat[- ]line|balance|consistency|duplicate))*\s+checks?\b|"
            r"\bdata\s+checks?\b|\bdata[- ]quality\s+(?:summar(?:y|ies)|reports?|flags?|logs?|register)\b|\b(?:daily|weekly|nightly)\s+quality\s+(?:summar(?:y|ies)|reports?|dashboards?)\b",
        ), core=True),
        Element("lineage", rx(r"\blineage\b|\bdata\s+catalog(?:ue)?s?\b|\bmetadata\s+(?:management|catalog\w*)\b|\bprovenance\b",
                              # "traced back to its source transaction", "source traceability", "line-level traceability"
                              r"\btrac(?:e|ed|es|ing|eable|eability)\s+(?:[\w-]+\s+){0,4}?(?:back\s+)?to\s+(?:the\s+|its\s+|their\s+)?(?:source|origin)\b|"
                              r"\bsource\s+traceability\b|\b(?:line|field|record|row)[- ]level\s+(?:traceability|source)\b"), core=True),
        Element("data governance and privacy", rx(
            r"\bdata\s+(?:governance|owners?|stewards?|stewardship|protection|retention|sharing\s+agreements?|minimi[sz]ation)\b",
            r"\bprivacy\b|\bGDPR\b|\bDPIA\b|\bpseudonymi[sz]\w+|\banonymi[sz]\w+|\bde-identif\w+|\bPII\b|\binformation\s+governance\b|\baccess\s+controls?\b",
        )),
    ),
    gap_cues=(Element("manual or one-off data preparation", rx(
        r"\bmanual(?:ly)?\s+(?:\w+\s+){0,2}?(?:extract\w*|export\w*|download\w*|prepar\w*|clean\w*|join\w*|upload\w*|copied|compiled|curated|collated|transferred)",
        r"\bone[- ]off\s+(?:\w+\s+)?(?:extracts?|exports?|datasets?|data\s+sets?|snapshots?|data\s+pulls?|joins?|preparation|load)\b",
        r"\b(?:static|historical|point[- ]in[- ]time)\s+(?:extracts?|snapshots?|data\s*sets?|exports?)\b|\bsnapshots?\s+of\s+(?:the\s+)?data\b",
        r"\b(?:CSV|Excel|spreadsheet)\s+(?:exports?|extracts?|files?|uploads?)\b|\bbespoke\s+(?:data\s+)?(?:preparation|extract\w*|scripts?)\b",
        r"\bby\s+hand\b|\bhand[- ](?:built|curated|made|maintained|keyed|assembled|compiled|cleaned|coded|labelled)\b|\bas\s+(?:a\s+)?(?:spreadsheets?|CSVs?)\b|"
        r"\b(?:exported|copied|saved|dumped)\s+(?:\w+\s+){0,6}?(?:into|to|as)\s+(?:a\s+)?(?:CSV|spreadsheet|Excel)\b|\bcopied\s+off\b|"
        r"\b(?:weekly|monthly|quarterly|periodic|ad[- ]hoc)\s+(?:data\s+)?(?:extracts?|exports?|uploads?|file\s+drops?)\b",
        r"\b(?:exported|extracted|pulled|downloaded|copied|taken)\s+(?:[\w-]+\s+){0,8}?once\b",
    )),),
    addressed_min=2,
    require_any=("source-system integration", "automated pipeline"),
    # the data route named in general words, even as a need: "an interface between the staging database and the land
    # system has been requested", "a proper feed is still needed", "pulled automatically from the imaging server"
    topic=Element("how data would reach the tool", rx(
        r"\b(?:automated|automatic|direct|live|system|production|scheduled|validated|proper|read-only|nightly|daily|"
        r"recurring|regular|supported|permanent|real[- ]time|continuous|API)\s+(?:data\s+)?(?:[\w-]+\s+)?(?:feeds?|interfaces?|connections?|connectors?|links?|extracts?|integration|sync)\b|"
        # an export or script that runs on its own: "a scheduled export every 15 minutes", "a nightly export from the web form"
        r"\b(?:scheduled|automated|nightly|hourly)\s+(?:[\w-]+\s+)?(?:exports?|scripts?|jobs?|uploads?)\b|"
        r"\b(?:link(?:ing|ed)?|connect(?:ing|ed)?)\s+(?:directly\s+|automatically\s+)?(?:in)?to\s+(?:the\s+)?(?:live\s+)?(?:[\w'/-]+\s+){0,4}?(?:system|platform|database|warehouse|server|historian|stream|feed|record)s?\b",
        r"\b(?:feeds?|interfaces?|connections?|connectors?|links?|integration)\s+(?:from|to|into|with|between)\s+(?:the\s+)?(?:[\w'/-]+\s+){0,4}?(?:system|platform|database|warehouse|server|record|ERP|CRM|EPR|EHR|LIS|LIMS|CAD|(?-i:[A-Z]{2,}\w*))\b",
        r"\b(?:reporting|read[- ]only|daily|nightly)\s+(?:copy|replica|mirror|snapshot)\s+of\b|\bHL7\b|\bFHIR\b|\b(?:pulled|collected|picked\s+up|loaded)\s+(?:\w+\s+){0,3}?automatically\b",
        # part of the data arriving on its own: "sensor readings flow automatically", "an hourly job collects the images",
        # "a nightly API sync of the articles"
        r"\b(?:flows?|flowed|arriv\w+|reach\w*|sync\w*|collects?|pulls?|streams?|streamed|transfers?|transferred|hand|hands|handed|passe[sd]|imported|uploaded)\s+(?:[\w-]+\s+){0,3}?automatically\b|"
        # the source read directly, even as a need: "production would read directly from ERIS", "take applications straight
        # from the permitting system", "reads orders@ directly", "a budget for sorting the station data feed"
        r"\b(?:take|takes|read|reads|reading|pull|pulls|draw|draws|fetch|fetches|get|gets)\s+(?:[\w@.-]+\s+){0,3}?(?:straight|directly|automatically)\b|\bdata\s+feeds?\b|"
        r"\b(?:collected|synced|synchroni[sz]ed|pulled|loaded|replicated|refreshed|transferred)\s+(?:[\w-]+\s+){0,8}?"
        r"(?:by\s+a\s+scheduled\s+(?:job|task|script)|every\s+(?:night|hour|morning|day|\d+\s+minutes)|nightly|hourly|via\s+(?:an?\s+|the\s+|its\s+)?API)\b|"
        r"\b(?:nightly|daily|hourly|weekly|scheduled)\s+(?:[\w-]+\s+)?(?:sync|syncs|synchroni[sz]ation|jobs?)\s+(?:of|collects?|pulls?|copies|loads?|brings?|fetch\w*)\b",
    ), other_senses=PIPELINE_OTHER_SENSE),
    topic_beats_gap=True,
    deferred_status=Status.PARTIAL,
    negated_status=Status.PARTIAL,  # "no automated quality monitoring or lineage yet" names the gap in a built flow
    noncore_only_status=Status.MISSING,  # privacy or governance alone is not a data architecture
    gap_beats_peripheral=True,
    gap_cancels=True,  # "CSV exports the schedulers pull from the crew system" is the manual route, not integration
)

# --------------------------------------------------------------------------- R05 unit economics

# "cost per page", "compute per optimisation", "cost per bus per month": a cost per unit of work (not per month or per seat)
UNIT_COST_LABEL = (r"\b(?:cost|costs|price|compute|spend|fee|charge)\s+per\s+(?!(?:month|year|annum|week|quarter|day|hour|user|seat|licen[cs]e)\b)"
                   r"(?:[\w-]+\s+){0,2}?[\w-]+(?:\s+per\s+(?:month|year|annum))?")
R05 = ReasonRules(
    reason_id="R05",
    planned_status=Status.MISSING,  # a report that only recommends it leaves it for later: the rubric's missing
    elements=(
        Element("unit cost", rx(
            r"\bcost\s+per\s+(?:inference|prediction|query|request|token|api\s+call|conversation|chat|message|interaction|"
            r"score|scored\s+\w+|model\s+call|run|1,?000|thousand|million|k\b)\b",
            r"\b(?:cost|price)\s+per\s+\w+\s+(?:scored|processed|analysed|analyzed|reviewed|predicted|classified|drafted|summari[sz]ed|checked)\b",
            r"[£$€]\s?0?\.\d+\s*(?:per|/|a|an|each)\s+(?:[\w-]+\s+){0,2}?[\w-]+",
            r"[£$€]\s?\d{1,3}(?:\.\d+)?\s*(?:per|/|each)\s+(?!(?:user|seat|licen[cs]e|month|year|annum|week|quarter|hour|day|site|store|device|sensor|office|branch|depot|vehicle|bus|truck|clinic|school|ward|hospital|location|line|employee|head|FTE)s?\b)(?:[\w-]+\s+){0,1}?[\w-]+",
            r"\b(?:running|run|operating|unit|marginal)\s+cost\s+per\s+\w+|\bopex\s+per\s+\w+",
            r"[£$€]\s?\d[\d,.]*\s*(?:p|pence|c|cents)?\s*(?:per|/|a|each)\s+(?:scored|processed|analysed|reviewed|predicted)\s+\w+",
            r"[£$€]\s?\d[\d,.]*\s*(?:p|pence)?\s*(?:per|/|a|each)\s+\w+\s+(?:scored|processed|analysed|analyzed|reviewed|predicted|classified|drafted)\b",
            r"\bunit\s+(?:cost|costs|economics|price|pricing)\b|\bper[- ](?:unit|transaction|inference|call|query|request|token|claim|case|user|seat)\s+(?:cost|price|fee|charge)s?\b",
            r"[£$€]\s?\d[\d,.]*\s*(?:p|pence)?\s*(?:per|/|a|an|each)\s*(?:inference|prediction|query|request|"
            r"document|response|decision|page|1,?000|thousand|million|token|conversation|chat|message|interaction|api\s+call|run)s?\b",
            r"\bprice\s+per\s+(?:1,?000\s+|million\s+)?tokens?\b",
            # "cost per invoice $0.018": a cost per unit of work, with its amount
            UNIT_COST_LABEL + r"[^.;]{0,80}?[£$€]\s?\d",
            # "the cost of each weekly forecast run at €3.10", "each summary cost about $0.02"
            r"\bcost\s+(?:of\s+)?(?:each|every|one|a\s+single)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+(?:at|was|is|came\s+to|of|to\s+be)\s+(?:about\s+|around\s+|roughly\s+)?[£$€]\s?\d|"
            r"\b(?:each|every|one)\s+(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:costs?|cost\s+us)\s+(?:about\s+|around\s+|roughly\s+|under\s+)?[£$€]\s?\d",
            # in pence or cents: "about 0.4p per report"
            r"\b\d+(?:\.\d+)?\s?(?:p|pence|cents?)\s+(?:per|each|a)\s+(?!(?:month|year|annum|week|day|hour|user|seat|licen[cs]e)\b)[\w-]+",
            # the cost of one unit of the AI's own work, however the document names that unit
            r"\b(?:estimated|measured|metered|projected|average|expected|blended|all[- ]in)\s+cost\s+per\s+(?:[\w-]+\s+){0,2}?[\w-]+",
            r"\bcost\s+per\s+(?:[\w-]+\s+){0,2}?(?:repl(?:y|ies)|solves?|drafts?|decisions?|conversations?|scores?|recommendations?|alerts?|forecasts?|summar(?:y|ies)|"
            r"answers?|plans?|assessments?|checks?|classifications?|reviews?|predictions?|runs?|images?|frames?|calls?\s+to\s+the\s+model|transactions?|documents?|items?|records?|requests?|queries|inferences?)\b",
        ), core=True),
        # "Document AI cost per page | n/a | $0.012": the row label names the unit, a later cell the amount
        Element("unit cost", rx(UNIT_COST_LABEL), core=True, in_row_with=re.compile(money(r"[£$€]\s?\d"), FLAGS),
                # "Average handling cost per claim | £212": the business's own cost, a KPI, not the AI's unit cost
                other_senses=rx(r"\b(?:handling|processing|fully[- ]loaded|labou?r|staff|people|agent|servicing|AP|clerical|manual)\s+costs?\s+per\b")),
        Element("running cost at production volume", rx(
            r"\b(?:running|run|operating|operational|ongoing|recurring|annual|annuali[sz]ed|steady[- ]state|BAU|lifetime|whole[- ]life)\s+costs?\b",
            r"\brun[- ]rate\b|\b(?:at|for)\s+\d+\s*(?:x|×|times)\s+(?:the\s+)?(?:pilot\s+|current\s+|today's\s+)?(?:volumes?|scale|usage|load)\b|\b\d+\s*(?:x|×|times)\s+(?:the\s+)?pilot\s+volumes?\b|"
            r"\b(?:costs?|spend|opex)\s+(?:at|for|of)\s+(?:a\s+)?(?:full|group|network|site|enterprise|company|national)[- ]wide\b|\bat\s+full\s+(?:roll[- ]?out|volume|scale)\b[^.;]{0,40}?[£$€]\d",
            r"\bopex\b|\btotal\s+cost\s+of\s+ownership\b|\bTCO\b|\bcost\s+(?:model|projection|forecast|at\s+scale)\b|\bcosts?\s+at\s+(?:full|production|projected|national|enterprise)\s+(?:volume|scale|usage)\b",
            r"\b(?:costs?|spend|budget|opex)\b[^.;]{0,60}?\b(?:at|for)\s+(?:full|production|projected|national|enterprise|expected|network|group)\s+(?:volumes?|scale|usage|load|roll[- ]?out|launch)\b",
            # an amount per period counts when it is for the whole operation, not the pilot's monthly bill
            r"[£$€]\s?\d[\d,.]*\s*(?:k|m|bn|million|thousand|lakh|crore|billion)?\s*(?:per|a|each)\s+(?:year|annum|month|quarter)\b[^.;]{0,80}?\b(?:at\s+(?:full|production|scale)|full[- ]scale|all\s+\d*\s*(?:[\w-]+\s+)?(?:sites|depots|stores|branches|clinics|hospitals|offices|wards|units|lines|plants)|network|enterprise|group[- ]wide|company[- ]wide|nationwide|roll[- ]?out|steady[- ]state|in\s+production|(?:whole|entire)\s+(?:[\w-]+\s+){0,2}?(?:area|estate|network|fleet|organi[sz]ation|business|service|region|country|group|company))\b",
            # "about €9,300 a year at 95,000 messages", "C$205,000 a year for all 14 conveyors", "€71,000 a year projected at eleven depots"
            r"[£$€]\s?\d[\d,.]*\s*(?:k|m|bn|million|thousand|lakh|crore|billion)?\s*(?:a|per|each)\s+(?:year|annum|season)\b[^.;]{0,40}?\b(?:at|for|across|over)\s+(?:all\s+|the\s+)?"
            r"(?:\d[\d,.]*\s*(?:k|m|million)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty)\s+(?:[\w-]+\s+)?[\w-]+s\b",
            r"\b(?:at\s+(?:full|production|scale)|full[- ]scale|steady[- ]state|in\s+production|(?:whole|entire)\s+(?:[\w-]+\s+){0,2}?(?:area|estate|network|fleet|organi[sz]ation|business|service|region|country|group|company)|at\s+\d[\d,.]*\s*(?:k|m|million)?\s+[\w-]+\s+(?:a|per)\s+(?:year|month))\b[^.;]{0,80}?[£$€]\s?\d[\d,.]*\s*(?:k|m|bn|million|thousand|lakh|crore|billion)?\s*(?:per|a|each)\s+(?:year|annum|month|quarter)\b",
        ), core=True,
            # "worth £5.8m a year in reduced impairment": a benefit, not a running cost
            other_senses=rx(r"\bworth\b|\bin\s+(?:reduced|lower|avoided)\b|\bsavings?\b|\bbenefits?\b|\brevenue\b|\bimpairment\b",
                            # a KPI's money figure, not a running cost
                            r"\bbaseline\b|\bleakage\b|\blos(?:s|ses|e|t)\b|\bwrit(?:e|ten)[- ]?offs?\b|\bwritten\s+off\b|\barrears\b|\boverpa\w+|\bfraud\b|\bdelay\s+costs?\b")),
        # "Cost per bus per month | $19.40 | $7.90" under "Pilot | Full fleet (640 buses, per year)": the amount in the at-scale column
        Element("running cost at production volume", rx(r"[£$€]\s?\d"), core=True, column_heading=rx(
            r"\b(?:full|whole|entire)\s+(?:fleet|estate|network|roll[- ]?out|scale|volume|service|programme|program)\b|\bat\s+(?:full\s+)?scale\b|\bscaled?\b|"
            r"\ball\s+(?:\d[\d,]*\s+)?(?:[\w-]+\s+)?(?:sites|stores|branches|depots|clinics|hospitals|trusts|regions|plants|offices|schools|units|vehicles|buses|lines)\b|"
            r"\b(?:national|nationwide|network[- ]wide|group[- ]wide|company[- ]wide|enterprise|production|steady[- ]state|projected|projection|roll[- ]?out)\b|"
            r"\bat\s+\d[\d,.]*\s*(?:k|m|million)?\s+[\w-]+"),
                other_senses=rx(r"\bworth\b|\bsavings?\b|\bbenefits?\b|\brevenue\b|\bbaseline\b|\blos(?:s|ses)\b|\bfraud\b")),
        # "Total | $790,000 per year": the total of a cost table, by the year
        Element("running cost at production volume", rx(r"[£$€]\s?\d[\d,.]*\s*(?:k|m|bn|million|thousand|lakh|crore|billion)?\s*(?:per|a|each)\s+(?:year|annum)\b"), core=True,
                row_label=rx(r"^\W*(?:grand\s+)?total\b|\b(?:annual|yearly|running|operating|steady[- ]state|at\s+scale|full[- ]scale)\b")),
        Element("infrastructure and data engineering cost", rx(
            r"\b(?:infrastructure|hosting|compute|cloud|GPU|licen[cs]e|licen[cs]ing|subscription|API|token|vendor|platform|storage)\s+(?:costs?|fees?|spend|charges?|bill)\b",
            r"\bdata\s+engineering\s+costs?\b|\bintegration\s+costs?\b|\blicen[cs](?:e|ed|ing)\b(?!\s+(?:for|during)\s+the\s+(?:pilot|trial))[^.;]{0,40}?[£$€]\s?\d",
            r"[£$€]\s?\d[\d,.]*\s*(?:k|m|bn|million|thousand|lakh|crore)?\s*(?:per|a|each)\s+(?:user|seat|licen[cs]e|site|store|line|device|sensor)s?\b|"
            r"[£$€]\s?\d[\d,.]*\s*(?:k|m|bn|million|thousand|lakh|crore)?\s+a\s+year\s+for\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,2}?licen[cs]e|\blicen[cs]e\s+(?:quote|fee|price)",
            r"\b(?:for\s+)?(?:each|every|per)\s+(?:further|additional|extra|new)\s+[\w-]+\s+(?:would|will)\s+cost\b|\bcosts?\s+(?:about\s+|around\s+|roughly\s+)?[£$€]\s?\d[\d,.]*\s*(?:k|m|bn|million|thousand|lakh|crore)?\s+(?:per|for\s+each|each)\s+(?:further\s+|additional\s+|extra\s+)?[\w-]+",
            r"[£$€]\s?\d[\d,.]*\s*(?:k|m|bn|million|thousand|lakh|crore)?\s*per\s+[\w-]+\s+per\s+(?:month|year|annum|week|quarter)\b|\b(?:list|licen[cs]e|subscription|production)\s+pric(?:e|es|ing)\b",
            # what the tool's service costs to run, or its kit to buy, in the same clause: "cloud compute and storage averaged
            # SEK 9,800 per month", "Cloud computing (EUR 420 per month)", "two edge servers cost NOK 420,000", "hardware and
            # installation came to ISK 14.2 million" (a one-off compute line in the pilot's budget is the pilot's cost)
            r"\b(?:cloud|hosting|compute|computing|storage|licen[cs]es?|subscriptions?)\b[^.;]{0,60}?(?:\bcosts?\b|\bcame\s+to\b|\baveraged\b|\bran\s+at\b|\bis\s+estimated\s+at\b|\(|:)\s*"
            r"(?:about\s+|around\s+|roughly\s+|some\s+)?[£$€]+\s?\d[\d,.]*\s*(?:k|m|million|thousand)?\s*(?:per|a|an|each)\s+(?:month|year|annum|week)\b",
            r"\b(?:hardware|equipment|kit|devices?|servers?|gateways?|cameras?|sensors?|accelerometers?|probes?|scanners?|tablets?|loggers?|GPUs?|workstations?|stands?|rigs?)\b"
            r"[^.;:()]{0,60}?(?:\bcosts?\b|\bcame\s+to\b|\bat\s+a\s+cost\s+of\b)\s*(?:about\s+|around\s+|roughly\s+|some\s+)?[£$€]+\s?\d",
            # the amount first: "NoticeWriter is £450 a month on a trial licence", "the service costs £1,150 a month on a rolling subscription"
            r"[£$€]+\s?\d[\d,.]*\s*(?:k|m|million|thousand)?\s*(?:per|a|an|each)\s+(?:month|year|annum|week)\b[^.;]{0,40}?\b(?:licen[cs]e|subscription|hosting)\b",
        )),
        # "Vendor licence (per image graded) | £2.10", "Platform subscription (per pond, per month) | USD 22": the row names it, a later cell the amount
        Element("infrastructure and data engineering cost", rx(
            r"\b(?:licen[cs]es?|subscriptions?|hosting|hardware|edge\s+(?:servers?|gateways?|devices?))\b",
        ), in_row_with=re.compile(money(r"[£$€]\s?\d"), FLAGS),
            # "Supplier licence and set-up (6 months)", "Vendor pilot license and hosting (16 weeks)": a line of the pilot's budget
            other_senses=rx(r"(?<!after\sthe\s)\b(?:pilot|trial|poc)\b|\bperiod\b|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)[- ]?(?:months?|weeks?)\b|"
                            r"\bmonths'|\bset[- ]?up\b|\bconfiguration\b|\bbuild\b")),
        Element("retraining and monitoring cost", rx(
            r"\b(?:retraining|re-training|monitoring|maintenance|support|model\s+management|MLOps|governance|assurance)\s+(?:costs?|effort|budget|spend|FTE)\b",
        )),
    ),
    gap_cues=(Element("pilot budget only", rx(
        r"\b(?:pilot|trial|poc|proof[- ]of[- ]concept|project)\s+(?:budget|cost|costs|spend|funding|fee)\b",
        r"\b(?:budget|funding|cost)\s+(?:of|for)\s+(?:the\s+)?(?:pilot|trial|poc|project)\b|\b(?:budget|funding)\s+of\s+[£$€]\d",
    )),),
    addressed_min=2,
    require_any=("unit cost",),
    deferred_status=Status.MISSING,  # "running costs will be worked out if the pilot proceeds": no economics yet
    gap_status=Status.MISSING,  # the pilot's own budget alone is not running-cost economics
    gap_cancels=True,
    report_future_counts=True,  # a projection of running cost at volume is what the reason asks for
    peripheral_partial=True,  # a licence or per-seat price with running costs "not calculated" is some cost figure
    topic=Element("what the tool would cost", rx(
        r"\b(?:costs?|costings?|pric(?:e|es|ing)|fees?|charges?|spend)\s+(?:per|for\s+each)\s+(?!year\b|month\b|annum\b)[\w-]+",
        r"\b(?:licen[cs]e|licen[cs]ing|subscription|hosting|cloud|compute|vendor|supplier|production|operating|running|support|maintenance)\s+(?:costs?|fees?|pric(?:e|es|ing)|charges?|spend)\b",
        r"[£$€]\s?\d[\d,.]*\s*(?:k|m|bn|million|thousand|lakh|crore|billion)?\s*(?:per|/|a|an|each)\s+(?!year\b|month\b|annum\b|week\b)[\w-]+",
    ), other_senses=rx(r"\bworth\b|\bsavings?\b|\bbenefits?\b|\brevenue\b|\bsales\b|\bloss(?:es)?\b|\bfraud\b|\barrears\b|\bclaims?\s+(?:costs?|spend)\b")),
)

# --------------------------------------------------------------------------- R06 enterprise governance

MONITORING_CONTEXT = re.compile(r"\b(?:model|drift|performance|outputs?|accuracy|bias|predictions?|quality|behaviou?r|AI|system|tool)\b", FLAGS)
R06 = ReasonRules(
    reason_id="R06",
    elements=(
        Element("model risk management", rx(
            r"\bmodel\s+risk\b|\bmodel\s+(?:governance|inventory|approval|register)\b|\b(?:independent|second[- ]line)\s+(?:model\s+)?validation\b|\bvalidated\s+by\s+(?:the\s+)?(?:model\s+risk|second\s+line|independent)|\bAI\s+(?:risk|governance|assurance)\b|\bSR\s*11-7\b|\bSS1/23\b",
            r"\b(?:risk|governance|ethics|assurance)\s+(?:committee|board|forum|panel|framework|function|team|review)\b|\bthree\s+lines\s+of\s+defen[cs]e\b|\bsecond\s+line\b",
            r"\bresponsible\s+AI\s+(?:review|board|committee|council|framework|assessment|panel)\b|\bred[- ]team\w*|\b(?:model|AI|algorithmic)\s+risk\s+assessments?\b|\balgorithmic\s+impact\s+assessments?\b|\bsafety\s+case\b|\bhazard\s+(?:log|analysis)\b|\bmodel\s+risk\s+(?:review|tier\w*)\b",
        ), core=True),
        Element("documentation", rx(
            # the model written up where others can find it: "a documented purpose and limitations statement", "a model note"
            r"\b(?:algorithm|model|AI)\s+(?:and\s+AI\s+)?(?:register|inventory|note|factsheet|fact\s+sheet|description)\b|\bdocumented\s+(?:purpose|limitations|limits|intended\s+use)\b|"
            r"\b(?:description|statement)\s+of\s+(?:the\s+)?(?:model|its\s+(?:data|limits|limitations))\b|\blimitations\s+statement\b",
            r"\bmodel\s+cards?\b|\bmodel\s+documentation\b|\b(?:technical|audit)\s+documentation\b|\bsystem\s+cards?\b|\bdatasheets?\b",
            r"\bdocument(?:ed|s|ing)?\s+the\s+(?:model|algorithm|system|tool)\b|\b(?:model|algorithm)\s+(?:is|was|will\s+be)\s+documented\b|\bdocumented\s+to\s+(?:the\s+)?(?:[\w-]+\s+)?(?:policy|standard)\b",
            r"\balgorithmic\s+transparency\b|\bATRS\b|\btransparency\s+record\b|\baudit[- ](?:ready|defensible|able)\b",
        ), core=True),
        Element("bias and fairness", rx(
            # checked across groups: "differences in tone between clients writing in German, French and English", "no group graded harsher"
            r"\b(?:differences?|gaps?|disparit\w+)\s+(?:\w+\s+){0,4}?(?:between|across|by)\s+(?:[\w-]+\s+){0,4}?(?:groups|clients|customers|members|regions|varieties|languages|segments|genders?|ages?|ethnicit\w+|countries|postcodes)\b|"
            r"\bno\s+group\s+of\b|\b(?:by|across)\s+(?:variety|region|gender|age|ethnicity|language|segment)\s+(?:and|or)\s+(?:by\s+)?(?:variety|region|gender|age|ethnicity|language|segment|origin)\b",
            # checked for groups in other words: "an equity check", "equality screening", "a disparity review by race and sex",
            # "monthly performance by ethnicity", "separate checks by language"
            r"\bequity\s+(?:checks?|reviews?|analysis|audits?)\b|\bequality\s+(?:screening|assessments?|checks?)\b|\bdisparit(?:y|ies)\s+(?:reviews?|analysis|checks?)\b|"
            r"\b(?:by|across)\s+(?:ethnicity|race|sex|gender|disability|deprivation|skin[- ]types?|religion)\b",
            r"\bbias(?:es)?\b|\bfairness\b|\bunfair(?:ly|ness)?\b|\b(?:systematic|unequal|unexplained)\s+differences\s+(?:by|between|across)\b|\bequalit(?:y|ies)\s+impact\b|\bEIA\b|\bprotected\s+characteristics?\b|\bdisparate\s+impact\b|\bdemographic\s+parity\b|\bequal\s+opportunity\b|\bdiscriminat\w+",
        ), core=True, other_senses=rx(r"\bbias\s+(?:term|parameter|weights?|vector|correction)\b|\bconfirmation\s+bias\b",
                                      r"\b(?:forecast|forecasting|statistical|sampling|selection|estimation|measurement|systematic|prediction|positive|negative)\s+bias\b",
                                      r"\bbias\s+of\s+(?:the\s+)?(?:extremely|very|high|low|estimat\w*|mean|metric|scores?|values?|forecasts?)\b",
                                      # people's own bias that the tool helps reduce is a benefit claim, not fairness governance
                                      r"\b(?:reviewer|human|analyst|researcher|interviewer|personal|unconscious|cognitive|individual|staff)s?['\u2019]?\s+bias\b|"
                                      r"\bbias\s+of\s+(?:the\s+)?(?:reviewers?|humans?|analysts?|researchers?|staff|individuals?|readers?|people)\b|"
                                      r"\b(?:felt|believed|thought|said|reported|considered)\b[^.;]{0,60}?\b(?:reduc|mitigat|minimi[sz]|remov|lessen|lower|avoid)\w*\s+(?:against\s+)?(?:\w+\s+){0,2}?bias|"
                                      # a tool that "may reduce bias" (in people's work): a claimed benefit, unless the bias is the model's
                                      r"\b(?:may|might|could|can|would|helps?|helped)\s+(?:\w+\s+)?(?:reduc|mitigat|minimi[sz]|lessen|lower|avoid|remov)\w*\s+(?:against\s+)?(?:\w+\s+){0,2}?bias\b"
                                      r"(?!\s+(?:in|from|of)\s+(?:the\s+|its\s+)?(?:model|outputs?|predictions?|training|algorithm|scores?|classifier))|"
                                      r"\bhelp(?:s|ed|ing)?\s+(?:to\s+|us\s+)?(?:reduce|mitigate|remove|minimi[sz]e|avoid|counter|limit)\w*\s+(?:against\s+)?(?:\w+\s+){0,2}?bias",
                                      # "bias" as a verb: fields that would bias the model (leakage), not fairness
                                      r"\bbias(?:es|ed)?\s+(?:the|a|our|its)\s+(?:model|results?|estimates?|training|predictions?|scores?)\b|\bbias(?:es)?\s+from\s+(?:the\s+)?(?:model\s+)?training\b|\bbias\s+in\s+(?:the\s+)?information\b")),
        Element("regulatory compliance", rx(
            r"\bcompl(?:iance|iant)\b|\bregulatory\b|\bregulators?\s+(?:approval|guidance|review|rules|requirements|expectations)\b|"
            r"\b(?:consulted|engaged|notified|informed|briefed|reviewed\s+by|approved\s+by|agreed\s+with)\s+(?:with\s+)?(?:the\s+|our\s+)?(?:\w+\s+)?regulators?\b|\blegal\s+(?:review|basis|advice|sign[- ]off)\b|\bGDPR\b|\bDPIA\b|"
            r"\bdata\s+protection\s+impact\b|\bFCA\b|\bPRA\b|\bICO\b|\bMHRA\b|\bCQC\b|\bEU\s+AI\s+Act\b|\bAI\s+Act\b|\bConsumer\s+Duty\b|"
            r"\bzero[- ]data[- ]retention\b|\bdata\s+retention\s+(?:polic\w+|terms|agreement|commitments?)\b|\bFERPA\b|\bHIPAA\b|\bCCPA\b|\bSOX\b|\bPCI(?:[- ]DSS)?\b|\bCOPPA\b|\bSOC\s?2\b|\bPUC\b|\bsafeguarding\b|"
            r"\bprivacy\s+(?:checks?|reviews?|impact\s+assessments?|assessments?|by\s+design|sign[- ]off)\b|\bPIA\b|\blegitimate\s+interests?\b|\bdata\s+protection\s+(?:checks?|reviews?|assessments?|officer|law|rules|sign[- ]off)\b|"
            r"\bDCB\s?0?1(?:29|60)\b|\bclinical\s+safety\b|\bmedical\s+device\b|\bUKCA\b|\bISO\s?(?:27001|42001|13485)\b|\bEquality\s+Act\b",
        ), core=True),
        Element("ongoing monitoring", rx(
            r"\bdrift\s+(?:dashboard|monitor\w*|checks?|reviews?|alerts?|triggers?)\b|\b(?:error|accuracy|agreement|override)\s+rates?\s+(?:were\s+|are\s+|is\s+)?(?:tracked|monitored|reviewed)\b|"
            r"\bif\s+(?:the\s+)?(?:model|accuracy|agreement)\s+(?:drifts|drops|falls)\b",
            r"\b(?:model|performance|ongoing|continuous|production|drift|post[- ]deployment|output|quality|adverse[- ]impact|fairness|bias|outcome)\s+monitoring\b",
            r"\bmonitor\w*\s+(?:\w+\s+){0,3}?(?:drift|performance|accuracy|outputs?|bias|degradation|behaviou?r)\b",
            r"\b(?:drift|degradation)\s+(?:detection|alerts?|monitoring)\b|\bperiodic\s+(?:review|revalidation|re-validation)\b",
            r"\b(?:accuracy|performance|outputs?|drift|quality|bias|error\s+rates?)\b(?:\s+[\w-]+){0,4}?\s+(?:will\s+be\s+|is\s+|are\s+|was\s+|were\s+)?monitored\b",
            r"\bmonitoring\s+(?:dashboard|reports?|metrics|alerts?|thresholds?)\b|\b(?:QA|quality|content[- ]safety|assurance|ongoing|weekly|monthly|daily|regular|routine)\s+(?:\w+\s+)?sampl\w+",
            # checks of the outputs on a schedule: "fortnightly monitoring of overrides", "a weekly 5% audit", "monthly accuracy review",
            # "the error register is reviewed monthly", "accuracy monitoring"
            r"\b(?:weekly|fortnightly|monthly|quarterly|daily)\s+(?:[\w%-]+\s+){0,2}?(?:monitoring|audits?|spot[- ]checks?)\b|"
            r"\b(?:weekly|fortnightly|monthly|quarterly)\s+(?:accuracy|override|performance|outcome|fairness|bias|equity|error|quality)\s+(?:reviews?|checks?)\b|"
            r"\b(?:accuracy|override|complaints?|error)\s+monitoring\b|\b(?:registers?|logs?)\s+(?:is\s+|are\s+|was\s+|were\s+)?reviewed\s+(?:weekly|monthly|fortnightly|quarterly)\b",
        ), core=True),
        Element("incident response", rx(
            r"\bincident\s+(?:route|process|log|register)\b|\b(?:operational\s+)?risk\s+events?\b|\b(?:stops?|pauses?|suspends?)\s+(?:the\s+)?(?:proposals|recommendations|model|tool|scoring)\s+until\b|"
            r"\bswitch(?:es|ed)?\s+(?:\w+\s+){0,3}?back\s+to\s+(?:manual|the\s+operator|humans?)\b|\b(?:is|are)\s+switched\s+off\b",
            r"\bincident\s+(?:response|management|process|procedures?|playbooks?|reporting|handling)\b|\brollback\b|\broll\s+back\b|\bkill[- ]switch\b|"
            r"\bfall[- ]?back\s+(?:process|procedure|to\s+manual)\b|\bescalation\s+(?:path|process|route|procedure)\b|\bbusiness\s+continuity\b",
            # "an error-reporting route", "a near-miss procedure", "a suspension procedure", "a pause rule", "Datix incidents"
            r"\bincident\s+(?:reviews?|routes?|reports?)\b|\b(?:error|near[- ]miss|concern|safety[- ]incident|significant[- ]events?|harm|correction)[- ](?:reporting\s+)?(?:route|procedure|process|register|log)s?\b|"
            r"\b(?:suspension|stop|pause|switch[- ]off|takedown)\s+(?:rules?|routes?|procedures?|criteria|thresholds?)\b|\bDatix\b|\bLFPSE\b",
        ), core=True),
        Element("explainability", rx(
            r"\b(?:can|could|to)\s+see\s+why\b|\b(?:inputs|factors|features|reasons|drivers)\s+that\s+(?:drove|drive|led\s+to)\b|\breason\s+codes?\b|\btop\s+(?:three|3|five|5)\s+(?:reasons|factors|drivers)\b",
            r"\bexplainab\w+|\binterpretab\w+|\bexplanations?\s+(?:of|for|to)\s+(?:\w+\s+){0,2}?(?:decisions?|outputs?|predictions?|customers?|users?|outcomes?)\b|"
            r"\bexplain\s+(?:\w+\s+){0,2}?(?:decisions?|outcomes?|recommendations?|scores?|ratings?|rankings?)\b|\b(?:shows?|lists?|gives?)\s+(?:which|the)\s+(?:criteria|factors|reasons)\b|"
            r"\bSHAP\b|\bLIME\b|\breason\s+codes?\b|\btransparen(?:cy|t)\b|\bright\s+to\s+(?:an\s+)?explanation\b",
        ), core=True),
        Element("human oversight", rx(
            r"\bhuman\s+(?:oversight|review|sign[- ]off|in\s+the\s+loop)\b|\bhuman[- ]in[- ]the[- ]loop\b|\bmanual\s+review\s+of\s+(?:all\s+)?(?:outputs?|decisions?)\b",
        )),
    ),
    gap_cues=(Element("governance limited to the pilot team", rx(
        r"\bself[- ]govern\w*|\b(?:the\s+)?(?:data\s+science|pilot|project)\s+team\s+(?:\w+\s+){0,2}?(?:review\w*|check\w*|validat\w+|govern\w*|sign\w*\s+off)\b",
        r"\b(?:informal|light[- ]touch|lightweight)\s+(?:governance|review|oversight)\b",
    )),),
    later_is_missing=True,  # "Governance (data protection, model risk, audit): to be defined at the scale gate"
    addressed_min=3,
    deferred_status=Status.MISSING,
    gap_status=Status.PARTIAL,
    topic=Element("some controls, but not model governance", rx(
        r"\b(?:complian(?:ce|t)|regulat(?:or|ors|ory|ion|ions)|privacy|data\s+protection|confidentiality|security\s+(?:review|assessment|testing|sign[- ]off|controls?|certification)|"
        r"penetration\s+test\w*|pen[- ]test\w*|legal\s+(?:review|advice|sign[- ]off)|ethic(?:s|al)|disclaimers?|"
        r"(?:clinical\s+)?safety\s+(?:case|review|assessment|officer|sign[- ]off)|hazard\s+log|risk\s+assessments?|certifi(?:ed|cation)|accredit\w+|"
        r"ISO\s?\d{4,5}|SOC\s?2|HIPAA|GDPR|DPIA|POPIA|PIPEDA|CCPA|BAA|business\s+associate\s+agreement|data\s+processing\s+agreement|"
        r"internal\s+controls?|key\s+controls?|SOX|validat(?:ed|ion)\s+against|human\s+review)\b",
        # the privacy laws of other countries (Singapore, Thailand, Malaysia; Brazil; Japan; Korea; China; India; Australia)
        r"\b(?:PDPA|LGPD|APPI|PIPA|PIPL|DPDP|Privacy\s+Act)\b",
        # a control of its own kind: outputs checked on a schedule ("forecast error is reviewed weekly", "reviewed
        # weekly to catch drift"), a person who signs off every output (an audit trail alone is not: it is how the
        # tool records its work)
        r"\b(?:errors?|error\s+rates?|accuracy|agreement|overrides?|precision|recall|proposals|outputs?|predictions?|forecasts?)\s+"
        r"(?:is|are|was|were|will\s+be|gets?)\s+(?:\w+\s+)?(?:tracked|monitored|reviewed|checked)\s+(?:weekly|monthly|daily|fortnightly|quarterly|each\s+(?:week|month)|every\s+(?:week|month|day))\b|"
        r"\b(?:catch|spot|detect|watch\s+for|check\s+for)\s+(?:any\s+)?drift\b",
        r"\bsigns?\s+off\s+(?:on\s+)?(?:every|each)\s+\w+|\b(?:accepted|approved|checked|confirmed)\s+(?:or\s+\w+\s+)?by\s+a\s+(?:person|human|qualified\s+\w+)\b",
        # outputs checked against a rule book: "a legal review of the messages against the retail code", "options checked
        # against flight and duty limits"
        r"\b(?:review\w*|check\w*|assess\w*|validat\w*)\s+(?:[\w-]+\s+){0,4}?against\s+(?:the\s+|our\s+|its\s+)?(?:[\w'\u2019-]+\s+){0,4}?"
        r"(?:law|laws|code|guidance|polic(?:y|ies)|rules|regulations?|limits|standards?|obligations|requirements)\b",
        # other controls in plain words: "nothing would be published without a person checking it", "every draft was reviewed
        # by the duty officer before issue", "Credit Risk independently validated the model", "reviews model drift monthly",
        # "a monthly precision/recall check", "IT security to check the set-up" (a spot check of accuracy is evaluation, not a control)
        r"\b(?:nothing|no\s+[\w-]+)\s+(?:would\s+be|will\s+be|is|was|gets?)\s+(?:published|sent|issued|released|posted|filed)\s+without\s+(?:a\s+|an?\s+)?(?:person|human|someone|[\w-]+er|[\w-]+or)\b|"
        r"\b(?:every|each|all)\s+(?:[\w-]+\s+)?(?:drafts?|outputs?|letters?|summar(?:y|ies)|plans?|notices?|briefings?|repl(?:y|ies)|answers?|reports?|rosters?|routes?)\s+(?:was|is|were|are|will\s+be)\s+"
        r"(?:\w+\s+)?(?:reviewed|checked|approved|read|signed\s+off)\s+(?:by\s+(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+)?\s+)?before\b|"
        r"\b(?:checks?|reviews?|approves?)\s+(?:every|each)\s+(?:[\w-]+\s+)?(?:drafts?|outputs?|letters?|summar(?:y|ies)|plans?|notices?)\s+before\b",
        r"\bindependently\s+(?:validated|reviewed|tested|checked|assured)\b|\b(?:reviews?|reviewed|checks?|checked|monitors?|monitored)\s+(?:the\s+)?(?:model\s+)?drift\b|"
        r"\b(?:weekly|monthly|daily|quarterly|fortnightly)\s+(?:accuracy|precision|recall|precision/recall|error|performance|quality|drift|model)\b[\w/ -]{0,20}?\b(?:checks?|reviews?)\b|"
        r"\bcheck\w*\s+(?:the\s+)?(?:model(?:'s)?\s+)?(?:performance|accuracy)\s+(?:weekly|monthly|daily|fortnightly|quarterly|every\s+(?:week|month))\b",
        r"\b(?:IT|information|cyber)\s+security\b|"
        r"\bdata\s+(?:retention|deletion|minimi[sz]ation|residency|sovereignty)\b",
    )),
)

# --------------------------------------------------------------------------- R07 architectural fit

# "Integration" of teams, organisations or the pilot's own code: not integration with adjacent systems.
INTEGRATION_OTHER_SENSE = rx(
    r"\bintegrat\w*\s+(?:of\s+)?(?:the\s+)?(?:teams?|staff|people|cultures?|departments|functions|organisations|communities|services|care)\b",
    r"\bintegrat\w*\s+of\s+(?:[\w'-]+\s+){0,4}?(?:teams?|desks?|companies|firms|businesses|organi[sz]ations|departments|offices|branches|units)\b",
    r"\bintegrated\s+care\b|\bsocial\s+integration\b|\bintegrat\w+\s+(?:feedback|findings|views|perspectives|insights)\b",
    # organisations integrating (a merger, a collaboration between forces), not systems
    r"\b(?:back[- ]office|post[- ]merger|organi[sz]ational|corporate|business)\s+integration\b|\b(?:merger|acquisition|collaboration\s+agreement|takeover)\b",
    # components of the pilot's own code, not adjacent systems
    r"\bintegrat\w*\s+(?:\w+\s+){0,3}?(?:with|into)\s+(?:the\s+|a\s+|an\s+)?(?:new\s+)?(?:[\w-]+\s+){0,3}?(?:loader|library|libraries|module|codebase|code\s+base|"
    r"functions?|class|script|package|notebook|framework|repository|repo|branch|data\s+format)\b",
)
NAMED_SYSTEM = (
    r"(?:CRM|ERP|EHR|EPR|PAS|core\s+(?:banking|system|platform)|claims\s+(?:system|platform|management\s+system)|policy\s+(?:admin\w*|system)|"
    r"case\s+management\s+(?:system|platform|tool)|billing\s+system|ledger|ticketing\s+(?:system|tool)|telephony|contact\s+cent(?:re|er)\s+platform|"
    r"Salesforce|(?-i:SAP|Dynamics|Oracle|Epic|Teams|Outlook|Pega)|ServiceNow|Guidewire|Workday|Cerner|Zendesk|Genesys|SharePoint|"
    r"workflow\s+(?:system|tool|platform)|document\s+management\s+system|collections\s+(?:system|platform)|dialler|dialer|payments?\s+(?:system|platform)|"
    r"(?:existing|legacy|adjacent|downstream|upstream|internal|operational|line[- ]of[- ]business|back[- ]office|front[- ]office)\s+(?:systems?|platforms?|applications?|tools?))"
)
INTEGRATION_PATTERNS: tuple[str, ...] = (
    rf"\bintegrat\w*\s+(?:\w+\s+){{0,4}}?(?:with|into|in)\s+(?:the\s+|our\s+|their\s+|existing\s+)?(?:\w+\s+){{0,3}}?{NAMED_SYSTEM}",
    # integration with something that is a system: a system noun, or a product name / acronym
    r"\bintegrat(?:ed|ion|ing|e)\s+(?:\w+\s+){0,3}?(?:with|into)\s+(?:the\s+|our\s+|their\s+|existing\s+)?"
    r"(?:(?:[\w'-]+\s+){0,3}?(?:system|systems|platform|CRM|ERP|database|record|records|portal|ledger|queue|worklist|application|app|service|workflow\s+tool)\b"
    r"|(?-i:(?!UI\b|API\b|AI\b|ML\b|LLM\b)[A-Z][A-Za-z]*[A-Z][\w']*|(?!UI\b|API\b|AI\b|ML\b|LLM\b)[A-Z]{2,}\b))",
    r"\b(?:connect(?:ion|ed|ing|or|ors)?|interfaces?|link(?:s|ing|ed)?)\s+(?:\w+\s+){0,2}?(?:to|with|into|from)\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}?(?:system|platform|CRM|ERP|WMS|PAS|EHR|EPR|RIS|PACS|database|record|portal|ledger|software)\b",
    r"\bfeeds?\s+(?:\w+\s+){0,2}?(?:to|into)\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}?(?:system|platform|CRM|ERP|WMS|PAS|EHR|EPR|database|record|portal|ledger)\b",
    # outputs delivered where people already work, or consumed by another system
    r"\b(?:appears?|appearing|shown|displayed|surfaced|delivered|presented|served)\s+(?:\w+\s+){0,2}?(?:in|inside|within|on)\s+(?:the\s+|their\s+|its\s+|our\s+)?(?:[\w'-]+\s+){0,4}?"
    r"(?:system|workstation|work\s+queue|queue|worklist|screen|desktop|application|record|case\s+file|CRM|ERP)\b",
    r"\bconsumed\s+by\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:system|platform|service|application|server)\b|\b(?:published|posted|emitted)\s+(?:on|to)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:event|message)\s+bus\b",
    r"\b(?:sits?|runs?|placed)\s+behind\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:API|service|server|gateway)\b",
    r"\b(?:CRM|ERP|WMS|PAS|EHR|EPR|RIS|PACS|DMS)\s+(?:\([^)]{1,30}\)\s+)?(?:[\w-]+\s+)?(?:connection|integration|interface|link|feed|connector)\b|\b(?:automated|system|electronic)\s+interface\b|"
    r"\b(?:read-only|read/write|two-way|bi-?directional|write-back|API)\s+connectors?\b|\bconnectors?\s+(?:to|into|with)\b",
    r"\b(?:retriev\w+|pull\w*|read\w*|fetch\w*|look\w*\s+up)\s+(?:\w+\s+){0,4}?from\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}?(?:system|platform|CRM|ERP|database|record)\b",
    rf"\b{NAMED_SYSTEM}\s+(?:\w+\s+){{0,2}}?integrat\w+",
    r"\b(?:adjacent|downstream|upstream)\s+(?:systems?|processes|applications)\b|\bsystems?\s+integration\b|\bintegration\s+(?:with|into)\b",
    r"\bintegrat\w+\s+(?:it|them|the\s+(?:score|tool|model|output|assistant)s?)\s+(?:there|into\s+(?:it|them|that))\b",
    r"\b(?:embed\w*|built)\s+(?:in|into|inside|within)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:system|platform|workflow|tool|application|screens?|desktop|workstation|portal|app|case\s+records?)\b",
    r"\b(?:writes?|written|pushe[sd]|push|posts?|posted|feeds|fed|returns|returned|sent|sends)\s+(?:[\w,-]+\s+){0,8}?(?:back\s+)?(?:in)?to\s+(?:the\s+|each\s+)?(?:[\w'-]+\s+){0,4}?(?:system|systems|platform|CRM|ERP|record|records|ledger|case\s+file|work\s+queue|worklist)\b",
    r"(?-i:\b(?:pushed|sent|written|posted|fed|published)\s+(?:\w+\s+){0,4}?to\s+[A-Z][\w]+)",
    rf"\b(?:writes?|written|pushe[sd]|posted|fed|sent|returned|raised)\s+(?:[\w,-]+\s+){{0,8}}?(?:back\s+)?(?:in)?to\s+(?:the\s+)?{NAMED_SYSTEM}",
    r"\b(?:sees?|saw)\s+(?:[\w-]+\s+){0,4}?(?:in|on)\s+(?:the\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:screens?|worklists?|queues?|records?|desktops?)\b",
    # the tool's output becomes work in another system, or sits inside the screen people use
    r"\b(?:create|creates|created|raise|raises|raised|open|opens|opened)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:jobs?|tickets?|cases?|work\s+orders?|tasks?)\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:system|platform|queue|CRM|ERP|EPR|EHR)\b",
    r"\b(?:appear|appears|shown|displayed|sits?)\s+(?:in|inside|within)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:sidebar|side\s+panel|panel|pane|tab)\s+of\s+(?:the\s+)?[\w-]+",
    # an API or interface that lands in a system people use: "through the origination API into the existing loan screen"
    r"\b(?:APIs?|interfaces?|integration\s+layer|connectors?|gateway)\s+(?:\w+\s+){0,2}?(?:into|to)\s+(?:the\s+)?(?:existing\s+)?(?:[\w'-]+\s+){0,3}?(?:screens?|systems?|records?|queues?|platform|ERP|CRM|ledger|case|worklist)\b",
    # work done where people already work: "in their normal CMS screen", "logged in RIS", "served by an API to the product pages"
    r"\b(?:in|on|from|within)\s+(?:their|the|its|our)\s+(?:normal|usual|existing|everyday|day-to-day|regular|own)\s+(?:[\w-]+\s+){0,2}?(?:screens?|worklists?|queues?|views?|desktops?|records?|inbox|systems?|tools?)\b",
    r"(?-i:\b(?:logged|recorded|kept|stored|written|shown|flagged|raised|created|filed)\s+(?:\w+\s+){0,2}?(?:in|into|on)\s+(?:the\s+)?[A-Z]{2,5}\b(?!\s+(?:format|file)))",
    r"\bserved\s+(?:\w+\s+){0,2}?(?:by|through|via)\s+(?:an?\s+|the\s+)?API\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:pages?|apps?|site|screens?|systems?|portal)\b",
    # a named system reached through an interface: "raised in SAP PM through an interface", "from the ERP through its integration layer"
    r"(?-i:\b(?:in|into|from|to)\s+(?:the\s+)?[A-Z]{2,}[\w-]*(?:\s+[A-Z]{2,}[\w-]*)?\s+(?:through|via|using)\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:API|APIs|interface|connector|integration\s+layer))",
    r"(?-i:\b[A-Z]{2,}\w*\s+(?:calls|queries|consumes|reads|receives|displays|invokes)\b)",
    r"\b(?:to\s+)?work\s+from\s+(?:within|inside)\s+(?:the\s+|their\s+)?[\w'-]+|\b(?:sits?|embedded|runs)\s+(?:with)?in(?:side)?\s+(?:the\s+|their\s+|our\s+)?(?:[\w'-]+\s+){0,2}?(?:system|platform|CRM|ERP|workflow|queue|worklist|screen|desktop|application)\b",
    # results written back into the system of record, whatever it is called: "plans written back into the TOS",
    # "writes the roster back to both", "write-back to the billing exceptions queue"
    # (not a letter written back to a person: "we wrote back to the family within a day")
    r"\b(?:writ(?:es|e|ten|ing)|wrote|pushe[sd]|posted|fed)\s+(?:[\w,'-]+\s+){0,6}?back\s+(?:in)?to\s+"
    r"(?!(?:the\s+|each\s+|every\s+)?(?:customers?|clients?|famil(?:y|ies)|applicants?|members?|patients?|callers?|residents?|tenants?|people|them|him|her|us|me|you)\b)"
    r"(?:the\s+|each\s+|its\s+|both\b)?|\bwrite[- ]?backs?\s+(?:of\s+(?:[\w-]+\s+){1,3})?(?:in)?to\s+(?:the\s+)?[\w-]+",
)
R07 = ReasonRules(
    reason_id="R07",
    elements=(
        # split by case: the case-insensitive patterns run on the folded text (fast); the ones that need a capital run apart
        *case_split("integration with adjacent systems", INTEGRATION_PATTERNS, core=True, other_senses=INTEGRATION_OTHER_SENSE),
        Element("APIs or integration patterns", rx(
            r"\bAPIs?\b|(?-i:\bREST(?:ful)?\b)|\bwebhooks?\b|\bevent[- ]driven\b|\b(?:message|event|service)\s+(?:bus|queue|broker)\b|\bKafka\b|\bmiddleware\b|"
            r"\bmicroservices?\b|\bintegration\s+(?:patterns?|layer|architecture|design|platform|points?)\b|\bSSO\b|\bsingle\s+sign[- ]on\b|\binterfaces?\s+(?:with|to)\b",
        ), core=True, other_senses=rx(r"\b(?:UI|front[- ]?end|frontend|internal|its\s+own)\s+APIs?\b|\buser\s+interfaces?\b",
                                         # the price of calling a model's API is economics, not an integration pattern
                                         r"\bAPI\s+(?:hosting|costs?|fees?|charges?|pricing|prices?|spend|bills?|usage\s+costs?)\b")),
        Element("audit trail", rx(
            r"\b(?:stored|logged|kept|recorded|saved)\s+against\s+(?:the\s+|each\s+)?(?:ticket|case|record|claim|order|file|job|account)\b",
            r"\b(?:every|each|all)\s+(?:[\w-]+\s+){0,2}?(?:decisions?|recommendations?|scores?|outputs?|predictions?|rankings?|answers?|drafts?)\b[^.;]{0,60}?\b(?:is|are)\s+(?:logged|recorded|written\s+to)\b|"
            r"\baudit\s+(?:trails?|logs?|logging|history)\b|\b(?:decision|activity)\s+log(?:s|ging)?\b|\btraceab\w+\s+(?:of|for)\s+(?:\w+\s+){0,2}?(?:decisions?|recommendations?|outputs?|predictions?|actions?|overrides?)\b|\blog(?:s|ged|ging)?\s+(?:of\s+)?(?:every|each|all)\s+(?:decision|recommendation|output|prediction)s?\b",
        ), core=True),
        # the link to other systems as a test the pilot must pass: "PLC/MES connection was an acceptance criterion", "working
        # write-back is a pass criterion", "the round trip was an exit criterion"
        Element("integration in the success criteria", rx(
            r"\b(?:integrat\w*|write[- ]?backs?|written\s+back|writ\w*\s+(?:[\w-]+\s+){0,3}?back|round[- ]trip|end[- ]to[- ]end|connections?|interfaces?|links?|re-?key\w*|double[- ]keying|API)\b"
            r"[^.;]{0,120}?\b(?:acceptance|exit|success|pass(?:/fail)?|go[- ]live)\s+(?:criteri(?:on|a)|tests?|conditions?)\b",
            r"\b(?:acceptance|exit|success|pass(?:/fail)?|go[- ]live)\s+(?:criteri(?:on|a)|tests?|conditions?)\b[^.;]{0,120}?"
            r"\b(?:integrat\w*|write[- ]?backs?|written\s+back|round[- ]trip|end[- ]to[- ]end|connections?|interfaces?|re-?key\w*|double[- ]keying)\b",
        ), core=True),
        Element("customer journey or decision flow", rx(
            r"\b(?:customer|user|patient|citizen|claimant|member|applicant|end[- ]to[- ]end|marketing|digital|cloud|service|contact)\s+journeys?\b|\bjourneys?\s+in\s+\w+|\bdecision\s+(?:flows?|points?|process)\b|"
            r"\benterprise\s+architecture\b|\barchitecture\s+(?:review|board|design|diagram|fit)\b|\btarget\s+architecture\b|\bsolution\s+architecture\b",
        ), core=True),
    ),
    gap_cues=(Element("standalone demonstration", rx(
        r"\b(?:vendor'?s?|supplier'?s?|separate|own)\s+(?:web\s+)?(?:dashboard|portal|app)\b|\bin\s+a\s+(?:shared\s+)?spreadsheet\b|\bseparate\s+(?:browser\s+)?tab\b|"
        r"\bstand[- ]?alone\b|\bin\s+isolation\b|\bsandbox\w*\b|\bisolated\s+(?:environment|instance|system)\b|\boffline\s+(?:only|batch|environment|tool)\b",
        r"\b(?:CSV|Excel|spreadsheet)\s+(?:downloads?|exports?|files?)\b|\bdownload(?:ed)?\s+(?:\w+\s+){0,3}?as\s+(?:a\s+)?(?:CSV|spreadsheet|Excel)\b|"
        r"\bseparate\s+(?:[\w-]+\s+)?(?:tool|application|app|screen|window|web\s*page|portal|dashboard)\b|\bprinted\s+(?:\w+\s+)?(?:lists?|reports?|sheets?)\b|"
        r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:integrated|connected)\b|\bseparate\s+from\s+(?:the\s+)?(?:live|existing|production|core)\b|\bno\s+integration\b",
        r"\b(?:copy|copied|pasted?|re-?keyed|re-?entered|swivel[- ]chair)\s+(?:\w+\s+){0,4}?(?:into|to)\s+(?:the\s+)?\w+\s*(?:system|CRM|record)?",
    )),),
    addressed_min=2,
    require_any=("integration with adjacent systems",),
    deferred_status=Status.PARTIAL,
    gap_beats_peripheral=True,  # an API alone next to a standalone tool is not architectural fit
    gap_cancels=True,  # "Systems integration: Amber, standalone during pilot" is the gap, not integration
    repeat_counts=True,  # integration described in several places is designed, not just mentioned
    topic_beats_gap=True,
    topic=Element("where the tool sits among the systems people use", rx(
        # integration named, even as a need; not the portal or web page the pilot used (that is the gap), nor a user interface
        r"\bintegrat(?:e|ed|es|ing|ion|ions)\s+(?:[\w-]+\s+){0,4}?(?:with|into|to)\s+"
        r"(?!(?:(?:the|our|their|its)\s+)?(?:[\w-]+\s+)?(?:models?|UI|front[- ]end|components?|code|modules?|algorithms?|pipelines?|practice|workflows?|processes|routines?|ways|teams?|care)\b)[\w-]+",
        r"\bintegration\s+(?:approach|work|design|layer|requirements?|plan|effort|costs?|build|routes?|options?|path|will|would|is|was|has|must|should|needs?)\b|\b(?:systems?|IT|technical)\s+integration\b",
        r"\b(?:interfaces?|connections?|links?)\s+(?:with|to|into)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:system|platform|record|ERP|CRM|EPR|EHR|LIMS|PMS|playout|(?-i:[A-Z]{2,}\w*))\b",
        r"\b(?:proper|automatic|automated|direct|system|two-way|permanent)\s+(?:connections?|links?|interfaces?|integration)\b",
        r"\b(?:putting|getting|showing|displaying|surfacing)\s+(?:the\s+)?[\w-]+\s+(?:inside|into|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:system|platform|screen|record)\b|\bplug-?ins\b|\bplug-in\b|\badd-ins?\b",
        r"\bwrite[- ]?back\b|\binterface\s+between\b|\blink(?:ing)?\s+(?:[\w-]+\s+){0,4}?to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:systems?|platforms?|records?|(?-i:[A-Z]{2,}\w*))\b",
        # the outputs landing in a named system, even as a need: "would need to flow into the loan origination system",
        # "go straight into SAP", "be displayed in the case-management tool", "create work orders in Maximo", "writing outcomes back into PAS"
        # (base forms only: "will need to flow into X" is the need; "imagery flows into X" is data arriving, R04's subject)
        r"(?:\b(?:flow|feed)\s+(?:straight\s+|directly\s+|automatically\s+)?|(?<=\bgo\s)(?:straight|directly|automatically)\s+|"
        r"(?<=\bbe\s)(?:fed|loaded|written|pushed|posted|displayed|shown|surfaced)\s+(?:straight\s+|directly\s+|automatically\s+)?)in(?:to)?\s+"
        r"(?:the\s+|our\s+|their\s+|each\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:systems?|platforms?|tools?|records?|(?-i:(?!(?:Phase|Stage|Year|Month|Week|Wave|Step|Part|Section|Appendix|Annex)\b)[A-Z][\w-]+))",
        r"\b(?:create|raise|open|log)s?\s+(?:[\w-]+\s+)?(?:work\s+orders?|tickets?|jobs?|cases?|tasks?)\s+(?:automatically\s+)?in\s+(?-i:[A-Z][\w-]+)",
        r"\bwrit(?:e|es|ing)\s+(?:[\w-]+\s+){0,3}?back\s+(?:in)?to\b",
        r"\bsingle\s+sign[- ]on\b|\bSSO\b|\b(?:to|would|will|must|should|could)\s+(?:need\s+to\s+)?connect\s+(?:[\w-]+\s+){0,4}?to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?-i:[A-Z][\w-]+)",
        r"\bconnect(?:ing|ed|s)?\s+(?:[\w-]+\s+){0,4}?to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:tool|system|platform|workflow|portal|database|app|module)s?\b",
        # the need in other words: "a link between the planner and the theatre system", "an interface that raises a
        # notification in the maintenance system", "the forecast would also feed the booking shop", "suggestions would
        # show up inside the rota screen"
        r"\b(?:link|connection)s?\s+between\b|\b(?:an?|the)\s+interface\s+(?:that|which)\s+(?:would\s+|will\s+)?(?:raises?|creates?|sends?|posts?|writes?|pushes?|feeds?|passes?)\b|"
        r"\binterfaces?\s+(?:is|are|was|would\s+be)\s+(?:\w+\s+)?(?:feasible|possible|planned|needed|required)\b",
        r"\b(?:would|could|should|will|to)\s+(?:also\s+|later\s+)?feed\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,3}?(?:shop|system|platform|tool|model|portal|ERP|CRM)s?\b|"
        r"\bfeed\s+(?:the\s+)?(?:forecasts?|outputs?|scores?|results?|predictions?|recommendations?|requests?|alerts?|suggestions?|drafts?)\s+(?:\w+\s+){0,2}?(?:in)?to\b|"
        r"\b(?:show|appear|sit)s?\s+(?:up\s+)?(?:inside|within)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,4}?(?:system|platform|screen|record|tool|database)\b",
        r"\b(?:loaded|fed|written|pushed)\s+into\s+(?-i:[A-Z][\w-]+)",
        # a system connection named as a need (a data feed is R04's subject): "connecting the app
        # directly to our client record", "linking results to the job card in the ERP", "the interfaces to payroll",
        # "putting them on the operators' DCS screens", "create repair notifications in our maintenance system"
        r"\bconnect(?:ing|ed|s)?\s+(?:[\w'-]+\s+){0,4}?to\s+(?:the\s+|our\s+|their\s+|its\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:queues?|panels?|screens?|records?|tills?|(?-i:[A-Z]{2,}\w*|[A-Z][a-z]+[A-Z]\w*))\b",
        r"\blink(?:s|ed|ing)?\s+(?:[\w'-]+\s+){0,4}?to\s+(?:the\s+|our\s+|their\s+|its\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:tills?|screens?|job\s+cards?|apps?|databases?|queues?|modules?|systems?|platforms?)\b",
        r"\b(?:interfaces?|integrations?|connections?)\s+(?:to|with|into)\s+(?:the\s+|our\s+|their\s+)?(?:payroll|finance|HR|billing|booking|scheduling|rostering|ordering|purchasing|duty[- ]board|tills?)\b",
        r"\b(?:connections?|links?|integration|interfaces?)\s+(?:would|will|is|are|was)\s+(?:also\s+)?(?:be\s+)?(?:needed|required|necessary)\b|\bintegration\s+(?:quotes?|estimates?|project|phase)\b",
        r"(?-i:\b(?!AI\b|ML\b|LLM\b|GPU\b)[A-Z]{2,}\w*\s+integration\b)",
        r"\b(?:show|put|putting|showing|display|surface)\s+(?:the\s+|them\s+|it\s+)?(?:[\w-]+\s+){0,2}?(?:inside|into|in|on)\s+(?:the\s+|our\s+|their\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:system|platform|screens?|record)\b",
        r"\b(?:read|pull|take|draw|fetch)\w*\s+(?:[\w-]+\s+){0,2}?(?:directly|straight|automatically)\s+from\b|\bwrit(?:e|es|ing)\s+(?:[\w-]+\s+){0,2}?(?:straight|directly)\s+into\b",
        r"\b(?:create|raise|open|log)s?\s+(?:[\w-]+\s+){0,2}?(?:notifications?|work\s+orders?|tickets?|jobs?|cases?|tasks?|orders?)\s+(?:automatically\s+)?in\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:system|platform|ERP|CRM)\b",
        r"\b(?:send|push|post|pass)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}?to\s+(?:the\s+|our\s+)?(?:[\w'\u2019-]+\s+){0,2}?(?:tills?|handheld\s+devices|handhelds|devices)\b",
    ), other_senses=rx(r"\b(?:UI|user)\s+interfaces?\b|\bAPI\s+(?:hosting|costs?|fees?|charges?|pricing|prices?|spend|bills?)\b",
                       r"\bintegrat\w+\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+){0,2}?(?:teams?|organi[sz]ations?|forces|companies|businesses)\b",
                       INTEGRATION_OTHER_SENSE.pattern)),
)

# --------------------------------------------------------------------------- R08 change management

TRAINING_MODEL_SENSE = rx(
    r"\b(?:model|algorithm|classifier|network|LLM|embedding|weights|fine[- ]?tun\w*|epochs?|GPU)s?\b[^.;]{0,40}?\btrain",
    r"\btrain\w*\s+(?:\w+\s+){0,2}?(?:data|dataset|set|sets|split|loss|pipeline|examples|corpus|samples|labels|on\s+\d|on\s+(?:the\s+)?(?:historical|labelled|labeled|\d))\b|\btraining\s+runs?\b",
    r"\b(?:re-?train\w*|pre-?train\w*|trained\s+(?:model|classifier|on)|training\s+and\s+(?:test|validation)|train/test|train-test)\b",
    # reinforcement-learning agents "trained by simulating ... reward or penalty" are software, not staff
    r"\btrain\w*\s+(?:\w+\s+){0,3}?(?:by|through|via|using)\s+(?:\w+\s+){0,2}?(?:simulat\w+|self[- ]play|trial\s+and\s+error|exploration)|\brewards?\s+(?:or|and)\s+penalt|\breward\s+(?:functions?|signals?|models?)\b|\breinforcement\s+learning\b|\benvironment\s+states?\b",
)
# Not the people side of change: a metric or a place named "union", a regulator's incentive scheme, the change budget
# a pilot is funded from.
PEOPLE_CHANGE_OTHER_SENSE = rx(
    r"\bover[- ]union\b|\bunion\s+(?:square|street|station|road|terrace)\b|\bEuropean\s+Union\b|"
    r"\boutcome\s+delivery\s+incentives?\b|\bincentives?\s+(?:penalt\w+|payments?\s+to\s+customers)\b",
    r"\b(?:from|within|out\s+of|under)\s+(?:the\s+|our\s+|this\s+year's\s+)?(?:[\w-]+\s+)?change\s+(?:budget|portfolio|fund)\b",
)
R08 = ReasonRules(
    reason_id="R08",
    planned_status=Status.MISSING,  # a report that only recommends it leaves it for later: the rubric's missing
    elements=(
        Element("change management plan", rx(
            r"\bchange\s+(?:management|plan|programme|program|lead|leads|manager|network|impact\s+assessment|readiness|strategy|budget|team|champions?)\b",
            r"\benablement\s+(?:plan|programme|program|team|approach|lead|workstream)\b|\bchange\s+network\b|\bfloor[- ]?walkers?\b|"
            r"\b(?:organi[sz]ational|business|people|cultural)\s+change\b|\bchange\s+(?:and\s+)?adoption\b|\bchampions?\s+network\b|\bsuper[- ]?users?\b|\bchange\s+agents?\b",
        ), core=True, other_senses=PEOPLE_CHANGE_OTHER_SENSE),
        Element("training", rx(
            r"\btrain(?:ing|ed)?\b(?:\s+(?:for|of|to))?\s+(?:\w+\s+){0,3}?(?:staff|users|agents|colleagues|teams?|employees|handlers|advisers|advisors|clinicians|"
            r"caseworkers|operators|workforce|frontline|managers|nurses|officers|analysts|people|underwriters|collectors|participants|"
            r"associates|lawyers|attorneys|solicitors|paralegals|planners|dispatchers|technicians|engineers|recruiters|tutors|teachers|drivers)\b",
            r"\b(?:staff|user|end[- ]user|colleague|agent|employee|frontline|classroom|role[- ]based)\s+training\b|\btraining\s+(?:programme|program|plan|sessions?|materials?|courses?|modules?|needs|budget)\b",
            r"\btoolbox\s+talks?\b|\bwalk-?throughs?\s+(?:for|with)\b|\bhands-on\s+sessions?\b|\bshow-and-tell\b",
            # training given to people of any trade: "two days of training for the twelve pilot validators", "46 desk staff trained"
            r"\b(?:train(?:ing|ed)?|briefings?|sessions?|workshops?|courses?|inductions?|coaching|webinars?|walk-?throughs?)\s+(?:\w+\s+){0,2}?for\s+(?:the\s+|all\s+|our\s+|each\s+)?(?:[\w-]+\s+){0,3}?"
            r"(?:[a-z]+(?:ers|ors|ists|ians|ants|ents)|staff|desks|teams|nurses|users|officers|managers|agents|people|clinicians|clerks|crews|doctors|vets|surgeons|midwives|pharmacists|"
            r"branches|offices|sites|wards|depots|stores|clinics|shifts)\b",
            r"\b(?:[a-z]+(?:ers|ors|ists|ians|ants|ents)|staff|nurses|clerks|crews|doctors|vets)\s+(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?(?:trained|briefed|coached|inducted)\b",
            r"\b(?:staff|users|agents|teams|assessors|officers|administrators|employees|colleagues|handlers|drivers|caseworkers|advisers|nurses|clinicians|participants)\b[^.;]{0,60}?\b(?:will\s+be|were|are|get|got)\s+(?:trained|briefed)\b|\breceiv\w+\s+(?:[\w-]+\s+){0,4}?(?:briefing|training|induction|coaching)\b",
            r"\b(?:staff|users|agents|teams|officers|employees|colleagues|handlers|caseworkers|advisers|nurses|clinicians|managers)\s+(?:should|must|will|need\s+to)\s+(?:have|get|receive|be\s+given)\s+(?:\w+\s+){0,2}?training\b",
            r"\bupskill\w*|\breskill\w*|\be-?learning\b|\buser\s+guides?\b|\bone[- ]page\s+guides?\b|\bonboarding\s+(?:of\s+)?(?:staff|users)\b",
            r"\b(?:walk-?throughs?|drop[- ]in\s+sessions?|coaching|floor[- ]?walkers?)\b",
            r"\b(?:briefings?|workshops?|inductions?|demos?|demonstrations?|sessions?|introductions?)\s+(?:for|with|to)\s+(?:the\s+|all\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?:staff|users|agents|colleagues|teams?|employees|handlers|advisers|clinicians|caseworkers|operators|managers|nurses|officers|"
            r"analysts|underwriters|participants|associates|lawyers|planners|dispatchers|technicians|engineers|recruiters|tutors|drivers|leads)\b",
            r"\b(?:staff|team|user|pilot|site)\s+briefings?\b|\bbriefings?\s+and\s+training\b|\bbriefings?\b[^.;]{0,40}?\bfor\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:agents|staff|users|teams?|handlers|officers|drivers|technicians|planners)\b",
            r"\b(?:half|one|two|three|\d+)[- ](?:hour|day)\s+(?:[\w-]+\s+)?(?:sessions?|training|course|introduction|workshop|walk-?through|briefing|module)\b|\b(?:short|training)\s+module\b",
            # people taught to use it, in other words: "the graders on Line 2 were trained by the vendor", "received two short
            # sessions", "a lunch-and-learn", "a 15-minute briefing", "a one-hour demo", "a half-day induction", "hands-on training"
            r"\b(?:[a-z]+(?:ers|ors|ists|ians|ants|ents)|staff|nurses|clerks|crews|doctors|vets|teams?|desks?|people)\b[^.;]{0,40}?\b(?:were|was|have\s+been|had\s+been|will\s+be)\s+"
            r"(?:trained|briefed|coached|inducted|shown\s+(?:how|the\s+tool))\b|"
            r"\breceiv\w+\s+(?:[\w'\u2019-]+\s+){0,4}?(?:sessions?|demos?|demonstrations?|walk-?throughs?|training)\b|\blunch[- ]and[- ]learns?\b|\bhands-on\s+training\b|"
            r"\b(?:\d+|one|two|three|half)[- ](?:minute|hour|day)\s+(?:[\w-]+\s+)?(?:demos?|demonstrations?|onboarding|inductions?)\b",
            # "had two half-days of training with the supplier", "will have half a day of training", "had a one-hour orientation",
            # "the vendor will train the dentists, coordinators and reception staff"
            r"\b(?:had|have|has|got|attended|completed|were\s+given|was\s+given)\s+(?!been\b)(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?(?:training|orientation|induction|refresher)\b|"
            r"\btrain(?:s|ed|ing)?\s+(?:the|all|our|its|their)\s+(?:[\w-]+\s+)?(?:[a-z]+(?:ers|ors|ists|ians|ants|ents)|staff|nurses|clerks|crews|doctors|dentists|vets|midwives)\b",
        ), core=True, other_senses=TRAINING_MODEL_SENSE),
        Element("communications", rx(
            r"\bcommunications?\s+(?:plan|strategy|campaign|approach)\b|\bcomms\s+plan\b|\bstakeholder\s+(?:engagement|communications?)\s+plan\b|\btown[- ]halls?\b|\broadshows?\b|\bbriefings?\s+for\s+(?:staff|teams)\b",
        ), core=True),
        Element("adoption beyond early adopters", rx(
            r"\badoption\s+(?:rate|rates|tracking|metrics?|plan|targets?|curve|beyond|across|by|KPIs?|measures?|dashboard)\b|\bsized\s+(?:the\s+)?(?:roll[- ]?out|change|training|enablement)\b|"
            r"\b(?:all|about|around|some|over|nearly)\s+\d[\d,]*\s+(?:[\w-]+\s+){0,3}?(?:staff|administrators|agents|users|employees|colleagues|officers|advisers|handlers)\b[^.;]{0,30}?\b(?:affected|impacted|in\s+\d+\s+\w+)\b|\b(?:uptake|usage)\s+(?:rate|tracking|across|by\s+all)\b|"
            r"\bnon[- ]volunteers?\b|\b(?:all|every)\s+(?:\d[\d,]*\s+)?(?:staff|users|agents|handlers|advisers|caseworkers|colleagues|employees|branches|sites|teams)\b|"
            r"\binvolve\s+(?:some\s+|about\s+|around\s+|over\s+|nearly\s+)?\d[\d,]*\s+(?:agents|staff|users|colleagues|employees|advisers|caseworkers|people|officers|handlers)\b|"
            r"\b(?:roll[- ]?out|deploy\w*|extend\w*)\s+(?:\w+\s+){0,3}?to\s+(?:all|\d[\d,]*|the\s+wider|every|other)\b|\bresistance\b|\bsized\s+for\s+(?:scale|roll[- ]?out)\b",
            # the whole workforce, not the pilot group: "firm-wide rollout", "all 40 nurses ..., not only the pilot vehicles"
            r"\b(?:firm|company|organi[sz]ation|enterprise|network|group|business|bank|trust|council|force|fleet|division|site|country|nation|state|system|service)[- ]wide\s+(?:roll[- ]?out|training|adoption|programme|program|change)\b",
            r"\bnot\s+(?:only|just)\s+(?:the\s+)?(?:\w+\s+)?pilot\s+(?!phase|stage|period)[a-z]+s\b",
            # "not only the pilot group", "not just those in the two patches", "the remaining 79 vets", "a roll-out plan for all six lines",
            # "a change plan for all 140 Housing and Property Services staff"
            r"\bnot\s+(?:only|just)\s+(?:the\s+)?(?:pilot\s+(?:group|team|cohort|site|office|ward|depot|store|clinic)|those\s+(?:in|on|at)\s+the)\b|"
            r"\bthe\s+(?:other|remaining)\s+\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:staff|users|agents|people|employees|colleagues|workers|officers|nurses|vets|doctors|clinicians|teachers|drivers|engineers|planners|inspectors|packers|handlers|advisers|advisors|specialists|assessors|analysts|controllers|managers|operators|technicians|clerks|caseworkers|underwriters|coordinators|designers|editors|lawyers|paralegals|associates|pharmacists|radiographers|surveyors|dispatchers|recruiters|tutors|counsell?ors|masters|crews|teams)\b|\broll[- ]?out\s+plan\s+(?:for|covering|across)\s+(?:all|every)\b|"
            r"\b(?:plan|training|programme|program|briefings?)\s+(?:for|covering|across)\s+(?:all|every)\s+\d[\d,]*\s+(?:[\w&-]+\s+){0,4}?(?:staff|users|agents|people|employees|colleagues|workers|officers|nurses|vets|doctors|clinicians|teachers|drivers|engineers|planners|inspectors|packers|handlers|advisers|advisors|specialists|assessors|analysts|controllers|managers|operators|technicians|clerks|caseworkers|underwriters|coordinators|designers|editors|lawyers|paralegals|associates|pharmacists|radiographers|surveyors|dispatchers|recruiters|tutors|counsell?ors|masters|crews|teams)\b",
            r"\b(?:all|every)\s+\d[\d,]*\s+(?:[\w-]+,?\s+){0,4}?(?:staff|users|agents|nurses|teachers|clerks|officers|drivers|engineers|planners|radiographers|handlers|advisers|editors|lawyers|"
            r"associates|paralegals|colleagues|employees|people)\b[^.;]{0,80}?\b(?:train\w*|brief\w*|sessions?|workshops?|courses?|induct\w*|coach\w*|refresher\w*)\b",
        ), core=True),
        Element("role and incentive changes", rx(
            r"\b(?:role|job)\s+(?:changes|redesign|profiles|descriptions)\b|\bincentives?\b|\b(?:performance|team)\s+(?:metrics|objectives|targets|scorecards?)\s+(?:for|of)\s+(?:staff|agents|teams)\b|\b(?:trade\s+)?unions?\b|\bworks\s+council\b|\bHR\s+(?:consultation|business\s+partner)\b",
        ), other_senses=PEOPLE_CHANGE_OTHER_SENSE),
        Element("budget for change", rx(
            r"\b(?:change|training|adoption|communications|enablement)\s+(?:budget|costs?|spend|investment|FTEs?|resourc\w+)\b|\bbudget\w*\s+(?:[£$€]?[\w,.]+\s+){0,3}?(?:for|of)\s+(?:\w+\s+){0,2}?(?:change|training|adoption|enablement)\b|"
            r"[£$€]\s?\d[\d,.]*\s*(?:k|m|bn|million|thousand|lakh|crore)?\s+(?:\w+\s+){0,4}?(?:change|training|adoption)\b",
        ), core=True, other_senses=PEOPLE_CHANGE_OTHER_SENSE),
    ),
    gap_cues=(Element("pilot users only", rx(
        r"\bvolunteers?\b|\bearly\s+adopters?\b|\bself[- ]selected\b|\benthusiasts?\b|\bhand[- ]?picked\b|\bpilot\s+(?:users|cohort|group)\s+only\b",
        r"\bpilot\s+(?:agents|users|staff|officers|teams|cohort|group|participants|site|handlers|planners|technicians)\b",
    )),),
    addressed_min=2,
    require_any=("adoption beyond early adopters", "budget for change"),
    deferred_status=Status.MISSING,
    gap_status=Status.MISSING,
    topic=Element("preparing people for the change", rx(
        # not "training", "onboarding" or "communications": a model, a vendor and a team have those too
        r"\b(?:briefings?|briefed|workshops?\s+(?:for|with)\s+(?:staff|users|teams?|the\s+\w+)|drop[- ]in\s+sessions?|"
        r"user\s+guides?|quick[- ]reference\s+(?:cards?|guides?)|champions?|super[- ]?users?|newsletters?|town\s+halls?|roadshows?|"
        r"engagement\s+(?:with\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?(?:staff|users|teams?|employees|colleagues|unions?|workforce|managers|frontline|crews|nurses)|sessions?|plan)|staff\s+(?:engagement|consultation|feedback)|unions?|works\s+council|consultation\s+with\s+staff)\b",
    ), other_senses=rx(TRAINING_MODEL_SENSE.pattern, PEOPLE_CHANGE_OTHER_SENSE.pattern)),
)

# --------------------------------------------------------------------------- R09 real-world testing

_COUNT = r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)"
# people of a trade ("inspectors", "clerks", "clinicians"), not things that end alike ("orders", "sensors", "lists")
_PEOPLE = (r"(?:(?!(?:orders|numbers|letters|others|centers|errors|factors|doors|floors|sensors|monitors|meters|filters|parameters|"
           r"layers|containers|folders|papers|chapters|matters|quarters|headquarters|registers|trailers|tankers|computers|servers|"
           r"printers|scanners|trackers|colors|colours|vendors|suppliers|customers|lists|cases|files)\b)[a-z]+(?:ers|ors|ists|ians)|"
           r"staff|crews|clerks|nurses|officers|teams|agents|users|doctors|vets|midwives|pharmacists|colleagues|employees|personnel|people)")

R09 = ReasonRules(
    reason_id="R09",
    elements=(
        Element("production data or live operations", rx(
            r"\bproduction\s+(?:data|environment|systems?|traffic|conditions|volumes?|settings?|integrations?)\b|\bin\s+production\b|\bin\s+live\b",
            r"\blive\s+(?:data|environment|operations?|traffic|cases|customers|calls|claims|service|systems?|setting|conditions|use|trial|pilot|"
            r"deployment|consultations?|queues?|workloads?|applications|shipments|subscribers|website|site|public|chat|requests|orders|jobs|work|"
            r"caseload|basis|patients|examinations|referrals|accounts|vacancies|randomi[sz]ed|test|testing|a/b|holdout)\b",
            # "live" as an adjective before any work noun ("two live buy-side matters", "live mobile clinics"), not the verb
            # ("people who live far from a clinic") and not a future service
            r"(?<!\bwho\s)(?<!\bto\s)(?<!\bthey\s)(?<!\bwe\s)(?<!\bpeople\s)\blive\s+(?!(?:in|far|with|near|at|on|alone|longer|by|off|up|out|through|within|outside|beyond)\b)"
            r"(?:[\w-]+\s+){0,2}?(?:(?!(?:has|was|is|does|this|its|his|as|us|thus|plus|less|unless)\b)[\w-]+s|"
            r"correspondence|mail|post|casework|traffic|demand|stock|inventory|footage|audio|video|weather|data|caseload|workload)\b",
            r"\blive\s+on\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:site|website|web|app|platform|channel|line|service|network)\b|\b(?:went|go|goes|going|gone|been)\s+live\b|\blive\s+routing\b",
            # live work of any kind, with up to two qualifiers ("live member queries", "live irregular-ops disruptions")
            r"\blive\s+(?:[\w-]+\s+){0,2}?(?:disruptions?|incidents?|alerts?|queries|enquiries|inquiries|messages|conversations|"
            r"tickets|bookings|transactions|auctions?|inventory|declarations|payments|invoices|events|streams?|feeds?|volumes?|workload|demand|operations|services)\b",
            r"\b(?:runs?|ran|running|run|tested|trialled|trialed|operat\w+)\s+(?:\w+\s+){0,2}?for\s+real\b|\bunder\s+real\s+(?:traffic|load|conditions|volumes?)\b|\breal\s+(?:[\w-]+\s+)?(?:traffic|conversations?|queries|enquiries|messages|incidents|disruptions)\b",
            r"\bA/B\b|\bmatched\s+control\b|\bagainst\s+(?:a\s+|the\s+)?(?:random\s+|matched\s+)?(?:control|hold[- ]?out)\b",
            r"\breal\s+(?:prospective\s+|live\s+|current\s+)?(?:customers|cases|calls|claims|users|patients|applications|operational|time\s+data|consultations?|responses|"
            r"workloads?|transactions|subscribers|prospects|shipments|accounts|requests|orders|jobs|vacancies|letters|students|tenants|visitors|"
            r"members|candidates|referrals|examinations|invoices|repairs|faults)\b|"
            # "handled real broker applications", "on real supplier invoices" (not "real historical applications": a replay)
            r"\b(?:handled|processed|used\s+(?:it\s+)?on|worked\s+on|checked|scored|triaged)\s+real\s+(?!(?:executed|past|closed|historical|archived|completed|old|anonymi[sz]ed)\b)[\w-]+\s+"
            r"(?:customers|cases|calls|claims|applications|transactions|shipments|accounts|requests|orders|jobs|letters|referrals|invoices|repairs|faults|queries|enquiries|bookings)\b|\breal[- ]world\s+(?:data|conditions|settings?|use|usage|deployment|testing|test|environment|operations?|cases|trial)\b|\bin\s+the\s+real\s+world\b",
            r"\bcanary\s+(?:release|deployment|rollout|roll-out|test\w*|group|cohort)\b|\bchampion[- /]+challenger\b|\b(?:small|random)\s+(?:share|slice|percentage|fraction)\s+of\s+(?:live|real|production)\b|"
            r"\bA/B\s+test\w*|\brandomi[sz]ed\s+controlled\s+trial\b|\bRCT\b|\bfield\s+(?:trial|test)\b|\bgo[- ]live\b|\bwent\s+live\b|"
            r"\bdeployed\s+(?:to|in|into)\b|\broutine\s+(?:operations|use|practice|work)\b|\bin\s+routine\b",
            r"\boperational\s+(?:environment|conditions|data|use)\b|\bday[- ]to[- ]day\s+(?:work|operations|use)\b|\bbusiness[- ]as[- ]usual\b|"
            r"\bas\s+part\s+of\s+(?:their|the)\s+(?:normal|usual|day[- ]to[- ]day|regular)\s+(?:role|work|job|duties|shifts?|rotas?|rosters?|operations|routine|workload)\b",
            r"\b(?:ran|runs|running|operated|operates|worked|was\s+used|were\s+used)\s+(?:[\w-]+\s+){0,4}?(?:on|across|for)\s+(?:all|every|each)\s+(?:two\s+|three\s+|four\s+|\d\s+)?shifts\b",
            # live work in general words: "the trial was live from the first day", "they run on the live plant",
            # "on every new scan coming off the line", "four in-service trains", "as part of their normal queue"
            r"\b(?:was|were|is|are)\s+live\s+(?:from|for|since|on|at|in\s+(?:all|both|the\s+\w+\s+(?:sites|depots|wards|stores|branches)))\b|"
            r"\b(?:on|in|into|against)\s+(?:the\s+)?live\s+(?:[\w-]+\s+)?(?:plant|line|system|site|queue|network|fleet|floor|desk|ward|service|process|platform|estate|register)\b|"
            r"\b(?:on|to|for|against)\s+every\s+(?:new|incoming)\s+[\w-]+|\bin[- ]service\s+(?:[\w-]+\s+){0,3}?(?:trains?|vehicles?|buses|aircraft|vessels?|units?|EMUs|fleet|assets?|turbines?)\b|"
            r"\bas\s+part\s+of\s+(?:their|the)\s+(?:normal|usual|day[- ]to[- ]day|regular)\s+(?:queue|caseload|worklist|workflow)\b",
            # the tool used on real work in general words: "used it on real motor claims", "the schedules were used
            # for real", "we ran the forecaster live" (past tense only: "once it is used for real", "before using
            # it for real" are plans)
            r"(?<!\bis\s)(?<!\bbe\s)(?<!\bbeing\s)\b(?:used|ran|applied|tested|trialled|trialed|worked)\s+(?:it|them|the\s+[\w-]+(?:\s+[\w-]+)?)?\s*(?:on|for|with)\s+"
            r"(?:their|its|our|the)?\s*real\s+(?:[\w-]+\s+){0,2}?[\w-]+s\b|"
            r"\b(?:was|were|been)\s+used\s+for\s+real\b|\b(?:ran|operated|tested|trialled|trialed)\s+(?:it|them|the\s+[\w-]+)\s+live\b",
            # "the pilot runs live at three sites", "the model ran live throughout the season", with real decisions hanging on it
            r"\b(?:runs?|ran|running|operat(?:es|ed|ing))\s+live\b(?!\s+(?:music|shows?|events?|in\s+\w+\s+(?:homes|houses|flats)))|\breal\s+(?:[\w-]+\s+){0,2}?decisions\b",
            # "twelve weeks in normal production", "on the live roster", "the live credit decision", "in their normal work",
            # "this was the real thing"
            r"\b(?:normal|regular|routine|real|full[- ]scale)\s+production\b(?!\s+(?:line|company|team|costs?)\b)",
            r"\blive\s+(?:[\w-]+\s+){0,2}?(?:roster|rota|inbox|decision|reporting|production|evaluation|schedule|timetable)\b|\bthe\s+real\s+thing\b",
            # ("day-to-day" written out, so that the prefilter keys on these adjectives, not on "their" or "its", which occur everywhere)
            r"\bin\s+(?:their|its|our|his|her)\s+(?:normal|usual|day-to-day|everyday|regular)\s+(?:work|jobs?|duties|shifts?|operations|routine)\b",
        ), core=True, other_senses=rx(r"\bproduction\s+(?:line|company|team|values?|costs?\s+of\s+goods)\b|\bfilm\s+production\b",
                                      # the cost of running in production is economics, not a live test
                                      r"\b(?:costs?|estimate[sd]?|spend|budget|price)\b[^.;]{0,60}?\b(?:in\s+production|at\s+production\s+volumes?|production\s+volumes?)\b",
                                      # a replay "as if it had been live" is not live
                                      r"\bas\s+if\s+(?:it|they)\s+(?:had\s+been|were|was)\s+live\b",
                                      # live broadcasting: a programme type, not live operation of the tool
                                      r"\blive\s+(?:news|sports?|broadcasts?|music|entertainment|shows?|television|TV|radio|coverage)\b",
                                      # "any live service that follows": a future service, not a live test
                                      r"\b(?:any|a\s+future|an\s+eventual|subsequent|later)\s+live\b")),
        Element("real handoffs", rx(
            r"\bhand[- ]?offs?\b|\bhandovers?\s+(?:to|between|from)\b|\bescalat\w+\s+(?:\w+\s+){0,2}?to\s+(?:a\s+|the\s+)?(?:human|agent|caseworker|staff|team|specialist)\b|\bend[- ]to[- ]end\s+(?:process|test|testing|journey)\b",
        ), core=True),
        Element("non-volunteer users", rx(
            r"\bnon[- ]volunteers?\b|\b(?:randomly|random)\s+(?:selected|assigned|allocated)\s+(?:\w+\s+)?(?:staff|agents|users|teams?|caseworkers|handlers|advisers|officers|branches|sites|wards|participants|customers|accounts|stores)\b|"
            r"\b(?:staff|agents|users|teams|caseworkers|handlers|advisers|officers|branches|sites|wards|participants|customers|accounts|stores)\s+(?:were\s+|was\s+)?(?:randomly|random)\s+(?:selected|assigned|allocated)\b|\bnot\s+(?:an?\s+)?(?:self[- ]selected|volunteers?)\b|\bhad\s+not\s+volunteered\b|\bmandatory\s+use\b|"
            r"\b(?:all|every|whole)\s+(?:\d[\d,]*\s+)?(?:agents|staff|users|caseworkers|handlers|advisers|teams?|branches|sites|wards|recruiters|planners|"
            r"dispatchers|tutors|officers|lawyers|underwriters|radiographers|engineers|technicians|nurses|clinicians|counsell?ors|colleagues|employees)\b|"
            r"\b(?:all|every|whole)\s+(?:the\s+)?(?:\d[\d,]*\s+)?(?:[\w-]+\s+){1,2}?(?:agents|staff|users|caseworkers|handlers|advisers|advisors|officers|controllers|administrators|managers|team|teams)\s+(?:on\s+(?:shift|duty)|rostered|in\s+(?:those|the|each)\b)|"
            r"\b(?:all|every)\s+(?:rostered|on[- ]shift|on[- ]duty)\s+\w+|\b(?:nobody|no\s+one|none)\s+(?:\w+\s+)?opted\s+in\b|\bno\s+opt[- ]in\b|\bnot\s+(?:just|only)\s+(?:\w+\s+)?volunteers\b|\bno\s+volunteers\b|"
            r"\b(?:regular|normal|usual|rostered)\s+(?:[\w-]+\s+)?(?:crews|staff|shifts|teams|operators|agents|users|handlers|planners)\b|"
            r"\b(?:not|never)\s+(?:\w+\s+){0,2}?(?:asked|invited|required)\s+to\s+opt\s+in\b|\bwithout\s+opting\s+in\b|\bdid\s+not\s+(?:have\s+to\s+)?opt\s+in\b|"
            r"\bwhole\s+teams\b|\brather\s+than\s+volunteers\b|\bas\s+part\s+of\s+(?:their|the)\s+(?:normal|usual)\s+(?:role|work|job|duties)\b",
            # everyone of a trade at work with the tool: "all nine clerks used the tool on every shift", "with all
            # their field officers", "all 23 inspectors worked with it"
            rf"\b(?:all|every)\s+(?:of\s+)?(?:the\s+|their\s+|its\s+|our\s+)?(?:{_COUNT}\s+)?(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\b[^.;]{{0,60}}?"
            r"\b(?:used|uses|using|worked|works|working|took\s+part|take\s+part|participat\w+|tried|trialled|tested)\b|"
            rf"\bwith\s+(?:all|every)\s+(?:of\s+)?(?:the\s+|their\s+|its\s+|our\s+)?(?:{_COUNT}\s+)?(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\b",
            # nobody chose to take part: "not a selected team", "there was no selection", "participation was assigned,
            # not voluntary", "were not asked whether they wished to take part"
            r"\bnot\s+(?:a|an|the)\s+(?:selected|chosen|hand[- ]?picked|test|trial|special|volunteer)\s+(?:team|group|cohort|few|panel|subset)\b|"
            r"\bno\s+(?:selection|cherry[- ]picking)\b|\bparticipation\s+(?:was|is|will\s+be)\s+(?:assigned|mandatory|compulsory|required)\b|\bnot\s+voluntary\b|"
            r"\b(?:not|never)\s+(?:\w+\s+){0,2}?asked\s+(?:whether|if)\s+they\s+(?:wanted|wished|would\s+like)\b|"
            r"\b(?:nobody|no\s+one|none\s+of\s+them)\s+(?:was|were)\s+(?:picked|selected|chosen|hand[- ]?picked)\b|\bno\s+picking\s+and\s+choosing\b|\bnobody\s+volunteered\b",
        ), core=True),
        Element("messy reality tested", rx(
            r"\b(?:dirty|messy|noisy|incomplete|poor[- ]quality)\s+(?:data|records|inputs?|values)\b|\bedge\s+cases?\b|\bstress[- ]test\w*|\bload[- ]test\w*|\bfailure\s+modes?\b",
        )),
    ),
    gap_cues=(
        # Some realism (partial): real historical data, shadow running, volunteers on live work.
        Element("real historical data or shadow running", rx(
            r"\breal\s+(?:executed|past|closed|historical|archived|completed|signed|anonymi[sz]ed|incoming)\s+\w+|"
            r"\b\d[\d,]*\s+(?:executed|closed|past|historical|completed|signed|archived|resolved)\s+[\w-]+|"
            r"\bhistorical\s+(?:[\w-]+\s+){0,2}?(?:data|extracts?|datasets?|records|cases|claims|calls|requests|sales|history)\b|\b(?:sales|POS|transaction|claims)\s+history\b|"
            r"\bback[- ]?test\w*|\bretrospective(?:ly)?\b|\bpast\s+(?:data|cases|consultations?)\b|\bshadow\s+(?:mode|running|scoring|deployment|basis)\b|\bin\s+shadow\b|\bparallel\s+(?:run|running)\b",
            r"\b(?:run|ran|running|runs|operated|used)\s+in\s+parallel\b|\bobserve[- ]only\b|\b(?:silent|observation|advisory[- ]only)\s+mode\b|"
            r"\b(?:ran|runs|running|run)\s+(?:[\w-]+\s+){0,3}?in\s+the\s+background\b",
            # run beside the normal way of working, not instead of it: shadow running in other words
            r"\b(?:alongside|in\s+parallel\s+(?:with|to)|side\s+by\s+side\s+with)\s+(?:the\s+|their\s+|our\s+)?(?:[\w-]+['\u2019]s\s+)?(?:normal|usual|existing|current|old|manual|standard|regular)\b|"
            # "forecasts run alongside the planners", "run it alongside our usual hand-built rota", "run alongside the phone booking process"
            r"\b(?:runs?|ran|running|run|operated|used)\s+(?:it\s+|them\s+)?alongside\s+(?:the\s+|our\s+|their\s+)?(?:[\w'\u2019-]+\s+){0,2}?"
            r"(?:planners|process|rota|roster|grading|booking|team|staff|clerks|operators|schedulers|dispatchers|inspectors|graders|method|plan|forecasts?)\b",
            # shadow running in other words: "Mode: shadow", "the forecast was shadow-run", "in parallel with the planners' own
            # plan", "the desk did not see its output", "the forecasts were not used to place orders", "told not to act on it"
            r"\bmode\s*:\s*shadow\b|\bshadow[- ]run\w*|\bin\s+parallel\s+with\s+(?:the\s+|their\s+)?(?:[\w'\u2019-]+\s+){0,2}?own\b|"
            r"\b(?:did\s+not|didn't|never)\s+(?:see|use|act\s+on)\s+(?:the\s+|its\s+|any\s+|[\w-]+['\u2019]s\s+)?(?:outputs?|forecasts?|flags?|alerts?|recommendations?|plans?|suggestions?|scores?)\b|"
            r"\b(?:were|was)\s+not\s+used\s+to\s+(?:place|make|set|decide|plan|dispatch|schedule|price|allocate)\b|\btold\s+not\s+to\s+act\s+on\b|\bnobody\s+acted\s+on\b",
        )),
        Element("volunteer or self-selected users", rx(
            r"\bvolunteer(?:s|ed)?\b|\bearly\s+adopters?\b|\bhand[- ]?picked\b|\bself[- ]selected\b|\bopted\s+in\b|\bopt[- ]in\b|\benthusiasts?\b",
            # users someone chose for the pilot are not the workforce at large
            r"\bhand[- ]?selected\b|\bnominated\s+(?:by|for)\b|\b(?:have|has|were|was|been)\s+nominated\b|"
            r"\bnominated\s+(?:\d+\s+|a\s+few\s+|two\s+|three\s+|four\s+|five\s+|six\s+)?(?:[\w-]+\s+){0,2}?(?:[\w-]+ers|[\w-]+ists|staff|agents|officers|teams|users|nurses|clinicians)\b|\bchosen\s+by\s+(?:their|the)\s+(?:manager|team\s+leaders?|supervisors?|heads?)\b",
            r"\basked\s+to\s+(?:take\s+part|join|be\s+(?:involved|included|part\s+of))\b|\boffered\s+to\s+(?:run|use|try|trial|test|pilot)\b|\bput\s+(?:themselves|their\s+names?)\s+forward\b|\bsigned\s+up\s+(?:for|to)\b|\braised\s+(?:a|their)\s+hands?\b|\bkeen\s+(?:users|staff|teams?|volunteers)\b",
        )),
        # No realism (missing): synthetic, curated or anonymised sets in a sandbox.
        Element("sandbox, synthetic or curated data", rx(
            r"\bsandbox\w*\b|\bsynthetic\s+(?:\w+\s+)?(?:data|submissions|cases|records|examples|documents)\b|\bcurated\s+(?:data|dataset|sample|set)\b|\banonymi[sz]ed\s+(?:[\w-]+\s+){0,2}?(?:data|documents|cases|records|set|sample|NDAs|files)\b|"
            r"\bcop(?:y|ies)\s+of\s+(?:the\s+)?(?:\d[\d,]*\s+)?(?:closed|past|historical|old|archived|completed|sample)\b|\bsample\s+(?:[\w-]+\s+)?(?:pasted|copied)\b|\bpasted\s+(?:in\s+)?(?:a\s+)?(?:sample|example)s?\b|"
            r"\boffline\s+(?:evaluation|test\w*|environment|analysis)\b|\btest\s+environment\b|\bsimulat\w+|\bcontrolled\s+environment\b|\blab\s+(?:setting|conditions)\b",
            r"\btest\s+(?:calls?|numbers?|accounts?|cases|users|scripts?|tenant|instance|site)\b",
            # replayed or stripped data: "as if it had been live", "identifiers removed"
            r"\bas\s+if\s+(?:it|they)\s+(?:had\s+been|were|was)\s+live\b|\breplay(?:ed|ing|s)?\b|\b(?:identifiers|names)\s+(?:were\s+|was\s+|will\s+be\s+|are\s+)?(?:removed|stripped)\b|\bde-?identified\b",
        )),
    ),
    addressed_min=1,
    require_any=("production data or live operations",),
    deferred_status=Status.PARTIAL,
    gap_status=Status.MISSING,
)

# --------------------------------------------------------------------------- R10 AI portfolio owner

PORTFOLIO_OTHER_SENSE = rx(
    r"\b(?:loan|mortgage|credit|lending|property|real\s+estate|investment|asset|insurance|policy|customer|client|product|brand|"
    r"housing|equity|bond|fund|estate|project\s+management|care|patient|debt|receivables|book|retail|commercial)\s+portfolios?\b",
    r"\bportfolio\s+(?:of\s+(?:[\w-]+\s+){0,2}?(?:loans|mortgages|properties|assets|customers|clients|products|policies|investments|debt|accounts|brands|titles|sites|stores|hotels|homes)|managers?\s+(?:in|at)\b|returns|yield|risk\s+weighted)",
    r"\b(?:commodity|commodities|stock|share|pension|scheme|trading|brand|product|title|energy|generation|asset|exploration|mining|land)\s+portfolios?\b",
    r"\bportfolio\s+compan(?:y|ies)\b",
    # a portfolio of anything else, in the writer's own noun: "the route portfolio", "our backlist portfolio", "a
    # portfolio of 60 blocks", "the study portfolio" (not an AI, data, digital or project portfolio, nor "our portfolio")
    r"(?<!['\u2019])(?<!\bdigital\s)(?<!\bAI\s)(?<!\bdata\s)(?<!\binnovation\s)\b"
    r"(?!(?:AI|ML|GenAI|data|analytics|innovation|automation|digital|transformation|technology|tech|IT|change|project|pilot|"
    r"use[- ]case|experiment|initiative|programme|program|the|our|its|their|a|an|this|that|one|single|whole|wider|overall|entire|same|"
    r"group|corporate|enterprise|organi[sz]ation(?:al)?|company|firm|council|trust|bank|board|executive|investment|growing|current)\b)"
    r"[A-Za-z][\w-]*\s+portfolios?\b",
    r"\bportfolio\s+of\s+(?:(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|some|our|its|the)\s+)?+(?!(?:AI|ML|GenAI|pilots?|use\s+cases?|initiatives?|projects?|experiments?|trials?|tools?|models?|"
    r"solutions?|automation|analytics|data|digital|work|investments?|bets?|efforts?|applications?)\b)[\w-]+",
)
R10 = ReasonRules(
    reason_id="R10",
    elements=(
        Element("AI portfolio", rx(
            r"\b(?:AI|ML|data|analytics|innovation|automation|digital|transformation|use[- ]case)\s+portfolio\b|\bportfolio\s+(?:of\s+(?:AI|pilots|use\s+cases|initiatives|projects)|view|owner|management|governance|board|review|prioriti[sz]ation|level|approach|lens)\b|\bportfolio\b",
            r"\bother\s+(?:AI\s+)?(?:pilots|use\s+cases|initiatives|projects)\b|\bacross\s+(?:all\s+|the\s+)?(?:AI\s+)?(?:pilots|use\s+cases|initiatives|programmes)\b|\bcross[- ](?:pilot|programme|functional\s+mandate)\b",
            r"\b(?:AI|data|digital)\s+(?:strategy|roadmap|programme|program|steering\s+(?:group|committee)|council|board|centre\s+of\s+excellence|CoE|investment\s+committee)\b|\bprogramme\s+board\b",
            # a body or programme that holds several AI efforts, with one word between ("AI work programme", "Digital Investment Board")
            r"\b(?:AI|ML|data|digital|innovation|automation|analytics)\s+(?:[\w&-]+\s+)?(?:programmes?|programs?|portfolios?|boards?|working\s+groups?|councils?|steering\s+groups?|forums?)\b",
            # the pilot among others ("all AI initiatives", "the division's other innovation trials", "twelve experiments")
            r"\b(?:other|all|several|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:other\s+)?(?:AI|ML|GenAI|innovation|digital|automation|analytics|data|machine[- ]learning)\s+"
            r"(?:pilots|trials|experiments|initiatives|use\s+cases|projects|proofs?\s+of\s+concept|PoCs)\b",
            r"\b(?:other|several|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:pilots|trials|experiments|initiatives|use\s+cases|proofs?\s+of\s+concept|PoCs|workstreams)\b",
            # the pilot as one item of a list the organisation keeps: "one of the initiatives under the programme",
            # "the division's list of innovation trials", "the second project under our digitalisation committee",
            # "nobody looks across the three"
            r"\bone\s+of\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?(?:initiatives|pilots|projects|trials|experiments|use\s+cases)\s+(?:under|in|of|within|run\s+by)\b|"
            r"\b(?:list|register|backlog|slate|inventory)\s+of\s+(?:[\w-]+\s+)?(?:trials|pilots|initiatives|use\s+cases|experiments)\b|"
            r"\bthe\s+(?:second|third|fourth|fifth|sixth)\s+(?:[\w-]+\s+)?(?:project|pilot|initiative|trial|experiment|use\s+case)\s+(?:under|in|for|of|from)\b|"
            r"\blooks?\s+across\s+(?:the\s+|all\s+|these\s+)?(?:two|three|four|five|six|\d+|them|pilots|projects|initiatives|use\s+cases)\b",
            # the pilot counted among AI efforts: "one of three AI bets", "the third AI initiative alongside two others", "the AI register"
            r"\b(?:one\s+of|the\s+(?:second|third|fourth|fifth|latest))\s+(?:\w+\s+)?(?:AI|ML|GenAI|digital|automation|analytics)\s+(?:bets|initiatives?|pilots?|projects?|use\s+cases?|experiments?|tools?)\b|"
            r"\b(?:AI|ML|GenAI)\s+(?:register|oversight\s+(?:committee|board|group)|investment\s+(?:council|committee|board))\b",
            # a committee that looks across pilots or projects
            r"\bcommittee\b[^.;]{0,120}?\b(?:pilots|projects|initiatives|use\s+cases|experiments|trials)\b|\b(?:pilots|projects|initiatives|use\s+cases|experiments|trials)\b[^.;]{0,80}?\bcommittee\b",
            # a body that looks after this and other efforts: "whose steering board oversees this and the berth planning and energy
            # forecasting pilots", "which also oversees our online complaint form project", "a list of the plan's AI initiatives ...
            # alongside the others"
            r"\boversees?\s+(?:this\s+and\s+|both\s+|all\s+)(?:[\w-]+\s+){0,6}?(?:pilots|projects|initiatives|programmes|trials|tools)\b|"
            r"\balso\s+oversees\s+(?:our|the|its)\s+(?:[\w-]+\s+){0,4}?(?:project|pilot|programme|initiative|trial)s?\b|"
            r"\blist\s+of\s+(?:the\s+|our\s+|its\s+)?(?:[\w'\u2019-]+\s+)?(?:AI|ML|GenAI|digital|automation|analytics|innovation)\s+(?:initiatives|pilots|projects|use\s+cases|tools|trials)\b|"
            r"\b(?:alongside|together\s+with)\s+(?:the\s+)?others\b",
        ), core=True, other_senses=PORTFOLIO_OTHER_SENSE),
        Element("named executive portfolio owner", rx(
            r"\bChief\s+(?:AI|Artificial\s+Intelligence|Data|Data\s+(?:and|&)\s+(?:AI|Analytics)|Digital|Technology|Information|Analytics|Transformation|Innovation)\s+Officer\b",
            r"(?-i:\bChief\s+[A-Z]\w+(?:\s+(?:and\s+|&\s+)?[A-Z]\w*){0,3}\s+Officer\b)|(?-i:\b(?:CAIO|CDAO|CDIO|CDO|CIO|CTO|COO|CFO|CEO|CRO|CMO|CISO|CHRO|CMIO|CNIO|CCIO)\b)|\bDirector\s+of\s+(?:AI|Data|Digital|Technology|Analytics|Transformation|Innovation)\b|\bHead\s+of\s+(?:AI|Data|Data\s+Science|Digital|Analytics|Automation|Innovation)\b",
            r"\b(?:AI|data|digital)\s+(?:lead|director|executive)\b",
            r"(?-i:\b(?:[A-Z][\w&-]+\s+){1,3}Director\b)|(?-i:\b(?:Vice[- ]President|SVP|EVP)\b)",
        ), core=True),
    ),
    addressed_min=2,
    deferred_status=Status.PARTIAL,
)

REASONS: dict[str, ReasonRules] = {r.reason_id: r for r in (R01, R02, R03, R04, R05, R06, R07, R08, R09, R10)}
