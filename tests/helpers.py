"""Small document builders for tests (python-docx; no fixtures needed)."""

from __future__ import annotations

from pathlib import Path

import docx


def make_docx(path: Path, paragraphs: list[str], *, heading: str | None = "Pilot proposal",
              table: list[list[str]] | None = None) -> Path:
    """Write a simple DOCX: an optional heading, paragraphs, and an optional table (first row = header)."""
    d = docx.Document()
    if heading:
        d.add_heading(heading, level=1)
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, val in enumerate(row):
                t.cell(r, c).text = val
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    return path


STRONG_PROPOSAL = [
    "This proposal seeks approval for a twelve-week pilot of AI-assisted claims triage.",
    "The commercial KPI is average claims handling time, from a baseline of 11.2 days to a target of 8 days, "
    "measured weekly from the claims system.",
    "The Head of Claims Operations, Dana Okafor, is the operational owner from kick-off and will run the service at scale.",
]
