"""The OpenAI-compatible /v1 through the official `openai` SDK against the real server on loopback
(plain and streamed), plus who may call it (in-process, over a stub assistant)."""

from __future__ import annotations

import json
import logging
import time

import httpx
import openai
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from servers import REPO, start_server

from bot.config import REPO_ROOT
from bot.prompts import load_prompts
from bot.surfaces.openai_api import loopback, mount_openai
from bot.surfaces.openai_chat import MODEL_ID
from bot.surfaces.server import ServerSettings
from bot.types import Answer

KEYS = ("k-test-first-0123456789", "k-test-second-9876543210")
ID_QUESTION = "Berapa tarif per jam untuk CS outsourcing?"
EN_QUESTION = "What are the challenges of outsourcing customer support?"
COST_QUESTION = "How much would 5 offshore agents 24/7 cost a month?"
OUT_OF_SCOPE = "Bagaimana cuaca di Jakarta besok?"


def sdk(server, key: str = "unused", **headers: str) -> openai.OpenAI:
    return openai.OpenAI(
        base_url=f"{server.url}/v1", api_key=key, max_retries=0, timeout=60, default_headers=headers
    )


def ask(client: openai.OpenAI, messages: list[dict], **extra):
    """The plain completion and the streamed one, which must say the same."""
    plain = client.chat.completions.create(model=MODEL_ID, messages=messages, **extra)
    events = list(
        client.chat.completions.create(model=MODEL_ID, messages=messages, stream=True, **extra)
    )
    assert events[0].choices[0].delta.role == "assistant"
    streamed = "".join(e.choices[0].delta.content or "" for e in events)
    assert streamed == plain.choices[0].message.content
    last = events[-1]
    assert last.choices[0].finish_reason == "stop"
    assert [e.choices[0].finish_reason for e in events[:-1]] == [None] * (len(events) - 1)
    assert last.usage == plain.usage and plain.usage.completion_tokens > 0
    assert last.choices[0].delta.model_extra["sources"] == plain.choices[0].message.sources
    return plain, plain.choices[0].message


def api_ask(
    server, question: str, history: list[dict] | None = None, source: str = "127.0.0.31"
) -> dict:
    transport = httpx.HTTPTransport(local_address=source)
    with httpx.Client(base_url=server.url, transport=transport, timeout=60) as http:
        response = http.post("/api/ask", json={"question": question, "history": history or []})
    assert response.status_code == 200, response.text
    return response.json()


def api_cost(server, request: dict) -> dict:
    transport = httpx.HTTPTransport(local_address="127.0.0.32")
    with httpx.Client(base_url=server.url, transport=transport, timeout=60) as http:
        response = http.post("/api/cost", json=request)
    assert response.status_code == 200, response.text
    return response.json()


def test_models_lists_the_one_model(live_server):
    client = sdk(live_server)
    assert [m.id for m in client.models.list()] == [MODEL_ID]
    assert client.models.retrieve(MODEL_ID).owned_by == "bot"
    with pytest.raises(openai.NotFoundError):
        client.models.retrieve("gpt-4o")


def test_an_indonesian_question_is_answered_in_indonesian_with_its_sources(live_server):
    plain, message = ask(sdk(live_server), [{"role": "user", "content": ID_QUESTION}])
    assert plain.model == MODEL_ID and plain.object == "chat.completion"
    assert message.content == api_ask(live_server, ID_QUESTION)["answer"]
    assert "$10" in message.content and "[1]" in message.content and "Sumber:" in message.content
    first = message.sources[0]
    assert first["id"] == "faq-hourly-rate" and first["language"] == "id" and first["n"] == 1
    assert first["title"] in message.content and "$10" in first["text"]
    assert message.language == "id" and message.refused is False and message.route == "knowledge"


