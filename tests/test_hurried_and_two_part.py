"""Questions typed in a hurry and messages with a story around the question (held-out v89-v92):
"apa vendor biasanya kasih diskon?" is a yes/no; abbreviations in small letters ("sla = ?") and
section names ("tldr the intro") are understood; a specialist is a seat; language codes after
"multilingual" are languages; the team a question asks to price wins over the team its story
tells of; "assume technical support" changes the estimate; what a question sets aside mid-
sentence ("costs beyond the hourly rate") and what it tells after the question ("We've been
quoted a flat price") do not steer the answer; a film mid-conversation is another subject."""

from __future__ import annotations

import pytest
from converse import converse, sentinel


@pytest.mark.parametrize(
    "question",
    [
        "Apa ada kontrak minimal setahun kalau pakai vendor CS?",
        "Apa vendor biasanya kasih potongan harga untuk kontrak panjang?",
        "Apa dukungan multibahasa bikin tarifnya naik?",
    ],
)
def test_apa_opening_a_statement_asks_yes_or_no(assistant, question):
    assert assistant.answer(question).ask_type == "yes_no"


def test_apa_with_a_which_clause_asks_what(assistant):
    answer = assistant.answer("apa layanan pelanggan yang bisa dialihdayakan?")
    assert answer.ask_type != "yes_no"
    assert answer.sources[0].id == "introduction"


@pytest.mark.parametrize(
    ("question", "entry", "words"),
    [
        ("sla = ? in this context", "best-practices", "Service Level Agreements"),
        ("kpi tuh apa sih", "faq-roi", "(KPI)"),
    ],
)
def test_an_abbreviation_in_small_letters_is_spelled_out(assistant, question, entry, words):
    answer = assistant.answer(question)
    assert answer.sources[0].id == entry
    assert words in answer.body.split("\n", 1)[0]


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("sum up the best practices section in like 3 lines", "best-practices"),
        ("tldr the intro pls", "introduction"),
    ],
)
def test_a_named_section_is_summarised(assistant, question, entry):
    answer = assistant.answer(question)
    assert not answer.refused
    assert answer.sources[0].id == entry


def test_cost_items_inside_a_price_are_the_breakdown(assistant):
    answer = assistant.answer("which cost items normally sit inside a quote like that?")
    assert answer.sources[0].id == "breakdown"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Estimate for a single specialist doing technical email support", {"agents": 1}),
        ("price 3 specialists for chat, offshore", {"agents": 3, "location": "offshore"}),
        ("4 seats offshore, 9 month deal - what's it come to?", {"agents": 4, "months": 9}),
        ("quote 5 seats multilingual (en, id, ms), chat", {"languages": ["en", "id", "ms"]}),
    ],
)
def test_hurried_cost_requests_are_read(assistant, question, expected):
    answer = assistant.answer(question)
    assert answer.estimate is not None
    assert expected.items() <= answer.estimate.args.items()


@pytest.mark.parametrize(
    "question",
    [
        "Tim CS kami sekarang cuma 3 orang. Kalau pakai vendor lokal untuk 7 agen, totalnya berapa?",
        "Right now our team is 2 people. What would 9 offshore chat agents cost per month?",
    ],
)
def test_the_team_asked_for_is_priced_not_the_team_told_of(assistant, question):
    answer = assistant.answer(question)
    assert answer.estimate is not None
    assert answer.estimate.args["agents"] in (7, 9)


def test_assume_changes_the_estimate(assistant):
    *_, answer = converse(
        assistant,
        "We get about 12,000 emails a month, 4 minutes each. What would outsourcing that cost?",
        "Most are tricky, so assume technical support.",
    )
    assert answer.estimate is not None
    assert answer.estimate.args["support_type"] == "technical"
    assert answer.estimate.args["contacts_per_month"] == 12000


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Will there be charges beyond the hourly rate?", "en"),
        ("ada biaya lain di luar tarif per jam nggak?", "id"),
        ("Are there hidden costs? The vendor quoted a flat per-agent price.", "en"),
    ],
)
def test_what_is_set_aside_or_told_after_does_not_steer(assistant, question, lang):
    answer = assistant.answer(question)
    assert answer.sources[0].id == "faq-hidden-costs"
    assert not answer.body.startswith(sentinel(assistant, lang))


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("What's the typical contract length with support vendors?", "best-practices"),
        ("kira2 berapa lama sampai tim vendor siap jalan pegang tiket?", "faq-hidden-costs"),
    ],
)
def test_a_time_the_article_never_gives_points_to_its_nearest_point(assistant, question, entry):
    answer = assistant.answer(question)
    assert answer.ask_type == "duration"
    assert answer.body.startswith(sentinel(assistant, answer.language))
    assert answer.sources[0].id == entry


def test_a_film_mid_conversation_is_another_subject(assistant):
    *_, answer = converse(
        assistant, "how do we measure the ROI of outsourcing?", "nice. any netflix show to watch?"
    )
    assert answer.refused
