"""Secrets never reach logs or stored text; e-mail addresses and phone numbers are masked in logs."""

from __future__ import annotations

import io
import logging

import pytest

from bot.redact import RedactingFilter, install, mask_personal, redact, redact_secrets

SECRETS = [
    ("token xoxb-1234567890-0987654321-AbCdEfGhIjKl", "token [REDACTED]"),
    ("xoxp-111-222-333-abcdef and more", "[REDACTED] and more"),
    ("app level xapp-1-A01-123-abcdef0123", "app level [REDACTED]"),
    ("hook https://hooks.slack.com/services/T0/B0/XyZ123 done", "hook [REDACTED] done"),
    ("Authorization: Bearer abc.DEF-123_456~xyz", "Authorization: Bearer [REDACTED]"),
    ("key sk-proj-ABCDEFGHIJKLMNOPQRSTuvwx", "key [REDACTED]"),
    ("api_key=supersecretvalue123 next", "api_key=[REDACTED] next"),
    ('{"token": "verif1cation-t0ken"}', '{"token": "[REDACTED]"}'),
    ("signing_secret: 8f14e45fceea167a5a36dedd4bea2543", "signing_secret: [REDACTED]"),
    ("aws AKIAABCDEFGHIJKLMNOP here", "aws [REDACTED] here"),
    ("gh ghp_abcdefghijklmnopqrstuvwxyz0123 x", "gh [REDACTED] x"),
    ("maps AIzaSyA1bC2dE3fG4hI5jK6lM7nO8pQ9rS0tU1v end", "maps [REDACTED] end"),
]
PERSONAL = [
    ("mail me at budi.santoso@contoh.co.id please", "mail me at [email] please"),
    ("WA saya +62 812-3456-7890 ya", "WA saya [phone] ya"),
    ("telp 0812 3456 7890", "telp [phone]"),
    ("call (021) 555-1234 now", "call [phone] now"),
    ("intl 0044 20 7946 0958", "intl [phone]"),
    ("WA 6281234567890 ya", "WA [phone] ya"),
    ("hp 62 812 3456 7890", "hp [phone]"),
    ("chat https://wa.me/6281234567890?text=halo", "chat https://wa.me/[phone]?text=halo"),
    ("or wa.me/+62-812-3456-7890.", "or wa.me/[phone]."),
    ("landline +62 21 555 1234", "landline [phone]"),
    ("kartu 4111 1111 1111 1111 exp", "kartu [card] exp"),
    ("card 4111-1111-1111-1111", "card [card]"),
    ("amex 378282246310005!", "amex [card]!"),
    ("NIK 3201014501900001 ya", "NIK [nik] ya"),
    ("nik: 3174055708900007", "nik: [nik]"),
]
UNTOUCHED = [
    "Monthly total: $62,553.75 for 12 months",
    "Berapa biaya 10.000 kontak per bulan?",
    "article of 2024-03-25, 24/7 coverage",
    "127.0.0.1:54321 - POST /api/ask HTTP/1.1 200",
    "rates range from $10 to $50 per hour",
    "1000000 contacts",
    "10000 tickets a month",
    "in-house costs $45,000 a month",
    "anggaran Rp 180.000.000 per tahun",
    "Rp 62.000.000 sebulan untuk 62 agen",
    "1000000000000 contacts, 4111 1111 1111 1112 (no Luhn)",
    "thread=1700000000.000100 ms=1234",
]


@pytest.mark.parametrize(("text", "expected"), SECRETS)
def test_secrets_are_redacted(text, expected):
    assert redact_secrets(text) == expected


@pytest.mark.parametrize(("text", "expected"), PERSONAL)
def test_personal_data_is_masked(text, expected):
    assert redact(text) == expected
    if "[card]" not in expected and "[nik]" not in expected:
        assert mask_personal(text) == expected  # what the assistant drops before routing


@pytest.mark.parametrize("text", UNTOUCHED)
def test_figures_dates_and_addresses_stay(text):
    assert redact(text) == text


def test_known_secret_values_are_removed_whatever_their_shape():
    assert redact("secret is Zq9-local-value ok", ["Zq9-local-value"]) == "secret is [REDACTED] ok"


def _logger(name: str) -> tuple[logging.Logger, io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.addFilter(RedactingFilter(["configured-signing-secret"]))
    logger = logging.getLogger(name)
    logger.handlers, logger.propagate = [handler], False
    logger.setLevel(logging.INFO)
    return logger, stream


def test_filter_cleans_message_arguments_and_traceback():
    logger, stream = _logger("test.redact.filter")
    logger.info("question=%s from %s", "email budi@contoh.id, hp 081234567890", "U123")
    logger.info("status %d in %.1f ms", 200, 12.34)
    try:
        raise RuntimeError("auth failed for xoxb-999-888-secretpart with configured-signing-secret")
    except RuntimeError:
        logger.exception("slack call failed")
    out = stream.getvalue()
    assert "INFO question=email [email], hp [phone] from U123" in out
    assert "INFO status 200 in 12.3 ms" in out  # numbers keep their format
    assert "RuntimeError: auth failed for [REDACTED] with [REDACTED]" in out
    for leaked in ("budi@contoh.id", "081234567890", "secretpart", "configured-signing-secret"):
        assert leaked not in out


FORGED = "2026-12-03 10:00:00,000 WARNING bot.surfaces.api: forged"


def test_control_characters_in_logged_values_cannot_forge_lines():
    logger, stream = _logger("test.redact.forge")
    question = f"tarif?\n{FORGED}\x1b[31m red\x00 nul\r\u2028end\tok"
    logger.info("ask question=%s", question)
    logger.warning(question)  # a message that is itself a user value
    try:
        raise ValueError("bad \x1b[2J value")
    except ValueError:
        logger.exception("failed")
    lines = stream.getvalue().splitlines()
    escaped = f"tarif?\\n{FORGED}\\x1b[31m red\\x00 nul\\r\\u2028end\tok"
    assert lines[0] == f"INFO ask question={escaped}"
    assert lines[1] == f"WARNING {escaped}"
    assert lines[-1] == "ValueError: bad \\x1b[2J value"  # a traceback keeps its lines
    assert not any(line.startswith(FORGED) for line in lines)


def test_filter_keeps_formatters_that_read_args_working():
    """uvicorn's access formatter unpacks record.args; cleaning must keep them a tuple."""
    logger, stream = _logger("test.redact.access")

    class AccessFormatter(logging.Formatter):
        def formatMessage(self, record):  # noqa: N802 - logging's naming
            client, method, path, version, status = record.args
            return f"{client} {method} {path} {version} {status + 0}"

    logger.handlers[0].setFormatter(AccessFormatter())
    logger.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5", "GET", "/x?token=abcdef123", "1.1", 200)
    assert stream.getvalue().strip() == "127.0.0.1:5 GET /x?token=[REDACTED] 1.1 200"


def test_install_attaches_one_filter_to_existing_handlers():
    logger = logging.getLogger("test.redact.install")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger.handlers, logger.propagate = [handler], False
    install(["another-secret-value"])
    install(["another-secret-value"])
    assert sum(isinstance(f, RedactingFilter) for f in handler.filters) == 1
    logger.warning("leak another-secret-value and xoxb-1-2-3abcdef")
    assert stream.getvalue().strip() == "leak [REDACTED] and [REDACTED]"
    handler.filters.clear()
