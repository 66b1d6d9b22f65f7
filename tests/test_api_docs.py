"""The API's documentation works offline, lists every error with its shape and an example, and
every /api error speaks the language the request asks for."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx
import pytest
import test_ui_browser as ui
from fastapi import FastAPI
from starlette.testclient import TestClient

from bot.config import REPO_ROOT
from bot.prompts import load_prompts
from bot.surfaces.api_errors import ERRORS, asked_lang
from bot.surfaces.ratelimit import RateLimiter, RateLimitMiddleware

browser = ui.browser  # the fixture, shared
ERROR_STATUSES = ("400", "404", "405", "413", "422", "429", "503")


def client(server) -> httpx.Client:
    transport = httpx.HTTPTransport(local_address="127.0.0.7")  # a rate-limit bucket of its own
    return httpx.Client(base_url=server.url, transport=transport, timeout=60)


@pytest.mark.parametrize(
    ("query", "header", "expected"),
    [
        (None, "en-GB,en;q=0.9", "en"),
        (None, "fr-FR, id;q=0.8", "id"),
        ("en", "id", "en"),  # ?lang= first
        ("xx", "", None),
        (None, None, None),
    ],
)
def test_the_asked_language(query, header, expected):
    assert asked_lang(query, header) == expected


def test_a_429_follows_accept_language():
    app = FastAPI()
    app.get("/api/ping")(lambda: {"pong": True})
    prompts = load_prompts(REPO_ROOT / "prompts")
    limiter = RateLimiter(per_minute=1, clock=lambda: 0.0)
    app.add_middleware(RateLimitMiddleware, limiter=limiter, prompts=prompts, prefix="/api/")
    with TestClient(app) as http:
        http.get("/api/ping")
        english = http.get("/api/ping", headers={"accept-language": "en-US,en"})
        indonesian = http.get("/api/ping?lang=id")
    assert english.status_code == indonesian.status_code == 429
    assert english.json()["message"] == "Too many requests; retry in 60 s."
    assert english.json()["lang"] == "en"
    assert indonesian.json()["message"] == "Terlalu banyak permintaan; coba lagi dalam 60 detik."


def test_the_spec_lists_every_error_with_its_schema_and_an_example(live_server):
    with client(live_server) as http:
        spec = http.get("/openapi.json").json()
    schema = spec["components"]["schemas"]["ErrorBody"]
    assert set(schema["required"]) == {"error", "message"}
    for path in ("/api/ask", "/api/cost", "/api/brief"):
        responses = spec["paths"][path]["post"]["responses"]
        for status in ERROR_STATUSES:
            content = responses[status]["content"]["application/json"]
            assert content["schema"] == {"$ref": "#/components/schemas/ErrorBody"}, (path, status)
            example = content["example"]
            assert example["error"] and example["message"], (path, status)
            assert responses[status]["description"] == ERRORS[int(status)][0]


BAD_REQUESTS = [
    # (method, path, body, Accept-Language, status, phrase)
    ("POST", "/api/ask", b'{"question": 5}', "en", 422, "Field `question` must be a string."),
    ("POST", "/api/ask", b'{"question": 5}', "id", 422, "Kolom `question` harus berupa teks."),
    ("POST", "/api/ask", b'{"question": "Berapa tarif?", "x": 1}', "en", 422, "is not a known field"),
    ("POST", "/api/cost", b'{"agents": "x"}', "en", 422, "must be a whole number"),
    ("POST", "/api/cost", b'{"agents": "x"}', "id", 422, "harus bilangan bulat"),
    ("POST", "/api/cost", b'{"agents": "x", "lang": "en"}', "id", 422, "must be a whole number"),
    ("POST", "/api/cost", b"{bad", "en", 400, "The request body is not valid JSON"),
    ("GET", "/api/ask", b"", "en", 405, "GET is not allowed here; use POST."),
    ("GET", "/api/ask", b"", "id", 405, "GET tidak diizinkan"),
    ("GET", "/api/nothing", b"", "en", 404, "There is no /api/nothing"),
    ("GET", "/api/nothing", b"", "id", 404, "Tidak ada /api/nothing"),
]  # fmt: skip


@pytest.mark.parametrize(("method", "path", "raw", "accept", "status", "phrase"), BAD_REQUESTS)
def test_api_errors_follow_the_requests_language(
    live_server, method, path, raw, accept, status, phrase
):
    headers = {"content-type": "application/json", "accept-language": accept}
    with client(live_server) as http:
        response = http.request(method, path, content=raw or None, headers=headers)
    assert response.status_code == status, response.text
    body = response.json()
    assert phrase in body["message"]
    assert " / " not in body["message"]  # one language, not both
    lang = "en" if b'"lang": "en"' in raw else accept  # the body's own lang comes first
    assert body["lang"] == lang


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_the_docs_load_offline_and_show_the_operations(browser, live_server, path):
    host = urlsplit(live_server.url).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    outside: list[str] = []
    page = context.new_page()

    def only_here(route):
        if urlsplit(route.request.url).netloc != host and not route.request.url.startswith("data:"):
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", only_here)
    page.set_default_timeout(ui.TIMEOUT_MS)
    page.goto(live_server.url + path)
    if path == "/docs":
        page.wait_for_selector(".opblock-summary-path")
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        assert {"/api/ask", "/api/cost", "/healthz"} <= {p.strip() for p in paths}
    else:
        page.wait_for_function("document.body.innerText.includes('/api/cost')")
    page.screenshot(path=str(ui.SHOTS / f"30-api{path.replace('/', '-')}.png"))
    context.close()
    assert outside == []  # nothing from a CDN
