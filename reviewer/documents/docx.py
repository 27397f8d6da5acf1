"""DOCX parsing with python-docx. (Minimal first version: body paragraphs and tables.)"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from reviewer.documents.base import BlockDraft, Limits, assemble, file_sha256
from reviewer.errors import CorruptDocumentError, EmptyDocumentError
from reviewer.models import BlockKind, Document


def parse_docx(path: Path, *, limits: Limits | None = None) -> Document:
    try:
        d = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as e:
        raise CorruptDocumentError(path, type(e).__name__) from e
    drafts: list[BlockDraft] = []
    headings: list[str] = []
    para_no = 0
    table_no = 0
    for item in d.iter_inner_content():
        if isinstance(item, Paragraph):
            para_no += 1
            text = item.text
            style = (item.style.name if item.style is not None else "") or ""
            if style.startswith("Heading") or style == "Title":
                try:
                    level = int(style.split()[-1])
                except ValueError:
                    level = 1
                headings = headings[: level - 1] + [text.strip()]
                drafts.append(BlockDraft(BlockKind.HEADING, text, paragraph=para_no, heading_path=headings[:-1], level=level))
            else:
                kind = BlockKind.LIST_ITEM if "List" in style else BlockKind.PARAGRAPH
                drafts.append(BlockDraft(kind, text, paragraph=para_no, heading_path=list(headings)))
        elif isinstance(item, Table):
            table_no += 1
            header: list[str] = []
            for r, row in enumerate(item.rows, start=1):
                cells = [c.text.strip() for c in row.cells]
                if r == 1:
                    header = cells
                    text = " | ".join(cells)
                else:
                    text = " | ".join(f"{h}: {c}" if h and h != c else c for h, c in zip(header, cells, strict=False))
                drafts.append(BlockDraft(BlockKind.TABLE_ROW, text, heading_path=list(headings), table=table_no, row=r))
    if not any(dr.text.strip() for dr in drafts):
        raise EmptyDocumentError(path, "no text in the document body")
    return assemble(path, "docx", drafts, sha256=file_sha256(path))
