"""Held-out v113-v116: "is in-house better than outsourcing?" asks which way to run support, a
decision the article leaves to the reader, never a bare "Yes." (which it gave to the question
and to its reverse alike), whichever side comes first and whatever background sentence follows."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question",
    [
        "is inhouse better than outsourcing for a 5 person team",
        "is outsourcing better than an in-house team for us? we have 5 agents",
        "Is keeping support in house better than outsourcing it?",
        "apakah tim inhouse lebih baik daripada outsourcing untuk tim 5 orang?",
        "Outsourcing CS lebih bagus dibanding tim internal ga sih?",
    ],
)
def test_in_house_against_outsourcing_is_weighed_not_answered_yes(assistant, question):
    answer = assistant.answer(question)
    assert answer.ask_type == "decision"
    first = answer.body.split("\n", 1)[0]
    assert not first.startswith(("Yes", "No", "Ya", "Tidak"))
    assert answer.body.startswith(assistant.prompts.text(answer.language, "not_covered_sentinel"))
    cited = {s.id for s in answer.sources}
    assert {"benefits", "challenges"} <= cited  # both sides of the choice


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Is offshore support cheaper than domestic?", "Yes"),
        ("Apakah outsourcing ke luar negeri lebih murah daripada dalam negeri?", "Ya"),
    ],
)
def test_a_cost_comparison_between_places_keeps_its_yes(assistant, question, lead):
    answer = assistant.answer(question)
    assert answer.ask_type == "yes_no"
    assert answer.body.startswith(lead)
