"""Score an engine against labelled documents (``fixtures/*/labels.toml``).

Each labelled file is reviewed through the normal API (``review_document``: parse, engine,
grounding) and compared with its labels:

- per-reason confusion matrix (label x prediction over addressed / partial / missing) and
  three-way accuracy;
- gap detection: positive = partial or missing. precision = TP / (TP + FP), recall = TP / (TP + FN);
- quote share: quotes that grounding located in the document / all quotes the engine returned
  (located + the ones grounding dropped, counted from the finding notes);
- fact matches for commercial KPI, operational owner and cost per inference (see ``fact_matches``).

Figures are given per split (demo, dev, heldout) and for all documents together.
"""

from __future__ import annotations

import math
import re
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from reviewer.documents import parse
from reviewer.errors import ConfigError, ReviewerError
from reviewer.models import DocType, Review, Rubric, Status
from reviewer.options import EngineChoice, ReviewOptions
from reviewer.review import make_engine, review_document
from reviewer.rubric import load_rubric

STATUSES = [Status.ADDRESSED.value, Status.PARTIAL.value, Status.MISSING.value]
FACT_KINDS = ("commercial_kpi", "operational_owner", "cost_per_inference")
SplitName = Literal["demo", "dev", "heldout", "all"]


# --------------------------------------------------------------------------- labels


class LabelledDocument(BaseModel):
    file: str
    doc_type: DocType
    split: Literal["demo", "dev", "heldout"] = "dev"
    statuses: dict[str, Status]
    traps: list[str] = Field(default_factory=list)
    facts: dict[str, str] = Field(default_factory=dict)
    why: dict[str, str] = Field(default_factory=dict)


class LabelSet(BaseModel):
    how: str = ""
    documents: list[LabelledDocument]


def load_labels(path: str | Path) -> LabelSet:
    """Read and validate a labels TOML file; errors name the file and the field."""
    p = Path(path)
    try:
        raw = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ConfigError(f"labels file {p} does not exist.", hint="Give the path of a labels.toml (see fixtures/README.md).") from e
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"labels file {p} could not be read: {e}.", hint="Fix the TOML syntax (see fixtures/README.md).") from e
    try:
        labels = LabelSet.model_validate(raw)
    except ValidationError as e:
        err = e.errors()[0]
        where = ".".join(str(x) for x in err["loc"])
        raise ConfigError(f"labels file {p}: field {where}: {err['msg']}.",
                          hint="See the labels format in fixtures/README.md.") from e
    return labels


# --------------------------------------------------------------------------- fact matching

_STOP = frozenset(
    ["the", "and", "for", "per", "with", "from", "into", "over", "under", "than", "that", "this", "its", "not", "set", "any", "all", "each", "only", "baseline", "target", "vs", "versus", "was", "were", "are", "is", "be", "of", "in", "on", "at", "to", "by", "a", "an", "or", "as", "e.g", "i.e"]
)
_TOKEN = re.compile(r"\d[\d,.]*\d%?|\d%?|[a-z][a-z'-]*")


def _tokens(text: str) -> set[str]:
    out: set[str] = set()
    for t in _TOKEN.findall(text.lower().replace("£", " ").replace("$", " ").replace("€", " ")):
        t = t.strip("'-").replace(",", "")
        if not t or t in _STOP or (t[0].isalpha() and len(t) < 3):
            continue
        if t[0].isalpha() and len(t) > 4 and t.endswith("s"):
            t = t[:-1]
        out.add(t)
    return out


def label_keywords(label: str) -> list[set[str]]:
    """Key words of a labelled value, one set per comma/semicolon-separated alternative.

    Parenthesised asides ("(baseline 14.2 days, target 10.5)") are dropped; a colon ends the
    name part ("on-time rate: 91% vs 88%" -> "on-time rate").
    """
    head = re.sub(r"\([^)]*\)", " ", label)
    head = head.split(":")[0]
    alts = [_tokens(a) for a in re.split(r"[,;]", head)]
    return [a for a in alts if a]


