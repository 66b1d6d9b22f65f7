"""The chat tab's handlers without a browser: a rating is one row per session and answer."""

from __future__ import annotations

from types import SimpleNamespace

import gradio as gr
import pytest

from bot.config import REPO_ROOT
from bot.cost.service import CostService
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


class Broken:
    """An assistant whose chain fails with internals a visitor must not see."""

    prompts = load_prompts(REPO_ROOT / "prompts")
    passages: dict = {}
    cost = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")
    settings = SimpleNamespace(max_question_chars=2000)

    def answer(self, question, history=None, lang=None):
        raise RuntimeError("chroma at /srv/secret/index.sqlite3 refused: disk I/O error")


def registered(demo, name: str):
    return next(f.fn for f in demo.fns.values() if getattr(f.fn, "__name__", "") == name)


def test_a_failing_handler_shows_a_phrase_and_logs_the_detail(tmp_path, caplog):
    from bot.surfaces.ui.app import build_ui

    demo = build_ui(Broken(), FeedbackStore(feedback_path(tmp_path)))
    request = gr.Request(session_hash="s-broken")
    registered(demo, "send")("What is ROI?", "auto", "en", request)
    with pytest.raises(gr.Error) as caught:
        list(registered(demo, "drain")([], "auto", "en", request))
    shown = caught.value.message
    assert "Something went wrong on our side" in shown and "Terjadi kesalahan" in shown
    assert "secret" not in shown and "RuntimeError" not in shown
    assert "disk I/O error" in caplog.text  # the detail is in the server's log


def test_the_ui_sends_no_exception_text_to_the_browser(tmp_path):
    from bot.config import Settings
    from bot.surfaces.server import ServerSettings, _ui_app

    app = _ui_app(Settings(home=tmp_path), ServerSettings(), Broken())
    blocks = next(r.app for r in app.routes if hasattr(r.app, "get_blocks")).get_blocks()
    assert blocks.show_error is False


@pytest.fixture(scope="module")
def ui_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from bot.config import Settings
    from bot.surfaces.server import ServerSettings, _ui_app

    home = tmp_path_factory.mktemp("ui-home")
    app = _ui_app(Settings(home=home), ServerSettings(), Broken())
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize("path", ["/gradio_api/queue/join", "/gradio_api/run/predict"])
@pytest.mark.parametrize("fn_index", [9999, -1])
def test_an_unknown_event_is_404_not_a_500(ui_client, path, fn_index):
    body = {"data": [], "fn_index": fn_index, "session_hash": "s-unknown", "trigger_id": 1}
    response = ui_client.post(path, json=body)
    assert response.status_code == 404, response.text
    assert response.json()["error"] == "unknown_event"


def test_a_known_event_still_reaches_gradio(ui_client):
    demo_fns = ui_client.app.user_middleware[0].kwargs["known"]()
    index = next(i for i, f in demo_fns.items() if getattr(f.fn, "__name__", "") == "pick_language")
    body = {"data": ["en", "id"], "fn_index": index, "session_hash": "s-known", "trigger_id": 1}
    response = ui_client.post("/gradio_api/queue/join", json=body)
    assert response.status_code == 200, response.text
    assert response.json()["event_id"]


@pytest.mark.parametrize("method", ["POST", "PUT", "GET"])
def test_uploads_are_refused_before_gradio_keeps_them(ui_client, tmp_path, monkeypatch, method):
    # The UI has no upload component; Gradio's route kept any file, of any size, with no expiry.
    files = {"files": ("big.bin", b"x" * 1_000_000)}
    response = ui_client.request(method, "/gradio_api/upload", files=files)
    assert response.status_code == 404, response.text
    assert response.headers["connection"] == "close"  # the unread body cannot carry a request
