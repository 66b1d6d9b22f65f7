"""Held-out v165-v168: what the article never states, asked in everyday words (a law as
"undang-undangnya", vendors' "nama2nya", what agents "take home", a score to "aim for", which
option it "recommends" for a business), opens with that said and the nearest entry after it; cost
wording the estimator missed ("on weekends", "in-country", "a Philippine vendor", "8 to 5",
"9-5," before a comma, "offshoring it", "our 15-person team runs us ...", channels "added on
top") is read; web development is another function."""

from __future__ import annotations

import pytest

from bot.config import REPO_ROOT
from bot.cost.service import CostService
from tests.converse import converse, sentinel

COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")


@pytest.mark.parametrize(
    ("question", "want"),
    [
        ("Our online shop only needs help on weekends: 4 local agents, WhatsApp only. How much?", {"coverage": "extended"}),
        ("8 specialist agents: in-country vendor, phone support, 18-month term. Cost?", {"location": "domestic"}),
        ("5 agents, website chat, 8 to 5, Philippine vendor. How much?", {"coverage": "business_hours", "location": "offshore"}),
        ("4 agents 9-5, phone, cost?", {"coverage": "business_hours"}),
        ("Our 15-person support team runs us IDR 250 million a month. How much could we save by offshoring it?",
         {"agents": 15, "inhouse_monthly_idr": 250000000, "location": "offshore"}),
    ],
)  # fmt: skip
def test_cost_wording_is_read(question, want):
    fields = COST.parse_fields(question)
    assert {k: fields.get(k) for k in want} == want


def test_a_falling_range_before_a_number_is_no_working_day():
    assert "coverage" not in COST.parse_fields("we go from 8 to 5 agents, cost?")
    assert "coverage" not in COST.parse_fields("4 agents 9-5.5 hours a day, cost?")


def test_channels_added_on_top_keep_the_ones_before(assistant):
    _, answer = converse(
        assistant,
        "Rough cost for 30 offshore agents, phone only, business hours?",
        "And with email and chat added on top?",
    )
    assert sorted(answer.estimate.args["channels"]) == ["chat", "email", "phone"]
    assert answer.estimate.args["location"] == "offshore"


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("soal data customer ada undang-undangnya nggak yg wajib diikutin?", "not_covered_law"),
        ("vendor yg direkomendasiin ada nama2nya gak?", "not_covered_place"),
        ("and what do the agents themselves take home per month?", "not_covered_figure"),
        ("what CSAT score should we be aiming for?", "not_covered_figure"),
        ("For a chain of healthcare clinics, does the article recommend domestic or offshore support?",
         "not_covered_recommend"),
        ("Kami startup fintech. Artikelnya nyaranin vendor offshore atau domestik buat kami?", None),
    ],
)  # fmt: skip
def test_what_the_article_never_states_is_said_first(assistant, question, lead):
    answer = assistant.answer(question)
    assert answer.body.startswith(sentinel(assistant, answer.language))
    if lead is not None:
        assert answer.body.startswith(assistant.prompts.text(answer.language, lead))


def test_a_recommendation_the_article_does_make_is_still_yes(assistant):
    answer = assistant.answer(
        "Does the article recommend choosing a partner with strong data protection?"
    )
    assert answer.body.startswith("Yes")


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("hemat berapa persen sih kalo outsource CS?", "benefits"),
        ("roughly what percentage do companies save by outsourcing support?", "benefits"),
        ("any numbers on savings %?", "benefits"),
        ("setup vendor CS baru biasanya makan waktu brp lama?", "faq-hidden-costs"),
        ("how long till an outsourced support team is fully ramped up?", "faq-hidden-costs"),
    ],
)
def test_an_unstated_figure_or_time_cites_what_the_article_says_nearest(assistant, question, entry):
    answer = assistant.answer(question)
    assert answer.body.startswith(sentinel(assistant, answer.language))
    assert answer.sources[0].id == entry


@pytest.mark.parametrize(
    "question",
    [
        "btw how much would outsourcing our web dev cost?",
        "berapa biaya outsource pembuatan website perusahaan?",
    ],
)
def test_web_development_is_another_function(assistant, question):
    assert assistant.answer(question).refused
