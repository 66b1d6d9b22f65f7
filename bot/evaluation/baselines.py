"""Baseline retrievers for the evaluation: BM25 over the corpus, and BM25 fused with e5."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

from bot.evaluation.metrics import STOPWORDS, WORD


def tokens(text: str) -> list[str]:
    return [w for w in (t.lower() for t in WORD.findall(text)) if w not in STOPWORDS]


class BM25:
    """Okapi BM25 over (entry id, text) documents; an entry scores as its best document."""

    def __init__(self, docs: Sequence[tuple[str, str]], k1: float = 1.5, b: float = 0.75) -> None:
        self.ids = [d[0] for d in docs]
        self.docs = [Counter(tokens(d[1])) for d in docs]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avg = sum(self.lengths) / len(self.docs)
        df = Counter(t for d in self.docs for t in d)
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.k1, self.b = k1, b

    def scores(self, query: str) -> dict[str, float]:
        """Best BM25 score per entry id."""
        terms = tokens(query)
        best: dict[str, float] = {}
        for entry, doc, length in zip(self.ids, self.docs, self.lengths, strict=True):
            norm = self.k1 * (1 - self.b + self.b * length / self.avg)
            score = sum(
                self.idf.get(t, 0.0) * doc[t] * (self.k1 + 1) / (doc[t] + norm)
                for t in terms
                if t in doc
            )
            best[entry] = max(best.get(entry, 0.0), score)
        return best


def rank(scores: Mapping[str, float]) -> list[str]:
    """Ids by descending score, ties by id."""
    return sorted(scores, key=lambda i: (-scores[i], i))


def fuse(dense: Mapping[str, float], sparse: Mapping[str, float], alpha: float = 0.5) -> list[str]:
    """Rank by alpha * min-max(dense) + (1 - alpha) * min-max(sparse)."""

    def scaled(scores: Mapping[str, float]) -> dict[str, float]:
        if not scores:
            return {}
        low, high = min(scores.values()), max(scores.values())
        return {k: (v - low) / (high - low) if high > low else 0.0 for k, v in scores.items()}

    d, s = scaled(dense), scaled(sparse)
    return rank({k: alpha * d.get(k, 0.0) + (1 - alpha) * s.get(k, 0.0) for k in set(d) | set(s)})
