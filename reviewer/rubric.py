"""Load the rubric (the ten reasons, as data in prompts/) and version it by content hash."""

from __future__ import annotations

import hashlib
import tomllib
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from reviewer.errors import RubricError
from reviewer.models import Rubric

DEFAULT_RUBRIC = "rubric.toml"


def prompts_dir() -> Path:
    """The prompts folder: top-level ``prompts/`` in a checkout, ``reviewer/prompts`` when installed."""
    return Path(str(resources.files("reviewer.prompts")))


def content_hash(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()[:12]


def _field_path(loc: tuple[int | str, ...], data: dict[str, object]) -> str:
    """Render a pydantic error location readably, naming the reason id where there is one."""
    parts: list[str] = []
    node: object = data
    for item in loc:
        if isinstance(item, int) and isinstance(node, list):
            entry = node[item] if item < len(node) else None
            rid = entry.get("id") if isinstance(entry, dict) else None
            parts[-1] = f"{parts[-1]}[{item}{' ' + str(rid) if rid else ''}]"
            node = entry
        else:
            parts.append(str(item))
            node = node.get(str(item)) if isinstance(node, dict) else None
    return ".".join(parts)


def load_rubric(path: str | Path | None = None) -> Rubric:
    """Load and validate a rubric TOML file (the shipped one by default).

    Raises ``RubricError`` naming the file and the failing field.
    """
    src = prompts_dir() / DEFAULT_RUBRIC if path is None else Path(path)
    try:
        raw = src.read_bytes()
    except OSError as e:
        raise RubricError(
            f"{src}: cannot read rubric ({e.strerror}).", hint="Check the path given to --rubric."
        ) from e
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise RubricError(f"{src}: not valid TOML ({e}).", hint="Fix the syntax; see prompts/rubric.toml.") from e
    try:
        rubric = Rubric.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        field = _field_path(tuple(first["loc"]), data)
        raise RubricError(
            f"{src}: rubric field '{field}': {first['msg']} ({e.error_count()} problem(s) in all).",
            hint="Compare with the shipped prompts/rubric.toml (reviewer rubric --toml prints it).",
        ) from e
    ids = [r.id for r in rubric.reasons]
    if len(set(ids)) != len(ids):
        raise RubricError(f"{src}: rubric field 'reasons': duplicate reason ids {sorted(ids)}.", hint="Give each reason its own id.")
    if not ids:
        raise RubricError(f"{src}: rubric field 'reasons': no reasons.", hint="Add at least one [[reasons]] table.")
    for q in rubric.diagnostic_questions:
        unknown = [r for r in q.reasons if r not in ids]
        if unknown:
            raise RubricError(
                f"{src}: rubric field 'diagnostic_questions[{q.id}].reasons': unknown reason ids {unknown}.",
                hint="Use ids from the reasons list.",
            )
    return rubric.model_copy(update={"version": content_hash(raw)})
