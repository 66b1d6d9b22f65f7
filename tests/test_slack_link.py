"""The Slack bot starts while Slack is away and recovers without a restart when it comes back."""

from __future__ import annotations

import logging
import time

import httpx
import pytest
from servers import BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET, MockSlack, free_port, start_server
from test_slack import event_body, mention, new_ts, post, wait_for_posts

from bot.surfaces.slack import SlackBot
from bot.surfaces.slack_link import SlackLink


def slack_state(server) -> str:
    return httpx.get(f"{server.url}/healthz", timeout=10).json()["slack"]


def wait_for_state(read, expected: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while (state := read()) != expected and time.monotonic() < deadline:
        time.sleep(0.1)
    return state


@pytest.fixture
def server_with_slack_away(session_home, tmp_path):
    """`bot serve` whose Slack Web API URL points at a loopback port nobody listens on (yet)."""
    from servers import REPO

    port = free_port()
    env = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "BOT_SERVER_SLACK_API_URL": f"http://127.0.0.1:{port}/api/",
        "BOT_SERVER_SLACK_RETRY_MAX_S": "1",
        "BOT_SERVER_WARM_UP": "false",
    }
    server = start_server(session_home, env, REPO / "test-output" / "server-slack-away")
    yield server, port
    server.stop()


def test_slack_away_at_start_then_back_is_served_without_restart(server_with_slack_away):
    server, port = server_with_slack_away
    assert slack_state(server) == "connecting"
    assert "slack: Slack unreachable" in server.log()
    ts = new_ts()
    text = f"<@{BOT_USER_ID}> Berapa tarif per jam untuk CS outsourcing?"
    body = event_body(mention(ts, text, "C0BACK"), "EvAWAY0001")
    # Signed while Slack is away: a 503 that Slack retries, not a 500 and a traceback per event
    # (found by probing the running server).
    away, _ = post(server, body, "application/json")
    assert away.status_code == 503 and away.json() == {"error": "slack_unreachable"}
    assert int(away.headers["retry-after"]) > 0
    assert "Traceback" not in server.log()
    server.slack = MockSlack(port=port)  # Slack comes back; stopped with the server
    assert wait_for_state(lambda: slack_state(server), "ok") == "ok"
    assert len(server.slack.to_path("/api/auth.test")) == 1  # the link's own check
    response, _ = post(server, body, "application/json", headers={"X-Slack-Retry-Num": "1"})
    assert response.status_code == 200
    posts = wait_for_posts(server, channel="C0BACK", thread_ts=ts)
    assert len(posts) == 1 and "$10" in posts[0].body["text"]
    # bolt reuses the link's auth.test: no call of its own for the event
    assert len(server.slack.to_path("/api/auth.test")) == 1
    assert BOT_TOKEN not in server.log()


class RefusingSlack(MockSlack):
    """A Web API that refuses the token, as Slack does for a revoked one."""

    def reply(self, path, body):
        if path == "/api/auth.test":
            return {"ok": False, "error": "invalid_auth"}
        return super().reply(path, body)


def test_a_refused_token_reads_failed_with_slacks_reason_and_is_not_logged(caplog):
    slack = RefusingSlack()
    bot = SlackBot(None, BOT_TOKEN, SIGNING_SECRET, api_url=slack.api_url)
    link = SlackLink(bot, retry_max_s=0.2)
    try:
        with caplog.at_level(logging.INFO, logger="bot.surfaces.slack"):
            assert link.state == "connecting"
            link.start()
            assert wait_for_state(lambda: link.state, "failed (invalid_auth)", 10) == (
                "failed (invalid_auth)"
            )
            time.sleep(1.5)  # still retried: 1 s, then every 0.2 s
        assert len(slack.to_path("/api/auth.test")) >= 3
        messages = "\n".join(r.getMessage() for r in caplog.records)
        assert "Slack refused the token (invalid_auth)" in messages
        assert BOT_TOKEN not in messages
    finally:
        link.stop()
        slack.stop()
    assert not link._thread.is_alive()


def test_a_close_that_blocks_does_not_hang_the_shutdown(caplog):
    """slack-sdk's SocketModeClient.close joins its session thread, which once blocked a
    server's shutdown for good; the link waits a bounded time and says so."""
    import threading

    release = threading.Event()

    class StuckHandler:
        def close(self) -> None:
            release.wait()  # never returns by itself

    link = SlackLink(bot=None, app_token="xapp-test")
    link.handler = StuckHandler()
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="bot.surfaces.slack"):
        link.stop(timeout_s=0.5)
    assert time.monotonic() - started < 3
    assert "did not close" in caplog.text
    release.set()
