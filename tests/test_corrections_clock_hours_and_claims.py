"""Held-out v185-v188: a message that corrects itself ("5 orang, maksudku 6", "about 5 minutes.
Actually, closer to 6"); opening hours said on the clock ("buka tiap hari 07.00-22.00") and in
shifts ("make it 3 shifts"); cost follow-ups that ask the year's total, raise the team ("tambah
jd 8") or give a daily volume after a 24/7 estimate; and claims put up to be confirmed ("..., gitu
kan?", "the only cost is the hourly rate, yeah?"), which are yes/no asks the article may not
support."""

from __future__ import annotations

import pytest

from bot.answer.analysis import Analyzer
from bot.config import REPO_ROOT
from bot.cost.service import CostService
from tests.converse import converse, sentinel

COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")
RULES = Analyzer(REPO_ROOT / "prompts")  # the phrase rules, without the ask-type model


@pytest.mark.parametrize(
    ("question", "want"),
    [
        # a correction inside one message
        ("Mau 5 wong, maksudku 6 agen, brp?", {"agents": 6}),
        ("Koreksi ya: agennya bukan 20, maksud kami 14.", {"agents": 14}),
        ("Handle time is about 4 minutes. Actually, closer to 7.", {"avg_handle_minutes": 7}),
        # the clock and shifts
        ("4 agen, buka tiap hari 06.00-21.00, brp?", {"agents": 4, "coverage": "extended"}),
        ("3 agen jam 08.00-16.00 senin-jumat, berapa?", {"coverage": "business_hours"}),
        ("Nine agents from 8am to 5pm, every day of the week: cost?", {"coverage": "extended"}),
        ("coverage 00:00-24:00 for 5 agents, price?", {"coverage": "24x7"}),
        ("6 agents in three eight-hour shifts a day, price?", {"agents": 6, "coverage": "24x7"}),
        ("7 agen, senin sampai minggu tapi gak sampe 24 jam", {"coverage": "extended"}),
        # wording the estimator missed
        ("5 agents on telephone and e-mail, cost?", {"channels": ["phone", "email"]}),
        ("five Korean- and English-speaking agents, cost?", {"agents": 5}),
        ("kontraknya setahun setengah, 3 agen, brp?", {"months": 18}),
        ("tim inhouse 5 org, gaji @Rp 7jt/bln. outsource 5 agen brp?",
         {"inhouse_monthly_idr": 35000000}),
    ],
)  # fmt: skip
def test_corrections_clock_hours_and_wording_are_read(question, want):
    fields = COST.parse_fields(question)
    assert {k: fields.get(k) for k in want} == want


@pytest.mark.parametrize(
    "question",
    [
        "how long does it take, 4-6 minutes per call?",
        "what if we go from 5 to 8 agents?",
        "8 to 12 agents offshore, price?",
    ],
)
def test_a_range_of_minutes_or_agents_is_no_opening_hours(question):
    assert "coverage" not in COST.parse_fields(question)


@pytest.mark.parametrize(
    "question",
    [
        "Kesimpulannya outsource selalu lebih murah dari tim sendiri, gitu kan?",
        "Artikelnya nggak bahas soal kontrak, bukan?",
        "So offshore agents are always the cheaper option, right?",
        "I assume the article covers how to pick a vendor?",
        "am I right that 24/7 adds to the cost?",
        "doesnt multilingual support cost extra?",
        "Masa sih vendor luar negeri lebih murah?",
    ],
)
def test_a_claim_put_up_to_be_confirmed_asks_yes_or_no(question):
    assert RULES.analyze(question).type == "yes_no"


def test_a_narrowing_claim_is_not_confirmed(assistant):
    answer = assistant.answer("So the hourly fee is really the only cost of outsourcing, yeah?")
    assert answer.body.startswith(assistant.prompts.text("en", "not_necessarily_joined"))


def test_a_claim_of_how_long_it_takes_is_said_to_be_unstated(assistant):
    answer = assistant.answer("Artikelnya bilang transisi ke vendor butuh sekitar 2 bulan, kan?")
    assert answer.body.startswith(sentinel(assistant, "id"))


def test_a_recommended_vendor_asked_to_be_confirmed_is_said_to_be_unnamed(assistant):
    answer = assistant.answer("The article lists its recommended providers, right?")
    assert answer.body.startswith(sentinel(assistant, "en"))


