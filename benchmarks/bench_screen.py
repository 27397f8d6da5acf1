"""Screening time per document against the target: median under 50 ms for a 10-page document.

    python benchmarks/bench_screen.py [PATHS...] [--repeat N]

Defaults to the real corpus (../shared/corpus/real) and the fixtures (samples, devset, llm).
Each document is parsed once (not timed); the screening engine's ``review`` is then timed
``--repeat`` times and the median kept. Times are also normalised to 10 pages (ms x 10 / pages)
so documents of any length can be compared; as that overstates short documents (fixed cost per
rule), the ratio printed is the time at 10 pages from a least-squares line over all documents,
divided by 50 ms (below 1.0 meets the target). "+ground" adds grounding,
which is what a review pays in total for the offline engine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from reviewer.documents import parse
from reviewer.engines.screen import ScreeningEngine
from reviewer.errors import ReviewerError
from reviewer.grounding import ground
from reviewer.rubric import load_rubric

ROOT = Path(__file__).resolve().parent.parent
DEFAULTS = [ROOT.parent / "shared" / "corpus" / "real", ROOT / "fixtures" / "samples", ROOT / "fixtures" / "devset" / "docs",
            ROOT / "fixtures" / "llm"]
TARGET_MS_PER_10_PAGES = 50.0


def _files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(q for q in p.rglob("*") if q.suffix.lower() in (".pdf", ".docx"))
        elif p.exists():
            out.append(p)
    return out


def _pages(doc_pages: int | None, text_len: int) -> float:
    """PDF page count; for DOCX (no stored pages) an estimate of 3,000 characters a page."""
    return float(doc_pages) if doc_pages else max(1.0, round(text_len / 3000, 1))


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    files = _files(args.paths or DEFAULTS)
    if not files:
        print("No PDF or DOCX files found.", file=sys.stderr)
        return 2
    rubric = load_rubric(None)
    engine = ScreeningEngine()
    rules = ScreeningEngine(model=None)  # the same rules without the trained screen, timed side by side
    rows: list[tuple[str, float, float, float, float]] = []
    rules_ms: list[float] = []
    print(f"{'document':58} {'pages':>6} {'ms':>7} {'+ground':>8} {'ms/10pp':>8}")
    for f in files:
        try:
            doc = parse(f)
        except ReviewerError as e:
            print(f"{f.name[:58]:58} skipped: {e}")
            continue
        engine.review(doc, rubric)  # warm caches (compiled folded patterns)
        times, totals, alone = [], [], []
        for _ in range(args.repeat):
            t = time.perf_counter()
            rules.review(doc, rubric)
            alone.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            result = engine.review(doc, rubric)
            mid = time.perf_counter()
            ground(doc, result)
            end = time.perf_counter()
            times.append((mid - t) * 1000)
            totals.append((end - t) * 1000)
        pages = _pages(doc.pages, len(doc.text))
        ms, tot = statistics.median(times), statistics.median(totals)
        rules_ms.append(statistics.median(alone))
        per10 = ms * 10 / pages
        rows.append((f.name, pages, ms, tot, per10))
        est = "" if doc.pages else "~"
        print(f"{f.name[:58]:58} {est + format(pages, 'g'):>6} {ms:7.1f} {tot:8.1f} {per10:8.1f}")
    if not rows:
        return 2
    per10s = [r[4] for r in rows]
    raw = [r[2] for r in rows]
    print()
    print(f"documents: {len(rows)}   screening ms per document: median {statistics.median(raw):.1f}, p95 {_pct(raw, 0.95):.1f}")
    print(f"ms per 10 pages (linear scaling; overstates short documents' fixed cost): median {statistics.median(per10s):.1f}, "
          f"p95 {_pct(per10s, 0.95):.1f}")
    # Time at 10 pages from a least-squares line ms = a + b * pages over all documents.
    xs, ys = [r[1] for r in rows], raw
    slope, intercept = (statistics.linear_regression(xs, ys) if len(set(xs)) > 1 else (0.0, statistics.median(ys)))
    at10 = intercept + slope * 10
    near = [r[2] for r in rows if 5 <= r[1] <= 15]
    if near:
        print(f"documents of 5-15 pages: {len(near)}, median {statistics.median(near):.1f} ms")
    print(f"fit ms = {intercept:.1f} + {slope:.2f} x pages  ->  {at10:.1f} ms at 10 pages")
    ok = at10 <= TARGET_MS_PER_10_PAGES
    print(f"target: under {TARGET_MS_PER_10_PAGES:.0f} ms for a 10-page document   ratio (fit at 10 pages / target): "
          f"{at10 / TARGET_MS_PER_10_PAGES:.2f}x  {'OK' if ok else 'OVER TARGET'}")
    print(f"the trained screen's share: {sum(raw) / sum(rules_ms):.3f}x the rules alone in total "
          f"(median +{statistics.median(a - b for a, b in zip(raw, rules_ms, strict=True)):.1f} ms per document)")
    print(f"(machine load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores during the run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
