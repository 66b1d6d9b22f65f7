"""The chat tab's handlers: a line of questions per browser, answers streamed in, thumbs up / down.

A question is taken from the box at once (the box is emptied then, and only then, so what is typed
while an answer streams stays) and waits in its browser's line; one `drain` per browser answers
the line in order, showing the waiting questions marked as such. Retry, edit and undo rewind the
conversation to a question; a new conversation empties the line and stops the answer under way.
"""

from __future__ import annotations

import functools
import inspect
import logging
import re
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import gradio as gr

from bot.lang import LANGS, detect_language
from bot.prompts import Prompts
from bot.surfaces.feedback import FeedbackStore
from bot.surfaces.ui.render import (
    answer_bubble,
    chat_value,
    queued_bubble,
    shown_question,
    sources_html,
    unmarked,
    with_sources,
)
from bot.types import Answer, Message, QuestionError

log = logging.getLogger("bot.surfaces.ui.app")

STREAM_STEPS = 24  # pieces an answer is revealed in
STREAM_DELAY_S = 0.02
FEEDBACK = ["Like", "Dislike"]  # Gradio's thumbs; shown only once an answer is complete


@dataclass
class Line:
    """One browser's questions waiting to be answered, and whether a drain is answering them."""

    waiting: deque[str] = field(default_factory=deque)
    busy: bool = False
    epoch: int = 0  # bumped by a new conversation: a drain of an older epoch stops


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
        self._lines: dict[str, Line] = {}
        self._lock = threading.Lock()

    # -- taking questions -------------------------------------------------------------------
    def send(self, message: str, choice: str, ui_lang: str, request: gr.Request) -> tuple:
        """Put the box's question in line and empty the box; returns (box, status)."""
        problem = self._problem(message or "", choice, ui_lang)
        if problem:
            return gr.skip(), f"⚠️ {problem}"  # the question stays in the box to fix
        self._enqueue(request, message)
        return "", ""

    def pick_example(self, choice: str, ui_lang: str, request: gr.Request, data: gr.SelectData):
        """An example chip asks its question at once; returns the status line."""
        value = data.value if isinstance(data.value, dict) else {"text": str(data.value)}
        self._enqueue(request, value.get("text", ""))
        return ""

    def retry(self, turns: list[dict], request: gr.Request, data: gr.RetryData) -> tuple:
        """Ask the question at data.index again; returns (chat, turns)."""
        return self._rewind(turns, request, data.index, None)

    def edit(self, turns: list[dict], request: gr.Request, data: gr.EditData) -> tuple:
        """Ask the edited question at data.index instead; returns (chat, turns)."""
        return self._rewind(turns, request, data.index, unmarked(_text(data.value), self.prompts))

    def undo(self, turns: list[dict], request: gr.Request, data: gr.UndoData) -> tuple:
        """Take back the question at data.index and its answer; returns (chat, turns, box)."""
        index = _index(data.index)
        if self._line(request).busy or not 0 <= index < len(turns or []):
            return gr.skip(), gr.skip(), gr.skip()
        kept = list(turns[:index])
        return chat_value(kept), kept, _question(turns[index])

    def _rewind(self, turns: list[dict], request: gr.Request, index: Any, question: str | None):
        index = _index(index)
        if self._line(request).busy or not 0 <= index < len(turns or []):
            return gr.skip(), gr.skip()
        if turns[index]["role"] != "user":
            return gr.skip(), gr.skip()
        question = question or _question(turns[index])
        kept = list(turns[:index])
        self._enqueue(request, question)
        return chat_value(kept), kept

    # -- answering --------------------------------------------------------------------------
    def drain(
        self, turns: list[dict], choice: str, ui_lang: str, request: gr.Request
    ) -> Iterator[tuple]:
        """Answer the browser's line in order; yields (chat, turns, sources, status, ui_lang).

        Every send starts one; a second that finds the first at work leaves it the line.
        """
        line = self._line(request)
        with self._lock:
            if line.busy:
                yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
                return
            line.busy, epoch = True, line.epoch
        turns = list(turns or [])
        answered = False
        try:
            while True:
                with self._lock:
                    if line.epoch != epoch:
                        return
                    if not line.waiting:
                        line.busy = False
                        break
                    question = line.waiting.popleft()
                turns, ui_lang = yield from self._answer(question, turns, choice, ui_lang, line)
                answered = True
            if not answered:
                # Nothing was in line (an empty question): a generator that yields nothing has
                # Gradio blank every output, the send's "the question is empty" included.
                yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        finally:
            with self._lock:
                if line.epoch == epoch:
                    line.busy = False

    def _answer(
        self, question: str, turns: list[dict], choice: str, ui_lang: str, line: Line
    ) -> Iterator[tuple]:
        """Answer one question, streaming it in; returns the turns and UI language after it."""
        epoch = line.epoch
        override = choice if choice in LANGS else None
        shown = shown_question(question, override or detect_language(question), self.prompts)
        asked = {"role": "user", "content": shown}
        waiting = {"role": "assistant", "content": self.phrase(ui_lang, "thinking")}
        note = self._waiting(line, ui_lang)
        yield self._view(turns, line, asked, waiting), gr.skip(), gr.skip(), note, gr.skip()
        history = [_message(t) for t in turns]
        try:
            answer = self.assistant.answer(question, history=history, lang=override)
        except QuestionError as err:
            lang = err.lang if choice == "auto" else ui_lang
            yield self._view(turns, line), turns, gr.skip(), f"⚠️ {err.message}", lang
            return turns, lang
        lang = answer.language if choice == "auto" else ui_lang
        log.info(
            "ui ask lang=%s route=%s ms=%s question=%s",
            answer.language,
            answer.route,
            answer.timings_ms.get("total"),
            answer.question,  # normalised: one line, contact details dropped
        )
        asked = {
            "role": "user",
            "content": shown_question(question, answer.language, self.prompts),
            "question": answer.question,
        }
        for partial in _pieces(answer.body):
            if line.epoch != epoch:
                return turns, ui_lang
            partial_turn = {"role": "assistant", "content": partial}
            note = self._waiting(line, ui_lang)
            yield (
                self._view(turns, line, asked, partial_turn),
                gr.skip(),
                gr.skip(),
                note,
                gr.skip(),
            )
            time.sleep(STREAM_DELAY_S)
        if line.epoch != epoch:
            return turns, ui_lang
        panel = self.sources(answer, lang)
        turns = [*turns, asked, {**self._done(answer), "panel": panel}]
        note = self._waiting(line, lang)
        yield self._view(turns, line, feedback=True), turns, panel, note, lang
        return turns, lang

    def _view(self, turns: list[dict], line: Line, *now: dict, feedback: bool = False) -> Any:
        """The chat: the conversation, the turn under way, then the questions waiting."""
        waiting = [queued_bubble(q, detect_language(q), self.prompts) for q in list(line.waiting)]
        value = [*chat_value(turns), *chat_value(list(now)), *waiting]
        return gr.update(value=value, feedback_options=FEEDBACK if feedback else [])

    def _waiting(self, line: Line, lang: str) -> str:
        """The status line while questions wait: the chat may show them below the fold."""
        count = len(line.waiting)
        return f"⏳ {self.prompts.phrase(lang, 'ui_chat.waiting', count=count)}" if count else ""

    def _done(self, answer: Answer) -> dict[str, Any]:
        key = uuid.uuid4().hex  # what a rating of this answer is kept under
        return {
            "role": "assistant",
            "id": key,
            "content": with_sources(answer_bubble(answer, self.prompts), answer, key, self.prompts),
            "answer": answer.answer,  # with its sources list: what a rating stores
            "lang": answer.language,
            "sources": [s.to_json_dict() for s in answer.sources],
            "body": answer.body,
            "cost_request": Message.of(answer).cost_request,
        }

    # -- the rest ---------------------------------------------------------------------------
    def rate(
        self, turns: list[dict[str, Any]], ui_lang: str, data: gr.LikeData, request: gr.Request
    ) -> str:
        """Store a thumbs up / down for the answer at data.index (rating it again changes that
        rating); return a thank-you line."""
        index = _index(data.index)
        if not isinstance(data.liked, bool) or not 0 <= index < len(turns or []):
            return ""
        turn = turns[index]
        if turn["role"] != "assistant":
            return ""
        question = next((_question(t) for t in reversed(turns[:index]) if t["role"] == "user"), "")
        answer = turn.get("answer", turn["content"])
        row = self.store.add(
            question,
            answer,
            data.liked,
            turn.get("sources"),
            turn.get("lang", ""),
            session=getattr(request, "session_hash", None),
            message_id=turn.get("id") or str(index),
        )
        log.info("ui feedback row=%s rating=%s", row, "up" if data.liked else "down")
        return self.phrase(ui_lang, "thanks_up" if data.liked else "thanks_down")

    def show_sources(self, turns: list[dict[str, Any]], data: gr.SelectData) -> Any:
        """Clicking an earlier answer shows its sources: its [n] point there, not at the latest."""
        index = _index(data.index)
        if not 0 <= index < len(turns or []) or "panel" not in turns[index]:
            return gr.skip()
        return turns[index]["panel"]

    def clear(self, ui_lang: str, request: gr.Request) -> tuple:
        """Start a new conversation: the line empties and an answer under way stops."""
        line = self._line(request)
        with self._lock:
            line.epoch += 1
            line.waiting.clear()
            line.busy = False
        return gr.update(value=[], feedback_options=FEEDBACK), [], self.sources(None, ui_lang), ""

    def restore(self, saved: Any, ui_lang: str) -> tuple:
        """The conversation kept in the browser, back after a reload; returns (chat, turns,
        sources, ui_lang). Anything not shaped like turns is dropped."""
        turns = [
            t
            for t in (saved if isinstance(saved, list) else [])
            if isinstance(t, dict)
            and t.get("role") in ("user", "assistant")
            and isinstance(t.get("content"), str)
        ]
        if not turns:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip()
        answers = [t for t in turns if t["role"] == "assistant"]
        lang = answers[-1].get("lang") if answers else None
        lang = lang if lang in LANGS else ui_lang
        panel = next(
            (t["panel"] for t in reversed(answers) if isinstance(t.get("panel"), str)), None
        )
        chat = gr.update(value=chat_value(turns), feedback_options=FEEDBACK)
        return chat, turns, panel if panel is not None else self.sources(None, lang), lang

    def forget(self, request: gr.Request) -> None:
        """Drop a closed browser's line."""
        with self._lock:
            self._lines.pop(request.session_hash or "", None)

    def sources(self, answer: Answer | None, lang: str) -> str:
        """The sources panel for `answer` (None: the empty panel) in `lang`."""
        return sources_html(answer, self.chunks, lang, self.prompts)

    def phrase(self, lang: str, key: str) -> str:
        return self.prompts.phrase(lang, f"ui_chat.{key}")

    def _line(self, request: gr.Request) -> Line:
        with self._lock:
            return self._lines.setdefault(request.session_hash or "", Line())

    def _enqueue(self, request: gr.Request, question: str) -> None:
        line = self._line(request)
        with self._lock:
            line.waiting.append(question)

    def _problem(self, message: str, choice: str, ui_lang: str) -> str:
        """The chain's own refusal of an empty or over-long question, checked before it waits in
        line so that the question stays in the box to fix."""
        text = " ".join(message.split())
        if not text:
            return self.prompts.text(ui_lang, "empty")
        limit = self.assistant.settings.max_question_chars
        if len(text) > limit:
            lang = choice if choice in LANGS else detect_language(text)
            return self.prompts.text(lang, "too_long", length=len(text), limit=limit)
        return ""


def keeping(fn: Any, at: int) -> Any:
    """`fn` (plain or generator) with its output number `at`, the turns, repeated at the end:
    the browser's stored copy of the conversation is one more output of the same event."""
    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def stream(*args: Any, **kwargs: Any) -> Any:
            for out in fn(*args, **kwargs):
                yield (*out, out[at])

        return stream

    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        out = fn(*args, **kwargs)
        return (*out, out[at])

    return call


def _index(index: Any) -> int:
    return index[0] if isinstance(index, list | tuple) else int(index)


def _text(value: Any) -> str:
    """A message's text, whether Gradio hands it as a string or as content parts."""
    if isinstance(value, str):
        return value
    parts = value if isinstance(value, list) else [value]
    return " ".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in parts)


def _question(turn: dict[str, Any]) -> str:
    return turn.get("question", turn["content"])


def _message(turn: dict[str, Any]) -> Message:
    """A shown turn as the assistant remembers it: a question as asked, an answer by its body."""
    cited = tuple(s["id"] for s in turn.get("sources") or ())
    content = turn.get("body", turn.get("question", turn["content"]))
    return Message(turn["role"], content, cited, turn.get("cost_request"))
