"""Decide a file's format from its bytes, never from its extension."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Literal

from reviewer.errors import EmptyDocumentError, EncryptedDocumentError, UnsupportedFormatError

Format = Literal["pdf", "docx"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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
        with path.open("rb") as f:
            blob = f.read(1 << 16)
        if "EncryptedPackage".encode("utf-16-le") in blob:
            raise EncryptedDocumentError(
                path,
                "an encrypted Word package",
                hint="Open it in Word, remove the password (File > Info > Protect Document), save, and review that copy.",
            )
        raise UnsupportedFormatError(path, "a legacy Office binary file (.doc/.xls/.ppt)")
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
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
