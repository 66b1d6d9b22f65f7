"""Server mode: build and query the index through a real `chroma run` on loopback."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from servers import free_port, responds_ok, stop_process

from bot.config import Settings
from bot.knowledge.index import StoreUnavailableError, build_index, open_index
from bot.knowledge.retrieve import Retriever

STARTUP_S = 30.0


def heartbeat(url: str) -> bool:
    return responds_ok(f"{url}/api/v2/heartbeat", timeout=1)


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    """A `chroma run` server on a free loopback port, stopped when the module ends."""
    chroma = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
    if chroma is None:
        pytest.fail("the `chroma` CLI is not installed next to this interpreter")
    data = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (data / "server.log").open("wb")
    server = subprocess.Popen(
        [chroma, "run", "--path", str(data / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + STARTUP_S
        while not heartbeat(url):
            if server.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail(f"chroma server did not answer:\n{(data / 'server.log').read_text()}")
            time.sleep(0.2)
        yield url
    finally:
        stop_process(server)
        log.close()


@pytest.mark.slow
def test_build_and_retrieve_through_server(chroma_url, tmp_path, monkeypatch):
    from bot.knowledge.embeddings import make_embeddings

    monkeypatch.setenv("BOT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("BOT_RETRIEVAL__CHROMA_URL", chroma_url)
    settings = Settings()
    assert settings.retrieval.chroma_url == chroma_url
    embeddings = make_embeddings(settings.retrieval.embeddings)

    first = build_index(settings, embeddings)
    assert (first.added, first.total) == (28, 28)
    hits = Retriever(open_index(settings, embeddings)).retrieve(
        "What is the hourly rate for outsourced customer support?"
    )
    assert (hits[0].id, hits[0].lang) == ("faq-hourly-rate", "en")
    assert "$10" in hits[0].text and "$50" in hits[0].text

    second = build_index(settings, embeddings)
    assert (second.collection, second.added, second.total) == (first.collection, 0, 28)
    assert second.message().endswith("is up to date (28 chunks); nothing added.")
    assert not (tmp_path / "home" / "chroma").exists()  # nothing written to the embedded store


def test_unreachable_server_is_reported(tmp_path):
    from langchain_core.embeddings import FakeEmbeddings

    settings = Settings(
        home=tmp_path / "home", retrieval={"chroma_url": f"http://127.0.0.1:{free_port()}"}
    )
    with pytest.raises(StoreUnavailableError, match="Chroma store unavailable"):
        open_index(settings, FakeEmbeddings(size=384))
