"""Shared test setup: no real model calls, no stray keys, paths to fixtures and shared/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _no_ambient_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never pick up a developer's real key or endpoint."""
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "REVIEWER_MODEL", "REVIEWER_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    os.environ.setdefault("REVIEWER_RAISE", "")


def shared_or_skip(*parts: str) -> Path:
    """A path under ../shared/, or skip: shared/ exists on dev machines and CI, not in a user's clone."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent: ../shared/ exists only on the project's machines and CI, not in a user's clone")
    return p
