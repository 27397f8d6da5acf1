"""The LLM engine: one structured call per document through langchain-openai, retried by tenacity.

``ChatOpenAI(use_responses_api=False, max_retries=0)`` so tenacity is the only retry layer;
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

M = TypeVar("M", bound=BaseModel)


def base_url_host(base_url: str | None) -> str:
    """Host (and port) of the endpoint, never credentials or paths."""
    if not base_url:
        return "api.openai.com"
    u = urlparse(base_url)
    host = u.hostname or "?"
    return f"{host}:{u.port}" if u.port else host


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
        key = self.options.resolved_api_key()
        if not key:
            if not self.base_url:
                raise ConfigError(
                    "the LLM engine needs OPENAI_API_KEY (or --base-url for a local OpenAI-compatible server).",
                    hint="Set OPENAI_API_KEY, pass --base-url, or use --engine screen to review offline.",
                )
            key = PLACEHOLDER_KEY
        self._secrets = [key]
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
        self.counter = TokenCounter(self.model)
        self.token_budget = self.config.token_budget
        self.price = find_price(self.model, self.config)
        self._chat = self._make_chat(key)
        self._runnables: dict[str, Any] = {}
        h = hashlib.sha256((self.prompts.files_hash + schema_fingerprint()).encode())
        self._prompt_version = "sha256:" + h.hexdigest()[:12]

    # ------------------------------------------------------------------ setup

    def _make_chat(self, key: str) -> Any:
        from langchain_openai import ChatOpenAI
        from pydantic import SecretStr

        kwargs: dict[str, Any] = {
            "model": self.model,
            "api_key": SecretStr(key),
            "max_retries": 0,
            "timeout": self.options.timeout,
            "use_responses_api": False,
            "max_tokens": self.config.max_output_tokens,
        }
        if not re.match(r"^o\d", self.model.lower()):  # o-series reasoning models reject temperature
            kwargs["temperature"] = self.config.temperature
        if self.base_url:
            kwargs["base_url"] = self.base_url
        if self.method == "function_calling":
            kwargs["disabled_params"] = {"parallel_tool_calls": None}
        return ChatOpenAI(**kwargs)

    def _runnable(self, model_cls: type[BaseModel]) -> Any:
        name = model_cls.__name__
        if name not in self._runnables:
            schema = strict_schema(model_cls)
            if self.method == "json_schema":
                self._runnables[name] = self._chat.with_structured_output(
                    schema, method="json_schema", strict=True, include_raw=True)
            else:
                self._runnables[name] = self._chat.with_structured_output(
                    schema, method="function_calling", include_raw=True)
        return self._runnables[name]

    @property
    def info(self) -> EngineInfo:
        return EngineInfo(name="llm", label=LABEL, model=self.model, base_url_host=base_url_host(self.base_url),
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
            return ConfigError(f"the model endpoint {base_url_host(self.base_url)} refused the API key ({what}).",
                               hint="Check OPENAI_API_KEY (and --base-url).")
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
