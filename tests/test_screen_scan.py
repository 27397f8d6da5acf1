"""The screening engine's scan: grouped and prefiltered matching finds exactly what the plain pattern finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.documents import parse
from reviewer.engines import screen as S
from reviewer.engines import screen_rules as R

from .conftest import FIXTURES

DOCS = sorted((FIXTURES / "samples").glob("*.pdf")) + sorted((FIXTURES / "samples").glob("*.docx"))
GROUPED = [(f"{r.reason_id}:{el.name}", el.patterns) for r in R.REASONS.values()
           for el in [*r.elements, *r.gap_cues, *([r.topic] if r.topic else [])] if el.patterns.pattern in R.GROUPS]


def test_long_patterns_are_grouped() -> None:
    assert len(GROUPED) >= 5, "the long element patterns should be scanned in groups"


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
def test_grouped_scan_equals_the_plain_pattern(path: Path) -> None:
    doc = S._index(parse(path))
    for name, pattern in GROUPED:
        fast = S.folded(pattern)
        expected = []
        for k, start in enumerate(doc.starts):
            # the joined pattern, unit by unit, no prefilter (on the folded text where it can run there, as the engine does)
            if fast is not None:
                m = fast.search(doc.folded, start, start + len(doc.units[k].text))
                if m is not None:
                    expected.append((k, m.start() - start, m.end() - start))
            elif (mm := pattern.search(doc.units[k].text)) is not None:
                expected.append((k, mm.start(), mm.end()))
        assert S._scan(doc, pattern) == expected, f"{path.name}: {name}"


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
