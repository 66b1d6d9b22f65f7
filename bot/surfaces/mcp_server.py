"""MCP (Model Context Protocol) server with the official `mcp` SDK: `bot mcp` serves it on
standard input/output (for Claude Desktop and other local clients), `bot serve` at /mcp over
streamable HTTP. A thin adapter: the tools and resources are bot.surfaces.mcp_tools.

Each tool advertises its argument model's JSON schema, but takes its arguments loosely and
validates them itself: left to the SDK, a bad argument would come back in pydantic's words, not
the user's ("`agents` (number of agents) must be at least 1"). A bad argument is a tool error
(isError), which the calling model reads; an unknown entry is the protocol's "not found".
"""

from __future__ import annotations

import contextlib
import inspect
import logging
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:  # the SDK and the tools load when a server is built, not with every command
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.tools import Tool
    from pydantic import BaseModel

    from bot.surfaces.mcp_tools import Reply

log = logging.getLogger("bot.surfaces.mcp_server")

NAME = "outsourcing-kb"
PATH = "/mcp"
ENTRY_TEMPLATE = "kb://entry/{id}{?lang}"
INSTRUCTIONS = (
    "Answers questions about outsourcing customer support (costs, hourly rates, benefits, "
    "challenges, choosing a provider, ROI) from one Indonesian article and its English "
    "translation, in Indonesian or English, always with its sources, and estimates the cost of "
    "outsourced support with a deterministic model. Use `ask` for a user's question (send the "
    "earlier turns as `history`), `search_knowledge` for the passages alone, `estimate_cost` "
    "for figures and `decision_brief` when a user describes their company and asks whether to "
    "outsource. The article's entries are resources: kb://entry/{id}?lang=id|en."
)
DESCRIPTIONS = {
    "search_knowledge": "Search the knowledge base (one article on the cost of outsourcing "
    "customer support, and its FAQ) for the passages that best match a query. Returns each "
    "passage's id, title, language, similarity score and text, best first.",
    "ask": "Answer a question about outsourcing customer support from the article, in the "
    "question's language (Indonesian or English), with [n] citations and the sources. Cost "
    "questions with numbers go to the estimator. Returns the answer, its sources, the ask type, "
    "the estimator's call if any, and `turn`: send it back in `history` for a follow-up.",
    "estimate_cost": "Estimate the monthly cost (USD) of outsourced customer support: staffing "
    "(Erlang C or agent seats), cost lines, totals, and savings against an in-house cost. Give "
    "either agents or contacts_per_month; leave out what the user did not say (defaults come "
    "from the cost model and are listed in the reply). Returns the result and the reply "
    "rendered in `lang`.",
    "decision_brief": "Write a decision brief for a company's situation: the cheapest provider "
    "location with its monthly, one-time and total cost, savings, ROI and break-even against the "
    "in-house cost (Rupiah or USD), what drives the cost, the three assumptions that move it "
    "most (+/-20%), the article's risks with its steps, hidden costs, how to measure ROI, and the "
    "defaults used. Give the situation in words, or the estimator's fields, or both. Returns the "
    "brief as Markdown with [n] citations, and as data (sections, figures, cited entries).",
}
TITLES = {
    "search_knowledge": "Search the knowledge base",
    "ask": "Ask the outsourcing assistant",
    "estimate_cost": "Estimate the cost of outsourced support",
    "decision_brief": "Write a costed, cited decision brief",
}


def _tool(name: str, model: type[BaseModel], run: Callable[[Mapping[str, Any]], Reply]) -> Tool:
    """A tool whose input schema is `model`'s and whose arguments reach `run` unvalidated."""
    from mcp.server.mcpserver.exceptions import ToolError
    from mcp.server.mcpserver.tools import Tool
    from mcp.types import CallToolResult, TextContent, ToolAnnotations
    from pydantic import ConfigDict

    from bot.surfaces.mcp_tools import ToolInputError, input_schema

    def call(**arguments: Any) -> CallToolResult:
        started = time.perf_counter()
        try:
            reply = run(arguments)
        except ToolInputError as err:
            log.info("mcp %s rejected", name)
            raise ToolError(str(err)) from None
        log.info("mcp %s ms=%.0f", name, (time.perf_counter() - started) * 1000)
        text = TextContent(type="text", text=reply.text)
        return CallToolResult(content=[text], structured_content=reply.data)

    # Every field as an optional argument of any type, so the SDK passes them on as given.
    parameters = [
        inspect.Parameter(field, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Any)
        for field in model.model_fields
    ]
    call.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    call.__name__ = name
    hints = ToolAnnotations(
        title=TITLES[name], read_only_hint=True, idempotent_hint=True, open_world_hint=False
    )
    tool = Tool.from_function(
        call,
        name=name,
        title=TITLES[name],
        description=DESCRIPTIONS[name],
        annotations=hints,
        structured_output=False,
    )
    # The SDK's argument model drops names it does not declare; keep them, so a misspelt field
    # is reported ("`agent` is not a known cost-estimate field") rather than quietly left out.
    declared = tool.fn_metadata.arg_model

    class Kept(declared):  # type: ignore[misc, valid-type]
        model_config = ConfigDict(extra="allow", arbitrary_types_allowed=True)

        def model_dump_one_level(self) -> dict[str, Any]:
            return {**super().model_dump_one_level(), **(self.model_extra or {})}

    tool.fn_metadata.arg_model = Kept
    return tool.model_copy(update={"parameters": input_schema(model)})


