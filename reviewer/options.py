"""Options shared by the Python API, the CLI, batch and watch modes."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from reviewer.documents.base import Limits
from reviewer.errors import ConfigError
from reviewer.models import DocType

ALL_FORMATS = ("md", "json", "docx", "annotated", "portfolio")
EngineChoice = Literal["auto", "screen", "rules", "llm"]


@dataclass(frozen=True)
class ReviewOptions:
    """Everything that changes how a document is reviewed or what is written.

    The API key is read from the environment (``OPENAI_API_KEY``) when not given and is never
    written anywhere: ``__repr__`` hides it.
    """

    engine: EngineChoice = "auto"
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    structured_method: Literal["json_schema", "function_calling"] = "json_schema"
    doc_type: DocType | None = None
    password: str | None = field(default=None, repr=False)
    rubric_path: Path | None = None
    formats: tuple[str, ...] = ALL_FORMATS
    limits: Limits = field(default_factory=Limits)
    fallback: Literal["none", "screen"] = "none"
    max_cost: float | None = None
    refresh: bool = False
    jobs: int = 4
    rpm: float | None = None  # client-side limit on model requests per minute (None = unlimited)
    tpm: float | None = None  # client-side limit on model tokens per minute (None = unlimited)
    timeout: float = 120.0
    max_attempts: int = 5
    max_retry_seconds: float = 300.0
    config_path: Path | None = None

    def with_(self, **changes: object) -> ReviewOptions:
        return replace(self, **changes)  # type: ignore[arg-type]

    def validate(self) -> ReviewOptions:
        bad = [f for f in self.formats if f not in ALL_FORMATS]
        if bad:
            raise ConfigError(f"unknown output format(s) {bad}.", hint=f"Choose from {', '.join(ALL_FORMATS)}.")
        if self.jobs < 1:
            raise ConfigError("--jobs must be at least 1.")
        if (self.rpm is not None and self.rpm <= 0) or (self.tpm is not None and self.tpm <= 0):
            raise ConfigError("--rpm and --tpm must be positive.", hint="Leave them out for no client-side limit.")
        return self

    def resolved_model(self) -> str | None:
        return self.model or os.environ.get("REVIEWER_MODEL")

    def resolved_base_url(self) -> str | None:
        return self.base_url or os.environ.get("OPENAI_BASE_URL")

    def resolved_api_key(self) -> str | None:
        return self.api_key or os.environ.get("OPENAI_API_KEY")

    def model_configured(self) -> bool:
        """A model is configured when a key or a base URL is available (options, environment or config
        file), or the model is named as ``provider:model``; ``--engine auto`` then picks the LLM engine."""
        if self.resolved_api_key() or self.resolved_base_url():
            return True
        model = self.resolved_model() or ""
        if ":" in model and not model.startswith(("http:", "https:")):
            return True  # "provider:model" names a langchain provider, which reads its own key
        from reviewer.config import load_config

        return bool(load_config(self.config_path).base_url)
