"""The shared store: one SQLAlchemy database for feedback ratings, Slack event claims and Slack
threads.

A SQLite file under BOT_HOME by default (one server, or several on one machine); a PostgreSQL URL
(BOT_FEEDBACK_URL=postgresql+psycopg://...) when replicas on several machines share it, so a Slack
retry landing on another replica is not answered twice and a thread goes on on either replica.
Tables are made on first use; nothing connects before that.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    Connection,
    Engine,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    inspect,
    text,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import StaticPool

INIT_WAIT_S = 10.0  # how long a first writer waits for another to finish setting up the file
MEMORY = "sqlite://"  # a private in-memory store (tests, or a bot that may forget on restart)
CONNECT_TIMEOUT_S = 5
SCHEMA_LOCK = 16_016  # PostgreSQL advisory lock: replicas starting together make tables once

metadata = MetaData()
feedback = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", Text, nullable=False),
    Column("rating", Integer, CheckConstraint("rating IN (-1, 1)"), nullable=False),
    Column("lang", Text, nullable=False, server_default=""),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("sources", Text, nullable=False, server_default="[]"),
    Column("session", Text),
    Column("message_id", Text),
    sqlite_autoincrement=True,  # ids never reused, as in the stores made before SQLAlchemy
)
# Slack deliveries taken by a replica (event ids, channel:ts): `done` once acknowledged/answered.
slack_claims = Table(
    "slack_claims",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("claimed_at", Float, nullable=False),
    Column("done", Integer, nullable=False, server_default="0"),
)
# The conversation of each Slack thread, as a JSON list of turns; updated_at in ns orders them.
slack_threads = Table(
    "slack_threads",
    metadata,
    Column("thread", String(200), primary_key=True),
    Column("turns", Text, nullable=False),
    Column("updated_at", Float, nullable=False),
    Index("slack_threads_updated", "updated_at"),
)
# One rating per (session, message): rating an answer again changes its row. Rows without a
# session (NULL) never collide: SQLite and PostgreSQL both treat NULLs in UNIQUE as distinct.
ONE_PER_MESSAGE = (
    "CREATE UNIQUE INDEX IF NOT EXISTS feedback_one_per_message ON feedback (session, message_id)"
)
ADDED_COLUMNS = ("session", "message_id")  # missing from feedback tables made before them


def url_of(target: Path | str) -> str:
    """A SQLAlchemy URL for a SQLite file path, or the URL as given."""
    return f"sqlite:///{target}" if isinstance(target, Path) else target


class Database:
    """An engine over one URL whose tables are made once, on first use."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.sqlite = url.startswith("sqlite")
        self.path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
        # SQLite takes one writer at a time anyway; queueing here spares its busy-wait sleeps.
        self.write_lock = threading.Lock() if self.sqlite else contextlib.nullcontext()
        self._engine: Engine | None = None
        self._ready = False
        self._setup = threading.Lock()

    @property
    def engine(self) -> Engine:
        """The engine, its tables made (waiting out other first writers)."""
        with self._setup:
            if self._engine is None:
                self._engine = _make_engine(self.url, self.path)
            if not self._ready:
                self._prepare(self._engine)
                self._ready = True
        return self._engine

    def exists(self) -> bool:
        """False for a SQLite file not made yet (reading it must not create it)."""
        return self.path is None or self.path.exists()

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """A connection in a transaction, committed at the end (one writer at a time on SQLite)."""
        engine = self.engine
        with self.write_lock, engine.begin() as conn:
            yield conn

    def _prepare(self, engine: Engine) -> None:
        """Make the tables; SQLite switches to WAL first, retrying while another process holds it.

        Changing the journal mode takes an exclusive lock without SQLite's busy handler, and
        two processes may both find a table missing, so several stores opening a new file at
        once can see "database is locked" or "table already exists" here.
        """
        deadline = time.monotonic() + INIT_WAIT_S
        while True:
            try:
                with engine.begin() as conn:
                    if self.sqlite:
                        if conn.exec_driver_sql("PRAGMA journal_mode").scalar() != "wal":
                            conn.exec_driver_sql("PRAGMA journal_mode = WAL")
                    else:
                        conn.execute(
                            text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK}
                        )
                    metadata.create_all(conn)
                    _add_columns(conn)
                    conn.exec_driver_sql(ONE_PER_MESSAGE)
                return
            except OperationalError as exc:  # another process got there first: look again
                retry = "locked" in str(exc) or "already exists" in str(exc)
                if not retry or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)


def _make_engine(url: str, path: Path | None) -> Engine:
    if url == MEMORY:  # one connection shared by every thread, or each would see its own store
        return create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30.0})

        @event.listens_for(engine, "connect")
        def _busy_timeout(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.execute("PRAGMA busy_timeout = 30000")

        return engine
    # A restarted server: reconnect, not fail; an unreachable one: give up in seconds, not minutes.
    connect = {"connect_timeout": CONNECT_TIMEOUT_S} if url.startswith("postgresql") else {}
    return create_engine(url, pool_pre_ping=True, connect_args=connect)


def _add_columns(conn: Connection) -> None:
    """Give a feedback table made before sessions their columns (another writer may just have)."""
    have = {column["name"] for column in inspect(conn).get_columns("feedback")}
    for column in ADDED_COLUMNS:
        if column not in have:
            try:  # on PostgreSQL the advisory lock keeps others out; SQLite may race here
                conn.exec_driver_sql(f"ALTER TABLE feedback ADD COLUMN {column} TEXT")
            except OperationalError as exc:
                if "duplicate column" not in str(exc):
                    raise


_databases: dict[str, Database] = {}
_databases_lock = threading.Lock()


def database(target: Path | str) -> Database:
    """The process's one Database for a URL or SQLite path (engines and pools are shared)."""
    url = url_of(target)
    with _databases_lock:
        if url not in _databases:
            _databases[url] = Database(url)
        return _databases[url]
