"""Short messages typed on a phone (the v40 held-out batch's kind), each failing before its fix:
chat abbreviations that made a question English or out of scope, "ringkasin dong", "yg ke-3?",
"6 mo", "6 mnt". The questions are paraphrases, not the batch's wording."""

from __future__ import annotations

import pytest
from converse import converse, sentinel

from bot.config import REPO_ROOT, Settings
from bot.cost.service import CostService
from bot.lang import detect_language

COST = CostService.from_dirs(Settings().corpus_dir, REPO_ROOT / "prompts")


@pytest.fixture(scope="module")
def assistant(session_home):
    from bot.answer.assistant import get_assistant

    return get_assistant(Settings(home=session_home))


@pytest.mark.parametrize(
    "text", ["setup fee brp?", "knp offshore lbh murah", "onboarding blm selesai"]
)
def test_chat_abbreviations_make_a_message_indonesian(text):
    assert detect_language(text) == "id"


def test_how_long_on_an_outsourcing_subject_is_said_uncovered_not_refused(assistant):
    answer = assistant.answer("transisi ke vendor brp lama?")
    assert not answer.refused and answer.body.startswith(sentinel(assistant, "id"))


def test_ringkasin_to_begin_with_summarises_the_article(assistant):
    answer = assistant.answer("rangkumin dong")
    assert answer.ask_type == "summary" and len(answer.cited_ids) >= 4


def test_yg_ke_n_picks_that_point_of_the_last_answer(assistant):
    listed, picked = converse(assistant, "manfaat outsourcing CS apa aja?", "yg ke-2?")
    assert listed.cited_ids[0] == "benefits" and picked.cited_ids[0] == "benefits"
    second = listed.body.split("\n- ")[2].split("[")[0].strip()
    assert picked.body.startswith(second[:40])


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("9 agents for 4 mo", "months", 4),
        ("3000 tiket, 7 mnt per tiket", "avg_handle_minutes", 7),
        ("700 emails/mo avg 9 mins", "avg_handle_minutes", 9),
        ("AHT 9 instead", "avg_handle_minutes", 9),
        ("aht 6 aja", "avg_handle_minutes", 6),
    ],
)
def test_short_units_are_read(text, field, value):
    assert COST.parse_fields(text).get(field) == value