def test_an_english_question_and_its_follow_up_from_plain_messages(live_server):
    client = sdk(live_server)
    _, first = ask(
        client,
        [
            {"role": "system", "content": "Answer in French."},
            {"role": "user", "content": EN_QUESTION},
        ],
    )
    assert first.language == "en" and "Sources:" in first.content
    assert first.sources[0]["id"] == "challenges" and first.ask_type
    follow_up = "how do I overcome them?"
    messages = [
        {"role": "user", "content": EN_QUESTION},
        {"role": "assistant", "content": first.content},  # plain: no cited ids, no cost request
        {"role": "user", "content": follow_up},
    ]
    _, second = ask(client, messages)
    # The same answer as the JSON API gives with the history it carries in full.
    api_first = api_ask(live_server, EN_QUESTION)
    turns = [
        {"role": "user", "content": EN_QUESTION},
        {
            "role": "assistant",
            "content": api_first["body"],
            "cited_ids": [s["id"] for s in api_first["sources"]],
        },
    ]
    expected = api_ask(live_server, follow_up, turns)
    assert second.content == expected["answer"]
    assert [s["id"] for s in second.sources] == [s["id"] for s in expected["sources"]]
    assert expected["answer"] != api_ask(live_server, follow_up)["answer"]  # history matters


def test_cost_follow_ups_keep_what_earlier_turns_said(live_server):
    client = sdk(live_server)
    messages = [{"role": "user", "content": COST_QUESTION}]
    for says, request in [
        (None, {"agents": 5, "location": "offshore", "coverage": "24x7"}),
        ("and with 8 agents?", {"agents": 8, "location": "offshore", "coverage": "24x7"}),
        ("and nearshore?", {"agents": 8, "location": "nearshore", "coverage": "24x7"}),
    ]:
        if says:
            messages += [{"role": "user", "content": says}]
        _, message = ask(client, messages)
        total = api_cost(live_server, request)["monthly_total_usd"]
        assert message.route == "cost" and message.cost_request == request
        assert message.tool_results[0]["result"]["monthly_total_usd"] == total
        assert f"${total:,.2f}" in message.content
        messages += [{"role": "assistant", "content": message.content}]


def test_an_out_of_scope_question_is_refused(live_server):
    _, message = ask(sdk(live_server), [{"role": "user", "content": OUT_OF_SCOPE}])
    assert message.refused is True and message.route == "refusal" and message.sources == []
    assert message.content == api_ask(live_server, OUT_OF_SCOPE)["answer"]
    assert message.content.startswith("Maaf")


