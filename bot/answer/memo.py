"""Answers and question vectors kept in memory, for questions asked again.

Example chips, Slack FAQs and API clients ask the same few questions over and over: the second
time, an identical request (same question, language override, no conversation, same index) is
answered from memory, and a question embedded before is not embedded again. The index's name
is part of every answer's key, so a rebuilt index never serves an answer of the old one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from bot.answer.normalise import normalise
from bot.config import Settings
from bot.knowledge.lru import LRUCache
from bot.lang import LANGS
from bot.types import Answer


class Memo:
    """An LRU of whole answers and one of query embeddings, sized by settings.cache."""

    def __init__(self, settings: Settings, index_key: Callable[[], str]) -> None:
        self.vectors: LRUCache[list[float]] = LRUCache(settings.cache.vectors)
        # Only the extractive generator answers the same question the same way every time.
        extractive = settings.generator == "extractive"
        self.answers: LRUCache[Answer] = LRUCache(settings.cache.answers if extractive else 0)
        self.index_key = index_key

    def embed(self, embed_query: Callable[[str], list[float]], text: str) -> list[float]:
        """The query embedding of `text`, computed once while it stays in the cache."""
        vector = self.vectors.get(text)
        if vector is None:
            vector = embed_query(text)
            self.vectors.put(text, vector)
        return vector

    def key(self, question: Any, history: Sequence | None, lang: str | None) -> tuple | None:
        """What identifies a repeatable request, or None for one that is not cached (it has a
        conversation, or the question is not text yet)."""
        if history or self.answers.size == 0 or not isinstance(question, str):
            return None
        return (normalise(question), lang if lang in LANGS else None, self.index_key())

    def answer(self, key: tuple | None, make: Callable[[], Answer]) -> Answer:
        """The answer kept under `key` (its timings say it came from memory), or make()'s."""
        started = time.perf_counter()
        if key is not None and (kept := self.answers.get(key)) is not None:
            ms = round((time.perf_counter() - started) * 1000, 2)
            return replace(kept, timings_ms={"cache": ms, "total": ms})
        answer = make()
        if key is not None:
            self.answers.put(key, answer)
        return answer

    def stats(self) -> dict[str, dict]:
        """Entries, hits, misses and hit rate of both caches."""
        return {"answers": self.answers.stats(), "vectors": self.vectors.stats()}
