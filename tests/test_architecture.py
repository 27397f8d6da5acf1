"""Layering rules from DESIGN.md, checked on the source: core modules never import langchain or openai,
and importing the public API does not load them (the offline path needs no model SDK)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "reviewer"
LLM_MODULES = {"engines/llm.py", "engines/llm_retry.py", "engines/llm_schema.py", "engines/llm_tokens.py"}
SDKS = ("langchain", "langchain_core", "langchain_openai", "openai", "tiktoken")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_the_llm_engine_imports_model_sdks() -> None:
    offenders = []
    for py in PKG.rglob("*.py"):
        rel = py.relative_to(PKG).as_posix()
        if rel in LLM_MODULES:
            continue
        hits = [n for n in _imports(py) if n.split(".")[0] in SDKS]
        if hits:
            offenders.append(f"{rel}: {hits}")
    assert not offenders, offenders


def test_models_and_documents_import_nothing_above_them() -> None:
    allowed = {"reviewer.models", "reviewer.errors", "reviewer.documents"}
    for py in [PKG / "models.py", *(PKG / "documents").glob("*.py")]:
        ups = [n for n in _imports(py) if n.startswith("reviewer.") and not n.startswith(tuple(allowed))]
        assert not ups, f"{py.name} imports {ups}"


def test_public_api_loads_without_model_sdks() -> None:
    code = ("import sys, reviewer, reviewer.cli; "
            f"bad = [m for m in sys.modules if m.split('.')[0] in {SDKS!r}]; print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr
