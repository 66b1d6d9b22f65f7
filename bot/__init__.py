"""Bilingual (Indonesian / English) assistant on the cost of outsourcing customer support.

`bot.answer(question, history=None, lang=None)` is the entry point; the chain lives in bot.chain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from bot.answer_types import Answer


def answer(question: str, history: list[dict] | None = None, lang: str | None = None) -> Answer:
    """Answer a question with the default settings, in its language, citing sources."""
    from bot.chain import answer as run

    return run(question, history, lang)
