"""PDF parsing with pypdf: layout-aware blocks, typed errors, limits and hidden-text flags.

How it works: pypdf opens the file and decodes fonts; ``pdf_content`` walks each page's content
stream and records every shown string with its position, size, weight and visibility;
``pdf_layout`` rebuilds lines (word gaps from glyph positions), drops running headers, footers and
page numbers, reflows lines into paragraphs and finds headings and list items.

Hidden text (white on a white page, under 2 pt, invisible render mode, fully transparent, or outside
the CropBox/MediaBox) becomes separate blocks with ``hidden=True`` and a warning naming the pages; it
never merges into visible paragraphs. Invisible OCR layers over scanned images count as visible.

Pages without a text layer: if every page is empty the parse fails with ``NoTextLayerError``; if only
some are, a warning names them. With the optional OCR extra (``pdf_ocr``) those pages are read by
Tesseract instead and listed in ``Document.ocr_pages``.

Defences against hostile files:

- every exception pypdf (or Python underneath it) raises while reading becomes
  ``CorruptDocumentError``; ``RecursionError`` from deeply nested objects included (the recursion
  limit is capped at ``MAX_RECURSION`` while parsing, should the host have raised it); pypdf's own
  safety limits (``LimitReachedError``) become ``DocumentTooLargeError``, except reference loops;
- ``Limits.max_pages`` is checked before any page is read;
- ``Limits.parse_seconds`` bounds the whole parse. The interpreter checks the clock between pages and
  every few thousand operators. A single pypdf call (decompressing or tokenising one huge stream)
  cannot be interrupted from the same thread, so on the main thread a ``SIGALRM`` timer
  (``signal.setitimer``) interrupts it too; in worker threads only the checks between operators apply.
- form XObjects that paint themselves, nest too deep or are painted too often are cut off
  (``pdf_content.MAX_FORM_DEPTH`` / ``MAX_FORM_CALLS``).
"""

from __future__ import annotations

import contextlib
import logging
import re
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pypdf
from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError

from reviewer.documents.base import BlockDraft, Limits, assemble, file_sha256
from reviewer.documents.pdf_content import Interpreter, PageContent, ParseTimeout, _FontCache
from reviewer.documents.pdf_layout import (
    BlockOut,
    Line,
    body_style,
    build_blocks,
    build_lines,
    classify_headings,
    finish,
    group_rows,
    join_lines,
    line_pitches,
    remove_running,
    vocabulary,
)
from reviewer.errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    NoTextLayerError,
)
from reviewer.models import BlockKind, Document

_FRONT_MATTER = re.compile(r"^(?:table of )?contents\b|^contents page$", re.I)

#: A page with fewer visible characters than this has no usable text layer.
MIN_PAGE_CHARS = 8


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Interrupt a long single call with SIGALRM, when that is possible (main thread, POSIX)."""
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0.0
    )
    if not usable or seconds <= 0:
        yield
        return

    def _raise(signum: int, frame: FrameType | None) -> None:
        raise ParseTimeout

    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


#: Deepest Python recursion allowed while reading a PDF (pypdf parses nested objects recursively).
MAX_RECURSION = 5000


@contextlib.contextmanager
def _bounded_recursion() -> Iterator[None]:
    """Cap the recursion limit while parsing, in case the host application raised it.

    Nested arrays 100,000 deep then end in ``RecursionError`` (a typed error) instead of overflowing the
    C stack. The default limit (1000) is left alone.
    """
    old = sys.getrecursionlimit()
    if old <= MAX_RECURSION:
        yield
        return
    sys.setrecursionlimit(MAX_RECURSION)
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


_QUIET_LOCK = threading.Lock()
_quiet_depth = 0
_quiet_saved = logging.NOTSET


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs a warning for every oddity in a damaged file; keep them out of the user's console.

    Counted, so parses in several threads restore the logger's level only when the last one ends.
    """
    global _quiet_depth, _quiet_saved
    log = logging.getLogger("pypdf")
    with _QUIET_LOCK:
        if _quiet_depth == 0:
            _quiet_saved = log.level
            log.setLevel(logging.ERROR)
        _quiet_depth += 1
    try:
        yield
    finally:
        with _QUIET_LOCK:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                log.setLevel(_quiet_saved)


