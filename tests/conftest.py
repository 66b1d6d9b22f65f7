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
    from bot.runtime import open_retriever

    return open_retriever(Settings(home=session_home))
