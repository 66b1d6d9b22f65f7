"""Thumbs up / down on answers, kept in SQLite under the data dir and exported as CSV."""

from __future__ import annotations

import csv
import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from bot.redact import redact

INIT_WAIT_S = 10.0  # how long a first writer waits for another to finish setting up the file
# What a spreadsheet opening the export reads as the start of a formula; users type these freely.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = ("id", "created_at", "rating", "lang", "question", "answer", "sources")
SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    lang TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    sources TEXT NOT NULL DEFAULT '[]',
    session TEXT,
    message_id TEXT
)
"""
# One rating per (session, message): rating an answer again changes its row. Rows without a
# session (NULL) never collide, as SQLite's UNIQUE treats NULLs as distinct.
ONE_PER_MESSAGE = (
    "CREATE UNIQUE INDEX IF NOT EXISTS feedback_one_per_message ON feedback (session, message_id)"
)
ADDED_COLUMNS = ("session", "message_id")  # missing from stores made before them


UPSERT = """
INSERT INTO feedback (created_at, rating, lang, question, answer, sources, session, message_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (session, message_id) DO UPDATE SET created_at = excluded.created_at,
    rating = excluded.rating
RETURNING id
"""


def _add_columns(conn: sqlite3.Connection) -> None:
    """Give a store made before sessions their columns (another writer may just have)."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(feedback)")}
    for column in ADDED_COLUMNS:
        if column not in have:
            try:
                conn.execute(f"ALTER TABLE feedback ADD COLUMN {column} TEXT")
            except sqlite3.OperationalError as exc:
                if "duplicate column" not in str(exc):
                    raise


def neutralise(value: Any) -> Any:
    """Prefix a quote to a cell a spreadsheet would run as a formula (OWASP, CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def feedback_path(home: Path) -> Path:
    """Where the feedback database lives for a data dir."""
    return home / "feedback.sqlite3"


class FeedbackStore:
    """Feedback table, one row per rated answer; every write opens its own connection (WAL)."""

    def __init__(self, path: Path, secrets: Iterable[str] = ()) -> None:
        self.path = path
        self.secrets = tuple(s for s in secrets if s)
        self._lock = threading.Lock()  # one writer at a time within this process
        self._ready = False

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30.0)
        conn.execute("PRAGMA busy_timeout = 30000")
        if not self._ready:
            self._prepare(conn)
            self._ready = True
        return conn

    @staticmethod
    def _prepare(conn: sqlite3.Connection) -> None:
        """Switch to WAL and create the table, waiting out other first writers.

        Changing the journal mode takes an exclusive lock without SQLite's busy handler,
        so several stores opening a new file at once can see "database is locked" here;
        they retry for a bounded time instead of losing the rating.
        """
        deadline = time.monotonic() + INIT_WAIT_S
        while True:
            try:
                if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    conn.execute("PRAGMA journal_mode = WAL")
                conn.execute(SCHEMA)
                _add_columns(conn)
                conn.execute(ONE_PER_MESSAGE)
                conn.commit()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def add(
        self,
        question: str,
        answer: str,
        rating: int | bool,
        sources: list[dict[str, Any]] | list[str] | None = None,
        lang: str = "",
        session: str | None = None,
        message_id: str | None = None,
    ) -> int:
        """Store one rating (+1 up, -1 down), secrets and personal data masked; return the row id.

        A rating with the `session` and `message_id` of an earlier one replaces it (same row).
        """
        value = 1 if rating is True or rating == 1 else -1 if rating is False or rating == -1 else 0
        if value == 0:
            raise ValueError(f"rating must be up (1/True) or down (-1/False), not {rating!r}")
        row = (
            datetime.now(UTC).isoformat(timespec="seconds"),
            value,
            lang,
            redact(question, self.secrets),
            redact(answer, self.secrets),
            redact(json.dumps(sources or [], ensure_ascii=False), self.secrets),
            session if message_id is not None else None,
            message_id if session is not None else None,
        )
        with self._lock:
            conn = self._connect()
            try:
                with conn:
                    (row_id,) = conn.execute(UPSERT, row).fetchone()
                return int(row_id)
            finally:
                conn.close()

    def rows(self) -> Iterator[dict[str, Any]]:
        """Yield every stored rating, oldest first."""
        if not self.path.exists():
            return
        conn = sqlite3.connect(self.path, timeout=30.0)
        try:
            cursor = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM feedback ORDER BY id")
            for values in cursor:
                yield dict(zip(COLUMNS, values, strict=True))
        except sqlite3.OperationalError:  # no table yet: nothing was rated
            return
        finally:
            conn.close()

    def export_csv(self, out: TextIO) -> int:
        """Write all ratings as CSV (header first); return the number of rows."""
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        count = 0
        for row in self.rows():
            row["rating"] = "up" if row["rating"] > 0 else "down"
            writer.writerow({k: neutralise(v) for k, v in row.items()})
            count += 1
        return count
