"""The LLM engine: one structured call per document through langchain-openai, retried by tenacity.

``ChatOpenAI(use_responses_api=False, max_retries=0)`` so tenacity is the only retry layer
(a ``provider:model`` name such as ``anthropic:claude-sonnet-4`` is built by langchain's
``init_chat_model`` instead, with the provider's SDK retries off too);
``with_structured_output(<strict JSON schema>, method=json_schema|function_calling,
include_raw=True)`` so usage and parse errors come back instead of exceptions. The schema is
generated from the pydantic wire models in ``llm_schema`` and validated here with pydantic: we
pass the JSON schema rather than the class because the OpenAI SDK would otherwise parse the
body itself and raise on malformed JSON before ``include_raw`` could report it (losing usage).

Documents over the token budget are split by sections; evidence is gathered per part and
judged once over what was gathered.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlparse

from pydantic import BaseModel, ValidationError

from reviewer.config import Config, find_price, load_config, priced
from reviewer.engines.llm_retry import RetryPolicy, describe, is_retryable, status_of
from reviewer.engines.llm_schema import (
    GatherAnswer,
    ReviewAnswer,
    WireFacts,
    WireQuote,
    merge_wire_facts,
    reason_key,
    schema_fingerprint,
    strict_schema,
    to_facts,
    to_findings,
)
from reviewer.engines.llm_tokens import TokenCounter
from reviewer.errors import ConfigError, ModelError
from reviewer.grounding import index_document, locate
from reviewer.logs import redact
from reviewer.models import (
    Alert,
    Block,
    Document,
    EngineInfo,
    EngineResult,
    Evidence,
    Finding,
    Rubric,
    Status,
    Usage,
)
from reviewer.options import ReviewOptions
from reviewer.prompting import (
    Gathered,
    Message,
    Prompts,
    gather_messages,
    id_map,
    judge_messages,
    reask_message,
    review_messages,
)

log = logging.getLogger("reviewer.llm")

DEFAULT_MODEL = "gpt-4o-mini"
PLACEHOLDER_KEY = "not-needed"  # local OpenAI-compatible servers need some key, not a real one
LABEL = "LLM engine (langchain + OpenAI-compatible API)"
EXPECTED_OUTPUT_TOKENS = {"review": 2000, "gather": 700, "judge": 2000}
MAX_GATHERED_PER_REASON = 12
PART_MARGIN_TOKENS = 256
OPENAI_FAMILY = frozenset({"openai", "azure_openai"})  # ChatOpenAI subclasses: chat completions, strict schemas
# Where each provider's SDK looks for its key (only to keep those keys out of error messages).
PROVIDER_KEY_ENV = {
    "anthropic": "ANTHROPIC_API_KEY", "azure_openai": "AZURE_OPENAI_API_KEY", "cohere": "COHERE_API_KEY",
    "deepseek": "DEEPSEEK_API_KEY", "fireworks": "FIREWORKS_API_KEY", "google_genai": "GOOGLE_API_KEY",
    "groq": "GROQ_API_KEY", "mistralai": "MISTRAL_API_KEY", "openrouter": "OPENROUTER_API_KEY",
    "perplexity": "PPLX_API_KEY", "together": "TOGETHER_API_KEY", "xai": "XAI_API_KEY",
}
_PROVIDER_PREFIX = re.compile(r"([A-Za-z][A-Za-z0-9_-]*):(.+)")

M = TypeVar("M", bound=BaseModel)


def base_url_host(base_url: str | None) -> str:
    """Host (and port) of the endpoint, never credentials or paths."""
    if not base_url:
        return "api.openai.com"
    u = urlparse(base_url)
    host = u.hostname or "?"
    return f"{host}:{u.port}" if u.port else host


def split_model(model: str) -> tuple[str | None, str]:
    """``("anthropic", "claude-sonnet-4")`` for ``"anthropic:claude-sonnet-4"``; ``(None, model)`` for a plain name."""
    m = _PROVIDER_PREFIX.fullmatch(model.strip())
    if m is None:
        return None, model
    return m.group(1).replace("-", "_").lower(), m.group(2)


def langchain_providers() -> dict[str, str] | None:
    """Provider -> pip package for the providers ``init_chat_model`` knows; None if it cannot say."""
    try:
        from langchain.chat_models import base
    except ImportError:
        return None
    table = getattr(base, "_BUILTIN_PROVIDERS", None)
    if not isinstance(table, dict):
        return None
    return {name: str(spec[0]).split(".", 1)[0].replace("_", "-") for name, spec in table.items()}


def provider_package(provider: str) -> str:
    """The pip package that brings ``provider`` to langchain (``langchain-anthropic``)."""
    known = langchain_providers() or {}
    return known.get(provider, "langchain-" + provider.replace("_", "-"))


@dataclass
class _Call:
    """Running totals for one document: attempts and usage over every call made for it."""

    attempts: int = 0
    usage: Usage = field(default_factory=Usage)
    warnings: list[str] = field(default_factory=list)


def drop_untrusted_evidence(document: Document, findings: list[Finding], alerts: list[Alert],
                            warnings: list[str]) -> list[Finding]:
    """Quotes from hidden text or from reviewer-directed passages are never evidence.

    An "addressed" left with no supporting quote is downgraded to "partial", and the finding says why.
    """
    untrusted = {b.id for b in document.blocks if b.hidden} | {a.block_id for a in alerts if a.block_id}
    if not untrusted:
        return findings
    index = index_document(document)
    out: list[Finding] = []
    for f in findings:
        kept: list[Evidence] = []
        dropped = 0
        for ev in f.evidence:
            found = locate(index, ev)
            if found is not None and found.block_id in untrusted:
                dropped += 1
                warnings.append(f"{f.reason_id}: a quote from hidden or reviewer-directed text was not used as evidence: "
                                f"\"{ev.quote[:120]}\"")
            else:
                kept.append(ev)
        if dropped:
            notes = [*f.notes, f"{dropped} quote(s) from hidden or reviewer-directed text were not used as evidence."]
            update: dict[str, Any] = {"evidence": kept, "notes": notes}
            if f.status == Status.ADDRESSED and not any(k.role == "supports" for k in kept):
                update.update(status=Status.PARTIAL, downgraded_from=Status.ADDRESSED)
                notes.append("Downgraded from addressed: it rested only on hidden or reviewer-directed text.")
            f = f.model_copy(update=update)
        out.append(f)
    return out


def _resolve_ids(node: Any, ids: dict[str, str]) -> Any:
    """Replace every ``block_id`` the model gave (``b12``) by the document's own id (``b0012``)."""
    if isinstance(node, BaseModel):
        node = node.model_dump()
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "block_id" and isinstance(v, str):
                key = v.strip().strip("[]").strip()
                out[k] = ids.get(key, ids.get(key.lower(), key))
            else:
                out[k] = _resolve_ids(v, ids)
        return out
    if isinstance(node, list):
        return [_resolve_ids(v, ids) for v in node]
    return node


