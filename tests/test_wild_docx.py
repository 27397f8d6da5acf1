"""The wild DOCX corpus: every file ends in text or a typed DocumentError, in bounded time and memory.

Each file is parsed in its own subprocess (address space capped at 2 GiB, wall-clock timeout), so a
hang or a memory blow-up fails one test instead of taking the run down. The subprocesses run a few
at a time; the per-file verdicts are then asserted one test per file.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import reviewer.errors as errors
from tests.conftest import SHARED, shared_or_skip

TIMEOUT_S = 60.0
MEM_BYTES = 2 * 1024**3

CHILD = r"""
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (MEM, MEM))
from reviewer.documents import parse
from reviewer.errors import DocumentError
t0 = time.monotonic()
try:
    d = parse(sys.argv[1])
    out = {"ok": True, "text": d.text, "format": d.format, "warnings": d.warnings,
           "blocks": [[b.kind.value, b.heading_path, b.hidden, b.text] for b in d.blocks]}
except DocumentError as e:
    out = {"ok": False, "error": type(e).__name__, "message": str(e), "limit": getattr(e, "limit", None)}
out["seconds"] = time.monotonic() - t0
print(json.dumps(out))
""".replace("MEM", str(MEM_BYTES))

WILD = SHARED / "corpus" / "wild"


def _files() -> list[str]:
    if not WILD.exists():
        return []
    files = sorted(p for p in (WILD / "docx").iterdir() if p.is_file())
    files += sorted((WILD / "made-here").glob("*.docx"))
    return [str(p.relative_to(WILD)) for p in files]


FILES = _files()
pytestmark = pytest.mark.slow  # about 30 subprocesses; still well under a minute


def _run(rel: str) -> dict[str, Any]:
    t0 = time.monotonic()
    try:
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, str(WILD / rel)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        return {"timeout": True, "wall": time.monotonic() - t0}
    res: dict[str, Any] = {"rc": proc.returncode, "stderr": proc.stderr, "wall": time.monotonic() - t0}
    if proc.returncode == 0 and proc.stdout.strip():
        res.update(json.loads(proc.stdout.strip().splitlines()[-1]))
    return res


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, Any]]:
    shared_or_skip("corpus", "wild", "docx")
    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip(FILES, pool.map(_run, FILES), strict=True))


@pytest.mark.parametrize("rel", FILES or ["<no corpus>"])
def test_every_file_ends_in_text_or_typed_error(rel: str, results: dict[str, dict[str, Any]]) -> None:
    r = results[rel]
    assert not r.get("timeout"), f"{rel}: no result within {TIMEOUT_S:g} s"
    assert r["rc"] == 0 and "Traceback" not in r["stderr"], f"{rel}: crashed\n{r['stderr'][-2000:]}"
    if r["ok"]:
        assert r["text"].strip()
    else:
        cls = getattr(errors, r["error"], None)
        assert isinstance(cls, type) and issubclass(cls, errors.DocumentError), r
        assert Path(rel).name in r["message"], r["message"]
    assert r["seconds"] < 20, f"{rel}: {r['seconds']:.1f} s"


EXPECTED_ERRORS = {
    "docx/poi_bug53475-password-is-pass.docx": "EncryptedDocumentError",
    "docx/poi_simple-doc-renamed.docx": "UnsupportedFormatError",
    "docx/poi_truncated62886.docx": "CorruptDocumentError",
    "docx/pythondocx_having-images.docx": "EmptyDocumentError",
    "made-here/zero-byte.docx": "EmptyDocumentError",
    "made-here/zip-bomb-220MB-document-xml.docx": "DocumentTooLargeError",
}


@pytest.mark.parametrize("rel,error", sorted(EXPECTED_ERRORS.items()))
def test_known_bad_files_give_the_right_error(rel: str, error: str, results: dict[str, dict[str, Any]]) -> None:
    r = results[rel]
    assert not r.get("ok"), f"{rel} should fail with {error}"
    assert r["error"] == error, r


def test_zip_bomb_is_refused_before_inflating(results: dict[str, dict[str, Any]]) -> None:
    r = results["made-here/zip-bomb-220MB-document-xml.docx"]
    assert r["limit"] in ("max_zip_ratio", "max_unzipped_mb") and r["seconds"] < 2


def test_xml_entity_tricks(results: dict[str, dict[str, Any]]) -> None:
    passwd = Path("/etc/passwd").read_text(errors="replace").splitlines() if Path("/etc/passwd").exists() else []
    for rel in ("made-here/xxe-external-entity-etc-passwd.docx", "docx/poi_ExternalEntityInText.docx"):
        r = results[rel]
        assert r["ok"], r  # read, with the entity left unexpanded
        assert "root:" not in r["text"] and not any(line and line in r["text"] for line in passwd[:5])
        assert any("DTD" in w for w in r["warnings"])
    assert results["made-here/xxe-external-entity-etc-passwd.docx"]["text"] == "before  after"
    laughs = results["made-here/billion-laughs-entity-expansion.docx"]
    assert (laughs.get("error") == "CorruptDocumentError") or ("lollol" not in laughs["text"])


def _text(results: dict[str, dict[str, Any]], rel: str) -> str:
    r = results[rel]
    assert r["ok"], r
    return str(r["text"])


def test_text_raw_python_docx_loses_is_recovered(results: dict[str, dict[str, Any]]) -> None:
    assert _text(results, "docx/mammoth_text-box.docx").count("Datum plane") == 1  # Choice and Fallback: once
    assert "FldSimple.docx" in _text(results, "docx/poi_FldSimple.docx")
    assert "16 June 2010" in _text(results, "docx/poi_FieldCodes.docx")
    assert "CREATEDATE" not in _text(results, "docx/poi_FieldCodes.docx")
    assert "Allison, Timothy B." in _text(results, "docx/poi_60316.docx")
    delins = _text(results, "docx/poi_delins.docx")
    assert "Apache Tika 0.3 has been released." in delins  # tracked insertion
    assert "Maang Tika" not in delins  # tracked deletion
    assert "x" in _text(results, "docx/docx2python_equations.docx")
    assert _text(results, "docx/mammoth_strict-format.docx") == "Test"
    assert _text(results, "docx/poi_SimpleMacro.docm").strip()
    assert _text(results, "docx/poi_60316b.dotx").strip()


def test_headers_out_footnotes_in(results: dict[str, dict[str, Any]]) -> None:
    hdr = _text(results, "docx/pythondocx_hdr-header-footer.docx")
    assert "section with header" in hdr and "Header for section-1" not in hdr and "Footer for section" not in hdr
    notes = results["docx/mammoth_footnotes.docx"]["blocks"]
    assert any(path == ["Footnotes"] and "tachyon" in text for _, path, _, text in notes)
    assert any(path == ["Endnotes"] for _, path, _, _ in results["docx/poi_endnotes.docx"]["blocks"])


def test_merged_and_nested_tables_are_not_duplicated(results: dict[str, dict[str, Any]]) -> None:
    merged = _text(results, "docx/docx2python_merged_cells.docx")
    for cell in ("0-12", "12-0", "34-123"):
        assert len(re.findall(rf"(?<![\w-]){re.escape(cell)}(?![\w-])", merged)) == 1, cell


def test_no_text_lost_against_raw_python_docx() -> None:
    """Every word raw python-docx reads (paragraphs + cells) is still read, and most files gain text."""
    docx = pytest.importorskip("docx")
    from reviewer.documents.docx import parse_docx

    wild = shared_or_skip("corpus", "wild", "docx")
    gained = 0
    compared = 0
    for f in sorted(wild.iterdir()):
        try:
            d = docx.Document(str(f))
        except Exception:
            continue
        raw = [p.text for p in d.paragraphs] + [c.text for t in d.tables for row in t.rows for c in row.cells]
        raw_words = set(re.findall(r"\w+", " ".join(raw)))
        try:
            ours = parse_docx(f)
        except errors.EmptyDocumentError:
            assert not raw_words, f.name
            continue
        our_words = set(re.findall(r"\w+", ours.text))
        compared += 1
        assert raw_words <= our_words, (f.name, sorted(raw_words - our_words)[:20])
        gained += bool(our_words - raw_words)
    assert compared >= 15 and gained >= 8, (compared, gained)
