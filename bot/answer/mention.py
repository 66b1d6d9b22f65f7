"""Terms the article only mentions: "what does the article mean by 'economies of scale'?" asks
for a meaning the article never gives (it names economies of scale once, inside the cost-savings
benefit). The answer says so and leads with the point that mentions the term."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.answer.compose import UnitIndex
from bot.lang import LANGS
from bot.prompts import PromptError
from bot.yamlio import read_yaml

QUOTED = re.compile(r"['\"‘“]([^'\"‘’“”]{3,40})['\"’”]")
WORD = re.compile(r"[\w/-]+")
MAX_WORDS = 3  # a term is at most this many words
MIN_LETTERS = 5  # a one-word term is at least this long ("overhead"), not "cost"
MAX_UNITS = 4  # a term the article uses in more units than this is a subject, not a mention
# A unit that explains what its term is: "Outsourcing is the practice ...", "... adalah ...".
DEFINES = r"\s*(?:is|are|means|refers|adalah|merupakan|berarti|ialah|yaitu)\b"


class Mentions:
    """Finds a definition ask's term that the article uses without explaining it."""

    def __init__(self, units: UnitIndex, prompts_dir: Path) -> None:
        self.units = units
        self.generic: set[str] = set()  # words that name the subject itself, never a term
        self.slots: list[re.Pattern[str]] = []  # where a definition ask names its term
        for lang in LANGS:
            path = prompts_dir / lang / "analysis.yaml"
            try:
                data = read_yaml(path)
                self.generic |= {str(w).lower() for w in data["generic_terms"]}
                self.slots += [re.compile(p, re.I) for p in data["definition_slots"]]
            except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as exc:
                raise PromptError(f"{path}: cannot read the definition terms ({exc})") from exc
        self.texts = {row: unit.text.lower() for row, unit in enumerate(units.units)}
        # scope and shape both ask of the same question in one turn: the last result is kept
        self.last: tuple[tuple[str, str], tuple[str, int, bool] | None] | None = None

    def find(self, question: str, lang: str) -> tuple[str, int, bool] | None:
        """(the term as the question words it, the row of the point that explains it or else
        mentions it, whether it explains it) for a term the article uses in a few points."""
        last = self.last  # read once: another thread may replace it
        if last is not None and last[0] == (question, lang):
            return last[1]
        found = self._find(question, lang)
        self.last = ((question, lang), found)
        return found

    def _find(self, question: str, lang: str) -> tuple[str, int, bool] | None:
        for term in self._candidates(question):
            rows = self._rows_with(term.lower(), lang)
            if not rows or len(rows) > MAX_UNITS:
                continue
            explaining = [r for r in rows if self._explains(self.texts[r], term.lower())]
            if term[:1].isupper() and term[1:2].islower():
                term = term[:1].lower() + term[1:]  # "Skala ekonomi ..." read mid-sentence
            return term, (explaining or rows)[0], bool(explaining)
        return None

    def _candidates(self, question: str) -> list[str]:
        """Quoted phrases first, then the runs of words of the slot where the question names
        its term ("mean by X", "X itu maksudnya"), longest first."""
        quoted = [q.strip() for q in QUOTED.findall(question)]
        slots = [m["t"] for p in self.slots if (m := p.search(question.strip()))]
        runs = []
        for words in (WORD.findall(slot) for slot in slots):
            runs += [
                " ".join(words[i : i + n])
                for n in range(MAX_WORDS, 0, -1)
                for i in range(len(words) - n + 1)
            ]
        return [t for t in quoted if self._term_like(t, True)] + [
            t for t in runs if self._term_like(t)
        ]

    def _term_like(self, term: str, quoted: bool = False) -> bool:
        parts = term.lower().split()
        if quoted:  # 'onboarding costs': whatever its words, unless every one is generic
            return any(p not in self.generic for p in parts)
        if not parts or parts[0] in self.generic or parts[-1] in self.generic:
            return False
        return len(parts) > 1 or (len(parts[0]) >= MIN_LETTERS and parts[0].isalpha())

    def _rows_with(self, term: str, lang: str) -> list[int]:
        # "a transaction fee" is the article's "transaction fees"
        pattern = re.compile(rf"(?<!\w){re.escape(term)}(?:s|es)?(?!\w)")
        return [row for row in self.units.lang_rows(lang) if pattern.search(self.texts[row])]

    @staticmethod
    def _explains(text: str, term: str) -> bool:
        label, colon, _ = text.partition(":")
        if text.rstrip().endswith(":"):  # "hidden costs to consider, such as:" lists them
            return True
        if colon and term in label:  # "Cultural Differences: Understanding ..."
            return True
        return re.match(rf"\W*(?:the\s+)?{re.escape(term)}{DEFINES}", text) is not None
