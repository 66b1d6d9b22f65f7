"""Support jargon is spelled out for retrieval: a short question that only says "SLA" or "KPI"
reaches the article's words instead of falling under the refusal floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answer.glossary import Glossary

PROMPTS = Path(__file__).resolve().parents[1] / "prompts"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load(PROMPTS)


def test_an_abbreviation_is_spelled_out_in_the_questions_language(glossary):
    assert glossary.expand("what's an SLA again?", "en") == (
        "what's an SLA (Service Level Agreement) again?"
    )
    assert glossary.expand("SLA itu isinya apa?", "id") == (
        "SLA (Perjanjian Tingkat Layanan) itu isinya apa?"
    )


def test_a_term_already_spelled_out_or_inside_a_word_is_left_alone(glossary):
    spelled = "Which KPIs (key performance indicators) should we track?"
    assert glossary.expand(spelled, "en") == spelled
    assert glossary.expand("the slash in slack", "en") == "the slash in slack"


def test_every_language_has_a_glossary(glossary):
    assert set(glossary.terms) == {"id", "en"}
    assert all(glossary.terms.values())


@pytest.fixture(scope="module")
def assistant(session_home):
    from bot.answer.assistant import get_assistant
    from bot.config import Settings

    return get_assistant(Settings(home=session_home))


@pytest.mark.parametrize(
    ("question", "lang"),
    [("what's an SLA again?", "en"), ("SLA tuh apa lagi?", "id")],
)
def test_a_bare_abbreviation_question_is_answered_from_the_best_practices(
    assistant, question, lang
):
    answer = assistant.answer(question, lang=lang)
    assert not answer.refused
    assert answer.sources[0].id == "best-practices"
