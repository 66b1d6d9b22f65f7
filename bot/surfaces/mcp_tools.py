"""What the MCP server's tools and resources do, in the assistant's values and without the SDK:
argument models (their JSON schemas are the tools' input schemas), one method per tool that
returns (text for the model, data for the client), and the corpus entries as resources.

Arguments are validated here, not by the SDK: the estimator's request schema and the models
below word every problem for a user ("`agents` (number of agents) must be at least 1"), in the
language asked, as the JSON API does. bot.surfaces.mcp_server turns ToolInputError into an MCP
tool error (isError), which the calling model reads and can correct.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from bot.cost.request import CostRequest
from bot.knowledge.index import StoreUnavailableError
from bot.lang import LANGS, detect_language
from bot.surfaces.api import validation_error
from bot.surfaces.openai_chat import ChatMessage, History, SourceRef, extras
from bot.types import Message, QuestionError

MAX_K = 20
DEFAULT_LANG = "id"  # as the JSON API and `bot cost` when nothing tells the language


class ToolInputError(ValueError):
    """Arguments or a question the tool cannot take; the message is for the user."""


class HistoryTurn(BaseModel):
    """One earlier turn of the conversation."""

    model_config = ConfigDict(extra="forbid")
    role: Literal["user", "assistant"] = Field(description="Who said it.")
    content: str = Field(
        max_length=50_000, description="The question, or the answer as `ask` returned it."
    )
    cited_ids: list[str] | None = Field(
        default=None,
        max_length=50,
        description="For an answer: the ids of its sources (`turn.cited_ids` of `ask`'s result). "
        "Left out, the earlier question is answered again to learn them.",
    )
    cost_request: dict[str, Any] | None = Field(
        default=None,
        description="For a cost answer: `turn.cost_request` of `ask`'s result, so a follow-up "
        "changes only what it names ('and with 8 agents?').",
    )


class SearchArgs(BaseModel):
    """Arguments of search_knowledge."""

    model_config = ConfigDict(extra="forbid")
    query: str = Field(max_length=2_000, description="What to look for, in Indonesian or English.")
    k: int = Field(default=4, ge=1, le=MAX_K, description="How many passages to return.")
    lang: Literal["id", "en", "auto"] | None = Field(
        default=None, description="Language of the passages; unset or 'auto' follows the query's."
    )

    @field_validator("k", mode="before")
    @classmethod
    def _no_bool(cls, value: Any) -> Any:
        # pydantic's lax mode reads true as 1: {"k": true} would be one passage.
        if isinstance(value, bool):
            raise PydanticCustomError("int_type", "a boolean is not a whole number")
        return value


class AskArgs(BaseModel):
    """Arguments of ask."""

    model_config = ConfigDict(extra="forbid")
    question: str = Field(description="The question, in Indonesian or English.")
    history: list[HistoryTurn] | None = Field(
        default=None, max_length=50, description="Earlier turns, oldest first."
    )
    lang: Literal["id", "en", "auto"] | None = Field(
        default=None, description="Answer language; unset or 'auto' answers in the question's."
    )


class CostArgs(CostRequest):
    """Arguments of estimate_cost: the estimator's request and the reply's language."""

    lang: Literal["id", "en"] = Field(
        default=DEFAULT_LANG,
        description="Language of the rendered reply and of error messages: the user's.",
    )


class BriefArgs(CostRequest):
    """Arguments of decision_brief: the situation in words, or the estimator's fields and the
    brief's own, or both (fields win)."""

    situation: str | None = Field(
        default=None,
        max_length=5_000,
        description="The company's situation in the user's words, Indonesian or English "
        "(team, monthly cost in Rupiah or USD, volumes, channels, hours, languages, data).",
    )
    lang: Literal["id", "en"] | None = Field(
        default=None, description="Language of the brief; unset follows the situation's."
    )
    inhouse_people: int | None = Field(default=None, description="People in the in-house team.")
    inhouse_monthly: str | float | None = Field(
        default=None, description="In-house monthly cost: a USD number, or text such as '180jt'."
    )
    sensitivity: str | None = Field(
        default=None, description="Customer data: none | personal | financial_or_health."
    )
    growth_pct: float | None = Field(default=None, description="Expected growth of contacts, %.")


def input_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema, as a tool's inputSchema."""
    schema = model.model_json_schema()
    schema.pop("title", None)
    return schema


@dataclass(frozen=True)
class Reply:
    """A tool's result: text for the model to read, and the same as data."""

    text: str
    data: dict[str, Any]


@dataclass(frozen=True)
class Entry:
    """One corpus entry in one language, as a resource."""

    id: str
    lang: str
    title: str
    kind: str
    text: str

    @property
    def uri(self) -> str:
        return f"kb://entry/{self.id}?lang={self.lang}"

    @property
    def markdown(self) -> str:
        return f"# {self.title}\n\n{self.text}"


