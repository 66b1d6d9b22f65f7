"""A per-client token bucket and the ASGI middleware that applies it to the JSON API."""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable

from bot.prompts import Prompts
from bot.surfaces.api_errors import in_language

Scope = dict
Receive = Callable
Send = Callable


class RateLimiter:
    """Allow `per_minute` requests per client, refilled continuously, bursting up to the same."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0  # tokens per second
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, updated)
        self._lock = threading.Lock()

    def check(self, client: str) -> float:
        """Take one token for `client`; return 0 when allowed, else the seconds to wait."""
        now = self.clock()
        with self._lock:
            tokens, updated = self._buckets.get(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - updated) * self.rate)
            if tokens >= 1.0:
                self._buckets[client] = (tokens - 1.0, now)
                self._prune(now)
                return 0.0
            self._buckets[client] = (tokens, now)
            return (1.0 - tokens) / self.rate

    def _prune(self, now: float) -> None:
        """Forget clients whose bucket has refilled, so memory stays bounded."""
        if len(self._buckets) < 10_000:
            return
        full = self.capacity / self.rate
        self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < full}


class RateLimitMiddleware:
    """Answer 429 with Retry-After when a client exceeds its budget on paths under `prefix`.

    The message follows ?lang= or Accept-Language, else it is in both languages (the body, which
    may name one, is not read).
    """

    def __init__(self, app, limiter: RateLimiter, prompts: Prompts, prefix: str = "/api/") -> None:
        self.app, self.limiter, self.prompts, self.prefix = app, limiter, prompts, prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self.limiter.check(client)
        if wait <= 0:
            await self.app(scope, receive, send)
            return
        retry_after = max(1, math.ceil(wait))
        message, lang = in_language(
            self.prompts, scope, "api.rate_limited", retry_after=retry_after
        )
        payload = {"error": "rate_limited", "message": message, "retry_after": retry_after}
        body = json.dumps({**payload, **({"lang": lang} if lang else {})}).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"retry-after", str(retry_after).encode()),
        ]
        await send({"type": "http.response.start", "status": 429, "headers": headers})
        await send({"type": "http.response.body", "body": body})
