"""Small document builders for tests (python-docx; no fixtures needed)."""

from __future__ import annotations

from pathlib import Path

import docx

from reviewer.models import Block, BlockKind, DocType, Document


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


def sectioned_doc(items: list[tuple[str, BlockKind]], section: str, *, doc_type: DocType = DocType.PROPOSAL) -> Document:
    """A Document built in memory: a title heading, one section heading, and ``items`` (text, kind) under it."""
    title = "Pilot proposal"
    texts = [(title, BlockKind.HEADING), (section, BlockKind.HEADING), *items]
    blocks, pos = [], 0
    for i, (text, kind) in enumerate(texts):
        path = [] if text == title else [title] if kind == BlockKind.HEADING else [title, section]
        blocks.append(Block(id=f"b{i + 1:04d}", kind=kind, text=text, start=pos, end=pos + len(text), page=1, heading_path=path))
        pos += len(text) + 2
    return Document(path="mem.pdf", name="mem.pdf", format="pdf", sha256="0" * 64, size_bytes=1, pages=1,
                    doc_type=doc_type, blocks=blocks, text="\n\n".join(t for t, _ in texts))
