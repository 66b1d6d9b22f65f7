"""The optional chat-model generator, built on first use; any failure falls back to extraction."""

from __future__ import annotations

import logging
from typing import Any

from bot.config import Settings
from bot.cost.service import CostService
from bot.knowledge.retrieve import Hit
from bot.prompts import Prompts
from bot.types import Message

log = logging.getLogger("bot.answer.assistant")


class FallbackLLM:
    """Answers through the configured chat model when settings.generator is "llm"."""

    def __init__(self, settings: Settings, prompts: Prompts, cost: CostService) -> None:
        self.settings, self.prompts, self.cost = settings, prompts, cost
        self._llm: Any = None

    def generate(self, text: str, lang: str, hits: list[Hit], history: list[Message]):
        """(body, tool calls, cited hits), or None: answer extractively instead."""
        if self.settings.generator != "llm":
            return None
        from bot.answer.llm import LLMGenerator

        try:
            if self._llm is None:
                self._llm = LLMGenerator(self.settings, self.prompts, self.cost)
            body, calls, cited = self._llm.generate(text, lang, hits, history)
        except Exception as exc:  # noqa: BLE001 - any backend failure falls back
            log.warning("LLM backend failed (%s); answering extractively", type(exc).__name__)
            return None
        if not cited and not calls:
            log.warning("LLM answer cited no passage; answering extractively")
            return None
        return body, calls, cited
