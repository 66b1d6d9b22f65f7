"""Held-out v129: search-box questions of a few words. "key takeaways" asks for the summary (it
was refused); a short comparative ("multibahasa lebih mahal?", "24/7 lebih mahal?") asks yes or
no and opens with the answer; freight forwarding is another business function, refused."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", ["key takeaways", "takeaways?", "highlights"])
def test_a_takeaways_ask_is_a_summary(assistant, question):
    answer = assistant.answer(question)
    assert not answer.refused
    assert answer.ask_type == "summary"


@pytest.mark.parametrize("question", ["multibahasa lebih mahal?", "24/7 lebih mahal?"])
def test_a_short_comparative_opens_with_yes_or_no(assistant, question):
    answer = assistant.answer(question)
    assert answer.ask_type == "yes_no"
    assert answer.body.startswith(("Ya", "Tidak"))


@pytest.mark.parametrize(
    "question", ["offshore atau domestik lebih murah?", "mana yang lebih murah?"]
)
def test_a_comparative_with_a_choice_is_no_yes_or_no(assistant, question):
    assert assistant.answer(question).ask_type != "yes_no"


def test_freight_forwarding_is_another_function(assistant):
    assert assistant.answer("freight forwarding rates SG to Jakarta").refused
