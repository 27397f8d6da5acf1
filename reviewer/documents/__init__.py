"""Parse PDF and DOCX files into one Document model: ``parse(path) -> Document``."""

from __future__ import annotations

from pathlib import Path

from reviewer.documents.base import Limits
from reviewer.documents.doctype import detect_doc_type
from reviewer.documents.sniff import sniff
from reviewer.errors import DocumentError, DocumentTooLargeError, EmptyDocumentError
from reviewer.models import DocType, Document

__all__ = ["Limits", "parse"]


def parse(
    path: str | Path,
    *,
    password: str | None = None,
    limits: Limits | None = None,
    doc_type: DocType | str | None = None,
) -> Document:
    """Read a PDF or DOCX (decided by content) into a Document, with its type detected or set.

    Raises a ``DocumentError`` subclass naming the file and what to do.
    """
    p = Path(path)
    limits = limits or Limits()
    if not p.is_file():
        raise DocumentError(p, "no such file", hint="Check the path.")
    size = p.stat().st_size
    if size == 0:
        raise EmptyDocumentError(p, "0 bytes")
    if size > limits.max_file_mb * 1024 * 1024:
        raise DocumentTooLargeError(
            p, f"{size / 1048576:.1f} MB > max_file_mb {limits.max_file_mb:g}", limit="max_file_mb"
        )
    fmt = sniff(p)
    if fmt == "pdf":
        from reviewer.documents.pdf import parse_pdf

        doc = parse_pdf(p, password=password, limits=limits)
    else:
        from reviewer.documents.docx import parse_docx

        doc = parse_docx(p, limits=limits)
    if len(doc.text) > limits.max_chars:
        raise DocumentTooLargeError(p, f"{len(doc.text)} characters > max_chars {limits.max_chars}", limit="max_chars")
    if doc_type is not None:
        dt = DocType(doc_type)
        return doc.model_copy(update={"doc_type": dt, "doc_type_source": "override", "doc_type_reason": "set by --doc-type"})
    dt, why = detect_doc_type(doc)
    return doc.model_copy(update={"doc_type": dt, "doc_type_source": "detected", "doc_type_reason": why})
