"""The token bucket and its middleware, without a server: a 429 says so in both languages."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.testclient import TestClient

from bot.config import REPO_ROOT
from bot.prompts import load_prompts
from bot.surfaces.ratelimit import RateLimiter, RateLimitMiddleware
from bot.surfaces.server import ServerSettings, uvicorn_config


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_bucket_refills_at_its_rate():
    clock = Clock()
    limiter = RateLimiter(per_minute=2, clock=clock)
    assert [limiter.check("a"), limiter.check("a")] == [0.0, 0.0]
    assert limiter.check("a") == 30.0  # one token every 30 s
    assert limiter.check("b") == 0.0  # another client has its own bucket
    clock.now = 30.0
    assert limiter.check("a") == 0.0


def test_the_middleware_answers_429_in_both_languages_only_under_its_prefix():
    app = FastAPI()
    app.get("/api/ping")(lambda: {"pong": True})
    app.get("/other")(lambda: {"other": True})
    limiter = RateLimiter(per_minute=1, clock=Clock())
    prompts = load_prompts(REPO_ROOT / "prompts")
    app.add_middleware(RateLimitMiddleware, limiter=limiter, prompts=prompts, prefix="/api/")
    with TestClient(app) as http:
        assert http.get("/api/ping").status_code == 200
        limited = http.get("/api/ping")
        assert http.get("/other").status_code == 200
    assert limited.status_code == 429 and limited.headers["retry-after"] == "60"
    assert limited.json() == {
        "error": "rate_limited",
        "message": "Terlalu banyak permintaan; coba lagi dalam 60 detik. / "
        "Too many requests; retry in 60 s.",
        "retry_after": 60,
    }


def _client_seen(trusted_proxies: str, peer: str) -> str:
    """The client address the app (and so the rate limit) sees behind uvicorn's middleware."""
    import asyncio

    seen = {}

    async def app(scope, receive, send):
        seen["client"] = scope["client"][0]

    config = uvicorn_config(app, ServerSettings(trusted_proxies=trusted_proxies))
    config.load()
    scope = {
        "type": "http",
        "client": (peer, 5000),
        "headers": [(b"x-forwarded-for", b"203.0.113.9")],
    }
    asyncio.run(config.loaded_app(scope, None, None))
    return seen["client"]


def test_forwarded_headers_are_believed_from_trusted_proxies_only():
    assert _client_seen("", "127.0.0.1") == "127.0.0.1"  # uvicorn alone would trust loopback
    assert _client_seen("10.0.0.5", "127.0.0.1") == "127.0.0.1"
    assert _client_seen("10.0.0.5", "10.0.0.5") == "203.0.113.9"
    assert _client_seen("10.0.0.0/8, 127.0.0.1", "127.0.0.1") == "203.0.113.9"