class KnowledgeTools:
    """The tools over one warm assistant (its retriever, estimator and phrases)."""

    def __init__(self, assistant: Any) -> None:
        self.assistant = assistant
        self.prompts = assistant.prompts
        self.history = History(assistant.answer)
        self.entries = {(c.id, c.lang): c for c in assistant.index.chunks}
        self._briefs: Any = None

    # -- tools ------------------------------------------------------------------------------
    def search_knowledge(self, arguments: Mapping[str, Any]) -> Reply:
        """The best passages for a query, in its language."""
        args = self._parse(SearchArgs, arguments, "query")
        lang = _override(args.lang) or self._lang_of(args.query, None)
        if not args.query.strip():
            raise ToolInputError(self.prompts.text(lang, "empty"))
        hits = self._guarded(
            lambda: self.assistant.retriever.retrieve(args.query, args.k, lang), lang
        )
        passages = [
            {
                "id": h.id,
                "title": h.title,
                "language": h.lang,
                "score": h.score,
                "confidence": h.confidence,
                "text": h.text,
            }
            for h in hits
        ]
        text = "\n\n".join(
            f"[{n}] {p['title']} (`{p['id']}`, {p['language']}, score {p['score']:.3f})\n{p['text']}"
            for n, p in enumerate(passages, start=1)
        )
        return Reply(text, {"language": lang, "passages": passages})

    def ask(self, arguments: Mapping[str, Any]) -> Reply:
        """The assistant's answer with its sources, the estimator's call and the cost state."""
        args = self._parse(AskArgs, arguments, "question")
        override = _override(args.lang)
        lang = override or self._lang_of(args.question, None)
        turns = [_chat_turn(t) for t in args.history or []]

        def answer() -> Any:
            return self.assistant.answer(args.question, self.history.of(turns, override), override)

        result = self._guarded(answer, lang)
        turn = Message.of(result)
        data = {
            "answer": result.answer,
            "body": result.body,
            **extras(result),
            "details": result.details,
            "cost_state": result.cost_state,
            "turn": {
                "role": "assistant",
                "content": turn.content,
                "cited_ids": list(turn.cited_ids),
                "cost_request": turn.cost_request,
            },
        }
        return Reply(result.answer, data)

    def estimate_cost(self, arguments: Mapping[str, Any]) -> Reply:
        """The estimator's result and its reply rendered in the language asked."""
        fields = {k: v for k, v in arguments.items() if v is not None}
        lang = fields.pop("lang", DEFAULT_LANG)
        if lang not in LANGS:
            self._parse(CostArgs, {"lang": lang}, None)  # raises ToolInputError naming `lang`
        reply = self.assistant.cost.reply(fields, lang)
        if reply.error is not None:
            raise ToolInputError(reply.text)
        assert reply.result is not None
        data = {"language": lang, "result": reply.result.to_json_dict(), "reply": reply.text}
        return Reply(reply.text, data)

    def decision_brief(self, arguments: Mapping[str, Any]) -> Reply:
        """A costed, cited decision brief: the Markdown for the model, its JSON for the client."""
        from bot.cost.request import CostValidationError

        fields = {k: v for k, v in arguments.items() if v is not None}
        text = fields.pop("situation", "")
        lang = fields.pop("lang", None)
        if not isinstance(text, str) or lang not in (None, *LANGS):
            self._parse(BriefArgs, {"situation": text, "lang": lang}, "situation")
        service = self.briefs()
        lang = service.language(text, lang)
        try:
            brief = service.build(text, fields)
        except CostValidationError as err:
            raise ToolInputError(service.error_text(err, lang)) from None
        data = service.json(brief, lang)
        return Reply(data["markdown"], data)

    def briefs(self) -> Any:
        """The brief's service, built on the first brief (the corpus read once)."""
        if self._briefs is None:
            from bot.answer.briefing import BriefService

            settings = self.assistant.settings
            self._briefs = BriefService.from_settings(settings)
        return self._briefs

    # -- resources --------------------------------------------------------------------------
    def entry(self, entry_id: str, lang: str) -> Entry:
        """One entry in one language; raise ToolInputError for an unknown one."""
        if lang not in LANGS:
            raise ToolInputError(self.prompts.both("mcp.unknown_lang", code=lang))
        chunk = self.entries.get((entry_id, lang))
        if chunk is None:
            raise ToolInputError(self.prompts.phrase(lang, "mcp.unknown_entry", id=entry_id))
        return Entry(chunk.id, chunk.lang, chunk.title, chunk.kind, chunk.text)

    def all_entries(self) -> list[Entry]:
        """Every entry in both languages, in corpus order."""
        return [self.entry(entry_id, lang) for entry_id, lang in self.entries]

    # -- helpers ----------------------------------------------------------------------------
    def _parse(self, model: type[BaseModel], arguments: Mapping[str, Any], text_field: str | None):
        data = {k: v for k, v in arguments.items() if v is not None}
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            text = data.get(text_field) if text_field else None
            lang = self._lang_of(text, data.get("lang"))
            raise ToolInputError(
                validation_error(exc, lang, self.prompts).body["message"]
            ) from None

    @staticmethod
    def _lang_of(text: Any, lang: Any) -> str:
        """The user's language as far as it is known: the lang argument, the text, the default."""
        if lang in LANGS:
            return lang
        if isinstance(text, str) and text.strip():
            return detect_language(text)
        return DEFAULT_LANG

    def _guarded(self, run: Callable[[], Any], lang: str) -> Any:
        """Run the chain; a question it refuses or a store outage is the user's error to read."""
        try:
            return run()
        except QuestionError as err:
            raise ToolInputError(err.message) from None
        except StoreUnavailableError:
            raise ToolInputError(self.prompts.phrase(lang, "api.store_unavailable")) from None


def _override(lang: str | None) -> str | None:
    return lang if lang in LANGS else None


def _chat_turn(turn: HistoryTurn) -> tuple[str, str, ChatMessage]:
    """A turn as openai_chat.History reads it: with sources and cost request when given, so
    only a bare assistant turn is answered again."""
    sources = None if turn.cited_ids is None else [SourceRef(id=i) for i in turn.cited_ids]
    message = ChatMessage(
        role=turn.role, content=turn.content, sources=sources, cost_request=turn.cost_request
    )
    return turn.role, turn.content, message
