"""Held-out v121-v124: a team told before a question that asks its estimate ("8 agents offshore,
bilingual. What is the estimate?") is priced, while a yes/no about one factor after it is not; an
in-house "crew of five" is a team; a sum "for a 12-month contract" is spread over its months
like a total, and "how many offshore 24/7 agents" asks what it buys; everyday matters that sit
beside a support word (a laptop for the CS team, overtime pay, severance, an apology email) and
warehousing or an internal CRM build are refused; "office hour" is business hours; languages named
(Spanish, Portuguese) are multilingual support, not names the article never uses."""

from __future__ import annotations

import pytest

from bot.cost.budget import monthly_budget


def test_a_team_told_before_asking_its_estimate_is_priced(assistant):
    answer = assistant.answer(
        "8 agents offshore, bilingual indo and english. What is the estimate?"
    )
    assert answer.route == "cost"
    assert answer.cost_state == {"agents": 8, "location": "offshore", "languages": ["en", "id"]}


def test_a_yes_no_about_one_factor_after_a_team_is_not_priced(assistant):
    answer = assistant.answer("We're 15 on support. Does 24/7 usually push the bill up?")
    assert answer.route == "knowledge"


def test_an_in_house_crew_set_against_a_vendor_is_compared(assistant):
    answer = assistant.answer(
        "Our in-house crew of five costs $18k per month. Would a nearshore vendor on regular "
        "business hours come out cheaper?"
    )
    assert answer.route == "cost"
    assert answer.cost_state["agents"] == 5
    assert answer.cost_state["inhouse_monthly_usd"] == 18000


@pytest.mark.parametrize(
    ("text", "monthly"),
    [
        ("We have IDR 1.2 billion for a 12-month contract.", 100_000_000),
        ("Kami punya total Rp 1,2 miliar untuk kontrak 12 bulan.", 100_000_000),
        ("We have $5,000 a month for a 12-month contract.", 5_000),
    ],
)
def test_a_sum_for_a_whole_contract_is_spread_over_its_months(text, monthly):
    assert monthly_budget(text)[0] == monthly


def test_a_contract_budget_buys_the_same_team_in_both_languages(assistant):
    english = assistant.answer(
        "We have IDR 1.2 billion for a 12-month contract. How many offshore 24/7 agents can "
        "that fund?"
    )
    indonesian = assistant.answer(
        "Kami punya total Rp 1,2 miliar untuk kontrak 12 bulan. Berapa agen offshore 24/7 yang "
        "bisa dibiayai?"
    )
    assert english.cost_state == indonesian.cost_state
    assert english.tool_calls[0].result == indonesian.tool_calls[0].result


@pytest.mark.parametrize(
    "question",
    [
        "can recommend good laptop for my CS team, budget under 10 juta?",
        "Cara ngitung upah lembur tim CS internal kami yang kerja shift malam gimana ya?",
        "How do I word an apology email to a customer whose order showed up damaged?",
        "what's the best way to outsource warehousing and last-mile delivery?",
        "Unrelated, but what would it cost to outsource building our internal CRM software?",
        "Unrelated, but can you help me design a loyalty points program for my regulars?",
    ],
)
def test_everyday_matters_beside_a_support_word_are_refused(assistant, question):
    assert assistant.answer(question).refused


def test_a_leaked_spreadsheet_in_the_story_keeps_a_data_security_question(assistant):
    answer = assistant.answer(
        "Last year an IT contractor leaked a customer spreadsheet. How do we make sure data "
        "stays secure if we outsource support?"
    )
    assert not answer.refused
    assert answer.sources[0].id == "faq-data-security"


@pytest.mark.parametrize(
    "text", ["we need 10 agent offshore, office hour only", "we plan 15 agent, business hour"]
)
def test_office_hour_in_the_singular_is_business_hours(text):
    from bot.config import REPO_ROOT
    from bot.cost.service import CostService

    fields = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts").parse_fields(text)
    assert fields["coverage"] == "business_hours"


def test_languages_named_are_multilingual_support_not_unknown_names(assistant):
    answer = assistant.answer(
        "if we ask the vendor to cover Spanish and Portuguese on top of English, will that push "
        "the price up?"
    )
    assert answer.body.startswith("Yes")
    assert answer.sources[0].id == "factors"
    mention = assistant.answer("Does the article mention Spanish?")
    assert "Spanish" in mention.body.split("\n", 1)[0]  # said to be unmentioned