BAD = [
    # (kwargs of create, Accept-Language, error class, code, param, phrase)
    ({"messages": []}, "", openai.BadRequestError, "no_question", "messages", "harus diakhiri pesan pengguna"),
    ({"messages": []}, "en", openai.BadRequestError, "no_question", "messages", "must end with a user message"),
    ({"messages": [{"role": "user", "content": "What is ROI?"}, {"role": "assistant", "content": "x"}]}, "", openai.BadRequestError, "no_question", "messages", "must end with"),
    ({"model": "gpt-4o", "messages": [{"role": "user", "content": "What is ROI?"}]}, "", openai.NotFoundError, "model_not_found", "model", "The model `gpt-4o` does not exist"),
    ({"model": "gpt-4o", "messages": [{"role": "user", "content": ID_QUESTION}]}, "en", openai.NotFoundError, "model_not_found", "model", "Model `gpt-4o` tidak ada"),
    ({"messages": [{"role": "user", "content": "   "}]}, "en", openai.UnprocessableEntityError, "empty", "messages", "The question is empty"),
    ({"messages": [{"role": "user", "content": "How much? " * 400}]}, "", openai.UnprocessableEntityError, "too_long", "messages", "the limit is 2000"),
    ({"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "http://x/y.png"}}]}]}, "en", openai.BadRequestError, "unsupported_content", "messages", "type `image_url`"),
    ({"messages": [{"role": "wizard", "content": "What is ROI?"}]}, "", openai.BadRequestError, "invalid_body", "messages.0.role", "Kolom `messages.0.role` harus salah satu dari"),
    ({"messages": [{"role": "user", "content": "What is ROI?"}], "n": 3}, "", openai.BadRequestError, "invalid_body", "n", "Field `n` must be one of"),
]  # fmt: skip


@pytest.mark.parametrize(("kwargs", "accept", "error", "code", "param", "phrase"), BAD)
def test_bad_requests_get_openai_errors_in_the_users_language(
    live_server, kwargs, accept, error, code, param, phrase
):
    client = sdk(live_server, **({"Accept-Language": accept} if accept else {}))
    with pytest.raises(error) as caught:
        client.chat.completions.create(**{"model": MODEL_ID, **kwargs})
    assert caught.value.code == code and caught.value.param == param
    assert caught.value.type == "invalid_request_error"
    assert phrase in caught.value.message


@pytest.mark.parametrize(
    ("raw", "status", "code"),
    [
        (b"{bad json", 400, "invalid_json"),
        (b"[1]", 422, "not_object"),
        (b'{"model": "' + b"x" * 300_000 + b'"}', 413, "too_large"),
    ],
)
def test_bodies_that_are_not_requests_get_openai_errors(live_server, raw, status, code):
    response = httpx.post(
        f"{live_server.url}/v1/chat/completions",
        content=raw,
        headers={"content-type": "application/json"},
        timeout=60,
    )
    assert response.status_code == status
    error = response.json()["error"]
    assert set(error) == {"message", "type", "param", "code"} and error["code"] == code


def test_the_stream_is_server_sent_events_ending_with_done(live_server):
    body = {
        "model": MODEL_ID,
        "stream": True,
        "messages": [{"role": "user", "content": EN_QUESTION}],
    }
    response = httpx.post(
        f"{live_server.url}/v1/chat/completions", json=body, timeout=60
    )  # no key: open on loopback
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    frames = response.text.split("\n\n")
    assert frames[-2:] == ["data: [DONE]", ""]
    events = [json.loads(f.removeprefix("data: ")) for f in frames[:-2]]
    assert {e["object"] for e in events} == {"chat.completion.chunk"}
    assert events[-1]["choices"][0]["delta"]["sources"][0]["id"] == "challenges"


def test_the_spec_documents_v1_and_its_errors(live_server):
    spec = httpx.get(f"{live_server.url}/openapi.json", timeout=30).json()
    chat = spec["paths"]["/v1/chat/completions"]["post"]
    assert {"model", "messages", "stream"} <= set(
        chat["requestBody"]["content"]["application/json"]["schema"]["properties"]
    )
    assert {"400", "401", "404", "413", "422"} <= set(chat["responses"])
    assert "/v1/models" in spec["paths"]


def test_the_log_masks_personal_data_in_v1_questions(live_server):
    question = "Berapa tarif per jam? Hubungi budi.s@contoh.co.id atau +62 811-2233-4455"
    ask(sdk(live_server), [{"role": "user", "content": question}])
    time.sleep(0.5)
    log = live_server.log()
    assert (
        "v1 chat lang=id" in log
        and "question=Berapa tarif per jam? Hubungi [email] atau [phone]" in log
    )
    assert "budi.s@contoh.co.id" not in log and "811-2233-4455" not in log


@pytest.fixture(scope="module")
def keyed_server(live_server, session_home):
    """A second real server on loopback whose /v1 needs one of KEYS (the index is built)."""
    env = {
        "BOT_API_KEYS": ",".join(KEYS),
        "BOT_SERVER_RATE_LIMIT_PER_MIN": "0",
        "BOT_SERVER_WARM_UP": "false",
    }
    server = start_server(session_home, env, REPO / "test-output" / "keyed-server")
    yield server
    server.stop()


def test_with_keys_set_a_bearer_key_is_required_and_never_logged(keyed_server):
    question = [{"role": "user", "content": EN_QUESTION}]
    for client in (sdk(keyed_server), sdk(keyed_server, key=KEYS[0] + "x")):
        with pytest.raises(openai.AuthenticationError) as caught:
            client.chat.completions.create(model=MODEL_ID, messages=question)
        assert caught.value.code == "invalid_api_key"
        assert "Authorization: Bearer" in caught.value.message
        with pytest.raises(openai.AuthenticationError):
            client.models.list()
    for key in KEYS:
        _, message = ask(sdk(keyed_server, key=key), question)
        assert message.sources[0]["id"] == "challenges"
    anonymous = httpx.post(
        f"{keyed_server.url}/v1/chat/completions",
        json={"model": MODEL_ID, "messages": question},
        timeout=60,
    )
    assert anonymous.status_code == 401
    assert (
        httpx.get(f"{keyed_server.url}/healthz", timeout=30).status_code == 200
    )  # only /v1 is keyed
    log = keyed_server.log()
    assert "/v1 needs a bearer key (2 configured)" in log
    assert not any(key in log for key in KEYS)


# -- who may call /v1, in-process over a stub assistant ------------------------------------------
class Stub:
    prompts = load_prompts(REPO_ROOT / "prompts")

    def answer(self, question, history=None, lang=None):
        return Answer(question, "en", "An answer.", False, "knowledge")


def stub_client(keys: tuple[str, ...], host: str) -> TestClient:
    app = FastAPI()
    mount_openai(app, Stub(), list(keys), host)
    return TestClient(app)


BODY = {"model": MODEL_ID, "messages": [{"role": "user", "content": "What is ROI?"}]}


@pytest.mark.parametrize(
    ("keys", "host", "header", "status"),
    [
        ((), "127.0.0.1", None, 200),
        ((), "::1", None, 200),
        ((), "localhost", "Bearer whatever", 200),
        ((), "0.0.0.0", None, 401),  # another interface without keys: closed
        ((), "0.0.0.0", "Bearer anything", 401),
        ((), "bot.example.com", None, 401),
        (KEYS, "0.0.0.0", f"Bearer {KEYS[1]}", 200),
        (KEYS, "0.0.0.0", f"bearer {KEYS[0]}", 200),
        (KEYS, "127.0.0.1", None, 401),  # keys set: required on loopback too
        (KEYS, "127.0.0.1", f"Basic {KEYS[0]}", 401),
        (KEYS, "127.0.0.1", "Bearer ", 401),
    ],
)
def test_keys_are_optional_on_loopback_and_required_elsewhere(keys, host, header, status):
    headers = {"authorization": header} if header else {}
    with stub_client(keys, host) as client:
        assert client.post("/v1/chat/completions", json=BODY, headers=headers).status_code == status
        assert client.get("/v1/models", headers=headers).status_code == status


def test_a_closed_v1_says_so_at_start_and_the_401_names_the_header(caplog):
    with caplog.at_level(logging.INFO, logger="bot.surfaces.openai_api"):
        client = stub_client((), "0.0.0.0")
    assert "/v1 is CLOSED: listening on 0.0.0.0 (not loopback) without BOT_API_KEYS" in caplog.text
    both = client.post("/v1/chat/completions", json=BODY).json()["error"]
    assert (
        "Kunci API tidak ada" in both["message"] and "Missing or wrong API key" in both["message"]
    )
    english = client.get("/v1/models", headers={"accept-language": "en"}).json()["error"]
    assert english["message"].startswith("Missing") and "Kunci" not in english["message"]


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("::", False),
    ],
)
def test_loopback(host, expected):
    assert loopback(host) is expected


@pytest.mark.parametrize(
    ("value", "keys"),
    [
        ("a1,b2", ["a1", "b2"]),
        (" a1 , b2 ,", ["a1", "b2"]),
        ('["a1", "b,2"]', ["a1", "b,2"]),
        ("", []),
    ],
)
def test_bot_api_keys_are_a_list_and_secret(monkeypatch, value, keys):
    monkeypatch.setenv("BOT_API_KEYS", value)
    server = ServerSettings()
    assert [k.get_secret_value() for k in server.api_keys] == keys
    assert all(k in server.secrets() for k in keys)
    assert not any(k in repr(server) for k in keys)
