"""Polite HTTP GET: one request at a time, a minimum interval between requests, retries with backoff.

The transport (URL and timeout in, status and body out) and the clock are parameters, so tests
drive the rate limiter and the backoff with a fake clock and replay recorded bodies.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from . import FetchError

USER_AGENT = "survey-generator/0.1 (literature-survey site generator; survey fetch)"
MAX_BODY = 5 * 1024 * 1024  # io.read_content refuses larger source files, so never fetch one


@dataclass(frozen=True)
class Response:
    """An HTTP answer: status code and the raw body bytes."""

    status: int
    body: bytes


# (url, timeout in seconds) -> Response; raises OSError (URLError, TimeoutError, ...) when no answer came
Transport = Callable[[str, float], Response]


class Clock(Protocol):
    """What the limiter and the backoff need from time."""

    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


def urllib_transport(url: str, timeout: float) -> Response:
    """GET ``url`` with the standard library, naming the tool in the User-Agent."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return Response(answer.status, answer.read(MAX_BODY + 1))
    except urllib.error.HTTPError as exc:  # 4xx/5xx still carry a body (arXiv's error feed)
        return Response(exc.code, exc.read(MAX_BODY + 1))


class RateLimiter:
    """At most one request per ``interval`` seconds, measured from the start of the previous one."""

    def __init__(self, interval: float, clock: Clock) -> None:
        self.interval = interval
        self.clock = clock
        self._last: float | None = None

    def wait(self) -> None:
        now = self.clock.monotonic()
        if self._last is not None and now < self._last + self.interval:
            self.clock.sleep(self._last + self.interval - now)
        self._last = self.clock.monotonic()


class Client:
    """Sequential GETs through one transport: rate-limited, retried on 5xx, 429 and connection errors."""

    def __init__(self, transport: Transport = urllib_transport, clock: Clock | None = None, *,
                 interval: float = 3.0, retries: int = 3, backoff: float = 5.0, timeout: float = 30.0) -> None:
        self.transport = transport
        self.clock = clock or SystemClock()
        self.limiter = RateLimiter(interval, self.clock)
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.requests = 0  # how many were sent, for the summary line

    def get(self, url: str) -> Response:
        """The first answer that is not a server error; FetchError after the last retry."""
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.clock.sleep(self.backoff * 2 ** (attempt - 1))
            self.limiter.wait()
            self.requests += 1
            try:
                response = self.transport(url, self.timeout)
            except OSError as exc:  # no connection, reset, timeout: worth another try
                problem = f"{type(exc).__name__}: {exc}"
                continue
            if response.status >= 500 or response.status == 429:
                problem = f"HTTP {response.status}"
                continue
            if len(response.body) > MAX_BODY:
                raise FetchError(f"{url}: the answer is over {MAX_BODY} bytes (ask for fewer results)")
            return response
        raise FetchError(f"{url}: {problem} (gave up after {self.retries + 1} attempts)")
