"""The Slack bot on the real server against a mock Slack Web API on loopback."""

from __future__ import annotations

import json
import logging
import socket
import time
import uuid
from urllib.parse import urlencode

import httpx
import pytest
from servers import BOT_USER_ID, SIGNING_SECRET
from slack_sdk.signature import SignatureVerifier

from bot.surfaces.slack import clean_text, markdown_to_mrkdwn

ACK_LIMIT_S = 3.0


def post(
    server,
    body: str,
    content_type: str,
    *,
    ts: int | None = None,
    secret=SIGNING_SECRET,
    headers=None,
):
    """POST a body to /slack/events signed as Slack does (v0 HMAC-SHA256 of ts:body)."""
    stamp = str(int(time.time()) if ts is None else ts)
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body)
    sent = {
        "content-type": content_type,
        "x-slack-request-timestamp": stamp,
        "x-slack-signature": signature,
        **(headers or {}),
    }
    started = time.monotonic()
    response = httpx.post(f"{server.url}/slack/events", content=body, headers=sent, timeout=30)
    return response, time.monotonic() - started


def event_body(event: dict, event_id: str | None = None) -> str:
    return json.dumps(
        {
            "token": "legacy-verification-token",
            "team_id": "T0001",
            "api_app_id": "A0001",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
            "event_time": int(time.time()),
        }
    )


def new_ts() -> str:
    return f"{time.time():.6f}"


def wait_for_posts(server, count: int = 1, timeout: float = 60.0, **match) -> list:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        posts = server.slack.posts(**match)
        if len(posts) >= count:
            time.sleep(1.5)  # a second post would come right after the first
            return server.slack.posts(**match)
        time.sleep(0.1)
    return server.slack.posts(**match)


def mention(ts: str, text: str, channel: str = "C0TEST", thread_ts: str | None = None) -> dict:
    event = {"type": "app_mention", "user": "U0USER", "text": text, "ts": ts, "channel": channel}
    event["event_ts"] = ts
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def test_mention_is_answered_once_in_its_thread(live_server):
    ts = new_ts()
    text = f"<@{BOT_USER_ID}> Berapa tarif per jam untuk CS outsourcing?"
    response, elapsed = post(live_server, event_body(mention(ts, text)), "application/json")
    assert response.status_code == 200 and elapsed < ACK_LIMIT_S
    posts = wait_for_posts(live_server, channel="C0TEST", thread_ts=ts)
    assert len(posts) == 1
    answer = posts[0].body["text"]
    assert "$10" in answer and "$50" in answer
    assert "*Sumber:*\n• [1] Berapa tarif rata-rata per jam" in answer
    assert "**" not in answer and "(`faq-hourly-rate`)" not in answer
    assert posts[0].headers["Authorization"].startswith("Bearer xoxb-")


def test_mention_inside_a_thread_answers_in_that_thread(live_server):
    parent, ts = "1700000000.000100", new_ts()
    event = mention(
        ts, f"<@{BOT_USER_ID}> What are the challenges of outsourcing?", "C0THREAD", parent
    )
    response, _ = post(live_server, event_body(event), "application/json")
    assert response.status_code == 200
    posts = wait_for_posts(live_server, channel="C0THREAD")
    assert [p.body["thread_ts"] for p in posts] == [parent]
    assert "Communication Barriers" in posts[0].body["text"]
    assert "*Sources:*" in posts[0].body["text"]


def test_direct_message_is_answered_and_own_messages_are_not(live_server):
    ts = new_ts()
    dm = {"type": "message", "channel_type": "im", "channel": "D0DM", "user": "U0USER", "ts": ts}
    dm["text"] = "How much do 5 offshore agents covering 24/7 cost per month?"
    own = {**dm, "ts": new_ts(), "user": BOT_USER_ID, "bot_id": "B0001", "text": "an answer"}
    for event in (dm, own):
        assert post(live_server, event_body(event), "application/json")[0].status_code == 200
    posts = wait_for_posts(live_server, channel="D0DM")
    assert len(posts) == 1 and posts[0].body["thread_ts"] == ts
    text = posts[0].body["text"]
    assert "*Estimated cost of outsourced customer support*" in text
    assert "```" in text  # the cost table as a code block


