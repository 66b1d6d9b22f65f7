"""Response headers every page and answer carries, and 405 for a wrong method on the JSON API.

Both are plain ASGI middleware around the whole app, Gradio included: the Gradio UI is mounted at
"/", so without them a GET /api/ask fell through to Gradio's 404 and Gradio's pages went without
the headers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from starlette.routing import Match, Route

from bot.prompts import Prompts
from bot.surfaces.api_errors import in_language

# frame-ancestors only: Gradio's pages load inline scripts and styles, which a fuller CSP breaks.
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"content-security-policy", b"frame-ancestors 'self'"),
    (b"x-frame-options", b"SAMEORIGIN"),
)


class SecurityHeadersMiddleware:
    """Add SECURITY_HEADERS to every HTTP response that does not set them itself."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class MethodNotAllowedMiddleware:
    """Answer 405 with Allow when a path under `prefix` is one of `routes` but the method is not
    one of its methods (Starlette would, were it not for the catch-all UI mount).

    The routes are given, not read from the app: FastAPI keeps an included router's routes in a
    private wrapper.
    """

    def __init__(
        self, app: Any, routes: list[Any], prompts: Prompts, prefix: str = "/api/"
    ) -> None:
        self.app, self.routes, self.prompts, self.prefix = app, routes, prompts, prefix

    def allowed(self, scope: dict) -> list[str] | None:
        """The methods of the route at this path when the method is not one; else None."""
        methods: set[str] = set()
        for route in self.routes:
            if not isinstance(route, Route) or not route.methods:
                continue
            match, _ = route.matches(scope)
            if match == Match.FULL:
                return None
            if match == Match.PARTIAL:
                methods |= route.methods
        return sorted(methods) or None

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        allowed = None
        if scope["type"] == "http" and scope["path"].startswith(self.prefix):
            allowed = self.allowed(scope)
        if allowed is None:
            await self.app(scope, receive, send)
            return
        allow = ", ".join(allowed)
        message, lang = in_language(
            self.prompts, scope, "api.method_not_allowed", method=scope["method"], allow=allow
        )
        payload = {"error": "method_not_allowed", "message": message}
        body = json.dumps({**payload, **({"lang": lang} if lang else {})}).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"allow", allow.encode()),
        ]
        await send({"type": "http.response.start", "status": 405, "headers": headers})
        await send({"type": "http.response.body", "body": body})


# Where Gradio takes an event by its number (fn_index); an unknown number was a KeyError, a 500.
EVENT_PATHS = frozenset({"/gradio_api/queue/join", "/gradio_api/run/predict"})
EVENT_BODY_LIMIT = 1024 * 1024  # larger bodies are left to Gradio as they are


class KnownEventsMiddleware:
    """Answer 404 for a Gradio event whose fn_index is not one of `known()`."""

    def __init__(self, app: Any, known: Callable[[], Any], prompts: Prompts) -> None:
        self.app, self.known, self.prompts = app, known, prompts

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in EVENT_PATHS:
            await self.app(scope, receive, send)
            return
        messages, body = [], b""
        while True:  # read the body, keeping its messages to hand on to Gradio
            message = await receive()
            messages.append(message)
            body += message.get("body", b"")
            if not message.get("more_body") or len(body) > EVENT_BODY_LIMIT:
                break
        index = _fn_index(body)
        if index is not None and index not in self.known():
            text = self.prompts.both("ui.unknown_event")
            payload = json.dumps({"error": "unknown_event", "message": text}).encode()
            headers = [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ]
            await send({"type": "http.response.start", "status": 404, "headers": headers})
            await send({"type": "http.response.body", "body": payload})
            return

        async def replay() -> dict:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


def _fn_index(body: bytes) -> int | None:
    """The body's fn_index, if it is JSON with an integer one; else None (Gradio answers it)."""
    try:
        data = json.loads(body)
    except ValueError:
        return None
    index = data.get("fn_index") if isinstance(data, dict) else None
    return index if isinstance(index, int) and not isinstance(index, bool) else None
