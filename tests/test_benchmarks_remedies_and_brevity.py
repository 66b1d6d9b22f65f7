"""Held-out v141-v144: a benchmark asked of the article ("what resolution rate counts as good?")
or a figure asked through "does the article say ..." is said to be missing, while "what is a good
hourly rate?" gets the article's band; a follow-up asking how to handle a challenge gives the
steps of the entry written for it first; "explain briefly" does not pull the conclusion; "should
we still outsource?" with a team size is weighed, not priced; a team and its in-house cost told
before "how does that compare with ...?" are priced; "sorry, meant 6" after a refused 0 agents
completes the request; a web host's uptime is another matter; after a refusal, or after "Oh
oke.", the next question is read on its own words."""

from __future__ import annotations

import pytest

from tests.converse import converse, sentinel


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("What resolution rate counts as good?", "en"),
        ("What's a good CSAT score to aim for?", "en"),
        ("Tingkat resolusi CS outsourcing yang bagus berapa persen?", "id"),
        ("Does the article say what in-house support typically costs?", "en"),
        ("Apakah artikel menyebut berapa gaji agen in-house?", "id"),
    ],
)
def test_a_benchmark_or_figure_the_article_lacks_is_said_to_be_missing(assistant, question, lang):
    answer = assistant.answer(question)
    assert answer.body.startswith(sentinel(assistant, lang))


@pytest.mark.parametrize(
    "question",
    [
        "What is a good hourly rate for outsourced support?",
        "Does the article say what drives the cost?",
        "Does the article say what hidden costs there are?",
    ],
)
def test_what_the_article_does_give_is_answered(assistant, question):
    answer = assistant.answer(question)
    assert not answer.body.startswith(sentinel(assistant, "en"))
    assert answer.ask_type != "definition"


def test_handling_a_named_challenge_starts_with_the_steps_written_for_it(assistant):
    *_, answer = converse(
        assistant,
        "Apa aja tantangan kalau outsourcing CS?",
        "yang ketiga maksudnya gimana?",
        "terus cara ngatasinnya?",
    )
    assert [s.id for s in answer.sources][0] == "faq-data-security"
    first_point = answer.body.split("\n- ", 1)[1]
    assert "enkripsi" in answer.body and "mitra outsourcing dengan" in first_point


def test_explain_briefly_answers_the_subject_not_the_conclusion(assistant):
    answer = assistant.answer("Jelasin singkat dong manfaat outsource CS apa aja")
    assert answer.sources[0].id == "benefits"


def test_should_we_still_outsource_is_weighed_not_priced(assistant):
    answer = assistant.answer(
        "Our in-house team is only 4 people and quality is great. "
        "Should we still outsource just to cut costs?"
    )
    assert answer.ask_type == "decision"
    assert "| Labour |" not in answer.body


def test_a_told_in_house_cost_compared_with_a_team_is_priced(assistant):
    answer = assistant.answer(
        "We're spending about $2,500 a week on in-house support. "
        "How does that compare with 4 offshore agents on normal business hours?"
    )
    assert answer.estimate is not None
    assert answer.estimate.args["agents"] == 4
    assert answer.estimate.args["inhouse_monthly_usd"] == pytest.approx(10833.33)


def test_a_number_after_a_refused_count_completes_the_request(assistant):
    first, second = converse(
        assistant, "cost for 0 agents, offshore, basic support?", "sorry, meant 6"
    )
    assert first.estimate is None
    assert second.estimate is not None
    assert second.estimate.args == {"location": "offshore", "support_type": "basic", "agents": 6}


@pytest.mark.parametrize(
    "question",
    [
        "unrelated, but what uptime SLA should we demand from our web hosting provider?",
        "penyedia hosting web kami minta SLA uptime berapa?",
    ],
)
def test_a_web_hosts_uptime_is_another_matter(assistant, question):
    assert assistant.answer(question).refused


@pytest.mark.parametrize(
    "question",
    [
        "Oh oke. Kalau buat customer service-nya aja, faktor biayanya apa?",
        "Kalau buat customer service-nya aja, faktor biayanya apa?",
    ],
)
def test_after_a_refusal_the_next_question_is_read_on_its_own(assistant, question):
    refused, answer = converse(
        assistant, "Mau outsource tim IT developer kami, biayanya berapa ya?", question
    )
    assert refused.refused
    assert answer.sources[0].id == "factors"


def test_a_follow_up_after_another_subject_is_read_with_the_question_before_it(assistant):
    *_, answer = converse(
        assistant,
        "Apa manfaatnya outsource CS?",
        "Kamu bisa bikinin pantun lucu?",
        "kenapa bisa lebih hemat?",
    )
    assert not answer.refused
    assert answer.sources[0].id == "benefits"


def test_the_risks_and_how_to_avoid_them_are_all_the_risks_unless_one_is_named(assistant):
    every = assistant.answer("what are the risks and how do we avoid them?")
    assert every.sources[0].id == "best-practices"
    assert "communication barriers" in every.body.split("\n", 1)[0].lower()  # none for it
    one = assistant.answer("Kalau vendornya di luar negeri, risiko soal budayanya gimana?")
    assert [s.id for s in one.sources] == ["challenges"]
