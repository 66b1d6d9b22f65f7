"""Held-out v113-v116: a yes/no about a contract's paperwork or exit terms the article never
discusses (a notary, a refund, cancelling) or about a standard response time opens by saying so,
never with a bare "Yes."; a state or province asked for is a place it names none of; a count
changed in words ("jumlah agennya dikurangi menjadi 8", "the number of agents is reduced to 8")
re-prices the estimate before it; "run the numbers" asks a price, so "-5 agents" is an error;
"skill tinggi" / "skill menengah" are skilled agents; HR agencies and app builds are other
functions."""

from __future__ import annotations

import pytest
from converse import converse, sentinel

from bot.config import REPO_ROOT
from bot.cost.service import CostService

COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")


@pytest.mark.parametrize(
    "question",
    [
        "SLA-nya itu harus disahkan notaris gak?",
        "Does the SLA need to be notarised?",
        "Vendor outsourcing CS biasanya kasih garansi uang kembali kalau SLA dilanggar, kan?",
        "What response time is standard for email tickets with an outsourced team?",
    ],
)
def test_an_unmentioned_contract_term_is_said_to_be_unmentioned(assistant, question):
    answer = assistant.answer(question)
    assert answer.body.startswith(sentinel(assistant, answer.language))
    assert not answer.refused


def test_a_refund_after_the_hidden_costs_is_no_yes(assistant):
    *_, refund = converse(
        assistant,
        "Are there costs vendors tend not to mention upfront?",
        "Is it refundable if we cancel in the first month?",
    )
    assert refund.body.startswith(sentinel(assistant, "en"))


@pytest.mark.parametrize(
    "question",
    [
        "Which US state has the cheapest call-centre labour for outsourced support?",
        "Provinsi mana yang paling murah buat outsource call center?",
    ],
)
def test_a_state_or_province_is_a_place_the_article_does_not_name(assistant, question):
    answer = assistant.answer(question)
    assert answer.ask_type == "place"
    assert answer.body.startswith(sentinel(assistant, answer.language))


@pytest.mark.parametrize(
    ("first", "change"),
    [
        (
            "Mohon estimasi biaya untuk 12 agen dari penyedia luar negeri, telepon dan email.",
            "Baik. Kalau jumlah agennya dikurangi menjadi 8, berapa estimasinya?",
        ),
        (
            "Estimate for 12 offshore agents on phone and email, please.",
            "What if the number of agents is reduced to 8, what is the estimate?",
        ),
    ],
)
def test_a_count_changed_in_words_reprices_the_estimate(assistant, first, change):
    before, after = converse(assistant, first, change)
    assert after.route == "cost"
    assert after.cost_state["agents"] == 8
    assert after.cost_state["location"] == before.cost_state["location"] == "offshore"
    assert after.cost_state["channels"] == before.cost_state["channels"]


def test_a_count_taken_away_is_not_the_new_count():
    fields = COST.parse_fields("kalau agennya dikurangi 2?")
    assert fields.get("agents") != 2


def test_run_the_numbers_asks_a_price_so_a_negative_team_is_an_error(assistant):
    answer = assistant.answer(
        "Can you run the numbers for -5 agents, domestic provider, email only? We're cutting "
        "five seats."
    )
    assert answer.route == "cost"
    assert answer.tool_calls and "error" in answer.tool_calls[0].result


@pytest.mark.parametrize(
    "text",
    [
        "Hitungin dong: 6 agen support teknis, skill tinggi, via telepon doang",
        "Berapa ongkosnya kalau pakai 8 agen vendor dalam negeri, skill menengah, support dasar?",
        "Estimate please: 8 mid-level agents from a domestic vendor, basic support.",
    ],
)
def test_skill_above_standard_is_skilled(text):
    assert COST.parse_fields(text)["expertise"] == "skilled"


@pytest.mark.parametrize(
    "question",
    [
        "rekrut karyawan lewat agen HR outsourcing itu sistem bayarnya gimana?",
        "what's the going rate for outsourcing a React Native app build?",
    ],
)
def test_hr_agencies_and_app_builds_are_other_functions(assistant, question):
    assert assistant.answer(question).refused