def test_what_it_says_about_a_standard_is_answered_not_refused(assistant):
    answer = assistant.answer("what does it say about PCI DSS?")
    assert not answer.refused
    assert answer.body.startswith(sentinel(assistant, "en"))


def test_clock_hours_follow_up_and_a_team_raised(assistant):
    first, second, third = converse(
        assistant,
        "4 agen, jam 08.00-17.00 sen-jum, vendor lokal, brp?",
        "kalo bukanya tiap hari 08.00-21.00?",
        "agennya tambah jd 7",
    )
    assert first.estimate.args["coverage"] == "business_hours"
    assert second.estimate.args == {**first.estimate.args, "coverage": "extended"}
    assert third.estimate.args == {**second.estimate.args, "agents": 7}


@pytest.mark.parametrize("follow_up", ["Make it 3 shifts.", "kalo 3 shift?"])
def test_three_shifts_are_round_the_clock(assistant, follow_up):
    first, second = converse(
        assistant, "Quote 5 agents, chat only, office hours, offshore.", follow_up
    )
    assert second.estimate.args == {**first.estimate.args, "coverage": "24x7"}


@pytest.mark.parametrize("follow_up", ["and what's that per year?", "per tahun totalnya brp?"])
def test_the_years_total_asked_after_an_estimate(assistant, follow_up):
    first, second = converse(assistant, "6 agen offshore 24/7, kontrak 6 bulan, brp?", follow_up)
    assert second.estimate.args == {**first.estimate.args, "months": 12}


def test_a_daily_volume_corrected_after_a_24_7_estimate_counts_every_day(assistant):
    first, second = converse(
        assistant,
        "We get 300 chats a day, 24/7, 5 minutes each. Monthly cost?",
        "sorry, I meant 200 chats a day",
    )
    assert first.estimate.args["contacts_per_month"] == 9120  # 300 x 30.4 days
    assert second.estimate.args["contacts_per_month"] == 6080


def test_a_doubled_volume_is_twice_the_volume(assistant):
    first, second = converse(
        assistant,
        "sehari 150 chat, jam kantor, 4 menit per chat. brp?",
        "kalo volumenya jd 2x lipat gmn?",
    )
    want = first.estimate.args["contacts_per_month"] * 2
    assert second.estimate.args["contacts_per_month"] == want


def test_a_vendor_here_is_a_domestic_one():
    fields = COST.parse_fields("6 agents with a provider here in Kuala Lumpur, business hours?")
    assert fields["location"] == "domestic"


def test_can_give_a_figure_asks_for_the_figure():
    assert RULES.analyze("How much does setup usually run, can share a number?").type == "quantity"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Does the article mention agent shrinkage anywhere?", "en"),
        ("Berapa tarif per jam khusus untuk agen teknis?", "id"),
        ("What's the hourly rate for nearshore vendors specifically?", "en"),
        ("what % of firms outsource their support desk?", "en"),
    ],
)
def test_a_figure_or_assumption_the_article_never_gives_is_said_so(assistant, question, lang):
    assert assistant.answer(question).body.startswith(sentinel(assistant, lang))


@pytest.mark.parametrize(
    ("follow_up", "entry"),
    [
        ("Where does that $10-$50 figure come from?", "faq-hourly-rate"),
        ("angka tarif itu sumbernya dari mana?", "faq-hourly-rate"),
        ("what would push that total up the most?", "factors"),
    ],
)
def test_after_an_estimate_the_figures_source_and_drivers_are_the_article(
    assistant, follow_up, entry
):
    _, answer = converse(assistant, "Price 7 agents offshore, chat, office hours.", follow_up)
    assert answer.estimate is None
    assert answer.sources[0].id == entry


def test_problems_asked_are_the_challenges(assistant):
    answer = assistant.answer("Could moving support offshore lead to any issues for us?")
    assert answer.sources[0].id == "challenges"


@pytest.mark.parametrize(
    "question",
    ["Is the hourly rate the only cost we pay?", "Jadi biayanya cuma tarif per jam aja kan?"],
)
def test_the_only_cost_claimed_is_answered_from_the_cost_breakdown(assistant, question):
    answer = assistant.answer(question)
    assert answer.sources[0].id == "breakdown"
