"""The chat tab's handlers without a browser: a rating is one row per session and answer."""

from __future__ import annotations

from types import SimpleNamespace

import gradio as gr

from bot.config import REPO_ROOT
from bot.prompts import load_prompts
from bot.surfaces.feedback import FeedbackStore, feedback_path
from bot.surfaces.ui.chat import ChatHandlers

TURNS = [
    {"role": "user", "content": "Berapa tarif per jam?"},
    {"role": "assistant", "content": "Antara $10 dan $50 [1]", "id": "a1", "lang": "id"},
    {"role": "user", "content": "Dan biaya tersembunyi?"},
    {"role": "assistant", "content": "Biaya pelatihan [1]", "id": "a2", "lang": "id"},
]


def rate(chat: ChatHandlers, index: int, liked: bool, session: str) -> str:
    data = gr.LikeData(None, {"index": index, "value": TURNS[index]["content"], "liked": liked})
    return chat.rate(TURNS, "id", data, gr.Request(session_hash=session))


def test_rating_an_answer_again_changes_its_row(tmp_path):
    store = FeedbackStore(feedback_path(tmp_path))
    assistant = SimpleNamespace(prompts=load_prompts(REPO_ROOT / "prompts"), passages={})
    chat = ChatHandlers(assistant, store)
    assert "👍" in rate(chat, 1, True, "s1")
    assert "👎" in rate(chat, 1, False, "s1")  # changed its mind: the same row
    rate(chat, 1, False, "s1")
    rate(chat, 3, True, "s1")  # another answer
    rate(chat, 1, True, "s2")  # another visitor
    rows = [(r["question"], r["rating"]) for r in store.rows()]
    assert rows == [
        ("Berapa tarif per jam?", -1),
        ("Dan biaya tersembunyi?", 1),
        ("Berapa tarif per jam?", 1),
    ]
