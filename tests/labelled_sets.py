"""Checks shared by the tests of the labelled fixture sets (fixtures/samples, devset, devset2, devset3).

Each test file keeps its own tests and passes its own parameters (set, splits, minimum counts); what is
the same in every set lives here: loading fixtures/build.py, reading labels.toml, validating entries
against the rubric, matching specs, built files and labels one to one, visible text, and comparing a
committed file with a fresh build. This is a plain module, not a conftest, so pytest does not rewrite
its asserts: every assert here carries its own message naming the file.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from reviewer.documents import parse
from reviewer.models import DocType, Document
from reviewer.rubric import load_rubric

from .conftest import FIXTURES, ROOT

STATUSES = frozenset({"addressed", "partial", "missing"})
FACT_KEYS = frozenset({"commercial_kpi", "operational_owner", "cost_per_inference"})
DOC_TYPES = frozenset(t.value for t in DocType)

Label = dict[str, Any]
"""One `[[documents]]` entry of a labels.toml."""


# --------------------------------------------------------------------------- loading


@functools.cache
def load_build() -> ModuleType:
    """fixtures/build.py as a module, loaded once per test session."""
    spec = importlib.util.spec_from_file_location("fixtures_build", FIXTURES / "build.py")
    assert spec and spec.loader, "fixtures/build.py cannot be loaded"
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses need the module registered
    spec.loader.exec_module(mod)
    return mod


def load_labels(path: Path) -> dict[str, Any]:
    """A labels.toml as a dict: `how` and the `documents` list."""
    with path.open("rb") as f:
        return tomllib.load(f)


def reason_ids() -> list[str]:
    """The rubric's reason ids, in rubric order."""
    return [r.id for r in load_rubric().reasons]


def built_name(spec_path: Path, prefix: str = "") -> str:
    """The name ``build.py`` gives the file built from ``spec_path`` (its format comes from the spec)."""
    return f"{prefix}{spec_path.stem}.{load_build().parse_spec(spec_path).fmt}"


def fold(text: str) -> str:
    """``text`` with every run of white space folded to one space."""
    return " ".join(text.split())


def visible_text(doc: Document) -> str:
    """What a reader sees: the text of the blocks that are not hidden, white space folded per block."""
    return " ".join(fold(b.text) for b in doc.blocks if not b.hidden)


def skip_pdf_without_fonts(name: str) -> None:
    """Skip where a PDF cannot be rebuilt as committed: DejaVu Sans is not installed."""
    if name.endswith(".pdf") and load_build().find_fonts() is None:
        pytest.skip("DejaVu Sans is not installed here; the committed PDFs were built with it")


# --------------------------------------------------------------------------- a set


@dataclass(frozen=True)
class LabelledSet:
    """One labelled set: ``folder`` holds labels.toml and specs/, ``docs`` the built files; the labels
    name each file as ``prefix`` + its name, relative to ``folder``."""

    folder: Path
    docs: Path
    prefix: str

    @classmethod
    def at(cls, name: str, *, docs: str = "docs") -> LabelledSet:
        """The set fixtures/<name>, its built files in fixtures/<name>/<docs> (``docs=""``: beside specs/)."""
        folder = FIXTURES / name
        return cls(folder, folder / docs, f"{docs}/" if docs else "")

    @property
    def specs(self) -> Path:
        """The folder of ``*.md`` specs."""
        return self.folder / "specs"

    @functools.cached_property
    def spec_files(self) -> list[Path]:
        """The specs, sorted."""
        return sorted(self.specs.glob("*.md"))

    @functools.cached_property
    def data(self) -> dict[str, Any]:
        """The parsed labels.toml: `how` and the `documents` list."""
        return load_labels(self.folder / "labels.toml")

    @property
    def labelled(self) -> list[Label]:
        """The labels entries, in file order."""
        docs: list[Label] = self.data["documents"]
        return docs

    @property
    def rebuild_command(self) -> str:
        """The command that rebuilds the set's files, as run from the repository root."""
        return f"python fixtures/build.py {self.specs.relative_to(ROOT)} {self.docs.relative_to(ROOT)}"

    def parse_all(self) -> dict[str, Document]:
        """Every labelled file parsed once, keyed by its labels path."""
        return {d["file"]: parse(self.folder / d["file"]) for d in self.labelled}

    def rebuild(self, out: Path) -> Path:
        """Build every spec of the set into ``out``; return ``out``."""
        load_build().build_all(self.specs, out)
        return out

    def check_one_to_one(self) -> None:
        """Specs, built files and labels entries name the same documents."""
        built = {built_name(p, self.prefix) for p in self.spec_files}
        on_disk = {f"{self.prefix}{p.name}" for p in self.docs.iterdir() if p.suffix in (".pdf", ".docx")}
        assert built == on_disk, (
            f"specs and built files differ: run `{self.rebuild_command}`, or delete the orphan: "
            f"{sorted(built ^ on_disk)}"
        )
        labelled = {d["file"] for d in self.labelled}
        assert labelled == built, (
            f"every document of fixtures/{self.folder.name} needs exactly one labels entry: "
            f"{sorted(labelled ^ built)}"
        )

    def check_fresh_build(
        self, name: str, committed: Document | Path, rebuilt: Path
    ) -> tuple[Document, Document]:
        """The file ``name`` built afresh into ``rebuilt`` reads block for block as the committed one.

        Skipped for a PDF where the fonts are missing; a ``committed`` path is parsed only after that check.
        Returns the fresh and the committed parse.
        """
        skip_pdf_without_fonts(name)
        if isinstance(committed, Path):
            committed = parse(committed)
        fresh = parse(rebuilt / name)
        assert [b.text for b in fresh.blocks] == [b.text for b in committed.blocks], (
            f"{name} is stale: run `{self.rebuild_command}` and commit"
        )
        return fresh, committed


