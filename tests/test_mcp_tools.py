"""The MCP server's tools and resources in-process, through the SDK's own in-memory client, over
a stub chain (the real estimator, corpus and phrases): schemas, argument errors worded for a
user, history handling, resources. tests/test_mcp_server.py drives the real server over stdio
and streamable HTTP."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import anyio
import pytest
from mcp import Client, MCPError

from bot.config import REPO_ROOT, Settings
from bot.cost.request import CostRequest
from bot.cost.service import CostService
from bot.knowledge.corpus import load_corpus
from bot.knowledge.index import StoreUnavailableError
from bot.knowledge.retrieve import Hit
from bot.prompts import load_prompts
from bot.surfaces.mcp_server import ENTRY_TEMPLATE, build_server
from bot.types import Answer, Message, Source, ToolCall

CHUNKS = load_corpus(REPO_ROOT / "corpus")


class Index:
    chunks = CHUNKS


class Retriever:
    """Every entry in the language asked, in corpus order; or a store outage."""

    down = False

    def retrieve(self, question: str, k: int = 4, lang: str | None = None) -> list[Hit]:
        if self.down:
            raise StoreUnavailableError("down")
        chunks = [c for c in CHUNKS if c.lang == (lang or "id")][:k]
        return [Hit(c.id, c.title, c.lang, 0.5, c.text, c.kind, c.lang, 0.9) for c in chunks]


class Assistant:
    """Records each call; answers citing 'faq-roi', or with an estimate for 'agents' questions."""

    def __init__(self) -> None:
        self.prompts = load_prompts(REPO_ROOT / "prompts")
        self.cost = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")
        self.index = Index()
        self.settings = Settings(corpus_dir=REPO_ROOT / "corpus", prompts_dir=REPO_ROOT / "prompts")
        self.retriever = Retriever()
        self.calls: list[tuple[str, list[Message], str | None]] = []

    def answer(self, question, history=None, lang=None) -> Answer:
        self.calls.append((question, list(history or []), lang))
        chunk = next(c for c in CHUNKS if c.id == "faq-roi" and c.lang == (lang or "en"))
        source = Source(chunk.id, chunk.title, chunk.lang, 0.8, chunk.text)
        calls = []
        if "agents" in question:
            request = {"agents": 5, "location": "offshore"}
            result = self.cost.estimate(request).to_json_dict()
            calls = [ToolCall("estimate_cost", request, result)]
        route = "cost" if calls else "knowledge"
        body = f"Answer to {question} [1]"
        return Answer(question, lang or "en", body, False, route, [source], calls, {}, "Sources:")


def session(assistant: Assistant, steps: Callable[[Client], Awaitable[Any]]) -> Any:
    """Run `steps` with an in-memory client connected to a server over `assistant`."""

    async def main() -> Any:
        async with Client(build_server(assistant), raise_exceptions=True) as client:
            return await steps(client)

    return anyio.run(main)


def call(assistant: Assistant, tool: str, arguments: dict[str, Any]):
    return session(assistant, lambda client: client.call_tool(tool, arguments))


def test_the_tools_and_their_schemas():
    tools = {t.name: t for t in session(Assistant(), lambda c: c.list_tools()).tools}
    assert set(tools) == {"search_knowledge", "ask", "estimate_cost", "decision_brief"}
    brief = tools["decision_brief"].input_schema
    assert set(brief["properties"]) == set(CostRequest.model_fields) | {
        "situation", "lang", "inhouse_people", "inhouse_monthly", "sensitivity", "growth_pct"
    }  # fmt: skip
    cost = tools["estimate_cost"].input_schema
    assert set(cost["properties"]) == set(CostRequest.model_fields) | {"lang"}
    assert cost["additionalProperties"] is False
    for name, field in CostRequest.model_fields.items():
        assert cost["properties"][name]["description"] == field.description
    assert cost["properties"]["agents"]["anyOf"][0] == {
        "maximum": 10000,
        "minimum": 1,
        "type": "integer",
    }
    assert tools["search_knowledge"].input_schema["required"] == ["query"]
    assert tools["ask"].input_schema["required"] == ["question"]
    assert all(t.annotations.read_only_hint for t in tools.values())
    assert all(t.description and t.description.isascii() for t in tools.values())


BAD = [
    # (tool, arguments, what the error says)
    ("estimate_cost", {"agents": 0, "lang": "en"}, "`agents` (number of agents) must be at least 1; got 0."),
    ("estimate_cost", {"agents": 0, "lang": "id"}, "`agents` (jumlah agen) harus minimal 1; diterima: 0."),
    ("estimate_cost", {"agents": 5, "location": "mars", "lang": "en"}, "`location` (provider location) must be one of: offshore, nearshore, domestic; got mars."),
    ("estimate_cost", {"agents": "many", "lang": "en"}, "`agents` (number of agents) must be a whole number; got many."),
    ("estimate_cost", {"agents": 5, "lang": "fr"}, "Kolom `lang` harus salah satu dari"),
    ("estimate_cost", {"agent": 5, "lang": "en"}, "`agent` is not a known cost-estimate field."),
    ("search_knowledge", {"query": "hourly rate", "k": 0}, "Field `k` must be at least 1."),
    ("search_knowledge", {"query": "hourly rate", "top_k": 2}, "Field `top_k` is not a known field."),
    ("search_knowledge", {"query": "tarif per jam", "k": 99}, "Kolom `k` maksimal 20."),
    ("search_knowledge", {"query": "hourly rate", "k": "three"}, "Field `k` must be a whole number."),
    ("search_knowledge", {"query": "hourly rate", "k": True}, "Field `k` must be a whole number."),
    ("estimate_cost", {"agents": True, "lang": "en"}, "`agents` (number of agents) must be a whole number; got True."),
    ("search_knowledge", {"k": 2, "lang": "en"}, "Field `query` is required."),
    ("search_knowledge", {"query": "  ", "lang": "en"}, "The question is empty."),
    ("ask", {"question": "What is ROI?", "history": [{"role": "bot", "content": "x"}]}, "Field `history.0.role` must be one of"),
    ("ask", {"question": "What is ROI?", "lang": "de"}, "Field `lang` must be one of"),
    ("ask", {"question": "Apa itu ROI?", "history": "earlier"}, "Kolom `history` harus berupa daftar."),
]  # fmt: skip


@pytest.mark.parametrize(("tool", "arguments", "phrase"), BAD)
def test_bad_arguments_are_tool_errors_that_name_the_field(tool, arguments, phrase):
    assistant = Assistant()
    result = call(assistant, tool, arguments)
    assert result.is_error is True and result.structured_content is None
    assert phrase in result.content[0].text
    assert assistant.calls == []  # the chain never saw it


def test_an_unreachable_store_is_said_in_the_users_language():
    assistant = Assistant()
    assistant.retriever.down = True
    result = call(assistant, "search_knowledge", {"query": "Berapa tarif per jam?"})
    assert result.is_error and "Basis pengetahuan sementara tidak dapat dijangkau" in (
        result.content[0].text
    )


def test_search_returns_passages_in_the_language_asked():
    result = call(Assistant(), "search_knowledge", {"query": "hourly rate", "k": 2, "lang": "en"})
    passages = result.structured_content["passages"]
    assert [p["id"] for p in passages] == [c.id for c in CHUNKS if c.lang == "en"][:2]
    assert set(passages[0]) == {"id", "title", "language", "score", "confidence", "text"}
    assert passages[0]["language"] == "en" and passages[0]["title"] in result.content[0].text


def test_estimate_cost_goes_through_the_estimator_and_renders_in_the_language():
    assistant = Assistant()
    fields = {"agents": 5, "coverage": "24/7", "location": "offshore"}
    for lang, title in [("en", "Estimated cost"), ("id", "Perkiraan biaya")]:
        result = call(assistant, "estimate_cost", {**fields, "lang": lang})
        expected = assistant.cost.reply(fields, lang)
        assert result.is_error is False
        assert result.structured_content["result"] == expected.result.to_json_dict()
        assert result.structured_content["reply"] == expected.text == result.content[0].text
        assert title in expected.text
    default = call(assistant, "estimate_cost", fields).structured_content
    assert default["language"] == "id"


def test_ask_returns_the_answer_and_the_turn_to_send_back():
    assistant = Assistant()
    first = call(assistant, "ask", {"question": "How much do 5 agents cost?", "lang": "en"})
    data = first.structured_content
    assert first.content[0].text == data["answer"] and data["body"] in data["answer"]
    assert data["sources"][0]["id"] == "faq-roi" and data["sources"][0]["text"]
    assert data["route"] == "cost" and data["tool_results"][0]["name"] == "estimate_cost"
    assert data["turn"] == {
        "role": "assistant",
        "content": data["body"],
        "cited_ids": ["faq-roi"],
        "cost_request": {"agents": 5, "location": "offshore"},
    }
    history = [{"role": "user", "content": "How much do 5 agents cost?"}, data["turn"]]
    call(assistant, "ask", {"question": "and nearshore?", "history": history, "lang": "en"})
    question, turns, lang = assistant.calls[-1]
    assert (question, lang) == ("and nearshore?", "en")
    assert turns == [
        Message("user", "How much do 5 agents cost?"),
        Message("assistant", data["body"], ("faq-roi",), {"agents": 5, "location": "offshore"}),
    ]
    assert len(assistant.calls) == 2  # the turn said what it cited: nothing answered again


def test_a_bare_assistant_turn_is_answered_again_to_learn_what_it_cited():
    assistant = Assistant()
    history = [
        {"role": "user", "content": "What is ROI?"},
        {"role": "assistant", "content": "Answer to What is ROI? [1]"},
    ]
    call(assistant, "ask", {"question": "how do I measure it?", "history": history})
    assert [q for q, _, _ in assistant.calls] == ["What is ROI?", "how do I measure it?"]
    assert assistant.calls[-1][1][-1].cited_ids == ("faq-roi",)


def test_every_entry_is_a_resource_and_the_template_reads_any():
    async def steps(client: Client) -> Any:
        listed = await client.list_resources()
        templates = await client.list_resource_templates()
        english = await client.read_resource("kb://entry/faq-roi?lang=en")
        default = await client.read_resource("kb://entry/faq-roi")
        with pytest.raises(MCPError) as unknown:
            await client.read_resource("kb://entry/no-such-entry?lang=en")
        with pytest.raises(MCPError) as other_lang:
            await client.read_resource("kb://entry/faq-roi?lang=fr")
        return listed, templates, english, default, unknown.value, other_lang.value

    listed, templates, english, default, unknown, other_lang = session(Assistant(), steps)
    assert {str(r.uri) for r in listed.resources} == {
        f"kb://entry/{c.id}?lang={c.lang}" for c in CHUNKS
    }
    roi = {c.lang: c for c in CHUNKS if c.id == "faq-roi"}
    assert english.contents[0].text == f"# {roi['en'].title}\n\n{roi['en'].text}"
    assert default.contents[0].text.startswith(f"# {roi['id'].title}\n")
    assert english.contents[0].mime_type == "text/markdown"
    assert [t.uri_template for t in templates.resource_templates] == [ENTRY_TEMPLATE]
    assert "no entry `no-such-entry`" in unknown.error.message
    assert "`fr`" in other_lang.error.message


# -- who may call /mcp on `bot serve`, in-process ------------------------------------------------
KEYS = ("k-mcp-first-0123456789", "k-mcp-second-9876543210")
INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-06-18",
        "capabilities": {},
        "clientInfo": {"name": "test", "version": "1"},
    },
}


@pytest.mark.parametrize(
    ("keys", "host", "url", "header", "status"),
    [
        ((), "127.0.0.1", "http://127.0.0.1:7860", None, 200),
        ((), "127.0.0.1", "http://evil.example", None, 421),  # DNS rebinding: not loopback's Host
        ((), "0.0.0.0", "http://bot.example.com", None, 401),  # another interface, no keys: closed
        ((), "0.0.0.0", "http://bot.example.com", "Bearer anything", 401),
        (KEYS, "0.0.0.0", "http://bot.example.com", f"Bearer {KEYS[1]}", 200),
        (KEYS, "0.0.0.0", "http://bot.example.com", f"Bearer {KEYS[0]}x", 401),
        (KEYS, "127.0.0.1", "http://127.0.0.1:7860", None, 401),  # keys set: on loopback too
    ],
)
def test_mcp_over_http_is_guarded_as_v1_is(keys, host, url, header, status):
    from contextlib import asynccontextmanager

    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from bot.surfaces.mcp_server import mount_mcp

    @asynccontextmanager
    async def lifespan(app):
        async with app.state.mcp_sessions.run():
            yield

    app = FastAPI(lifespan=lifespan)
    mount_mcp(app, Assistant(), host, keys)
    headers = {"accept": "application/json, text/event-stream"}
    headers |= {"authorization": header} if header else {}
    with TestClient(app, base_url=url) as client:
        response = client.post("/mcp", json=INITIALIZE, headers=headers)
    assert response.status_code == status, response.text
    if status == 200:
        assert '"serverInfo"' in response.text and "outsourcing-kb" in response.text
    if status == 401:
        assert "Authorization: Bearer" in response.json()["message"]
        assert not any(key in response.text for key in KEYS)


def test_a_list_sent_as_a_json_string_is_read_as_the_list():
    """Some clients (Claude Desktop) send list arguments as JSON text."""
    assistant = Assistant()
    arguments = {"agents": 5, "channels": '["chat", "email"]', "lang": "en"}
    result = call(assistant, "estimate_cost", arguments)
    expected = assistant.cost.reply({"agents": 5, "channels": ["chat", "email"]}, "en")
    assert result.is_error is False
    assert result.structured_content["result"] == expected.result.to_json_dict()


def test_bot_mcp_says_a_broken_corpus_in_one_line_on_standard_error(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from bot.surfaces.cli import app

    monkeypatch.setenv("BOT_RETRIEVAL__EMBEDDINGS", "hash")
    monkeypatch.setenv("BOT_CORPUS_DIR", str(tmp_path))  # no id.yaml / en.yaml
    result = CliRunner().invoke(app, ["mcp"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Corpus error: ") and result.stdout == ""


SHOP = (
    "Kami toko online di Surabaya, 6 orang CS in-house, biaya sekitar Rp 180 juta per bulan, "
    "sekitar 15 ribu chat dan 2 ribu email per bulan, mau 24/7, data pelanggan sensitif "
    "(pembayaran)."
)


def test_decision_brief_from_a_situation_has_the_estimators_figures():
    assistant = Assistant()
    result = call(assistant, "decision_brief", {"situation": SHOP})
    assert result.is_error is False
    data = result.structured_content
    assert data["lang"] == "id" and data["currency"] == "IDR"
    fields = {"contacts_per_month": 17000, "channels": ["email", "chat"], "coverage": "24x7"}
    fields |= {"inhouse_monthly_idr": 180_000_000, "location": data["figures"]["best_location"]}
    assert data["figures"]["estimate"] == assistant.cost.estimate(fields).to_json_dict()
    assert result.content[0].text == data["markdown"]
    assert result.content[0].text.startswith("# Ringkasan keputusan")
    assert data["cited_ids"][0] == "faq-hourly-rate" and assistant.calls == []


def test_decision_brief_from_fields_in_the_language_asked():
    fields = {"agents": 10, "inhouse_monthly": 45000, "sensitivity": "personal", "lang": "en"}
    english = call(Assistant(), "decision_brief", fields).structured_content
    indonesian = call(Assistant(), "decision_brief", {**fields, "lang": "id"}).structured_content
    assert english["markdown"].startswith("# Decision brief")
    assert english["figures"] == indonesian["figures"]
    assert english["cited_ids"] == indonesian["cited_ids"]


@pytest.mark.parametrize(
    ("arguments", "phrase"),
    [
        ({"situation": "Tolong buatkan ringkasan"}, "Ceritakan situasi Anda"),
        ({"agents": 0, "lang": "en"}, "`agents` (number of agents) must be at least 1"),
        ({"agents": 2, "inhouse_monthly": "lots", "lang": "en"}, "in-house monthly cost"),
        ({"agents": 2, "lang": "fr"}, "`lang`"),
    ],
)
def test_decision_brief_errors_name_the_field_for_the_user(arguments, phrase):
    result = call(Assistant(), "decision_brief", arguments)
    assert result.is_error is True and phrase in result.content[0].text
