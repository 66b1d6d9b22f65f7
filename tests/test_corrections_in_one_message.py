"""Held-out v127: a cost question that corrects itself in the same message ("5 agen, eh bukan, 7",
"no wait, specialist", "I was leaning offshore but make it domestic") is priced with the
correction, in both languages alike; a bare number after the correction replaces the last number
before it; a question that only says "sorry" or "I mean" keeps every value it gave."""

from __future__ import annotations

import pytest

from bot.config import REPO_ROOT
from bot.cost.service import CostService

COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")


@pytest.mark.parametrize(
    ("question", "want"),
    [
        ("Berapa biaya 4 agen, eh bukan, 9 agen, vendor lokal, jam kantor?", {"agents": 9}),
        ("Price 4 agents, no wait, 9 agents, local vendor, office hours.", {"agents": 9}),
        (
            "Support dasar aja, eh nggak, teknis deh. 5 agen offshore.",
            {"support_type": "technical"},
        ),
        (
            "Basic support - sorry, I mean technical. Five offshore agents.",
            {"support_type": "technical"},
        ),
        ("3 agen nearshore, level standar, eh spesialis aja.", {"expertise": "specialist"}),
        (
            "Volume 4.000 tiket sebulan, eh 4.500 ding, email, offshore.",
            {"contacts_per_month": 4500},
        ),
        ("Kontrak 6 bulan, ralat, 18 bulan, 10 agen offshore.", {"months": 18}),
        (
            "10 offshore agents; the contract was going to be 6 months but make it 18.",
            {"months": 18},
        ),
        (
            "Eight agents, 24/7, phone. Was leaning domestic but let's go nearshore.",
            {"location": "nearshore"},
        ),
        (
            "Seven technical agents offshore; I wanted 24/7 but extended hours will do.",
            {"coverage": "extended"},
        ),
    ],
)
def test_the_correction_is_what_is_priced(question, want):
    fields = COST.parse_fields(question)
    assert {k: fields.get(k) for k in want} == want


@pytest.mark.parametrize(
    ("question", "languages"),
    [
        ("6 agen chat, bahasa Inggris aja, eh sama Jepang juga deh, offshore.", ["en", "ja"]),
        (
            "6 agen chat nearshore, bahasa Indonesia, Inggris, Mandarin... eh Mandarin coret aja.",
            ["en", "id"],
        ),
    ],
)
def test_a_language_added_or_struck_out_after_the_correction(question, languages):
    assert sorted(COST.parse_fields(question)["languages"]) == languages


def test_a_channel_scratched_leaves_the_other():
    fields = COST.parse_fields("Four domestic agents on chat and email - scratch email, chat only.")
    assert fields["channels"] == ["chat"]


@pytest.mark.parametrize(
    "question",
    [
        "5 agents offshore, 24/7, sorry, how much is that a month?",
        "Eh, berapa biaya 5 agen offshore 24 jam?",
        "I mean, what would 5 offshore agents on 24/7 cost us?",
    ],
)
def test_an_apology_alone_changes_nothing(question):
    fields = COST.parse_fields(question)
    assert (fields["agents"], fields["location"], fields["coverage"]) == (5, "offshore", "24x7")


def test_the_estimate_of_a_corrected_question_is_the_same_in_both_languages(assistant):
    id_answer = assistant.answer("Tolong hitung 4 agen, eh bukan, 9 agen deh, offshore, 24/7.")
    en_answer = assistant.answer("Please price nine offshore agents 24/7 (I first thought four).")
    assert id_answer.estimate.args["agents"] == en_answer.estimate.args["agents"] == 9
    assert (
        id_answer.estimate.result["monthly_total_usd"]
        == en_answer.estimate.result["monthly_total_usd"]
    )
