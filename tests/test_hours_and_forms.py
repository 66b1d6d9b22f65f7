"""Answers that answer the question's form: the agent hours a sum pays for at the article's
band; a decision about nothing in the subject refused; a term the article uses defined from its
point ("skalabilitas maksudnya gimana?"); a how-long follow-up answered from the same subject;
tag questions ("..., right?", "Gimana, ... nggak?") answered yes or no; in-house against
outsourced weighed on both sides; no absent subject made of an ordinary verb."""

from __future__ import annotations

import pytest
from converse import converse, sentinel

from bot.config import Settings


@pytest.fixture(scope="module")
def assistant(session_home):
    from bot.answer.assistant import get_assistant

    return get_assistant(Settings(home=session_home))


@pytest.mark.parametrize(
    ("question", "lang", "fewest", "most"),
    [
        ("How many agent hours does $8,000 buy?", "en", "160", "800"),
        ("berapa jam agen yang bisa dibeli dengan Rp 100 juta?", "id", "125", "625"),
    ],
)
def test_the_hours_a_sum_buys_lead_at_the_band(assistant, question, lang, fewest, most):
    answer = assistant.answer(question)
    lead = answer.body.split("\n", 1)[0]
    assert f"{fewest} " in lead and f"{most} " in lead
    assert [s.id for s in answer.sources][:1] == ["faq-hourly-rate"]
    assert not answer.body.startswith(sentinel(assistant, lang))


def test_an_hourly_rate_is_no_sum_of_hours(assistant):
    answer = assistant.answer("tarif per jam agen spesialis bisa sampai $80 ga?")
    assert "jam kerja agen" not in answer.body


@pytest.mark.parametrize(
    "question",
    ["Should I put my savings into Bitcoin this year?", "is it worth buying a new car this year?"],
)
def test_a_decision_about_another_subject_is_refused(assistant, question):
    assert assistant.answer(question).refused


def test_a_short_decision_about_the_subject_is_weighed(assistant):
    answer = assistant.answer("worth it for 3 ppl?")
    assert not answer.refused and answer.ask_type == "decision"


@pytest.mark.parametrize(
    "question", ["Yang skalabilitas maksudnya gimana?", "skalabilitas maksudnya apa sih?"]
)
def test_a_term_the_article_uses_is_defined_from_its_point(assistant, question):
    answer = assistant.answer(question)
    assert not answer.refused and answer.body.startswith("**Skalabilitas")


def test_a_how_long_follow_up_points_to_the_same_subject(assistant):
    *_, later = converse(
        assistant,
        "how do I measure ROI on outsourced support?",
        "which KPIs exactly?",
        "and how long till we break even?",
    )
    assert later.body.startswith(sentinel(assistant, "en"))
    assert [s.id for s in later.sources][:1] == ["faq-roi"]


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Offshore is always cheaper than domestic, right?", "Not necessarily; the article"),
        ("Gimana, dukungan multibahasa bikin biaya naik nggak?", "Ya"),
    ],
)
def test_a_tag_question_is_answered_yes_or_no(assistant, question, lead):
    answer = assistant.answer(question)
    assert answer.ask_type == "yes_no" and answer.body.startswith(lead)


def test_in_house_against_outsourced_is_weighed_on_both_sides(assistant):
    answer = assistant.answer(
        "is it better to keep support in-house or to hand it to an outsourcer?"
    )
    assert {s.id for s in answer.sources} >= {"benefits", "challenges"}


def test_moving_support_to_a_vendor_is_no_subject_the_article_lacks(assistant):
    answer = assistant.answer(
        "Kami lagi mikir mindahin support teknis ke vendor, tapi data pelanggan kami sensitif."
    )
    assert "mindahin" not in answer.body


def test_a_point_named_mid_sentence_keeps_one_stop(assistant):
    answer = assistant.answer("gimana cara mengatasi biaya tambahan untuk layanan premium?")
    assert ".;" not in answer.body
