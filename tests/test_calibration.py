"""The screening engine's calibration: the shipped file matches the labels it was fitted to, a refit gives
the same file, the guard rails hold, and findings say when a status was calibrated."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import tomllib
from pathlib import Path

import pytest

from reviewer.engines.screen import ScreeningEngine
from reviewer.engines.screen_calibration import CLASSES, FEATURES, Calibration, ReasonModel, load_calibration
from reviewer.errors import ConfigError
from reviewer.models import Status
from reviewer.rubric import prompts_dir

from .conftest import FIXTURES, ROOT
from .test_screen import RUBRIC, make_doc

SHIPPED = json.loads((prompts_dir() / "calibration.json").read_text(encoding="utf-8"))
A, P, M = Status.ADDRESSED, Status.PARTIAL, Status.MISSING
COUNTS = dict.fromkeys(("aff", "aff_core_el", "aff_el", "fut", "defer", "neg", "gaps", "topic"), 0)


def test_shipped_calibration_loads_with_the_features_this_version_computes() -> None:
    c = load_calibration()
    assert tuple(SHIPPED["features"]) == FEATURES and len(c.models) == 10
    assert c.documents == sum(len(tomllib.loads((ROOT / t["labels"]).read_text(encoding="utf-8"))["documents"])
                              for t in SHIPPED["trained_on"])


def test_fitted_to_exactly_the_current_labels_and_never_to_the_held_back_sets() -> None:
    listed = {t["labels"]: t["sha256"] for t in SHIPPED["trained_on"]}
    held = set(SHIPPED["held_back"])
    assert held and not held & set(listed), "held-back sets measure calibration on unseen writers: never fit to them"
    current = {str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest()
               for p in FIXTURES.glob("*/labels.toml") if str(p.relative_to(ROOT)) not in held}
    assert listed == current, "labels changed (or a set was added) since the calibration was fitted: run python fixtures/calibrate.py"


def test_a_refit_gives_the_shipped_file() -> None:
    pytest.importorskip("numpy", reason="numpy (a dev dependency) fits the calibration")
    spec = importlib.util.spec_from_file_location("calibrate", FIXTURES / "calibrate.py")
    assert spec is not None and spec.loader is not None
    calibrate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(calibrate)
    refit = calibrate.build()
    fix = "the rules or labels changed since the calibration was fitted: run python fixtures/calibrate.py"
    assert {k: v for k, v in refit.items() if k != "reasons"} == {k: v for k, v in SHIPPED.items() if k != "reasons"}, fix
    assert refit["reasons"].keys() == SHIPPED["reasons"].keys(), fix
    for rid, model in refit["reasons"].items():  # to 1e-4: another CPU may sum in another order
        shipped = SHIPPED["reasons"][rid]
        pairs = [*zip(model["bias"], shipped["bias"], strict=True),
                 *(p for r, q in zip(model["weights"], shipped["weights"], strict=True) for p in zip(r, q, strict=True))]
        assert all(abs(a - b) < 1e-4 for a, b in pairs), f"{rid}: {fix}"


def _leaning(towards: Status, strength: float = 5.0) -> Calibration:
    """A calibration whose every reason prefers ``towards`` whatever the evidence (and partial next)."""
    bias = tuple(strength if c == towards else 1.0 if c == P else 0.0 for c in CLASSES)
    zero = tuple(tuple(0.0 for _ in FEATURES) for _ in CLASSES)
    return Calibration(models={f"R{i:02d}": ReasonModel(weights=zero, bias=bias) for i in range(1, 11)}, documents=1, version="test")


def test_a_status_moves_one_step_at_most() -> None:
    assert _leaning(A).status("R01", M, COUNTS, False, supported=True, quoted=True)[0] == P
    assert _leaning(M).status("R01", A, COUNTS, False, supported=True, quoted=True)[0] == P
    assert _leaning(M).status("R01", P, COUNTS, False, supported=True, quoted=True)[0] == M


def test_up_only_on_quoted_evidence_and_to_addressed_only_with_support() -> None:
    assert _leaning(P).status("R01", M, COUNTS, False, supported=False, quoted=False)[0] == M  # nothing to quote
    assert _leaning(P).status("R01", M, COUNTS, False, supported=False, quoted=True)[0] == P
    assert _leaning(A).status("R01", P, COUNTS, False, supported=False, quoted=True)[0] == P
    assert _leaning(A).status("R01", P, COUNTS, False, supported=True, quoted=True)[0] == A
    assert _leaning(A).status("R99", M, COUNTS, False, supported=True, quoted=True) == (M, 1.0)  # no model: the rules' status


def test_a_calibrated_finding_says_so_and_the_rules_are_still_there() -> None:
    doc = make_doc(["The Head of Claims Operations owns the service and the handover plan is agreed.",
                    "Average claims handling time is 11 days today; the target is 8 days."])
    rules = ScreeningEngine(calibration=None).review(doc, RUBRIC)
    moved = ScreeningEngine(calibration=_leaning(M)).review(doc, RUBRIC)
    for before, after in zip(rules.findings, moved.findings, strict=True):
        if after.status != before.status:
            assert f"Calibrated from {before.status.value} to {after.status.value}" in after.rationale
            assert after.evidence == before.evidence
    assert any(a.status != b.status for a, b in zip(rules.findings, moved.findings, strict=True))
    assert "uncalibrated" in ScreeningEngine(calibration=None).info.label
    assert load_calibration().version in ScreeningEngine().info.label


def test_a_broken_calibration_file_names_the_file_and_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=re.escape("fixtures/calibrate.py")):
        load_calibration(tmp_path / "none.json")
    bad = tmp_path / "calibration.json"
    bad.write_text(json.dumps({**SHIPPED, "features": ["something", "else"]}), encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(str(bad))):
        load_calibration(bad)
