"""The config file (TOML; ``--config`` or ``REVIEWER_CONFIG``) and the dated price table.

Config keys (all optional)::

    model = "gpt-4o-mini"            # else --model / REVIEWER_MODEL
    base_url = "http://host:8000/v1" # else --base-url / OPENAI_BASE_URL
    structured_method = "function_calling"
    token_budget = 60000             # input tokens for one call before a document is split
    max_output_tokens = 8000
    temperature = 0.0
    [prices."my-model"]              # USD per 1M tokens; overrides prompts/prices.toml
    input = 0.5
    cached = 0.25
    output = 1.5

API keys never go in the config file: they come from ``OPENAI_API_KEY``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewer.errors import ConfigError
from reviewer.models import Usage
from reviewer.rubric import prompts_dir

DEFAULT_TOKEN_BUDGET = 60_000
DEFAULT_MAX_OUTPUT_TOKENS = 8_000
_KEYS = {"model", "base_url", "structured_method", "token_budget", "max_output_tokens", "temperature", "prices"}
_SECRET_KEYS = {"api_key", "openai_api_key", "key"}


@dataclass(frozen=True)
class Price:
    """USD per 1M tokens, and where the numbers come from."""

    input: float
    cached: float
    output: float
    source: str

    def cost(self, input_tokens: int, cached_tokens: int, output_tokens: int) -> float:
        fresh = max(input_tokens - cached_tokens, 0)
        return (fresh * self.input + cached_tokens * self.cached + output_tokens * self.output) / 1_000_000


@dataclass(frozen=True)
class Config:
    model: str | None = None
    base_url: str | None = None
    structured_method: str | None = None
    token_budget: int = DEFAULT_TOKEN_BUDGET
    max_output_tokens: int = DEFAULT_MAX_OUTPUT_TOKENS
    temperature: float = 0.0
    prices: dict[str, Price] = field(default_factory=dict)
    path: Path | None = None


def _read_toml(path: Path, what: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read {what} ({e.strerror}).", hint="Check the path.") from e
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: {what} is not valid TOML ({e}).", hint="Fix the syntax.") from e


def _prices(raw: Any, path: Path, source: str) -> dict[str, Price]:
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: 'prices' must be a table of models.", hint='Write [prices."model-name"].')
    out: dict[str, Price] = {}
    for model, p in raw.items():
        try:
            out[model] = Price(input=float(p["input"]), cached=float(p.get("cached", p["input"])),
                               output=float(p["output"]), source=source)
        except (KeyError, TypeError, ValueError) as e:
            raise ConfigError(f"{path}: prices.{model} needs numeric input and output (and optional cached) ({e}).",
                              hint="USD per 1M tokens, e.g. input = 0.15, output = 0.60.") from e
    return out


def load_config(path: str | Path | None = None) -> Config:
    """Load the config file named by ``path`` or ``REVIEWER_CONFIG``; defaults when neither is set."""
    if path is None:
        env = os.environ.get("REVIEWER_CONFIG")
        path = Path(env) if env else None
    if path is None:
        return Config()
    p = Path(path)
    data = _read_toml(p, "config file")
    secret = sorted(k for k in data if k.lower() in _SECRET_KEYS)
    if secret:
        raise ConfigError(f"{p}: the config file must not hold API keys ({', '.join(secret)}).",
                          hint="Remove it and set OPENAI_API_KEY in the environment instead.")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ConfigError(f"{p}: unknown config key(s) {unknown}.", hint=f"Known keys: {', '.join(sorted(_KEYS))}.")
    try:
        return Config(
            model=data.get("model"),
            base_url=data.get("base_url"),
            structured_method=data.get("structured_method"),
            token_budget=int(data.get("token_budget", DEFAULT_TOKEN_BUDGET)),
            max_output_tokens=int(data.get("max_output_tokens", DEFAULT_MAX_OUTPUT_TOKENS)),
            temperature=float(data.get("temperature", 0.0)),
            prices=_prices(data.get("prices", {}), p, f"config file {p.name}"),
            path=p,
        )
    except (TypeError, ValueError) as e:
        raise ConfigError(f"{p}: a config value has the wrong type ({e}).", hint="See reviewer/config.py for the keys.") from e


def load_price_table(path: Path | None = None) -> dict[str, Price]:
    """The shipped dated price table (prompts/prices.toml)."""
    src = path or prompts_dir() / "prices.toml"
    data = _read_toml(src, "price table")
    as_of = data.get("as_of", "undated")
    return _prices(data.get("prices", {}), src, f"prices.toml as of {as_of}")


def find_price(model: str | None, config: Config | None = None, table: dict[str, Price] | None = None) -> Price | None:
    """The price for ``model``: config override first, then the table; exact name, else longest prefix."""
    if not model:
        return None
    for source in ((config.prices if config else {}), table if table is not None else load_price_table()):
        if model in source:
            return source[model]
        prefixes = [m for m in source if model.startswith(m)]
        if prefixes:
            return source[max(prefixes, key=len)]
    return None


def priced(usage: Usage, price: Price | None) -> Usage:
    """``usage`` with its cost filled in (None when the model has no known price)."""
    if price is None:
        return usage.model_copy(update={"cost_usd": None, "price_source": "no price known for this model"})
    cost = round(price.cost(usage.input_tokens, usage.cached_tokens, usage.output_tokens), 6)
    return usage.model_copy(update={"cost_usd": cost, "price_source": price.source})
