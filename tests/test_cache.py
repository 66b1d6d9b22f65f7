"""Caches under BOT_HOME: a broken file (truncated, emptied, zeroed, wrong shape) is logged in one
line and rebuilt, never served and never fatal."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest
from conftest import HashEmbeddings

from bot.answer.compose import UnitIndex
from bot.config import REPO_ROOT
from bot.knowledge.corpus import load_corpus

CHUNKS = load_corpus(REPO_ROOT / "corpus")
BROKEN = ("truncated", "empty", "zeroed")


def corrupt(path: Path, how: str) -> None:
    raw = path.read_bytes()
    if how == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "zeroed":  # the header kept, the numbers zeroed (a disk that lost its blocks)
        path.write_bytes(raw[:160] + bytes(len(raw) - 160 - 64) + raw[-64:])


class Counting(HashEmbeddings):
    def __init__(self) -> None:
        self.calls = 0

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        return super().embed_documents(texts)


def only(home: Path, pattern: str) -> Path:
    (path,) = home.glob(pattern)
    return path


@pytest.mark.parametrize("how", BROKEN)
def test_a_broken_unit_vector_cache_is_rebuilt(tmp_path, caplog, how):
    embeddings = Counting()
    first = UnitIndex(CHUNKS, embeddings, tmp_path, "hash")
    corrupt(only(tmp_path, "units-*"), how)
    with caplog.at_level(logging.WARNING):
        again = UnitIndex(CHUNKS, embeddings, tmp_path, "hash")
    assert embeddings.calls == 2  # rebuilt, not served
    np.testing.assert_array_equal(again.vectors, first.vectors)
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) == 1 and "rebuilding" in lines[0] and "units-" in lines[0]
    UnitIndex(CHUNKS, embeddings, tmp_path, "hash")
    assert embeddings.calls == 2  # the rebuilt cache is good again


@pytest.mark.parametrize(
    "vectors",
    [
        np.zeros((3, 256), dtype=np.float32),  # another corpus's row count
        np.zeros((len(CHUNKS) * 50,), dtype=np.float32),  # flat
        np.array([["a"] * 256] * 3),  # not numbers
    ],
)
def test_a_checksummed_cache_of_the_wrong_shape_is_rebuilt(tmp_path, caplog, vectors):
    from bot.knowledge.cache import save_arrays

    embeddings = Counting()
    first = UnitIndex(CHUNKS, embeddings, tmp_path, "hash")
    save_arrays(only(tmp_path, "units-*"), {"vectors": vectors})
    with caplog.at_level(logging.WARNING):
        again = UnitIndex(CHUNKS, embeddings, tmp_path, "hash")
    assert embeddings.calls == 2
    np.testing.assert_array_equal(again.vectors, first.vectors)
    assert "rebuilding" in caplog.text


@pytest.mark.parametrize("how", BROKEN)
def test_a_broken_intent_model_is_retrained(tmp_path, caplog, how):
    from test_intent import CountingEmbeddings

    from bot.knowledge import intent

    corpus, home = REPO_ROOT / "corpus", tmp_path / "home"
    embeddings = CountingEmbeddings()
    first = intent.load_or_train(corpus, CHUNKS, embeddings, "fake", home)
    trained = embeddings.embedded
    corrupt(only(home, "intent-*.npz"), how)
    with caplog.at_level(logging.WARNING):
        again = intent.load_or_train(corpus, CHUNKS, embeddings, "fake", home)
    assert again.fresh and embeddings.embedded == 2 * trained  # retrained
    vector = embeddings.embed_query("biaya per jam")
    assert again.probabilities(vector, "x") == first.probabilities(vector, "x")
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(lines) == 1 and "rebuilding" in lines[0]
    assert not intent.load_or_train(corpus, CHUNKS, embeddings, "fake", home).fresh
