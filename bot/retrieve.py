"""Question -> ranked hits, one per corpus entry, in the question's language."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from bot.index import KnowledgeIndex, StoreUnavailableError
from bot.lang import detect_language


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    lang: str
    score: float
    text: str
    kind: str
    matched_lang: str  # language of the chunk whose vector matched best

    def to_dict(self) -> dict:
        return asdict(self)


class Retriever:
    """Search both languages' chunks; an entry counts once and comes back in `lang`."""

    def __init__(self, index: KnowledgeIndex) -> None:
        self.index = index
        self._by_key = {(c.id, c.lang): c for c in index.chunks}

    def search_vector(self, vector: list[float], k: int, lang: str) -> list[Hit]:
        """Rank entries for an already-embedded question."""
        try:
            pairs = self.index.store.similarity_search_by_vector_with_relevance_scores(
                vector, k=min(2 * k, len(self._by_key))
            )
        except Exception as exc:  # noqa: BLE001 - chromadb raises many kinds when unreachable
            raise StoreUnavailableError(f"Chroma store unavailable: {type(exc).__name__}") from exc
        best: dict[str, Hit] = {}
        for doc, distance in pairs:
            meta = doc.metadata
            entry = meta["id"]
            if entry in best:
                continue
            chunk = self._by_key.get((entry, lang)) or self._by_key[(entry, meta["lang"])]
            best[entry] = Hit(
                id=entry,
                title=chunk.title,
                lang=chunk.lang,
                score=round(1.0 - float(distance), 6),
                text=chunk.text,
                kind=chunk.kind,
                matched_lang=meta["lang"],
            )
        return sorted(best.values(), key=lambda h: (-h.score, h.id))[:k]

    def retrieve(self, question: str, k: int = 4, lang: str | None = None) -> list[Hit]:
        """Return the top-k entries for a question, text in the question's language."""
        lang = lang or detect_language(question)
        vector = self.index.embeddings.embed_query(question)
        return self.search_vector(vector, k, lang)
