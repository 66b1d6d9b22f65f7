"""OpenAI's chat-completions protocol in the assistant's values: the request body, its
`messages` as a question and a history of Message values, and an Answer as a completion or
as the chunks of a streamed one.

Plain OpenAI messages carry only text, but a follow-up needs what earlier answers cited and the
conversation's cost request ("and with 8 agents?" keeps offshore and 24/7). An assistant turn
that a client sends back with our `sources` / `cost_request` fields gives them directly; for
one without, the earlier question is answered again with the history before it (the chain is
deterministic, so that is the answer the client was shown), and a small cache makes that a
lookup for a front end that resends the growing conversation each time.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.types import Answer, Message, QuestionError

MODEL_ID = "outsourcing-kb"
OWNED_BY = "bot"
MAX_MESSAGES = 100
REPLAY_CACHE = 512  # earlier assistant turns remembered, across conversations


class ContentPart(BaseModel):
    """One part of a message's content; only text parts are read."""

    model_config = ConfigDict(extra="allow")
    type: str = Field(description="'text' (other kinds, e.g. images, are refused).")
    text: str | None = Field(default=None, max_length=50_000, description="The text of a part.")


class SourceRef(BaseModel):
    """A source of an earlier answer, as this server returned it (only `id` is read)."""

    model_config = ConfigDict(extra="allow")
    id: str = Field(max_length=200, description="The cited entry's id.")


class ChatMessage(BaseModel):
    """One message of the conversation, as OpenAI's SDKs send it."""

    model_config = ConfigDict(extra="allow")  # name, tool_call_id, refusal, ...: not read
    role: Literal["system", "developer", "user", "assistant", "tool"] = Field(
        description="System, developer and tool messages are ignored: the assistant answers "
        "from the article only."
    )
    content: Annotated[str, Field(max_length=50_000)] | list[ContentPart] | None = Field(
        default=None, description="Text, or a list of text parts."
    )
    sources: list[SourceRef] | None = Field(
        default=None,
        max_length=50,
        description="On an assistant message: the `sources` this server returned with it.",
    )
    cost_request: dict[str, Any] | None = Field(
        default=None,
        description="On an assistant message: the `cost_request` this server returned with it.",
    )

    def text(self) -> str:
        """The message's text (text parts joined); raise ValueError naming another kind."""
        if self.content is None or isinstance(self.content, str):
            return self.content or ""
        other = [p.type for p in self.content if p.type != "text"]
        if other:
            raise ValueError(other[0])
        return "\n".join(p.text or "" for p in self.content)


