"""How many seats a budget pays for: the estimator's largest team within the budget (a seat more
is over it), in the asker's currency, under the question's and the conversation's conditions;
a budget beside a stated team still prices that team."""

from __future__ import annotations

from decimal import Decimal

import pytest
from converse import converse

from bot.config import REPO_ROOT, Settings
from bot.cost.budget import monthly_budget, seats_within
from bot.cost.service import CostService

SETTINGS = Settings()
COST = CostService.from_dirs(SETTINGS.corpus_dir, REPO_ROOT / "prompts")
RATE = COST.model.currency.idr_per_usd.value


@pytest.fixture(scope="module")
def assistant(session_home):
    from bot.answer.assistant import get_assistant

    return get_assistant(Settings(home=session_home))


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("how many agents can $8,000 a month buy?", (Decimal(8000), "usd")),
        ("with 96k USD a year, how many seats?", (Decimal(8000), "usd")),
        ("anggaran Rp 150 juta sebulan dapat berapa agen?", (Decimal(150_000_000), "idr")),
        ("budget 150jt per bulan, berapa orang?", (Decimal(150_000_000), "idr")),
        ("how many agents do we need?", None),
        ("with 40k a month, how many skilled agents?", (Decimal(40000), "usd")),
        ("annual budget of 300K USD, what team size?", (Decimal(25000), "usd")),
        (
            "setahun kami siap keluar Rp 1,2 miliar, dapat berapa agen?",
            (Decimal(100_000_000), "idr"),
        ),
        ("6000 tickets a month, how many agents?", None),
    ],
)
def test_the_monthly_budget_is_read_in_its_currency(text, budget):
    assert monthly_budget(text) == budget


@pytest.mark.parametrize("amount", [Decimal(9000), Decimal(25000), Decimal(120000)])
def test_the_seats_fit_the_budget_and_one_more_does_not(amount):
    within = seats_within(COST.estimate, {"location": "offshore"}, (amount, "usd"), RATE)
    assert within.seats >= 1
    assert within.result.monthly_total_usd <= amount < within.next_total_usd
    assert within.result.seats == within.seats


def test_a_budget_below_one_seat_buys_none():
    within = seats_within(COST.estimate, {}, (Decimal(300), "usd"), RATE)
    assert within.seats == 0 and within.result.monthly_total_usd > 300


def test_a_rupiah_budget_is_priced_in_dollars_at_the_models_rate():
    within = seats_within(COST.estimate, {}, (Decimal(400_000_000), "idr"), RATE)
    assert within.budget_usd == Decimal(400_000_000) / RATE and within.budget_idr == 400_000_000


def test_the_answer_leads_with_the_seats_and_prices_them(assistant):
    answer = assistant.answer(
        "Our budget is $30,000 a month. How many offshore chat agents is that?"
    )
    args = answer.estimate.args
    assert args["location"] == "offshore" and args["channels"] == ["chat"]
    result = answer.estimate.result
    assert result["monthly_total_usd"] <= 30000
    assert answer.body.startswith("**A budget of $30,000.00 a month pays for")
    assert f"{args['agents']} seats" in answer.body.split("\n")[0]


def test_the_rupiah_budget_is_shown_as_stated(assistant):
    answer = assistant.answer("Budget kami Rp 300 juta per bulan, kira-kira dapat berapa agen?")
    assert answer.body.startswith("**Anggaran Rp 300.000.000 (≈ $")
    assert not answer.refused and answer.estimate.args["agents"] >= 1


def test_a_budget_follow_up_keeps_the_conversations_conditions(assistant):
    _, budget = converse(
        assistant,
        "price 4 phone agents, 24/7, nearshore",
        "and with $50k a month, how many agents could we have?",
    )
    args = budget.estimate.args
    assert args["coverage"] == "24x7" and args["location"] == "nearshore"
    assert args["channels"] == ["phone"] and budget.estimate.result["monthly_total_usd"] <= 50000


def test_a_budget_beside_a_stated_team_prices_the_team(assistant):
    answer = assistant.answer("Is $10,000 a month enough for 5 offshore email agents?")
    assert answer.estimate.args["agents"] == 5


def test_a_change_after_a_budget_question_reprices_what_the_budget_buys(assistant):
    budget, offshore, raised, sized = converse(
        assistant,
        "How many agents could $24,000 a month pay for?",
        "and offshore?",
        "what if we raise it to $36k?",
        "make it 12 agents",
    )
    assert offshore.estimate.args["location"] == "offshore"
    assert offshore.estimate.args["agents"] > budget.estimate.args["agents"]
    assert offshore.body.startswith("**A budget of $24,000.00")
    assert raised.body.startswith("**A budget of $36,000.00")
    assert raised.estimate.result["monthly_total_usd"] <= 36000
    assert sized.estimate.args["agents"] == 12 and "budget" not in sized.body.split("\n")[0]


def test_a_knowledge_question_after_a_budget_answer_stays_one(assistant):
    _, asked = converse(
        assistant,
        "anggaran $15.000 sebulan, dapat berapa agen?",
        "kenapa vendor luar negeri lebih murah?",
    )
    assert asked.estimate is None and "faq-offshore" in asked.cited_ids


def test_a_bumped_budget_that_adds_a_channel_keeps_the_first(assistant):
    *_, bumped = converse(
        assistant,
        "Budget is $9,000 per month, chat only, offshore. Headcount?",
        "what if we bump it to 14k and add email?",
    )
    assert sorted(bumped.estimate.args["channels"]) == ["chat", "email"]
    assert bumped.body.startswith("**A budget of $14,000.00")
