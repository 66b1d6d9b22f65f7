"""Optional chat-model generator: answer from the retrieved passages, call estimate_cost, cite.

Every backend failure raises; bot.answer.assistant catches it and answers extractively instead.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from langchain_core.messages import (
    AIMessage,
    BaseMessage,
    HumanMessage,
    SystemMessage,
    ToolMessage,
)

from bot.config import Settings
from bot.cost.service import CostService
from bot.knowledge.retrieve import Hit
from bot.prompts import Prompts
from bot.types import Message, ToolCall, messages_of, source_lines

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

log = logging.getLogger("bot.answer.llm")

MAX_TOOL_ROUNDS = 2
MAX_HISTORY = 6  # prior messages sent along (three exchanges)
ROLES = {"user": HumanMessage, "assistant": AIMessage}
MARKER = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
# The end of a streamed chunk that may be the start of a marker (or the space before one).
OPEN_END = re.compile(r"(\s*\[[\d,\s]*|\s+)\Z")
MAX_OPEN = 24


class LLMError(RuntimeError):
    """The model answered, but not usably (no text, or tool calls without end)."""


def make_chat_model(settings: Settings) -> BaseChatModel:
    """Build the chat model named by settings.llm.provider ('openai' compatible or 'ollama')."""
    if settings.llm.provider == "openai":
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(
            model=settings.llm.model,
            base_url=settings.llm.base_url,
            api_key=settings.llm.api_key.get_secret_value(),
            timeout=settings.llm.timeout_s,
            max_retries=0,  # the chain falls back at once rather than waiting on retries
            temperature=0,
            use_responses_api=False,  # compatible servers speak chat completions only
        )
    if settings.llm.provider == "ollama":
        from langchain_ollama import ChatOllama

        return ChatOllama(
            model=settings.llm.model,
            base_url=settings.llm.base_url,
            temperature=0,
            client_kwargs={"timeout": settings.llm.timeout_s},
        )
    raise ValueError(f"unknown llm_provider {settings.llm.provider!r}: use 'openai' or 'ollama'")


class Citations:
    """Renumber [n] markers in order of first use and drop those naming no passage.

    Fed chunk by chunk, so a streamed answer is rewritten as it arrives: a chunk ending in
    what may be the start of a marker is held back until the next one.
    """

    def __init__(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.order: list[int] = []  # passage numbers, in order of first citation
        self._open = ""

    @property
    def cited(self) -> list[Hit]:
        return [self.hits[n - 1] for n in self.order]

    def feed(self, text: str) -> str:
        text = self._open + text
        end = OPEN_END.search(text)
        cut = end.start() if end and len(text) - end.start() <= MAX_OPEN else len(text)
        self._open = text[cut:]
        return MARKER.sub(self._renumber, text[:cut])

    def flush(self) -> str:
        text, self._open = self._open, ""
        return MARKER.sub(self._renumber, text)

    def _renumber(self, match: re.Match[str]) -> str:
        numbers: list[int] = []
        for n in (int(part) for part in match.group(1).split(",")):
            if not 1 <= n <= len(self.hits):
                continue
            if n not in self.order:
                self.order.append(n)
            if (new := self.order.index(n) + 1) not in numbers:
                numbers.append(new)
        if not numbers:
            return ""
        space = match.group(0)[: match.group(0).index("[")]
        return f"{space}[{', '.join(map(str, numbers))}]"


class LLMGenerator:
    """Answer through a chat model bound to the estimate_cost tool."""

    def __init__(self, settings: Settings, prompts: Prompts, cost: CostService) -> None:
        from bot.answer.tools import estimate_cost_tool

        self.prompts = prompts
        self.tool = estimate_cost_tool(cost)
        self.model = make_chat_model(settings).bind_tools([self.tool])

    def generate(
        self, question: str, lang: str, hits: list[Hit], history: list[Message]
    ) -> tuple[str, list[ToolCall], list[Hit]]:
        """Return the answer's body (markers renumbered), the tool calls made and the cited hits."""
        calls: list[ToolCall] = []
        citations = Citations(hits)
        messages = self.messages(question, lang, hits, history)
        parts = [citations.feed(text) for text in self._rounds(messages, calls, stream=False)]
        body = ("".join(parts) + citations.flush()).strip()
        if not body:
            raise LLMError("the model returned no text")
        return body, calls, citations.cited

    def stream(
        self, question: str, lang: str, hits: list[Hit], history: list[Message]
    ) -> Iterator[str]:
        """Yield the answer as it is generated, markers already renumbered, then the sources.

        A failure before the first chunk can still fall back; after it, the caller decides.
        """
        citations = Citations(hits)
        messages = self.messages(question, lang, hits, history)
        said = False
        for text in self._rounds(messages, [], stream=True):
            if out := citations.feed(text if said else text.lstrip()):
                said = True
                yield out
        if tail := citations.flush().rstrip():
            said = True
            yield tail
        if not said:
            raise LLMError("the model returned no text")
        if citations.cited:
            yield self._sources(lang, citations.cited)

    def messages(
        self, question: str, lang: str, hits: list[Hit], history: list[Message]
    ) -> list[BaseMessage]:
        """System prompt with numbered passages, the last turns of history, the question."""
        passages = "\n\n".join(
            f"[{n}] {hit.title} ({hit.id})\n{hit.text}" for n, hit in enumerate(hits, start=1)
        )
        turns = [t for t in messages_of(history) if t.role in ROLES][-MAX_HISTORY:]
        return [
            SystemMessage(self.prompts.system[lang].format(passages=passages).strip()),
            # An earlier answer loses its markers: its numbers name other passages.
            *(ROLES[t.role](MARKER.sub("", t.content).strip()) for t in turns),
            HumanMessage(question),
        ]

    def _sources(self, lang: str, cited: list[Hit]) -> str:
        if not cited:
            return ""
        heading = self.prompts.text(lang, "sources_heading")
        return "\n\n" + "\n".join([heading, *source_lines(cited)])

    def _rounds(
        self, messages: list[BaseMessage], calls: list[ToolCall], stream: bool
    ) -> Iterator[str]:
        """Yield the answer's text; between rounds run the tools the model asked for."""
        gap = ""
        for round_ in range(MAX_TOOL_ROUNDS + 1):
            reply: Any = None
            pieces = self.model.stream(messages) if stream else [self.model.invoke(messages)]
            for piece in pieces:
                reply = piece if reply is None else reply + piece
                if text := piece.text:
                    yield gap + text
                    gap = ""
            if reply is None:
                raise LLMError("the model returned nothing")
            if reply.text.strip():
                gap = "\n\n"
            if not reply.tool_calls and not reply.invalid_tool_calls:
                return
            if round_ == MAX_TOOL_ROUNDS:
                raise LLMError(f"the model still calls tools after {MAX_TOOL_ROUNDS} rounds")
            messages.append(
                AIMessage(
                    content=reply.content,
                    tool_calls=reply.tool_calls,
                    invalid_tool_calls=reply.invalid_tool_calls,
                )
            )
            messages.extend(self._run_tools(reply, calls))

    def _run_tools(self, reply: AIMessage, calls: list[ToolCall]) -> list[ToolMessage]:
        """Run each requested call; bad arguments come back to the model as the error's text."""
        results: list[ToolMessage] = []
        for call in reply.tool_calls:
            log.debug("tool call %s", call["name"])
            if call["name"] == self.tool.name:
                message = self.tool.invoke(call)  # the tool turns invalid arguments into text
            else:
                text = f"Unknown tool {call['name']!r}; the only tool is {self.tool.name}."
                message = ToolMessage(text, tool_call_id=call["id"] or "", status="error")
            calls.append(ToolCall(call["name"], dict(call["args"]), _result(message)))
            results.append(message)
        for bad in reply.invalid_tool_calls:
            text = f"The arguments are not valid JSON: {bad.get('args')!r}."
            results.append(ToolMessage(text, tool_call_id=bad.get("id") or "", status="error"))
            calls.append(ToolCall(bad.get("name") or "", {}, {"error": text}))
        return results


def _result(message: ToolMessage) -> dict[str, Any]:
    if message.status == "error":
        return {"error": message.text}
    try:
        value = json.loads(message.text)
    except ValueError:
        return {"result": message.text}
    return value if isinstance(value, dict) else {"result": value}
