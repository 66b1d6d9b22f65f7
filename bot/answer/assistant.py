"""The answer chain: validate, detect language, route, retrieve, compose, cite."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from langchain_core.runnables import RunnableLambda

from bot.answer.analysis import ASK_TYPES, Analyzer, Ask
from bot.answer.anchor import Anchors
from bot.answer.asktype import AskModel
from bot.answer.compose import UnitIndex
from bot.answer.coststages import CostStages
from bot.answer.coststate import cost_state
from bot.answer.coverage import Coverage, Terms
from bot.answer.expand import Expander
from bot.answer.followup import MoreDetail, last, topic_message
from bot.answer.frame import Framer
from bot.answer.glossary import Glossary
from bot.answer.llm_fallback import FallbackLLM
from bot.answer.lookup import TurnRetrieval
from bot.answer.memo import Memo
from bot.answer.mention import Mentions
from bot.answer.normalise import normalise
from bot.answer.parts import TwoAsks, both_answered
from bot.answer.pushback import Pushback
from bot.answer.route import is_greeting, is_injection, topic_level
from bot.answer.scope import out_of_scope
from bot.answer.shape import Shaper
from bot.answer.situation import Situations
from bot.answer.summary import Recap
from bot.answer.timings import Timings
from bot.config import Settings
from bot.cost.service import CostService
from bot.knowledge.retrieve import Hit, Retriever
from bot.lang import LANGS, conversation_language
from bot.prompts import Prompts, load_prompts
from bot.redact import without_personal
from bot.types import Answer, Message, QuestionError, Source, messages_of


@dataclass
class Turn:
    """What the stages know about the question being answered."""

    text: str  # normalised, personal data removed
    lang: str
    history: list[Message]
    timings: Timings
    ask: Ask
    topic: str  # route.topic_level of the question's own words
    vector: list[float]  # the question's query embedding, computed once
    cost_state: dict | None  # the conversation's cost request before this turn
    focus: str = ""  # what retrieval reads, when not the whole text (a summary of one part)


class Assistant(TurnRetrieval, CostStages):
    """Holds the warm models, index and prompts; answers questions."""

    def __init__(self, settings: Settings, retriever: Retriever, prompts: Prompts) -> None:
        self.settings = settings
        self.retriever = retriever
        self.prompts = prompts
        # The estimator reads the cost model and phrases of these settings, not the environment's.
        self.cost = CostService.from_dirs(settings.corpus_dir, settings.prompts_dir)
        index = retriever.index
        asks = AskModel.load_or_train(
            settings.prompts_dir, ASK_TYPES, index.embeddings, index.embedder, settings.home
        )
        self.analyzer = Analyzer(settings.prompts_dir, asks)
        self.two_asks = TwoAsks(self.cost, self.analyzer.price)  # "how much ... and why ...?"
        vocabulary = {w for c in index.chunks for w in re.findall(r"\w+", f"{c.title} {c.text}")}
        terms = Terms.load(settings.prompts_dir)
        self.glossary = Glossary.load(settings.prompts_dir)
        self.coverage = Coverage(prompts, terms, vocabulary, self.analyzer.known)
        band = self.cost.model.rate_band_usd_per_hour
        self.band = (band.min.value, band.max.value)  # a quoted rate is placed in it
        rate = self.cost.model.currency.idr_per_usd.value
        self.framer = Framer(prompts, self.coverage, self.band, rate)
        self.units = UnitIndex(index.chunks, index.embeddings, settings.home, index.embedder)
        self.index = index  # for health checks and start-up lines
        self.passages = {(c.id, c.lang): c for c in index.chunks}  # (entry, lang) -> passage
        self.situations = Situations.load(settings.corpus_dir, settings.prompts_dir)
        self.situations.check({key: len(self.units.rows(*key)) for key in self.passages})
        mentions = Mentions(self.units, settings.prompts_dir)
        self.shaper = Shaper(
            self.units, self.passages, self.coverage, prompts, self.situations, mentions
        )
        self.more_detail = MoreDetail(
            settings.prompts_dir, self.units, self.passages, self.situations.points
        )
        self.anchors = Anchors(
            settings.prompts_dir, self.units, self.passages, self.glossary.expand
        )
        self.expander = Expander(self.more_detail, self.anchors, prompts)
        self.recap = Recap(settings.prompts_dir)
        hit = self.shaper.context_hit  # "are you sure?", "simpler words?" about the last answer
        self.pushback = Pushback(
            settings.prompts_dir, prompts, self.units, self.cost, hit, self._answer
        )
        # The first stage that answers wins; prepare() runs before them and may raise.
        self.stages: tuple[Callable[[Turn], Answer | None], ...] = (
            self.refuse_injection,
            self.greet,
            self.both_asks,
            self.pushback.stage,
            self.estimate_cost,
            self.expand_topic,
            self.summarize,
            self.weigh_decision,
            self.answer_from_knowledge,
        )
        self.chain = RunnableLambda(self._run)
        self.llm = FallbackLLM(settings, self.prompts, self.cost)  # built on first use
        # Repeated questions: whole answers and query vectors, keyed on the index's name.
        self.memo = Memo(settings, lambda: self.retriever.index.collection)

    # -- public -----------------------------------------------------------------------------
    def answer(
        self,
        question: str | bytes,
        history: Sequence[Message | dict] | None = None,
        lang: str | None = None,
    ) -> Answer:
        """Answer one question in its language, citing sources; raise QuestionError for bad input."""
        key = self.memo.key(question, history, lang)
        inputs = {"question": question, "history": history or [], "lang": lang}
        return self.memo.answer(key, lambda: self.chain.invoke(inputs))

    def _run(self, inputs: dict[str, Any]) -> Answer:
        turn = self.prepare(inputs["question"], inputs.get("history"), inputs.get("lang"))
        for stage in self.stages:
            if (answer := stage(turn)) is not None:
                return answer
        raise AssertionError("answer_from_knowledge always answers")

    def _embed_query(self, text: str) -> list[float]:
        return self.retriever.index.embeddings.embed_query(text)

    # -- stages -----------------------------------------------------------------------------
    def prepare(self, question: str | bytes, history, override: str | None) -> Turn:
        """Validate, detect the language, drop personal data; raise QuestionError."""
        timings = Timings()
        fallback = override if override in LANGS else "id"
        if isinstance(question, bytes):
            try:
                question = question.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise self._question_error("undecodable", fallback) from exc
        text = normalise(question)  # look-alike text reads as what it looks like
        if not text:
            raise self._question_error("empty", fallback)
        history = messages_of(history)
        # "offshore?" after an Indonesian question is answered in Indonesian
        asked = [m.content for m in history if m.role == "user"]
        lang = override if override in LANGS else conversation_language(text, asked)
        if len(text) > self.settings.max_question_chars:
            limit = self.settings.max_question_chars
            raise self._question_error("too_long", lang, length=len(text), limit=limit)
        timings.mark("detect")
        # Contact details mean nothing to the knowledge base and a phone number must not be read
        # as a quantity: route and retrieve on the question without them.
        text = without_personal(text) or text
        with timings.stage("analyze"):  # the one query embedding, and the ask type
            vector = self.memo.embed(self._embed_query, self.glossary.expand(text, lang))
            ask = self.analyzer.analyze(text, vector, lang)
            previous = last(history, "assistant")
            if previous is not None and previous.cited_ids and not previous.cost_request:
                ask = self.analyzer.carried(ask, text, last(history, "user").content, lang)
            ask = self.coverage.reframe(ask, text)  # "Philippines or India?" wants a country
            focus = self.recap.focus(text, ask.form)  # "tl;dr on the benefits?": "the benefits"
            if not focus and ask.background and ask.type == "list":
                focus = self.recap.asked_part(text, self.glossary.expand, lang)
            if focus:
                vector = self.memo.embed(self._embed_query, self.glossary.expand(focus, lang))
        state = cost_state(self.cost, history)
        topic = topic_level(text)
        return Turn(text, lang, history, timings, ask, topic, vector, state, focus or "")

    def refuse_injection(self, turn: Turn) -> Answer | None:
        return self._fixed(turn, "injection") if is_injection(turn.text) else None

    def greet(self, turn: Turn) -> Answer | None:
        return self._fixed(turn, "greeting", refused=False) if is_greeting(turn.text) else None

    def both_asks(self, turn: Turn) -> Answer | None:
        """Two asks in one message, each answered, joined (bot/answer/parts.py)."""
        parts = self.two_asks.split(turn.text)
        said = self.prompts.text(turn.lang, "not_covered_sentinel")  # what it cannot answer
        return parts and both_answered(self._run, turn.text, turn.history, turn.lang, parts, said)

    def expand_topic(self, turn: Turn) -> Answer | None:
        """'Explain in more detail', 'more detail on the data part', 'what does the second one
        mean?': see bot/answer/expand.py."""
        if turn.topic == "foreign" and self.more_detail.topic(turn.text, turn.history) is None:
            return None

        def find(words: str) -> Hit | None:
            vector = self.memo.embed(self._embed_query, self.glossary.expand(words, turn.lang))
            return next(iter(self.retriever.search_vector(vector, 1, turn.lang, words)), None)

        with turn.timings.stage("compose"):
            got = self.expander.expand(turn.text, turn.lang, turn.vector, turn.history, find)
        if got is None:
            del turn.timings.ms["compose"]
            return None
        body, cited, kind = got
        body = self.framer.frame_point(turn.text, turn.ask, body, turn.lang)
        return self._answer(turn, body, "knowledge", cited, [], kind)

    def summarize(self, turn: Turn) -> Answer | None:
        """A summary of the article (the lead point of every section, each cited), or of the
        conversation so far ("sum all that up")."""
        chunks = self.retriever.index.chunks
        with turn.timings.stage("compose"):
            got = self.recap.summary(chunks, self.units, self.prompts, turn.text, turn.ask.type,
                                     turn.history, turn.lang)  # fmt: skip
        if got is None:
            del turn.timings.ms["compose"]
            return None
        return self._answer(turn, got[0], "knowledge", got[1], [], "summary")

    def answer_from_knowledge(self, turn: Turn) -> Answer:
        """Retrieve; refuse what the article does not cover; generate, or extract and cite."""
        text, lang = turn.text, turn.lang
        with turn.timings.stage("retrieve"):
            anchor = self.anchors.find(text, lang, turn.history)
            query, vector, hits = self._retrieve_follow_up(turn)
            # "Which of those is worst?" points back at what was just answered: never refused
            scope = (turn, query, hits, self.coverage, self.shaper.mentions)
            # ... unless it turns to another subject ("kalau outsource tim akuntansi?"); a support
            # question with a nearest entry is answered from it ("what numbers does the article
            # give?": the hourly band)
            entry = self.coverage.nearest(text)
            near = entry is not None and turn.topic == "support"
            refuse = (
                (anchor is None or turn.topic == "foreign") and not near and out_of_scope(*scope)
            )
            if entry is not None:  # "which CRM?": the breakdown
                hits = self._anchored(entry, lang, vector, hits)
            if anchor is not None and turn.topic != "foreign":
                hits = self._anchored(anchor.entry, lang, vector, hits)
        if refuse:
            return self._fixed(turn, "refusal")
        with turn.timings.stage("generate"):
            generated = self.llm.generate(text, lang, hits, turn.history)
        if generated is not None:
            body, calls, cited = generated
            return self._answer(turn, body, "knowledge", cited, calls)
        del turn.timings.ms["generate"]
        with turn.timings.stage("compose"):
            previous = topic_message(text, turn.history, self.passages, lang)
            topic = previous.cited_ids[0] if previous and previous.cited_ids else None
            led = previous.content.split("\n", 1)[0] if previous else ""  # its first line
            draft, opening = self.shaper.draft(
                turn.text, turn.ask, lang, query, vector, hits, topic, led
            )
        if opening is None and turn.ask.type == "yes_no":
            # "Does the $10-$50 band include setup fees?": a yes resting on one part of the
            # article about words only another part uses would be a guess.
            cited_ids = [h.id for h in draft.cited]
            back = topic if previous and not previous.cost_request else None  # not "that figure"
            if self.anchors.elsewhere(turn.text, lang, cited_ids, back):
                opening = self.prompts.text(lang, "not_covered_directly")
        selecting = previous is not None and self.anchors.selects(turn.text, lang)
        body = self.framer.frame(
            turn.text, turn.ask, draft, lang, opening, previous is not None, selecting
        )
        return self._answer(turn, body, "knowledge", draft.cited, [])

    # -- helpers ----------------------------------------------------------------------------
    def _answer(
        self, turn: Turn, body: str, route: str, cited: list[Hit], calls, ask_type: str = ""
    ) -> Answer:
        heading = self.prompts.text(turn.lang, "sources_heading")
        sources = [Source(h.id, h.title, h.lang, h.score, h.text) for h in cited]
        timings = turn.timings.done()
        kind = ask_type or turn.ask.type
        answer = Answer(
            turn.text, turn.lang, body, False, route, sources, calls, timings, heading, kind
        )
        estimate = answer.estimate
        return replace(answer, cost_state=dict(estimate.args) if estimate else turn.cost_state)

    def _fixed(self, turn: Turn, key: str, refused: bool = True) -> Answer:
        route = "greeting" if key == "greeting" else "refusal"
        body = self.prompts.text(turn.lang, key)
        if key == "greeting":  # the introduction is bilingual, the question's language first
            body += "\n\n" + self.prompts.text("en" if turn.lang == "id" else "id", key)
        heading = self.prompts.text(turn.lang, "sources_heading")
        timings = turn.timings.done()
        kind = "out_of_scope" if key == "refusal" else None
        return Answer(turn.text, turn.lang, body, refused, route, [], [], timings, heading, kind)

    def _question_error(self, code: str, lang: str, **values: object) -> QuestionError:
        return QuestionError(code, self.prompts.text(lang, code, **values), lang)


_assistants: dict[str, Assistant] = {}
_lock = threading.Lock()


def get_assistant(settings: Settings | None = None) -> Assistant:
    """Return the process-wide assistant for these settings, building it once."""
    from bot.knowledge.runtime import open_retriever

    settings = settings or Settings()
    key = settings.cache_key()
    with _lock:
        if key not in _assistants:
            prompts = load_prompts(settings.prompts_dir)
            _assistants[key] = Assistant(settings, open_retriever(settings), prompts)
        return _assistants[key]
