"""Calibration of the screening rules' status from labelled documents.

The rules find evidence (stated, planned, deferred and negated mentions of a reason's elements, gap cues,
the subject touched in general words) and decide a status by hand-set thresholds. Twenty-two writers label
the same evidence patterns a little differently from those thresholds (is one stated element with a
deferred one partial or addressed?). A small per-reason logistic model, fitted to labelled documents, maps
the rules' status and evidence counts to the status careful readers give most often.

It moves a status at most one step, never to addressed without a supporting quote, and the finding says
when it moved. The weights are data (``prompts/calibration.json``), refitted by ``python fixtures/calibrate.py``
from the labels files it lists; a test fails when those files change without a refit.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path

from reviewer.errors import ConfigError
from reviewer.models import Status

CLASSES = (Status.ADDRESSED, Status.PARTIAL, Status.MISSING)
COUNTS = ("aff", "aff_core_el", "aff_el", "fut", "defer", "neg", "gaps", "topic")
FEATURES = ("rule_addressed", "rule_partial", "rule_missing", *COUNTS, "report")
CALIBRATION_FILE = "calibration.json"


def vector(rule_status: Status, counts: dict[str, int], is_report: bool) -> list[float]:
    """The model's input: the rules' status (one-hot), log(1 + count) of each kind of evidence, and the document type."""
    return [*(1.0 if rule_status == c else 0.0 for c in CLASSES), *(math.log1p(counts[k]) for k in COUNTS), 1.0 if is_report else 0.0]


@dataclass(frozen=True)
class ReasonModel:
    weights: tuple[tuple[float, ...], ...]  # one row per class, in CLASSES order
    bias: tuple[float, ...]

    def probabilities(self, x: list[float]) -> list[float]:
        z = [b + sum(w * v for w, v in zip(row, x, strict=True)) for row, b in zip(self.weights, self.bias, strict=True)]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        s = sum(e)
        return [v / s for v in e]


@dataclass(frozen=True)
class Calibration:
    models: dict[str, ReasonModel]
    documents: int  # labelled documents it was fitted to
    version: str  # sha256 of the file, first 12 hex digits

    def status(self, reason_id: str, rule_status: Status, counts: dict[str, int], is_report: bool,
               *, supported: bool, quoted: bool) -> tuple[Status, float]:
        """The calibrated status and its probability.

        One step from the rules' status at most. Up only on evidence the memo quotes: to partial only when
        the finding quotes something (``quoted``), to addressed only when a quote supports it (``supported``).
        Down whenever the model says so: the rules found less than they thought.
        """
        model = self.models.get(reason_id)
        if model is None:
            return rule_status, 1.0
        probs = model.probabilities(vector(rule_status, counts, is_report))
        here = CLASSES.index(rule_status)

        def allowed(i: int) -> bool:
            if abs(i - here) > 1:
                return False
            if i < here:  # up: towards addressed
                return supported if CLASSES[i] == Status.ADDRESSED else quoted
            return True

        best = max((i for i in range(len(CLASSES)) if allowed(i)), key=lambda i: probs[i])
        return CLASSES[best], probs[best]


def load_calibration(path: str | Path | None = None) -> Calibration:
    """Read ``prompts/calibration.json`` (or ``path``); errors name the file and how to rebuild it."""
    from reviewer.rubric import prompts_dir

    p = prompts_dir() / CALIBRATION_FILE if path is None else Path(path)
    try:
        raw = p.read_bytes()
        data = json.loads(raw)
        if tuple(data["features"]) != FEATURES or tuple(data["classes"]) != tuple(c.value for c in CLASSES):
            raise ValueError("its features or classes are not the ones this version of reviewer computes")
        models = {rid: ReasonModel(weights=tuple(tuple(float(v) for v in row) for row in m["weights"]),
                                   bias=tuple(float(v) for v in m["bias"]))
                  for rid, m in data["reasons"].items()}
        for rid, m in models.items():
            if len(m.weights) != len(CLASSES) or len(m.bias) != len(CLASSES) or any(len(r) != len(FEATURES) for r in m.weights):
                raise ValueError(f"the model for {rid} has the wrong shape")
    except FileNotFoundError as e:
        raise ConfigError(f"calibration file {p} does not exist.", hint="Rebuild it with: python fixtures/calibrate.py") from e
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ConfigError(f"calibration file {p} could not be read: {e}.", hint="Rebuild it with: python fixtures/calibrate.py") from e
    return Calibration(models=models, documents=int(data.get("documents", 0)), version=hashlib.sha256(raw).hexdigest()[:12])
