"""Shared fixtures: an isolated data dir per test, one real index per session, and a fake
embedder (BOT_RETRIEVAL__EMBEDDINGS=hash) for fast tests of the chain's plumbing."""

from __future__ import annotations

import os
import re
import zlib

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from bot.knowledge.embeddings import REGISTRY

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Point BOT_HOME at the test's own folder so no test touches another's data."""
    home = tmp_path / "bot-home"
    monkeypatch.setenv("BOT_HOME", str(home))
    for name in ("BOT_RETRIEVAL__CHROMA_URL", "BOT_RETRIEVAL__EMBEDDINGS", "BOT_GENERATOR"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture(scope="session")
def session_home(tmp_path_factory):
    return tmp_path_factory.mktemp("session-home")


@pytest.fixture(scope="session")
def assistant(session_home):
    """The default assistant over the session's index (test modules may define their own)."""
    from bot.answer.assistant import get_assistant
    from bot.config import Settings

    return get_assistant(Settings(home=session_home))


@pytest.fixture(scope="session")
def retriever(session_home):
    """A warm retriever over a real index built once with the default embedder."""
    from bot.config import Settings
    from bot.knowledge.runtime import open_retriever

    return open_retriever(Settings(home=session_home))


# Tests that need the embedding model, a server or a browser; `make test-fast` leaves them out.
HEAVY_FIXTURES = frozenset(
    "session_home retriever assistant live_server embeddings settings chroma_url outage load "
    "browser page killed_rebuilds chain_stub llm_assistant extractive postgres postgres_url".split()
)
HEAVY_MODULES = frozenset({"test_embeddings", "test_index_server", "test_ui_browser", "test_api"})
HEAVY_TESTS = frozenset({"test_fast_evaluation_passes_the_gate"})


def pytest_collection_modifyitems(items):
    """Mark every test that loads the model or starts a server 'heavy' (see make test-fast)."""
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        heavy = module in HEAVY_MODULES or item.originalname in HEAVY_TESTS
        if heavy or HEAVY_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.heavy)


class HashEmbeddings(Embeddings):
    """Words and character trigrams hashed into 256 signed buckets, unit length: instant and
    deterministic, lexical only. For plumbing (routing, state, fallbacks), never for quality."""

    DIM = 256

    def _vector(self, text: str) -> list[float]:
        vector = np.zeros(self.DIM, dtype=np.float64)
        words = re.findall(r"\w+", text.lower())
        grams = [w[i : i + 3] for w in words for i in range(max(1, len(w) - 2))]
        for feature in [*words, *grams]:
            code = zlib.crc32(feature.encode())
            vector[code % self.DIM] += 1.0 if code & 1 << 31 else -1.0
        norm = np.linalg.norm(vector)
        return (vector / norm if norm else vector).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        return self.embed_documents(texts)


REGISTRY["hash"] = lambda argument, workers: HashEmbeddings()


@pytest.fixture(scope="session")
def live_server(session_home):
    """The session's one running `bot serve`, Slack pointed at a mock Web API."""
    from servers import REPO, start_slack_server

    server = start_slack_server(session_home, REPO / "test-output" / "server")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fake_home(tmp_path_factory):
    """A data dir whose index and intent model are built over the fake embedder."""
    return tmp_path_factory.mktemp("fake-home")


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL cluster on loopback (tests/postgres.py), stopped at the end."""
    from postgres import binaries, start_cluster

    if binaries() is None:
        pytest.skip(
            "PostgreSQL is not installed: no initdb/pg_ctl under /usr/lib/postgresql/*/bin "
            "(apt-get install postgresql)"
        )
    cluster = start_cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def postgres_url(postgres):
    """The URL of a new, empty database in the session's cluster."""
    return postgres.new_database()
