"""One browser tab's worth of Gradio's queue protocol (what the page's own client sends): join an
event with the tab's session hash and read its result from the session's event stream. Events are
found in the page's /config by what triggers them, not by position."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx


class GradioSession:
    """Ask a question in the chat and rate the answer, as a person clicking the thumbs would."""

    def __init__(self, url: str, http: httpx.Client) -> None:
        self.url, self.http = url, http
        self.session = uuid.uuid4().hex[:11]
        config = http.get(f"{url}/config").json()
        ids = {c.get("props", {}).get("elem_id"): c["id"] for c in config["components"]}
        self.chat, self.box = ids["chat"], ids["question"]
        events = config["dependencies"]
        self.send = next(d for d in events if [self.box, "submit"] in d["targets"])
        self.drain = next(d for d in events if d.get("trigger_after") == self.send["id"])
        self.like = next(d for d in events if [self.chat, "like"] in d["targets"])

    def run(self, event: dict, data: list, trigger: int | None = None, **extra: Any) -> list:
        """Join `event` (gr.State inputs are sent as None: the server holds them) and return its
        output values once it completes.

        The stream is read to its end (`close_stream`, sent once the session has no event under
        way): a stream left open would take the next event's messages from the session's queue.
        """
        body = {"data": data, "fn_index": event["id"], "trigger_id": trigger}
        body |= {"session_hash": self.session, "event_data": extra.get("event_data")}
        joined = self.http.post(f"{self.url}/gradio_api/queue/join", json=body)
        joined.raise_for_status()
        event_id = joined.json()["event_id"]
        stream = f"{self.url}/gradio_api/queue/data"
        completed = None
        with self.http.stream("GET", stream, params={"session_hash": self.session}) as lines:
            for line in lines.iter_lines():
                message = json.loads(line[5:]) if line.startswith("data:") else {}
                if message.get("event_id") == event_id and message["msg"] == "process_completed":
                    completed = message
                if message.get("msg") == "close_stream":
                    break
        if completed is None:
            raise RuntimeError(f"the event stream ended before event {event['id']} completed")
        if not completed.get("success"):
            raise RuntimeError(f"event {event['id']} failed: {completed}")
        return completed["output"]["data"]

    def ask(self, question: str) -> list[dict]:
        """Send a question and let the chat answer it; return the chat's messages."""
        self.run(self.send, [question, "auto", None], self.box)
        chat = self.run(self.drain, [None, "auto", None])[0]
        return chat["value"] if isinstance(chat, dict) else chat

    def rate(self, index: int, liked: bool) -> str:
        """Thumbs up or down on the message at `index`; return the status line shown."""
        data = {"index": index, "value": None, "liked": liked}
        return self.run(self.like, [None, None], self.chat, event_data=data)[0]
