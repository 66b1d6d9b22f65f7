"""Held-out v133-v136: after an estimate, a question about its own figures ("why is the labour
line so big?", "jumlah agen segitu ngitungnya dari mana?", "are you sure about the total? per
agent-hour it looks above the $10-$50 range") is answered with how the estimate is built (seats,
people on payroll, the labour rate set against the article's band, the other lines), citing the
band, the hidden costs and the breakdown, and the estimate is kept; "does that cover everything?"
gets the article's hidden costs; a question that changes a value still re-prices. A payback asked
of an in-house cost opens with the saving and the month it breaks even; a yearly in-house cost
said before its sum is a twelfth a month; Malaysian Malay cost words are read."""

from __future__ import annotations

import pytest
from converse import converse

from bot.config import REPO_ROOT
from bot.cost.service import CostService

COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")


@pytest.mark.parametrize(
    ("first", "question"),
    [
        (
            "Price 6 offshore agents 24/7 on chat and email",
            "why is the labour line so big compared to everything else?",
        ),
        (
            "Price 6 offshore agents 24/7 on chat and email",
            "Are you sure about the total? Per agent-hour it looks way above the $10-$50 range.",
        ),
        ("berapa biaya 8 agen domestik jam kantor?", "jumlah agen segitu ngitungnya dari mana?"),
        (
            "berapa biaya 8 agen domestik jam kantor?",
            "masih wajar gak harga segitu dibanding range tarif yg disebut artikel?",
        ),
    ],
)
def test_a_question_about_the_estimate_explains_how_it_is_built(assistant, first, question):
    estimate, after = converse(assistant, first, question)
    assert after.estimate is None
    assert after.cited_ids == ("faq-hourly-rate", "faq-hidden-costs", "breakdown")
    assert after.cost_state == estimate.estimate.args
    result = estimate.estimate.result
    assert str(result["headcount"]) in after.body and str(result["seats"]) in after.body


@pytest.mark.parametrize(
    ("first", "question"),
    [
        (
            "Price 6 offshore agents 24/7 on chat and email",
            "that seems low. are you sure that covers everything?",
        ),
        ("berapa biaya 4 agen offshore?", "kok murah bgt? yakin itu udah termasuk semua biaya?"),
    ],
)
def test_whether_the_estimate_covers_everything_gets_the_hidden_costs(assistant, first, question):
    _, after = converse(assistant, first, question)
    assert after.cited_ids == ("faq-hourly-rate", "faq-hidden-costs")
    assert after.body.startswith(("Not necessarily", "Belum tentu"))
    assert after.body.count("[2]") >= 3  # the article's hidden costs, listed


@pytest.mark.parametrize(
    ("first", "question", "agents"),
    [
        ("Price 6 offshore agents 24/7 on chat and email", "and the total with 3 agents?", 3),
        ("berapa biaya 8 agen domestik jam kantor?", "kok mahal banget ya? kenapa?", None),
    ],
)
def test_a_change_or_a_why_is_not_an_explanation(assistant, first, question, agents):
    _, after = converse(assistant, first, question)
    assert "breakdown" not in after.cited_ids or after.ask_type == "why"
    if agents:
        assert after.estimate.args["agents"] == agents


def test_a_payback_asked_of_an_in_house_cost_opens_with_the_month(assistant):
    answer = assistant.answer(
        "Biaya tim support internal setahun sekitar $480.000 untuk 12 agen. Kalau outsource "
        "offshore jam kantor, kapan balik modal?"
    )
    assert answer.estimate.args["inhouse_monthly_usd"] == 40000
    month = answer.estimate.result["comparison"]["break_even_month"]
    assert answer.body.splitlines()[0].endswith(f"bulan ke-{month}.")


@pytest.mark.parametrize(
    ("question", "want"),
    [
        ("Our 12-agent in-house team runs about $480k a year.", {"inhouse_monthly_usd": 40000}),
        ("what about stretching the hours into evenings?", {"coverage": "extended"}),
        (
            "syarikat kami nak outsource khidmat pelanggan, 20 ejen, domestik, sokongan teknikal. berapa kos sebulan?",
            {"agents": 20, "location": "domestic", "support_type": "technical"},
        ),
        (
            "kos utk 12 ejen nearshore, waktu operasi lanjutan, chat sahaja",
            {"coverage": "extended", "channels": ["chat"]},
        ),
    ],
)
def test_years_evenings_and_malay_words_are_read(question, want):
    fields = COST.parse_fields(question)
    assert {k: fields.get(k) for k in want} == want


@pytest.mark.parametrize(
    "question",
    [
        "Does it make sense for us to keep a core team of 5 in-house and outsource the rest?",
        "kalau sebagian agen tetep in-house, sebagian ke vendor, bisa gak?",
        "Ada SOP dari vendor CS buat nanganin krisis kayak server down?",
    ],
)
def test_a_hybrid_team_or_a_crisis_procedure_is_said_to_be_unmentioned(assistant, question):
    answer = assistant.answer(question)
    assert answer.body.startswith(assistant.prompts.text(answer.language, "not_covered_sentinel"))


def test_a_comparison_asked_to_be_confirmed_opens_with_yes_or_no(assistant):
    answer = assistant.answer("btw vendor lokal emg lebih mahal dari vendor luar negeri?")
    assert answer.ask_type == "yes_no" and answer.body.startswith(("Ya", "Tidak"))
