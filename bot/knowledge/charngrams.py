"""Character n-gram TF-IDF features for short questions, computed with numpy alone.

The same features as scikit-learn's `TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAMS,
sublinear_tf=True)` (tests/test_intent.py checks they agree), so a model is fitted with
scikit-learn once while answering a question never imports it (that import takes ~2 s).
Character n-grams inside word boundaries still match when a word is misspelt or glued to the
next one ("perjam", "tantangn"), where a subword embedding may lose the word.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

NGRAMS = (3, 5)
_WHITE_SPACES = re.compile(r"\s\s+")


def char_wb_ngrams(text: str, ngrams: tuple[int, int] = NGRAMS) -> list[str]:
    """N-grams of each whitespace-separated word padded with one space on each side."""
    low, high = ngrams
    out: list[str] = []
    for word in _WHITE_SPACES.sub(" ", text.lower()).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            out.extend(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
            if len(padded) <= n:  # a short word gives one n-gram, whatever n is
                break
    return out


@dataclass(frozen=True)
class CharFeatures:
    vocabulary: dict[str, int]
    idf: np.ndarray

    def transform(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Column indices and values of the L2-normalised TF-IDF row of `text`."""
        counts = Counter(g for g in char_wb_ngrams(text) if g in self.vocabulary)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        columns = np.fromiter((self.vocabulary[g] for g in counts), dtype=np.int64)
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64))
        values = tf * self.idf[columns]
        values /= np.linalg.norm(values)
        return columns, values.astype(np.float32)

    def logits(self, text: str, weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
        """weights (classes x vocabulary) times the text's feature row, plus bias."""
        columns, values = self.transform(text)
        return weights[:, columns] @ values + bias


def fit_vectorizer(texts: list[str]):  # -> sklearn TfidfVectorizer, fitted
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAMS, sublinear_tf=True)
    vectorizer.fit(texts)
    return vectorizer
