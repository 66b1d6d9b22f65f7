"""The choices a cost question names rather than counts: its coverage (what it drops too: "tanpa
24/7"), location, support type and expertise, its channels and its languages, and the channels
and languages a follow-up takes away ("drop phone", "Bahasa Inggrisnya dicoret")."""

from __future__ import annotations

import re
from typing import Any

from bot.cost.languages import language_spans, named_languages
from bot.cost.normalize import normalize
from bot.cost.vocabulary import (
    ANY_CHANNEL,
    CHANNELS,
    CHOICES,
    COVERAGE,
    LANG_EN,
    LANG_ID,
    LOCAL_TRADE,
    NO_NEED,
    REMOVE,
    REMOVED_AFTER,
    WITHOUT,
)


def read_choices(t: Any, fields: dict[str, Any]) -> None:
    """Take the coverage, the named choices (location, support type, expertise), the channels
    and the languages from `t` (bot.cost.parse's question text) into `fields`."""
    dropped_any = False
    for key in ("24x7", "extended", "business_hours"):
        if m := re.search(rf"\b(?:{COVERAGE[key]})\b", t.text):
            # "tanpa 24/7", "no longer 24/7": dropping the longer coverage means business hours,
            # unless another one is named ("without 24/7, just extended hours").
            before = t.text[: m.start()]
            if (
                # ... and "nggak usah 24/7", "no need for 24/7", "don't need 24/7"
                re.search(rf"{WITHOUT}(?:{NO_NEED})?\s+(?:(?:full|penuh|the|a)\s+)?$", before)
                and key != "business_hours"
            ):
                dropped_any = True
                continue
            fields["coverage"] = key
            break
    else:
        if dropped_any:
            fields["coverage"] = "business_hours"
    for field, options in CHOICES.items():
        spans = language_spans(t.full) if field == "location" else []  # "bahasa ..., Vietnam"
        spans += [m.span() for m in LOCAL_TRADE.finditer(t.full)]  # "brand skincare lokal"
        if value := t.first(options, spans):
            fields[field] = value
    dropped = removed_values(t.full, normalized=True)
    channels = [
        ch
        for ch, pat in CHANNELS.items()
        if ch not in dropped.get("channels", ()) and re.search(rf"\b(?:{pat})\b", t.full)
    ]
    if channels:
        fields["channels"] = channels
    if languages := named_languages(t.full, dropped.get("languages", set())):
        fields["languages"] = languages


# Channels joined in one list dropped together ("drop phone and chat"; not "drop phone, email
# only", which keeps email)
_JOINED = r"\s*(?:&|\+|/)\s*|\s+(?:and|dan|sama|or|atau)\s+"


def removed_values(text: str, normalized: bool = False) -> dict[str, set[str]]:
    """The channels and languages a text says to take away ("drop phone", "drop german")."""
    text = text if normalized else normalize(text)
    dropped: dict[str, set[str]] = {}
    for ch, pat in CHANNELS.items():
        # ... or joined to another one dropped with it
        listed = rf"{REMOVE}(?:(?:{ANY_CHANNEL})(?:{_JOINED}))+(?:{pat})\b"
        if re.search(rf"{REMOVE}(?:{pat})\b|\b(?:{pat}){REMOVED_AFTER}|{listed}", text):
            dropped.setdefault("channels", set()).add(ch)
    for name, code in (LANG_EN | LANG_ID).items():
        if re.search(rf"{REMOVE}(?:bahasa\s+)?{name}\b|\b{name}{REMOVED_AFTER}", text):
            dropped.setdefault("languages", set()).add(code)
    return dropped
