"""The screening engine's scan: grouped and prefiltered matching finds exactly what the plain pattern finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewer.documents import parse
from reviewer.engines import screen as S
from reviewer.engines import screen_rules as R
from reviewer.text import LiteralIndex

from .conftest import FIXTURES
from .test_screen import make_doc

DOCS = sorted((FIXTURES / "samples").glob("*.pdf")) + sorted((FIXTURES / "samples").glob("*.docx"))
ELEMENTS = [(f"{r.reason_id}:{el.name}", el.patterns) for r in R.REASONS.values()
            for el in [*r.elements, *r.gap_cues, *([r.topic] if r.topic else [])]]
GROUPED = [(name, p) for name, p in ELEMENTS if p.pattern in R.GROUPS]


def test_long_patterns_are_grouped() -> None:
    assert len(GROUPED) >= 5, "the long element patterns should be scanned in groups"


def _plain(doc: S._Doc, pattern: re.Pattern[str]) -> list[tuple[int, int, int]]:
    """The pattern, unit by unit, no prefilter (on the folded text where it can run there, as the engine does)."""
    fast = S.folded(pattern)
    expected = []
    for k, start in enumerate(doc.starts):
        if fast is not None:
            m = fast.search(doc.folded, start, start + len(doc.units[k].text))
            if m is not None:
                expected.append((k, m.start() - start, m.end() - start))
        elif (mm := pattern.search(doc.units[k].text)) is not None:
            expected.append((k, mm.start(), mm.end()))
    return expected


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
def test_grouped_scan_equals_the_plain_pattern(path: Path) -> None:
    doc = S._index(parse(path))
    for name, pattern in GROUPED:
        assert S._scan(doc, pattern) == _plain(doc, pattern), f"{path.name}: {name}"


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
def test_prefiltered_scan_finds_every_unit_the_plain_pattern_finds(path: Path) -> None:
    """The literal prefilter (one Aho-Corasick pass for all patterns) only skips units where no match is possible.
    Ends are compared, as a match on a folded currency code ("NOK 0.04") is moved back to the code's first letter."""
    doc = S._index(parse(path))
    total = 0
    for name, pattern in ELEMENTS:
        expected = [(k, e) for k, _, e in _plain(doc, pattern)]
        assert [(k, e) for k, _, e in S._scan(doc, pattern)] == expected, f"{path.name}: {name}"
        total += len(expected)
    assert total > 20, "the sample should match many rule patterns"


def test_a_pattern_met_after_the_document_was_indexed_is_still_prefiltered_right() -> None:
    """A literal first seen mid-document (not one of the rules') makes the document's literal positions stale:
    they are found again, so the new pattern's units are not missed."""
    doc = S._index(make_doc(["The zyzzogram was calibrated twice.", "Nothing here.", "Another zyzzogram reading."]))
    assert S._scan(doc, R.REASONS["R01"].elements[0].patterns) == []  # literal positions now cached
    novel = re.compile(r"\bzyzzograms?\b", re.I)
    assert S.literals(novel) == ("zyzzogram",)
    assert [k for k, _, _ in S._scan(doc, novel)] == [0, 2]


def test_literal_index_finds_overlapping_literals_at_character_offsets() -> None:
    index = LiteralIndex()
    ids = index.ids(("integration", "integrations", "per"))
    text = "é€ integrations per unit; super"
    version, matches = index.find(text)
    assert version == 3
    found = sorted((ids.index(i), text[s:e]) for i, s, e in matches)
    assert found == [(0, "integration"), (1, "integrations"), (2, "per"), (2, "per")]
    assert index.ids(("per", "new")) == [2, 3] and index.version == 4


def test_a_grouped_pattern_that_needs_case_is_grouped_too() -> None:
    topic = R.REASONS["R07"].topic
    assert topic is not None and topic.patterns.pattern in R.GROUPS and S.folded(topic.patterns) is None


def test_found_mentions_are_cached_per_document_and_handed_out_as_copies() -> None:
    doc = S._index(parse(DOCS[0]))
    element = R.REASONS["R01"].elements[0]
    first = S._find(doc, element)
    assert first, "the sample names a commercial KPI"
    first.clear()  # a caller that edits its list does not edit the cache
    again = S._find(doc, element)
    assert again and again == S._find(doc, element)
    assert again[0][1] is S._find(doc, element)[0][1]  # the same mentions, not recomputed
