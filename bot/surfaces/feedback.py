"""Thumbs up / down on answers, kept in the shared store (bot.surfaces.store: SQLite under the
data dir, or PostgreSQL for replicas) and exported as CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import select, text

from bot.config import FEEDBACK_FILE
from bot.redact import redact
from bot.surfaces.store import database, feedback

# What a spreadsheet opening the export reads as the start of a formula; users type these freely.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = ("id", "created_at", "rating", "lang", "question", "answer", "sources")
UPSERT = text(
    """
INSERT INTO feedback (created_at, rating, lang, question, answer, sources, session, message_id)
VALUES (:created_at, :rating, :lang, :question, :answer, :sources, :session, :message_id)
ON CONFLICT (session, message_id) DO UPDATE SET created_at = excluded.created_at,
    rating = excluded.rating
RETURNING id
"""
)


def neutralise(value: Any) -> Any:
    """Prefix a quote to a cell a spreadsheet would run as a formula (OWASP, CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def feedback_path(home: Path) -> Path:
    """Where the feedback database lives for a data dir."""
    return home / FEEDBACK_FILE


class FeedbackStore:
    """Feedback table, one row per rated answer, in the shared store (a SQLite path or a URL)."""

    def __init__(self, target: Path | str, secrets: Iterable[str] = ()) -> None:
        self.db = database(target)
        self.secrets = tuple(s for s in secrets if s)

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
        row = {
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "rating": value,
            "lang": lang,
            "question": redact(question, self.secrets),
            "answer": redact(answer, self.secrets),
            "sources": redact(json.dumps(sources or [], ensure_ascii=False), self.secrets),
            "session": session if message_id is not None else None,
            "message_id": message_id if session is not None else None,
        }
        with self.db.write() as conn:
            return int(conn.execute(UPSERT, row).scalar_one())

    def rows(self) -> Iterator[dict[str, Any]]:
        """Yield every stored rating, oldest first."""
        if not self.db.exists():  # nothing was rated; reading must not create the file
            return
        query = select(*(feedback.c[name] for name in COLUMNS)).order_by(feedback.c.id)
        with self.db.engine.connect() as conn:
            for values in conn.execute(query):
                yield dict(zip(COLUMNS, values, strict=True))

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
