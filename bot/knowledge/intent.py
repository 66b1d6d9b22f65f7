"""Which corpus entry a question asks about: a linear classifier over question embeddings.

Passage similarity alone ranks the general entries (overview, introduction, conclusion) first
for many specific questions: they mention every topic. `corpus/questions.yaml` holds example
questions users ask, per entry and language, written independently of eval/ and tests/; two
logistic regressions over them (plus each entry's own title and text), one on query embeddings
and one on character n-grams, learn what tells the entries apart. The retriever ranks entries
by their joint probability and keeps passage similarity for deciding whether the corpus covers
a question at all.

The weights are trained once per embedder and corpus and cached in BOT_HOME; answering a
question then costs one small matrix product.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml
from langchain_core.embeddings import Embeddings

from bot.knowledge.cache import Check, expect, load_arrays, save_arrays
from bot.knowledge.charngrams import NGRAMS, CharFeatures, fit_vectorizer
from bot.knowledge.corpus import Chunk, CorpusError
from bot.lang import LANGS
from bot.yamlio import read_yaml

QUESTIONS_FILE = "questions.yaml"
MIN_QUESTIONS = 8  # per entry and language
# Inverse regularisation strength of both classifiers, picked by 5-fold cross-validation on the
# example questions alone (dense accuracy 0.68 at C=3, 0.84 at 10, 0.86 at 30 and at 100).
C = 30.0
VERSION = "intent-v2"  # bump when the training recipe changes


def load_questions(corpus_dir: Path, chunks: list[Chunk]) -> dict[str, dict[str, list[str]]]:
    """Example questions per entry id and language, validated against the corpus entries."""
    path = corpus_dir / QUESTIONS_FILE
    try:
        data = read_yaml(path)
    except (OSError, yaml.YAMLError) as exc:
        raise CorpusError(path, None, f"cannot read: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise CorpusError(path, None, "expected a mapping with an 'entries' list")
    known = {c.id for c in chunks}
    out: dict[str, dict[str, list[str]]] = {}
    for raw in data["entries"]:
        entry = raw.get("id") if isinstance(raw, dict) else None
        if entry not in known:
            raise CorpusError(path, str(entry), "id is not an entry of the corpus")
        if entry in out:
            raise CorpusError(path, entry, "listed twice")
        out[entry] = {}
        for lang in LANGS:
            questions = raw.get(f"{lang}_questions")
            if not isinstance(questions, list) or not all(
                isinstance(q, str) and q.strip() for q in questions
            ):
                raise CorpusError(path, entry, f"'{lang}_questions' must be a list of questions")
            if len(questions) < MIN_QUESTIONS:
                raise CorpusError(
                    path,
                    entry,
                    f"needs at least {MIN_QUESTIONS} {lang} questions, has {len(questions)}",
                )
            out[entry][lang] = [q.strip() for q in questions]
    missing = sorted(known - set(out))
    if missing:
        raise CorpusError(path, missing[0], "entry has no example questions")
    return out


def training_set(
    chunks: list[Chunk], questions: dict[str, dict[str, list[str]]]
) -> tuple[list[str], list[str]]:
    """Texts and their entry ids: every example question, each chunk's title and its text."""
    texts: list[str] = []
    labels: list[str] = []
    for entry in sorted(questions):
        for lang in LANGS:
            texts += questions[entry][lang]
            labels += [entry] * len(questions[entry][lang])
    for chunk in chunks:
        texts += [chunk.title, chunk.embed_text]
        labels += [chunk.id, chunk.id]
    return texts, labels


