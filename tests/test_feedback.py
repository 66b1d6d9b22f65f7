"""Feedback storage: rows as given, secrets stripped, concurrent writers lose nothing, CSV export."""

from __future__ import annotations

import csv
import io
import multiprocessing
import sqlite3
import threading

import pytest
from typer.testing import CliRunner

from bot.surfaces.feedback import COLUMNS, FeedbackStore, feedback_path

SOURCES = [{"id": "faq-hourly-rate", "title": "Hourly rate", "language": "en", "score": 0.93}]


def test_add_and_read_back(tmp_path):
    store = FeedbackStore(feedback_path(tmp_path))
    first = store.add("What is the hourly rate?", "From $10 to $50 [1]", True, SOURCES, "en")
    second = store.add("Berapa tarif?", "Antara $10 dan $50 [1]", False, [], "id")
    rows = list(store.rows())
    assert [r["id"] for r in rows] == [first, second]
    assert [(r["rating"], r["lang"], r["question"]) for r in rows] == [
        (1, "en", "What is the hourly rate?"),
        (-1, "id", "Berapa tarif?"),
    ]
    assert rows[0]["answer"] == "From $10 to $50 [1]"
    assert '"faq-hourly-rate"' in rows[0]["sources"]
    assert rows[0]["created_at"].endswith("+00:00")
    with sqlite3.connect(feedback_path(tmp_path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("rating", [0, 2, "up", None])
def test_rating_must_be_up_or_down(tmp_path, rating):
    with pytest.raises(ValueError, match="rating must be up"):
        FeedbackStore(feedback_path(tmp_path)).add("q", "a", rating)


def test_secrets_are_not_stored(tmp_path):
    store = FeedbackStore(feedback_path(tmp_path), secrets=["local-signing-secret"])
    store.add(
        "my token is xoxb-123-456-abcdefgh and local-signing-secret",
        "Authorization: Bearer abcdef123456",
        True,
    )
    raw = feedback_path(tmp_path).read_bytes() + b"".join(
        p.read_bytes() for p in tmp_path.glob("feedback.sqlite3-*")
    )
    for secret in (b"xoxb-123-456-abcdefgh", b"local-signing-secret", b"abcdef123456"):
        assert secret not in raw
    row = next(FeedbackStore(feedback_path(tmp_path)).rows())
    assert row["question"] == "my token is [REDACTED] and [REDACTED]"
    assert row["answer"] == "Authorization: Bearer [REDACTED]"


def test_personal_data_is_masked_in_the_store_and_its_export(tmp_path):
    store = FeedbackStore(feedback_path(tmp_path))
    question = (
        "Berapa biaya 10000 tiket, Rp 180.000.000? NIK 3201014501900001, kartu "
        "4111 1111 1111 1111, WA 6281234567890 / wa.me/6281234567890, key "
        "AIzaSyA1bC2dE3fG4hI5jK6lM7nO8pQ9rS0tU1v, budi@contoh.co.id"
    )
    store.add(question, "In-house costs $45,000; call 0812-3456-7890", True)
    out = io.StringIO()
    store.export_csv(out)
    raw = feedback_path(tmp_path).read_bytes() + b"".join(
        p.read_bytes() for p in tmp_path.glob("feedback.sqlite3-*")
    )
    for leaked in ("3201014501900001", "4111 1111", "81234567890", "AIzaSy", "budi@", "3456-7890"):
        assert leaked.encode() not in raw
        assert leaked not in out.getvalue()
    row = next(store.rows())
    assert row["question"] == (
        "Berapa biaya 10000 tiket, Rp 180.000.000? NIK [nik], kartu [card], WA [phone] / "
        "wa.me/[phone], key [REDACTED], [email]"
    )
    assert row["answer"] == "In-house costs $45,000; call [phone]"


def test_one_rating_per_session_and_message_the_latest_wins(tmp_path):
    store = FeedbackStore(feedback_path(tmp_path))
    first = store.add("Berapa tarif?", "Antara $10 dan $50", True, session="s1", message_id="m1")
    again = store.add("Berapa tarif?", "Antara $10 dan $50", False, session="s1", message_id="m1")
    other = store.add("Berapa tarif?", "Antara $10 dan $50", True, session="s2", message_id="m1")
    loose = [store.add("q", "a", True), store.add("q", "a", True)]  # no session: one row each
    assert again == first and len({first, other, *loose}) == 4
    rows = list(store.rows())
    assert [(r["id"], r["rating"]) for r in rows] == [
        (first, -1),
        (other, 1),
        (loose[0], 1),
        (loose[1], 1),
    ]


def test_a_store_made_before_sessions_gains_them(tmp_path):
    path = feedback_path(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL,"
            " rating INTEGER NOT NULL, lang TEXT NOT NULL DEFAULT '', question TEXT NOT NULL,"
            " answer TEXT NOT NULL, sources TEXT NOT NULL DEFAULT '[]')"
        )
        conn.execute(
            "INSERT INTO feedback (created_at, rating, question, answer) VALUES ('t', 1, 'q', 'a')"
        )
    store = FeedbackStore(path)
    row = store.add("q2", "a2", True, session="s", message_id="m")
    assert store.add("q2", "a2", False, session="s", message_id="m") == row
    assert [r["rating"] for r in store.rows()] == [1, -1]


def _run_threads(target, count: int) -> None:
    threads = [threading.Thread(target=target, args=(w,)) for w in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def test_concurrent_writers_in_threads_lose_nothing(tmp_path):
    path = feedback_path(tmp_path)
    errors: list[BaseException] = []

    def write(worker: int) -> None:
        store = FeedbackStore(path)  # own instance: no shared lock, SQLite must serialise
        try:
            for n in range(25):
                store.add(f"q{worker}-{n}", "a", n % 2 == 0)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    _run_threads(write, 8)
    assert errors == []
    questions = {r["question"] for r in FeedbackStore(path).rows()}
    assert len(questions) == 200
    assert questions == {f"q{w}-{n}" for w in range(8) for n in range(25)}


def _write_from_process(path: str, worker: int) -> None:
    from pathlib import Path

    store = FeedbackStore(Path(path))
    for n in range(20):
        store.add(f"p{worker}-{n}", "a", True)


def test_concurrent_writers_in_processes_lose_nothing(tmp_path):
    path = feedback_path(tmp_path)
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_from_process, args=(str(path), w)) for w in range(4)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(timeout=120)
        assert p.exitcode == 0
    assert len(list(FeedbackStore(path).rows())) == 80


def test_export_csv(tmp_path):
    store = FeedbackStore(feedback_path(tmp_path))
    store.add('Tarif "per jam", berapa?', "Antara $10\ndan $50", True, SOURCES, "id")
    out = io.StringIO()
    assert store.export_csv(out) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert out.getvalue().splitlines()[0] == ",".join(COLUMNS)
    assert rows[0]["rating"] == "up"
    assert rows[0]["question"] == 'Tarif "per jam", berapa?'
    assert rows[0]["answer"] == "Antara $10\ndan $50"


def test_export_without_database_writes_only_the_header(tmp_path):
    out = io.StringIO()
    assert FeedbackStore(feedback_path(tmp_path / "none")).export_csv(out) == 0
    assert out.getvalue().strip() == ",".join(COLUMNS)


def test_cli_feedback_export(tmp_path, isolated_home):
    from bot.surfaces.cli import app

    FeedbackStore(feedback_path(isolated_home)).add("What is ROI?", "ROI is ... [1]", False)
    target = tmp_path / "feedback.csv"
    result = CliRunner().invoke(app, ["feedback", "export", "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert "Wrote 1 ratings to" in result.output
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [(r["question"], r["rating"]) for r in rows] == [("What is ROI?", "down")]

    stdout = CliRunner().invoke(app, ["feedback", "export"])
    assert stdout.exit_code == 0
    assert stdout.output.splitlines()[0] == ",".join(COLUMNS)
    assert "What is ROI?" in stdout.output


def test_first_writers_racing_on_a_new_file_all_land(tmp_path):
    # Switching a new file to WAL skips SQLite's busy handler; several stores opening the
    # same new file at once used to drop a rating with "database is locked" (~2% of files).
    errors: list[BaseException] = []
    for trial in range(40):
        path = feedback_path(tmp_path / str(trial))

        def write(worker: int, path=path) -> None:
            try:
                FeedbackStore(path).add(f"q{worker}", "a", True)
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        _run_threads(write, 8)
        assert len(list(FeedbackStore(path).rows())) == 8 - len(errors)
    assert errors == []


@pytest.mark.parametrize(
    ("question", "exported"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("What is ROI? =1+1", "What is ROI? =1+1"),
    ],
)
def test_export_neutralises_spreadsheet_formulas(tmp_path, question, exported):
    # OWASP's CSV injection advice: a cell a spreadsheet would read as a formula gets a quote.
    store = FeedbackStore(feedback_path(tmp_path))
    store.add(question, question, True, [], "en")
    out = io.StringIO()
    store.export_csv(out)
    row = next(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert row["question"] == exported
    assert row["answer"] == exported
    assert list(store.rows())[0]["question"] == question  # the store keeps what was said


def test_the_store_url_is_a_setting_and_its_password_a_secret(tmp_path, monkeypatch):
    from bot.config import Settings
    from bot.surfaces.server import ServerSettings

    assert Settings(home=tmp_path).store_target() == feedback_path(tmp_path)  # SQLite by default
    url = "postgresql+psycopg://bot:pw-0123456789@db.internal:5432/bot"
    monkeypatch.setenv("BOT_FEEDBACK_URL", url)
    settings = Settings()
    assert settings.store_target() == url
    assert "pw-0123456789" not in settings.model_dump_json() + repr(settings)
    assert "pw-0123456789" in ServerSettings().secrets(settings)  # scrubbed from the logs


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgres://bot:pw@db:5432/bot", "postgresql+psycopg://bot:pw@db:5432/bot"),
        ("postgresql://bot@db/bot", "postgresql+psycopg://bot@db/bot"),
        ("sqlite:////srv/bot/feedback.sqlite3", "sqlite:////srv/bot/feedback.sqlite3"),
    ],
)
def test_a_plain_postgres_url_uses_the_installed_driver(given, used):
    from bot.config import Settings

    assert Settings(feedback_url=given).store_target() == used


def test_a_wrong_store_url_is_refused_without_showing_it():
    from pydantic import ValidationError

    from bot.config import Settings

    with pytest.raises(ValidationError) as refused:
        Settings(feedback_url="mysql://bot:pw-0123456789@db/bot")
    assert "not a database URL" in str(refused.value)
    assert "pw-0123456789" not in str(refused.value)
