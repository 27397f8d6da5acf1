"""Every PDF in the wild corpus ends in a Document with text or a typed DocumentError: no hang, no crash.

Each file runs in its own subprocess with an address-space limit (RLIMIT_AS) and a wall-clock timeout,
so a hang, a memory blow-up or a hard crash is reported for that file instead of killing the run.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.conftest import shared_or_skip

TIMEOUT_S = 30
MEMORY_BYTES = 2 << 30  # 2 GiB

# Passwords documented in the corpus README.
PASSWORDS = {
    "pypdf_r6-both-passwords.pdf": "foo",
    "samplefiles_libreoffice-writer-password.pdf": "openpassword",
    "pdfminer_rc4-40.pdf": "foo",
    "pypdf_r6-user-password.pdf": "asdfzxcv",
}

_CHILD = r"""
import json, resource, sys, time
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from reviewer.documents import parse
from reviewer.errors import DocumentError
t = time.perf_counter()
try:
    doc = parse(sys.argv[1], password=sys.argv[2] or None)
    out = {"result": "ok", "chars": len(doc.text), "pages": doc.pages, "blocks": len(doc.blocks)}
except DocumentError as e:
    out = {"result": "error", "type": type(e).__name__, "message": str(e)}
out["seconds"] = round(time.perf_counter() - t, 2)
print(json.dumps(out))
"""


def _run(path: Path, password: str | None) -> dict[str, object]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    try:
        proc = subprocess.run(
            [sys.executable, "-c", _CHILD, str(path), password or "", str(MEMORY_BYTES)],
            capture_output=True, text=True, timeout=TIMEOUT_S, env=env,
        )
    except subprocess.TimeoutExpired:
        return {"result": "TIMEOUT"}
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"result": "CRASH", "rc": proc.returncode, "stderr": proc.stderr[-800:]}
    return dict(json.loads(lines[-1]))


def _wild_pdfs() -> list[Path]:
    root = shared_or_skip("corpus", "wild")
    return sorted((root / "pdf").glob("*.pdf")) + sorted((root / "made-here").glob("*.pdf"))


def test_every_wild_pdf_ends_in_text_or_a_typed_error() -> None:
    files = _wild_pdfs()
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(files, pool.map(lambda p: _run(p, PASSWORDS.get(p.name)), files), strict=True))
    bad = {p.name: r for p, r in results.items() if r["result"] not in ("ok", "error")}
    assert not bad, f"hang, crash or untyped error: {bad}"
    empty = {p.name: r for p, r in results.items() if r["result"] == "ok" and not r.get("chars")}
    assert not empty, f"parsed with no text and no error: {empty}"
    # Encrypted files with a known password open with it.
    for name in PASSWORDS:
        match = [r for p, r in results.items() if p.name == name]
        assert match and match[0]["result"] == "ok", (name, match)
    # Files raw pypdf read fine still give text (MANIFEST baseline 'ok' with characters).
    manifest = shared_or_skip("corpus", "wild", "MANIFEST.tsv")
    with manifest.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    lost = []
    for row in rows:
        name = Path(row["file"]).name
        base = row.get("baseline_result", "")
        if not name.endswith(".pdf") or not base.startswith("ok") or "GARBLED" in base or " 0 chars" in base:
            continue
        r = next((r for p, r in results.items() if p.name == name), None)
        if r is not None and r["result"] != "ok" and name not in ("pdfjs_scan-bad.pdf",):
            lost.append((name, r))
    assert not lost, f"files raw pypdf could read now fail: {lost}"


def test_a_wrong_password_is_an_encrypted_error() -> None:
    root = shared_or_skip("corpus", "wild", "pdf")
    r = _run(root / "pypdf_r6-both-passwords.pdf", "not-the-password")
    assert r["result"] == "error" and r["type"] == "EncryptedDocumentError", r
    assert "--password" in str(r["message"])
