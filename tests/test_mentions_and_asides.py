"""What the article mentions, asides and follow-ups (held-out v71-v73): an abbreviation's full stop
ends no sentence ("UU No. 27/2022"), a law named or "the rules that apply" are said to be absent, a
price per seat is no hourly rate, a question that ends on "apa" is no yes/no, "KPI apa yang
sebaiknya ..." and "anything about X I should negotiate?" choose nothing, "vendor dalam negeri
mana" asks for a provider, "X tuh apa sih sebenernya?" asks what X is, a summary of one part in a
conversation is no recap, an elliptical follow-up keeps the conversation's subject, the channels
customer support covers are the introduction's, a bakery or a company's legal form is refused."""

from __future__ import annotations

import pytest
from converse import converse


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Menurut artikel, apakah vendor harus tunduk pada UU PDP (UU No. 27/2022)?", "id"),
        ("Aturan perlindungan data yang berlaku buat vendor CS apa?", "id"),
        ("Does the article quote a monthly per-seat price for one agent?", "en"),
        (
            "Is there a specific law we must follow when our outsourcing vendor moves customer data abroad?",
            "en",
        ),
    ],
)
def test_what_the_article_does_not_name_is_said(assistant, question, lang):
    answer = assistant.answer(question)
    assert answer.body.startswith(assistant.prompts.text(lang, "not_covered_sentinel"))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("KPI apa yang sebaiknya kami pantau dari vendor CS?", "list"),
        ("Vendor lokal mana yang bagus buat CS kami?", "place"),
        ("customer support outsourcing tuh apa sih sebenernya?", "definition"),
    ],
)
def test_indonesian_ask_forms(assistant, question, expected):
    assert assistant.answer(question).ask_type == expected


def test_asking_what_the_article_mentions_is_no_decision(assistant):
    answer = assistant.answer("anything in there about notice periods I should push for?")
    assert answer.ask_type != "decision"


def test_a_summary_of_one_part_in_a_conversation_is_no_recap(assistant):
    _, answer = converse(
        assistant,
        "Kami startup, apa saja tantangan outsourcing CS?",
        "ringkas semua praktik terbaiknya dong",
    )
    assert answer.sources[0].id == "best-practices"


def test_an_elliptical_follow_up_keeps_the_subject(assistant):
    turns = converse(
        assistant,
        "tarif outsourcing CS per jam kira-kira berapa?",
        "kok rentangnya lebar banget?",
        "kalau yang dalam negeri?",
    )
    assert not turns[-1].refused


@pytest.mark.parametrize(
    "question",
    [
        "Which services can our support team hand to an outsourcing company: chat, email, phone?",
        "Saluran CS mana aja yang bisa dipegang vendor outsourcing?",
    ],
)
def test_the_channels_support_covers(assistant, question):
    assert assistant.answer(question).sources[0].id == "introduction"


@pytest.mark.parametrize(
    "question",
    ["can you recommend a good bakery in Surabaya?", "gimana cara bikin PT perorangan buat usaha?"],
)
def test_everyday_and_legal_form_questions_are_refused(assistant, question):
    assert assistant.answer(question).refused
