"""How a turn finds its passages: a follow-up read with the question before it (unless its own
words stand alone), in follow-up order, and the entry a follow-up points back to first. A mixin
of bot.answer.assistant.Assistant, which holds the retriever, glossary, memo and passages."""

from __future__ import annotations

from typing import Any

from bot.answer.compose import entry_hit
from bot.answer.followup import contextual_query, follow_up_order, last
from bot.answer.route import names_subject
from bot.answer.scope import continues, out_of_scope, stands_alone
from bot.knowledge.retrieve import Hit

UNSTATED = frozenset({"duration"})  # the article gives no timeline: the same subject is related
# An answer citing this many entries went over the whole article (a summary): a question after it
# that names a subject ("what are the main benefits?") asks about that subject, not about the
# summary, and the entries it cited are no topic to move away from.
SURVEY = 5


class TurnRetrieval:
    """The retrieval steps of a turn (mixed into the Assistant)."""

    retriever: Any
    glossary: Any
    memo: Any
    settings: Any
    passages: dict
    units: Any
    coverage: Any

    def _retrieve_follow_up(self, turn: Any) -> tuple[str, list[float], list[Hit]]:
        """The query, its vector and hits: a follow-up is read with the previous question
        unless its own words stand alone."""
        text = turn.text
        query = contextual_query(text, turn.history)
        vector, hits = self._retrieve(turn, text)
        previous = last(turn.history, "assistant")
        surveyed = previous is not None and len(set(previous.cited_ids)) >= SURVEY
        if surveyed and names_subject(text):
            query = text
        if query != text and not stands_alone(hits, turn.topic):
            vector, hits = self._retrieve(turn, query)
        else:
            query = text
        if out_of_scope(turn, query, hits, self.coverage) and continues(turn, query):
            # Mid-conversation, a question that names no other subject is read with the
            # previous one before it is refused ("how long until we'd see the payback?").
            query = f"{last(turn.history, 'user').content} {text}"
            vector, hits = self._retrieve(turn, query)
        return query, vector, hits

    def _anchored(self, entry: str, lang: str, vector, hits: list[Hit]) -> list[Hit]:
        """The entry a follow-up points back to leads the hits."""
        mine = [h for h in hits if h.id == entry] or [
            entry_hit(self.units, self.passages, entry, lang, vector)
        ]
        return [*mine, *(h for h in hits if h.id != entry)]

    def _retrieve(self, turn: Any, query: str) -> tuple[list[float], list[Hit]]:
        """The query's vector and hits; a follow-up's hits in follow-up order."""
        k, lang = self.settings.retrieval.k, turn.lang
        read = (turn.focus or query) if query == turn.text else query  # a summary's part
        spelled = self.glossary.expand(read, lang)
        if query == turn.text:
            return turn.vector, self.retriever.search_vector(turn.vector, k, lang, spelled)
        vector = self.memo.embed(self._embed_query, spelled)
        hits = self.retriever.search_vector(vector, len(self.passages) // 2, lang, spelled)
        same = turn.ask.type in UNSTATED  # "and how long till we break even?": the same subject
        ordered = follow_up_order(turn.text, hits, turn.history, self.passages, same)[:k]
        best = max(hits, key=lambda h: h.score)  # the floor reads it, wherever it now ranks
        return vector, ordered if best in ordered else [*ordered, best]
