"""Values the answer chain returns, shared by every adapter (CLI, API, UI, Slack, eval)."""

from __future__ import annotations

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


@dataclass(frozen=True)
class Answer:
    question: str
    language: str
    answer: str
    refused: bool
    route: str  # knowledge | cost | greeting | refusal
    sources: list[Source] = field(default_factory=list)
    tool_calls: list[ToolCall] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)

    def to_json_dict(self) -> dict[str, Any]:
        """The shape printed by `bot ask --json` and returned by POST /api/ask."""
        return {
            "question": self.question,
            "language": self.language,
            "answer": self.answer,
            "refused": self.refused,
            "route": self.route,
            "sources": [s.to_json_dict() for s in self.sources],
            "tool_calls": [
                {"name": t.name, "args": t.args, "result": t.result} for t in self.tool_calls
            ],
            "timings_ms": self.timings_ms,
        }
