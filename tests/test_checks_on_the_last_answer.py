"""Held-out v131: a follow-up that questions the last answer ("are you sure?", "yakin? sumbernya
dari mana?", "that seems high for 4 people, you sure?") says where that answer comes from: the
article's section, restated and cited, or, after an estimate, that the figure is this tool's
model and what it rests on, never a new estimate or an unrelated passage; "in simpler words?" /
"bisa pakai bahasa yang lebih simpel?" gives the same entry in short. A real question that only
starts alike ("are you sure offshore is cheaper?", "yakin vendor offshore aman?") is answered as
a question."""

from __future__ import annotations

import pytest
from converse import converse, money_forms


@pytest.mark.parametrize(
    ("first", "check"),
    [
        (
            "What does the article say about measuring ROI?",
            "are you sure? where does that come from?",
        ),
        (
            "What does the article say about measuring ROI?",
            "are you sure that's actually in the article?",
        ),
        ("Bagaimana cara mengukur ROI outsourcing CS?", "yakin? sumbernya dari mana tuh?"),
    ],
)
def test_a_check_cites_the_same_section_and_restates_it(assistant, first, check):
    before, after = converse(assistant, first, check)
    assert after.ask_type == "yes_no"
    assert after.cited_ids[0] == before.cited_ids[0]
    title = after.sources[0].title
    assert title in after.body
    assert before.body.splitlines()[0] in after.body


@pytest.mark.parametrize(
    ("first", "check"),
    [
        (
            "How much for 4 offshore agents in business hours?",
            "that seems high for 4 people, you sure?",
        ),
        (
            "berapa biaya 4 agen offshore jam kantor?",
            "ga salah tuh? kok lebih mahal dr perkiraan saya",
        ),
    ],
)
def test_a_check_of_an_estimate_explains_it_and_keeps_it(assistant, first, check):
    estimate, after = converse(assistant, first, check)
    assert after.estimate is None  # no second estimate
    assert after.cost_state == estimate.estimate.args  # the conversation keeps it
    money = money_forms(estimate.estimate.result["monthly_total_usd"])
    assert any(m in after.body for m in money)
    assert str(estimate.estimate.result["headcount"]) in after.body


@pytest.mark.parametrize(
    ("first", "plainer"),
    [
        (
            "What are the benefits of outsourcing customer support?",
            "can you say that in simpler words?",
        ),
        (
            "Apa saja manfaat outsourcing customer support?",
            "bisa pake bahasa yg lebih simpel gak? saya bukan orang IT",
        ),
    ],
)
def test_simpler_words_give_the_same_entry_by_its_labels(assistant, first, plainer):
    before, after = converse(assistant, first, plainer)
    assert after.ask_type == "summary"
    assert after.cited_ids == before.cited_ids[:1]
    assert len(after.body) < len(before.body)


@pytest.mark.parametrize(
    ("first", "question"),
    [
        ("What are the hidden costs?", "are you sure offshore is cheaper than domestic?"),
        ("Apa saja tantangan outsourcing?", "yakin vendor offshore aman buat data pelanggan?"),
        ("What are the hidden costs?", "is that true for offshore too?"),
    ],
)
def test_a_question_that_only_starts_like_a_check_is_answered(assistant, first, question):
    before, after = converse(assistant, first, question)
    title = before.sources[0].title
    assert not after.body.startswith(("Yes: that answer comes", "Ya: jawaban itu berasal"))
    assert title not in after.body.splitlines()[0]


def test_a_reasonable_figure_asked_of_the_article_is_no_check(assistant):
    _, after = converse(
        assistant,
        "What does the article say about SLAs?",
        "Waktu respons yang wajar itu berapa menit?",
    )
    assert after.body.startswith(assistant.prompts.text("id", "not_covered_sentinel"))
