"""Claims checked and yes/no questions in loose forms (held-out v97-v100): "My colleague says ...
Correct?" is a yes/no the article can answer (a colleague is no football league); "What, does
24/7 cost more?", "What about quality - can it slip?" and "train the agents too?" ask yes or no;
cheap flights for a tour package are another subject, a travel agency's support is not."""

from __future__ import annotations

import pytest
from converse import converse


@pytest.mark.parametrize(
    "question",
    [
        "My colleague says offshore teams cover every time zone round the clock. Is that right?",
        "A colleague told me outsourcing lets us focus on our core business. Correct?",
    ],
)
def test_a_claim_checked_is_answered_yes_or_no(assistant, question):
    answer = assistant.answer(question)
    assert not answer.refused
    assert answer.ask_type == "yes_no"


@pytest.mark.parametrize(
    "question",
    [
        "Wait, does multilingual support cost more?",
        "What about data security - can it suffer once support is outsourced?",
    ],
)
def test_a_yes_no_after_an_interjection_or_a_topic(assistant, question):
    assert assistant.answer(question).ask_type == "yes_no"


def test_a_short_statement_asked_with_too_is_a_yes_no(assistant):
    *_, answer = converse(
        assistant, "how do we keep customer data safe with a vendor?", "audit them too?"
    )
    assert answer.ask_type == "yes_no"
    assert answer.sources[0].id == "faq-data-security"


def test_flights_for_a_tour_package_are_another_subject(assistant):
    assert assistant.answer("Find me cheap flights to Bali for our tour package, please").refused
    travel = assistant.answer(
        "We're a travel agency with 5 CS agents. Should we outsource support?"
    )
    assert not travel.refused
