"""What to retry and how long to wait: the one retry layer (tenacity), with injectable time.

Retried: HTTP 408, 409, 429 and 5xx, timeouts, connection errors (refused, reset, truncated
bodies) and unreadable response bodies. Waits are exponential with full jitter, never shorter
than the server's Retry-After (seconds or an HTTP date, capped). Bounded by attempts and by
total time: a retry whose wait would pass the time budget is not made.

The OpenAI SDK's errors are recognised by class; other providers' (Anthropic, Mistral via httpx,
...) generically: an HTTP status in ``status_code`` or ``response.status_code``, a wait in
``retry_after`` or the response's headers, and timeouts / connection errors by their class
(builtin) or by the usual class names of the SDKs and of httpx.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import openai
from tenacity import RetryCallState

RETRY_STATUS = frozenset({408, 409, 429})
RETRY_AFTER_CAP = 60.0
BACKOFF_BASE = 1.0
BACKOFF_MAX = 30.0
# Class names other SDKs and HTTP clients give timeouts and connection failures (anthropic, groq, httpx, requests).
TIMEOUT_NAMES = frozenset({"APITimeoutError", "TimeoutError", "Timeout", "TimeoutException", "ReadTimeout",
                           "ConnectTimeout", "DeadlineExceeded"})
CONNECTION_NAMES = frozenset({"APIConnectionError", "ConnectionError", "ConnectError", "TransportError",
                              "RemoteProtocolError", "ServiceUnavailable"})


def _http_status(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 400 <= value <= 599 else None


def status_of(exc: BaseException) -> int | None:
    """The HTTP error status an exception carries: the OpenAI SDK's, or any ``status_code`` /
    ``response.status_code`` from 400 to 599 (other providers' SDKs, httpx)."""
    if isinstance(exc, openai.APIStatusError):
        return getattr(exc, "status_code", None)
    if isinstance(exc, openai.OpenAIError):  # e.g. a 200 whose body did not validate: not an HTTP error
        return None
    status = _http_status(getattr(exc, "status_code", None))
    if status is None:
        status = _http_status(getattr(getattr(exc, "response", None), "status_code", None))
    return status


def _class_names(exc: BaseException) -> set[str]:
    return {c.__name__ for c in type(exc).__mro__}


def is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, openai.APITimeoutError | TimeoutError) or \
        bool(_class_names(exc) & TIMEOUT_NAMES)


def is_connection_error(exc: BaseException) -> bool:
    """Refused, reset or broken connections (timeouts included)."""
    return isinstance(exc, openai.APIConnectionError | ConnectionError) or \
        is_timeout(exc) or bool(_class_names(exc) & CONNECTION_NAMES)


def is_retryable(exc: BaseException) -> bool:
    """Transient faults worth another attempt."""
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in RETRY_STATUS or exc.status_code >= 500
    status = status_of(exc)
    if status is not None:
        return status in RETRY_STATUS or status >= 500
    if is_connection_error(exc):
        return True
    # A 200 whose body is not the JSON it claims to be (garbled by a proxy, cut short).
    return isinstance(exc, openai.APIResponseValidationError | json.JSONDecodeError)


def retry_after(exc: BaseException, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> float | None:
    """Seconds the server asked us to wait (Retry-After / retry-after-ms, or an SDK's numeric
    ``retry_after``), capped; None if absent."""
    given = getattr(exc, "retry_after", None)
    if isinstance(given, int | float) and not isinstance(given, bool):
        return min(max(float(given), 0.0), RETRY_AFTER_CAP)
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None or not hasattr(headers, "get"):
        return None
    ms = headers.get("retry-after-ms")
    if ms:
        try:
            return min(max(float(ms) / 1000.0, 0.0), RETRY_AFTER_CAP)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return min(max(float(value), 0.0), RETRY_AFTER_CAP)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max((when - now()).total_seconds(), 0.0), RETRY_AFTER_CAP)


def describe(exc: BaseException) -> str:
    """A short, key-free description of a failure."""
    status = status_of(exc)
    if status is not None:
        return f"HTTP {status}"
    if is_timeout(exc):
        return "the request timed out"
    if is_connection_error(exc):
        cause = exc.__cause__ or exc.__context__
        detail = f" ({type(cause).__name__})" if cause is not None else ""
        return f"could not connect or the connection broke{detail}"
    if isinstance(exc, openai.LengthFinishReasonError):
        return "the answer was cut off at the output token limit"
    if isinstance(exc, openai.ContentFilterFinishReasonError):
        return "the provider's content filter stopped the answer"
    if isinstance(exc, openai.APIResponseValidationError | json.JSONDecodeError):
        return "the endpoint answered with a body that is not valid JSON"
    return type(exc).__name__


@dataclass
class RetryPolicy:
    """Attempts and time budget, with clock, sleep and randomness injectable for tests."""

    max_attempts: int = 5
    max_seconds: float = 300.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    rng: random.Random = field(default_factory=random.Random)
    waits: list[float] = field(default_factory=list)  # every wait decided, for tests and logs

    def backoff(self, attempt: int) -> float:
        """Full-jitter exponential backoff for the wait after ``attempt`` (1-based)."""
        ceiling = min(BACKOFF_MAX, BACKOFF_BASE * (2 ** (attempt - 1)))
        return self.rng.uniform(0.0, ceiling)

    def wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome is not None else None
        base = self.backoff(state.attempt_number)
        asked = retry_after(exc) if exc is not None else None
        return max(base, asked) if asked is not None else base

    def make_stop(self, started: float) -> Callable[[RetryCallState], bool]:
        def stop(state: RetryCallState) -> bool:
            if state.attempt_number >= self.max_attempts:
                return True
            elapsed = self.clock() - started
            return elapsed + state.upcoming_sleep > self.max_seconds

        return stop

    def record_sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.sleep(seconds)

    def tenacity_kwargs(self, started: float) -> dict[str, Any]:
        from tenacity import retry_if_exception

        return {
            "retry": retry_if_exception(is_retryable),
            "stop": self.make_stop(started),
            "wait": self.wait,
            "sleep": self.record_sleep,
            "reraise": True,
        }
