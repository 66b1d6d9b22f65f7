"""A story before the question, and what a question sets aside (held-out v77-v80): a decision asked
after a team's city, size and cost is weighed (never a bare cost table, never "nothing about
Jakarta"); "besides the hourly rate, what other charges?" asks the other charges; a name told
after the question is background; a place guessed for "which channels?" is none; a yes/no about
a value the estimate already has changes nothing; "ganti jadi X" names no value replaced; an
in-house cost restated in the other currency replaces the first; a company's other documents are
another matter mid-conversation too."""

from __future__ import annotations

import pytest
from converse import converse


@pytest.mark.parametrize(
    ("question", "lang", "inhouse"),
    [
        (
            "We run a marketplace in Surabaya with 9 in-house agents that cost us roughly $10,000"
            " a month. Tickets are mostly simple. Does it make sense to outsource, or should we"
            " keep it in-house?",
            "en",
            {"inhouse_monthly_usd": 10000},
        ),
        (
            "I manage support at a retailer in Medan. We have 7 support agents costing about $8,000"
            " a month and the owners keep asking about outsourcing. Should we?",
            "en",
            {"inhouse_monthly_usd": 8000},
        ),
        (
            "Kami toko online di Bandung, tim CS kami 6 orang biayanya Rp 50 juta sebulan. Apakah masuk"
            " akal pindah ke vendor luar negeri?",
            "id",
            {"inhouse_monthly_idr": 50000000},
        ),
    ],
)
def test_a_decision_after_a_story_is_weighed(assistant, question, lang, inhouse):
    answer = assistant.answer(question)
    assert answer.ask_type == "decision"
    assert answer.body.startswith(assistant.prompts.text(lang, "decision_lead"))
    assert answer.estimate is not None
    assert inhouse.items() <= answer.estimate.args.items()


def test_a_list_asked_after_an_in_house_story_is_that_list(assistant):
    answer = assistant.answer(
        "Kami punya 30 agen CS in-house dan direksi minta bahan soal outsourcing. Biaya"
        " outsourcing CS itu dipengaruhi faktor apa saja?"
    )
    assert answer.sources[0].id == "factors"


@pytest.mark.parametrize(
    "question",
    [
        "Apart from the hourly rate, what extra charges could show up on the bill?",
        "Selain tarif per jam, biaya apa lagi yang bisa muncul di tagihan?",
    ],
)
def test_what_a_question_sets_aside_is_not_what_it_asks(assistant, question):
    assert assistant.answer(question).sources[0].id in ("faq-hidden-costs", "breakdown")


def test_an_emphasis_in_capitals_names_nothing(assistant):
    answer = assistant.answer("When is outsourcing customer support NOT a good idea?")
    assert "NOT" not in answer.body.split("\n")[0]


def test_names_told_after_the_question_are_background(assistant):
    answer = assistant.answer(
        "Will multilingual support cost more? Our customers write in Javanese and English."
    )
    first = answer.body.split("\n")[0]
    assert "English" not in first and "Javanese" not in first
    assert answer.sources[0].id == "factors"


def test_a_place_needs_a_word_of_place(assistant):
    assert assistant.answer("Which support channels can a provider take over?").ask_type != "place"


def test_years_in_chat_shorthand_ask_how_long(assistant):
    assert assistant.answer("kontrak sama vendor cs biasanya brp thn ya?").ask_type == "duration"


def test_a_yes_no_about_a_value_the_estimate_has_changes_nothing(assistant):
    _, answer = converse(
        assistant,
        "price 4 agents 24/7 on chat",
        "Does 24/7 really help our customers, or is it only extra cost?",
    )
    assert answer.estimate is None
    assert answer.sources[0].id == "factors"


def test_change_to_names_no_value_replaced(assistant):
    first, more = converse(
        assistant,
        "12 agen telepon, dukungan dasar, vendor dalam negeri, berapa sebulan?",
        "eh ganti jadi dukungan teknis dengan agen spesialis",
    )
    expected = {**first.estimate.args, "support_type": "technical", "expertise": "specialist"}
    assert more.estimate.args == expected


def test_an_in_house_cost_restated_in_the_other_currency_replaces_it(assistant):
    first, more = converse(
        assistant,
        "6 agen, biaya in-house Rp 90 juta sebulan",
        "sorry, our in-house cost is $7,000 a month",
    )
    assert first.estimate.args["inhouse_monthly_idr"] == 90000000
    assert more.estimate.args["inhouse_monthly_usd"] == 7000
    assert "inhouse_monthly_idr" not in more.estimate.args


def test_a_company_report_mid_conversation_is_another_matter(assistant):
    _, answer = converse(
        assistant,
        "What are the challenges of outsourcing?",
        "Also, could you write up our Q4 revenue report?",
    )
    assert answer.refused