class LLMEngine:
    """Reviews a document with a chat model behind an OpenAI-compatible API."""

    def __init__(
        self,
        options: ReviewOptions | None = None,
        *,
        config: Config | None = None,
        prompts: Prompts | None = None,
        retry: RetryPolicy | None = None,
        limiter: Any | None = None,
    ) -> None:
        self.options = options or ReviewOptions()
        self.config = config or load_config(self.options.config_path)
        self.prompts = prompts or Prompts()
        self.model = self.options.resolved_model() or self.config.model or DEFAULT_MODEL
        self.base_url = self.options.resolved_base_url() or self.config.base_url
        self.provider, self.model_name = self._provider_of(self.model)
        key: str | None = None
        if self.provider in (None, "openai"):
            key = self.options.resolved_api_key()
            if not key:
                if not self.base_url:
                    raise ConfigError(
                        "the LLM engine needs OPENAI_API_KEY (or --base-url for a local OpenAI-compatible server).",
                        hint="Set OPENAI_API_KEY, pass --base-url, or use --engine screen to review offline.",
                    )
                key = PLACEHOLDER_KEY
        else:
            # Another provider reads its own key from its environment; an OpenAI key or base URL from the
            # environment is never sent to it, only ones given explicitly (--api-key, --base-url, config).
            key = self.options.api_key
            self.base_url = self.options.base_url or self.config.base_url
        env_key = os.environ.get(PROVIDER_KEY_ENV.get(self.provider or "", ""), "")
        self._secrets = [s for s in (key, env_key) if s]
        method = self.options.structured_method
        if method == "json_schema" and self.config.structured_method:
            method = self.config.structured_method  # type: ignore[assignment]
        if method not in ("json_schema", "function_calling"):
            raise ConfigError(f"structured_method {method!r} is not supported.",
                              hint="Use json_schema or function_calling.")
        self.method = method
        self.retry = retry or RetryPolicy(max_attempts=max(1, self.options.max_attempts),
                                          max_seconds=self.options.max_retry_seconds)
        self.limiter = limiter
        self.counter = TokenCounter(self.model_name)
        self.token_budget = self.config.token_budget
        self.price = find_price(self.model, self.config) or (
            find_price(self.model_name, self.config) if self.provider else None)
        self._runnables: dict[str, Any] = {}
        self._chat = self._make_chat(key) if self.provider is None else self._make_provider_chat(key)
        h = hashlib.sha256((self.prompts.files_hash + schema_fingerprint()).encode())
        self._prompt_version = "sha256:" + h.hexdigest()[:12]

    # ------------------------------------------------------------------ setup

    def _provider_of(self, model: str) -> tuple[str | None, str]:
        """The langchain provider named in ``provider:model`` (None for a plain name) and the bare model name.

        A prefix langchain does not know is a ConfigError, except with a base URL, where the whole name
        goes to that OpenAI-compatible server as it is (tagged names like ``qwen2:7b``).
        """
        provider, name = split_model(model)
        if provider is None:
            return None, model
        known = langchain_providers()
        if known is None or provider in known:
            return provider, name
        if self.base_url:
            return None, model
        raise ConfigError(
            f"the model {model!r} names the provider {provider!r}, which langchain does not know "
            f"(known: {', '.join(sorted(known))}).",
            hint="Write the model as provider:model with one of those, and pip install langchain-<provider> "
                 "(e.g. pip install langchain-anthropic); a plain model name uses the OpenAI-compatible API.",
        )

    def _openai_kwargs(self, key: str | None, name: str) -> dict[str, Any]:
        from pydantic import SecretStr

        kwargs: dict[str, Any] = {
            "model": name,
            "max_retries": 0,
            "timeout": self.options.timeout,
            "use_responses_api": False,
            "max_tokens": self.config.max_output_tokens,
        }
        if key:
            kwargs["api_key"] = SecretStr(key)
        if not re.match(r"^o\d", name.lower()):  # o-series reasoning models reject temperature
            kwargs["temperature"] = self.config.temperature
        if self.base_url:
            kwargs["base_url"] = self.base_url
        if self.method == "function_calling":
            kwargs["disabled_params"] = {"parallel_tool_calls": None}
        return kwargs

    def _make_chat(self, key: str | None) -> Any:
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(**self._openai_kwargs(key, self.model))

    def _provider_kwargs(self, key: str | None) -> dict[str, Any]:
        """Constructor arguments for the provider's chat model: SDK retries off, our timeout and limits.

        ``timeout``, ``max_retries``, ``max_tokens``, ``api_key`` and ``base_url`` are the names (or
        aliases) that ChatOpenAI, ChatAnthropic, ChatMistralAI, ChatGroq and ChatGoogleGenerativeAI accept;
        ChatOllama has no retries and takes its timeout through ``client_kwargs``.
        """
        assert self.provider is not None
        if self.provider in OPENAI_FAMILY:
            kwargs = self._openai_kwargs(key, self.model_name)
            del kwargs["model"]
            return kwargs
        from pydantic import SecretStr

        kwargs = {"temperature": self.config.temperature}
        if key:
            kwargs["api_key"] = SecretStr(key)
        if self.base_url:
            kwargs["base_url"] = self.base_url
        if self.provider == "ollama":
            kwargs.update(num_predict=self.config.max_output_tokens, client_kwargs={"timeout": self.options.timeout})
        else:
            kwargs.update(max_retries=0, timeout=self.options.timeout, max_tokens=self.config.max_output_tokens)
        return kwargs

    def _make_provider_chat(self, key: str | None) -> Any:
        """A chat model from ``init_chat_model``; a missing provider package is a ConfigError naming it."""
        assert self.provider is not None
        try:
            from langchain.chat_models import init_chat_model
        except ImportError as e:
            raise ConfigError(f"the model {self.model!r} needs the langchain package, which is not installed.",
                              hint="pip install 'langchain>=1.0,<2' (and langchain-<provider>).") from e
        package = provider_package(self.provider)
        try:
            chat = init_chat_model(self.model_name, model_provider=self.provider, **self._provider_kwargs(key))
        except ImportError as e:
            raise ConfigError(
                f"the model {self.model!r} needs the {package} package, which is not installed "
                f"({self._redact(str(e))[:200]}).",
                hint=f"pip install {package}  (or use a plain model name for the OpenAI-compatible API).",
            ) from e
        except (ValueError, TypeError) as e:
            raise ConfigError(f"langchain could not build the model {self.model!r}: {self._redact(str(e))[:300]}",
                              hint=f"Check the model name and the settings {package} expects.") from e
        self._chat = chat
        try:  # build the structured runnables now, so an unsupported method fails before any call
            self._runnable(ReviewAnswer)
            self._runnable(GatherAnswer)
        except (ValueError, TypeError, NotImplementedError) as e:
            raise ConfigError(
                f"the model {self.model!r} does not support structured output with {self.method} "
                f"({self._redact(str(e))[:200]}).",
                hint="Try --structured-method function_calling (or json_schema).") from e
        return chat

    def _runnable(self, model_cls: type[BaseModel]) -> Any:
        name = model_cls.__name__
        if name not in self._runnables:
            schema = strict_schema(model_cls)
            if self.method == "json_schema" and (self.provider is None or self.provider in OPENAI_FAMILY):
                self._runnables[name] = self._chat.with_structured_output(
                    schema, method="json_schema", strict=True, include_raw=True)
            elif self.method == "json_schema":
                self._runnables[name] = self._chat.with_structured_output(
                    schema, method="json_schema", include_raw=True)
            else:
                self._runnables[name] = self._chat.with_structured_output(
                    schema, method="function_calling", include_raw=True)
        return self._runnables[name]

    @property
    def info(self) -> EngineInfo:
        host: str | None
        if self.provider is None:
            label, host = LABEL, base_url_host(self.base_url)
        else:
            label = f"LLM engine (langchain init_chat_model, provider {self.provider})"
            host = base_url_host(self.base_url) if self.base_url or self.provider == "openai" else None
        return EngineInfo(name="llm", label=label, model=self.model, base_url_host=host,
                          prompt_version=self._prompt_version)

    @property
    def prompt_version(self) -> str:
        return self._prompt_version

    def _redact(self, text: str) -> str:
        return redact(text, self._secrets)

    # ------------------------------------------------------------------ planning

    def _tokens(self, messages: list[Message]) -> int:
        return self.counter.count_messages([m.content for m in messages])

    def plan(self, document: Document, rubric: Rubric) -> list[list[Block]]:
        """One part (the whole document) when it fits the budget; else parts split at sections."""
        whole = review_messages(self.prompts, document, rubric)
        if self._tokens(whole) <= self.token_budget or not document.blocks:
            return [list(document.blocks)]
        fixed = self._tokens(gather_messages(self.prompts, document, rubric, [], 1, 1))
        room = max(self.token_budget - fixed - PART_MARGIN_TOKENS, 512)
        sections: list[list[Block]] = []
        for b in document.blocks:
            key = tuple(b.heading_path[:1])
            starts_section = b.kind == "heading" and (b.level or 1) <= 1
            if not sections or starts_section or tuple(sections[-1][-1].heading_path[:1]) != key:
                sections.append([b])
            else:
                sections[-1].append(b)
        parts: list[list[Block]] = []
        size = 0
        for sec in sections:
            sec_tokens = sum(self.counter.count(b.text) + 8 for b in sec)
            if sec_tokens > room:  # a section too big on its own: split it at block boundaries
                for b in sec:
                    t = self.counter.count(b.text) + 8
                    if parts and size + t <= room:
                        parts[-1].append(b)
                        size += t
                    else:
                        parts.append([b])
                        size = t
                continue
            if parts and size + sec_tokens <= room:
                parts[-1].extend(sec)
                size += sec_tokens
            else:
                parts.append(list(sec))
                size = sec_tokens
        return parts

    def estimate(self, document: Document, rubric: Rubric) -> Usage:
        """Expected tokens and cost before calling (no cache assumed; output from typical answers)."""
        parts = self.plan(document, rubric)
        if len(parts) == 1:
            inp = self._tokens(review_messages(self.prompts, document, rubric))
            usage = Usage(calls=1, input_tokens=inp, output_tokens=EXPECTED_OUTPUT_TOKENS["review"])
        else:
            inp = sum(self._tokens(gather_messages(self.prompts, document, rubric, p, i, len(parts)))
                      for i, p in enumerate(parts, 1))
            judge = self._tokens(judge_messages(self.prompts, document, rubric, [], len(parts)))
            judge += EXPECTED_OUTPUT_TOKENS["gather"] * len(parts)  # the gathered quotes come back in
            usage = Usage(calls=len(parts) + 1, input_tokens=inp + judge,
                          output_tokens=EXPECTED_OUTPUT_TOKENS["gather"] * len(parts) + EXPECTED_OUTPUT_TOKENS["judge"])
        return priced(usage, self.price)

    # ------------------------------------------------------------------ calls

    def _invoke_once(self, model_cls: type[BaseModel], messages: list[Message], call: _Call) -> tuple[Any, str | None]:
        """One HTTP exchange, retried on transient faults. Returns (parsed dict or None, parse error)."""
        from langchain_core.messages import HumanMessage, SystemMessage
        from tenacity import Retrying

        lc = [SystemMessage(m.content) if m.role == "system" else HumanMessage(m.content) for m in messages]
        runnable = self._runnable(model_cls)
        started = self.retry.clock()
        estimated = self._tokens(messages)

        def attempt() -> Any:
            call.attempts += 1
            if self.limiter is not None:
                self.limiter.acquire(estimated)
            log.debug("model call attempt %d (%s, ~%d input tokens)", call.attempts, model_cls.__name__, estimated)
            return runnable.invoke(lc)

        def before_sleep(state: Any) -> None:
            exc = state.outcome.exception() if state.outcome else None
            log.info("model call failed (%s); retrying in %.1fs", describe(exc) if exc else "?", state.upcoming_sleep)

        out = Retrying(before_sleep=before_sleep, **self.retry.tenacity_kwargs(started))(attempt)
        raw = out.get("raw")
        self._add_usage(call, raw)
        if self.limiter is not None:
            um = getattr(raw, "usage_metadata", None) or {}
            self.limiter.settle(estimated, int(um.get("input_tokens", 0) or 0))
        parsed = out.get("parsed")
        error = out.get("parsing_error")
        if error is not None:
            return None, self._redact(f"{type(error).__name__}: {error}")[:2000]
        if parsed is None:
            bad = getattr(raw, "invalid_tool_calls", None)
            detail = f"invalid tool call: {bad[0].get('error') or bad[0].get('args')}" if bad else "no structured answer"
            return None, self._redact(detail)[:2000]
        return parsed, None

    @staticmethod
    def _add_usage(call: _Call, raw: Any) -> None:
        um = getattr(raw, "usage_metadata", None) or {}
        details = um.get("input_token_details") or {}
        call.usage = call.usage + Usage(
            calls=1,
            input_tokens=int(um.get("input_tokens", 0) or 0),
            cached_tokens=int(details.get("cache_read", 0) or 0),
            output_tokens=int(um.get("output_tokens", 0) or 0),
        )

    def _structured(self, model_cls: type[M], messages: list[Message], call: _Call, document: Document) -> M:
        """A validated answer (block ids resolved to the document's); a parse or validation failure
        is asked again once, with the error."""
        msgs = list(messages)
        error = ""
        for ask in (1, 2):
            try:
                parsed, error_or_none = self._invoke_once(model_cls, msgs, call)
            except Exception as e:
                completion = getattr(e, "completion", None)  # finish-reason errors carry the answer's usage
                usage = getattr(completion, "usage", None)
                if usage is not None:
                    details = getattr(usage, "prompt_tokens_details", None)
                    call.usage = call.usage + Usage(calls=1, input_tokens=usage.prompt_tokens or 0,
                                                    cached_tokens=getattr(details, "cached_tokens", 0) or 0,
                                                    output_tokens=usage.completion_tokens or 0)
                raise self._model_error(document, e, call) from e
            if error_or_none is None:
                try:
                    return model_cls.model_validate(_resolve_ids(parsed, id_map(document.blocks)))
                except ValidationError as e:
                    error_or_none = self._redact(f"the answer does not match the schema: {e}")[:2000]
            error = error_or_none
            log.info("model answer unusable (%s)%s", error[:200], "; asking again once" if ask == 1 else "")
            if ask == 1:
                call.warnings.append(f"the model's first answer could not be used and it was asked again ({error[:200]}).")
                msgs = [*messages, reask_message(self.prompts, error)]
        raise ModelError(
            f"{document.name}: the model's answer could not be used twice ({error[:300]}).",
            attempts=call.attempts, usage=priced(call.usage, self.price), path=document.path,
            hint="Try another model, or --structured-method function_calling; --fallback screen reviews it offline.",
        )

    def _model_error(self, document: Document, exc: BaseException, call: _Call) -> Exception:
        status = status_of(exc)
        what = describe(exc)
        usage = priced(call.usage, self.price)
        if status in (401, 403):
            env = "OPENAI_API_KEY" if self.provider in (None, "openai") else \
                PROVIDER_KEY_ENV.get(self.provider or "", f"the {self.provider} API key")
            where = base_url_host(self.base_url) if self.provider in (None, "openai") or self.base_url \
                else f"of {self.provider}"
            return ConfigError(f"the model endpoint {where} refused the API key ({what}).",
                               hint=f"Check {env} (and --base-url).")
        if status == 404:
            return ConfigError(f"the model endpoint {base_url_host(self.base_url)} has no model {self.model!r} at that URL ({what}).",
                               hint="Check --model / REVIEWER_MODEL, and that --base-url is right (it usually ends in /v1).")
        if type(exc).__name__ == "LengthFinishReasonError":
            hint = f"Raise max_output_tokens in the config file (now {self.config.max_output_tokens})."
        elif status == 400 and self.method == "json_schema":
            hint = "The server may not support strict json_schema: try --structured-method function_calling."
        elif is_retryable(exc):
            hint = "The endpoint kept failing; try again later, or use --fallback screen to review offline."
        else:
            hint = "Check --base-url and --model; --fallback screen reviews it offline."
        return ModelError(
            f"{document.name}: the model call failed after {call.attempts} attempt(s): {what}.",
            attempts=call.attempts, usage=usage, path=document.path, hint=hint,
        )

    # ------------------------------------------------------------------ review

    def review(self, document: Document, rubric: Rubric) -> EngineResult:
        call = _Call()
        parts = self.plan(document, rubric)
        t0 = time.perf_counter()
        if len(parts) <= 1:
            answer = self._structured(ReviewAnswer, review_messages(self.prompts, document, rubric), call, document)
            facts = answer.facts
        else:
            answer, facts = self._review_long(document, rubric, parts, call)
        warnings = list(call.warnings)
        findings = to_findings(answer, rubric, warnings)
        alerts = self._alerts(document, answer.reviewer_directed_text, warnings)
        findings = drop_untrusted_evidence(document, findings, alerts, warnings)
        usage = priced(call.usage, self.price)
        log.info("%s: %d call(s), %d input (%d cached), %d output tokens in %.1fs", document.name, usage.calls,
                 usage.input_tokens, usage.cached_tokens, usage.output_tokens, time.perf_counter() - t0)
        return EngineResult(findings=findings, facts=to_facts(facts), alerts=alerts, usage=usage, warnings=warnings)

    def _review_long(self, document: Document, rubric: Rubric, parts: list[list[Block]],
                     call: _Call) -> tuple[ReviewAnswer, WireFacts]:
        n = len(parts)
        call.warnings.append(f"the document is over the token budget ({self.token_budget}); it was read in {n} parts "
                             "split at sections, and judged once over the evidence gathered from them.")
        gathered: list[Gathered] = []
        facts: list[WireFacts] = []
        directed: list[WireQuote] = []
        for i, blocks in enumerate(parts, 1):
            g = self._structured(GatherAnswer, gather_messages(self.prompts, document, rubric, blocks, i, n), call, document)
            for e in g.evidence:
                b = document.block(e.block_id)
                gathered.append(Gathered(reason_key(e.reason_id), e.block_id, b.location if b else "?", e.quote, e.note, e.role))
            facts.append(g.facts)
            directed.extend(g.reviewer_directed_text)
        known = {r.id for r in rubric.reasons}
        unknown = [g for g in gathered if g.reason_id not in known]
        if unknown:
            call.warnings.append(f"{len(unknown)} gathered quote(s) named unknown reasons "
                                 f"({', '.join(sorted({g.reason_id for g in unknown}))}) and were not judged.")
        kept: list[Gathered] = []
        for r in rubric.reasons:
            items = [g for g in gathered if g.reason_id == r.id]
            if len(items) > MAX_GATHERED_PER_REASON:
                call.warnings.append(f"{r.id}: {len(items) - MAX_GATHERED_PER_REASON} of {len(items)} gathered quotes "
                                     f"were not sent to the judging call (limit {MAX_GATHERED_PER_REASON} per reason).")
            kept.extend(items[:MAX_GATHERED_PER_REASON])
        answer = self._structured(ReviewAnswer, judge_messages(self.prompts, document, rubric, kept, n), call, document)
        merged = merge_wire_facts([answer.facts, *facts])
        answer = answer.model_copy(update={"reviewer_directed_text": [*answer.reviewer_directed_text, *directed]})
        return answer, merged

    def _alerts(self, document: Document, directed: list[WireQuote], warnings: list[str]) -> list[Alert]:
        """Alerts from the rule-based detector, plus reviewer-directed text the model reported.

        A reported passage is kept only if it is really in the document (the model may misquote).
        """
        alerts: list[Alert] = []
        try:
            from reviewer.injection import find_alerts
        except ImportError:  # pragma: no cover - the detector ships with reviewer
            pass
        else:
            alerts.extend(find_alerts(document))
        seen = {(a.block_id, " ".join(a.text.split()).lower()) for a in alerts}
        index = index_document(document)
        for d in directed:
            quote = " ".join(d.quote.split())
            if not quote:
                continue
            if any(bid == d.block_id and (quote.lower() in t or t in quote.lower()) for bid, t in seen):
                continue
            found = locate(index, Evidence(quote=quote, block_id=d.block_id))
            if found is None:
                warnings.append(f"the model reported reviewer-directed text that is not in the document; not shown: \"{quote[:120]}\"")
                continue
            b = document.block(found.block_id or "")
            seen.add((d.block_id, quote.lower()))
            alerts.append(Alert(kind="reviewer_directed", text=quote[:500], block_id=b.id if b else None,
                                location=b.location if b else None,
                                detail="Reported by the model as text addressed to reviewers; not obeyed, never used as evidence."))
        return alerts
