"""The trained screen: the shipped file matches the labels it was fitted to, a refit gives the same
decisions, the guard rails hold, findings say when the model overrode the rules, and a broken file is a
clear error."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from reviewer.engines.screen import ScreeningEngine
from reviewer.engines.screen_model import (
    CLASSES,
    COUNTS,
    MODEL_FILE,
    ReasonModel,
    ScreenModel,
    choose,
    grams,
    load_model,
    tfidf,
)
from reviewer.errors import ConfigError
from reviewer.models import Status
from reviewer.review import cache_key_for
from reviewer.rubric import prompts_dir

from .conftest import FIXTURES, ROOT
from .test_screen import RUBRIC, make_doc

SHIPPED_PATH = prompts_dir() / MODEL_FILE
SHIPPED = json.loads(SHIPPED_PATH.read_text(encoding="utf-8"))
A, P, M = Status.ADDRESSED, Status.PARTIAL, Status.MISSING


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_screen", FIXTURES / "train_screen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_shipped_model_loads_with_the_evidence_counts_this_version_computes() -> None:
    m = load_model()
    assert tuple(SHIPPED["counts"]) == COUNTS and sorted(m.reasons) == [f"R{i:02d}" for i in range(1, 11)]
    assert m.documents == sum(len(tomllib.loads((ROOT / t["labels"]).read_text(encoding="utf-8"))["documents"])
                              for t in SHIPPED["trained_on"])
    assert m.version == hashlib.sha256(SHIPPED_PATH.read_bytes()).hexdigest()[:12]


def test_fitted_to_exactly_the_current_labels_and_never_to_the_held_back_sets() -> None:
    listed = {t["labels"]: t["sha256"] for t in SHIPPED["trained_on"]}
    held = set(SHIPPED["held_back"])
    assert held and not held & set(listed), "held-back sets measure the model on unseen writers: never fit to them"
    assert all((ROOT / h).parent.is_dir() for h in held), "a held-back set named in the model file is not in fixtures/"
    current = {p.relative_to(ROOT).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
               for p in FIXTURES.glob("*/labels.toml") if p.relative_to(ROOT).as_posix() not in held}
    assert listed == current, "labels changed (or a set was added) since the screen was trained: run python fixtures/train_screen.py"


def test_a_refit_gives_the_shipped_decisions() -> None:
    """The rules or the features changed since the model was fitted, if this fails: retrain."""
    pytest.importorskip("sklearn", reason="scikit-learn (a dev dependency) fits the trained screen")
    trainer = _trainer()
    refit = trainer.build(trainer.labels_files())
    assert {k: v for k, v in refit.items() if k != "reasons"} == {k: v for k, v in SHIPPED.items() if k != "reasons"}
    for rid, got in refit["reasons"].items():
        want = SHIPPED["reasons"][rid]
        for bag in got["bags"]:
            assert got["bags"][bag].keys() == want["bags"][bag].keys(), f"{rid}: {bag} vocabulary differs: run python fixtures/train_screen.py"
        assert got["weights"].keys() == want["weights"].keys(), f"{rid}: features differ: run python fixtures/train_screen.py"
        drift = max(abs(a - b) for k in got["weights"] for a, b in zip(got["weights"][k], want["weights"][k], strict=True))
        assert drift < 1e-2, f"{rid}: weights moved by {drift}: run python fixtures/train_screen.py"


def _leaning(towards: Status, strength: float = 5.0) -> ScreenModel:
    """A model whose every reason prefers ``towards`` whatever the evidence."""
    bias = tuple(strength if c == towards else 0.0 for c in CLASSES)
    a, b, c = bias
    return ScreenModel(reasons={f"R{i:02d}": ReasonModel(bags=({}, {}, {}), weights={}, bias=(a, b, c)) for i in range(1, 11)},
                       documents=1, version="test")


def test_guard_rails_nothing_claimed_beyond_what_the_memo_can_quote() -> None:
    lean_a = {A: 0.7, P: 0.2, M: 0.1}
    lean_p = {A: 0.1, P: 0.7, M: 0.2}
    assert choose(lean_a, rules=M, supported=True, quoted=False) == (A, A)
    assert choose(lean_a, rules=M, supported=False, quoted=True) == (P, A)  # addressed needs a supporting quote
    assert choose(lean_a, rules=M, supported=False, quoted=False) == (M, A)  # nothing to quote: nothing claimed
    assert choose(lean_p, rules=M, supported=False, quoted=True) == (P, P)  # a gap, a plan or a deferral quoted is enough for partial
    assert choose(lean_p, rules=M, supported=False, quoted=False) == (M, P)
    assert choose({A: 0.1, P: 0.2, M: 0.7}, rules=A, supported=True, quoted=True) == (M, M)  # down is always allowed


def test_a_near_tie_leaves_the_rules_status_standing() -> None:
    near = {A: 0.30, P: 0.33, M: 0.37}
    assert choose(near, rules=P, supported=True, quoted=True) == (P, M)  # 0.04 apart: the rules' reason stands
    assert choose(near, rules=A, supported=True, quoted=True) == (M, M)  # 0.07 apart: the model's
    clear = {A: 0.20, P: 0.25, M: 0.55}
    assert choose(clear, rules=P, supported=True, quoted=True) == (M, M)


def test_an_overridden_finding_says_so_and_keeps_the_rules_quotes() -> None:
    doc = make_doc(["The Head of Claims Operations owns the service and the handover plan is agreed.",
                    "Average claims handling time is 11 days today; the target is 8 days."])
    rules = ScreeningEngine(model=None).review(doc, RUBRIC)
    moved = ScreeningEngine(model=_leaning(M)).review(doc, RUBRIC)
    changed = [(b, a) for b, a in zip(rules.findings, moved.findings, strict=True) if a.status != b.status]
    assert changed, "a model leaning to missing moves the addressed findings"
    for before, after in changed:
        assert f"the rules alone said {before.status.value}" in after.rationale
        assert after.evidence == before.evidence


def test_a_lean_the_quotes_cannot_carry_is_reported_not_claimed() -> None:
    doc = make_doc(["The weather in the region was mild during the quarter."])
    res = ScreeningEngine(model=_leaning(A)).review(doc, RUBRIC)
    assert all(f.status == M for f in res.findings)
    assert all("more often addressed" in f.rationale and "read the document to confirm" in f.rationale for f in res.findings)


def test_shipped_screen_claims_nothing_on_a_document_about_something_else() -> None:
    res = ScreeningEngine().review(make_doc(["The weather in the region was mild during the quarter.",
                                             "Visitors enjoyed the new café by the river."]), RUBRIC)
    assert [f.status for f in res.findings] == [M] * 10


def test_engine_label_and_cache_key_name_the_model_version() -> None:
    shipped, rules = ScreeningEngine(), ScreeningEngine(model=None)
    assert load_model().version in shipped.info.label and "trained screen" in shipped.info.label
    assert "rules only" in rules.info.label
    rubric = RUBRIC
    keys = {cache_key_for("a" * 64, rubric, e) for e in (shipped, rules, ScreeningEngine(model=_leaning(P)))}
    assert len(keys) == 3, "a review by another model version must not come from the cache"


def test_words_are_unigrams_and_bigrams_of_two_letters_or_more() -> None:
    assert grams("The AI cut wait-times by 4 days") == Counter(
        {"the": 1, "ai": 1, "cut": 1, "wait": 1, "times": 1, "by": 1, "days": 1, "the ai": 1, "ai cut": 1,
         "cut wait": 1, "wait times": 1, "times by": 1, "by days": 1})


def test_tfidf_is_sublinear_and_unit_length() -> None:
    v = tfidf({"owner": (2.0, 0, 0, 0), "head": (1.0, 0, 0, 0)}, Counter({"owner": 3, "head": 1, "unknown": 5}))
    assert set(v) == {"owner", "head"} and abs(sum(x * x for x in v.values()) - 1) < 1e-9
    assert v["owner"] / v["head"] == pytest.approx(2.0 * (1 + math.log(3)))


def test_a_broken_model_file_names_the_file_and_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=re.escape("fixtures/train_screen.py")):
        load_model(tmp_path / "none.json")
    bad = tmp_path / "screen_model.json"
    bad.write_text(json.dumps({**SHIPPED, "counts": ["something", "else"]}), encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(str(bad))):
        load_model(bad)
    older = {k: v for k, v in SHIPPED.items() if k != "bags"}  # a file written before the three bags of words
    bad.write_text(json.dumps(older), encoding="utf-8")
    with pytest.raises(ConfigError, match="bags of words are not the ones"):
        load_model(bad)
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="could not be read"):
        load_model(bad)
    short = {**SHIPPED, "reasons": {"R01": {**SHIPPED["reasons"]["R01"], "bias": [0.0, 1.0]}}}
    bad.write_text(json.dumps(short), encoding="utf-8")
    with pytest.raises(ConfigError, match="weight row"):
        load_model(bad)


def test_eval_scores_the_rules_alone_or_with_the_trained_screen() -> None:
    from click.testing import CliRunner

    from reviewer.cli import cli

    labels = str(FIXTURES / "samples" / "labels.toml")
    out = {}
    for engine in ("screen", "rules"):
        res = CliRunner().invoke(cli, ["eval", labels, "--engine", engine, "--json"])
        assert res.exit_code == 0, res.output
        out[engine] = json.loads(res.stdout)  # stdout only: log lines go to stderr
    assert "trained screen" in out["screen"]["engine_label"] and load_model().version in out["screen"]["engine_label"]
    assert "rules only" in out["rules"]["engine_label"]


def test_a_kpi_fact_beside_a_missing_r01_does_not_read_as_a_commercial_kpi() -> None:
    from reviewer.models import CommercialKPI, Facts, Finding
    from reviewer.review import diagnostics

    facts = Facts(commercial_kpis=[CommercialKPI(metric="time taken to review responses")])
    def answer(status: Status) -> str:
        finding = Finding(reason_id="R01", title="t", status=status, rationale="r")
        return next(a.answer for a in diagnostics([finding], facts, RUBRIC) if "commercial KPI" in a.question)
    assert "Commercial KPI found: time taken to review responses" in answer(P)
    missing = answer(M)
    assert "Commercial KPI found" not in missing and "does not count it as a commercial KPI" in missing


def test_the_screen_reads_the_passages_their_headings_and_the_whole_document() -> None:
    from reviewer.engines import screen as S
    from reviewer.engines import screen_rules as R

    doc = make_doc(["The Head of Claims Operations will own the service day to day after the pilot.",
                    "The weather in the region was mild during the quarter."])
    doc = doc.model_copy(update={"blocks": [b.model_copy(update={"heading_path": ["Running it after go-live"]})
                                            for b in doc.blocks]})
    findings, indexed = S.assess(doc, RUBRIC, None, model=None)
    every = [f.status for f in findings]
    r03 = R.REASONS["R03"]
    inputs = S.model_inputs(r03, indexed, S.decide(r03, indexed), every)
    passages, headings, whole = inputs.bags
    assert "claims operations" in passages and "weather" not in passages, "passages: only where the rules found R03"
    assert "go live" in headings and "claims" not in headings
    assert {"claims operations", "weather", "mild during"} <= set(whole)
    assert inputs.named["doc:addressed"] == pytest.approx(every.count(A) / 10)
    assert inputs.named["doc:missing"] == pytest.approx(every.count(M) / 10) and every.count(M) >= 5


def test_the_engine_feeds_the_whole_document_features_to_the_model() -> None:
    doc = make_doc(["The Head of Claims Operations owns the service and the handover plan is agreed.",
                    "Average claims handling time is 11 days today; the target is 8 days."])
    def by(feature: str) -> list[Status]:
        model = ScreenModel(reasons={f"R{i:02d}": ReasonModel(bags=({}, {}, {}), weights={feature: (0.0, 0.0, 30.0)},
                                                              bias=(0.0, 0.0, 0.0)) for i in range(1, 11)},
                            documents=1, version="test")
        return [f.status for f in ScreeningEngine(model=model).review(doc, RUBRIC).findings]
    rules = [f.status for f in ScreeningEngine(model=None).review(doc, RUBRIC).findings]
    assert A in rules
    assert by("doc:missing") == [M] * 10, "most reasons missing in the rules' reading: the document-level weight decides"
    assert by("doc:no-such-feature") != [M] * 10
