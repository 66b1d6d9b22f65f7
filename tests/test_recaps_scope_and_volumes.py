"""Held-out v149-v152: a recap asked in other words ("rangkum singkat hasil diskusi kita", "a quick
recap of the whole conversation") sums up the conversation; a how-to inside a cost conversation
("whether this is paying off after six months") is no new estimate; avoiding or budgeting for
hidden costs is said to have no steps in the article; "should we pay for 24/7 or stick to
business hours?" and "mending offshore atau lokal buat kami yang pelanggannya orang Indonesia?"
are decisions; an outsourcer's name is the subject, a consumer's complaint and a spreadsheet
are not; volumes in sessions, a handle time after "handle", "a 4-minute handle" and "a 24-hour
reply window" are read."""

from __future__ import annotations

import pytest

from bot.config import REPO_ROOT
from bot.cost.service import CostService
from tests.converse import converse, sentinel

COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")


@pytest.mark.parametrize(
    ("first", "recap"),
    [
        ("Apa tantangan outsourcing?", "rangkum singkat hasil diskusi kita ya"),
        ("What are the benefits?", "Give me a quick recap of the whole conversation"),
    ],
)
def test_a_recap_in_other_words_sums_up_the_conversation(assistant, first, recap):
    before, after = converse(assistant, first, recap)
    assert after.ask_type == "summary"
    assert [s.id for s in after.sources] == [s.id for s in before.sources]


def test_a_how_to_in_a_cost_conversation_is_no_new_estimate(assistant):
    *_, answer = converse(
        assistant,
        "What does 10 offshore agents cost?",
        "How do I tell whether this is paying off after six months?",
    )
    assert answer.estimate is None
    assert answer.sources[0].id == "faq-roi"


@pytest.mark.parametrize(
    "question",
    [
        "Any tips to stop hidden costs from blowing up our budget?",
        "How should we budget for the training and integration costs up front?",
    ],
)
def test_avoiding_hidden_costs_has_no_steps_in_the_article(assistant, question):
    answer = assistant.answer(question)
    assert answer.sources[0].id == "faq-hidden-costs"
    assert answer.body.startswith(sentinel(assistant, "en"))


@pytest.mark.parametrize(
    "question",
    [
        "Should we pay for 24/7 coverage or stick to business hours?",
        "jadi mending offshore atau lokal buat kami yang pelanggannya mayoritas orang Indonesia?",
    ],
)
def test_choosing_between_two_options_is_a_decision(assistant, question):
    assert assistant.answer(question).ask_type == "decision"


@pytest.mark.parametrize(
    ("question", "refused"),
    [
        ("Teleperformance vs Concentrix for a mid-size ecommerce brand - which is better?", False),
        ("cara komplain ke CS bank gw yg ga bales2 chat gimana ya? udh 3 hari", True),
        (
            "my airline lost my bag and their customer service won't pick up. how do I escalate?",
            True,
        ),
        ("btw cara bikin invoice otomatis di excel gmn?", True),
    ],
)
def test_an_outsourcers_name_is_the_subject_a_complaint_is_not(assistant, question, refused):
    assert assistant.answer(question).refused is refused


@pytest.mark.parametrize(
    ("question", "want"),
    [
        ("Live chat 1.200 sesi per hari, AHT 4,5 menit, nearshore.", {"contacts_per_month": 26040}),
        ("Chat 450 per hari, handle 240 detik, vendor domestik.", {"avg_handle_minutes": 4}),
        ("3,500 chats a month, 4-minute handle, offshore.", {"avg_handle_minutes": 4}),
        (
            "10,000 emails a month with a 24-hour reply window, offshore.",
            {"email_response_hours": 24, "coverage": None},
        ),
    ],
)
def test_volumes_handle_times_and_reply_windows_are_read(question, want):
    fields = COST.parse_fields(question)
    assert {k: fields.get(k) for k in want} == want
