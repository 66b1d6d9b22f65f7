"""Question -> ranked hits, one per corpus entry, in the question's language."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

import numpy as np

from bot.knowledge.index import KnowledgeIndex
from bot.knowledge.intent import IntentModel
from bot.lang import detect_language


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    lang: str
    score: float  # cosine similarity of the question to the entry's best-matching chunk
    text: str
    kind: str
    matched_lang: str  # language of the chunk whose vector matched best
    confidence: float | None = None  # P(entry | question) from the intent model, if any

    def to_dict(self) -> dict:
        return asdict(self)


class Retriever:
    """Search both languages' chunks; an entry counts once and comes back in `lang`.

    With an intent model the entries are ordered by its probability (see bot.knowledge.intent), else by
    similarity; `score` is the similarity either way.
    """

    def __init__(self, index: KnowledgeIndex, intent: IntentModel | None = None) -> None:
        self.index = index
        self.intent = intent
        self._by_key = {(c.id, c.lang): c for c in index.chunks}

    def search_vector(self, vector: list[float], k: int, lang: str, text: str = "") -> list[Hit]:
        """Rank entries for an already-embedded question (`text` is the question itself)."""
        similarities = self.index.table.similarities(vector)
        best: dict[str, Hit] = {}
        for row in np.argsort(-similarities, kind="stable"):
            entry, matched = self.index.table.keys[row]
            if entry in best:
                continue
            chunk = self._by_key.get((entry, lang)) or self._by_key[(entry, matched)]
            best[entry] = Hit(
                id=entry,
                title=chunk.title,
                lang=chunk.lang,
                score=round(float(similarities[row]), 6),
                text=chunk.text,
                kind=chunk.kind,
                matched_lang=matched,
            )
        if self.intent is None:
            return sorted(best.values(), key=lambda h: (-h.score, h.id))[:k]
        probabilities = self.intent.probabilities(vector, text)
        ranked = [
            replace(h, confidence=round(probabilities.get(h.id, 0.0), 6)) for h in best.values()
        ]
        return sorted(ranked, key=lambda h: (-(h.confidence or 0.0), -h.score, h.id))[:k]

    def retrieve(self, question: str, k: int = 4, lang: str | None = None) -> list[Hit]:
        """Return the top-k entries for a question, text in the question's language."""
        lang = lang or detect_language(question)
        vector = self.index.embeddings.embed_query(question)
        return self.search_vector(vector, k, lang, question)
