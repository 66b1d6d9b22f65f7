"""Serve the Gradio UI once it is built, so the API answers while gradio is still importing.

Importing gradio and building the Blocks takes about 4 s of CPU, more than the whole rest of
start-up. `bot serve` therefore listens first and builds the UI in a worker thread; until it is
ready `/` answers 503 with a page that says so in both languages and reloads itself, and any
other UI path gets a 503 JSON body. If the build fails the API keeps working and the page says
the interface is unavailable.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Callable
from typing import Any

from bot.lang import LANGS
from bot.prompts import Prompts

log = logging.getLogger("bot.surfaces.server")

STARTING = "starting"
READY = "ready"
FAILED = "failed"

_PAGE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8">{refresh}
<title>{title_id} / {title_en}</title></head>
<body style="font-family: sans-serif; margin: 3rem; color: #333">
<p><b>{title_id}</b><br>{body_id}</p>
<p lang="en"><b>{title_en}</b><br>{body_en}</p>
</body></html>
"""


class DeferredUI:
    """An ASGI app standing in for the UI app that `build` returns, once that is ready.

    `build` runs in a worker thread and returns a FastAPI app with the UI mounted on it; its
    lifespan (which starts Gradio's queue) is entered on the server's event loop. The page
    shown meanwhile says so with the phrases under ui_loading in `prompts`.
    """

    def __init__(self, build: Callable[[], Any], prompts: Prompts) -> None:
        self._build = build
        self.prompts = prompts
        self.state = STARTING
        self.seconds: float | None = None
        self._app: Any = None
        self._lifespan: Any = None
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        """Begin building on the running event loop (call from the server's lifespan)."""
        self._task = asyncio.get_running_loop().create_task(self._load())

    async def _load(self) -> None:
        started = time.perf_counter()
        try:
            app = await asyncio.to_thread(self._build)
            lifespan = app.router.lifespan_context(app)
            await lifespan.__aenter__()
        except Exception:  # noqa: BLE001 - the API must outlive a broken UI
            log.exception("Web UI failed to start; the API keeps serving")
            self.state = FAILED
            return
        self._app, self._lifespan = app, lifespan
        self.seconds = time.perf_counter() - started
        self.state = READY
        log.info("Web UI ready in %.1fs", self.seconds)

    async def stop(self) -> None:
        """Leave the UI app's lifespan, or stop a build still in progress."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
        if self._lifespan is not None:
            with contextlib.suppress(Exception):
                await self._lifespan.__aexit__(None, None, None)
            self._lifespan = None

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if self._app is not None:
            await self._app(scope, receive, send)
            return
        if scope["type"] != "http":  # websockets and the like: refuse until ready
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1013})
            return
        await self._placeholder(scope, send)

    async def _placeholder(self, scope: dict, send: Any) -> None:
        starting = self.state == STARTING
        path = scope.get("path", "/")
        texts = {lang: self.prompts.section(lang, f"ui_loading.{self.state}") for lang in LANGS}
        if path in ("", "/"):
            refresh = '<meta http-equiv="refresh" content="1">' if starting else ""
            body = _PAGE.format(
                refresh=refresh,
                title_id=texts["id"]["title"],
                body_id=texts["id"]["body"],
                title_en=texts["en"]["title"],
                body_en=texts["en"]["body"],
            ).encode()
            content_type = b"text/html; charset=utf-8"
        else:
            detail = self.prompts.both(f"ui_loading.{self.state}.title")
            body = json.dumps({"detail": detail, "ui": self.state}).encode()
            content_type = b"application/json"
        headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
        if starting:
            headers.append((b"retry-after", b"1"))
        await send({"type": "http.response.start", "status": 503, "headers": headers})
        await send({"type": "http.response.body", "body": body})
