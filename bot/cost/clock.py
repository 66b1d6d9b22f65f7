"""Opening hours said on the clock ("buka tiap hari 07.00-22.00", "9am to 6pm on weekdays",
"jam 8 pagi - 5 sore") read as the coverage they amount to: the range is written over with the
coverage's own words, which bot/cost/vocabulary.py's COVERAGE reads.

A day of at most ten hours on weekdays is business hours; a longer day, one past 19:00, one open
every day of the week, or one that runs past midnight is extended hours; 24 hours is 24/7. A day
said by its length ("15 hours a day", "12 jam sehari tiap hari") is read by the same rule."""

from __future__ import annotations

import re

_MARK = r"am|pm|a\.m\.|p\.m\.|pagi|siang|sore|malam|malem|wib"
_TO = r"-|to|until|till|sampai|sampe|ampe|smp|hingga|s ?d|s/d"
# A range of the clock: two hours, each maybe with minutes and a part of the day. It needs a
# sign that it is the clock (minutes, a part of the day, or "jam"/"pukul"/"open" before it), and
# no unit after it ("5-10 menit", "8 to 12 agents" are no hours of the day).
CLOCK_RANGE = re.compile(
    rf"(?P<pre>\b(?:jam|pukul|open|opening|buka|bukanya|operasional)\s+)?"
    rf"(?<![\d.:$])(?P<h1>[01]?\d|2[0-4])(?:[.:](?P<m1>[0-5]\d))?\s*(?P<a1>{_MARK})?\s*"
    rf"(?:{_TO})\s*(?:(?:jam|pukul)\s+)?"
    rf"(?P<h2>[01]?\d|2[0-4])(?:[.:](?P<m2>[0-5]\d))?(?![\d.:])\s*(?P<a2>{_MARK})?\b"
    r"(?!\s*(?:%|menit|minutes?|mins?|detik|seconds?|secs?|agen|agents?|orang|org|people|seats?"
    r"|kursi|reps?|jt|juta|ribu|rb|k|bulan|months?|tahun|years?|tiket|tickets?|chats?|calls?"
    r"|e ?mails?|kontak|contacts?|hari|days?|minggu|weeks?|x\b))"
)
_EVENING = frozenset({"pm", "p.m.", "sore", "malam", "malem"})
# Open every day of the week, not only on weekdays.
EVERY_DAY = re.compile(
    r"\b(?:tiap hari|setiap hari|every ?day|daily|7 (?:days|hari)|seven days|all week"
    r"|senin ?(?:-|sampai|sampe|hingga|s ?d) ?minggu|sen ?- ?min|mon(?:day)? ?(?:-|to|through|thru)"
    r" ?sun(?:day)?|(?:incl\w*|plus|dan|termasuk|\+) (?:the )?(?:weekends?|sabtu|akhir pekan))\b"
)
# "15 hours a day", "15 jam sehari", "16 jam/hari": the length of the day the support is open
HOURS_A_DAY = re.compile(
    r"(?<![\d.,:$])\b(?P<n>[12]?\d)\s*(?:hours?|hrs?|h|jam)\s*(?:a|per|each|every|/|se)\s*(?:day|hari)\b"
    r"|(?<![\d.,:$])\b(?P<m>[12]?\d)\s*jam\s*sehari\b"
)
# ... not an agent's own working day ("each agent works 8 hours a day")
OWN_DAY = re.compile(
    r"\b(?:works?|working|kerja|bekerja|shifts?|each|per (?:agent|agen|orang))\W+$"
)
BUSINESS_DAY_HOURS = 10
EVENING_STARTS = 19


def _hour(hour: int, mark: str | None) -> int:
    if mark in _EVENING and hour < 12:
        return hour + 12
    if mark in ("malam", "malem") and hour == 12:
        return 24  # "jam 12 malam": midnight
    if mark == "siang" and hour <= 5:
        return hour + 12
    if mark in ("am", "a.m.", "pagi") and hour == 12:
        return 0
    return hour


def coverage_of(m: re.Match[str], text: str) -> str | None:
    """The coverage words for one clock range, or None when it is no range of the day."""
    if not (m.group("pre") or m.group("m1") or m.group("m2") or m.group("a1") or m.group("a2")):
        return None
    start, end = _hour(int(m.group("h1")), m.group("a1")), _hour(int(m.group("h2")), m.group("a2"))
    if end <= start and not m.group("a2") and end < 12:
        end += 12  # "jam 8-5": five in the afternoon
    if (start, end) in ((0, 24), (0, 0), (24, 24)) or end - start >= 23:
        return "24/7"
    overnight = end <= start
    span = end - start + (24 if overnight else 0)
    if overnight or span > BUSINESS_DAY_HOURS or end > EVENING_STARTS or EVERY_DAY.search(text):
        return "extended hours"
    return "business hours"


def clock_ranges(text: str) -> str:
    """The (normalised) text with each range of the clock written as the coverage it is."""

    def replace(m: re.Match[str]) -> str:
        words = coverage_of(m, text)
        return f" {words} " if words else m.group(0)

    def day_length(m: re.Match[str]) -> str:
        hours = int(m.group("n") or m.group("m"))
        if OWN_DAY.search(text[max(0, m.start() - 20) : m.start()]) or hours >= 24:
            return m.group(0)  # an agent's day; "24 hours a day" is read as round the clock
        if hours >= 23:
            return " 24/7 "
        if hours > BUSINESS_DAY_HOURS or EVERY_DAY.search(text):
            return " extended hours "
        return m.group(0)

    return HOURS_A_DAY.sub(day_length, CLOCK_RANGE.sub(replace, text))
