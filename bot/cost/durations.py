"""Lengths a cost question states: the average handle time ("AHT 6 menit", "a ticket takes 300
seconds", "four minutes to handle each") and the service level's answer or reply time ("80/20",
"reply within 4 hours"), read from bot/cost/parse.py's question text."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bot.cost.counts import plain_number
from bot.cost.vocabulary import CONTACT, HOURS, NUM, SECONDS, SHORT_UNIT, TIME_UNIT


def seconds_of(value: str, unit: str) -> Decimal:
    if unit in SECONDS:
        return Decimal(value) * SECONDS[unit]
    return Decimal(value) * HOURS[unit] * 3600


def set_target(fields: dict[str, Any], seconds: Decimal) -> None:
    """Targets of an hour or more are email/social response times, shorter ones answer times."""
    if seconds >= 3600:
        fields["email_response_hours"] = plain_number(seconds / 3600)
    else:
        fields["answer_within_seconds"] = plain_number(seconds)


def read_service(t: Any, fields: dict[str, Any]) -> None:
    answered = r"(?:(?:are|is|harus|bisa)\s+)?(?:answered|dijawab|terjawab|ditangani|handled|responded to)?"
    m = t.take(
        rf"{NUM}\s*%\s*(?:(?:of|dari)\s+)?(?:(?:the\s+)?{CONTACT}\s+)?{answered}\s*"
        rf"(?:dalam|within|in|under|di bawah|kurang dari)\s*{NUM}\s*{TIME_UNIT}"
    )
    if m:
        fields["service_level_pct"] = plain_number(Decimal(m.group(1)))
        set_target(fields, seconds_of(m.group(2), m.group(3)))
    elif m := t.take(
        r"(?:sla|service level|tingkat layanan|target)\s*(?:of|sebesar|:)?\s*(\d+)\s*/\s*(\d+)\b"
    ):
        fields["service_level_pct"] = int(m.group(1))
        fields["answer_within_seconds"] = int(m.group(2))
    elif m := t.take(rf"(?:sla|service level|tingkat layanan)\s*(?:of|sebesar|:)?\s*{NUM}\s*%"):
        fields["service_level_pct"] = plain_number(Decimal(m.group(1)))
    m = t.take(
        r"\w*(?:respon|balas|repl|jawab|answer)\w*(?:\s+[a-z]+){0,3}?\s+"
        rf"(?:dalam|within|in|under|kurang dari)\s*{NUM}\s*{TIME_UNIT}"
        # "a 24-hour reply window", "48 hour response time": the time before its noun
    ) or t.take(
        rf"{NUM}\s*-?\s*{TIME_UNIT}\s+(?:email\s+)?(?:reply|response|respons|turnaround)"
        r"\s*(?:window|time|sla|target)\b"
    )
    if m:
        set_target(fields, seconds_of(m.group(1), m.group(2)))


def read_aht(t: Any, fields: dict[str, Any]) -> None:
    m = (
        t.take(
            r"(?:aht|(?:average|avg) handl\w*(?: time)?|handl\w* time|handle\b|waktu penanganan|lama penanganan|durasi"
            # "average call 12 minutes", "avg chat length 5 minutes"
            r"|(?:average|avg) (?:calls?|chats?|tickets?|contacts?|emails?|interactions?)(?= (?:length|duration"
            r"|time|lasts?|takes?|is|of|\d))"
            rf"|rata rata penanganan)[^\d|]{{0,40}}?{NUM}\s*{SHORT_UNIT}"
        )
        or t.take(rf"{NUM}\s*{SHORT_UNIT}\s*(?:per|/|setiap|tiap|each|a|an|untuk)?\s*{CONTACT}\b")
        or t.take(
            # "averaging 5 minutes each", "rata rata 6 menit per orang"
            # "rata2 beres 5 menit", "on average takes 6 minutes"
            rf"\b(?:averag\w*|avg|rata rata(?:nya)?|rerata|on average)\s+(?:(?:beres|selesai|kelar"
            r"|ditangani|takes?|taking|butuh|makan|memakan|handle[sd]?|handling)\s+(?:dalam\s+|in\s+)?)?"
            r"(?:of\s+|sekitar\s+|about\s+|around\s+"
            r"|jadi\s+|menjadi\s+|to\s+|is now\s+|sekarang\s+)?"
            rf"{NUM}\s*{SHORT_UNIT}"
        )
        or t.take(
            # "8 minutes on average", "a 7 minute average handle time", "6 menit rata rata",
            # "4-minute handle"
            rf"{NUM}\s*-?\s*{SHORT_UNIT}\s+(?:each|apiece|masing masing|setiapnya|tiapnya|for each|per each"
            r"|(?:on\s+)?average|avg|rata rata|aht|handl\w*(?: time)?|of handling|of (?:talk|work) time"
            r"|to (?:handle|close|resolve|answer)(?: each| one| it)?)\b"
        )
        or t.take(
            # "masing-masing kira-kira 3 menit", "each one takes about 4 minutes"
            # "rata-rata satu pesan beres 5 menit", "1 call is handled in 4 minutes"
            # "a ticket takes 300 seconds", "each chat takes our agents about 90 seconds", "each
            # needing 15 minutes"
            rf"\b(?:masing masing|each(?: one| 1)?|(?:closing|handling|answering|resolving) (?:one|1)"
            rf"|(?:tiap|setiap|each|per|a|one|satu|(?<![\d.,])1)"
            rf" {CONTACT}(?:nya)?)\s+"
            r"(?:(?:takes?|taking|butuh|makan|memakan|perlu|beres|selesai|kelar|ditangani|is handled"
            r"|gets handled|handled|needing|needs|wrapped up)\s+(?:our agents\s+|(?:the |an )?agent\s+)?"
            r"(?:waktu\s+|dalam\s+|in\s+)?)?(?:(?:kira"
            rf" kira|sekitar|kurang lebih|about|around|roughly|taking|~)\s*)?{NUM}\s*{SHORT_UNIT}"
        )
    )
    # "keep it at 7 minutes", "jadiin 6 menit aja": a handle time is the one length in minutes
    m = m or t.take(
        rf"\b(?:keep it at|keep|tetap(?: di)?|tetep|stay at|make it|jadi|jadiin)\s+{NUM}\s*"
        r"(menit|minutes?|mins?)\b"
    )
    if m:
        fields["avg_handle_minutes"] = plain_number(seconds_of(m.group(1), m.group(2)) / 60)
    elif m := t.take(
        rf"\b(?:aht|handl\w* time)\b[^\d|]{{0,20}}?{NUM}(?![\d.%])"
        r"(?!\s*(?!(?:instead|then|now|please|pls|aja|saja|dong|ya|deh)\b)[a-z])"
    ):
        fields["avg_handle_minutes"] = plain_number(Decimal(m.group(1)))  # "AHT back to 7": minutes
