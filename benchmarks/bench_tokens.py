"""Benchmark: input tokens sent to the model per document, against the document's own tokens.

Each document is reviewed by the LLM engine against the local fake OpenAI-compatible server
(tests/fake_openai), which counts the prompt tokens it receives with the same offline tiktoken
encoding. For each document:

    doc      tokens of the document's own text (Document.text)
    sent     input tokens the server received, over all calls for the document
    fixed    the same prompt with no blocks: rubric, rules, request framing (the cached prefix and more)
    ratio    (sent - fixed) / doc, for one-call documents: the overhead of block ids and page markers

Target: ratio <= 1.15 and one call per document that fits the token budget (documents under
300 tokens are shown but not judged: a few block ids alone move their ratio).

    python benchmarks/bench_tokens.py [FILES_OR_DIRS...] [--budget N] [--check]

Defaults to fixtures/llm and fixtures/samples. ``--check`` exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewer.config import Config  # noqa: E402
from reviewer.documents import parse  # noqa: E402
from reviewer.engines.llm import LLMEngine  # noqa: E402
from reviewer.engines.llm_retry import RetryPolicy  # noqa: E402
from reviewer.errors import ReviewerError  # noqa: E402
from reviewer.models import Document  # noqa: E402
from reviewer.options import ReviewOptions  # noqa: E402
from reviewer.prompting import review_messages  # noqa: E402
from reviewer.rubric import load_rubric  # noqa: E402
from tests.fake_openai.server import MODEL, FakeOpenAI  # noqa: E402

TARGET_RATIO = 1.15
MIN_JUDGED_TOKENS = 300  # below this, a few block ids alone move the ratio: reported, not judged


def _files(args: list[str]) -> list[Path]:
    roots = [Path(a) for a in args] or [ROOT / "fixtures" / "llm", ROOT / "fixtures" / "samples"]
    out: list[Path] = []
    for r in roots:
        if r.is_dir():
            out += sorted(p for p in r.rglob("*") if p.suffix.lower() in (".pdf", ".docx"))
        elif r.exists():
            out.append(r)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--budget", type=int, default=None, help="token budget (default: the config default)")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)
    rubric = load_rubric()
    config = Config(token_budget=args.budget) if args.budget else Config()
    missed = 0
    rows: list[tuple[str, int, int, int, int, float, bool]] = []
    with FakeOpenAI() as srv:
        engine = LLMEngine(ReviewOptions(engine="llm", base_url=srv.base_url, model=MODEL), config=config,
                           retry=RetryPolicy(max_attempts=2, sleep=lambda s: None))
        system = engine._tokens(review_messages(engine.prompts, Document(path="-", name="-", format="docx",
                                                                         sha256="0" * 64, size_bytes=0), rubric)[:1])
        print(f"model {MODEL}, {engine.counter.method}, token budget {engine.token_budget}, "
              f"fixed system prefix {system} tokens\n")
        print(f"{'document':48} {'doc':>7} {'sent':>7} {'fixed':>6} {'calls':>5} {'ratio':>6}  fits")
        for path in _files(args.paths):
            try:
                doc = parse(path)
                usage = engine.review(doc, rubric).usage
            except ReviewerError as e:
                print(f"{path.name[:48]:48} error: {e}")
                continue
            own = engine.counter.count(doc.text)
            fits = len(engine.plan(doc, rubric)) == 1
            fixed = engine._tokens(review_messages(engine.prompts, doc.model_copy(update={"blocks": []}), rubric))
            ratio = (usage.input_tokens - fixed) / own if own and fits else float("nan")
            rows.append((path.name, own, usage.input_tokens, usage.calls, fixed, ratio, fits))
            bad = (fits and usage.calls != 1) or (fits and own >= MIN_JUDGED_TOKENS and ratio > TARGET_RATIO)
            missed += bad
            flag = "  <-- over target" if bad else ""
            print(f"{path.name[:48]:48} {own:7d} {usage.input_tokens:7d} {fixed:6d} {usage.calls:5d} {ratio:6.3f}  "
                  f"{'yes' if fits else 'split'}{flag}")
    one = [r for r in rows if r[6]]
    if one:
        overall = sum(r[2] - r[4] for r in one) / max(sum(r[1] for r in one), 1)
        missed += overall > TARGET_RATIO
        print(f"\n{len(rows)} document(s); {len(one)} fit the budget in one call each; "
              f"overall ratio {overall:.3f} (target <= {TARGET_RATIO}; documents under {MIN_JUDGED_TOKENS} "
              f"tokens are not judged); max {max(r[5] for r in one):.3f}")
    elif rows:
        print(f"\n{len(rows)} document(s), all split into parts (ratio applies to one-call documents only)")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
