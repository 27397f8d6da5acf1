"""Decide a file's format from its bytes, never from its extension."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Literal

from reviewer.errors import EmptyDocumentError, EncryptedDocumentError, UnsupportedFormatError

Format = Literal["pdf", "docx"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


_OLE_NAMES = ("EncryptedPackage", "WordDocument", "Workbook", "Book", "PowerPoint Document")


def _ole_stream_names(path: Path) -> set[str]:
    """Which well-known stream names occur in an OLE2 file (a scan in 1 MB chunks, names as UTF-16)."""
    wanted = {n: n.encode("utf-16-le") for n in _OLE_NAMES}
    found: set[str] = set()
    tail = b""
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            window = tail + chunk
            found.update(n for n, enc in wanted.items() if enc in window)
            tail = window[-64:]
    return found


def sniff(path: Path) -> Format:
    """Return ``"pdf"`` or ``"docx"``, or raise a DocumentError that says what the file is."""
    with path.open("rb") as f:
        head = f.read(2048)
    if not head.strip(b"\x00 \t\r\n"):
        raise EmptyDocumentError(path, "0 bytes" if not head else "only blank bytes")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_OLE):
        # OLE2 compound file: a legacy .doc/.xls/.ppt, or an encrypted OOXML package.
        names = _ole_stream_names(path)
        if "EncryptedPackage" in names:
            raise EncryptedDocumentError(
                path,
                "an encrypted Word package",
                hint="Open it in Word, remove the password (File > Info > Protect Document), save, and review that copy.",
            )
        if "WordDocument" in names:
            raise UnsupportedFormatError(
                path,
                "a legacy Word 97-2003 .doc file",
                hint="Open it in Word and save it as .docx (File > Save As > Word Document), then review that copy.",
            )
        if "Workbook" in names or "Book" in names:
            raise UnsupportedFormatError(path, "a legacy Excel .xls file")
        if "PowerPoint Document" in names:
            raise UnsupportedFormatError(path, "a legacy PowerPoint .ppt file")
        raise UnsupportedFormatError(path, "a legacy Office binary file (.doc/.xls/.ppt)")
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            from reviewer.errors import CorruptDocumentError

            raise CorruptDocumentError(path, "a damaged or truncated ZIP/Office package") from None
        if "word/document.xml" in names or any(n.startswith("word/") for n in names):
            return "docx"
        if any(n.startswith("ppt/") for n in names):
            raise UnsupportedFormatError(path, "a PowerPoint file")
        if any(n.startswith("xl/") for n in names):
            raise UnsupportedFormatError(path, "an Excel file")
        raise UnsupportedFormatError(path, "a ZIP archive that is not a Word document")
    if head.lstrip().startswith(b"{\\rtf"):
        raise UnsupportedFormatError(path, "an RTF file")
    if head.lstrip()[:5].lower() in (b"<html", b"<!doc"):
        raise UnsupportedFormatError(path, "an HTML file")
    raise UnsupportedFormatError(path, "unrecognised content")
