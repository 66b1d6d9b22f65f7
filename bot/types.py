"""Values the answer chain returns, shared by every adapter (CLI, API, UI, Slack, eval)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


class QuestionError(ValueError):
    """The question cannot be answered as given (empty, too long, undecodable)."""

    def __init__(self, code: str, message: str, lang: str) -> None:
        super().__init__(message)
        self.code, self.message, self.lang = code, message, lang


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    language: str
    score: float
    text: str

    def to_json_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "language": self.language, "score": self.score}


@dataclass(frozen=True)
class ToolCall:
    name: str
    args: dict[str, Any]
    result: dict[str, Any]


def source_lines(sources: Sequence[Any]) -> list[str]:
    """The numbered sources list: `[n] title (`id`)`, n matching the body's [n] markers."""
    return [f"[{n}] {s.title} (`{s.id}`)" for n, s in enumerate(sources, start=1)]


@dataclass(frozen=True)
class Answer:
    """One answer as values; surfaces render it (Markdown here, mrkdwn in Slack)."""

    question: str
    language: str
    body: str  # the answer without its sources list; [n] markers point into `sources`
    refused: bool
    route: str  # knowledge | cost | greeting | refusal
    sources: list[Source] = field(default_factory=list)
    tool_calls: list[ToolCall] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    sources_heading: str = ""  # "Sumber:" / "Sources:", in the answer's language
    ask_type: str | None = None  # what the question asked for (answer.analysis), or the route's
    details: str = ""  # what chat folds away (an estimate's assumptions); JSON always has it
    # The conversation's cost request after this turn: the one estimated now, or the one carried
    # from earlier turns (a knowledge question between two cost turns keeps it).
    cost_state: dict[str, Any] | None = None

    @property
    def answer(self) -> str:
        """The full Markdown: the body, then the heading and the numbered sources."""
        if not self.sources:
            return self.body
        return "\n".join([self.body, "", self.sources_heading, *source_lines(self.sources)])

    @property
    def estimate(self) -> ToolCall | None:
        """The estimator call that gave a result (not a validation error), if any."""
        call = self.tool_calls[0] if self.tool_calls else None
        return call if call is not None and "monthly_total_usd" in call.result else None

    @property
    def cited_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sources)

    def to_json_dict(self) -> dict[str, Any]:
        """The shape printed by `bot ask --json` and returned by POST /api/ask."""
        return {
            "question": self.question,
            "language": self.language,
            "answer": self.answer,
            "body": self.body,
            "refused": self.refused,
            "route": self.route,
            "ask_type": self.ask_type,
            "details": self.details,
            "sources": [s.to_json_dict() for s in self.sources],
            "tool_calls": [
                {"name": t.name, "args": t.args, "result": t.result} for t in self.tool_calls
            ],
            "timings_ms": self.timings_ms,
            "cost_state": self.cost_state,
        }


@dataclass(frozen=True)
class Message:
    """One turn of a conversation; an assistant turn keeps the ids of the entries it cited."""

    role: str  # user | assistant
    content: str  # the question, or the answer's body (no sources list)
    cited_ids: tuple[str, ...] = ()
    cost_request: dict[str, Any] | None = None  # the estimate's request, all turns' fields so far

    @classmethod
    def of(cls, answer: Answer) -> Message:
        """The assistant turn that remembers this answer (and the conversation's cost request)."""
        call = answer.estimate
        state = dict(call.args) if call else answer.cost_state  # an invalid one's valid fields
        return cls("assistant", answer.body, answer.cited_ids, dict(state) if state else None)

    @classmethod
    def coerce(cls, turn: Message | dict) -> Message | None:
        """A turn from a surface (a Message, or a JSON object); None when it holds no turn."""
        if isinstance(turn, Message):
            return turn
        if not isinstance(turn, dict) or turn.get("role") not in ("user", "assistant"):
            return None
        content = str(turn.get("content") or "").strip()
        if not content:
            return None
        ids = turn.get("cited_ids") or ()
        request = turn.get("cost_request")
        return cls(
            turn["role"],
            content,
            tuple(str(i) for i in ids if isinstance(i, str)),
            dict(request) if isinstance(request, dict) else None,
        )


def messages_of(history: Sequence[Message | dict] | None) -> list[Message]:
    """The usable turns of a history, in order."""
    return [m for m in (Message.coerce(t) for t in history or ()) if m is not None]
