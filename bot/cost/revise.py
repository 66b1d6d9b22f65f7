"""Corrections a follow-up makes to the estimate it follows: a channel swapped for another
("email ganti chat aja", "replace email with chat") and the weekend taken off round-the-clock
coverage ("drop the weekend part": extended hours, not office hours)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.cost.normalize import normalize
from bot.cost.vocabulary import ADDS, ANY_CHANNEL, CHANNELS

# "email ganti chat", "email diganti jadi chat", "swap email for chat", "replace email with chat"
SWAP = re.compile(
    rf"\b(?:swap|switch|replace|ganti|ubah)?\s*(?P<old>{ANY_CHANNEL})(?:nya)?\s+"
    rf"(?:ganti|diganti|jadi|ganti jadi|diganti jadi|for|with|to|->|ke|dengan|sama)\s+"
    rf"(?:ke\s+|jadi\s+)?(?P<new>{ANY_CHANNEL})\b"
)
WEEKEND = re.compile(r"\b(?:weekends?|akhir pekan|sabtu|minggu)\b")


def _channel(word: str) -> str | None:
    return next((key for key, pat in CHANNELS.items() if re.fullmatch(pat, word)), None)


def swapped_channels(text: str, previous: Mapping[str, Any]) -> list[str] | None:
    """The channels after "X ganti Y" / "swap X for Y", when the estimate had X; else None."""
    said = list(previous.get("channels") or [])
    match = SWAP.search(" ".join(text.lower().replace("-", " ").split()))
    if not said or match is None:
        return None
    old, new = _channel(match.group("old")), _channel(match.group("new"))
    if old not in said or new is None or old == new:
        return None
    return [new if c == old else c for c in said if c != new or c == old]


def coverage_after(text: str, previous: Mapping[str, Any], parsed: str | None) -> str | None:
    """Round-the-clock coverage without its weekend is extended hours, not office hours."""
    if previous.get("coverage") == "24x7" and parsed == "business_hours":
        if WEEKEND.search(text.lower()):
            return "extended"
    return parsed


# "add live chat", "tambahin telepon juga": a follow-up that extends a list instead of replacing it.
_ADDS = re.compile(ADDS)
LIST_FIELDS = ("channels", "languages")


def adds_to_lists(text: str) -> bool:
    """Whether a follow-up adds channels or languages to the ones stated before."""
    return bool(_ADDS.search(normalize(text)))
