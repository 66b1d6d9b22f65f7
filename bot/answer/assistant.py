"""The answer chain: validate, detect language, route, retrieve, compose, cite."""

from __future__ import annotations

import logging
import re
import threading
import time
from decimal import Decimal
from typing import Any

import numpy as np
from langchain_core.runnables import RunnableLambda

from bot.answer.compose import UnitIndex, draft_answer, render_draft, render_sources
from bot.answer.route import asks_for_remedy, is_greeting, is_injection, topic_level
from bot.config import Settings
from bot.cost.service import CostService
from bot.knowledge.retrieve import Hit, Retriever
from bot.lang import detect_language
from bot.prompts import Prompts, load_prompts
from bot.types import Answer, QuestionError, Source, ToolCall

log = logging.getLogger("bot.answer.assistant")

# Refusal: a topic check, then a floor on the top retrieval score (e5 cosine) that depends on it.
# Calibrated on eval/gold.jsonl, whose refusal cases are therefore no longer held out: in-scope top
# scores 0.80-0.93, out-of-scope 0.72-0.84, other business functions up to 0.87 (the topic check
# refuses those). The floors are e5 values; another embedder needs its own.
MIN_SCORE = {"support": 0.79, "general": 0.80, "none": 0.85}
COST_CONTEXT_IDS = ("faq-hourly-rate", "faq-hidden-costs")
FOLLOW_UP = re.compile(
    r"\b(itu|tersebut|nya|mereka|it|its|that|those|them|this|these|they)\b|nya\b|^(dan|lalu|terus|"
    r"kalau|kalo|bagaimana dengan|gimana dengan|and|what about|how about|then)\b"
)
CITED_ID = re.compile(r"^\[\d+\] .*\(`([a-z0-9-]+)`\)$", re.MULTILINE)