def fact_matches(label: str, extracted: list[str]) -> bool:
    """A labelled fact matches when, for some alternative of the label, at least two thirds
    (rounded up) of its key words appear among the words of one extracted fact.

    Key words: lower-cased words of 3+ letters that are not stop words (plural "s" dropped),
    and numbers (currency symbols and thousands separators removed).
    """
    for alt in label_keywords(label):
        need = math.ceil(len(alt) * 2 / 3)
        for text in extracted:
            if len(alt & _tokens(text)) >= need:
                return True
    return False


def extracted_facts(review: Review) -> dict[str, list[str]]:
    """The fact texts a review offers for each labelled fact kind."""
    f = review.facts
    kpis = [" ".join(x for x in (k.metric, k.baseline, k.target, k.measurement) if x) for k in f.commercial_kpis]
    owner = [f.operational_owner.value] if f.operational_owner else []
    unit = [u.value for u in f.unit_costs]
    return {"commercial_kpi": kpis, "operational_owner": owner, "cost_per_inference": unit}


# --------------------------------------------------------------------------- results


class DocResult(BaseModel):
    file: str
    split: str
    doc_type_label: DocType
    doc_type_detected: DocType | None = None
    predicted: dict[str, Status] = Field(default_factory=dict)
    labelled: dict[str, Status] = Field(default_factory=dict)
    quotes_verified: int = 0
    quotes_dropped: int = 0
    facts: dict[str, bool | None] = Field(default_factory=dict, description="kind -> matched (None: not labelled)")
    facts_extracted: dict[str, list[str]] = Field(default_factory=dict)
    seconds: float = 0.0
    error: str | None = None


class FactScore(BaseModel):
    labelled: int = 0
    matched: int = 0
    extracted_unlabelled: int = Field(0, description="documents with no such labelled fact where the engine extracted one")

    @property
    def rate(self) -> float | None:
        return self.matched / self.labelled if self.labelled else None


class SplitScore(BaseModel):
    split: str
    documents: int = 0
    failed: int = 0
    items: int = 0
    correct: int = 0
    accuracy: float | None = None
    gap_tp: int = 0
    gap_fp: int = 0
    gap_fn: int = 0
    gap_precision: float | None = None
    gap_recall: float | None = None
    quotes_verified: int = 0
    quotes_total: int = 0
    quote_share: float | None = None
    confusion: dict[str, dict[str, dict[str, int]]] = Field(
        default_factory=dict, description="reason -> label -> prediction -> count")
    reason_accuracy: dict[str, float] = Field(default_factory=dict)
    facts: dict[str, FactScore] = Field(default_factory=dict)
    doc_type_mismatches: int = 0


