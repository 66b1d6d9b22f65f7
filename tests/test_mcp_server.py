"""The MCP server through the official SDK's client over both transports: `bot mcp` spawned on
stdio, and /mcp on the real `bot serve` (streamable HTTP) on loopback. Answers must match the
JSON API's, which the session's live server gives."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal
from mcp import Client, MCPError, StdioServerParameters, stdio_client
from servers import REPO

from bot.knowledge.corpus import load_corpus

ID_QUESTION = "Berapa tarif per jam untuk CS outsourcing?"
COST_QUESTION = "How much would 5 offshore agents 24/7 cost a month?"
SHOP = (
    "Kami toko online di Surabaya, 6 orang CS in-house, biaya sekitar Rp 180 juta per bulan, "
    "sekitar 15 ribu chat dan 2 ribu email per bulan, mau 24/7."
)
BOT = Path(sys.executable).with_name("bot")  # the venv's entry point


@dataclass
class Session:
    """An SDK client held open in a portal's event loop, called from synchronous tests."""

    portal: BlockingPortal
    client: Client
    server: Any  # the live `bot serve`, for the JSON API's answers

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.client, name)
        return lambda *args: self.portal.call(method, *args)

    def tool(self, name: str, arguments: dict[str, Any]) -> Any:
        return self.portal.call(self.client.call_tool, name, arguments)


def _stdio(home: Path, log: Any) -> Any:
    env = {
        "BOT_HOME": str(home),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }
    command = str(BOT) if BOT.exists() else sys.executable
    args = ["mcp"] if BOT.exists() else ["-c", "from bot.surfaces.cli import app; app()", "mcp"]
    params = StdioServerParameters(command=command, args=args, env=env, cwd=str(REPO))
    return stdio_client(params, errlog=log)


@pytest.fixture(scope="module", params=["stdio", "http"])
def session(request, live_server, session_home) -> Iterator[Session]:
    """A connected client: to `bot mcp` on stdio (over the live server's index) or to /mcp."""
    with contextlib.ExitStack() as stack:
        target: Any = f"{live_server.url}/mcp"
        if request.param == "stdio":
            logs = REPO / "test-output" / "mcp"
            logs.mkdir(parents=True, exist_ok=True)
            log = stack.enter_context((logs / "stdio.log").open("w", encoding="utf-8"))
            target = _stdio(session_home, log)  # the child's standard error
        portal = stack.enter_context(start_blocking_portal())
        client = Client(target, read_timeout_seconds=120)
        yield Session(
            portal, stack.enter_context(portal.wrap_async_context_manager(client)), live_server
        )


