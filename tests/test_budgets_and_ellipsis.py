"""Budgets, in-house teams and elliptical follow-ups (held-out v62-v64): "what can Rp 100 million a
month buy?" and "cukup nggak untuk ...?" ask what a budget pays for; "paying Rp 90 juta/month for
our own 5-person support team" and "kami punya 10 agen ..., biayanya Rp150 juta" state the in-house
cost; "kalau ditambah bahasa Jepang?" adds a language; "what's that going to run us?" asks a price;
"and for 24/7?" asks what the question before it asked; a vendor's name asked of the article is
said to be absent, not refused; a train timetable is refused."""

from __future__ import annotations

import pytest
from converse import converse


@pytest.mark.parametrize(
    "question",
    [
        "What can Rp 100 million a month buy in outsourced support? We need live chat.",
        "Anggaran kami cuma Rp 75 juta/bulan. Cukup nggak untuk layanan 24 jam dengan agen terampil?",
        "Can round-the-clock coverage with skilled agents fit into a monthly budget of Rp 75 million?",
    ],
)
def test_what_a_budget_buys(assistant, question):
    answer = assistant.answer(question)
    assert answer.estimate is not None
    assert answer.body.startswith("**")  # the budget's sentence leads, in bold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We're a Jakarta company paying Rp 90 juta/month for our own 5-person support team. "
            "Would an offshore team of 5 specialist agents cost less?",
            {"inhouse_monthly_idr": 90_000_000, "agents": 5},
        ),
        (
            "Kami punya 10 agen telepon di kantor, biayanya Rp150 juta per bulan. Kalau dioutsource?",
            {"inhouse_monthly_idr": 150_000_000, "agents": 10},
        ),
        ("kami punya budget Rp 100 juta, dapat berapa agen?", {"inhouse_monthly_idr": None}),
    ],
)
def test_an_in_house_team_and_its_cost(assistant, text, expected):
    fields = assistant.cost.parse_fields(text)
    assert {k: fields.get(k) for k in expected} == expected


def test_an_added_language_joins_the_list(assistant):
    first, more = converse(
        assistant,
        "4 agen nearshore, telepon dan sosmed, bahasa Indonesia dan Inggris",
        "Kalau ditambah bahasa Jepang?",
    )
    assert more.estimate.args == {**first.estimate.args, "languages": ["en", "id", "ja"]}


def test_what_that_will_run_us_asks_a_price(assistant):
    answer = assistant.answer(
        "Outsourcing roughly 900 emails weekly at about 12 minutes apiece - what's that going to run us?"
    )
    assert answer.estimate.args["contacts_per_month"] == 3900


def test_an_elliptical_follow_up_asks_what_came_before(assistant):
    *_, more = converse(
        assistant,
        "What drives the cost of outsourced support?",
        "how much extra for multilingual?",
        "and for 24/7?",
    )
    assert more.ask_type == "quantity" and more.estimate is None


def test_a_vendor_name_asked_of_the_article_is_answered(assistant):
    answer = assistant.answer("Teleperformance or Concentrix - which one does the article prefer?")
    assert not answer.refused
    assert answer.body.startswith("The article does not say")


def test_a_train_timetable_is_refused(assistant):
    _, trains = converse(
        assistant, "What are the hidden costs?", "Btw, jadwal KRL Bogor-Jakarta jam berapa aja?"
    )
    assert trains.refused


def test_really_more_expensive_right_is_a_yes_no(assistant):
    answer = assistant.answer("Dukungan teknis memang lebih mahal ya menurut artikel?")
    assert answer.ask_type == "yes_no"


def test_apa_bisa_is_a_yes_no_not_a_duration(assistant):
    answer = assistant.answer(
        "Apa outsourcing bisa kasih layanan 24 jam buat pelanggan di zona waktu yang beda?"
    )
    assert answer.ask_type == "yes_no" and answer.body.startswith("Ya")


def test_a_plane_ticket_is_no_support_ticket(assistant):
    assert assistant.answer("berapa harga tiket pesawat Jakarta-Bali bulan depan?").refused


def test_a_statement_of_two_values_changes_the_estimate(assistant):
    first, stated = converse(
        assistant,
        "we need 15 agents 24/7 in English, Spanish and French, what would it cost?",
        "they'd need to be skilled agents doing technical support",
    )
    expected = {**first.estimate.args, "expertise": "skilled", "support_type": "technical"}
    assert stated.estimate.args == expected


def test_one_agent_described_at_length_is_priced(assistant):
    answer = assistant.answer(
        "Ballpark for a single Japanese-speaking chat agent, round the clock?"
    )
    assert answer.estimate.args["agents"] == 1 and answer.estimate.args["languages"] == ["ja"]


@pytest.mark.parametrize(
    ("question", "refused", "ask_type"),
    [
        ("hey can you help me plan a trip to Bali?", True, "out_of_scope"),
        ("kok luar negeri bisa lebih murah?", False, "why"),
    ],
)
def test_a_trip_is_refused_and_kok_asks_why(assistant, question, refused, ask_type):
    answer = assistant.answer(question)
    assert answer.refused is refused and answer.ask_type == ask_type


def test_so_offshore_is_cheaper_is_a_yes_no(assistant):
    assert assistant.answer("so offshore is cheaper than domestic?").ask_type == "yes_no"


def test_baking_is_refused(assistant):
    assert assistant.answer("how do I make a sourdough starter from scratch?").refused
