"""Batch benchmark: throughput against the ideal, warm-cache rerun, memory for 20 vs 200 documents.

    python benchmarks/bench_batch.py                 # full run (about 3 minutes)
    python benchmarks/bench_batch.py --docs 40 --jobs 4,16 --latency 0.2   # quicker look

It starts a tiny OpenAI-compatible server (below) in a separate process that sleeps ``--latency``
seconds before each answer, and reviews generated documents with the real LLM engine (langchain,
structured output, json_schema) through ``reviewer.review_paths``. Documents are copies of fixtures/samples with varied bytes (a PDF
comment or a DOCX paragraph added), so each one is a distinct cache key.

Reported: wall time vs ideal (model calls x latency / jobs) at each --jobs; the warm rerun's time
and model calls (engine.review invocations counted by a wrapper); peak RSS (and tracemalloc peak)
of a child process reviewing 20 vs 200 documents. Targets: >= 85% of ideal at 16 jobs, 0 calls
on the warm rerun, peak memory for 200 documents <= 1.5x that for 20.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FORMATS = ("md", "json")


def make_documents(folder: Path, n: int) -> list[Path]:
    """``n`` distinct documents: the sample fixtures, each copy with a few bytes changed."""
    import io

    import docx

    samples = sorted(p for p in (ROOT / "fixtures" / "samples").iterdir() if p.suffix in (".pdf", ".docx"))
    if not samples:
        raise SystemExit("fixtures/samples is empty: run python fixtures/build.py first")
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    for i in range(n):
        src = samples[i % len(samples)]
        dest = folder / f"{i:04d}-{src.name}"
        if src.suffix == ".pdf":
            dest.write_bytes(src.read_bytes() + f"\n%bench copy {i}\n".encode())
        else:
            d = docx.Document(str(src))
            d.add_paragraph(f"Benchmark copy {i}.")
            buf = io.BytesIO()
            d.save(buf)
            dest.write_bytes(buf.getvalue())
        out.append(dest)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --------------------------------------------------------------------------- a tiny model server
#
# tests/fake_openai/server.py reads every prompt with keyword rules (about 100 ms of CPU a request),
# which on a small machine would measure the fake server, not the batch. This one answers in the
# same OpenAI structured-output shape the LLM engine expects, with a canned review that quotes the
# document's first block, after sleeping the latency: almost no CPU.

_FIRST_BLOCK = re.compile(r"^\[(b\d+)[^\]]*\] (.{20,}?)(?:[.!?]|$)", re.M)
_REASONS = [f"R{i:02d}" for i in range(1, 11)]
_EMPTY_FACTS = {"commercial_kpis": [], "technical_metrics": [], "operational_owner": None, "sponsor": None,
                "portfolio_owner": None, "unit_costs": [], "governance": []}


def _answer(body: dict[str, Any]) -> tuple[str, str]:
    if body.get("response_format"):
        schema = body["response_format"]["json_schema"]["name"]
    else:
        schema = body["tools"][0]["function"]["name"]
    user = next((str(m.get("content") or "") for m in body.get("messages", []) if m.get("role") == "user"), "")
    m = _FIRST_BLOCK.search(user)
    evidence = [{"block_id": m.group(1), "quote": m.group(2).strip()}] if m else []
    findings = [{"reason_id": rid, "status": "partial" if (rid == "R01" and evidence) else "missing",
                 "evidence": evidence if rid == "R01" else [], "rationale": "Benchmark answer.",
                 "missing": ["evidence for this reason"], "fix": "Add the evidence."} for rid in _REASONS]
    return schema, json.dumps({"findings": findings, "facts": _EMPTY_FACTS, "reviewer_directed_text": []})


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, the client's delayed ACK adds ~40 ms to
    # every keep-alive response, which would be charged to the batch.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        time.sleep(self.server.latency)  # type: ignore[attr-defined]
        body = json.loads(raw)
        schema, content = _answer(body)
        if body.get("response_format"):
            message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": None}
        else:
            message = {"role": "assistant", "content": None, "tool_calls": [
                {"id": "call_bench", "type": "function", "function": {"name": schema, "arguments": content}}]}
        prompt_tokens = len(raw) // 4
        out = json.dumps({
            "id": "chatcmpl-bench", "object": "chat.completion", "created": 1767225600, "model": body.get("model"),
            "choices": [{"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": len(content) // 4,
                      "total_tokens": prompt_tokens + len(content) // 4,
                      "prompt_tokens_details": {"cached_tokens": 0}},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:  # clients that went away
        pass


def serve(port: int, latency: float) -> None:
    """Run the tiny server (in its own process, so its CPU is not the batch's)."""
    httpd = _Server(("127.0.0.1", port), _Handler)
    httpd.latency = latency  # type: ignore[attr-defined]
    httpd.serve_forever(poll_interval=0.1)


def start_server(latency: float) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, __file__, "--serve", str(port), "--latency", str(latency)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc, f"http://127.0.0.1:{port}/v1"
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the benchmark's model server did not start")


class CallCounter:
    """Wraps an engine; counts review() calls (each makes one or more HTTP calls)."""

    def __init__(self, engine: Any) -> None:
        self.engine, self.calls, self._lock = engine, 0, threading.Lock()

    @property
    def info(self) -> Any:
        return self.engine.info

    def __getattr__(self, name: str) -> Any:
        return getattr(self.engine, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "limiter":
            setattr(self.engine, name, value)
        else:
            object.__setattr__(self, name, value)

    def review(self, document: Any, rubric: Any) -> Any:
        with self._lock:
            self.calls += 1
        return self.engine.review(document, rubric)


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


class SleepingEngine:
    """A stand-in engine that only sleeps the latency and answers nothing: the pipeline's own cost."""

    def __init__(self, latency: float) -> None:
        self.latency = latency

    @property
    def info(self) -> Any:
        from reviewer.models import EngineInfo

        return EngineInfo(name="llm", label="sleeping stand-in", model="sleep", prompt_version="bench")

    def review(self, document: Any, rubric: Any) -> Any:
        from reviewer.models import EngineResult, Usage

        time.sleep(self.latency)
        return EngineResult(findings=[], usage=Usage(calls=1))


def run_pipeline_only(docs_dir: Path, out: Path, latency: float, jobs: int) -> tuple[float, Any]:
    from reviewer.batch import discover, run_batch
    from reviewer.options import ReviewOptions
    from reviewer.rubric import load_rubric

    t0 = time.perf_counter()
    result = run_batch(discover([docs_dir]), options=ReviewOptions(engine="screen", formats=FORMATS, jobs=jobs),
                       rubric=load_rubric(), engine=SleepingEngine(latency), out_dir=out)  # type: ignore[arg-type]
    return time.perf_counter() - t0, result


def run(docs_dir: Path, out: Path, base_url: str, jobs: int) -> tuple[float, Any, int]:
    """One batch; returns (seconds, BatchResult, engine.review calls). Imports happen before the clock
    starts (process start-up is not batch time); building the engine is timed."""
    import langchain_openai  # noqa: F401

    import reviewer.engines.llm  # noqa: F401
    from reviewer import batch

    counters: list[CallCounter] = []
    real = batch.make_engine

    def counting(options: Any) -> Any:
        c = CallCounter(real(options))
        counters.append(c)
        return c

    batch.make_engine = counting  # type: ignore[assignment]
    try:
        t0 = time.perf_counter()
        cpu0 = _cpu()
        result = batch.review_paths([docs_dir], out=out, engine="llm", base_url=base_url, jobs=jobs,
                                    formats=FORMATS, max_attempts=1)
        secs = time.perf_counter() - t0
        run.cpu = _cpu() - cpu0  # type: ignore[attr-defined]
        return secs, result, sum(c.calls for c in counters)
    finally:
        batch.make_engine = real  # type: ignore[assignment]


def memory_child(n: int, base_url: str, jobs: int) -> None:
    """Run in a subprocess: review ``n`` documents, print peak RSS and tracemalloc peak as JSON."""
    work = Path(tempfile.mkdtemp(prefix="bench-mem-"))
    try:
        make_documents(work / "docs", n)
        from reviewer import batch  # noqa: F401  (imports before the measurement)

        tracemalloc.start()
        secs, result, _calls = run(work / "docs", work / "out", base_url, jobs)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        failed = len(result.failed)
        print(json.dumps({"n": n, "rss_mb": rss_kb / 1024, "traced_mb": peak / 1048576, "failed": failed,
                          "seconds": secs}))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--jobs", default="1,4,16", help="comma-separated --jobs values to time")
    ap.add_argument("--latency", type=float, default=0.5, help="seconds the fake server sleeps per call")
    ap.add_argument("--memory", default="20,200", help="document counts for the memory comparison ('' to skip)")
    ap.add_argument("--memory-child", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--base-url", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--serve", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve is not None:
        serve(args.serve, args.latency)
        return 0
    if args.memory_child is not None:
        memory_child(args.memory_child, args.base_url, max(int(j) for j in args.jobs.split(",")))
        return 0

    jobs_list = [int(j) for j in args.jobs.split(",") if j]
    server, base_url = start_server(args.latency)
    work = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    ok = True
    try:
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"reviewer batch benchmark: {args.docs} documents, local OpenAI-compatible server sleeping "
              f"{args.latency * 1000:.0f} ms per call, real LLM engine (langchain), formats {','.join(FORMATS)}, "
              f"{os.cpu_count()} CPU(s), "
              f"load average {load:.1f}")
        docs = work / "docs"
        make_documents(docs, args.docs)
        print(f"{'jobs':>5} {'calls':>6} {'wall s':>8} {'ideal s':>8} {'of ideal':>9} {'CPU ms/doc':>11}  failed")
        last_out = None
        for jobs in jobs_list:
            out = work / f"out-j{jobs}"
            secs, result, _ = run(docs, out, base_url, jobs)
            calls = result.usage.calls
            ideal = calls * args.latency / jobs
            eff = ideal / secs if secs else 0.0
            cpu_ms = run.cpu / max(1, len(result.outcomes)) * 1000  # type: ignore[attr-defined]
            print(f"{jobs:>5} {calls:>6} {secs:>8.2f} {ideal:>8.2f} {eff:>8.0%} {cpu_ms:>11.1f}  {len(result.failed)}")
            if jobs == 16:
                hit = eff >= 0.85
                ok &= hit
                print(f"      target >= 85% of ideal at 16 jobs: {'MET' if hit else 'MISSED'} ({eff:.0%}); "
                      f"CPU budget at 16 x {args.latency * 1000:.0f} ms is {args.latency / 16 * 1000:.0f} ms/doc "
                      "on one interpreter (GIL)")
            last_out = (out, jobs)
        if 16 in jobs_list:
            secs, result = run_pipeline_only(docs, work / "out-sleep", args.latency, 16)
            ideal = len(result.outcomes) * args.latency / 16
            print(f"pipeline only (a stand-in engine that just sleeps {args.latency * 1000:.0f} ms; same parsing, "
                  "grounding, outputs, ledger and cache), "
                  f"16 jobs: {secs:.2f} s vs ideal {ideal:.2f} s = {ideal / secs:.0%}")
        if last_out is not None:
            out, jobs = last_out
            secs, result, engine_calls = run(docs, out, base_url, jobs)
            cached = sum(1 for o in result.outcomes if o.status == "cached")
            hit = engine_calls == 0 and result.usage.calls == 0
            ok &= hit
            print(f"warm rerun (jobs {jobs}): {secs:.2f} s, {engine_calls} engine call(s), {result.usage.calls} model "
                  f"call(s), {cached}/{len(result.outcomes)} cached; target 0 calls: {'MET' if hit else 'MISSED'}")
        sizes = [int(n) for n in args.memory.split(",") if n]
        if len(sizes) == 2:
            mem = {}
            for n in sizes:
                proc = subprocess.run(
                    [sys.executable, __file__, "--memory-child", str(n), "--base-url", base_url,
                     "--jobs", str(max(jobs_list or [16]))],
                    capture_output=True, text=True, check=True, cwd=ROOT,
                )
                mem[n] = json.loads(proc.stdout.strip().splitlines()[-1])
            small, big = (mem[n] for n in sizes)
            ratio = big["rss_mb"] / small["rss_mb"]
            traced = big["traced_mb"] / small["traced_mb"] if small["traced_mb"] else float("nan")
            hit = ratio <= 1.5
            ok &= hit
            print(f"peak memory: {sizes[0]} docs {small['rss_mb']:.0f} MB RSS ({small['traced_mb']:.1f} MB traced), "
                  f"{sizes[1]} docs {big['rss_mb']:.0f} MB RSS ({big['traced_mb']:.1f} MB traced)")
            print(f"      ratio {ratio:.2f}x RSS ({traced:.2f}x traced Python allocations); target <= 1.5x RSS: "
                  f"{'MET' if hit else 'MISSED'}")
        print("all targets met" if ok else "some targets missed")
        return 0 if ok else 1
    finally:
        server.kill()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
