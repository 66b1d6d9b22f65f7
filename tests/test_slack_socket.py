"""The Slack bot over Socket Mode, against a mock Socket Mode WebSocket server and the mock Web API.

As slack-sdk's own tests do: apps.connections.open on the mock Web API hands out a ws:// URL on
loopback, the mock there says hello, sends envelopes and records the acknowledgements.
"""

from __future__ import annotations

import json
import threading
import time
import uuid

import pytest
from servers import BOT_TOKEN, BOT_USER_ID, MockSlack
from test_slack import event_body, mention, new_ts

APP_TOKEN = "xapp-1-A0001-1234-socketmodetesttoken"
TIMEOUT_S = 60.0


class MockSocketMode:
    """Slack's Socket Mode end on loopback: says hello, sends envelopes, records what comes back."""

    def __init__(self) -> None:
        from websockets.sync.server import serve

        self.received: list[dict] = []
        self.connections: list = []
        self.closed = threading.Event()
        self.server = serve(self._session, "127.0.0.1", 0)
        self.url = f"ws://127.0.0.1:{self.server.socket.getsockname()[1]}/link/?ticket=t"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _session(self, connection) -> None:
        self.connections.append(connection)
        hello = {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0001"}}
        connection.send(json.dumps(hello))
        from websockets.exceptions import ConnectionClosed

        try:
            for message in connection:
                self.received.append(json.loads(message))
        except ConnectionClosed:
            pass  # the client may drop the socket without a close frame
        finally:
            self.closed.set()

    def send(self, kind: str, payload: dict, envelope_id: str | None = None, retry: int = 0) -> str:
        envelope_id = envelope_id or str(uuid.uuid4())
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind != "events_api",
            "retry_attempt": retry,
            "retry_reason": "timeout" if retry else "",
        }
        self.connections[-1].send(json.dumps(envelope))
        return envelope_id

    def acks(self, envelope_id: str) -> list[dict]:
        return [m for m in self.received if m.get("envelope_id") == envelope_id]

    def stop(self) -> None:
        self.server.shutdown()


class SocketModeSlack(MockSlack):
    """The mock Web API, handing out the mock Socket Mode server's URL."""

    def __init__(self, socket_url: str) -> None:
        self.socket_url = socket_url
        self.posted_ts: dict[str, str] = {}  # the ts returned for each channel's last post
        super().__init__()

    def reply(self, path, body):
        if path == "/api/apps.connections.open":
            return {"ok": True, "url": self.socket_url}
        answer = super().reply(path, body)
        if path == "/api/chat.postMessage":
            self.posted_ts[body.get("channel")] = answer["ts"]
        return answer