def api(server, path: str, body: dict) -> dict:
    transport = httpx.HTTPTransport(local_address="127.0.0.41")  # clear of other tests' limits
    with httpx.Client(base_url=server.url, transport=transport, timeout=60) as http:
        response = http.post(path, json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_the_four_tools_are_listed(session):
    tools = {t.name: t for t in session.list_tools().tools}
    assert set(tools) == {"search_knowledge", "ask", "estimate_cost", "decision_brief"}
    agents = tools["estimate_cost"].input_schema["properties"]["agents"]
    assert agents["description"].startswith("Seats staffed")


def test_search_knowledge_finds_the_hourly_rate(session):
    result = session.tool("search_knowledge", {"query": ID_QUESTION, "k": 3})
    passages = result.structured_content["passages"]
    assert result.is_error is False and len(passages) == 3
    assert passages[0]["id"] == "faq-hourly-rate" and passages[0]["language"] == "id"
    assert "$10" in passages[0]["text"] and 0 < passages[0]["score"] <= 1
    english = session.tool("search_knowledge", {"query": ID_QUESTION, "k": 1, "lang": "en"})
    assert english.structured_content["passages"][0]["language"] == "en"


def test_ask_answers_as_the_json_api_does(session):
    result = session.tool("ask", {"question": ID_QUESTION})
    data = result.structured_content
    expected = api(session.server, "/api/ask", {"question": ID_QUESTION})
    assert result.is_error is False and result.content[0].text == expected["answer"]
    assert data["answer"] == expected["answer"] and data["language"] == "id"
    assert [s["id"] for s in data["sources"]] == [s["id"] for s in expected["sources"]]
    assert data["sources"][0]["id"] == "faq-hourly-rate" and data["ask_type"]


def test_a_cost_follow_up_keeps_what_the_history_said(session):
    first = session.tool("ask", {"question": COST_QUESTION}).structured_content
    request = {"agents": 5, "location": "offshore", "coverage": "24x7"}
    assert first["route"] == "cost" and first["turn"]["cost_request"] == request
    follow_up = "and with 8 agents?"
    for sent in (first["turn"], {"role": "assistant", "content": first["answer"]}):
        history = [{"role": "user", "content": COST_QUESTION}, sent]  # the turn, or bare text
        second = session.tool("ask", {"question": follow_up, "history": history}).structured_content
        assert second["cost_request"] == {**request, "agents": 8}
        total = second["tool_results"][0]["result"]["monthly_total_usd"]
        assert (
            total == api(session.server, "/api/cost", {**request, "agents": 8})["monthly_total_usd"]
        )


def test_estimate_cost_returns_the_estimators_result_and_reply(session):
    fields = {"agents": 5, "coverage": "24/7", "location": "offshore"}
    result = session.tool("estimate_cost", {**fields, "lang": "en"})
    data = result.structured_content
    assert data["result"] == api(session.server, "/api/cost", fields)
    total = data["result"]["monthly_total_usd"]
    assert f"${total:,.2f}" in data["reply"] and "Estimated cost" in result.content[0].text


def test_decision_brief_has_the_figures_the_json_api_gives(session):
    result = session.tool("decision_brief", {"situation": SHOP})
    data = result.structured_content
    assert result.is_error is False and result.content[0].text == data["markdown"]
    assert data["lang"] == "id" and data["currency"] == "IDR"
    inputs = data["figures"]["estimate"]["inputs"]
    assert inputs["inhouse_monthly_idr"] == 180_000_000 and inputs["coverage"] == "24x7"
    assert data["markdown"].startswith("# Ringkasan keputusan")
    assert "Rp 180.000.000" in data["markdown"]  # the in-house cost, in Rupiah as given
    expected = api(session.server, "/api/brief", {"text": SHOP})
    assert data["figures"] == expected["figures"] and data["cited_ids"] == expected["cited_ids"]


@pytest.mark.parametrize(
    ("tool", "arguments", "phrase"),
    [
        ("estimate_cost", {"agents": 0, "lang": "en"}, "`agents` (number of agents) must be at least 1"),
        ("search_knowledge", {"query": "hourly rate", "k": 0}, "Field `k` must be at least 1."),
        ("decision_brief", {"situation": SHOP, "coverage": "sometimes"}, "`coverage` (jam layanan) harus salah satu dari"),
    ],
)  # fmt: skip
def test_a_bad_argument_is_a_tool_error_naming_the_field(session, tool, arguments, phrase):
    result = session.tool(tool, arguments)
    assert result.is_error is True and phrase in result.content[0].text


def test_entries_are_resources(session):
    chunks = load_corpus(REPO / "corpus")
    listed = session.list_resources().resources
    assert {str(r.uri) for r in listed} == {f"kb://entry/{c.id}?lang={c.lang}" for c in chunks}
    [template] = session.list_resource_templates().resource_templates
    assert template.uri_template == "kb://entry/{id}{?lang}"
    rate = next(c for c in chunks if c.id == "faq-hourly-rate" and c.lang == "en")
    read = session.read_resource("kb://entry/faq-hourly-rate?lang=en").contents[0]
    assert read.text == f"# {rate.title}\n\n{rate.text}" and read.mime_type == "text/markdown"
    with pytest.raises(MCPError, match="no entry `nope`"):
        session.read_resource("kb://entry/nope?lang=en")
