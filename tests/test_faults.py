"""Server mode under failure: the real `chroma run` behind `bot serve` stops mid-run, then returns.

One scenario runs once per module (start Chroma and the app, stop Chroma while questions are in
flight, ask during the outage, start Chroma again on the same port and path) and records what the
app answered; each test asserts on one part of that record. test_api.py already checks that
/healthz turns degraded; this module adds what questions get meanwhile and the recovery.

The app reads every chunk's vector from Chroma when it opens the index and ranks questions
against them in memory, so an outage after start-up leaves answering untouched: /healthz says
the store is down (an operator must know), and every question is still answered.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from servers import REPO, free_port, start_server, stop_process
from test_index_server import STARTUP_S, heartbeat

QUESTION = "What is the hourly rate for outsourced customer support?"
COST_QUESTION = "Berapa biaya 5 agen luar negeri 24/7 per bulan?"
NEW_QUESTIONS = {  # never asked before the outage -> the entry that answers them
    "What are the benefits of outsourcing customer support?": "benefits",
    "Apa tantangan outsourcing layanan pelanggan?": "challenges",
    "Are there hidden costs in outsourcing customer support?": "faq-hidden-costs",
}
RECOVERY_S = 60.0  # how long the app may take to see Chroma again
BURST_MAX = 60  # questions sent while Chroma is being stopped, at most


@dataclass(frozen=True)
class Reply:
    """What the app answered: status 0 means no HTTP response at all (connection dropped)."""

    status: int
    body: dict
    text: str


NO_REPLY = Reply(0, {}, "not sent")


def send(url: str, method: str, path: str, **kwargs) -> Reply:
    """One request on a connection of its own, so a connection the app dropped affects no other."""
    try:
        with httpx.Client(base_url=url, timeout=30) as http:
            response = http.request(method, path, **kwargs)
    except httpx.HTTPError as exc:
        return Reply(0, {}, f"{type(exc).__name__}: {exc}")
    try:
        body = response.json()
    except ValueError:
        body = {}
    return Reply(response.status_code, body if isinstance(body, dict) else {}, response.text)


@dataclass
class Record:
    before: Reply = NO_REPLY
    in_flight: list[int] = field(default_factory=list)  # statuses while Chroma was stopping
    health_down: Reply = NO_REPLY
    asks_down: list[Reply] = field(default_factory=list)
    remembered_down: Reply = NO_REPLY
    cost_down: Reply = NO_REPLY
    cost_ask_down: Reply = NO_REPLY
    health_back: Reply = NO_REPLY
    ask_back: Reply = NO_REPLY
    recovered_after_s: float | None = None
    same_process: bool = False


class Chroma:
    """A `chroma run` on a fixed loopback port and data path, so it can come back as it was."""

    def __init__(self, path: Path, log_path: Path) -> None:
        binary = shutil.which("chroma", path=str(Path(sys.executable).parent)) or "chroma"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.command = [binary, "run", "--path", str(path), "--host", "127.0.0.1"]
        self.command += ["--port", str(self.port)]
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(self.command, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + STARTUP_S
        while not heartbeat(self.url):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"chroma did not start:\n{self.log_path.read_text()[-2000:]}")
            time.sleep(0.2)

    def stop(self) -> None:
        stop_process(self.process)


def _burst(url: str, stop: threading.Event, statuses: list[int]) -> None:
    """Ask one question after another until told to stop; record each status (0: no response)."""
    while not stop.is_set() and len(statuses) < BURST_MAX:
        statuses.append(send(url, "POST", "/api/ask", json={"question": QUESTION}).status)


@pytest.fixture(scope="module")
def outage(tmp_path_factory) -> Record:
    tmp = tmp_path_factory.mktemp("faults")
    chroma = Chroma(tmp / "chroma-db", tmp / "chroma.log")
    record, server = Record(), None
    chroma.start()
    try:
        env = {"BOT_RETRIEVAL__CHROMA_URL": chroma.url, "BOT_SERVER_RATE_LIMIT_PER_MIN": "0"}
        server = start_server(tmp / "home", env, REPO / "test-output" / "faults")
        url, pid, ask = server.url, server.process.pid, {"question": QUESTION}
        record.before = send(url, "POST", "/api/ask", json=ask)

        stop = threading.Event()
        burst = threading.Thread(target=_burst, args=(url, stop, record.in_flight))
        burst.start()
        time.sleep(0.5)
        chroma.stop()
        time.sleep(1.0)
        stop.set()
        burst.join(timeout=60)

        record.health_down = send(url, "GET", "/healthz")
        # Questions not asked before are ranked against the vectors read at start-up; one asked
        # before is answered from the answer cache.
        record.asks_down = [
            send(url, "POST", "/api/ask", json={"question": q}) for q in NEW_QUESTIONS
        ]
        record.remembered_down = send(url, "POST", "/api/ask", json=ask)
        record.cost_down = send(
            url, "POST", "/api/cost", json={"agents": 5, "location": "offshore"}
        )
        record.cost_ask_down = send(url, "POST", "/api/ask", json={"question": COST_QUESTION})

        chroma.start()
        started = time.monotonic()
        while time.monotonic() - started < RECOVERY_S:
            record.health_back = send(url, "GET", "/healthz")
            if record.health_back.status == 200:
                record.recovered_after_s = time.monotonic() - started
                break
            time.sleep(1.0)
        record.ask_back = send(url, "POST", "/api/ask", json=ask)
        record.same_process = server.process.poll() is None and server.process.pid == pid
    finally:
        if server is not None:
            server.stop()
        chroma.stop()
    return record


@pytest.mark.slow
def test_answers_before_the_outage(outage):
    assert outage.before.status == 200, outage.before.text
    assert outage.before.body["sources"][0]["id"] == "faq-hourly-rate"


@pytest.mark.slow
def test_healthz_is_degraded_while_chroma_is_down(outage):  # the outage took effect
    assert outage.health_down.status == 503
    assert outage.health_down.body["status"] == "degraded"


@pytest.mark.slow
def test_new_questions_during_the_outage_are_answered_from_the_vectors_in_memory(outage):
    assert len(outage.asks_down) == len(NEW_QUESTIONS)
    for response, entry in zip(outage.asks_down, NEW_QUESTIONS.values(), strict=True):
        assert response.status == 200, response.text
        assert "cache" not in response.body["timings_ms"]  # ranked now, not remembered
        assert response.body["sources"][0]["id"] == entry


@pytest.mark.slow
def test_a_question_answered_before_the_outage_is_answered_from_memory(outage):
    assert outage.remembered_down.status == 200, outage.remembered_down.text
    assert "cache" in outage.remembered_down.body["timings_ms"]
    assert outage.remembered_down.body["sources"] == outage.before.body["sources"]


@pytest.mark.slow
def test_questions_in_flight_when_chroma_stops_are_all_answered(outage):
    assert outage.in_flight, "no question was sent while Chroma stopped"
    assert set(outage.in_flight) == {200}, outage.in_flight


@pytest.mark.slow
def test_cost_estimates_need_no_store_and_keep_working(outage):
    assert outage.cost_down.status == 200, outage.cost_down.text
    assert outage.cost_ask_down.status == 200, outage.cost_ask_down.text
    assert outage.cost_ask_down.body["route"] == "cost"


@pytest.mark.slow
def test_answers_resume_when_chroma_returns_without_restarting_the_app(outage):
    assert outage.same_process
    assert outage.recovered_after_s is not None, outage.health_back.text  # within RECOVERY_S
    assert outage.health_back.body["status"] == "ok"
    assert outage.ask_back.status == 200, outage.ask_back.text
    assert outage.ask_back.body["sources"][0]["id"] == "faq-hourly-rate"
