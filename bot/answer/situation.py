"""A company's situation, as far as a question describes it: which of the article's points speak
to it ("we handle patient records" -> data security first).

The situations and their points are data: corpus/aspects.yaml names the article's points per
situation (entry#position, the same in both languages), prompts/<lang>/analysis.yaml the words
that reveal each situation. Both languages' words are tried, since questions mix them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.answer.compose import UnitIndex
from bot.lang import LANGS
from bot.prompts import PromptError
from bot.yamlio import read_yaml

ASPECTS_FILE = "aspects.yaml"


@dataclass(frozen=True)
class PointRef:
    entry: str
    position: int  # the entry's sentences and bullets counted from 0


class Situations:
    """The situation words of both languages, compiled, and each situation's points."""

    def __init__(self, cues: dict[str, list[re.Pattern[str]]], points: dict[str, list[PointRef]]):
        self.cues = cues
        self.points = points

    @classmethod
    def load(cls, corpus_dir: Path, prompts_dir: Path) -> Situations:
        path = corpus_dir / ASPECTS_FILE
        try:
            raw = read_yaml(path)["aspects"]
            points = {str(name): [_ref(p) for p in refs] for name, refs in raw.items()}
        except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError, ValueError) as exc:
            raise PromptError(f"{path}: cannot read the situations ({exc})") from exc
        cues: dict[str, list[re.Pattern[str]]] = {name: [] for name in points}
        for lang in LANGS:
            where = prompts_dir / lang / "analysis.yaml"
            try:
                data = read_yaml(where)["situations"]
                if set(data) != set(points):
                    raise PromptError(f"{where}: 'situations' must name {sorted(points)}")
                for name, phrases in data.items():
                    cues[name] += [re.compile(p) for p in phrases]
            except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as exc:
                raise PromptError(f"{where}: cannot read the situation words ({exc})") from exc
        return cls(cues, points)

    def check(self, positions: dict[tuple[str, str], int]) -> None:
        """Fail when a point names an entry or position the corpus does not have in a language;
        `positions` maps (entry, lang) to its number of units."""
        for name, refs in self.points.items():
            for ref in refs:
                for lang in LANGS:
                    if ref.position >= positions.get((ref.entry, lang), 0):
                        raise PromptError(
                            f"{ASPECTS_FILE}: '{name}' names {ref.entry}#{ref.position}, "
                            f"which the {lang} corpus does not have"
                        )

    def of(self, text: str) -> list[str]:
        """The situations a question describes, in the order it first mentions them."""
        lowered = " ".join(text.lower().split())
        found = []
        for name, patterns in self.cues.items():
            starts = [m.start() for p in patterns if (m := p.search(lowered))]
            if starts:
                found.append((min(starts), name))
        return [name for _, name in sorted(found)]

    def preferred(
        self, text: str, skip: frozenset[str] = frozenset(), first: bool = False
    ) -> list[PointRef]:
        """The article's points for the question's situations, most relevant first; `skip`
        leaves situations out, `first` keeps only each situation's leading point."""
        out: list[PointRef] = []
        for name in self.of(text):
            if name not in skip:
                refs = self.points[name][:1] if first else self.points[name]
                out += [ref for ref in refs if ref not in out]
        return out


def unit_row(units: UnitIndex, ref: PointRef, lang: str) -> int:
    """The row of UnitIndex that holds the point `ref` in one language."""
    return units.rows(ref.entry, lang)[ref.position]


def _ref(text: object) -> PointRef:
    entry, _, position = str(text).partition("#")
    if not entry or not position.isdigit():
        raise ValueError(f"{text!r} is not entry#position")
    return PointRef(entry, int(position))
