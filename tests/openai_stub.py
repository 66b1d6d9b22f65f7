"""A scripted chat server on loopback: OpenAI chat completions (JSON and SSE) and Ollama /api/chat.

Replies are queued with reply() / fail() / stall() / garbage() and served in order; every
request is recorded so tests can assert on exactly what the client sent.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

STREAM_PIECE = 4  # characters per streamed text chunk, so markers arrive split


@dataclass
class Reply:
    text: str = ""
    tool_calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    status: int = 200
    delay_s: float = 0.0
    garbage: bool = False


@dataclass
class Request:
    path: str
    headers: dict[str, str]  # names in lower case
    body: dict[str, Any]


class ChatStub:
    """Serve queued replies at /v1/chat/completions (OpenAI) and /api/chat (Ollama)."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self._replies: deque[Reply] = deque()
        self._calls = 0
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._server.block_on_close = False
        # A short poll interval: shutdown() waits for the loop's next poll (0.5 s by default).
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def reply(self, text: str = "", tool_calls: list[tuple[str, dict]] | None = None) -> None:
        """Queue an answer: text, or tool calls as (name, arguments) pairs."""
        self._replies.append(Reply(text=text, tool_calls=list(tool_calls or [])))

    def fail(self, status: int = 500) -> None:
        self._replies.append(Reply(status=status))

    def stall(self, seconds: float) -> None:
        """Queue a reply that comes only after `seconds` (longer than the client waits)."""
        self._replies.append(Reply(text="too late [1]", delay_s=seconds))

    def garbage(self) -> None:
        """Queue a 200 response whose body is not JSON."""
        self._replies.append(Reply(garbage=True))

    def close(self) -> None:
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> ChatStub:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _take(self, request: Request) -> Reply:
        with self._lock:
            self.requests.append(request)
            self._calls += 1
            if self._replies:
                return self._replies.popleft()
        return Reply(status=500, text="no scripted reply left")

    def _tool_calls(self, reply: Reply) -> list[dict[str, Any]]:
        with self._lock:
            first = self._calls
        return [
            {
                "id": f"call_{first}_{n}",
                "type": "function",
                "function": {"name": name, "arguments": json.dumps(args)},
            }
            for n, (name, args) in enumerate(reply.tool_calls)
        ]


def _handler(stub: ChatStub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            raw = self.rfile.read(int(self.headers.get("content-length") or 0))
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                body = {"_raw": raw.decode("utf-8", "replace")}
            reply = stub._take(
                Request(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            )
            if reply.delay_s and stub._closing.wait(reply.delay_s):
                return
            try:
                self._answer(reply, body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting
                pass

        def _answer(self, reply: Reply, body: dict[str, Any]) -> None:
            if reply.status != 200:
                error = {"message": reply.text or "stub failure", "type": "server_error"}
                return self._send(reply.status, "application/json", {"error": error})
            if reply.garbage:
                return self._send(200, "application/json", b"<html>not json{")
            if self.path.endswith("/chat/completions"):
                if body.get("stream"):
                    return self._openai_stream(reply, body)
                return self._send(200, "application/json", _openai_json(reply, body, stub))
            if self.path == "/api/chat":
                kind = "application/x-ndjson" if body.get("stream") else "application/json"
                return self._send(200, kind, _ollama_json(reply, body))
            return self._send(404, "application/json", {"error": f"no route {self.path}"})

        def _send(self, status: int, kind: str, payload: dict | bytes) -> None:
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("content-type", kind)
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _openai_stream(self, reply: Reply, body: dict[str, Any]) -> None:
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.end_headers()
            base = {"id": "chatcmpl-stub", "object": "chat.completion.chunk"}
            base |= {"created": int(time.time()), "model": body.get("model", "")}
            deltas: list[dict[str, Any]] = [{"role": "assistant", "content": ""}]
            text = reply.text
            deltas += [
                {"content": text[i : i + STREAM_PIECE]} for i in range(0, len(text), STREAM_PIECE)
            ]
            for index, call in enumerate(stub._tool_calls(reply)):
                arguments = call["function"]["arguments"]
                half = len(arguments) // 2
                head = {"index": index, "id": call["id"], "type": "function"}
                head["function"] = {"name": call["function"]["name"], "arguments": ""}
                deltas.append({"tool_calls": [head]})
                for part in (arguments[:half], arguments[half:]):
                    deltas.append(
                        {"tool_calls": [{"index": index, "function": {"arguments": part}}]}
                    )
            events = [{**base, "choices": [_choice(delta, None)]} for delta in deltas]
            events.append({**base, "choices": [_choice({}, _finish(reply))]})
            if (body.get("stream_options") or {}).get("include_usage"):
                events.append({**base, "choices": [], "usage": _usage()})
            for event in events:
                self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - keep tests quiet
            pass

    return Handler


def _choice(delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
    return {"index": 0, "delta": delta, "finish_reason": finish}


def _finish(reply: Reply) -> str:
    return "tool_calls" if reply.tool_calls else "stop"


def _usage() -> dict[str, int]:
    return {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}


def _openai_json(reply: Reply, body: dict[str, Any], stub: ChatStub) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": reply.text or None}
    if reply.tool_calls:
        message["tool_calls"] = stub._tool_calls(reply)
    choice = {"index": 0, "message": message, "finish_reason": _finish(reply)}
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", ""),
        "choices": [choice],
        "usage": _usage(),
    }


def _ollama_json(reply: Reply, body: dict[str, Any]) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": reply.text}
    if reply.tool_calls:
        message["tool_calls"] = [
            {"function": {"name": name, "arguments": args}} for name, args in reply.tool_calls
        ]
    return {
        "model": body.get("model", ""),
        "created_at": "2025-01-01T00:00:00Z",
        "message": message,
        "done": True,
        "done_reason": "stop",
        "prompt_eval_count": 10,
        "eval_count": 5,
    }
