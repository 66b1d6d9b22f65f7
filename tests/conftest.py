"""Shared fixtures: an isolated data dir per test and one real index per session."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Point BOT_HOME at the test's own folder so no test touches another's data."""
    home = tmp_path / "bot-home"
    monkeypatch.setenv("BOT_HOME", str(home))
    for name in ("BOT_CHROMA_URL", "BOT_EMBEDDINGS", "BOT_GENERATOR"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture(scope="session")
def session_home(tmp_path_factory):
    return tmp_path_factory.mktemp("session-home")


@pytest.fixture(scope="session")
def retriever(session_home):
    """A warm retriever over a real index built once with the default embedder."""
    from bot.config import Settings
    from bot.knowledge.runtime import open_retriever

    return open_retriever(Settings(home=session_home))


# Tests that need the embedding model, a server or a browser; `make test-fast` leaves them out.
HEAVY_FIXTURES = frozenset(
    "retriever assistant live_server embeddings settings chroma_url outage load browser page "
    "killed_rebuilds chain_stub llm_assistant extractive".split()
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
