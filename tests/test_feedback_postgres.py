"""The shared store on PostgreSQL (BOT_FEEDBACK_URL), a real throwaway cluster on loopback: the
feedback behaviours held on SQLite hold here too, and Slack claims are taken once across
processes."""

from __future__ import annotations

import csv
import io
import multiprocessing
import threading

from bot.surfaces.feedback import FeedbackStore
from bot.surfaces.slack_state import SlackClaims, ThreadMemory
from bot.surfaces.store import database
from bot.types import Answer


def test_ratings_are_masked_and_one_per_session_and_message(postgres_url):
    store = FeedbackStore(postgres_url, secrets=["local-signing-secret"])
    question = "NIK 3201014501900001, WA 6281234567890, key local-signing-secret, budi@contoh.co.id"
    first = store.add(question, "Antara $10 dan $50", True, session="s1", message_id="m1")
    again = store.add(question, "Antara $10 dan $50", False, session="s1", message_id="m1")
    loose = [store.add("q", "a", True), store.add("q", "a", True)]  # no session: a row each
    assert again == first and len({first, *loose}) == 3
    rows = list(FeedbackStore(postgres_url).rows())
    assert [(r["id"], r["rating"]) for r in rows] == [(first, -1), (loose[0], 1), (loose[1], 1)]
    assert rows[0]["question"] == "NIK [nik], WA [phone], key [REDACTED], [email]"
    assert rows[0]["created_at"].endswith("+00:00")


def test_export_neutralises_formulas(postgres_url):
    store = FeedbackStore(postgres_url)
    store.add('=HYPERLINK("http://x","y")', "-2+3", False, [{"id": "faq"}], "en")
    out = io.StringIO()
    assert store.export_csv(out) == 1
    row = next(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert (row["question"], row["answer"], row["rating"]) == (
        '\'=HYPERLINK("http://x","y")',
        "'-2+3",
        "down",
    )


def _write_from_process(url: str, worker: int) -> None:
    store = FeedbackStore(url)
    for n in range(25):
        store.add(f"p{worker}-{n}", "a", n % 2 == 0, session=f"w{worker}", message_id=str(n))


def test_concurrent_writers_in_threads_and_processes_lose_nothing(postgres_url):
    context = multiprocessing.get_context("spawn")
    processes = [
        context.Process(target=_write_from_process, args=(postgres_url, w)) for w in range(3)
    ]
    threads = [
        threading.Thread(target=_write_from_process, args=(postgres_url, w)) for w in range(3, 9)
    ]
    for worker in [*processes, *threads]:
        worker.start()
    for thread in threads:
        thread.join()
    for process in processes:
        process.join(timeout=120)
        assert process.exitcode == 0
    questions = [r["question"] for r in FeedbackStore(postgres_url).rows()]
    assert sorted(questions) == sorted(f"p{w}-{n}" for w in range(9) for n in range(25))


def _claim_from_process(url: str, keys: list[str], won: multiprocessing.Queue) -> None:
    claims = SlackClaims(database(url))
    won.put([key for key in keys if claims.claim(key, lease_s=60)])


def test_each_slack_delivery_is_claimed_by_one_process_only(postgres_url):
    keys = [f"event:Ev{n}" for n in range(60)]
    context = multiprocessing.get_context("spawn")
    won = context.Queue()
    racers = [
        context.Process(target=_claim_from_process, args=(postgres_url, keys, won))
        for _ in range(3)
    ]
    for racer in racers:
        racer.start()
    taken = [key for _ in racers for key in won.get(timeout=120)]
    for racer in racers:
        racer.join(timeout=60)
    assert sorted(taken) == sorted(keys)  # every key once: none twice, none lost


def test_a_thread_written_by_one_replica_is_read_by_another(postgres_url):
    answer = Answer("q", "en", "10 agents cost ...", False, "cost", cost_state={"agents": 10})
    ThreadMemory(database(postgres_url)).remember("C1:1.0", "10 agents?", answer)
    import subprocess
    import sys

    script = (
        "import sys; from bot.surfaces.slack_state import ThreadMemory; "
        "from bot.surfaces.store import database; "
        "turns = ThreadMemory(database(sys.argv[1])).history('C1:1.0'); "
        "print([(t.role, t.content, t.cost_request) for t in turns])"
    )
    seen = subprocess.run(
        [sys.executable, "-c", script, postgres_url], capture_output=True, text=True, timeout=60
    )
    assert seen.stdout.strip() == (
        "[('user', '10 agents?', None), ('assistant', '10 agents cost ...', {'agents': 10})]"
    ), seen.stderr


def test_cli_export_reads_the_store_at_bot_feedback_url(postgres_url, monkeypatch, isolated_home):
    from typer.testing import CliRunner

    from bot.surfaces.cli import app

    FeedbackStore(postgres_url).add("What is ROI?", "ROI is ... [1]", False)
    monkeypatch.setenv("BOT_FEEDBACK_URL", postgres_url)
    result = CliRunner().invoke(app, ["feedback", "export"])
    assert result.exit_code == 0, result.output
    assert "What is ROI?,ROI is ... [1]" in result.output
    assert not isolated_home.exists()  # nothing written under BOT_HOME
