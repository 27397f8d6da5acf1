"""Parse time of reviewer's PDF parser against raw pypdf ``extract_text()``, side by side.

Run: python benchmarks/bench_parse_pdf.py [PDF or folder ...]
Default inputs: ../shared/corpus/real/*.pdf and fixtures/**/*.pdf. Each file is read from a fresh
PdfReader by both sides (best of --repeat runs); the target is reviewer <= 1.3x raw pypdf.
OCR of image-only pages is off unless --ocr is given, as raw pypdf does no OCR.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

import pypdf

from reviewer.documents.pdf import parse_pdf

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.3


def _raw(path: Path) -> tuple[float, int]:
    t = time.perf_counter()
    reader = pypdf.PdfReader(str(path))
    n = sum(len(p.extract_text() or "") for p in reader.pages)
    return time.perf_counter() - t, n


def _ours(path: Path) -> tuple[float, int]:
    t = time.perf_counter()
    doc = parse_pdf(path)
    return time.perf_counter() - t, len(doc.text)


def _inputs(args: list[str]) -> list[Path]:
    if not args:
        args = [str(ROOT.parent / "shared" / "corpus" / "real"), str(ROOT / "fixtures")]
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out.extend(sorted(p.rglob("*.pdf")) if p.is_dir() else [p])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=2, help="runs per file; the best time counts")
    ap.add_argument("--ocr", action="store_true", help="let reviewer OCR image-only pages (raw pypdf never does)")
    ns = ap.parse_args()
    if not ns.ocr:
        import reviewer.documents.pdf_ocr as pdf_ocr

        pdf_ocr.unavailable_reason = lambda: "disabled for the benchmark"
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    files = _inputs(ns.paths)
    if not files:
        print("no PDFs found", file=sys.stderr)
        return 2
    total_raw = total_ours = 0.0
    print(f"{'file':52} {'pypdf s':>8} {'ours s':>8} {'ratio':>6} {'pypdf ch':>9} {'ours ch':>8}")
    for f in files:
        raw = min((_raw(f) for _ in range(ns.repeat)), key=lambda r: r[0])
        try:
            ours = min((_ours(f) for _ in range(ns.repeat)), key=lambda r: r[0])
        except Exception as e:  # a benchmark reports and goes on
            print(f"{f.name[:52]:52} {raw[0]:8.3f} {'error':>8} {type(e).__name__}")
            continue
        total_raw += raw[0]
        total_ours += ours[0]
        ratio = ours[0] / raw[0] if raw[0] else float("inf")
        flag = "" if ratio <= TARGET else "  over target"
        print(f"{f.name[:52]:52} {raw[0]:8.3f} {ours[0]:8.3f} {ratio:6.2f} {raw[1]:9d} {ours[1]:8d}{flag}")
    ratio = total_ours / total_raw if total_raw else float("inf")
    verdict = "OK" if ratio <= TARGET else "OVER"
    print(f"{'TOTAL':52} {total_raw:8.3f} {total_ours:8.3f} {ratio:6.2f}   target <= {TARGET}x: {verdict}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
