"""The HTTP edges of the API, in-process over a stub assistant: bodies that must be 4xx, not 500."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.responses import PlainTextResponse
from fastapi.testclient import TestClient

from bot.config import REPO_ROOT
from bot.cost.service import CostService
from bot.prompts import load_prompts
from bot.surfaces.api import make_router
from bot.surfaces.openai_api import mount_openai
from bot.surfaces.server import ServerSettings, guard, uvicorn_config
from bot.types import Answer

PROMPTS = load_prompts(REPO_ROOT / "prompts")
HUGE = "9" * 5000  # past Python's 4,300-digit limit on int(str)


class Stub:
    prompts = PROMPTS
    cost = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")

    def answer(self, question, history=None, lang=None):
        return Answer(question, "en", "An answer.", False, "knowledge")


@pytest.fixture(scope="module")
def client() -> TestClient:
    app = FastAPI()
    api = make_router(Stub())
    app.include_router(api)
    mount_openai(app, Stub(), [], "127.0.0.1")
    app.mount("/", ui_stand_in)  # like the Gradio UI: every other path
    guard(app, PROMPTS, api.routes)
    return TestClient(app, raise_server_exceptions=False)


async def ui_stand_in(scope, receive, send):
    await PlainTextResponse("Not Found", status_code=404)(scope, receive, send)


@pytest.mark.parametrize(
    ("path", "raw", "accept", "phrase"),
    [
        ("/api/ask", '{"question": "ROI?", "n": ' + HUGE + "}", "en", "more than 4300 digits"),
        ("/api/ask", '{"question": "Berapa?", "n": -' + HUGE + "}", "id", "lebih dari 4300 digit"),
        ("/api/cost", '{"agents": ' + HUGE + "}", "en", "more than 4300 digits"),
        ("/v1/chat/completions", '{"n": ' + HUGE + "}", "en", "more than 4300 digits"),
    ],
)
def test_huge_integers_are_invalid_json_not_a_500(client, path, raw, accept, phrase):
    headers = {"content-type": "application/json", "accept-language": accept}
    response = client.post(path, content=raw, headers=headers)
    assert response.status_code == 400, response.text
    body = response.json()
    error = body.get("error")
    code = error["code"] if isinstance(error, dict) else error
    message = error["message"] if isinstance(error, dict) else body["message"]
    assert code == "invalid_json"
    assert phrase in message


@pytest.mark.parametrize(
    ("path", "kind", "accept", "phrase"),
    [
        ("/api/ask", "text/plain", "en", "must be JSON"),
        ("/api/ask", "application/x-www-form-urlencoded", "id", "harus berupa JSON"),
        ("/api/ask", None, "en", "Content-Type: application/json"),
        ("/api/cost", "multipart/form-data; boundary=x", "en", "must be JSON"),
    ],
)
def test_bodies_not_sent_as_json_are_415(client, path, kind, accept, phrase):
    # A page on any site can post text/plain or a form without asking (no CORS preflight).
    headers = {"accept-language": accept, **({"content-type": kind} if kind else {})}
    response = client.post(path, content=b'{"question": "What is ROI?"}', headers=headers)
    assert response.status_code == 415, response.text
    assert response.json()["error"] == "not_json"
    assert phrase in response.json()["message"]
    assert response.headers["connection"] == "close"  # its body is never read


def test_json_with_a_charset_or_a_json_suffix_is_accepted(client):
    for kind in ("application/json; charset=utf-8", "application/merge-patch+json"):
        response = client.post(
            "/api/ask", json={"question": "ROI?"}, headers={"content-type": kind}
        )
        assert response.status_code == 200, (kind, response.text)


def test_chat_completions_not_sent_as_json_are_415_in_openai_shape(client):
    body = b'{"messages": []}'
    response = client.post(
        "/v1/chat/completions", content=body, headers={"content-type": "text/plain"}
    )
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "not_json"


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("GET", "/api/ask", "POST"),
        ("PUT", "/api/cost", "POST"),
        ("DELETE", "/api/ask", "POST"),
        ("POST", "/healthz", None),  # not under /api/: left to the UI mount
    ],
)
def test_wrong_methods_on_the_api_are_405_with_allow(client, method, path, allow):
    response = client.request(method, path)
    if allow is None:
        assert response.status_code == 404
        return
    assert response.status_code == 405, response.text
    assert response.headers["allow"] == allow
    assert response.json()["error"] == "method_not_allowed"
    assert f"{method} tidak diizinkan" in response.json()["message"]


def test_unknown_api_paths_are_still_404(client):
    assert client.get("/api/nothing-here").status_code == 404


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", "/api/ask"), ("GET", "/v1/models"), ("GET", "/"), ("GET", "/api/ask")],
)
def test_every_response_carries_the_security_headers(client, method, path):
    response = client.request(method, path, json={"question": "ROI?"} if method == "POST" else None)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert response.headers["content-security-policy"] == "frame-ancestors 'self'"


def test_uvicorn_sends_no_server_banner():
    assert uvicorn_config(FastAPI(), ServerSettings()).server_header is False


def test_a_boolean_is_no_number_of_agents(client):
    response = client.post("/api/cost", json={"agents": True}, headers={"accept-language": "en"})
    assert response.status_code == 422, response.text
    assert response.json()["issues"] == [{"field": "agents", "code": "not_integer"}]
    assert "`agents`" in response.json()["message"]


@pytest.mark.parametrize(
    ("path", "raw"),
    [
        ("/api/cost", '{"agents": 5, "location": "\\udfff"}'),
        ("/api/cost", '{"agents": 5, "coverage": "\\ud800"}'),
        ("/api/cost", '{"agents": 5, "channels": ["chat", "\\ud800x"]}'),
        (
            "/v1/chat/completions",
            '{"model": "kb\\ud800", "messages": [{"role": "user", "content": "hi"}]}',
        ),
    ],
)
def test_a_lone_surrogate_in_a_field_is_a_4xx_not_a_500(client, path, raw):
    """Found by probing the running server: the error message repeated the bad value back,
    and the response could not be encoded."""
    response = client.post(path, content=raw, headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500, response.text
    assert "\\ud" not in response.text.lower() or response.json()


@pytest.mark.parametrize("depth", [50, 900, 5000])
def test_deeply_nested_bodies_are_a_4xx_not_a_500(client, depth):
    raw = '{"agents": 5, "x": ' + "[" * depth + "]" * depth + "}"
    response = client.post("/api/cost", content=raw, headers={"content-type": "application/json"})
    assert response.status_code < 500, response.text
