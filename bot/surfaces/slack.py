"""Slack bot (slack-bolt): answers mentions and DMs in their thread, `/biaya` for costs.

It listens at POST /slack/events, or over Socket Mode when an app token is set (slack_link).

Before bolt sees a request, its body is read up to 1 MB (413 past that, the rest unread) and its
signature checked on the raw bytes (401 on a missing, wrong or stale one, 400 on a malformed
timestamp or body), so an unsigned client can neither fill memory nor the log. Bolt acknowledges
events at once and runs the listener in its executor, so Slack gets its 200 within 3 seconds and the
answer follows through chat.postMessage, retried with backoff while Slack's Web API fails for a
passing reason (429, 5xx, refused connection), a bounded number of times. A retried delivery
carries the same event_id and is not answered twice, by this replica or another, after a restart
too: the claims and each thread's conversation live in the shared store (slack_state). Messages
from bots, other bots included, are never answered, so two bots cannot answer each other forever.
"""

from __future__ import annotations

import logging
import random
import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from http.client import RemoteDisconnected
from pathlib import Path
from typing import Any
from urllib.error import URLError

from fastapi import FastAPI, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from bot.surfaces.bodies import read_bounded
from bot.surfaces.slack_state import SlackClaims, ThreadMemory
from bot.surfaces.store import MEMORY, Database, database
from bot.types import Answer, QuestionError

log = logging.getLogger("bot.surfaces.slack")

EVENTS_PATH = "/slack/events"
MAX_BODY_BYTES = 1024 * 1024  # Slack's payloads are a few KB
BOLT_LOGGER = "bot.surfaces.slack.bolt"
RETRY_AFTER_S = 30  # when Slack is unreachable, a hint of when to send the event again
REFUSED = {  # why a request is refused before bolt sees it -> its status
    "too_large": 413,
    "bad_timestamp": 400,
    "invalid_body": 400,
    "unsigned": 401,
    "invalid_signature": 401,
    "slack_unreachable": 503,  # signed, but the bot cannot reach Slack yet: Slack retries later
}
MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
LINK = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|([^>]+))?>")
CHANNEL_REF = re.compile(r"<#[A-Z0-9]+\|([^>]*)>")
BOLD = re.compile(r"\*\*(.+?)\*\*")
# From claiming an event to Slack getting its 200 takes milliseconds, an answer and its post well
# under a minute: a claim left unfinished longer was left by a replica that died.
EVENT_LEASE_S = 30.0
ANSWER_LEASE_S = 120.0
POST_RETRIES = 4  # attempts after the first when the Web API fails for a passing reason
RETRY_BACKOFF_S = 0.5  # the first wait; it doubles (with jitter) on each retry
MAX_WAIT_S = 10.0  # no single wait is longer, whatever a 429's Retry-After says