def wait_until(check, timeout: float = TIMEOUT_S):
    deadline = time.monotonic() + timeout
    while not (result := check()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return result


@pytest.fixture(scope="module")
def socket_bot(session_home):
    """The whole app (create_app, its lifespan running) with SLACK_APP_TOKEN set."""
    from starlette.testclient import TestClient

    from bot.answer.assistant import get_assistant
    from bot.config import Settings
    from bot.surfaces.server import ServerSettings, create_app

    socket = MockSocketMode()
    slack = SocketModeSlack(socket.url)
    with pytest.MonkeyPatch.context() as env:
        for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"):
            env.delenv(name, raising=False)
        server = ServerSettings(
            slack_bot_token=BOT_TOKEN,
            slack_app_token=APP_TOKEN,
            slack_api_url=slack.api_url,
            slack_retry_max_s=1,
            warm_up=False,
        )
        settings = Settings(home=session_home)
        app = create_app(settings, server, get_assistant(settings))
        try:
            with TestClient(app) as http:
                yield http, app.state.slack, socket, slack
        finally:
            slack.stop()
            socket.stop()


def test_connects_over_socket_mode_with_the_app_token_and_serves_no_http_route(socket_bot):
    http, link, socket, slack = socket_bot
    assert wait_until(lambda: http.get("/healthz").json()["slack"] == "ok")
    opened = slack.to_path("/api/apps.connections.open")
    assert opened and opened[-1].headers["Authorization"] == f"Bearer {APP_TOKEN}"
    assert "/slack/events" not in [getattr(route, "path", None) for route in http.app.routes]


def test_mention_is_acked_and_answered_in_its_thread(socket_bot):
    http, _, socket, slack = socket_bot
    assert wait_until(lambda: socket.connections)
    ts = new_ts()
    text = f"<@{BOT_USER_ID}> Berapa tarif per jam untuk CS outsourcing?"
    envelope = socket.send("events_api", json.loads(event_body(mention(ts, text, "C0SOCK"))))
    assert wait_until(lambda: socket.acks(envelope), 3.0)  # acknowledged within Slack's 3 s
    posts = wait_until(lambda: slack.posts(channel="C0SOCK", thread_ts=ts))
    assert len(posts) == 1 and "$10" in posts[0].body["text"]
    assert posts[0].headers["Authorization"] == f"Bearer {BOT_TOKEN}"


def test_direct_message_is_answered(socket_bot):
    _, _, socket, slack = socket_bot
    ts = new_ts()
    dm = {"type": "message", "channel_type": "im", "channel": "D0SOCK", "user": "U0USER", "ts": ts}
    dm["text"] = "How much do 5 offshore agents covering 24/7 cost per month?"
    socket.send("events_api", json.loads(event_body(dm)))
    posts = wait_until(lambda: slack.posts(channel="D0SOCK"))
    assert len(posts) == 1 and posts[0].body["thread_ts"] == ts
    assert "*Estimated cost of outsourced customer support*" in posts[0].body["text"]


def test_cost_command_is_acked_then_answered_at_its_response_url(socket_bot):
    _, _, socket, slack = socket_bot
    path = f"/response/{uuid.uuid4().hex}"
    command = {
        "team_id": "T0001",
        "channel_id": "C0SOCKCMD",
        "user_id": "U0USER",
        "command": "/biaya",
        "text": "5 agen offshore 24/7 selama 12 bulan",
        "response_url": f"{slack.url}{path}",
        "trigger_id": "13345224609.738474920.8088930838d88f008e0",
    }
    envelope = socket.send("slash_commands", command)
    assert wait_until(lambda: socket.acks(envelope), 3.0)
    replies = wait_until(lambda: slack.to_path(path))
    assert len(replies) == 1
    assert "*Perkiraan biaya dukungan pelanggan outsourcing*" in replies[0].body["text"]
    assert replies[0].body["response_type"] == "in_channel"


def test_brief_command_posts_blocks_and_uploads_the_pdf_into_its_thread(socket_bot):
    """/brief over the socket: acked at once, the compact brief in blocks, the PDF in its thread."""
    _, _, socket, slack = socket_bot
    shop = (
        "Kami toko online di Surabaya, 6 orang CS in-house, biaya sekitar Rp 180 juta per bulan, "
        "sekitar 15 ribu chat per bulan, mau 24/7."
    )
    command = {
        "team_id": "T0001",
        "channel_id": "C0SOCKBRIEF",
        "user_id": "U0USER",
        "command": "/brief",
        "text": shop,
        "response_url": f"{slack.url}/response/{uuid.uuid4().hex}",
        "trigger_id": "13345224609.738474920.8088930838d88f008e0",
    }
    envelope = socket.send("slash_commands", command)
    assert wait_until(lambda: socket.acks(envelope), 3.0)
    completed = wait_until(
        lambda: [
            c
            for c in slack.to_path("/api/files.completeUploadExternal")
            if c.body.get("channel_id") == "C0SOCKBRIEF"
        ]
    )
    assert len(completed) == 1
    (post,) = slack.posts(channel="C0SOCKBRIEF")
    blocks = post.body["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    assert blocks[0]["type"] == "header"
    assert blocks[0]["text"]["text"] == "Ringkasan keputusan: outsourcing layanan pelanggan"
    text = json.dumps(blocks, ensure_ascii=False)
    assert "Rp" in text and "$" in text  # the estimate's figures, Rupiah with USD beside
    # files_upload_v2: the upload URL asked for, the PDF sent there, completed into the thread.
    requested = [c.body for c in slack.to_path("/api/files.getUploadURLExternal")]
    assert requested and requested[-1]["filename"] == "brief-id.pdf"
    file_id = json.loads(completed[0].body["files"])[0]["id"]
    (upload,) = slack.to_path(f"/upload/{file_id}")
    assert upload.body["content"].startswith(b"%PDF")
    assert completed[0].body["thread_ts"] == slack.posted_ts["C0SOCKBRIEF"]  # the blocks' thread


def test_a_redelivered_event_is_acked_but_not_answered_twice(socket_bot):
    _, _, socket, slack = socket_bot
    ts, event_id = new_ts(), f"EvSOCK{uuid.uuid4().hex[:6].upper()}"
    payload = json.loads(
        event_body(mention(ts, f"<@{BOT_USER_ID}> Apa manfaat outsourcing?", "C0SOCKRE"), event_id)
    )
    first = socket.send("events_api", payload)
    again = socket.send("events_api", payload, envelope_id=first)  # the same envelope
    retry = socket.send("events_api", payload, retry=1)  # Slack's retry: a new envelope
    assert wait_until(lambda: all(socket.acks(e) for e in (first, retry)), 3.0)
    assert again == first and len(socket.acks(first)) == 2
    assert wait_until(lambda: slack.posts(channel="C0SOCKRE"))
    time.sleep(2.0)  # a second answer would come right after the first
    assert len(slack.posts(channel="C0SOCKRE")) == 1


def test_shutdown_closes_the_socket(session_home, monkeypatch):
    """Leaving the app's lifespan closes the WebSocket (no thread left reconnecting)."""
    from starlette.testclient import TestClient

    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    from bot.answer.assistant import get_assistant
    from bot.config import Settings
    from bot.surfaces.server import ServerSettings, create_app

    socket = MockSocketMode()
    slack = SocketModeSlack(socket.url)
    server = ServerSettings(
        slack_bot_token=BOT_TOKEN,
        slack_app_token=APP_TOKEN,
        slack_api_url=slack.api_url,
        warm_up=False,
    )
    settings = Settings(home=session_home)
    app = create_app(settings, server, get_assistant(settings))
    try:
        with TestClient(app) as http:
            assert wait_until(lambda: http.get("/healthz").json()["slack"] == "ok")
            assert not socket.closed.is_set()
        assert socket.closed.wait(10)
        assert app.state.slack.handler.client.closed
        time.sleep(1.5)
        assert len(socket.connections) == 1  # not reconnected after the close
    finally:
        slack.stop()
        socket.stop()


def test_the_app_token_is_a_secret_scrubbed_from_logs(monkeypatch):
    from bot.surfaces.server import ServerSettings

    monkeypatch.setenv("SLACK_APP_TOKEN", APP_TOKEN)
    server = ServerSettings()
    assert APP_TOKEN in server.secrets() and APP_TOKEN not in repr(server)
