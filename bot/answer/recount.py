"""A daily volume counted again when a follow-up changes the coverage it was counted over
("500 chat per hari, jam kantor" then "kalau 24/7?")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.answer.normalise import own_words
from bot.cost.service import CostService
from bot.types import Message


def recounted(
    cost: CostService, history: list[Message], previous: Mapping[str, Any], changed: dict
) -> dict:
    """ "kalau 24/7?" after "500 chat per hari, jam kantor": a follow-up that changes the
    coverage and not the volume counts the conversation's daily volume over the new coverage's
    days (every day for 24/7, weekdays for business hours); a monthly volume stays as it was."""
    volume = previous.get("contacts_per_month")
    if volume is None or changed.get("coverage") == previous.get("coverage"):
        return changed
    if changed.get("contacts_per_month") != volume:
        return changed  # the follow-up gave its own volume
    for turn in reversed(history):
        if turn.role != "user":
            continue
        said = own_words(turn.content)
        if "contacts_per_month" not in cost.parse_fields(said):
            continue
        # the turn that gave the volume: a daily one, counted over the coverage it had
        if cost.recounted(said, previous.get("coverage")) != volume:
            return changed
        return {**changed, "contacts_per_month": cost.recounted(said, changed.get("coverage"))}
    return changed
