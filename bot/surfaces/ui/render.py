"""What the chat tab shows: bubbles for turns and queued questions, and the sources panel."""

from __future__ import annotations

import html
import re
from typing import Any

from bot.prompts import Prompts
from bot.redact import EMAIL, PHONE, mask_personal
from bot.types import Answer

BOLD = re.compile(r"\*\*(.+?)\*\*")


def _rich(text: str) -> str:
    """Escape passage text for HTML, keeping its **bold** markers as <strong>."""
    return BOLD.sub(r"<strong>\1</strong>", html.escape(text))


def sources_html(
    answer: Answer | None, chunks: dict[tuple[str, str], Any], lang: str, prompts: Prompts
) -> str:
    """The cited passages by title, each with its other-language version one click away."""
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
            f'<div class="bot-source-text">{_rich(source.text)}</div>{versions}</li>'
        )
    return head + '<ol class="bot-source-list">' + "".join(items) + "</ol></div>"


def shown_question(question: str, lang: str, prompts: Prompts) -> str:
    """The question as its bubble shows it: contact details the chain drops marked as removed."""
    text = " ".join(mask_personal(question).split())
    text = text.replace(EMAIL, prompts.phrase(lang, "ui_chat.email_removed"))
    return text.replace(PHONE, prompts.phrase(lang, "ui_chat.phone_removed"))


def unmarked(text: str, prompts: Prompts) -> str:
    """An edited bubble back as a question: the removed-detail markers are not words to ask."""
    for lang in prompts.surfaces:
        for key in ("email_removed", "phone_removed"):
            text = text.replace(prompts.phrase(lang, f"ui_chat.{key}"), " ")
    return " ".join(text.split())


def answer_bubble(answer: Answer, prompts: Prompts) -> str:
    """The answer as the chat shows it: the body (its [n] point into the sources panel beside
    it, so no sources list here), an estimate's assumptions in a closed block."""
    if not answer.details:
        return answer.body
    summary = prompts.phrase(answer.language, "ui_chat.details")
    return (
        f"{answer.body}\n\n<details><summary>{summary}</summary>\n\n{answer.details}\n\n</details>"
    )


def queued_bubble(question: str, lang: str, prompts: Prompts) -> dict[str, str]:
    """A question sent while another is being answered: shown at once, marked as waiting."""
    note = prompts.phrase(lang, "ui_chat.queued")
    return {"role": "user", "content": f"{shown_question(question, lang, prompts)}\n\n*{note}*"}


def chat_value(turns: list[dict[str, Any]]) -> list[dict[str, str]]:
    """What the Chatbot shows: one message per turn."""
    return [{"role": t["role"], "content": t["content"]} for t in turns]


CITATION = re.compile(r"\[(\d{1,2})\]")


def with_sources(bubble: str, answer: Answer, key: str, prompts: Prompts) -> str:
    """The bubble with its [n] as links and, after it, its sources folded by title: a phone shows
    them there, under the answer; a desktop hides them (CSS) for the panel beside the chat.
    (The Chatbot's sanitizer drops data-* attributes: the page's script goes by [n] and title.)"""
    if not answer.sources:
        return bubble
    count = len(answer.sources)

    def link(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if not 1 <= n <= count:
            return match.group(0)
        return f'<a class="bot-cite" href="#bot-src-{key}-{n}">[{n}]</a>'

    items = "".join(
        f'<li id="bot-src-{key}-{n}" lang="{s.language}">'
        f'<span class="bot-source-title">{html.escape(s.title)}</span></li>'
        for n, s in enumerate(answer.sources, start=1)
    )
    summary = prompts.phrase(answer.language, "ui_chat.sources_count", count=count)
    block = (
        f'<details class="bot-inline-sources"><summary>{summary}</summary>'
        f'<ol class="bot-inline-list">{items}</ol></details>'
    )
    return f"{CITATION.sub(link, bubble)}\n\n{block}"
