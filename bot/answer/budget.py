"""A question that asks how many agents a budget pays for ("how many agents can $8,000 a month
buy?", "budget Rp 100 juta sebulan, dapat berapa agen?"): the estimator prices team sizes under
the question's conditions (and the conversation's, in a follow-up) and the answer leads with the
number of seats, the total and what one seat more would cost."""

from __future__ import annotations

import re
from typing import Any

from bot.cost.budget import Within, monthly_budget, seats_within
from bot.cost.render import fmt_money, fmt_number
from bot.cost.request import CostValidationError
from bot.cost.service import CostService, json_fields

ASKS_SEATS = re.compile(
    r"\bhow many (?:\w+ ){0,2}?(?:agents?|seats?|people|reps?|staff|heads?|fte)\b"
    r"|\b(?:berapa|brp) (?:\w+ )?(?:agen|orang|org|kursi|staf|staff|cs)\b"
    r"|\b(?:dapat|dapet|dpt|jadi) berapa (?:agen|orang|org|kursi)\b|\bwhat size (?:of )?team\b",
    re.IGNORECASE,
)
SIZED = frozenset({"agents", "contacts_per_month"})  # a team stated: no budget question
NOT_CARRIED = SIZED | {"inhouse_monthly_usd", "inhouse_monthly_idr", "avg_handle_minutes"}


def budget_request(
    cost: CostService, text: str, previous: dict | None
) -> tuple[dict[str, Any], Within] | None:
    """The request of the largest team the question's budget pays for, and what the budget
    buys; None when the question asks no such thing."""
    if not ASKS_SEATS.search(text):
        return None
    budget = monthly_budget(text)
    stated = cost.parse_fields(text)
    if budget is None or SIZED & stated.keys():
        return None  # "is $10k enough for 5 agents?" prices the 5 agents
    kept = {k: v for k, v in (previous or {}).items() if k not in NOT_CARRIED}
    fields = {**kept, **{k: v for k, v in stated.items() if k not in NOT_CARRIED}}
    try:
        within = seats_within(cost.estimate, fields, budget, cost.model.currency.idr_per_usd.value)
    except CostValidationError:
        return None  # another stated value is invalid: the estimate says which
    return json_fields({**fields, "agents": max(within.seats, 1)}), within


def budget_lead(within: Within, prompts: Any, lang: str) -> str:
    """The answer's first sentence: how many seats the budget pays for, at what total."""
    budget = fmt_money(within.budget_usd, lang)
    if within.budget_idr is not None:  # the user's own currency, then its dollars
        budget = f"Rp {fmt_number(within.budget_idr, lang, 0)} (≈ {budget})"
    values = {
        "budget": budget,
        "seats": within.seats,
        "total": fmt_money(within.result.monthly_total_usd, lang),
        "next_total": fmt_money(within.next_total_usd, lang),
        "headcount": within.result.headcount,
    }
    key = {0: "budget_no_seat", 1: "budget_one_seat"}.get(within.seats, "budget_seats")
    return prompts.text(lang, key, **values)
