"""Counts a cost question states beside its volume or its in-house cost: the days a month a
daily volume comes in ("400 chat per hari, buka 30 hari sebulan", "800 calls a day, 6 days a
week") and how many people a per-person salary pays ("we pay 3 reps $2,500 each", "4 orang CS
masing-masing Rp 6 juta")."""

from __future__ import annotations

import re
from decimal import Decimal

from bot.cost.model import Calendar

# "30 days a month", "buka 30 hari sebulan", "26 hari kerja per bulan"
DAYS_A_MONTH = re.compile(
    r"(?<![\d.])(\d{1,2})\s*(?:hari|days?)(?:\s+(?:kerja|kalender|working|open|operasional))?"
    r"\s*(?:(?:a|per|in a|each|every|tiap|setiap|dalam)\s*(?:month|bulan)|sebulan)\b"
)
# "6 days a week", "6 hari seminggu": that many days of each week
DAYS_A_WEEK = re.compile(
    r"(?<![\d.])([1-7])\s*(?:hari|days?)\s*(?:(?:a|per|in a|each|every|tiap|setiap|dalam)\s*"
    r"(?:week|minggu)|seminggu)\b"
)
# A salary per head, the cue after the amount ("$2500 each", "rp 6000000 per orang") or
# before it ("masing masing digaji rp 5500000", "each earning $2500").
# ... not a period: "IDR 95 million each month" is one sum a month
EACH_AFTER = (
    r"(?P<each>each|apiece|masing masing|per (?:orang|kepala|head|person)(?:nya)?)\b"
    r"(?!\s+(?:month|week|year|day|bulan|minggu|tahun|hari)\b)"
)
EACH_BEFORE = re.compile(
    r"\b(?:masing masing|each|per (?:orang|kepala|head|person)(?:nya)?"
    # "kami bayar tiap agen $1.800", "we pay each rep $1,800"
    # "biaya per agen inhouse kita Rp 12 jt", "every in-house agent runs us Rp 12M"
    r"|(?:tiap|setiap|each|every|per) (?:inhouse |in house |internal )?(?:agen|agent|rep|orang"
    r"|staff|staf|karyawan|cs)(?:nya)?(?: (?:inhouse|in house|internal))?(?: (?:kami|kita|saya))?"
    r"(?: (?:sekarang|saat ini|skrg|now|currently))?"
    # "each of our 6 agents costs about $4,200/mo"
    r"|each of (?:our|my|the) \d+ (?:[a-z-]+ ){0,2}?(?:agents|reps|people|staff))\s+"
    r"(?:(?:digaji|dibayar|gajinya|bergaji|earning|earns|paid|making|makes|at|sekitar|about|around"
    r"|costs? us|costs|runs? us)"
    r"\s+)?(?:(?:sekitar|kira kira|kurang lebih|about|around|roughly|approximately|~)\s*)?"
    r"(?:rp|\$|usd|us\$)\s*\d"
)
# Words for the people a salary is paid to
HEAD_NOUN = r"(?:orang|org|people|staff|staf|reps?|agents?|agen|karyawan|employees?|pegawai|cs)"
# A sum times a head count: "6 jt/bln x 15 org" (after the sum), "15 org x Rp 6 jt" (before it)
TIMES_AFTER = re.compile(rf"\s*(?:x|×|kali)\s*(\d{{1,4}})\s*{HEAD_NOUN}\b")
TIMES_BEFORE = re.compile(rf"(?<![\d.])(\d{{1,4}})\s*{HEAD_NOUN}\b\s*(?:x|×|kali)\s*$")
# The people a salary is paid to: "4 orang cs", "3 support reps", "5 agents"
# (a sum paid per person is no count of people: "$3,100 per person")
PEOPLE = re.compile(
    rf"(?<![\d.$])(?<!rp )(?<!usd )(\d{{1,4}})\s+(?!per\b)(?:[a-z]+\s+){{0,2}}?(?:{HEAD_NOUN}|persons?)\b"
)


def days_stated(full: str, calendar: Calendar) -> Decimal | None:
    """The days a month a daily volume comes in, when the question says them; else None."""
    if (m := DAYS_A_MONTH.search(full)) and 1 <= int(m.group(1)) <= 31:
        return Decimal(m.group(1))
    if m := DAYS_A_WEEK.search(full):
        days = int(m.group(1))
        if days == 7:  # every day
            return calendar.days_per_month.value
        return days * calendar.weeks_per_month.value
    return None


def salary_heads(full: str) -> int | None:
    """How many people a salary stated before its per-head cue is paid to ("we pay 3 reps
    $2,500 each"), or None when the cue comes first and no count precedes it."""
    people = salary_people(full)
    return int(people.group(1)) if people else None


def salary_people(full: str) -> re.Match[str] | None:
    """The count of the people a per-head salary is paid to ("3 support reps"), or None."""
    cue = EACH_BEFORE.search(full) or re.search(
        rf"(?:rp|\$|usd|us\$)\s*\d[\d.]*\s*(?:[a-z]+\s+)?{EACH_AFTER}", full
    )
    if cue is None:
        return None
    counts = list(PEOPLE.finditer(full[: cue.start()]))
    return counts[-1] if counts else None


def plain_number(value: Decimal) -> int | float:
    """A whole number as an int, any other as a float (how request fields are stated)."""
    return int(value) if value == value.to_integral() else float(value)


def times_heads(before: str, after: str) -> int | None:
    """The head count a sum is multiplied by, written beside it ("6 jt/bln x 15 org", "15 org x
    Rp 6 jt"), or None."""
    m = TIMES_AFTER.match(after) or TIMES_BEFORE.search(before)
    return int(m.group(1)) if m else None