class EvalReport(BaseModel):
    labels: str
    engine: str
    engine_label: str
    rubric_version: str
    split: str
    scores: list[SplitScore]
    documents: list[DocResult]
    seconds: float = 0.0

    def score(self, split: str) -> SplitScore:
        for s in self.scores:
            if s.split == split:
                return s
        raise KeyError(split)


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def score(split: str, docs: list[DocResult], reason_ids: list[str]) -> SplitScore:
    """Aggregate document results into the figures for one split."""
    s = SplitScore(split=split, documents=len(docs))
    s.confusion = {r: {lab: dict.fromkeys(STATUSES, 0) for lab in STATUSES} for r in reason_ids}
    per_reason: dict[str, list[int]] = {r: [0, 0] for r in reason_ids}
    s.facts = {k: FactScore() for k in FACT_KINDS}
    for d in docs:
        if d.error is not None:
            s.failed += 1
            continue
        if d.doc_type_detected is not None and d.doc_type_detected != d.doc_type_label:
            s.doc_type_mismatches += 1
        for rid, lab in d.labelled.items():
            pred = d.predicted.get(rid)
            if pred is None or rid not in s.confusion:
                continue
            s.items += 1
            s.confusion[rid][lab.value][pred.value] += 1
            per_reason[rid][1] += 1
            if pred == lab:
                s.correct += 1
                per_reason[rid][0] += 1
            gap_lab, gap_pred = lab != Status.ADDRESSED, pred != Status.ADDRESSED
            s.gap_tp += gap_lab and gap_pred
            s.gap_fp += (not gap_lab) and gap_pred
            s.gap_fn += gap_lab and not gap_pred
        s.quotes_verified += d.quotes_verified
        s.quotes_total += d.quotes_verified + d.quotes_dropped
        for kind, ok in d.facts.items():
            fs = s.facts[kind]
            if ok is None:
                fs.extracted_unlabelled += bool(d.facts_extracted.get(kind))
            else:
                fs.labelled += 1
                fs.matched += bool(ok)
    s.accuracy = _ratio(s.correct, s.items)
    s.gap_precision = _ratio(s.gap_tp, s.gap_tp + s.gap_fp)
    s.gap_recall = _ratio(s.gap_tp, s.gap_tp + s.gap_fn)
    s.quote_share = _ratio(s.quotes_verified, s.quotes_total)
    s.reason_accuracy = {r: round(c / n, 4) for r, (c, n) in per_reason.items() if n}
    return s


_DROPPED = re.compile(r"^(\d+) quote\(s\) could not be found")


def _review_one(path: Path, lab: LabelledDocument, rubric: Rubric, options: ReviewOptions, engine: Any) -> DocResult:
    res = DocResult(file=lab.file, split=lab.split, doc_type_label=lab.doc_type, labelled=lab.statuses)
    t = time.perf_counter()
    try:
        document = parse(path, password=options.password, limits=options.limits, doc_type=options.doc_type)
        review = review_document(document, rubric, engine, options)
    except ReviewerError as e:
        res.error = f"{type(e).__name__}: {e}"
        res.seconds = round(time.perf_counter() - t, 3)
        return res
    res.seconds = round(time.perf_counter() - t, 3)
    res.doc_type_detected = review.document.doc_type
    res.predicted = {f.reason_id: f.status for f in review.findings}
    for f in review.findings:
        res.quotes_verified += len(f.evidence)
        for n in f.notes:
            m = _DROPPED.match(n)
            if m:
                res.quotes_dropped += int(m.group(1))
    got = extracted_facts(review)
    res.facts_extracted = got
    for kind in FACT_KINDS:
        label = lab.facts.get(kind)
        res.facts[kind] = None if label is None else fact_matches(label, got[kind])
    return res


def evaluate(
    labels_path: str | Path | Sequence[str | Path],
    *,
    engine: EngineChoice = "screen",
    split: SplitName = "all",
    options: ReviewOptions | None = None,
    rubric: Rubric | None = None,
) -> EvalReport:
    """Review every labelled document of ``split`` with ``engine`` and score it against its labels.

    Several labels files are scored as one pool (each document named by its set's folder), so sets
    written by different people can be reported together.
    """
    t0 = time.perf_counter()
    paths = [Path(labels_path)] if isinstance(labels_path, (str, Path)) else [Path(p) for p in labels_path]
    if not paths:
        raise ConfigError("no labels file given.", hint="Pass one or more labels.toml files.")
    sets = [(lp, load_labels(lp)) for lp in paths]
    options = (options or ReviewOptions()).with_(engine=engine).validate()
    rubric = rubric or load_rubric(options.rubric_path)
    eng = make_engine(options)
    chosen = [(lp, d) for lp, labels in sets for d in labels.documents if split == "all" or d.split == split]
    if not chosen:
        raise ConfigError(f"{_names(paths)} {'has' if len(paths) == 1 else 'have'} no documents in split {split!r}.",
                          hint="Use --split all, or one of the splits the file uses.")
    results: list[DocResult] = []
    for lp, lab in chosen:
        path = lp.parent / lab.file
        if not path.exists():
            raise ConfigError(f"labels file {lp} names {lab.file}, which does not exist at {path}.",
                              hint="Build the fixtures (python fixtures/build.py) or fix the path, relative to the labels file.")
        res = _review_one(path, lab, rubric, options, eng)
        if len(paths) > 1:
            res.file = f"{lp.parent.name}/{lab.file}"
        results.append(res)
    reason_ids = [r.id for r in rubric.reasons]
    splits = [s for s in ("demo", "dev", "heldout") if any(r.split == s for r in results)]
    scores = [score(s, [r for r in results if r.split == s], reason_ids) for s in splits]
    if len(splits) > 1:
        scores.append(score("all", results, reason_ids))
    info = eng.info
    return EvalReport(labels=", ".join(str(p) for p in paths), engine=info.name, engine_label=info.label, rubric_version=rubric.version,
                      split=split, scores=scores, documents=results, seconds=round(time.perf_counter() - t0, 2))