def build_server(assistant: Any) -> MCPServer:
    """The MCP server over a warm assistant: four tools, every entry as a resource, and a
    template for any entry in either language."""
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import ResourceNotFoundError
    from mcp.server.mcpserver.resources import TextResource

    from bot.surfaces.api import app_version
    from bot.surfaces.mcp_tools import (
        DEFAULT_LANG,
        AskArgs,
        BriefArgs,
        CostArgs,
        KnowledgeTools,
        SearchArgs,
        ToolInputError,
    )

    tools = KnowledgeTools(assistant)
    server: MCPServer = MCPServer(
        NAME,
        title="Outsourcing customer support assistant",
        instructions=INSTRUCTIONS,
        version=app_version(),
        tools=[
            _tool("search_knowledge", SearchArgs, tools.search_knowledge),
            _tool("ask", AskArgs, tools.ask),
            _tool("estimate_cost", CostArgs, tools.estimate_cost),
            _tool("decision_brief", BriefArgs, tools.decision_brief),
        ],
        resources=[
            TextResource(
                uri=e.uri,
                name=f"{e.id} ({e.lang})",
                title=e.title,
                description=f"{'FAQ entry' if e.kind == 'faq' else 'Article section'}, {e.lang}",
                mime_type="text/markdown",
                text=e.markdown,
            )
            for e in tools.all_entries()
        ],
    )

    @server.resource(
        ENTRY_TEMPLATE,
        name="entry",
        title="Knowledge-base entry",
        description="One entry of the article (a section or an FAQ answer) with its title, in "
        "Indonesian (lang=id, the original; the default) or English (lang=en).",
        mime_type="text/markdown",
    )
    def entry(id: str, lang: str = DEFAULT_LANG) -> str:
        try:
            return tools.entry(id, lang).markdown
        except ToolInputError as err:
            raise ResourceNotFoundError(str(err)) from None

    return server


class KeyGuard:
    """An ASGI app that passes a request on only with one of `keys` as its bearer token (none
    set: every request is refused), else answers 401 in the user's language as /v1 does."""

    def __init__(self, app: Any, keys: Sequence[str], prompts: Any) -> None:
        self.app, self.keys, self.prompts = app, keys, prompts

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        from starlette.requests import Request
        from starlette.responses import JSONResponse

        from bot.surfaces.api import header_lang
        from bot.surfaces.openai_api import bearer_matches

        request = Request(scope)
        if bearer_matches(request, self.keys):
            await self.app(scope, receive, send)
            return
        lang, phrase = header_lang(request), "openai.unauthorized"
        message = self.prompts.phrase(lang, phrase) if lang else self.prompts.both(phrase)
        body = {"error": "invalid_api_key", "message": message}
        response = JSONResponse(body, status_code=401, headers={"WWW-Authenticate": "Bearer"})
        await response(scope, receive, send)


def mount_mcp(app: Any, assistant: Any, host: str, keys: Sequence[str] = ()) -> None:
    """Serve MCP at /mcp on `app`; its lifespan must enter `app.state.mcp_sessions.run()`.

    The SDK's app is routed at /mcp itself (a Mount would redirect /mcp to /mcp/). Guarded as
    /v1 is: with `keys` a bearer key must match, and without them a non-loopback host starts
    closed. On loopback the SDK also accepts only requests addressed to loopback (DNS-rebinding
    protection).
    """
    from bot.surfaces.openai_api import loopback

    server = build_server(assistant)
    http = server.streamable_http_app(streamable_http_path=PATH, host=host)
    required = bool(keys) or not loopback(host)
    guarded = KeyGuard(http, keys, assistant.prompts) if required else http
    app.add_route(PATH, guarded, include_in_schema=False)
    app.state.mcp_sessions = server.session_manager  # exists once streamable_http_app() ran
    if keys:
        log.info("MCP at %s (streamable HTTP) needs a bearer key (%d configured)", PATH, len(keys))
    elif required:
        log.warning(
            "MCP at %s is CLOSED: listening on %s (not loopback) without BOT_API_KEYS", PATH, host
        )
    else:
        log.info("MCP at %s (streamable HTTP) is open on loopback", PATH)


def mcp_command() -> None:
    """Serve the MCP tools and resources on standard input/output (Claude Desktop and others)."""
    from bot.answer.assistant import get_assistant
    from bot.config import Settings
    from bot.knowledge.corpus import CorpusError
    from bot.knowledge.embeddings import EmbeddingsUnavailable

    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    try:
        with contextlib.redirect_stdout(sys.stderr):  # standard output carries the protocol only
            assistant = get_assistant(Settings())
    except (CorpusError, EmbeddingsUnavailable) as exc:  # one line, as `bot serve` says them
        typer.echo(f"{'Corpus error: ' if isinstance(exc, CorpusError) else ''}{exc}", err=True)
        raise typer.Exit(code=2) from None
    build_server(assistant).run("stdio")


def register(app: typer.Typer) -> None:
    """Add `mcp` to a Typer app (bot/surfaces/cli.py calls this)."""
    app.command(name="mcp")(mcp_command)
