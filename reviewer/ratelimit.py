"""A client-side limit on model requests and tokens per minute, shared by every worker thread.

Two token buckets refilled continuously: requests (``rpm``) and tokens (``tpm``). Requests are spaced
evenly (burst of one), so ``rpm=60`` means one request a second. The token bucket holds ten
seconds' worth of tokens; a request larger than the bucket waits for a full bucket and then runs the
bucket into debt, which later requests pay off. After the call, ``settle`` corrects the token bucket
with the real usage, so a poor estimate does not drift.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class _Bucket:
    """A token bucket: ``rate`` per second up to ``capacity``; may go into debt."""

    def __init__(self, rate: float, capacity: float, now: float) -> None:
        self.rate = rate
        self.capacity = capacity
        self.level = capacity
        self.stamp = now

    def refill(self, now: float) -> None:
        self.level = min(self.capacity, self.level + (now - self.stamp) * self.rate)
        self.stamp = now

    def wait_for(self, amount: float) -> float:
        """Seconds until ``amount`` (clamped to capacity) is available; 0 when it is now."""
        need = min(amount, self.capacity)
        if self.level >= need:
            return 0.0
        return (need - self.level) / self.rate


class RateLimiter:
    """Blocks callers until a request of ``tokens`` fits under ``rpm`` and ``tpm``.

    Either limit may be ``None`` (unlimited). Thread-safe; waiters are served in arrival order.
    """

    def __init__(
        self,
        rpm: float | None = None,
        tpm: float | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rpm is not None and rpm <= 0:
            raise ValueError("rpm must be positive")
        if tpm is not None and tpm <= 0:
            raise ValueError("tpm must be positive")
        self.rpm, self.tpm = rpm, tpm
        self._clock, self._sleep = clock, sleep
        now = clock()
        self._requests = _Bucket(rpm / 60.0, 1.0, now) if rpm else None
        self._tokens = _Bucket(tpm / 60.0, max(tpm / 6.0, 1.0), now) if tpm else None
        self._lock = threading.Lock()
        self._turn = threading.Lock()  # one waiter at a time: first come, first served
        self.waited = 0.0

    @property
    def active(self) -> bool:
        return self._requests is not None or self._tokens is not None

    def acquire(self, tokens: int = 0, *, cancelled: Callable[[], bool] | None = None) -> bool:
        """Wait until one request of ``tokens`` may start, and take it. False if ``cancelled()``."""
        if not self.active:
            return True
        with self._turn:
            while True:
                with self._lock:
                    now = self._clock()
                    delay = 0.0
                    for bucket, amount in ((self._requests, 1.0), (self._tokens, float(tokens))):
                        if bucket is not None:
                            bucket.refill(now)
                            delay = max(delay, bucket.wait_for(amount))
                    if delay <= 0:
                        if self._requests is not None:
                            self._requests.level -= 1.0
                        if self._tokens is not None:
                            self._tokens.level -= float(tokens)
                        return True
                if cancelled is not None and cancelled():
                    return False
                step = min(delay, 0.25)
                self.waited += step
                self._sleep(step)

    def settle(self, estimated: int, actual: int) -> None:
        """Correct the token bucket once a call's real token count is known."""
        if self._tokens is None or actual <= 0:
            return
        with self._lock:
            self._tokens.refill(self._clock())
            self._tokens.level -= float(actual - estimated)
