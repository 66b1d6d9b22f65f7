"""A question that asks how many agents a budget pays for ("how many agents can $8,000 a month
buy?", "budget Rp 100 juta sebulan, dapat berapa agen?"): the estimator prices team sizes under
the question's conditions (and the conversation's, in a follow-up) and the answer leads with the
number of seats, the total and what one seat more would cost. A price asked of an in-house cost
alone ("tim kami Rp 60 jt sebulan, kalo outsource jadi brp?") says what the estimate still needs."""

from __future__ import annotations

import re
from typing import Any

from bot.answer.analysis import Ask, question_sentence
from bot.answer.costturn import INHOUSE, SIZING, asks_figure, cost_request
from bot.answer.decide import savings_lead
from bot.answer.normalise import own_words
from bot.answer.quote import HOURS_ASKED
from bot.cost.budget import Within, monthly_budget, seats_within
from bot.cost.render import fmt_money, fmt_number, fmt_stated
from bot.cost.request import CostValidationError
from bot.cost.service import CostService, json_fields
from bot.types import Message

ASKS_SEATS = re.compile(
    r"\bhow many (?:[\w/-]+ ){0,3}?(?:agents?|seats?|people|reps?|staff|heads?|fte)\b"
    r"|\b(?:berapa|brp) (?:\w+ )?(?:agen|orang|org|kursi|staf|staff|cs)\b"
    r"|\b(?:dapat|dapet|dpt|jadi) berapa (?:agen|orang|org|kursi)\b"
    # "what team size does that get us?", "headcount?", "how big a team does that fund?"
    r"|\bwhat (?:size (?:of )?)?team\b|\bteam size\b|\bheadcount\b|\bhow (?:big|large) (?:a |an )?"
    r"(?:\w+ ){0,3}team\b|\bbuy in (?:\w+ ){0,3}(?:agents?|seats?)\b|\b(?:tim|timnya) (?:sebesar|seberapa)"
    r" (?:apa|besar)\b|\bseberapa besar (?:tim|timnya)\b"
    # "what can Rp 100 million a month buy?", "cukup nggak untuk layanan 24 jam?": what it pays for
    r"|\bwhat (?:can|could|does|would|will) (?:\S+ ){1,6}?(?:buy|get us|pay for)\b"
    r"|\b(?:cukup|enough)\b(?! (?:time|waktu))|\bfits? (?:into|in|within)\b",
    re.IGNORECASE,
)
# A budget checked: "is $10k enough?", "budget maksimal ...", "masuk gak?", "does it fit?"
BUDGET_CHECK = re.compile(
    r"\b(?:budget\w*|anggaran\w*|enough|cukup|fits?|masuk|afford\w*|within|max(?:imum)?|maksimal"
    r"|maks|cap|limit|plafon|pagu)\b"
)
NOT_CARRIED = SIZING | INHOUSE | {"avg_handle_minutes"}  # a budget sizes the team itself
PRICE_ASKS = frozenset({"quantity", "cost_estimate"})  # how a price of the team is asked
PRICE_ASKED = re.compile(
    r"\b(?:berapa|brp|how much|what (?:would|will|does|did) (?:\w+ ){0,4}cost|cost us|price)\b"
)


def asks_seats(text: str) -> bool:
    """Whether a question asks how many agents (not agent hours) something pays for."""
    return bool(ASKS_SEATS.search(text)) and not HOURS_ASKED.search(text)


def priced_turn(
    cost: CostService, text: str, previous: dict | None, ask: Ask, history: list[Message]
) -> tuple[dict[str, Any] | None, Within | None]:
    """The request a turn estimates (costturn.cost_request), and what a budget buys when the
    turn asks how many agents a budget pays for, or changes the conditions or the budget of a
    turn that did ("and offshore?", "what if we raise it to $20k?")."""
    stated = cost.parse_fields(text)
    parsed = dict(stated)  # what cost_request reads too
    said = monthly_budget(text)
    budget = said if asks_seats(text) else None
    earlier = _budget_before(cost, history) if previous and budget is None else None
    if earlier and said and stated.get("contacts_per_month") == said[0]:
        del stated["contacts_per_month"]  # "bump it to 14k and add email": the sum, no volume
    if (SIZING | INHOUSE) & stated.keys():  # "is $10k enough for 5 agents?"
        return cost_request(cost, text, previous, ask, history, parsed), None
    if budget is None and earlier is not None:
        budget = said  # "what if we raise it to $20k?"
        if budget is None:  # "and offshore?": the same budget, if the turn changes the estimate
            request = cost_request(cost, text, previous, ask, history, parsed)
            if request is None:
                return None, None
            return _within(cost, request, earlier)
    if budget is None:
        return cost_request(cost, text, previous, ask, history, parsed), None
    kept = {k: v for k, v in (previous or {}).items() if k not in NOT_CARRIED}
    return _within(cost, cost.follow_up(kept, text, stated), budget)  # "and add social media"