def _names(paths: list[Path]) -> str:
    return f"labels file {paths[0]}" if len(paths) == 1 else "labels files " + ", ".join(str(p) for p in paths)


# --------------------------------------------------------------------------- display


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def render_text(report: EvalReport) -> str:
    """A plain-text rendering of the report (the CLI prints it through rich when available)."""
    lines = [f"Evaluation of the {report.engine_label} against {report.labels} (rubric {report.rubric_version}, "
             f"split {report.split}, {report.seconds:.1f} s)", ""]
    lines.append(f"{'split':8} {'docs':>4} {'fail':>4} {'items':>5} {'acc':>5} {'gapP':>5} {'gapR':>5} {'quotes':>9}  facts (matched/labelled)")
    for s in report.scores:
        facts = ", ".join(f"{k} {v.matched}/{v.labelled}" for k, v in s.facts.items())
        q = f"{s.quotes_verified}/{s.quotes_total}"
        lines.append(f"{s.split:8} {s.documents:>4} {s.failed:>4} {s.items:>5} {_pct(s.accuracy):>5} "
                     f"{_pct(s.gap_precision):>5} {_pct(s.gap_recall):>5} {q:>9}  {facts}")
    for s in report.scores:
        if s.split == "all" and len(report.scores) > 1:
            continue
        lines += ["", f"Confusion per reason, split {s.split} (rows: label a/p/m; columns: predicted a/p/m)"]
        for rid, m in s.confusion.items():
            rows = "  ".join(f"{lab[0]}:" + " ".join(f"{m[lab][p]:>2}" for p in STATUSES) for lab in STATUSES)
            lines.append(f"  {rid}  acc {_pct(s.reason_accuracy.get(rid))}   {rows}")
    mism = [s for s in report.scores if s.doc_type_mismatches and s.split != "all"]
    for s in mism:
        lines.append(f"  note: {s.doc_type_mismatches} document(s) in {s.split} were detected as another type than labelled")
    lines += ["", "acc = three-way accuracy; gapP/gapR = precision/recall of gaps (partial or missing vs addressed); "
              "quotes = located/returned evidence quotes; facts match when 2/3 of the label's key words appear in an extracted fact."]
    bad = [d for d in report.documents if d.error]
    if bad:
        lines += ["", "Failed documents:"] + [f"  {d.file}: {d.error}" for d in bad]
    lines += ["", "Per document (label -> predicted where they differ):"]
    for d in report.documents:
        if d.error:
            continue
        diffs = [f"{r} {d.labelled[r].value[0]}->{d.predicted[r].value[0]}" for r in d.labelled
                 if r in d.predicted and d.predicted[r] != d.labelled[r]]
        ok = sum(1 for r in d.labelled if d.predicted.get(r) == d.labelled[r])
        lines.append(f"  [{d.split}] {d.file}: {ok}/{len(d.labelled)}  {' '.join(diffs)}")
    return "\n".join(lines)
