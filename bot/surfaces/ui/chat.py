"""The chat tab's handlers: streamed answers, the sources panel, thumbs up / down."""

from __future__ import annotations

import html
import logging
import re
import time
import uuid
from collections.abc import Iterator
from typing import Any

import gradio as gr

from bot.lang import LANGS
from bot.prompts import Prompts
from bot.surfaces.feedback import FeedbackStore
from bot.types import Answer, Message, QuestionError

log = logging.getLogger("bot.surfaces.ui.app")

STREAM_STEPS = 24  # pieces an answer is revealed in
STREAM_DELAY_S = 0.02
BOLD = re.compile(r"\*\*(.+?)\*\*")


def _rich(text: str) -> str:
    """Escape passage text for HTML, keeping its **bold** markers as <strong>."""
    return BOLD.sub(r"<strong>\1</strong>", html.escape(text))


def sources_html(
    answer: Answer | None, chunks: dict[tuple[str, str], Any], lang: str, prompts: Prompts
) -> str:
    """The cited passages, each with its other-language version one click away."""
    p = prompts.section(lang, "ui_chat")
    head = f'<div class="bot-sources"><h3>{p["sources"]}</h3>'
    if answer is None or not answer.sources:
        return head + f'<p class="bot-sources-empty">{p["no_sources"]}</p></div>'
    items = []
    other = "en" if answer.language == "id" else "id"
    for number, source in enumerate(answer.sources, start=1):
        twin = chunks.get((source.id, other))
        versions = ""
        if twin is not None:
            versions = (
                f'<details class="bot-source-other" lang="{other}">'
                f"<summary>{prompts.phrase(answer.language, 'ui_chat.other')}</summary>"
                f'<div class="bot-source-title">{html.escape(twin.title)}</div>'
                f'<div class="bot-source-text">{_rich(twin.text)}</div></details>'
            )
        items.append(
            f'<li class="bot-source" data-id="{html.escape(source.id)}" lang="{source.language}">'
            f'<div class="bot-source-title">[{number}] {html.escape(source.title)}</div>'
            f'<div class="bot-source-meta"><code>{html.escape(source.id)}</code> · '
            f"{p['score']} {source.score:.2f}</div>"
            f'<div class="bot-source-text">{_rich(source.text)}</div>{versions}</li>'
        )
    return head + '<ol class="bot-source-list">' + "".join(items) + "</ol></div>"


def chat_value(turns: list[dict[str, Any]]) -> list[dict[str, str]]:
    """What the Chatbot shows: one message per turn."""
    return [{"role": t["role"], "content": t["content"]} for t in turns]


def _pieces(text: str, steps: int = STREAM_STEPS) -> Iterator[str]:
    """Growing prefixes of `text`, cut at whitespace, ending with the whole text."""
    cuts = [m.end() for m in re.finditer(r"\s+", text)]
    stride = max(1, len(cuts) // steps)
    for cut in cuts[stride - 1 :: stride]:
        yield text[:cut]
    yield text


class ChatHandlers:
    """Gradio callbacks bound to one assistant and feedback store."""

    def __init__(self, assistant: Any, store: FeedbackStore) -> None:
        self.assistant = assistant
        self.store = store
        self.prompts: Prompts = assistant.prompts
        self.chunks = assistant.passages

    def respond(
        self, message: str, turns: list[dict[str, Any]], choice: str, ui_lang: str
    ) -> Iterator[tuple]:
        """Answer `message` and stream it in; yields (chat, turns, sources, status, box, ui_lang)."""
        turns = list(turns or [])
        override = choice if choice in LANGS else None
        history = [_message(t) for t in turns]
        thinking = [*turns, {"role": "user", "content": message}]
        waiting = {"role": "assistant", "content": self.phrase(ui_lang, "thinking")}
        thinking_view = [*chat_value(thinking), waiting]
        yield thinking_view, turns, _skip(), "", "", ui_lang
        try:
            answer = self.assistant.answer(message, history=history, lang=override)
        except QuestionError as err:
            lang = err.lang if choice == "auto" else ui_lang
            yield chat_value(turns), turns, _skip(), f"⚠️ {err.message}", message, lang
            return
        lang = answer.language if choice == "auto" else ui_lang
        log.info(
            "ui ask lang=%s route=%s ms=%s question=%s",
            answer.language,
            answer.route,
            answer.timings_ms.get("total"),
            answer.question,  # normalised: one line, contact details dropped
        )
        user = {"role": "user", "content": answer.question}
        shown = self._shown(answer)
        for partial in _pieces(answer.answer):
            view = [*chat_value(turns), user, {"role": "assistant", "content": partial}]
            yield view, turns, _skip(), "", "", ui_lang
            time.sleep(STREAM_DELAY_S)
        done = {
            "role": "assistant",
            "id": uuid.uuid4().hex,  # what a rating of this answer is kept under
            "content": shown,
            "lang": answer.language,
            "sources": [s.to_json_dict() for s in answer.sources],
            "body": answer.body,
            "cost_request": Message.of(answer).cost_request,
        }
        turns = [*turns, user, done]
        yield chat_value(turns), turns, self.sources(answer, lang), "", "", lang

    def rate(
        self, turns: list[dict[str, Any]], ui_lang: str, data: gr.LikeData, request: gr.Request
    ) -> str:
        """Store a thumbs up / down for the answer at data.index (rating it again changes that
        rating); return a thank-you line."""
        index = data.index[0] if isinstance(data.index, list | tuple) else data.index
        if not isinstance(data.liked, bool) or not 0 <= index < len(turns or []):
            return ""
        turn = turns[index]
        if turn["role"] != "assistant":
            return ""
        question = next((t["content"] for t in reversed(turns[:index]) if t["role"] == "user"), "")
        row = self.store.add(
            question,
            turn["content"],
            data.liked,
            turn.get("sources"),
            turn.get("lang", ""),
            session=getattr(request, "session_hash", None),
            message_id=turn.get("id") or str(index),
        )
        log.info("ui feedback row=%s rating=%s", row, "up" if data.liked else "down")
        return self.phrase(ui_lang, "thanks_up" if data.liked else "thanks_down")

    def clear(self, ui_lang: str) -> tuple:
        """Start a new conversation."""
        return [], [], self.sources(None, ui_lang), "", ""

    def sources(self, answer: Answer | None, lang: str) -> str:
        """The sources panel for `answer` (None: the empty panel) in `lang`."""
        return sources_html(answer, self.chunks, lang, self.prompts)

    def _shown(self, answer: Answer) -> str:
        """The answer as the chat shows it: an estimate's assumptions in a closed block."""
        if not answer.details:
            return answer.answer
        summary = self.phrase(answer.language, "details")
        return f"{answer.answer}\n\n<details><summary>{summary}</summary>\n\n{answer.details}\n\n</details>"

    def phrase(self, lang: str, key: str) -> str:
        return self.prompts.phrase(lang, f"ui_chat.{key}")


def _message(turn: dict[str, Any]) -> Message:
    """A shown turn as the assistant remembers it: an answer by its body and cited entries."""
    cited = tuple(s["id"] for s in turn.get("sources") or ())
    return Message(turn["role"], turn.get("body", turn["content"]), cited, turn.get("cost_request"))


def _skip() -> Any:
    return gr.skip()
