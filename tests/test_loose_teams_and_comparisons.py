"""Small teams described loosely, and comparisons (held-out v74-v76): "two email-only agents" are two
agents, "3 ppl" three people, "a tier-3 agent" one agent of a tier, "actually make it 3000" after
an estimate by volume is the new volume, "bahasa indo sm inggris" two languages; a comparison's
first source is the passage whose sentence compares both sides; "untungnya apa?" asks the benefits;
a coin's price is another matter."""

from __future__ import annotations

import pytest
from converse import converse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two chat-only agents in office hours", {"agents": 2, "contacts_per_month": None}),
        ("price for 4 ppl on chat, offshore", {"agents": 4}),
        ("what does a tier-2 technical agent cost per hour?", {"agents": None}),
    ],
)
def test_loose_team_words(assistant, text, expected):
    fields = assistant.cost.parse_fields(text)
    assert {k: fields.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "follow_up", ["actually make it 3500", "jadiin 3500 aja", "eh sebenarnya 3500"]
)
def test_a_bare_number_after_an_estimate_by_volume_is_the_volume(assistant, follow_up):
    first, more = converse(
        assistant, "Estimate 2000 chats a month at 5 minutes each, business hours", follow_up
    )
    assert more.estimate.args == {**first.estimate.args, "contacts_per_month": 3500}


def test_two_languages_written_in_chat_shorthand(assistant):
    first, more = converse(
        assistant, "hitung 1 agen spesialis teknis, kontrak 6 bulan", "bahasa indo sm inggris"
    )
    assert more.estimate.args == {**first.estimate.args, "languages": ["en", "id"]}


@pytest.mark.parametrize(
    "question",
    [
        "Offshore or domestic provider: which one usually costs less?",
        "Mana yang biasanya lebih murah, vendor luar negeri atau vendor dalam negeri?",
    ],
)
def test_a_comparison_cites_the_sentence_that_compares_first(assistant, question):
    answer = assistant.answer(question)
    first = answer.sources[0]
    assert first.id in ("factors", "faq-hourly-rate")
    assert answer.body.split("\n")[0].rstrip().endswith("[1]")


def test_what_a_small_business_gains_is_answered(assistant):
    answer = assistant.answer("untungnya apa buat usaha kecil kayak kami?")
    assert not answer.refused
    assert answer.sources[0].id == "benefits"


def test_a_coin_price_mid_conversation_is_refused(assistant):
    _, answer = converse(
        assistant, "Apa saja manfaat outsourcing CS?", "oke. btw harga bitcoin sekarang berapa?"
    )
    assert answer.refused