class ChatBody(BaseModel):
    """A chat-completions request; sampling parameters (temperature, ...) are accepted and
    ignored, since the answers are deterministic."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "model": MODEL_ID,
                    "messages": [
                        {"role": "user", "content": "How much would 5 offshore agents 24/7 cost?"},
                        {"role": "assistant", "content": "About $62,554 a month ... [1]"},
                        {"role": "user", "content": "and with 8 agents?"},
                    ],
                }
            ]
        },
    )
    model: str = Field(description=f"'{MODEL_ID}' (GET /v1/models).")
    messages: list[ChatMessage] = Field(
        max_length=MAX_MESSAGES, description="The conversation, oldest first; the last is a user's."
    )
    stream: bool | None = Field(
        default=False, description="Server-sent chunks instead of one body."
    )
    n: Literal[1] | None = Field(
        default=1, description="Only one choice: answers are deterministic."
    )
    lang: Literal["id", "en", "auto"] | None = Field(
        default=None, description="Not OpenAI's: the answer language; unset detects it."
    )


@dataclass(frozen=True)
class Conversation:
    question: str
    turns: list[tuple[str, str, ChatMessage]]  # (role, text, message) of the earlier turns
    ignored: int  # system, developer and tool messages


class NoQuestion(ValueError):
    """The messages hold no user question to answer last."""


def conversation(messages: list[ChatMessage]) -> Conversation:
    """The last user message as the question, the user and assistant turns before it."""
    kept = [(m.role, m.text(), m) for m in messages if m.role in ("user", "assistant")]
    if not kept or kept[-1][0] != "user":
        raise NoQuestion
    return Conversation(kept[-1][1], kept[:-1], len(messages) - len(kept))


class History:
    """Rebuilds the Message values of earlier turns (see the module's docstring)."""

    def __init__(self, answer: Callable[..., Answer], size: int = REPLAY_CACHE) -> None:
        self._answer = answer
        self._size = size
        self._cache: OrderedDict[str, Message] = OrderedDict()
        self._lock = threading.Lock()

    def of(self, turns: list[tuple[str, str, ChatMessage]], lang: str | None) -> list[Message]:
        """The turns as Message values, assistant turns with what they cited and estimated."""
        history: list[Message] = []
        for role, text, message in turns:
            if not text.strip():
                continue  # e.g. an assistant turn that only called tools: nothing to remember
            if role == "user":
                history.append(Message(role, text))
            elif message.sources is not None or message.cost_request is not None:
                cited = tuple(s.id for s in message.sources or ())
                history.append(Message(role, text, cited, message.cost_request))
            elif history and history[-1].role == "user":
                history.append(self._replayed(history, text, lang))
            else:
                history.append(Message(role, text))
        return history

    def _replayed(self, history: list[Message], text: str, lang: str | None) -> Message:
        key = _key(history, lang)
        with self._lock:
            remembered = self._cache.get(key)
            if remembered is not None:
                self._cache.move_to_end(key)
        if remembered is None:
            try:
                answer = self._answer(history[-1].content, history[:-1], lang)
            except QuestionError:
                return Message("assistant", text)
            remembered = Message.of(answer)
            with self._lock:
                self._cache[key] = remembered
                while len(self._cache) > self._size:
                    self._cache.popitem(last=False)
        # The client sends the body with its sources list; the chain remembers the body alone.
        content = remembered.content if text.startswith(remembered.content) else text
        return Message("assistant", content, remembered.cited_ids, remembered.cost_request)


def _key(history: list[Message], lang: str | None) -> str:
    turns = [(m.role, m.content, m.cited_ids, m.cost_request) for m in history]
    raw = json.dumps([lang, turns], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()


def extras(answer: Answer) -> dict[str, Any]:
    """What OpenAI's message has no field for: the structured sources, the route, the ask type,
    the estimator's call and the conversation's cost request (send it back on the message)."""
    return {
        "sources": [
            {"n": n, **s.to_json_dict(), "text": s.text}
            for n, s in enumerate(answer.sources, start=1)
        ],
        "language": answer.language,
        "refused": answer.refused,
        "route": answer.route,
        "ask_type": answer.ask_type,
        # Calls this server made, not tool calls for the client: OpenAI's `tool_calls` would ask
        # the client to run them.
        "tool_results": [
            {"name": t.name, "args": t.args, "result": t.result} for t in answer.tool_calls
        ],
        "cost_request": Message.of(answer).cost_request,
    }


def words(text: str) -> int:
    return len(text.split())


def usage(prompt: list[str], answer: Answer) -> dict[str, int]:
    """Token counts as whitespace-separated words: there is no tokenizer (and no model), so
    these approximate what an OpenAI tokenizer would count (it counts more)."""
    prompt_tokens = sum(words(t) for t in prompt)
    completion_tokens = words(answer.answer)
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
    }


def completion(answer: Answer, request_id: str, created: int, prompt: list[str]) -> dict[str, Any]:
    """The `chat.completion` object: the Markdown answer (citations and sources list) as content."""
    message = {"role": "assistant", "content": answer.answer, "refusal": None, **extras(answer)}
    return {
        "id": request_id,
        "object": "chat.completion",
        "created": created,
        "model": MODEL_ID,
        "choices": [{"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}],
        "usage": usage(prompt, answer),
    }


def chunks(answer: Answer, request_id: str, created: int, prompt: list[str]) -> Iterator[dict]:
    """The `chat.completion.chunk` objects of a streamed answer: the role, the content a word at
    a time, then finish_reason 'stop' with the extras and the usage."""
    head = {
        "id": request_id,
        "object": "chat.completion.chunk",
        "created": created,
        "model": MODEL_ID,
    }

    def chunk(delta: dict[str, Any], finish: str | None = None, **more: Any) -> dict[str, Any]:
        choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
        return {**head, "choices": [choice], **more}

    yield chunk({"role": "assistant", "content": ""})
    for piece in re.findall(r"\s*\S+\s*|\s+", answer.answer):
        yield chunk({"content": piece})
    yield chunk(extras(answer), "stop", usage=usage(prompt, answer))