@dataclass(frozen=True)
class IntentModel:
    """Two logistic regressions over the same training texts, multiplied together: one on the
    question's embedding (meaning, across languages), one on its character n-grams (wording,
    robust to typos)."""

    classes: tuple[str, ...]
    dense_weights: np.ndarray  # (classes, dim)
    dense_bias: np.ndarray  # (classes,)
    chars: CharFeatures
    char_weights: np.ndarray  # (classes, vocabulary)
    char_bias: np.ndarray
    fresh: bool = field(default=False, compare=False)  # trained now, not read from the cache

    def probabilities(self, vector: list[float] | np.ndarray, text: str) -> dict[str, float]:
        """P(entry | question) for every entry the model knows."""
        logits = self.dense_weights @ np.asarray(vector, dtype=np.float32) + self.dense_bias
        logits = logits + self.chars.logits(text, self.char_weights, self.char_bias)
        exp = np.exp(logits - logits.max())
        return dict(zip(self.classes, (exp / exp.sum()).tolist(), strict=True))

    def save(self, path: Path) -> None:
        vocabulary = sorted(self.chars.vocabulary, key=self.chars.vocabulary.__getitem__)
        arrays = {
            "classes": np.asarray(self.classes),
            "dense_weights": self.dense_weights,
            "dense_bias": self.dense_bias,
            "vocabulary": np.asarray(vocabulary),
            "idf": self.chars.idf,
            "char_weights": self.char_weights,
            "char_bias": self.char_bias,
        }
        save_arrays(path, arrays)

    @classmethod
    def load(cls, path: Path, classes: tuple[str, ...]) -> IntentModel | None:
        """The model cached at `path` for these classes, or None when it is missing or broken."""
        data = load_arrays(path, _check(classes))
        if data is None:
            return None
        vocabulary = {str(g): i for i, g in enumerate(data["vocabulary"].tolist())}
        return cls(
            classes,
            data["dense_weights"],
            data["dense_bias"],
            CharFeatures(vocabulary, data["idf"]),
            data["char_weights"],
            data["char_bias"],
        )


def _check(classes: tuple[str, ...]) -> Check:
    """Shapes and dtypes of a cached model of these classes."""
    n = len(classes)
    by_class = expect(
        classes=((n,), "U"),
        dense_weights=((n, None), "f"),
        dense_bias=((n,), "f"),
        char_bias=((n,), "f"),
        vocabulary=((None,), "U"),
    )

    def check(arrays: Mapping[str, np.ndarray]) -> str | None:
        problem = by_class(arrays)
        if problem:
            return problem
        size = len(arrays["vocabulary"])
        problem = expect(idf=((size,), "f"), char_weights=((n, size), "f"))(arrays)
        if problem:
            return problem
        if tuple(str(c) for c in arrays["classes"].tolist()) != classes:
            return "a model of other entries"
        return None

    return check


def train(embeddings: Embeddings, texts: list[str], labels: list[str]) -> IntentModel:
    """Fit both classifiers: on query-mode embeddings and on character n-grams."""
    from sklearn.linear_model import LogisticRegression

    batch = getattr(embeddings, "embed_queries", None)
    rows = batch(texts) if batch else [embeddings.embed_query(t) for t in texts]
    dense = LogisticRegression(C=C, max_iter=5000).fit(np.asarray(rows, dtype=np.float32), labels)
    vectorizer = fit_vectorizer(texts)
    char = LogisticRegression(C=C, max_iter=5000).fit(vectorizer.transform(texts), labels)
    if list(char.classes_) != list(dense.classes_):
        raise RuntimeError("intent classifiers disagree on the classes")
    vocabulary = {str(g): int(i) for g, i in vectorizer.vocabulary_.items()}
    return IntentModel(
        tuple(str(c) for c in dense.classes_),
        dense.coef_.astype(np.float32),
        dense.intercept_.astype(np.float32),
        CharFeatures(vocabulary, vectorizer.idf_.astype(np.float64)),
        char.coef_.astype(np.float32),
        char.intercept_.astype(np.float32),
        fresh=True,
    )


def cache_path(
    cache_dir: Path,
    embedder: str,
    texts: list[str],
    labels: list[str],
    prefix: str = "intent",
    version: str = VERSION,
) -> Path:
    """Where a model of these training texts and this embedder is cached."""
    payload = json.dumps([version, C, NGRAMS, embedder, texts, labels], ensure_ascii=False)
    return cache_dir / f"{prefix}-{hashlib.sha256(payload.encode()).hexdigest()[:16]}.npz"


def load_or_train(
    corpus_dir: Path, chunks: list[Chunk], embeddings: Embeddings, embedder: str, cache_dir: Path
) -> IntentModel:
    """The cached model for this corpus and embedder, trained and saved when missing."""
    texts, labels = training_set(chunks, load_questions(corpus_dir, chunks))
    path = cache_path(cache_dir, embedder, texts, labels)
    cached = IntentModel.load(path, tuple(sorted(set(labels))))
    if cached is not None:
        return cached
    model = train(embeddings, texts, labels)
    model.save(path)
    return model
