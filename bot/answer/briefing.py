"""One way to a decision brief for every surface: situation text or fields in -> Brief ->
Markdown or JSON in a language; errors in the user's language. The CLI and the API use it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.answer.brief import Brief, build_brief
from bot.answer.brief_charts import Chart, brief_charts
from bot.answer.brief_data import brief_json
from bot.answer.brief_input import read_situation
from bot.answer.brief_render import render_brief, render_brief_error
from bot.answer.situation import Situations
from bot.cost.request import CostValidationError
from bot.cost.service import CostService
from bot.knowledge.corpus import Chunk, load_corpus
from bot.lang import LANGS, detect_language


class BriefService:
    """Briefs over one cost model, one corpus and one phrase folder, all given."""

    def __init__(
        self, cost: CostService, chunks: list[Chunk], situations: Situations, prompts_dir: Path
    ) -> None:
        self.cost = cost
        self.chunks = {lang: {c.id: c for c in chunks if c.lang == lang} for lang in LANGS}
        self.situations = situations
        self.prompts_dir = prompts_dir

    @classmethod
    def from_settings(cls, settings: Any) -> BriefService:
        """The service over these settings' corpus and prompts folders (every surface's way in)."""
        return cls.from_dirs(settings.corpus_dir, settings.prompts_dir)

    @classmethod
    def from_dirs(cls, corpus_dir: Path, prompts_dir: Path) -> BriefService:
        """Read the cost model, the corpus and the situations of these folders."""
        return cls(
            CostService.from_dirs(corpus_dir, prompts_dir),
            load_corpus(corpus_dir),
            Situations.load(corpus_dir, prompts_dir),
            prompts_dir,
        )

    @staticmethod
    def language(text: str, lang: str | None) -> str:
        """The asked language, else the situation text's (English without text)."""
        if lang in LANGS:
            return str(lang)
        return detect_language(text) if text.strip() else "en"

    def build(self, text: str = "", fields: Mapping[str, Any] | None = None) -> Brief:
        """The brief of a situation; raise CostValidationError naming the field."""
        found = tuple(self.situations.of(text)) if text.strip() else ()
        situation = read_situation(self.cost, text, fields, found)
        return build_brief(situation, self.cost.model, self.chunks["en"], self.situations.points)

    def markdown(self, brief: Brief, lang: str) -> str:
        return render_brief(brief, lang, self.chunks[lang], self.prompts_dir)

    def json(self, brief: Brief, lang: str) -> dict[str, Any]:
        return brief_json(brief, lang, self.chunks[lang], self.prompts_dir)

    def charts(self, brief: Brief, lang: str) -> list[Chart]:
        """The options chart and the sensitivity tornado, as PNG, labelled in `lang`."""
        return brief_charts(brief, lang, self.prompts_dir)

    def error_text(self, err: CostValidationError, lang: str) -> str:
        return render_brief_error(err, lang, self.prompts_dir)
