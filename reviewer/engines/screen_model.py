"""The trained screen: one small linear model per reason over what the rules found.

The rules find evidence (stated, planned, deferred and negated mentions of a reason's elements, gap
cues, the subject touched in general words) and decide a status by hand-set thresholds. Careful readers
weigh the same passages with more vocabulary than any rule list holds, and read them in the light of the
whole document. A multinomial logistic model per reason, fitted to the labelled documents in ``fixtures/``,
reads:

- the rules' own status, how much of each kind of evidence they found (stated, planned, deferred and
  negated mentions of the reason's elements, gap cues, quotes), and which elements, with what polarity;
- the share of the ten reasons the rules found addressed, and missing, in the document;
- three bags of words (unigrams and bigrams, TF-IDF): the passages the rules found for that reason, the
  headings those passages sit under, and the whole document.

It decides the status within guard rails (``choose``): addressed only with a supporting quote, partial
only with a quote, and the rules' own status stands on a near tie. The finding says when it overrode the
rules, and when the model leans higher than the quotes allow. The weights are data (``prompts/screen_model.json``),
refitted by ``python fixtures/train_screen.py`` from the labels files the file lists; a test fails when one
of those files changes without a refit. Deterministic: the same document always gives the same status.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from reviewer.errors import ConfigError
from reviewer.models import Status

CLASSES = (Status.ADDRESSED, Status.PARTIAL, Status.MISSING)
COUNTS = ("aff", "aff_core_el", "aff_el", "fut", "defer", "neg", "gaps", "support", "against")
BAGS = ("passages", "headings", "document")  # the bags of words each reason's model reads, in ``Inputs.bags`` order
MODEL_FILE = "screen_model.json"
OVERRIDE_MARGIN = 0.05  # a near tie is not an override: leave-one-writer-out costs 0.2 points at 0.05 (0.4 at 0.10)
REFIT = "Rebuild it with: pip install -e '.[dev]' && python fixtures/train_screen.py"
_TOKEN = re.compile(r"\b\w\w+\b")


def grams(text: str) -> Counter[str]:
    """Lower-cased word unigrams and bigrams of one passage (words of two or more letters or digits)."""
    words = _TOKEN.findall(text.lower())
    out = Counter(words)
    out.update(f"{a} {b}" for a, b in pairwise(words))
    return out


def named_features(rule_status: Status, counts: Mapping[str, int], elements: Iterable[str], is_report: bool,
                   rule_statuses: Iterable[Status]) -> dict[str, float]:
    """Everything but the words: the rules' status, log(1 + count) of each kind of evidence, the elements found,
    and the share of the document's reasons the rules found addressed and missing (``rule_statuses``, all ten)."""
    x: dict[str, float] = {f"rule={rule_status.value}": 1.0, "report": 1.0 if is_report else 0.0}
    for k in COUNTS:
        x[f"n:{k}"] = math.log1p(counts[k])
    for e in elements:
        x[f"el:{e}"] = 1.0
    every = list(rule_statuses)
    if every:
        x["doc:addressed"] = sum(s == Status.ADDRESSED for s in every) / len(every)
        x["doc:missing"] = sum(s == Status.MISSING for s in every) / len(every)
    return x


@dataclass(frozen=True)
class Inputs:
    """What one reason's model reads: named features and one bag of words per entry of ``BAGS``."""

    named: dict[str, float]
    bags: tuple[Mapping[str, int], ...]


Vocabulary = dict[str, tuple[float, float, float, float]]  # gram -> (IDF, weight per class in CLASSES order)


def tfidf(vocab: Mapping[str, tuple[float, ...]], counts: Mapping[str, int]) -> dict[str, float]:
    """TF-IDF of the words ``vocab`` knows, sublinear term frequency, L2-normalised."""
    if len(counts) > len(vocab):  # a whole document's words: walk the smaller side
        v = {g: (1.0 + math.log(c)) * w[0] for g, w in vocab.items() if (c := counts.get(g))}
    else:
        v = {g: (1.0 + math.log(c)) * w[0] for g, c in counts.items() if (w := vocab.get(g)) is not None}
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {g: x / norm for g, x in v.items()} if norm else {}