def parse_pdf(path: Path, *, password: str | None = None, limits: Limits | None = None) -> Document:
    """Parse a PDF into a Document, or raise a ``DocumentError`` naming the file and the fix."""
    limits = limits or Limits()
    start = time.monotonic()
    deadline = start + limits.parse_seconds
    try:
        with _quiet_pypdf(), _bounded_recursion(), _alarm(limits.parse_seconds + 0.5):
            return _parse(path, password, limits, deadline)
    except DocumentError:
        raise
    except ParseTimeout:
        raise DocumentTooLargeError(
            path, f"parsing took longer than parse_seconds {limits.parse_seconds:g}", limit="parse_seconds"
        ) from None
    except FileNotDecryptedError as e:
        raise EncryptedDocumentError(path, "needs a password") from e
    except LimitReachedError as e:
        if re.search(r"loop|cycl", str(e), re.I):
            raise CorruptDocumentError(path, f"objects refer to themselves in a loop ({_describe(e)})") from e
        raise DocumentTooLargeError(
            path, f"the PDF reader stopped at one of its safety limits: {_describe(e)}",
            hint="The file is unusually large or deeply nested and may be hostile; re-export it from the original, "
            "or split it.",
        ) from e
    except RecursionError:
        raise CorruptDocumentError(path, "objects nested too deeply") from None
    except MemoryError:
        raise DocumentTooLargeError(
            path, "ran out of memory while reading",
            hint="The file needs more memory than is available and may be hostile; re-export it, or split it.",
        ) from None
    except (PdfReadError, ValueError, TypeError, KeyError, AttributeError, AssertionError, IndexError,
            ZeroDivisionError, OverflowError, UnicodeError, LookupError, OSError, NotImplementedError) as e:
        raise CorruptDocumentError(path, _describe(e)) from e
    except Exception as e:  # any other failure inside pypdf is still a damaged file: never a traceback
        raise CorruptDocumentError(path, _describe(e)) from e


def _describe(e: BaseException) -> str:
    msg = str(e).splitlines()[0][:120] if str(e) else ""
    msg = re.sub(r", \d{9,}\)", ")", msg)  # pypdf prints object ids: keep messages stable between runs
    return f"{type(e).__name__}: {msg}" if msg else type(e).__name__


def _open(path: Path, password: str | None) -> pypdf.PdfReader:
    reader = pypdf.PdfReader(str(path))
    if reader.is_encrypted:
        ok = False
        with contextlib.suppress(PdfReadError):
            ok = bool(reader.decrypt(""))
        if not ok and password:
            ok = bool(reader.decrypt(password))
            if not ok:
                raise EncryptedDocumentError(
                    path, "the password given does not open it",
                    hint="Check the password and pass it with --password, or save an unprotected copy.",
                )
        if not ok:
            raise EncryptedDocumentError(path, "needs a password")
    return reader


def _parse(path: Path, password: str | None, limits: Limits, deadline: float) -> Document:
    reader = _open(path, password)
    n = len(reader.pages)
    if n > limits.max_pages:
        raise DocumentTooLargeError(path, f"{n} pages > max_pages {limits.max_pages}", limit="max_pages")
    fonts = _FontCache()
    contents: list[PageContent] = []
    notes: list[str] = []
    for page in reader.pages:
        if time.monotonic() > deadline:
            raise ParseTimeout
        content = Interpreter(fonts, deadline, reader).run_page(page)
        contents.append(content)
        notes.extend(x for x in content.notes if x not in notes)
    warnings = [f"Unusual PDF structure: {x}." for x in notes]

    # Lines per page, visible and hidden apart.
    visible: list[list[Line]] = []
    hidden: list[list[Line]] = []
    for i, c in enumerate(contents, start=1):
        visible.append(build_lines([s for s in c.spans if s.hidden is None], i))
        hidden.append(build_lines([s for s in c.spans if s.hidden is not None], i))
    chars = [sum(ch.isalnum() for ln in lines for ch in ln.text) for lines in visible]
    images = sum(c.images for c in contents)
    # A page needs OCR when it shows (almost) no text but paints an image: a scan. Blank pages do not.
    empty_pages = [i for i, (k, c) in enumerate(zip(chars, contents, strict=True), start=1)
                   if k < MIN_PAGE_CHARS and c.images]
    ocr_pages: list[int] = []
    scanned = sum(chars) == 0 or (sum(chars) < 20 and images > 0 and len(empty_pages) == n)
    if scanned:
        empty_pages = list(range(1, n + 1))
    if empty_pages:
        ocr = _try_ocr(path, empty_pages, password, deadline)
        for i, lines in (ocr or {}).items():
            visible[i - 1] = lines
        ocr_pages = sorted(ocr or {})
        missing = [p for p in empty_pages if p not in ocr_pages]
        if scanned and not ocr_pages:
            if ocr is None:
                raise NoTextLayerError(path, f"{n} page(s), no extractable text")
            raise NoTextLayerError(
                path, f"{n} page(s), no extractable text, and OCR found no words",
                hint="The pages are images without readable text; check that this is the document you meant.",
            )
        if missing:
            fix = ("Install the OCR extra (pip install 'reviewer[ocr]' and tesseract-ocr) to read them."
                   if ocr is None else "OCR found no words on them.")
            warnings.append(
                f"Page(s) {_pages(missing)} have no text layer (scanned or image-only); their content is "
                f"not reviewed. {fix}"
            )

    if ocr_pages:
        warnings.append(f"Page(s) {_pages(ocr_pages)} have no text layer and were read by OCR (Tesseract); "
                        "OCR text may contain recognition errors.")

    boxes = [(c.box[1], c.box[3]) for c in contents]
    remove_running(visible, boxes)
    pitches = line_pitches(visible)
    vocab = vocabulary(visible)

    per_page: list[list[BlockOut]] = []
    for i, lines in enumerate(visible, start=1):
        blocks = build_blocks(lines, pitches, i)
        hidden_blocks = build_blocks(hidden[i - 1], pitches, i)
        for b in hidden_blocks:
            b.hidden = True
            b.kind = BlockKind.PARAGRAPH
        for b in blocks + hidden_blocks:
            finish(b, vocab)
        blocks = group_rows(blocks)
        # Invisible list numbers and stray marks carry nothing a reader or a model could be steered by.
        hidden_blocks = [b for b in hidden_blocks if re.search(r"[^\W\d_]{2}", b.text)]
        per_page.append(blocks + hidden_blocks)
    _join_across_pages(per_page, vocab)
    all_blocks = [b for page_blocks in per_page for b in page_blocks]
    body_size, body_bold = body_style(all_blocks)
    classify_headings(all_blocks, body_size, body_bold)

    hidden_pages = sorted({b.page for b in all_blocks if b.hidden})
    if hidden_pages:
        reasons = sorted({ln.hidden for page in hidden for ln in page if ln.hidden})
        warnings.append(
            f"Hidden text on page(s) {_pages(hidden_pages)} ({'; '.join(reasons)}): "
            "kept as separate hidden blocks, not part of the readable text."
        )

    drafts: list[BlockDraft] = []
    path_stack: list[tuple[int, str]] = []
    for b in all_blocks:
        if not b.text.strip():
            continue
        if b.kind == BlockKind.HEADING and b.level is not None:
            # Front matter ("Contents") is no section of what follows it.
            path_stack = [(lvl, t) for lvl, t in path_stack if lvl < b.level and not _FRONT_MATTER.match(t)]
            heading_path = [t for _, t in path_stack]
            path_stack.append((b.level, b.text))
        else:
            heading_path = [t for _, t in path_stack]
        x0, y0, x1, y1 = b.bbox
        drafts.append(
            BlockDraft(
                kind=b.kind,
                text=b.text,
                page=b.page,
                heading_path=heading_path,
                level=b.level,
                hidden=b.hidden,
                hidden_reason="; ".join(sorted({ln.hidden for ln in b.lines if ln.hidden})) or None if b.hidden else None,
                bbox=(round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2)),
            )
        )
    if not any(not d.hidden for d in drafts):
        raise NoTextLayerError(path, f"{n} page(s), no visible text")
    title = _visible_title(all_blocks) or _title(reader)
    return assemble(path, "pdf", drafts, sha256=file_sha256(path), pages=n, title=title, warnings=warnings,
                    ocr_pages=ocr_pages)


