"""The HTTP edges of the API, in-process over a stub assistant: bodies that must be 4xx, not 500."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from bot.config import REPO_ROOT
from bot.cost.service import CostService
from bot.prompts import load_prompts
from bot.surfaces.api import make_router
from bot.surfaces.openai_api import mount_openai
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
    app.include_router(make_router(Stub()))
    mount_openai(app, Stub(), [], "127.0.0.1")
    return TestClient(app, raise_server_exceptions=False)


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