def test_retried_event_is_not_answered_twice(live_server):
    ts, event_id = new_ts(), f"EvRETRY{uuid.uuid4().hex[:6].upper()}"
    body = event_body(
        mention(ts, f"<@{BOT_USER_ID}> Apa manfaat outsourcing?", "C0RETRY"), event_id
    )
    first, _ = post(live_server, body, "application/json")
    retry_headers = {"x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout"}
    retry, elapsed = post(live_server, body, "application/json", headers=retry_headers)
    assert first.status_code == retry.status_code == 200 and elapsed < ACK_LIMIT_S
    posts = wait_for_posts(live_server, channel="C0RETRY")
    later, _ = post(live_server, body, "application/json", headers={"x-slack-retry-num": "2"})
    assert later.status_code == 200
    time.sleep(1.5)
    assert len(live_server.slack.posts(channel="C0RETRY")) == len(posts) == 1
    assert f"retry 1 of event {event_id} already handled" in live_server.log()


@pytest.mark.parametrize(
    ("secret", "age_s", "drop_headers"),
    [("wrong-secret", 0, False), (SIGNING_SECRET, 600, False), (SIGNING_SECRET, 0, True)],
    ids=["wrong-signature", "stale-timestamp", "missing-signature"],
)
def test_unsigned_or_stale_requests_get_401(live_server, secret, age_s, drop_headers):
    body = event_body(mention(new_ts(), "<@U1> Berapa tarif?", "C0BAD"))
    if drop_headers:
        response = httpx.post(f"{live_server.url}/slack/events", content=body, timeout=30)
    else:
        response, _ = post(
            live_server, body, "application/json", secret=secret, ts=int(time.time()) - age_s
        )
    assert response.status_code == 401
    time.sleep(1.0)
    assert live_server.slack.posts(channel="C0BAD") == []


def raw_request(server, head: str, body: bytes = b"", timeout: float = 10.0) -> bytes:
    """Send bytes as they are and return what comes back before the timeout."""
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.sendall(head.encode() + body)
        data = b""
        try:
            while b"\r\n\r\n" not in data and (chunk := sock.recv(65536)):
                data += chunk
        except TimeoutError:
            pass
        return data


HEAD = "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"


def test_a_declared_huge_body_is_refused_unread(live_server):
    started = time.monotonic()
    reply = raw_request(live_server, HEAD + f"Content-Length: {150 * 1024 * 1024}\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
    assert b"connection: close" in reply.lower() and time.monotonic() - started < 5


def test_a_streamed_body_is_cut_past_the_limit(live_server):
    piece = b"x" * 65536
    body = (b"%x\r\n" % len(piece) + piece + b"\r\n") * 17  # 1.06 MB, the end never sent
    reply = raw_request(live_server, HEAD + "Transfer-Encoding: chunked\r\n\r\n", body)
    assert reply.startswith(b"HTTP/1.1 413"), reply[:200]


def test_a_badly_signed_body_stays_out_of_the_log(live_server):
    before = len(live_server.log())
    body = event_body(mention(new_ts(), "BODYMARKER" * 50_000, "C0BADLOG"))  # 500 KB
    response, _ = post(live_server, body, "application/json", secret="wrong-secret")
    assert response.status_code == 401
    time.sleep(0.5)
    grown = live_server.log()[before:]
    assert "BODYMARKER" not in grown and len(grown) < 2000
    assert "slack: request refused (invalid_signature)" in grown


@pytest.mark.parametrize(
    ("body", "secret", "stamp", "status"),
    [
        ("not json {", "wrong-secret", None, 401),
        ("{not json", SIGNING_SECRET, None, 400),
        ("[1, 2]", SIGNING_SECRET, None, 400),
        ("{}", SIGNING_SECRET, "soon", 400),
        ("\udcff{}", SIGNING_SECRET, None, 400),
        ('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", SIGNING_SECRET, None, 400),
    ],
    ids=[
        "unsigned-non-json",
        "signed-non-json",
        "signed-array",
        "bad-timestamp",
        "not-utf8",
        "signed-nested-past-the-stack",  # found by probing the running server: was a 500
    ],
)
def test_malformed_requests_get_a_4xx_not_a_500(live_server, body, secret, stamp, status):
    before = len(live_server.log())
    stamp = stamp or str(int(time.time()))
    raw = body.encode("utf-8", "surrogateescape")
    signature = SignatureVerifier(secret).generate_signature(
        timestamp=stamp, body=raw.decode("latin-1")
    )
    headers = {"x-slack-request-timestamp": stamp, "x-slack-signature": signature}
    headers["content-type"] = "application/json"
    response = httpx.post(f"{live_server.url}/slack/events", content=raw, headers=headers)
    assert response.status_code == status
    time.sleep(0.3)
    assert "Traceback" not in live_server.log()[before:]


def test_url_verification_challenge(live_server):
    body = json.dumps({"type": "url_verification", "challenge": "chal-123", "token": "t"})
    response, _ = post(live_server, body, "application/json")
    assert response.status_code == 200 and "chal-123" in response.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "5 agen offshore 24/7 selama 12 bulan",
            "*Perkiraan biaya dukungan pelanggan outsourcing*",
        ),
        (
            "10 agents nearshore, in-house $60,000 a month",
            "*Estimated cost of outsourced customer support*",
        ),
        ("", "Contoh: `/biaya 5 agen offshore 24/7"),
        ("0 agen", "`agents` (jumlah agen) harus minimal 1"),
    ],
)
def test_cost_slash_command_acks_then_responds(live_server, text, expected):
    path = f"/response/{uuid.uuid4().hex}"
    form = {
        "token": "legacy",
        "team_id": "T0001",
        "channel_id": "C0CMD",
        "user_id": "U0USER",
        "command": "/biaya",
        "text": text,
        "response_url": f"{live_server.slack.url}{path}",
        "trigger_id": "13345224609.738474920.8088930838d88f008e0",
    }
    response, elapsed = post(live_server, urlencode(form), "application/x-www-form-urlencoded")
    assert response.status_code == 200 and elapsed < ACK_LIMIT_S
    deadline = time.monotonic() + 30
    while not live_server.slack.to_path(path) and time.monotonic() < deadline:
        time.sleep(0.1)
    replies = live_server.slack.to_path(path)
    assert len(replies) == 1
    assert expected in replies[0].body["text"]
    assert replies[0].body["response_type"] == "in_channel"


