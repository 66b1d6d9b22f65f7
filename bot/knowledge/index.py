"""Build and open the Chroma store of both languages' chunks."""

from __future__ import annotations

import hashlib
import time
import uuid
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from urllib.parse import urlparse

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.config import Settings
from bot.knowledge.corpus import Chunk, corpus_fingerprint, load_corpus

CHUNKING = "entry-v1"  # one chunk per section / FAQ entry per language
POINTER_COLLECTION = "bot-active-index"
PREFIX = "kb-"
BATCH = 8  # chunks embedded and written per step


class IndexMissingError(RuntimeError):
    """No complete index exists yet for the current embedder and corpus."""


class StoreUnavailableError(RuntimeError):
    """The Chroma store cannot be reached (e.g. the server is down)."""


@dataclass(frozen=True)
class BuildReport:
    collection: str
    added: int
    total: int
    rebuilt: bool
    seconds: float

    def message(self) -> str:
        if self.added == 0:
            return f"Index {self.collection} is up to date ({self.total} chunks); nothing added."
        verb = "Rebuilt" if self.rebuilt else "Built"
        return f"{verb} index {self.collection}: {self.added} chunks in {self.seconds:.1f}s."


@dataclass
class KnowledgeIndex:
    """An opened index: the LangChain store plus the corpus it was built from."""

    store: Any  # langchain_chroma.Chroma
    collection: str
    chunks: list[Chunk]
    embeddings: Embeddings
    embedder: str

    def count(self) -> int:
        return self.store._collection.count()

    @cached_property
    def table(self) -> VectorTable:
        """Every chunk's vector, read from the store once (open_index reads it right away)."""
        try:
            got = self.store._collection.get(include=["embeddings", "metadatas"])
        except Exception as exc:  # noqa: BLE001 - chromadb raises many kinds when unreachable
            raise StoreUnavailableError(f"Chroma store unavailable: {type(exc).__name__}") from exc
        keys = [(m["id"], m["lang"]) for m in got["metadatas"]]
        return VectorTable(keys, np.asarray(got["embeddings"], dtype=np.float32))


class VectorTable:
    """The chunks' unit vectors in one matrix: a question is ranked against all of them with one
    matrix product instead of a store query (a few dozen chunks; the store keeps them durable
    and shared between replicas, and answers go on from memory while it is unreachable)."""

    def __init__(self, keys: list[tuple[str, str]], vectors: np.ndarray) -> None:
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        self.keys = keys  # (entry id, language) per row
        self.vectors = vectors / np.where(norms == 0, 1.0, norms)

    def similarities(self, vector: list[float]) -> np.ndarray:
        """Cosine similarity of `vector` to every row (as Chroma's cosine space: 1 - distance)."""
        query = np.asarray(vector, dtype=np.float32)
        norm = float(np.linalg.norm(query))
        return self.vectors @ (query / (norm or 1.0))


def make_client(settings: Settings) -> Any:
    """Return a Chroma client: embedded persistent store, or a server when BOT_RETRIEVAL__CHROMA_URL is set."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.retrieval.chroma_url:
        url = urlparse(settings.retrieval.chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "127.0.0.1",
            port=url.port or 8000,
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


def collection_base(embedder: str, chunks: list[Chunk]) -> str:
    """Name the collection from what shapes the vectors: embedder, chunking, corpus."""
    key = f"{embedder}|{CHUNKING}|{corpus_fingerprint(chunks)}"
    return PREFIX + hashlib.sha256(key.encode()).hexdigest()[:16]


def _pointer(client: Any) -> Any:
    return client.get_or_create_collection(POINTER_COLLECTION, embedding_function=None)


def _active_name(client: Any, base: str) -> str | None:
    got = _pointer(client).get(ids=[base], include=["metadatas"])
    if not got["ids"]:
        return None
    return got["metadatas"][0]["collection"]


def _set_active(client: Any, base: str, name: str) -> None:
    _pointer(client).upsert(
        ids=[base], embeddings=[[0.0]], metadatas=[{"collection": name}], documents=[name]
    )


def _store(client: Any, name: str, embeddings: Embeddings) -> Any:
    from langchain_chroma import Chroma

    return Chroma(
        collection_name=name,
        embedding_function=embeddings,
        client=client,
        collection_metadata={"hnsw:space": "cosine"},
    )


def _complete(client: Any, name: str | None, expected: int) -> bool:
    if not name:
        return False
    try:
        return client.get_collection(name).count() == expected
    except Exception:  # noqa: BLE001 - a missing collection is reported as incomplete
        return False


def _drop_stale(client: Any, base: str, keep: str) -> None:
    """Delete this base's other generations: old ones and those a killed rebuild left."""
    for collection in client.list_collections():
        stale = getattr(collection, "name", collection)
        if stale.startswith(base) and stale != keep:
            client.delete_collection(stale)


def build_index(
    settings: Settings,
    embeddings: Embeddings,
    *,
    rebuild: bool = False,
    chunks: list[Chunk] | None = None,
) -> BuildReport:
    """Build the index if missing (or always with rebuild); switch to it only once complete."""
    started = time.perf_counter()
    chunks = chunks if chunks is not None else load_corpus(settings.corpus_dir)
    client = make_client(settings)
    base = collection_base(settings.retrieval.embeddings, chunks)
    active = _active_name(client, base)
    if not rebuild and _complete(client, active, len(chunks)):
        _drop_stale(client, base, keep=active)
        return BuildReport(active, 0, len(chunks), False, time.perf_counter() - started)
    name = f"{base}-{uuid.uuid4().hex[:8]}"
    store = _store(client, name, embeddings)
    for start in range(0, len(chunks), BATCH):
        batch = chunks[start : start + BATCH]
        store.add_texts(
            texts=[c.embed_text for c in batch],
            metadatas=[c.metadata() for c in batch],
            ids=[f"{c.lang}:{c.id}" for c in batch],
        )
    if store._collection.count() != len(chunks):
        raise RuntimeError(f"index {name} is incomplete; the previous index stays active")
    _set_active(client, base, name)
    _drop_stale(client, base, keep=name)
    return BuildReport(
        name, len(chunks), len(chunks), active is not None, time.perf_counter() - started
    )


def open_index(settings: Settings, embeddings: Embeddings) -> KnowledgeIndex:
    """Open the active, complete collection for the current embedder and corpus."""
    chunks = load_corpus(settings.corpus_dir)
    try:
        client = make_client(settings)
        active = _active_name(client, collection_base(settings.retrieval.embeddings, chunks))
        complete = _complete(client, active, len(chunks))
    except Exception as exc:  # noqa: BLE001 - chroma raises many kinds when unreachable
        raise StoreUnavailableError(f"Chroma store unavailable: {exc}") from exc
    if not complete:
        raise IndexMissingError("No index for this embedder and corpus yet: run `bot index`.")
    index = KnowledgeIndex(
        store=_store(client, active, embeddings),
        collection=active,
        chunks=chunks,
        embeddings=embeddings,
        embedder=settings.retrieval.embeddings,
    )
    if len(index.table.keys) != len(chunks):
        raise IndexMissingError("The index changed while it was read: run `bot index`.")
    return index
