"""A cost follow-up that goes back to an earlier estimate of the conversation: "balik ke awal
aja", "back to the original quote" (the first one) or "never mind", "ga jadi" (the one before the
last change)."""

from __future__ import annotations

import re
from typing import Any

from bot.types import Message

# "balik ke awal aja deh", "back to the original", "like the first quote": the first estimate.
TO_START = re.compile(
    r"\b(?:balik|kembali|balikin|kembalikan)(?: lagi)? (?:aja |saja )?ke (?:yang )?(?:awal|semula"
    r"|pertama)|\b(?:seperti|kayak|kaya|sama kayak|sama seperti) (?:yang )?(?:awal|pertama|semula)"
    r"(?: tadi)?\b|\b(?:back to|go back to|revert to|return to|like) (?:the |my |our )?(?:start"
    r"|original|beginning|first)\b|\bstart over\b|\bthe (?:original|first) (?:quote|estimate|one"
    r"|setup|plan)\b"
)
# "never mind", "ga jadi", "undo that": the estimate before the last change.
UNDO = re.compile(
    r"^(?:\W*(?:ok|oke|okay|hmm|eh|fine|ah|sorry|maaf)\W+)*(?:never ?mind|undo(?: that| it)?"
    r"|scratch that|cancel (?:that|it)|forget (?:that|it)|(?:ga|gak|nggak|ngga|enggak|tidak|tak)"
    r" jadi|batal(?:in)?(?: aja| saja)?|(?:go )?back to (?:the )?(?:previous|last) one"
    r"|(?:balik|kembali) ke (?:yang )?sebelumnya)\b"
)


def earlier_request(text: str, history: list[Message], current: dict[str, Any]) -> dict | None:
    """The request of the estimate a follow-up goes back to, or None when it asks no such thing
    (or the conversation has had one estimate only). `text` is normalised and lower-case."""
    start = bool(TO_START.search(text))
    if not start and not UNDO.search(text):
        return None
    requests: list[dict[str, Any]] = []
    for turn in history:
        if turn.role == "assistant" and turn.cost_request:
            if not requests or turn.cost_request != requests[-1]:
                requests.append(dict(turn.cost_request))
    if not requests or requests[-1] != current or len(requests) < 2:
        return None
    return requests[0] if start else requests[-2]