def test_without_slack_settings_the_route_is_off_with_one_log_line(
    session_home, monkeypatch, caplog
):
    from starlette.testclient import TestClient

    from bot.answer.assistant import get_assistant
    from bot.config import Settings
    from bot.surfaces.server import ServerSettings, create_app

    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    assistant = get_assistant(Settings(home=session_home))
    with caplog.at_level(logging.INFO, logger="bot.surfaces.slack"):
        app = create_app(Settings(home=session_home), ServerSettings(warm_up=False), assistant)
    lines = [r.getMessage() for r in caplog.records if "Slack" in r.getMessage()]
    assert lines == [
        "Slack bot disabled: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for "
        "Socket Mode) not set"
    ]
    with TestClient(app) as http:
        deadline = time.monotonic() + 120
        while http.get("/healthz").json()["ui"] == "starting":  # the UI is built after start
            assert time.monotonic() < deadline, "the web UI did not come up"
            time.sleep(0.1)
        assert http.get("/healthz").json()["ui"] == "ready"
        assert "slack" not in http.get("/healthz").json()
        assert http.post("/slack/events", content=b"{}").status_code in (404, 405)


MRKDWN = [
    ("**Monthly total: $5** · more", "*Monthly total: $5* · more"),
    ("### Estimated cost", "*Estimated cost*"),
    ("- **Cost Savings**: lower cost [1]", "• *Cost Savings*: lower cost [1]"),
    ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
    (
        "| Component | USD |\n|---|---:|\n| Labour | 43,800.00 |\n| **Total** | **9** |\nafter",
        "```\nComponent  USD\nLabour     43,800.00\nTotal      9\n```\nafter",
    ),
]


@pytest.mark.parametrize(("markdown", "expected"), MRKDWN)
def test_markdown_to_mrkdwn(markdown, expected):
    assert markdown_to_mrkdwn(markdown) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<@U123ABC> Berapa tarif?", "Berapa tarif?"),
        ("<@U1|bot>   what &amp; why &lt;now&gt;", "what & why <now>"),
        ("see <https://example.com|the site> in <#C1|general>", "see the site in #general"),
    ],
)
def test_clean_text(text, expected):
    assert clean_text(text) == expected


def test_another_bots_mention_is_not_answered_on_the_server(live_server):
    text = f"<@{BOT_USER_ID}> Berapa tarif per jam untuk CS outsourcing?"
    event = {**mention(new_ts(), text, "C0OTHERBOT"), "bot_id": "B0OTHER", "user": "U0OTHER"}
    assert post(live_server, event_body(event), "application/json")[0].status_code == 200
    time.sleep(1.5)
    assert live_server.slack.posts(channel="C0OTHERBOT") == []
    assert "slack: app_mention from a bot in C0OTHERBOT not answered" in live_server.log()
