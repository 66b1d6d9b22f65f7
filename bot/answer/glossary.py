"""Spell out the support jargon a question uses, so its embedding meets the article's words.

The embedder knows "Service Level Agreements" far better than "SLA"; a short question that only
says "what's an SLA again?" scores under the refusal floor. The terms and their expansions are
data (`glossary:` in prompts/<lang>/analysis.yaml); the expansion is added after the term, in the
question's language, and only for embedding and retrieval (the answer quotes the question as asked).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.lang import LANGS
from bot.prompts import PromptError
from bot.yamlio import read_yaml

MIN_SUBJECT_WORDS = 2  # words of three letters or more left after the phrases about the article


@dataclass(frozen=True)
class Glossary:
    terms: dict[str, list[tuple[re.Pattern[str], str]]]  # lang -> (term pattern, expansion)
    # Phrases about the article itself ("does the article recommend ..."): they pull a question
    # towards the overview's sentence about the article, so they are left out of the embedding
    # when the question has a subject of its own (`meta:` in analysis.yaml, both languages).
    meta: tuple[re.Pattern[str], ...] = ()
    # What the question sets aside ("Besides the hourly rate, what other charges ...?"): it is
    # not what is asked, so it is left out of the embedding too (`aside:`, both languages).
    aside: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def load(cls, prompts_dir: Path) -> Glossary:
        terms: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        meta: list[re.Pattern[str]] = []
        aside: list[re.Pattern[str]] = []
        for lang in LANGS:
            path = prompts_dir / lang / "analysis.yaml"
            try:
                analysis = read_yaml(path)
                meta += [re.compile(p, re.IGNORECASE) for p in analysis.get("meta") or ()]
                aside += [re.compile(p, re.IGNORECASE) for p in analysis.get("aside") or ()]
                data = analysis.get("glossary") or {}
                terms[lang] = [
                    (re.compile(rf"\b{re.escape(str(term))}\b", re.IGNORECASE), str(expansion))
                    for term, expansion in data.items()
                ]
            except (OSError, yaml.YAMLError, AttributeError, re.error) as exc:
                raise PromptError(f"{path}: cannot read the glossary ({exc})") from exc
        return cls(terms, tuple(meta), tuple(aside))

    def expand(self, text: str, lang: str) -> str:
        """`text` with "(expansion)" after the first use of each term it does not spell out,
        and without its phrases about the article, or about what it sets aside, when it asks
        about something else."""
        subject = text
        for pattern in (*self.meta, *self.aside):
            subject = pattern.sub(" ", subject)
        if len(re.findall(r"[^\W\d_]{3,}", subject)) >= MIN_SUBJECT_WORDS:
            text = " ".join(subject.split())
        lowered = text.lower()
        for pattern, expansion in self.terms.get(lang, []):
            if expansion.lower() in lowered:
                continue
            text = pattern.sub(lambda m, e=expansion: f"{m.group(0)} ({e})", text, count=1)
        return text
