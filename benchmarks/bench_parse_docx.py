"""Benchmark: reviewer's DOCX parser against raw python-docx text extraction, on the same files.

Raw python-docx = ``docx.Document(path)`` + every ``paragraph.text`` + every table ``cell.text``
(what the walking skeleton did). Reviewer = ``reviewer.documents.docx.parse_docx`` (zip vetting,
XML walk, blocks with offsets; preceded by the content sniff that parse() runs). For each file: best-of-N wall time of both, and whether reviewer
reads words raw python-docx never sees (tracked insertions, text boxes, content controls, fields...).

    python benchmarks/bench_parse_docx.py [FILES_OR_DIRS...] [--repeat N]

Defaults to ../shared/corpus/wild/docx and fixtures/**/*.docx. Prints one row per file and a summary
with the time ratio (target: reviewer <= 1.3x raw python-docx).
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import docx

from reviewer.documents.base import Limits
from reviewer.documents.docx import parse_docx
from reviewer.documents.sniff import sniff
from reviewer.errors import DocumentError, UnsupportedFormatError

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"\w+")


def raw_text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def ours_text(path: Path) -> str:
    if sniff(path) != "docx":
        raise UnsupportedFormatError(path, "not a Word file (sniffed by content)")
    return parse_docx(path, limits=Limits()).text


def best_of(fn: Callable[[Path], str], path: Path, repeat: int) -> tuple[float, str | None, str]:
    """(best seconds, text or None, error name)."""
    best = float("inf")
    text: str | None = None
    err = ""
    for _ in range(repeat):
        t0 = time.perf_counter()
        try:
            text = fn(path)
        except DocumentError as e:
            err = type(e).__name__
        except Exception as e:  # raw python-docx fails in many ways; that is part of the comparison
            err = type(e).__name__
        best = min(best, time.perf_counter() - t0)
    return best, text, err


def collect(args: list[str]) -> list[Path]:
    targets = [Path(a) for a in args] or [ROOT.parent / "shared" / "corpus" / "wild" / "docx", ROOT / "fixtures"]
    files: list[Path] = []
    for t in targets:
        if t.is_dir():
            files += sorted(p for p in t.rglob("*") if p.suffix.lower() in (".docx", ".docm", ".dotx", ".dotm"))
        elif t.is_file():
            files.append(t)
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    files = collect(a.paths)
    if not files:
        raise SystemExit("no DOCX files found")
    print(f"{'file':58} {'raw s':>8} {'ours s':>8} {'ratio':>6} {'raw ch':>8} {'our ch':>8} {'+words':>6}  note")
    raw_total = ours_total = 0.0
    ratios: list[float] = []
    more = compared = rescued = 0
    for f in files:
        rt, rtext, rerr = best_of(raw_text, f, a.repeat)
        ot, otext, oerr = best_of(ours_text, f, a.repeat)
        name = f.name if len(f.name) <= 58 else f.name[:55] + "..."
        if rtext is None:
            note = f"raw: {rerr}; ours: {'text' if otext else oerr}"
            rescued += otext is not None
            print(f"{name:58} {'-':>8} {ot:8.3f} {'-':>6} {'-':>8} {len(otext or ''):8d} {'-':>6}  {note}")
            continue
        if otext is None:
            print(f"{name:58} {rt:8.3f} {ot:8.3f} {'-':>6} {len(rtext):8d} {'-':>8} {'-':>6}  ours: {oerr}")
            continue
        compared += 1
        raw_total += rt
        ours_total += ot
        ratio = ot / rt if rt > 0 else 0.0
        ratios.append(ratio)
        gained = set(WORD.findall(otext)) - set(WORD.findall(rtext))
        more += bool(gained)
        print(f"{name:58} {rt:8.3f} {ot:8.3f} {ratio:6.2f} {len(rtext):8d} {len(otext):8d} {len(gained):6d}")
    print()
    print(f"files: {len(files)}; both read: {compared}")
    print(f"files where reviewer reads words raw python-docx misses: {more} of {compared}")
    print(f"files raw python-docx cannot open but reviewer reads: {rescued}")
    if compared:
        total = ours_total / raw_total if raw_total else 0.0
        print(
            f"time, files both read: raw {raw_total:.3f} s, reviewer {ours_total:.3f} s -> ratio {total:.2f}x "
            f"(median per file {statistics.median(ratios):.2f}x; target <= 1.3x)"
        )


if __name__ == "__main__":
    main()
