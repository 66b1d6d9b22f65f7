"""The request a conversation carries so far, read from its history: the last estimate's, or
(for a history that does not carry it) the user's questions read forward."""

from __future__ import annotations

from bot.answer.corrections import INHOUSE
from bot.answer.costturn import reads_as_change
from bot.answer.normalise import own_words
from bot.answer.recount import recounted
from bot.cost.request import CostValidationError
from bot.cost.service import CostService, json_fields
from bot.types import Message


def cost_state(cost: CostService, history: list[Message]) -> dict | None:
    """The conversation's request so far: the last estimate's, or (for a history that does
    not carry it, as plain chat messages do) the user questions read forward, each follow-up
    changing only what it names."""
    for turn in reversed(history):
        if turn.role == "assistant" and turn.cost_request:
            return dict(turn.cost_request)
        if turn.role == "assistant" and turn.cited_ids:
            # One of this assistant's own answers that carried no request: none was made yet
            # ("1 agen megang berapa tiket?" asked a count, not a price), unless the user gave
            # their in-house cost, which the next estimate compares with.
            return _stated_in_house(cost, history)
    state: dict | None = None
    for at, turn in enumerate(history):
        if turn.role != "user":
            continue
        content = own_words(turn.content)
        fields = cost.parse_fields(content)
        try:
            request = cost.request_from(fields)
        except CostValidationError:
            continue  # an invalid number changed nothing
        if state is None:
            state = json_fields(fields) if request is not None else None
        elif (fields or cost.drops_values(content)) and reads_as_change(content):
            changed = cost.follow_up(state, content, fields)
            state = json_fields(recounted(cost, history[:at], state, changed))
    return state


def _stated_in_house(cost: CostService, history: list[Message]) -> dict | None:
    """The in-house cost the user last stated in the conversation, as a request's fields."""
    for turn in reversed(history):
        if turn.role == "user":
            stated = {
                k: v for k, v in cost.parse_fields(own_words(turn.content)).items() if k in INHOUSE
            }
            if stated:
                return json_fields(stated)
    return None
