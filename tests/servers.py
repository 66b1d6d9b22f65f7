"""Start the real server (`bot serve` in a subprocess) on a free loopback port, plus a mock Slack.

One server per test session, shared by the API, Slack and browser tests: the index is built once
in the session's BOT_HOME, the mock Slack Web API records what the bot posts.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest

REPO = Path(__file__).resolve().parent.parent
STARTUP_S = 600.0  # a cold machine builds the index first
SIGNING_SECRET = "test-signing-secret-0123456789abcdef"
BOT_TOKEN = "xoxb-1111-2222-testtokenvalue"
BOT_USER_ID = "UBOT12345"
RATE_LIMIT_PER_MIN = 30
# The session server's UI allowance: the browser tests of all modules share one client address,
# and at the default (60 a minute) a full run could exhaust it and leave an answer unsent.
UI_RATE_LIMIT_PER_MIN = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Call:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    status: int = 200


class MockSlack:
    """A Slack Web API stand-in on loopback: answers auth.test and records every call."""

    def __init__(self, port: int = 0) -> None:
        self.calls: list[Call] = []
        self.failures: list[int] = []  # statuses for the next chat.postMessage calls (500, 429)
        self._lock = threading.Lock()
        mock = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                data = self.rfile.read(int(self.headers.get("content-length") or 0))
                if self.path.startswith("/upload/"):  # files_upload_v2's step 2: the raw file
                    with mock._lock:
                        mock.calls.append(Call(self.path, dict(self.headers), {"content": data}))
                    self._reply("OK - uploaded")
                    return
                raw = data.decode()
                if "json" in (self.headers.get("content-type") or ""):
                    body = json.loads(raw or "{}")
                else:
                    body = {k: v[0] for k, v in parse_qs(raw).items()}
                with mock._lock:
                    failing = self.path == "/api/chat.postMessage" and mock.failures
                    status = mock.failures.pop(0) if failing else 200
                    mock.calls.append(Call(self.path, dict(self.headers), body, status))
                if status != 200:
                    self._fail(status)
                    return
                self._reply(mock.reply(self.path, body))

            def _fail(self, status: int) -> None:
                data = json.dumps(
                    {"ok": False, "error": "ratelimited" if status == 429 else "internal_error"}
                ).encode()
                self.send_response(status)
                if status == 429:
                    self.send_header("Retry-After", "0")
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _reply(self, payload: dict[str, Any] | str) -> None:
                data = (payload if isinstance(payload, str) else json.dumps(payload)).encode()
                self.send_response(200)
                kind = "text/plain" if isinstance(payload, str) else "application/json"
                self.send_header("content-type", kind)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def reply(self, path: str, body: dict[str, Any]) -> dict[str, Any] | str:
        if path.startswith("/response/"):
            return "ok"  # a slash command's response_url
        if path == "/api/auth.test":
            return {
                "ok": True,
                "url": "https://example.slack.com/",
                "team": "Test",
                "user": "bot",
                "team_id": "T0001",
                "user_id": BOT_USER_ID,
                "bot_id": "B0001",
                "is_enterprise_install": False,
            }
        if path == "/api/files.getUploadURLExternal":
            file_id = f"F{len(self.calls):05d}"
            return {"ok": True, "upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}
        if path == "/api/files.completeUploadExternal":
            return {"ok": True, "files": [{"id": "F0", "title": body.get("files", "")}]}
        if path == "/api/chat.postMessage":
            return {"ok": True, "channel": body.get("channel"), "ts": f"{time.time():.6f}"}
        return {"ok": True}

    def posts(self, **match: str) -> list[Call]:
        """chat.postMessage calls that succeeded and whose body has all of `match`."""
        with self._lock:
            calls = [c for c in self.calls if c.path == "/api/chat.postMessage" and c.status == 200]
        return [c for c in calls if all(c.body.get(k) == v for k, v in match.items())]

    def to_path(self, path: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.path == path]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class LiveServer:
    url: str
    home: Path
    process: subprocess.Popen
    log_path: Path
    slack: MockSlack | None = None
    env: dict[str, str] = field(default_factory=dict)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        stop_process(self.process)
        if self.slack is not None:
            self.slack.stop()


def responds_ok(url: str, timeout: float = 2) -> bool:
    """True when a GET of `url` answers 200."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _healthy(url: str) -> bool:
    """/healthz answers 200 and the web UI, built after the server starts listening, is up."""
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
            return response.status == 200 and json.load(response).get("ui") == "ready"
    except (urllib.error.URLError, OSError, ValueError):
        return False


def start_server(home: Path, env: dict[str, str], log_dir: Path) -> LiveServer:
    """Run `bot serve` on a free loopback port and wait until it is healthy with its UI up."""
    port = free_port()
    full_env = {
        **os.environ,
        "BOT_HOME": str(home),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "GRADIO_ANALYTICS_ENABLED": "False",
        **env,
    }
    for name in ("BOT_RETRIEVAL__CHROMA_URL", "BOT_RETRIEVAL__EMBEDDINGS", "BOT_GENERATOR"):
        if name not in env:
            full_env.pop(name, None)
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"server-{port}.log"
    command = [sys.executable, "-c", "from bot.surfaces.cli import app; app()", "serve"]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, cwd=REPO, env=full_env, stdout=log, stderr=subprocess.STDOUT
        )
    server = LiveServer(f"http://127.0.0.1:{port}", home, process, log_path, env=env)
    deadline = time.monotonic() + STARTUP_S
    while not _healthy(server.url):
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            pytest.fail(f"bot serve did not become healthy:\n{server.log()[-4000:]}")
        time.sleep(0.5)
    return server


def start_slack_server(home: Path, log_dir: Path) -> LiveServer:
    """A server with Slack configured against a mock Web API (conftest's live_server)."""
    slack = MockSlack()
    env = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "BOT_SERVER_SLACK_API_URL": slack.api_url,
        "BOT_SERVER_RATE_LIMIT_PER_MIN": str(RATE_LIMIT_PER_MIN),
        "BOT_SERVER_UI_RATE_LIMIT_PER_MIN": str(UI_RATE_LIMIT_PER_MIN),
    }
    server = start_server(home, env, log_dir)
    server.slack = slack
    return server


def stop_process(process: subprocess.Popen | None) -> None:
    """Terminate a child process, killing it if it does not exit in time."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
