"""The in-house team a question states ("Tim CS in-house kita 8 orang", "a 4-person support
team"), and whether an estimate's payroll is far from it: then the answer says so."""

from __future__ import annotations

import re

# "Tim CS in-house kita 8 orang", "our 6 in-house agents": the team the user has today.
INHOUSE_TEAM = re.compile(
    r"\b(?:in-?house|inhouse|internal)\b[^.?!\d]{0,40}?(\d{1,5})\s*(?:orang|people|persons?"
    r"|agents?|agen|staff|staf|karyawan|employees?)\b"
    r"|\b(\d{1,5})\s*(?:orang|people|persons?|agents?|agen|staff|staf)\s+(?:in-?house|inhouse"
    r"|internal)\b"
    # the team the asker has now: "a 4-person support team", "we're 4 people on support",
    # "tim CS kami 4 orang"
    r"|\b(\d{1,5})[- ]?(?:person|people|orang|strong)\s+(?:(?:support|cs|customer service"
    r"|helpdesk)\s+)?(?:team|tim)\b|\b(?:we are|we're|we have)\s+(\d{1,5})\s+(?:people|persons"
    r"|agents|staff)\s+(?:on|in|doing)\s+(?:support|cs|customer)|\btim (?:cs |support )?(?:kami"
    r"|kita) (?:\w+ )?(\d{1,5}) orang\b"
)
UNLIKE = 1.5  # a payroll this many times larger or smaller than the team today is no like for like


def unlike_headcount(text: str, headcount: int) -> int | None:
    """The in-house team's size when the estimate's payroll is far from it (8 people in-house,
    8 seats staffed 24/7 = 49 people at the vendor), else None."""
    match = INHOUSE_TEAM.search(text.lower())
    people = int(next(g for g in match.groups() if g)) if match else 0
    if people and (headcount > UNLIKE * people or headcount * UNLIKE < people):
        return people
    return None
