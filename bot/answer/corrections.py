"""What a cost follow-up says without naming a field: a lone length in minutes after an estimate
is its handle time ("oops, 8 minutes obviously"), and a sum after a correction word is the
in-house cost again ("eh maksudnya Rp 210 juta, salah ketik")."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from bot.cost.counts import plain_number
from bot.cost.service import CostService

INHOUSE = frozenset({"inhouse_monthly_usd", "inhouse_monthly_idr"})  # the cost the user has now
LONE_MINUTES = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:menit|minutes?|mins?)\b(?!\s*(?:per|/|a|an|sebulan|seminggu|sehari"
    r"|of (?:response|wait)))"
)
# a length of time that is no handle time: "answer within 2 minutes", "waktu respon 5 menit"
RESPONSE_TIME = re.compile(
    r"\b(?:within|dalam|under|kurang dari|respon\w*|response|wait\w*|tunggu)\b"
)
# "eh maksudnya ...", "sorry, I meant ...", "salah ketik": the user corrects what was said
CORRECTION = re.compile(
    r"\b(?:maksud\w*|salah|typo|sorry|meant|koreksi|ralat|oops|eh|sori|correction)\b"
)


def implied_fields(cost: CostService, plain: str, previous: dict, fields: dict[str, Any]) -> dict:
    """`fields` with what the follow-up's normalised words `plain` imply on top of `previous`."""
    lowered = plain.lower()
    fields = dict(fields)
    if "avg_handle_minutes" not in fields and not RESPONSE_TIME.search(lowered):
        lone = LONE_MINUTES.findall(lowered)
        if len(lone) == 1:
            fields["avg_handle_minutes"] = plain_number(Decimal(lone[0]))
    if INHOUSE & previous.keys() and not INHOUSE & fields.keys() and CORRECTION.search(lowered):
        restated = cost.parse_fields(f"biaya in-house {plain}")
        fields |= {k: v for k, v in restated.items() if k in INHOUSE}
    return fields
