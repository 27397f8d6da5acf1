"""The review cache: a Review stored by the tuple that decides it, checkable before parsing.

Key = (sha256 of the file bytes, rubric version, prompt version, engine, model, doc-type override or
"auto"); see ``review.cache_key_for``. Reviews live as JSON in the ledger database of the output
folder, so a re-run over unchanged files makes no model calls. Reviews produced by a fallback
(the model failed and the screening engine stood in) are not cached: the next run tries the model.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pydantic import ValidationError

from reviewer.documents.base import file_sha256
from reviewer.engines import Engine
from reviewer.errors import DocumentError
from reviewer.ledger import Ledger
from reviewer.models import DocType, Review, Rubric
from reviewer.review import cache_key_for

log = logging.getLogger(__name__)

__all__ = ["ReviewCache", "cache_key_for", "hash_file"]


def hash_file(path: Path) -> str:
    """sha256 of a file's bytes, or a DocumentError naming the file."""
    try:
        return file_sha256(path)
    except FileNotFoundError as e:
        raise DocumentError(path, "no such file", hint="It was moved or deleted before it could be read.") from e
    except OSError as e:
        raise DocumentError(path, f"cannot read it: {e.strerror or e}", hint="Check the file's permissions.") from e


class ReviewCache:
    """Get and put Reviews by cache key. Thread-safe (the ledger serialises access)."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(sha256: str, rubric: Rubric, engine: Engine, doc_type: DocType | str | None) -> str:
        return cache_key_for(sha256, rubric, engine, doc_type)

    def get(self, key: str) -> Review | None:
        raw = self.ledger.cache_get(key)
        if raw is None:
            self.misses += 1
            return None
        try:
            review = Review.model_validate_json(raw)
        except ValidationError:
            log.warning("cache entry %s no longer matches the Review model; reviewing again", key)
            self.misses += 1
            return None
        self.hits += 1
        return review

    def put(self, key: str, review: Review) -> bool:
        """Store a review; returns False (and stores nothing) for fallback reviews."""
        if review.engine.fallback_reason:
            return False
        self.ledger.cache_put(key, review.model_dump_json())
        return True