class Assistant:
    """Holds the warm models, index and prompts; answers questions."""

    def __init__(self, settings: Settings, retriever: Retriever, prompts: Prompts) -> None:
        self.settings = settings
        self.retriever = retriever
        self.prompts = prompts
        # The estimator reads the cost model and phrases of these settings, not the environment's.
        self.cost = CostService.from_dirs(settings.corpus_dir, settings.prompts_dir)
        index = retriever.index
        self.units = UnitIndex(index.chunks, index.embeddings, settings.home, index.embedder)
        self._chunks = {(c.id, c.lang): c for c in index.chunks}
        self.chain = RunnableLambda(self._run)
        self._llm = None  # built on first use when settings.generator == "llm"

    # -- public -----------------------------------------------------------------------------
    def answer(
        self, question: str | bytes, history: list[dict] | None = None, lang: str | None = None
    ) -> Answer:
        """Answer one question in its language, citing sources; raise QuestionError for bad input."""
        return self.chain.invoke({"question": question, "history": history or [], "lang": lang})

    # -- chain ------------------------------------------------------------------------------
    def _run(self, inputs: dict[str, Any]) -> Answer:
        timings: dict[str, float] = {}
        started = time.perf_counter()
        text, lang = self._validate(inputs["question"], inputs.get("lang"))
        timings["detect"] = _ms(started)
        history = inputs.get("history") or []
        # Contact details mean nothing to the knowledge base and a phone number must not be read
        # as a quantity: route and retrieve on the question without them.
        text = _without_personal(text) or text
        if is_injection(text):
            return self._fixed(text, lang, "injection", timings, started)
        if is_greeting(text):
            return self._fixed(text, lang, "greeting", timings, started, refused=False)
        cost = self._cost_request(text, history)
        if cost is not None:
            return self._cost_answer(text, lang, cost, timings, started)
        return self._knowledge_answer(text, lang, history, timings, started)

    def _validate(self, question: str | bytes, override: str | None) -> tuple[str, str]:
        fallback = override if override in ("id", "en") else "id"
        if isinstance(question, bytes):
            try:
                question = question.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise QuestionError(
                    "undecodable", self.prompts.text(fallback, "undecodable"), fallback
                ) from exc
        text = " ".join(question.split())
        if not text:
            raise QuestionError("empty", self.prompts.text(fallback, "empty"), fallback)
        lang = override if override in ("id", "en") else detect_language(text)
        if len(text) > self.settings.max_question_chars:
            message = self.prompts.text(
                lang, "too_long", length=len(text), limit=self.settings.max_question_chars
            )
            raise QuestionError("too_long", message, lang)
        return text, lang

    def _fixed(self, text, lang, key, timings, started, refused: bool = True) -> Answer:
        route = "greeting" if key == "greeting" else "refusal"
        body = self.prompts.text(lang, key)
        if key == "greeting":  # the introduction is bilingual, the question's language first
            body += "\n\n" + self.prompts.text("en" if lang == "id" else "id", key)
        timings["total"] = _ms(started)
        return Answer(text, lang, body, refused, route, timings_ms=timings)

    # -- knowledge --------------------------------------------------------------------------
    def _knowledge_answer(self, text, lang, history, timings, started) -> Answer:
        t0 = time.perf_counter()
        query = self._contextual_query(text, history)
        vector = self.retriever.index.embeddings.embed_query(query)
        if query == text:
            hits = self.retriever.search_vector(vector, self.settings.k, lang, query)
        else:
            hits = self.retriever.search_vector(vector, len(self._chunks) // 2, lang, query)
            hits = self._follow_up_order(text, hits, history)[: self.settings.k]
        timings["retrieve"] = _ms(t0)
        if self._out_of_scope(query, hits, follow_up=query != text):
            return self._fixed(text, lang, "refusal", timings, started)
        t1 = time.perf_counter()
        generated = self._generate_with_llm(text, lang, hits, history)
        if generated is not None:
            body, calls, cited = generated
            timings["generate"] = _ms(t1)
            timings["total"] = _ms(started)
            sources = [_source(h) for h in cited]
            return Answer(text, lang, body, False, "knowledge", sources, calls, timings)
        draft = draft_answer(query, vector, hits, self.units, lang)
        body = render_draft(draft, self.prompts.text(lang, "sources_heading"))
        timings["compose"] = _ms(t1)
        timings["total"] = _ms(started)
        sources = [_source(h) for h in draft.cited]
        return Answer(text, lang, body, False, "knowledge", sources, [], timings)

    def _generate_with_llm(self, text, lang, hits, history):
        """Answer through the configured chat model; None means use the extractive generator."""
        if self.settings.generator != "llm":
            return None
        from bot.answer.llm import LLMGenerator

        try:
            if self._llm is None:
                self._llm = LLMGenerator(self.settings, self.prompts)
            body, calls, cited = self._llm.generate(text, lang, hits, history)
        except Exception as exc:  # noqa: BLE001 - any backend failure falls back
            log.warning("LLM backend failed (%s); answering extractively", type(exc).__name__)
            return None
        if not cited and not calls:
            log.warning("LLM answer cited no passage; answering extractively")
            return None
        return body, calls, cited

    def _out_of_scope(self, query: str, hits: list[Hit], follow_up: bool) -> bool:
        """Refuse another subject, or a best passage too far; a follow-up keeps the topic."""
        if not hits:
            return True
        level = "support" if follow_up else topic_level(query)
        if level == "foreign":
            return True
        return max(h.score for h in hits) < MIN_SCORE[level]

    @staticmethod
    def _contextual_query(text: str, history: list[dict]) -> str:
        """A short or anaphoric follow-up is read together with the previous user question."""
        previous = _last(history, "user")
        if previous and (len(text.split()) <= 5 or FOLLOW_UP.search(text.lower())):
            return f"{previous} {text}"
        return text

    def _follow_up_order(self, text: str, hits: list[Hit], history: list[dict]) -> list[Hit]:
        """A follow-up asks for something new: entries that address what the last answer raised
        come first, entries the last answer already cited go last."""
        seen = set(CITED_ID.findall(_last(history, "assistant") or ""))
        if not seen:
            return hits

        def rank(hit: Hit) -> int:
            chunk = self._chunks[(hit.id, hit.lang)]
            if asks_for_remedy(text) and seen & set(chunk.addresses):
                return 0
            return 2 if hit.id in seen else 1

        return sorted(hits, key=rank)

    # -- cost -------------------------------------------------------------------------------
    def _cost_request(self, text: str, history: list[dict]) -> dict | None:
        from bot.cost.estimate import CostValidationError
        from bot.cost.parse import parse_cost_fields, parse_cost_question

        try:
            request = parse_cost_question(text)
        except CostValidationError:  # a stated quantity is invalid: _cost_answer says which
            return parse_cost_fields(text)
        if request is not None:
            return _plain(request.model_dump(exclude_none=True, exclude_unset=True))
        previous = _last_cost_question(history)
        fields = parse_cost_fields(text)
        if previous is None or not fields:
            return None
        merged = _plain(previous.model_dump(exclude_none=True, exclude_unset=True))
        merged.update(fields)
        return merged

    def _cost_answer(self, text, lang, request: dict, timings, started) -> Answer:
        t0 = time.perf_counter()
        vector = self.retriever.index.embeddings.embed_query(text)
        context = [self._context_hit(entry, lang, vector) for entry in COST_CONTEXT_IDS]
        reply = self.cost.reply(request, lang)
        if reply.result is None:
            timings["total"] = _ms(started)
            error = {"error": self.cost.issue_lines(reply.error, lang)}
            call = ToolCall("estimate_cost", request, error)
            return Answer(text, lang, reply.text, False, "cost", [], [call], timings)
        timings["estimate"] = _ms(t0)
        payload = reply.result.to_json_dict()
        body = "\n".join(
            [
                reply.text,
                "",
                f"{self.prompts.text(lang, 'rate_band')} [1]",
                "",
                self.prompts.text(lang, "cost_context_heading"),
                *self._hidden_cost_points(lang, 2),
                "",
                self.prompts.text(lang, "sources_heading"),
                *render_sources(context),
            ]
        )
        timings["total"] = _ms(started)
        call = ToolCall("estimate_cost", request, payload)
        sources = [_source(h) for h in context]
        return Answer(text, lang, body, False, "cost", sources, [call], timings)

    def _context_hit(self, entry: str, lang: str, vector: list[float]) -> Hit:
        """A passage cited by every estimate, scored by its best unit against the question."""
        chunk = self._chunks[(entry, lang)]
        rows = self.units.rows(entry, lang)
        score = float((self.units.vectors[rows] @ np.asarray(vector, dtype=np.float32)).max())
        return Hit(entry, chunk.title, lang, round(score, 6), chunk.text, chunk.kind, lang)

    def _hidden_cost_points(self, lang: str, marker: int) -> list[str]:
        from bot.answer.compose import render_unit

        rows = self.units.rows("faq-hidden-costs", lang)
        units = [self.units.units[r] for r in rows if self.units.units[r].bullet]
        return [f"- {render_unit(u)} [{marker}]" for u in units]


def _plain(fields: dict) -> dict:
    """Tool-call arguments as JSON numbers: the request model keeps money as Decimal."""
    return {k: float(v) if isinstance(v, Decimal) else v for k, v in fields.items()}


def _without_personal(text: str) -> str:
    from bot.redact import EMAIL, PHONE, mask_personal

    masked = mask_personal(text).replace(EMAIL, " ").replace(PHONE, " ")
    return " ".join(masked.split())


def _source(hit: Hit) -> Source:
    return Source(hit.id, hit.title, hit.lang, hit.score, hit.text)


def _last(history: list[dict], role: str) -> str | None:
    for turn in reversed(history):
        if isinstance(turn, dict) and turn.get("role") == role and turn.get("content"):
            return str(turn["content"])
    return None


def _last_cost_question(history: list[dict]):
    from bot.cost.estimate import CostValidationError
    from bot.cost.parse import parse_cost_question

    for turn in reversed(history):
        if isinstance(turn, dict) and turn.get("role") == "user":
            try:
                request = parse_cost_question(str(turn.get("content", "")))
            except CostValidationError:
                continue
            if request is not None:
                return request
    return None


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)


_assistants: dict[str, Assistant] = {}
_lock = threading.Lock()


def get_assistant(settings: Settings | None = None) -> Assistant:
    """Return the process-wide assistant for these settings, building it once."""
    from bot.knowledge.runtime import open_retriever

    settings = settings or Settings()
    key = settings.model_dump_json()
    with _lock:
        if key not in _assistants:
            prompts = load_prompts(settings.prompts_dir)
            _assistants[key] = Assistant(settings, open_retriever(settings), prompts)
        return _assistants[key]


def answer(question: str, history: list[dict] | None = None, lang: str | None = None) -> Answer:
    """Answer a question with the default settings (see Assistant.answer)."""
    return get_assistant().answer(question, history, lang)
