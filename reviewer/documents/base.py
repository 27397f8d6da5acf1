"""Shared pieces for parsers: limits, block drafts and assembling a Document with offsets."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from reviewer.models import Block, BlockKind, Document


@dataclass(frozen=True)
class Limits:
    """Resource limits for untrusted input. Each is named in the error that enforces it."""

    max_file_mb: float = 100.0
    max_pages: int = 500
    max_chars: int = 5_000_000
    max_unzipped_mb: float = 200.0  # DOCX: total uncompressed size of the zip
    max_zip_ratio: float = 200.0  # DOCX: uncompressed / compressed of any one entry
    parse_seconds: float = 60.0


@dataclass
class BlockDraft:
    """A block before offsets and ids are assigned."""

    kind: BlockKind
    text: str
    page: int | None = None
    paragraph: int | None = None
    heading_path: list[str] = field(default_factory=list)
    level: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    hidden: bool = False
    hidden_reason: str | None = None
    bbox: tuple[float, float, float, float] | None = None


BLOCK_SEPARATOR = "\n\n"


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def assemble(
    path: Path,
    fmt: Literal["pdf", "docx"],
    drafts: list[BlockDraft],
    *,
    sha256: str,
    pages: int | None = None,
    title: str | None = None,
    warnings: list[str] | None = None,
    ocr_pages: list[int] | None = None,
) -> Document:
    """Join drafts into ``Document.text`` and give each block a stable id and offsets.

    Ids are ``b0001``... in reading order, so the same bytes always give the same ids.
    Empty drafts are dropped.
    """
    blocks: list[Block] = []
    parts: list[str] = []
    pos = 0
    for d in drafts:
        text = d.text.strip()
        if not text:
            continue
        if parts:
            parts.append(BLOCK_SEPARATOR)
            pos += len(BLOCK_SEPARATOR)
        start = pos
        parts.append(text)
        pos += len(text)
        blocks.append(
            Block(
                id=f"b{len(blocks) + 1:04d}",
                kind=d.kind,
                text=text,
                start=start,
                end=pos,
                page=d.page,
                paragraph=d.paragraph,
                heading_path=list(d.heading_path),
                level=d.level,
                table=d.table,
                row=d.row,
                col=d.col,
                hidden=d.hidden,
                hidden_reason=d.hidden_reason,
                bbox=d.bbox,
            )
        )
    if title is None:
        title = next((b.text for b in blocks if b.kind == BlockKind.HEADING), None)
    return Document(
        path=str(path),
        name=path.name,
        format=fmt,
        sha256=sha256,
        size_bytes=path.stat().st_size,
        pages=pages,
        title=title[:200] if title else None,
        blocks=blocks,
        text="".join(parts),
        warnings=list(warnings or []),
        ocr_pages=list(ocr_pages or []),
    )
