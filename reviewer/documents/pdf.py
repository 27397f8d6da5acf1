"""PDF parsing with pypdf. (Minimal first version: one block per paragraph per page.)"""

from __future__ import annotations

from pathlib import Path

import pypdf
from pypdf.errors import FileNotDecryptedError, PdfReadError

from reviewer.documents.base import BlockDraft, Limits, assemble, file_sha256
from reviewer.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    NoTextLayerError,
)
from reviewer.models import BlockKind, Document


def parse_pdf(path: Path, *, password: str | None = None, limits: Limits | None = None) -> Document:
    limits = limits or Limits()
    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted:
            ok = reader.decrypt(password or "")
            if not ok:
                raise EncryptedDocumentError(path, "wrong or missing password" if password else "")
        n = len(reader.pages)
        if n > limits.max_pages:
            raise DocumentTooLargeError(path, f"{n} pages > max_pages {limits.max_pages}", limit="max_pages")
        drafts: list[BlockDraft] = []
        for i, page in enumerate(reader.pages, start=1):
            text = page.extract_text() or ""
            for para in text.split("\n\n"):
                para = " ".join(para.split())
                if para:
                    drafts.append(BlockDraft(kind=BlockKind.PARAGRAPH, text=para, page=i))
    except FileNotDecryptedError as e:
        raise EncryptedDocumentError(path) from e
    except (PdfReadError, ValueError, TypeError, KeyError, AttributeError, AssertionError) as e:
        raise CorruptDocumentError(path, type(e).__name__) from e
    if not drafts:
        raise NoTextLayerError(path, f"{n} page(s), no extractable text")
    return assemble(path, "pdf", drafts, sha256=file_sha256(path), pages=n)
