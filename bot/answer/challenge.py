"""Which challenge a how-to question is about ("how do we handle the data one?"), and the
entries whose steps address it (the corpus's `handled_by` links)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from bot.answer.compose import BULLET_LABEL, UnitIndex
from bot.knowledge.corpus import Chunk

# A how-to question is about a challenge when that challenge's bullet is (nearly) the unit of
# the whole corpus closest to it. Chosen on eval/dev's how-to cases: their best challenge
# bullet is within 0.012 of the best unit when a challenge is asked about, 0.02-0.1 below it
# otherwise ("how do we scale up for peaks?" is about a benefit).
CHALLENGE_MARGIN = 0.012
# ... or within 0.03 when the question uses a word of the challenge's label ("hambatan
# komunikasi"): a distinctive word, four letters or more, that no other label of the list has
# and that names no kind of problem ("the data one", not "these issues").
NAMED_MARGIN = 0.03
LABEL_WORD = 4
GENERIC_LABEL_WORDS = frozenset(
    "issues issue concerns concern problems problem masalah soal".split()
)


@dataclass(frozen=True)
class Challenge:
    entry: str  # the entry that lists it (challenges)
    name: str  # the bullet's label, as the article words it ("Communication Barriers")
    text: str  # the bullet
    handlers: tuple[str, ...]  # entries whose steps address it; empty: the article gives none


def challenge_asked(
    question: str,
    vector: list[float],
    lang: str,
    units: UnitIndex,
    passages: dict[tuple[str, str], Chunk],
    named_only: bool = False,
) -> Challenge | None:
    """The challenge a how-to question is about, or None; with `named_only` (a follow-up read
    with the question before it), only one the question's own words name."""
    asked = set(re.findall(r"\w+", question.lower()))
    query = np.asarray(vector, dtype=np.float32)
    best = float((units.vectors[units.lang_rows(lang)] @ query).max())
    found: tuple[float, Challenge] | None = None
    for (entry, entry_lang), chunk in passages.items():
        if entry_lang != lang or not chunk.handled_by:
            continue
        bullets = [r for r in units.rows(entry, lang) if units.units[r].bullet]
        labels = [label_of(units.units[r].text) for r in bullets]
        words = [set(re.findall(r"\w+", label.lower())) for label in labels]
        for n, (row, handlers) in enumerate(zip(bullets, chunk.handled_by, strict=False)):
            others = set().union(*(w for m, w in enumerate(words) if m != n))
            named = any(
                len(w) >= LABEL_WORD and w not in others | GENERIC_LABEL_WORDS
                for w in words[n] & asked
            )
            score = float(units.vectors[row] @ query)
            if named_only and not named:
                continue
            # a follow-up read with the question before it: its own words name the challenge
            margin = 1.0 if named_only else NAMED_MARGIN if named else CHALLENGE_MARGIN
            if score >= best - margin and (found is None or score > found[0]):
                text = units.units[row].text
                found = (score, Challenge(entry, labels[n], text, tuple(handlers)))
    return found[1] if found else None


def label_of(text: str) -> str:
    match = BULLET_LABEL.match(text)
    return match.group(1) if match else text
