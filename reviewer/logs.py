"""Logging for reviewer: stderr, opt-in verbosity, and secrets redacted from every record."""

from __future__ import annotations

import logging
import os
import re

_PATTERNS = [
    re.compile(r"sk-[A-Za-z0-9_\-]{8,}"),
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._\-]{8,}"),
    re.compile(r"(?i)(api[_-]?key[\"']?\s*[:=]\s*[\"']?)[^\s\"',}]+"),
]


def redact(text: str, extra: list[str] | None = None) -> str:
    """Remove API keys and other secrets from ``text`` (known values first, then key-like patterns)."""
    secrets = [s for s in (extra or []) if s and len(s) >= 4]
    key = os.environ.get("OPENAI_API_KEY")
    if key and len(key) >= 4:
        secrets.append(key)
    for s in secrets:
        text = text.replace(s, "[redacted]")
    for p in _PATTERNS:
        text = p.sub(lambda m: (m.group(1) if m.groups() else "") + "[redacted]", text)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites each record's message with secrets removed."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        return True


def configure(verbose: bool = False) -> None:
    """Send reviewer's logs to stderr (INFO with --verbose, WARNING otherwise), redacted."""
    log = logging.getLogger("reviewer")
    level = logging.DEBUG if verbose else logging.WARNING
    log.setLevel(level)
    for old in [h for h in log.handlers if getattr(h, "_reviewer", False)]:
        log.removeHandler(old)
    handler = logging.StreamHandler()  # binds the current sys.stderr
    handler._reviewer = True  # type: ignore[attr-defined]
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    log.addHandler(handler)