def _join_across_pages(per_page: list[list[BlockOut]], vocab: set[str]) -> None:
    """A paragraph cut by a page break (no closing punctuation, next page starts in lower case) is one block.

    The joined block keeps the page and box where it starts.
    """
    for i in range(1, len(per_page)):
        prev_page = [b for b in per_page[i - 1] if not b.hidden]
        here = [b for b in per_page[i] if not b.hidden]
        if not prev_page or not here:
            continue
        last, first = prev_page[-1], here[0]
        if (last.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) and first.kind == BlockKind.PARAGRAPH
                and last.text and first.text[:1].islower() and not last.text.endswith((".", ":", "!", "?", '"', "”"))
                and abs(first.size - last.size) <= 0.6):
            last.lines.extend(first.lines)
            last.text = join_lines([last.text, first.text], vocab)
            per_page[i].remove(first)


def _visible_title(blocks: list[BlockOut]) -> str | None:
    """The largest heading on the first two pages: what a reader takes as the title."""
    for page in (1, 2):
        heads = [b for b in blocks if b.kind == BlockKind.HEADING and b.page == page and len(b.text) >= 4
                 and b.text.lower().strip(" :") not in ("contents", "table of contents")]
        if heads:
            return max(heads, key=lambda b: (b.size, -blocks.index(b))).text
    return None


def _title(reader: pypdf.PdfReader) -> str | None:
    try:
        meta = reader.metadata
        t = meta.title if meta is not None else None
    except Exception:
        return None
    if isinstance(t, str):
        t = " ".join(t.split())
        if len(t) >= 4 and not t.lower().startswith(("microsoft word", "untitled")) and not t.lower().endswith(
            (".doc", ".docx", ".pdf")
        ):
            return t
    return None


def _pages(pages: list[int]) -> str:
    """'1-3, 7' from [1, 2, 3, 7]."""
    out: list[str] = []
    i = 0
    while i < len(pages):
        j = i
        while j + 1 < len(pages) and pages[j + 1] == pages[j] + 1:
            j += 1
        out.append(str(pages[i]) if i == j else f"{pages[i]}-{pages[j]}")
        i = j + 1
    return ", ".join(out)


def _try_ocr(path: Path, pages: list[int], password: str | None, deadline: float) -> dict[int, list[Line]] | None:
    """OCR the given pages when the optional extra is installed; None when OCR is unavailable or fails."""
    try:
        from reviewer.documents.pdf_ocr import ocr_pages
    except ImportError:
        return None
    try:
        return ocr_pages(path, pages, password, deadline=deadline)
    except ParseTimeout:
        raise
    except Exception:  # a renderer or Tesseract failure leaves the pages as "no text layer"
        return None
