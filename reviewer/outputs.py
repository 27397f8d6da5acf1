"""Writing outputs safely: atomic replace, names that cannot escape --out, no collisions."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from reviewer.errors import OutputError

_UNSAFE = re.compile(r"[^\w.\- ()&+,']+", re.UNICODE)


def safe_component(name: str) -> str:
    """One path component that is safe on every OS: no separators, dots-only or control chars."""
    n = unicodedata.normalize("NFC", name)
    n = "".join(ch for ch in n if unicodedata.category(ch)[0] != "C")
    n = _UNSAFE.sub("_", n).strip(" .")
    if not n or set(n) <= {".", "_"}:
        n = "document"
    return n[:120]


def output_stems(inputs: Iterable[tuple[Path, str]]) -> dict[Path, str]:
    """Give each input a unique relative output stem.

    ``inputs`` pairs each file with its path relative to the folder it was found under (or its
    name). Subfolders are kept; if two inputs still collide (``a.pdf`` and ``a.docx``, or the same
    relative path under two roots), the extension and then a short hash of the full path are added.
    """
    pairs = list(inputs)
    stems: dict[Path, str] = {}
    for path, rel in pairs:
        parts = [safe_component(p) for p in Path(rel).parts if p not in ("", ".", "..", "/", "\\")]
        if not parts:
            parts = [safe_component(path.name)]
        parts[-1] = safe_component(Path(parts[-1]).stem)
        stems[path] = "/".join(parts)
    seen: dict[str, list[Path]] = {}
    for p, s in stems.items():
        seen.setdefault(s.lower(), []).append(p)
    for group in seen.values():
        if len(group) < 2:
            continue
        for p in group:
            stems[p] = f"{stems[p]}-{p.suffix.lstrip('.').lower() or 'file'}"
        exts: dict[str, list[Path]] = {}
        for p in group:
            exts.setdefault(stems[p].lower(), []).append(p)
        for sub in exts.values():
            if len(sub) > 1:
                for p in sub:
                    stems[p] = f"{stems[p]}-{hashlib.sha1(str(p.resolve()).encode()).hexdigest()[:6]}"
    return stems


def inside(out_dir: Path, relative: str) -> Path:
    """Resolve ``relative`` under ``out_dir``; refuse anything that would land outside it."""
    base = out_dir.resolve()
    target = (base / relative).resolve()
    if target != base and base not in target.parents:
        raise OutputError(f"{relative}: output path would escape {out_dir}; refused.")
    return target


def atomic_write(path: Path, data: bytes | str) -> Path:
    """Write to a temp file beside ``path`` and rename over it, so no reader sees half a file."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(payload)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        raise OutputError(f"{path}: could not write output ({e.strerror or e}).") from e
    return path


def sweep_partials(folder: Path) -> int:
    """Delete the hidden ``.name.xxxx.part`` files that ``atomic_write`` leaves when a process is
    killed mid-write (never a half-written output). Call only when no other writer uses ``folder``."""
    swept = 0
    if not folder.is_dir():
        return 0
    for part in folder.rglob(".*.part"):
        try:
            part.unlink()
            swept += 1
        except OSError:
            pass
    return swept
