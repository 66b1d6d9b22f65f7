"""The Slack bot's robustness, in process against a mock Web API on loopback: other bots are not
answered, deliveries are claimed in the shared store (a retry after a restart, or on another
replica, is not answered twice; a thread goes on on either), and a post that fails for a passing
reason is retried with backoff, a bounded number of times."""

from __future__ import annotations

import logging
import time
import uuid

import pytest
from fastapi import FastAPI
from servers import BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET, MockSlack, free_port
from slack_sdk.signature import SignatureVerifier
from starlette.testclient import TestClient
from test_slack import event_body, mention, new_ts

from bot.surfaces.slack import SlackBot, mount_slack
from bot.surfaces.slack_state import SlackClaims, ThreadMemory
from bot.surfaces.store import Database, database
from bot.types import Answer, Message, ToolCall


class StubAssistant:
    """Answers every question with its own text; records the history each question came with."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[Message]]] = []

    def answer(self, question: str, history=None, lang=None) -> Answer:
        self.calls.append((question, list(history or [])))
        return Answer(question, "en", f"answer to {question}", False, "knowledge", [], [], {}, "")


class Replica:
    """One SlackBot behind /slack/events, as `bot serve` mounts it, over a given store."""

    def __init__(self, slack: MockSlack, store, **options) -> None:
        self.assistant = StubAssistant()
        options.setdefault("retry_backoff_s", 0.01)
        self.bot = SlackBot(
            self.assistant, BOT_TOKEN, SIGNING_SECRET, api_url=slack.api_url, store=store, **options
        )
        app = FastAPI()
        mount_slack(app, self.bot)
        self.http = TestClient(app)

    def send(self, body: str, retry: int | None = None) -> int:
        stamp = str(int(time.time()))
        headers = {
            "content-type": "application/json",
            "x-slack-request-timestamp": stamp,
            "x-slack-signature": SignatureVerifier(SIGNING_SECRET).generate_signature(
                timestamp=stamp, body=body
            ),
        }
        if retry is not None:
            headers |= {"x-slack-retry-num": str(retry), "x-slack-retry-reason": "http_timeout"}
        return self.http.post("/slack/events", content=body, headers=headers).status_code


@pytest.fixture
def slack():
    mock = MockSlack()
    yield mock
    mock.stop()


def settle(slack: MockSlack, channel: str, count: int = 1, timeout: float = 10.0) -> list:
    """The posts in `channel` once `count` arrived (and a moment for any extra one)."""
    deadline = time.monotonic() + timeout
    while len(slack.posts(channel=channel)) < count and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)
    return slack.posts(channel=channel)


def post_attempts(slack: MockSlack, channel: str) -> list[int]:
    return [
        c.status for c in slack.to_path("/api/chat.postMessage") if c.body["channel"] == channel
    ]


def test_another_bots_mention_is_not_answered(slack, tmp_path, caplog):
    replica = Replica(slack, tmp_path / "store.sqlite3")
    text = f"<@{BOT_USER_ID}> Berapa tarif per jam?"
    other_bot = {**mention(new_ts(), text, "C0BOTS"), "bot_id": "B0OTHER", "user": "U0OTHERBOT"}
    bot_message = {**mention(new_ts(), text, "C0BOTS"), "subtype": "bot_message"}
    bot_dm = {"type": "message", "channel_type": "im", "channel": "C0BOTS", "ts": new_ts()}
    bot_dm |= {"text": "How much?", "bot_profile": {"id": "B0OTHER", "name": "other"}}
    person = mention(new_ts(), text, "C0BOTS")
    with caplog.at_level(logging.INFO, logger="bot.surfaces.slack"):
        for event in (other_bot, bot_message, bot_dm, person):
            assert replica.send(event_body(event)) == 200
        posts = settle(slack, "C0BOTS")
    assert [p.body["thread_ts"] for p in posts] == [person["ts"]]  # the person only
    assert [q for q, _ in replica.assistant.calls] == ["Berapa tarif per jam?"]
    assert "app_mention from a bot in C0BOTS not answered" in caplog.text


def test_a_retry_after_a_restart_is_not_answered_twice(slack, tmp_path):
    store, ts = tmp_path / "store.sqlite3", new_ts()
    body = event_body(mention(ts, f"<@{BOT_USER_ID}> Apa itu SLA?", "C0RESTART"))
    first = Replica(slack, store)
    assert first.send(body) == 200
    assert len(settle(slack, "C0RESTART")) == 1
    claims = SlackClaims(database(store))
    assert claims.claim(f"msg:C0RESTART:{ts}", lease_s=0) is False  # answered: done, not stale
    first.http.close()
    restarted = Replica(slack, store)  # a new process: nothing in memory, the same store
    assert restarted.send(body, retry=1) == 200
    assert restarted.send(body, retry=2) == 200
    assert len(settle(slack, "C0RESTART")) == 1
    assert restarted.assistant.calls == []


def test_a_retry_on_the_other_replica_is_not_answered_and_the_thread_goes_on_there(slack, tmp_path):
    store = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    one, two = Replica(slack, store), Replica(slack, store)
    ts = new_ts()
    body = event_body(mention(ts, f"<@{BOT_USER_ID}> 5 agents offshore?", "C0PAIR"))
    assert one.send(body) == two.send(body, retry=1) == 200
    assert len(settle(slack, "C0PAIR")) == 1
    follow_up = mention(new_ts(), f"<@{BOT_USER_ID}> and with 8?", "C0PAIR", thread_ts=ts)
    assert two.send(event_body(follow_up)) == 200
    posts = settle(slack, "C0PAIR", count=2)
    assert [p.body["thread_ts"] for p in posts] == [ts, ts]
    answered_by = (one if one.assistant.calls else two).assistant
    assert answered_by.calls[0][0] == "5 agents offshore?"
    question, history = two.assistant.calls[-1]
    assert question == "and with 8?"
    assert [(m.role, m.content) for m in history] == [
        ("user", "5 agents offshore?"),
        ("assistant", "answer to 5 agents offshore?"),
    ]


def test_a_post_is_retried_with_backoff_until_slack_takes_it(slack, tmp_path, caplog):
    replica = Replica(slack, tmp_path / "store.sqlite3")
    slack.failures = [500, 429, 503]
    with caplog.at_level(logging.WARNING, logger="bot.surfaces.slack"):
        assert replica.send(event_body(mention(new_ts(), "<@U1> Apa itu SLA?", "C0FLAKY"))) == 200
        posts = settle(slack, "C0FLAKY")
    assert len(posts) == 1 and posts[0].body["text"] == "answer to Apa itu SLA?"
    assert post_attempts(slack, "C0FLAKY") == [500, 429, 503, 200]
    assert "slack: Web API failed (429); retry 2 of 4" in caplog.text
    assert BOT_TOKEN not in caplog.text


def test_post_retries_are_bounded_and_the_failure_is_logged(slack, tmp_path, caplog):
    replica = Replica(slack, tmp_path / "store.sqlite3", post_retries=2)
    slack.failures = [500] * 10
    with caplog.at_level(logging.WARNING, logger="bot.surfaces.slack"):
        assert replica.send(event_body(mention(new_ts(), "<@U1> Apa itu SLA?", "C0DOWN"))) == 200
        deadline = time.monotonic() + 10
        while "gave up" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.02)
    assert post_attempts(slack, "C0DOWN") == [500, 500, 500]  # the first and 2 retries
    assert slack.posts(channel="C0DOWN") == []
    assert "could not post the answer in C0DOWN" in caplog.text
    assert "internal_error, HTTP 500" in caplog.text


def test_claims_are_taken_once_taken_over_after_their_lease_and_expire(tmp_path):
    claims = SlackClaims(database(tmp_path / "store.sqlite3"), ttl_s=0.3)
    assert claims.claim("event:E1", lease_s=60) is True
    assert claims.claim("event:E1", lease_s=60) is False  # in progress elsewhere
    assert claims.claim("event:E1", lease_s=0) is True  # left unfinished: its replica died
    claims.finish("event:E1")
    assert claims.claim("event:E1", lease_s=0) is False  # done: never again within the TTL
    time.sleep(0.35)
    assert claims.claim("event:E1", lease_s=60) is True  # forgotten after the TTL


def _cost_answer(agents: int) -> Answer:
    call = ToolCall("estimate_cost", {"agents": agents}, {"monthly_total_usd": 1.0})
    return Answer("q", "en", "body", False, "cost", [], [call], {}, "Sources:")


@pytest.mark.parametrize("url", ["memory", "file"])
def test_each_thread_keeps_its_own_conversation_and_old_threads_go(tmp_path, url):
    db = Database("sqlite://") if url == "memory" else database(tmp_path / f"{uuid.uuid4()}.db")
    memory = ThreadMemory(db, max_threads=2, max_turns=4)
    memory.remember("C1:1", "5 agents?", _cost_answer(5))
    memory.remember("C1:2", "3 agents?", _cost_answer(3))
    assert memory.history("C1:1")[-1].cost_request == {"agents": 5}
    assert memory.history("C1:2")[0].content == "3 agents?"
    for n in range(3):
        memory.remember("C1:1", f"and {n}?", _cost_answer(n))
    assert len(memory.history("C1:1")) == 4  # the last turns only
    memory.remember("C1:3", "new thread", _cost_answer(1))
    assert memory.history("C1:2") == []  # least recently used thread forgotten
    assert memory.history("C1:1") and memory.history("C1:3")
    assert ThreadMemory(db).history("C1:3")[0].content == "new thread"  # another process's view


def test_without_its_store_the_bot_still_answers(slack, caplog):
    nowhere = f"postgresql+psycopg://bot@127.0.0.1:{free_port()}/bot"  # nobody listens there
    replica = Replica(slack, nowhere)
    with caplog.at_level(logging.WARNING, logger="bot.surfaces.slack"):
        assert replica.send(event_body(mention(new_ts(), "<@U1> Apa itu SLA?", "C0NOSTORE"))) == 200
        assert len(settle(slack, "C0NOSTORE")) == 1
    assert "slack: shared store unreachable (OperationalError); handling event:" in caplog.text
    assert "without its history" in caplog.text and "127.0.0.1" not in caplog.text