@dataclass(frozen=True)
class ReasonModel:
    bags: tuple[Vocabulary, ...]  # one vocabulary per entry of BAGS
    weights: dict[str, tuple[float, float, float]]  # named feature -> weight per class
    bias: tuple[float, float, float]

    def probabilities(self, inputs: Inputs) -> tuple[float, ...]:
        z = list(self.bias)
        for k, x in inputs.named.items():
            w = self.weights.get(k)
            if w is not None and x:
                z[0] += w[0] * x
                z[1] += w[1] * x
                z[2] += w[2] * x
        for vocab, counts in zip(self.bags, inputs.bags, strict=True):
            for g, x in tfidf(vocab, counts).items():
                _, a, b, c = vocab[g]
                z[0] += a * x
                z[1] += b * x
                z[2] += c * x
        top = max(z)
        e = [math.exp(v - top) for v in z]
        s = sum(e)
        return tuple(v / s for v in e)


@dataclass(frozen=True)
class ScreenModel:
    reasons: dict[str, ReasonModel]
    documents: int  # labelled documents it was fitted to
    version: str  # sha256 of the file, first 12 hex digits

    def judge(self, reason_id: str, inputs: Inputs) -> dict[Status, float] | None:
        """Probability of each status, or None when the file has no model for the reason."""
        m = self.reasons.get(reason_id)
        if m is None:
            return None
        return dict(zip(CLASSES, m.probabilities(inputs), strict=True))


def choose(probs: Mapping[Status, float], *, rules: Status, supported: bool, quoted: bool) -> tuple[Status, Status]:
    """The status the screen may state, and the one the model rates most likely.

    The model re-weighs what the rules found; it never claims more than the memo can quote: addressed
    only with a supporting quote, partial only with some quote (a gap, a plan, a deferral, a denial).
    It overrides the rules' own status only when it rates its choice at least ``OVERRIDE_MARGIN`` higher.
    """
    best = max(CLASSES, key=lambda c: probs[c])
    allowed = [c for c in CLASSES if (c != Status.ADDRESSED or supported) and (c != Status.PARTIAL or quoted or supported)]
    pick = max(allowed, key=lambda c: probs[c])
    if pick != rules and rules in allowed and probs[pick] - probs[rules] < OVERRIDE_MARGIN:
        pick = rules  # a near tie: the rules' status, with its explicit reason, stands
    return pick, best


def _triple(row: object) -> tuple[float, float, float]:
    if not isinstance(row, list) or len(row) != len(CLASSES):
        raise ValueError(f"a weight row has {len(row) if isinstance(row, list) else 'no'} values, not {len(CLASSES)}")
    a, b, c = (float(v) for v in row)
    return a, b, c


def _word(row: object) -> tuple[float, float, float, float]:
    if not isinstance(row, list) or len(row) != 1 + len(CLASSES):
        raise ValueError(f"a word row has {len(row) if isinstance(row, list) else 'no'} values, not {1 + len(CLASSES)}")
    i, a, b, c = (float(v) for v in row)
    return i, a, b, c


_LOADED: dict[tuple[str, int, int], ScreenModel] = {}  # (path, mtime_ns, size) -> model: one read per process and file version


def load_model(path: str | Path | None = None) -> ScreenModel:
    """Read ``prompts/screen_model.json`` (or ``path``); errors name the file and how to rebuild it."""
    from reviewer.rubric import prompts_dir

    p = prompts_dir() / MODEL_FILE if path is None else Path(path)
    try:
        st = p.stat()
        key = (str(p.resolve()), st.st_mtime_ns, st.st_size)
        if key in _LOADED:
            return _LOADED[key]
        raw = p.read_bytes()
        data = json.loads(raw)
        if (tuple(data["classes"]) != tuple(c.value for c in CLASSES) or tuple(data["counts"]) != COUNTS
                or tuple(data.get("bags", ())) != BAGS):  # a file from before the bags of words: refit
            raise ValueError("its classes, evidence counts or bags of words are not the ones this version of reviewer computes")
        reasons = {
            rid: ReasonModel(bags=tuple({g: _word(v) for g, v in m["bags"][b].items()} for b in BAGS),
                             weights={k: _triple(w) for k, w in m["weights"].items()},
                             bias=_triple(m["bias"]))
            for rid, m in data["reasons"].items()
        }
    except FileNotFoundError as e:
        raise ConfigError(f"screen model file {p} does not exist.", hint=REFIT) from e
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise ConfigError(f"screen model file {p} could not be read: {e}.", hint=REFIT) from e
    model = _LOADED[key] = ScreenModel(reasons=reasons, documents=int(data.get("documents", 0)),
                                       version=hashlib.sha256(raw).hexdigest()[:12])
    return model