# --------------------------------------------------------------------------- labels


def check_how(data: Mapping[str, Any], *phrases: str, match_case: bool = False) -> None:
    """The labels' `how` contains every phrase (ignoring case unless ``match_case``)."""
    how = data["how"] if match_case else data["how"].lower()
    missing = [p for p in phrases if (p if match_case else p.lower()) not in how]
    assert not missing, f"`how` must say labels were written before any engine run; it lacks {missing}"


def check_files_unique(labelled: Sequence[Label]) -> None:
    """No file is labelled twice."""
    twice = sorted(f for f, n in Counter(d["file"] for d in labelled).items() if n > 1)
    assert not twice, f"a file is labelled twice: {twice}"


def check_entry(entry: Label, reasons: Collection[str], *, splits: Collection[str]) -> None:
    """What every set asks of an entry: a known doc type and split, one valid status and one non-blank `why`
    per rubric reason, and only known fact keys."""
    where = entry["file"]
    assert entry["doc_type"] in DOC_TYPES, (
        f"{where}: doc_type {entry['doc_type']!r} is not one of {sorted(DOC_TYPES)}"
    )
    assert entry["split"] in splits, f"{where}: split {entry['split']!r} is not one of {sorted(splits)}"
    statuses = entry["statuses"]
    assert set(statuses) == set(reasons), f"{where}: statuses must cover exactly {sorted(reasons)}"
    bad = {k: v for k, v in statuses.items() if v not in STATUSES}
    assert not bad, f"{where}: invalid statuses {bad}"
    assert set(entry["why"]) == set(reasons), f"{where}: one `why` line per reason"
    assert all(isinstance(v, str) and v.strip() for v in entry["why"].values()), f"{where}: a `why` is blank"
    unknown = set(entry.get("facts", {})) - FACT_KEYS
    assert not unknown, f"{where}: unknown fact keys {sorted(unknown)}"


def check_devset_entry(entry: Label, set_name: str) -> None:
    """The development sets' stricter rules: a path under docs/, non-blank facts, and named traps."""
    where = entry["file"]
    assert where.startswith("docs/"), f"{where}: paths are relative to fixtures/{set_name}/ (docs/...)"
    facts = entry.get("facts", {})
    assert all(isinstance(v, str) and v.strip() for v in facts.values()), f"{where}: a fact is blank"
    traps = entry.get("traps")
    assert isinstance(traps, list) and traps, f"{where}: name the traps it carries"


def check_devset_labels(dset: LabelledSet, *, splits: Collection[str], how: Sequence[str]) -> None:
    """A development set's labels: `how` says when they were written, no file twice, and every entry passes
    ``check_entry`` (against the rubric's ten reasons) and ``check_devset_entry``."""
    reasons = set(reason_ids())
    assert len(reasons) == 10, f"the rubric has {len(reasons)} reasons, not 10"
    check_how(dset.data, *how)
    check_files_unique(dset.labelled)
    for d in dset.labelled:
        check_entry(d, reasons, splits=splits)
        check_devset_entry(d, dset.folder.name)


def check_every_reason_has_all_statuses(labelled: Sequence[Label]) -> None:
    """Across the set, each reason is labelled addressed, partial and missing at least once."""
    for rid in sorted(labelled[0]["statuses"]):
        seen = Counter(d["statuses"][rid] for d in labelled)
        assert set(seen) == STATUSES, f"{rid}: only {dict(seen)} across the set"


# --------------------------------------------------------------------------- parsed files


def check_format_and_length(doc: Document, file: str, min_chars: int) -> None:
    """The parsed file has the format its name says and more than ``min_chars`` characters of text."""
    fmt = Path(file).suffix.lstrip(".")
    assert doc.format == fmt, f"{file}: parsed as {doc.format}, named {fmt}"
    assert len(doc.text) > min_chars, (
        f"{file}: {len(doc.text)} characters; a realistic document has > {min_chars}"
    )


def check_doc_type_agreement(
    labelled: Sequence[Label], parsed: Mapping[str, Document], minimum: float
) -> None:
    """Doc-type detection agrees with the labels on at least ``minimum`` of the set (misses are printed)."""
    misses = [
        f"{d['file']}: labelled {d['doc_type']}, detected {parsed[d['file']].doc_type.value} "
        f"({parsed[d['file']].doc_type_reason})"
        for d in labelled
        if parsed[d["file"]].doc_type.value != d["doc_type"]
    ]
    agreement = 1 - len(misses) / len(labelled)
    if misses:
        print("doc-type detection misses:\n  " + "\n  ".join(misses))
    assert agreement >= minimum, f"agreement {agreement:.2f}; misses:\n" + "\n".join(misses)


def check_facts_in_visible_text(
    labelled: Iterable[Label], parsed: Mapping[str, Document], amount: str
) -> None:
    """Owner names, and the part of unit costs ``amount`` matches, are in the document's visible text."""
    for d in labelled:
        text = visible_text(parsed[d["file"]])
        facts = d.get("facts", {})
        if "operational_owner" in facts:
            name = facts["operational_owner"].split(",")[0].strip()
            assert name in text, f"{d['file']}: owner {name!r} not in the visible text"
        if "cost_per_inference" in facts:
            found = re.match(amount, facts["cost_per_inference"])
            assert found and found.group(0) in text, (
                f"{d['file']}: {facts['cost_per_inference']!r} not in the text"
            )
