"""Optional OCR for PDF pages without a text layer: pypdfium2 renders, Tesseract reads.

Installed with ``pip install 'reviewer[ocr]'`` plus Debian's ``tesseract-ocr``. When either is missing,
``ocr_pages`` returns None and the parser reports the pages as needing OCR instead.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

from reviewer.documents.pdf_layout import Line

#: Render resolution for OCR, and the largest bitmap side (giant pages are rendered smaller).
DPI = 300
MAX_SIDE_PX = 5000
#: Words Tesseract is less sure of than this (0-100) are dropped.
MIN_CONFIDENCE = 50.0


def unavailable_reason() -> str | None:
    """Why OCR cannot run here, or None when it can."""
    try:
        import pypdfium2  # noqa: F401
        import pytesseract
    except ImportError:
        return "the OCR extra is not installed (pip install 'reviewer[ocr]')"
    if shutil.which("tesseract") is None:
        return "the tesseract program is not on PATH (apt-get install tesseract-ocr)"
    try:
        pytesseract.get_tesseract_version()
    except Exception as e:  # tesseract present but broken: treat as absent
        return f"tesseract does not run ({type(e).__name__})"
    return None


def ocr_pages(path: Path, pages: list[int], password: str | None, *, deadline: float | None = None) -> dict[int, list[Line]] | None:
    """OCR the given 1-based pages into lines (PDF user space); None when OCR is unavailable.

    Pages whose OCR finds no words are left out of the result.
    """
    if unavailable_reason() is not None:
        return None
    import pypdfium2 as pdfium
    import pytesseract

    out: dict[int, list[Line]] = {}
    doc = pdfium.PdfDocument(str(path), password=password or None)
    try:
        for number in pages:
            if deadline is not None and time.monotonic() > deadline:
                break
            page = doc[number - 1]
            try:
                width, height = page.get_size()
                scale = min(DPI / 72.0, MAX_SIDE_PX / max(width, height, 1.0))
                image = page.render(scale=scale).to_pil()
            finally:
                page.close()
            timeout = max(1.0, deadline - time.monotonic()) if deadline is not None else 0
            data = pytesseract.image_to_data(image, output_type=pytesseract.Output.DICT, timeout=timeout)
            lines = _lines(data, scale, height, number)
            if lines:
                out[number] = lines
    finally:
        doc.close()
    return out


def _lines(data: dict[str, list[Any]], scale: float, page_height: float, page: int) -> list[Line]:
    """Group Tesseract's words by (block, paragraph, line) into Lines in PDF coordinates."""
    groups: dict[tuple[int, int, int], list[int]] = {}
    for i, text in enumerate(data["text"]):
        if not str(text).strip():
            continue
        try:
            conf = float(data["conf"][i])
        except (TypeError, ValueError):
            conf = -1.0
        if conf < MIN_CONFIDENCE:
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        groups.setdefault(key, []).append(i)
    lines: list[Line] = []
    for key in sorted(groups):
        idx = groups[key]
        x0 = min(data["left"][i] for i in idx) / scale
        x1 = max(data["left"][i] + data["width"][i] for i in idx) / scale
        top = min(data["top"][i] for i in idx) / scale
        bottom = max(data["top"][i] + data["height"][i] for i in idx) / scale
        heights = sorted(data["height"][i] for i in idx)
        size = max(heights[len(heights) // 2] / scale * 1.2, 4.0)
        y0, y1 = page_height - bottom, page_height - top
        text = " ".join(str(data["text"][i]).strip() for i in idx)
        lines.append(Line(text=text, x0=x0, x1=x1, y=y0, size=round(size), bold=False, page=page, direction=0,
                          bbox=(x0, y0, x1, y1)))
    return lines
