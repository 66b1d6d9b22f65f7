"""What the Slack bot must remember beyond one process: the deliveries it took (so a retry, on
this replica or another, after a restart too, is not answered twice) and each thread's
conversation (so a follow-up goes on on whichever replica it lands). Both live in the shared
store (bot.surfaces.store). When the store cannot be reached the bot still answers: a delivery is
handled without a claim (at least once rather than never) and a thread without its history."""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from bot.surfaces.store import Database
from bot.types import Answer, Message

log = logging.getLogger("bot.surfaces.slack")

CLAIM = text(
    "INSERT INTO slack_claims (key, claimed_at, done) VALUES (:key, :now, 0) "
    "ON CONFLICT (key) DO NOTHING"
)
# An unfinished claim older than its lease was left by a replica that died; an old one expired.
TAKE_OVER = text(
    "UPDATE slack_claims SET claimed_at = :now, done = 0 WHERE key = :key "
    "AND ((done = 0 AND claimed_at < :stale) OR claimed_at < :expired)"
)
FINISH = text("UPDATE slack_claims SET done = 1 WHERE key = :key")
FORGET_CLAIMS = text("DELETE FROM slack_claims WHERE claimed_at < :expired")
READ_THREAD = text("SELECT turns FROM slack_threads WHERE thread = :thread")
WRITE_THREAD = text(
    "INSERT INTO slack_threads (thread, turns, updated_at) VALUES (:thread, :turns, :now) "
    "ON CONFLICT (thread) DO UPDATE SET turns = excluded.turns, updated_at = excluded.updated_at"
)
# Keep the most recently used threads: drop those older than the max_threads-th newest.
FORGET_THREADS = text(
    "DELETE FROM slack_threads WHERE updated_at < (SELECT updated_at FROM slack_threads "
    "ORDER BY updated_at DESC LIMIT 1 OFFSET :keep)"
)
SWEEP_EVERY = 200  # claims between deletions of expired ones


class SlackClaims:
    """Claims on Slack deliveries (event ids, channel:ts), shared by every replica."""

    def __init__(self, db: Database, ttl_s: float = 86_400.0) -> None:
        self.db, self.ttl_s = db, ttl_s
        self._count = 0

    def claim(self, key: str, lease_s: float) -> bool:
        """True when this process may handle `key`: first to claim it, or taking over a claim
        left unfinished for `lease_s` (its replica died), or one older than the TTL."""
        now = time.time()
        params = {"key": key, "now": now, "stale": now - lease_s, "expired": now - self.ttl_s}
        try:
            with self.db.write() as conn:
                if conn.execute(CLAIM, params).rowcount == 1:
                    taken = True
                else:
                    taken = conn.execute(TAKE_OVER, params).rowcount == 1
                    if taken:
                        log.info("slack: %s was left unfinished; taking it over", key)
                self._count += 1
                if self._count % SWEEP_EVERY == 0:
                    conn.execute(FORGET_CLAIMS, params)
        except SQLAlchemyError as exc:
            _unreachable(exc, f"handling {key} without a claim")
            return True
        return taken

    def finish(self, key: str) -> None:
        """Mark a claim done: nobody takes it over any more."""
        try:
            with self.db.write() as conn:
                conn.execute(FINISH, {"key": key})
        except SQLAlchemyError as exc:
            _unreachable(exc, f"{key} stays unfinished")


class ThreadMemory:
    """The conversation of each Slack thread, so a follow-up in the thread ("and with 8
    agents?") builds on what was said there; the least recently used threads are forgotten."""

    def __init__(self, db: Database, max_threads: int = 1000, max_turns: int = 12) -> None:
        self.db, self.max_threads, self.max_turns = db, max_threads, max_turns

    def history(self, thread: str) -> list[Message]:
        try:
            with self.db.engine.connect() as conn:
                stored = conn.execute(READ_THREAD, {"thread": thread}).scalar()
        except SQLAlchemyError as exc:
            _unreachable(exc, f"answering in thread {thread} without its history")
            return []
        return _turns(stored)

    def remember(self, thread: str, question: str, answer: Answer) -> None:
        """Add a question and its answer to the thread (the last max_turns turns are kept)."""
        try:
            with self.db.write() as conn:
                turns = _turns(conn.execute(READ_THREAD, {"thread": thread}).scalar())
                turns += [Message("user", question), Message.of(answer)]
                data = json.dumps([dataclasses.asdict(t) for t in turns[-self.max_turns :]])
                params = {"thread": thread, "turns": data, "now": float(time.time_ns())}
                conn.execute(WRITE_THREAD, params)
                conn.execute(FORGET_THREADS, {"keep": self.max_threads - 1})
        except SQLAlchemyError as exc:
            _unreachable(exc, f"thread {thread} not remembered")


def _unreachable(exc: Exception, consequence: str) -> None:
    """One line: the store's failure by type (its message may hold the URL), and what follows."""
    cause = getattr(exc, "orig", None) or exc
    log.warning("slack: shared store unreachable (%s); %s", type(cause).__name__, consequence)


def _turns(stored: Any) -> list[Message]:
    if not stored:
        return []
    try:
        items = json.loads(stored)
    except ValueError:
        return []
    turns = (Message.coerce(item) for item in items if isinstance(item, dict))
    return [t for t in turns if t is not None]
