"""The UI is built after the server listens: a bilingual 503 until then, the API meanwhile."""

from __future__ import annotations

import threading
import time

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse
from starlette.testclient import TestClient

from bot.config import REPO_ROOT
from bot.prompts import load_prompts
from bot.surfaces.ui.deferred import DeferredUI


def _server(build) -> tuple[FastAPI, DeferredUI]:
    import contextlib

    ui = DeferredUI(build, load_prompts(REPO_ROOT / "prompts"))

    @contextlib.asynccontextmanager
    async def lifespan(_app):
        ui.start()
        yield
        await ui.stop()

    app = FastAPI(lifespan=lifespan)

    @app.get("/api/ping")
    def ping() -> dict:
        return {"pong": True}

    app.mount("/", ui)
    return app, ui


def _ui_app(events: list[str]) -> FastAPI:
    import contextlib

    @contextlib.asynccontextmanager
    async def lifespan(_app):
        events.append("ui started")
        yield
        events.append("ui stopped")

    inner = FastAPI(lifespan=lifespan)
    inner.get("/")(lambda: PlainTextResponse("the real UI"))
    inner.get("/config")(lambda: {"components": []})
    return inner


def _wait_for(predicate, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_while_the_ui_builds_the_api_answers_and_the_page_says_so_in_both_languages():
    release, events = threading.Event(), []

    def build():
        release.wait(10)
        return _ui_app(events)

    app, ui = _server(build)
    with TestClient(app) as http:
        assert http.get("/api/ping").json() == {"pong": True}
        page = http.get("/")
        assert page.status_code == 503 and page.headers["retry-after"] == "1"
        assert "Antarmuka sedang dimuat" in page.text and "The interface is starting" in page.text
        assert 'http-equiv="refresh"' in page.text
        other = http.get("/config")
        assert other.status_code == 503
        assert other.json() == {
            "detail": "Antarmuka sedang dimuat / The interface is starting",
            "ui": "starting",
        }
        release.set()
        _wait_for(lambda: ui.state == "ready")
        assert events == ["ui started"]
        assert http.get("/").text == "the real UI"
        assert http.get("/config").json() == {"components": []}
        assert http.get("/api/ping").status_code == 200
    assert events == ["ui started", "ui stopped"]


def test_a_broken_ui_leaves_the_api_up_and_says_it_is_unavailable(caplog):
    def build():
        raise RuntimeError("gradio exploded")

    app, ui = _server(build)
    with TestClient(app) as http:
        _wait_for(lambda: ui.state == "failed")
        page = http.get("/")
        assert page.status_code == 503 and "retry-after" not in page.headers
        assert "Antarmuka tidak tersedia" in page.text and "/api/ask" in page.text
        assert 'http-equiv="refresh"' not in page.text
        assert http.get("/api/ping").json() == {"pong": True}
    assert "Web UI failed to start" in caplog.text


def test_stopping_during_the_build_does_not_hang():
    release = threading.Event()

    def build():
        release.wait(5)
        return _ui_app([])

    app, ui = _server(build)
    started = time.monotonic()
    with TestClient(app) as http:
        assert http.get("/").status_code == 503
    release.set()
    assert ui.state in ("starting", "ready") and time.monotonic() - started < 10
