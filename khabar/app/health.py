"""`/healthz` without letting probes exhaust the API's thread pool.

The check asks Elasticsearch with a short client timeout, and at most one check runs at a
time: while one is in flight, other probes get the last result at once (or 503 "checking"
when there is none yet); a result is reused for `ttl` seconds. So however many unauthenticated
probes arrive during an Elasticsearch stall, at most one worker thread waits on it, for at most
`timeout` seconds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

HEALTH_TIMEOUT = 2.0  # seconds the one in-flight check waits for Elasticsearch
HEALTH_TTL = 2.0  # seconds a result is reused


@dataclass(frozen=True)
class Health:
    """One check's outcome: the HTTP status to answer and the body."""

    status_code: int
    body: dict[str, Any]
    at: float


class HealthProbe:
    """A cached, single-flight health check around `check` (which raises when unhealthy)."""

    def __init__(self, check: Callable[[], dict[str, Any]], *, ttl: float = HEALTH_TTL,
                 errors: tuple[type[BaseException], ...] = (Exception,)) -> None:
        self.check = check
        self.ttl = ttl
        self.errors = errors
        self._in_flight = threading.Lock()
        self._last: Health | None = None

    def get(self) -> Health:
        """The current health: cached, the last result while a check is running, or a fresh check."""
        last = self._last
        if last is not None and time.monotonic() - last.at < self.ttl:
            return last
        if not self._in_flight.acquire(blocking=False):
            return last or Health(503, {"status": "checking", "elasticsearch": "check in progress"}, time.monotonic())
        try:
            self._last = self._run()
            return self._last
        finally:
            self._in_flight.release()

    def _run(self) -> Health:
        try:
            health = self.check()
        except self.errors as exc:
            return Health(503, {"status": "unavailable", "elasticsearch": f"unreachable ({type(exc).__name__})"}, time.monotonic())
        return Health(200, {"status": "ok", "elasticsearch": health.get("status")}, time.monotonic())
