"""A small local OpenAI-compatible server for tests, cassette recording and offline demos.

    python -m tests.fake_openai.server --port 8765          # then: --base-url http://127.0.0.1:8765/v1

It answers ``POST /v1/chat/completions`` for both ``response_format: json_schema`` and ``tools``
(function calling) requests, with answers written by hand for the documents in fixtures/llm/
(tests/fake_openai/scripts.py) and, for any other document, a simple keyword reading of its blocks
(every quote copied verbatim from the prompt). It is not a model: it exists so the chain, the
retries and the cassettes can be exercised without one.

A scenario is chosen by a path prefix, so one server serves them all:
``http://127.0.0.1:PORT/scenario/<name>/v1``. Scenarios:

    ok                 answer normally (also the plain /v1 path)
    429-then-ok        first request per document: 429 with Retry-After: 1; then answers
    500-always         HTTP 500 every time
    malformed-then-ok  first answer per document is not valid JSON; then answers
    hallucinate        R01 "addressed" resting only on a quote that is in no document
    storm              HTTP 429 every time (Retry-After: 0)
    slow               sleeps ``slow_seconds`` (default 2 s) before answering
    reset              sends headers and part of the body, then resets the connection
    invalid-json       HTTP 200 whose body is not JSON
    truncated          HTTP 200 whose body stops short of its Content-Length
    unauthorized       HTTP 401 (the message echoes a masked key, as real servers do)
    length             the answer stops at the output token limit (finish_reason "length")
    500-if-<text>      HTTP 500 for documents whose name contains <text>; others answered
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import re
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.fake_openai.scripts import EMPTY_FACTS, HALLUCINATED_QUOTE, SCRIPTS

MODEL = "fake-reviewer-1"
SCENARIOS = frozenset({"ok", "429-then-ok", "500-always", "malformed-then-ok", "hallucinate", "storm", "slow", "reset",
                       "invalid-json", "truncated", "unauthorized", "length"})
REASON_IDS = [f"R{i:02d}" for i in range(1, 11)]
_BLOCK_LINE = re.compile(r"^(b\d+) (\[hidden\] )?(.*)$")
_DOC_NAME = re.compile(r"^Document: (.+?) \((?:DOCX|PDF)", re.M)
_EVIDENCE_LINE = re.compile(r'^  \[(b\d+) [^\]]*\] "(.*)" \((supports|gap|deferred|negated|plan)(?:: (.*))?\)$')

# Keyword cues for documents without a script: (reason, pattern). Crude on purpose.
_CUES: list[tuple[str, str]] = [
    ("R01", r"handling time|cycle time|conversion|revenue|saving|churn|fraud loss|leakage|cost per claim|commercial"),
    ("R02", r"operating model|future[- ]state|future model|process redesign|decision rights|workflow|lanes?\b"),
    ("R03", r"\bowner(ship)?\b|will own|owns\b|accountable|handover"),
    ("R04", r"pipeline|source system|data quality|lineage|data platform|feed"),
    ("R05", r"per (inference|transaction|case|call|claim|job)|unit cost|running cost|a year at"),
    ("R06", r"model risk|bias|fairness|compliance|governance|monitoring|incident|explainab"),
    ("R07", r"integrat|\bapi\b|crm|erp|audit trail"),
    ("R08", r"change management|training|adoption|communications"),
    ("R09", r"production data|live (environment|operations|calls|jobs|claims)|real[- ]world"),
    ("R10", r"portfolio|chief (ai|data) officer"),
]
_NEGATED = re.compile(r"\b(no|not|none|yet to be|to be (agreed|confirmed|decided)|tbc|tbd|if the pilot proceeds|out of scope|later)\b", re.I)
_DEFERRED = re.compile(r"\b(yet to be|to be (agreed|confirmed|decided)|tbc|tbd|if the pilot proceeds|later|phase 2|after the pilot)\b", re.I)
_DIRECTED = re.compile(r"\b(ai|automated) (reviewer|evaluator)s?\b|ignore (your|all|previous)|language model", re.I)
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


class State:
    """What the server remembers: hits per (scenario, document), seen prompt prefixes."""

    def __init__(self, slow_seconds: float = 2.0) -> None:
        self.lock = threading.Lock()
        self.hits: dict[tuple[str, str], int] = {}
        self.prefixes: set[str] = set()
        self.requests: list[dict[str, Any]] = []
        self.slow_seconds = slow_seconds

    def hit(self, scenario: str, key: str) -> int:
        with self.lock:
            n = self.hits.get((scenario, key), 0) + 1
            self.hits[(scenario, key)] = n
            return n

    def cached(self, prefix: str) -> bool:
        with self.lock:
            seen = prefix in self.prefixes
            self.prefixes.add(prefix)
            return seen


# --------------------------------------------------------------------------- answers


def _tokens(text: str) -> int:
    try:
        from reviewer.engines.llm_tokens import TokenCounter

        return TokenCounter(MODEL).count(text)
    except Exception:  # pragma: no cover - the server also runs without reviewer installed
        return max(1, len(text) // 4)


def parse_blocks(prompt: str) -> list[tuple[str, str, bool]]:
    """(block id, text, hidden) for every block line between the document markers."""
    out = []
    inside = False
    for line in prompt.splitlines():
        if line.startswith("<<<DOCUMENT "):
            inside = True
            continue
        if line.startswith("<<<END DOCUMENT "):
            inside = False
            continue
        m = _BLOCK_LINE.match(line) if inside else None
        if m:
            out.append((m.group(1), m.group(3), bool(m.group(2))))
    return out


def short_id(block_id: str) -> str:
    """``b0012`` -> ``b12``: the ids the engine shows a model (scripts are written with full ids)."""
    m = re.match(r"^b0*(\d+)$", block_id)
    return f"b{int(m.group(1))}" if m else block_id


def _short_ids(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: (short_id(v) if k == "block_id" and isinstance(v, str) else _short_ids(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_short_ids(v) for v in node]
    return node


def _wire_finding(rid: str, f: tuple[Any, ...]) -> dict[str, Any]:
    status, ev, rationale, missing, fix = f
    return {"reason_id": rid, "status": status, "evidence": [{"block_id": b, "quote": q, "role": r} for b, q, r in ev],
            "rationale": rationale, "missing": list(missing), "fix": fix or "Keep this evidence in the scaling case."}


def heuristic(blocks: list[tuple[str, str, bool]]) -> dict[str, Any]:
    """A keyword reading of blocks: verbatim first sentences that match each reason's cues.

    Sentences that match but are negated or deferred are quoted as the gap (role ``negated`` or
    ``deferred``) when the reason is not addressed, never as support.
    """
    findings: dict[str, tuple[Any, ...]] = {}
    for rid, pat in _CUES:
        rx = re.compile(pat, re.I)
        support: list[tuple[str, str, str]] = []
        against: list[tuple[str, str, str]] = []
        for bid, text, hidden in blocks:
            if hidden or _DIRECTED.search(text):
                continue
            for s in _SENTENCE.findall(text):
                s = s.strip()
                if len(s) > 20 and rx.search(s):
                    if _NEGATED.search(s):
                        against.append((bid, s[:300], "deferred" if _DEFERRED.search(s) else "negated"))
                    elif len(support) < 2:
                        support.append((bid, s[:300], "supports"))
                    break
        status = "addressed" if len(support) >= 2 else "partial" if support else "missing"
        evidence = support if status == "addressed" else support + against[:2]
        findings[rid] = (status, evidence, f"Keyword reading: {len(support)} supporting passage(s), {len(against)} negated or deferred.",
                         [] if status == "addressed" else ["evidence for this reason"], "")
    directed = [{"block_id": b, "quote": t} for b, t, _h in blocks if _DIRECTED.search(t)]
    return {"findings": findings, "facts": dict(EMPTY_FACTS), "reviewer_directed_text": directed}


def script_for(name: str | None, blocks: list[tuple[str, str, bool]]) -> dict[str, Any]:
    return SCRIPTS.get(name or "") or heuristic(blocks)


def review_answer(script: dict[str, Any]) -> dict[str, Any]:
    return _short_ids({
        "findings": [_wire_finding(rid, script["findings"][rid]) for rid in REASON_IDS if rid in script["findings"]],
        "facts": script["facts"],
        "reviewer_directed_text": script["reviewer_directed_text"],
    })


def gather_answer(script: dict[str, Any], shown: set[str]) -> dict[str, Any]:
    """The part of a scripted review that falls in these blocks, as gathered evidence."""
    script = _short_ids(script)
    block_ids = {short_id(b) for b in shown}
    evidence = []
    for rid in REASON_IDS:
        f = script["findings"].get(rid)
        if not f:
            continue
        for b, q, role in f[1]:
            if b in block_ids:
                evidence.append({"reason_id": rid, "block_id": b, "quote": q, "role": role, "note": f[2]})
    facts = script["facts"]

    def keep(x: Any) -> Any:
        return x if x and x["block_id"] in block_ids else None

    part_facts = {k: ([y for y in v if y["block_id"] in block_ids] if isinstance(v, list) else keep(v)) for k, v in facts.items()}
    directed = [d for d in script["reviewer_directed_text"] if d["block_id"] in block_ids]
    return {"evidence": evidence, "facts": part_facts, "reviewer_directed_text": directed}


def judge_script(prompt: str) -> dict[str, Any]:
    """For an unscripted long document: judge from the gathered evidence lines."""
    findings: dict[str, tuple[Any, ...]] = {}
    current = None
    quotes: dict[str, list[tuple[str, str, str]]] = {r: [] for r in REASON_IDS}
    for line in prompt.splitlines():
        m = re.match(r"^(R\d\d):", line)
        if m:
            current = m.group(1)
            continue
        e = _EVIDENCE_LINE.match(line)
        if e and current:
            quotes.setdefault(current, []).append((e.group(1), e.group(2), e.group(3)))
    for rid in REASON_IDS:
        got = quotes.get(rid, [])
        support = [q for q in got if q[2] == "supports"][:2]
        status = "addressed" if len(support) >= 2 else "partial" if support else "missing"
        evidence = support if status == "addressed" else support + [q for q in got if q[2] != "supports"][:2]
        findings[rid] = (status, evidence, f"Judged from {len(got)} gathered quote(s), {len(support)} supporting.",
                         [] if status == "addressed" else ["evidence"], "")
    return {"findings": findings, "facts": dict(EMPTY_FACTS), "reviewer_directed_text": []}


def build_answer(body: dict[str, Any], scenario: str) -> tuple[str, dict[str, Any] | str]:
    """(schema name, answer object or raw text) for a chat completion request."""
    messages = body.get("messages", [])
    user = next((m.get("content") or "" for m in reversed(messages) if m.get("role") == "user"
                 and not str(m.get("content", "")).startswith("Your previous answer")), "")
    if body.get("response_format"):
        schema_name = body["response_format"]["json_schema"]["name"]
    else:
        schema_name = body["tools"][0]["function"]["name"]
    m = _DOC_NAME.search(user)
    name = m.group(1) if m else None
    blocks = parse_blocks(user)
    if schema_name == "GatherAnswer":
        return schema_name, gather_answer(script_for(name, blocks), {b for b, _t, _h in blocks})
    if "Gathered evidence" in user and name not in SCRIPTS:
        answer = review_answer(judge_script(user))
    else:
        answer = review_answer(script_for(name, blocks))
    if scenario == "hallucinate":
        for f in answer["findings"]:
            if f["reason_id"] == "R01":
                f["status"] = "addressed"
                f["evidence"] = [{"block_id": blocks[0][0] if blocks else "b1", "quote": HALLUCINATED_QUOTE, "role": "supports"}]
                f["rationale"] = "A commercial KPI with baseline and target."
                f["missing"], f["fix"] = [], ""
    return schema_name, answer


def completion(body: dict[str, Any], schema_name: str, content: str, state: State) -> dict[str, Any]:
    """An OpenAI chat.completion object carrying ``content`` as JSON text or as a tool call."""
    messages = body.get("messages", [])
    texts = [str(m.get("content") or "") for m in messages]
    prompt_tokens = sum(_tokens(t) + 4 for t in texts) + 3
    system = texts[0] if texts else ""
    sys_tokens = _tokens(system)
    cached = (sys_tokens // 128) * 128 if sys_tokens >= 1024 and state.cached(hashlib.sha256(system.encode()).hexdigest()) else 0
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:24]
    if body.get("response_format"):
        message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": None}
        finish = "stop"
    else:
        message = {"role": "assistant", "content": None, "tool_calls": [
            {"id": f"call_{digest[:16]}", "type": "function", "function": {"name": schema_name, "arguments": content}}]}
        finish = "stop"
    completion_tokens = _tokens(content)
    return {
        "id": f"chatcmpl-fake-{digest}",
        "object": "chat.completion",
        "created": 1767225600,
        "model": body.get("model", MODEL),
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
            "prompt_tokens_details": {"cached_tokens": cached},
            "completion_tokens_details": {"reasoning_tokens": 0},
        },
        "system_fingerprint": "fake-openai",
    }


# --------------------------------------------------------------------------- HTTP


class Handler(BaseHTTPRequestHandler):
    server_version = "fake-openai/1"
    protocol_version = "HTTP/1.1"

    @property
    def state(self) -> State:
        return self.server.state  # type: ignore[attr-defined, no-any-return]

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _send_json(self, status: int, obj: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, message: str, kind: str, headers: dict[str, str] | None = None) -> None:
        self._send_json(status, {"error": {"message": message, "type": kind, "param": None, "code": None}}, headers)

    def _split_path(self) -> tuple[str, str]:
        path = self.path.split("?", 1)[0]
        m = re.match(r"^/scenario/([a-z0-9-]+)(/.*)$", path)
        return (m.group(1), m.group(2)) if m else ("ok", path)

    def do_GET(self) -> None:
        _scenario, path = self._split_path()
        if path.rstrip("/") == "/v1/models":
            self._send_json(200, {"object": "list", "data": [{"id": MODEL, "object": "model", "owned_by": "tests"}]})
        else:
            self._error(404, f"no route {path}", "invalid_request_error")

    def do_POST(self) -> None:
        try:
            self._post()
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
            self.close_connection = True

    def _post(self) -> None:
        scenario, path = self._split_path()
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if path.rstrip("/") != "/v1/chat/completions":
            self._error(404, f"no route {path}", "invalid_request_error")
            return
        if scenario not in SCENARIOS and not scenario.startswith("500-if-"):
            self._error(404, f"unknown scenario {scenario!r}; known: {', '.join(sorted(SCENARIOS))}, 500-if-<text>",
                        "invalid_request_error")
            return
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            self._error(400, "request body is not JSON", "invalid_request_error")
            return
        with self.state.lock:
            self.state.requests.append({"scenario": scenario, "body": body, "headers": {k.lower(): v for k, v in self.headers.items()}})
        user = next((str(m.get("content") or "") for m in body.get("messages", []) if m.get("role") == "user"), "")
        name_m = _DOC_NAME.search(user)
        doc_key = name_m.group(1) if name_m else "?"
        n = self.state.hit(scenario, doc_key)
        if scenario == "429-then-ok" and n == 1:
            self._error(429, "Rate limit reached for requests (fake). Please try again in 1s.", "requests",
                        {"Retry-After": "1"})
            return
        if scenario == "storm":
            self._error(429, "Rate limit reached (fake storm).", "requests", {"Retry-After": "0"})
            return
        if scenario == "unauthorized":  # echoes a masked key, as real servers do
            auth = self.headers.get("Authorization", "")
            key = auth.split()[-1] if auth else ""
            masked = f"{key[:7]}****{key[-4:]}" if len(key) > 11 else "****"
            self._error(401, f"Incorrect API key provided: {masked}.", "invalid_request_error")
            return
        if scenario.startswith("500-if-") and scenario[len("500-if-"):] in doc_key:
            self._error(500, "The server had an error while processing your request (fake).", "server_error")
            return
        if scenario == "500-always":
            self._error(500, "The server had an error while processing your request (fake).", "server_error")
            return
        if scenario == "invalid-json":
            data = b"<html>502 Bad Gateway</html> {not json"
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if scenario == "slow":
            time.sleep(self.state.slow_seconds)
        try:
            schema_name, answer = build_answer(body, scenario)
        except (KeyError, IndexError, TypeError) as e:
            self._error(400, f"fake server cannot answer this request ({type(e).__name__}: {e})", "invalid_request_error")
            return
        content = answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False)
        if scenario == "malformed-then-ok" and n == 1:
            content = content[: len(content) // 2]  # the model's JSON stops mid-way
        if scenario == "length":  # the answer hit max_tokens
            content = content[: len(content) // 3]
        obj = completion(body, schema_name, content, self.state)
        if scenario == "length":
            obj["choices"][0]["finish_reason"] = "length"
        if scenario in ("reset", "truncated"):
            data = json.dumps(obj).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 3])
            self.wfile.flush()
            if scenario == "reset":  # RST instead of FIN
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            with contextlib.suppress(OSError):
                if scenario == "truncated":
                    self.connection.shutdown(socket.SHUT_RDWR)
                else:
                    self.connection.close()
            return
        self._send_json(200, obj)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:  # no tracebacks on client aborts
        pass


class FakeOpenAI:
    """Run the server in a background thread: ``with FakeOpenAI() as srv: srv.base_url``."""

    def __init__(self, port: int = 0, host: str = "127.0.0.1", slow_seconds: float = 2.0) -> None:
        self.httpd = _Server((host, port), Handler)
        self.httpd.state = State(slow_seconds)  # type: ignore[attr-defined]
        self.thread: threading.Thread | None = None

    @property
    def state(self) -> State:
        return self.httpd.state  # type: ignore[attr-defined, no-any-return]

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.root}/v1"

    def scenario_url(self, scenario: str) -> str:
        return f"{self.root}/scenario/{scenario}/v1"

    def start(self) -> FakeOpenAI:
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def closed_port() -> int:
    """A local port with nothing listening (for connection-refused tests)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fake_openai.server", description=__doc__.split("\n\n")[0])
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--host", default="127.0.0.1", help="loopback only; this is a test server")
    ap.add_argument("--slow-seconds", type=float, default=2.0)
    args = ap.parse_args(argv)
    srv = FakeOpenAI(args.port, args.host, args.slow_seconds)
    print(f"fake OpenAI-compatible server on {srv.base_url} (model {MODEL}); scenarios at {srv.root}/scenario/<name>/v1",
          flush=True)
    try:
        srv.httpd.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        srv.httpd.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