def _within(
    cost: CostService, fields: dict[str, Any], budget: tuple
) -> tuple[dict[str, Any] | None, Within | None]:
    fields = {k: v for k, v in fields.items() if k not in NOT_CARRIED}
    try:
        within = seats_within(cost.estimate, fields, budget, cost.model.currency.idr_per_usd.value)
    except CostValidationError:  # another stated value is invalid: the estimate says which
        return json_fields(fields), None
    return json_fields({**fields, "agents": max(within.seats, 1)}), within


def _budget_before(cost: CostService, history: list[Message]) -> tuple | None:
    """The budget of the conversation's estimate so far: the last one a user turn asked to buy
    seats with, unless a later turn sized the team itself."""
    latest = None  # "what if we raise it to $30k?" after the question: the newer sum
    for turn in reversed(history):
        if turn.role != "user":
            continue
        words = own_words(turn.content)
        stated = cost.parse_fields(words)
        if SIZING & stated.keys():
            return None  # "make it 10 agents": the team is sized, no budget any more
        budget = None if INHOUSE & stated.keys() else monthly_budget(words)
        latest = latest or budget
        if budget and asks_seats(words):
            return latest
    return None


def budget_lead(within: Within, prompts: Any, lang: str) -> str:
    """The answer's first sentence: how many seats the budget pays for, at what total."""
    values = {
        "budget": fmt_stated(within.budget_usd, within.budget_idr, lang),
        "seats": within.seats,
        "total": fmt_money(within.result.monthly_total_usd, lang),
        "next_total": fmt_money(within.next_total_usd, lang),
        "headcount": within.result.headcount,
    }
    key = {0: "budget_no_seat", 1: "budget_one_seat"}.get(within.seats, "budget_seats")
    return prompts.text(lang, key, **values)


def budget_first(
    cost: CostService,
    text: str,
    request: dict,
    result: Any,
    within: Within | None,
    prompts: Any,
    lang: str,
) -> str | None:
    """An estimate's first sentence: the seats a budget buys (`within`), whether the team the
    question sizes fits its budget (budget_check) or saves against its in-house cost; else None."""
    if within is not None:
        return budget_lead(within, prompts, lang)
    # "... in-house Rp 150 juta. Lebih hemat gak?": the saving asked, answered first
    checked = budget_check(cost, text, request, result, prompts, lang)
    return checked or savings_lead(text, result.to_json_dict(), prompts, lang)


def budget_check(
    cost: CostService, text: str, request: dict, result: Any, prompts: Any, lang: str
) -> str | None:
    """The first sentence of an estimate whose question checks a budget against the team it
    sizes ("Is $10k a month enough for 5 agents?", "Budget maks 1,2 miliar setahun, 15 agen.
    Masuk gak?"): within it or over it, and by how much; None when no budget is checked."""
    if INHOUSE & request.keys() or not BUDGET_CHECK.search(text.lower()):
        return None  # the sum is what the user pays now, not a budget
    if (stated := monthly_budget(text)) is None:
        return None
    amount, currency = stated
    usd = amount / cost.model.currency.idr_per_usd.value if currency == "idr" else amount
    total = result.monthly_total_usd
    values = {
        "budget": fmt_stated(usd, amount if currency == "idr" else None, lang),
        "total": fmt_money(total, lang),
        "gap": fmt_money(abs(usd - total), lang),
    }
    return prompts.text(lang, "budget_fits" if total <= usd else "budget_over", **values)


def size_missing(cost: CostService, text: str, previous: dict | None, ask: Ask) -> dict | None:
    """The fields of a first cost question that gives the in-house cost and asks a price but
    sizes no team (no agents, no volume), else None: the estimate needs one of them."""
    # a price of the team ("kalo outsource jadi brp?"), not a share or a rate ("hemat berapa
    # persen?") and no other ask ("apa untungnya?", "worth switching?")
    if previous or ask.type not in PRICE_ASKS or asks_figure(text.lower()):
        return None
    if not PRICE_ASKED.search(question_sentence(text).lower()):
        return None  # "Biaya tim kami Rp 200 juta. Apa untungnya kalau dioutsource?"
    fields = cost.parse_fields(text)
    if not INHOUSE & fields.keys() or SIZING & fields.keys():
        return None
    return json_fields(fields)


def size_lead(fields: dict, prompts: Any, lang: str) -> str:
    """What the estimate needs to compare with the in-house cost the question gave."""
    if "inhouse_monthly_idr" in fields:
        money = f"Rp {fmt_number(fields['inhouse_monthly_idr'], lang, 0)}"
    else:
        money = fmt_money(fields["inhouse_monthly_usd"], lang)
    return prompts.text(lang, "cost_needs_size", inhouse=money)