def clean_text(text: str) -> str:
    """Turn Slack's message markup into plain text: drop mentions, unwrap links, unescape."""
    text = MENTION.sub(" ", text)
    text = CHANNEL_REF.sub(lambda m: f"#{m.group(1)}", text)
    text = LINK.sub(lambda m: m.group(2) or m.group(1), text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table_block(rows: list[str]) -> list[str]:
    """Render a Markdown table as an aligned code block (Slack has no tables)."""
    cells = [
        [BOLD.sub(r"\1", c.strip()) for c in row.strip().strip("|").split("|")]
        for row in rows
        if not re.fullmatch(r"\|?[\s:|-]+\|?", row.strip())
    ]
    width = max(len(r) for r in cells)
    cells = [r + [""] * (width - len(r)) for r in cells]
    sizes = [max(len(r[i]) for r in cells) for i in range(width)]
    lines = ["  ".join(c.ljust(sizes[i]) for i, c in enumerate(r)).rstrip() for r in cells]
    return ["```", *lines, "```"]


def markdown_to_mrkdwn(text: str) -> str:
    """Convert the chain's Markdown (headings, bold, bullets, tables) to Slack mrkdwn."""
    out: list[str] = []
    table: list[str] = []
    for line in _escape(text).splitlines():
        if line.lstrip().startswith("|"):
            table.append(line)
            continue
        if table:
            out += _table_block(table)
            table = []
        heading = re.match(r"^#{1,6}\s+(.*)$", line)
        if heading:
            line = "*" + BOLD.sub(r"\1", heading.group(1)) + "*"
        else:
            line = BOLD.sub(r"*\1*", line)
            line = re.sub(r"^(\s*)[-*] ", r"\1• ", line)
        out.append(line)
    if table:
        out += _table_block(table)
    return "\n".join(out)


def format_answer(answer: Answer) -> str:
    """The answer in mrkdwn, its sources as a short list at the end."""
    text = markdown_to_mrkdwn(answer.body)
    if answer.sources:
        items = [f"• [{i}] {_escape(s.title)}" for i, s in enumerate(answer.sources, start=1)]
        text += f"\n\n*{_escape(answer.sources_heading)}*\n" + "\n".join(items)
    return text


def transient_retries(retries: int, backoff_s: float) -> list[Any]:
    """slack_sdk retry handlers for Web API calls that failed for a passing reason."""
    from slack_sdk.http_retry import RetryHandler

    class TransientRetry(RetryHandler):
        """429 (waiting at least its Retry-After), 5xx, a refused or reset connection; not a
        timeout, after which the message may have been posted already."""

        def _can_retry(self, *, state: Any, request: Any, response=None, error=None) -> bool:
            if response is not None:
                return response.status_code == 429 or response.status_code >= 500
            if isinstance(error, TimeoutError) or isinstance(
                getattr(error, "reason", None), TimeoutError
            ):
                return False
            return isinstance(error, URLError | ConnectionError | RemoteDisconnected)

        def prepare_for_next_attempt(self, *, state: Any, request: Any, response=None, error=None):
            wait = backoff_s * 2**state.current_attempt * (1 + random.random() / 2)
            if response is not None and response.status_code == 429:
                headers = {k.lower(): v for k, v in response.headers.items()}
                after = (headers.get("retry-after") or ["0"])[0]
                wait = max(wait, float(after) if after.replace(".", "", 1).isdigit() else 1.0)
            log.warning(
                "slack: Web API failed (%s); retry %d of %d in %.1fs",
                response.status_code if response is not None else type(error).__name__,
                state.current_attempt + 1,
                retries,
                min(wait, MAX_WAIT_S),
            )
            state.next_attempt_requested = True
            time.sleep(min(wait, MAX_WAIT_S))
            state.increment_current_attempt()

    return [TransientRetry(max_retry_count=retries)]


def from_a_bot(event: dict) -> bool:
    """True for a message a bot wrote (this one or another): answering it could loop."""
    return bool(event.get("bot_id") or event.get("bot_profile")) or (
        event.get("subtype") == "bot_message"
    )


class SlackBot:
    """The bolt App and its listeners over a warm assistant."""

    def __init__(
        self,
        assistant: Any,
        token: str,
        signing_secret: str | None,
        api_url: str | None = None,
        cost_command: str = "/biaya",
        store: Path | str | Database | None = None,
        post_retries: int = POST_RETRIES,
        retry_backoff_s: float = RETRY_BACKOFF_S,
    ) -> None:
        from slack_bolt import App
        from slack_sdk import WebClient
        from slack_sdk.signature import SignatureVerifier

        self.assistant = assistant
        # No signing secret in Socket Mode: nothing comes over HTTP, so nothing is signed.
        self.verifier = SignatureVerifier(signing_secret) if signing_secret else None
        # The shared store (a SQLite path or a URL); without one, a private in-memory store.
        db = store if isinstance(store, Database) else Database(MEMORY)
        if isinstance(store, Path | str):
            db = database(store)
        self.claims = SlackClaims(db)
        self.threads = ThreadMemory(db)
        where = {"base_url": api_url} if api_url else {}
        client = WebClient(token=token, **where)
        # Answers go out through a client that retries; auth.test has SlackLink's own backoff.
        retries = transient_retries(post_retries, retry_backoff_s)
        self.poster = WebClient(token=token, retry_handlers=retries, **where)
        self.app = App(
            client=client,
            signing_secret=signing_secret or "",
            request_verification_enabled=signing_secret is not None,
            token_verification_enabled=False,  # SlackLink checks the token, in the background
            process_before_response=False,  # ack first, answer in the listener executor
            listener_executor=ThreadPoolExecutor(max_workers=8, thread_name_prefix="slack"),
            logger=logging.getLogger(BOLT_LOGGER),
        )
        # Bolt logs a badly signed request's whole body at INFO; mount_slack refuses those first.
        logging.getLogger(BOLT_LOGGER).setLevel(logging.WARNING)
        self.app.use(self._skip_retried_events)
        self.app.event("app_mention")(self._on_mention)
        self.app.event("message")(self._on_message)
        self.app.command(cost_command)(self._on_cost_command)

    def refusal(self, body: bytes, headers: Any) -> str | None:
        """Why a request is not Slack's (a key of REFUSED), or None when its signature holds."""
        timestamp = headers.get("x-slack-request-timestamp")
        signature = headers.get("x-slack-signature")
        if self.verifier is None or not timestamp or not signature:
            return "unsigned"
        if not timestamp.isdigit():
            return "bad_timestamp"
        try:
            valid = self.verifier.is_valid(body, timestamp, signature)
        except UnicodeDecodeError:
            return "invalid_body"
        return None if valid else "invalid_signature"

    def authorized(self, auth_test: Any) -> None:
        """Hand SlackLink's auth.test result to bolt's authorization, which would otherwise call
        auth.test itself on a request (on every one while Slack is away: a 500 and a traceback
        each)."""
        from slack_bolt.middleware.authorization import SingleTeamAuthorization

        for middleware in self.app._middleware_list:
            if isinstance(middleware, SingleTeamAuthorization):
                middleware.auth_test_result = auth_test

    # -- middleware ---------------------------------------------------------------------------
    def _skip_retried_events(self, body: dict, request: Any, next: Any) -> Any:  # noqa: A002
        """Let each event_id through once; Slack's retries of it get a plain 200."""
        from slack_bolt import BoltResponse

        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if not event_id:
            return next()
        key = f"event:{event_id}"
        if not self.claims.claim(key, EVENT_LEASE_S):
            retry = (request.headers.get("x-slack-retry-num") or ["?"])[0]
            log.info(
                "slack: retry %s of event %s already handled; not answering again", retry, event_id
            )
            return BoltResponse(status=200, body="")
        response = next()
        self.claims.finish(key)  # acknowledged: Slack sends it again only if it saw no 200
        return response

    # -- listeners ----------------------------------------------------------------------------
    def _on_mention(self, event: dict) -> None:
        self._answer(event, "app_mention")

    def _on_message(self, event: dict) -> None:
        if event.get("channel_type") != "im" or event.get("subtype"):
            return  # only plain messages in direct messages; mentions come as app_mention
        self._answer(event, "im")

    def _answer(self, event: dict, kind: str) -> None:
        channel, ts = event.get("channel"), event.get("ts")
        if from_a_bot(event):
            log.info("slack: %s from a bot in %s not answered", kind, channel)
            return
        key = f"msg:{channel}:{ts}"
        if not channel or not ts or not self.claims.claim(key, ANSWER_LEASE_S):
            return
        thread_ts = event.get("thread_ts") or ts
        question = clean_text(event.get("text") or "")
        started = time.perf_counter()
        try:
            thread = f"{channel}:{thread_ts}"
            answer = self.assistant.answer(question, self.threads.history(thread))
            self.threads.remember(thread, question, answer)
            text = format_answer(answer)
            outcome = f"lang={answer.language} route={answer.route}"
        except QuestionError as err:
            text, outcome = _escape(err.message), f"rejected={err.code}"
        try:
            self.poster.chat_postMessage(
                channel=channel, thread_ts=thread_ts, text=text, mrkdwn=True
            )
        except Exception as exc:  # noqa: BLE001 - retried already; the listener must not die
            log.warning(
                "slack: could not post the answer in %s thread=%s (%s); gave up",
                channel,
                thread_ts,
                _reason(exc),
            )
            return
        self.claims.finish(key)
        log.info(
            "slack: answered %s in %s thread=%s %s ms=%.0f question=%s",
            kind,
            channel,
            thread_ts,
            outcome,
            (time.perf_counter() - started) * 1000,
            question,
        )

    def _on_cost_command(self, ack: Any, command: dict, respond: Any) -> None:
        ack()
        respond(text=self.cost_reply(command.get("text") or ""), response_type="in_channel")

    def cost_reply(self, text: str) -> str:
        """Estimate from the command's words; usage help when it states nothing."""
        from bot.lang import detect_language

        text = clean_text(text)
        lang = detect_language(text) if text else "id"
        reply = self.assistant.cost.reply_to_text(text, lang)
        if reply is None:
            return self.assistant.prompts.phrase(lang, "slack.cost_usage")
        return markdown_to_mrkdwn(reply.text)


def _reason(exc: Exception) -> str:
    """Slack's error code or the exception's type, never a token or a body."""
    response = getattr(exc, "response", None)
    data = getattr(response, "data", None)
    if isinstance(data, dict) and data.get("error"):
        return f"{data['error']}, HTTP {getattr(response, 'status_code', '?')}"
    return type(exc).__name__


def mount_slack(app: FastAPI, bot: SlackBot, ready: Callable[[], bool] | None = None) -> None:
    """Serve the bot at POST /slack/events, dispatching off the event loop; until `ready()`
    (the token checked with Slack) a signed request gets 503, and Slack sends it again."""
    from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response

    @app.post(EVENTS_PATH, include_in_schema=False)
    async def slack_events(request: Request) -> Response:
        body = await read_bounded(request, MAX_BODY_BYTES)
        problem = "too_large" if body is None else bot.refusal(body, request.headers)
        if problem is None:
            try:
                bolt_request = to_bolt_request(request, body)
            except (ValueError, TypeError, AttributeError, KeyError, RecursionError):
                problem = "invalid_body"  # not JSON, not an object, nested past Python's stack
        if problem is None and ready is not None and not ready():
            problem = "slack_unreachable"
        if problem is not None:
            log.info("slack: request refused (%s)", problem)
            # A refused body may be unread: the connection cannot carry another request.
            headers = {"Connection": "close"} if problem == "too_large" else {}
            if problem == "slack_unreachable":
                headers["Retry-After"] = str(RETRY_AFTER_S)
            return JSONResponse({"error": problem}, status_code=REFUSED[problem], headers=headers)
        # slack_bolt.adapter.fastapi.SlackRequestHandler calls the synchronous App.dispatch on
        # the event loop; a thread keeps the UI and API responsive while bolt waits for ack().
        bolt_response = await run_in_threadpool(bot.app.dispatch, bolt_request)
        return to_starlette_response(bolt_response)
