"""Extractive answers: pick the passages' sentences and bullets that answer the question, cite them."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.knowledge.cache import expect, load_arrays, save_arrays
from bot.knowledge.corpus import Chunk
from bot.knowledge.retrieve import Hit

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9$])")
BULLET_LABEL = re.compile(r"^([^:]{3,60}):\s+(.+)$")
FIGURE = re.compile(r"\$\d|\d+\s*%|24/7|\d")
QUANTITY_CUES = re.compile(
    r"\b(berapa|how much|how many|rate|rates|tarif|harga|price|prices|pricing|per jam|hourly|"
    r"per hour|kisaran|range|ongkos)\b"
)
# What moves a price asks for its factors, not a figure ("what drives the price?").
DRIVERS = re.compile(
    r"\b(?:affects?|drives?|determines?|influences?|depends? on|mempengaruhi|memengaruhi|"
    r"dipengaruhi|menentukan|ditentukan|tergantung|bergantung)\b"
)
MAX_POINTS = 6
SECOND_PASSAGE_MARGIN = 0.015  # another passage is cited when it scores this close to the top
SECOND_PASSAGE_SHARE = 0.5  # ... and whose intent probability is at least half the top's
POINT_MARGIN = 0.02  # another passage's unit is kept when it scores this close to the best
ROUND_THE_CLOCK = re.compile(r"24\s*/\s*7|\b24 (?:jam|hours?)\b")
FIGURE_BONUS = 0.03  # quantitative questions prefer units that carry figures
REDUNDANT_COSINE = 0.94


@dataclass(frozen=True)
class Unit:
    """A sentence or a bullet of one chunk."""

    chunk_id: str
    lang: str
    text: str
    bullet: bool
    position: int


@dataclass(frozen=True)
class Point:
    text: str
    source: int  # 1-based index into the cited passages


@dataclass(frozen=True)
class Draft:
    lead: Point
    points: list[Point]
    cited: list[Hit]


def split_units(chunk: Chunk) -> list[Unit]:
    """Split a chunk into its intro sentences and bullets, in reading order."""
    units: list[Unit] = []
    for line in chunk.text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("- "):
            units.append(Unit(chunk.id, chunk.lang, line[2:].strip(), True, len(units)))
            continue
        for sentence in SENTENCE_END.split(line):
            units.append(Unit(chunk.id, chunk.lang, sentence.strip(), False, len(units)))
    return units


class UnitIndex:
    """Every unit's vector, computed once per corpus and embedder and cached on disk."""

    def __init__(self, chunks: list[Chunk], embeddings: Embeddings, cache_dir: Path, key: str):
        self.units = [u for c in chunks for u in split_units(c)]
        digest = hashlib.sha256(
            (key + "".join(f"{u.chunk_id}|{u.lang}|{u.text}\n" for u in self.units)).encode()
        ).hexdigest()[:16]
        cache = cache_dir / f"units-{digest}.npz"
        cached = load_arrays(cache, expect(vectors=((len(self.units), None), "f")))
        if cached is not None:
            vectors = cached["vectors"]
        else:
            vectors = np.asarray(embeddings.embed_documents([u.text for u in self.units]))
            save_arrays(cache, {"vectors": vectors})
        self.vectors = vectors.astype(np.float32)
        self._rows: dict[tuple[str, str], list[int]] = {}
        self._lang_rows: dict[str, list[int]] = {}
        for row, unit in enumerate(self.units):
            self._rows.setdefault((unit.chunk_id, unit.lang), []).append(row)
            self._lang_rows.setdefault(unit.lang, []).append(row)

    def rows(self, chunk_id: str, lang: str) -> list[int]:
        return self._rows.get((chunk_id, lang), [])

    def bullet_lines(self, chunk_id: str, lang: str, marker: int) -> list[str]:
        """An entry's bullet points as Markdown list lines citing source `marker`."""
        units = (self.units[r] for r in self.rows(chunk_id, lang))
        return [f"- {render_unit(u)} [{marker}]" for u in units if u.bullet]

    def lang_rows(self, lang: str) -> list[int]:
        """Every unit of one language, in corpus order."""
        return self._lang_rows.get(lang, [])


def entry_hit(
    units: UnitIndex, passages: dict[tuple[str, str], Chunk], entry: str, lang: str, vector
) -> Hit:
    """A passage cited by its entry, scored by its best unit against the question."""
    chunk = passages[(entry, lang)]
    rows = units.rows(entry, lang)
    score = float((units.vectors[rows] @ np.asarray(vector, dtype=np.float32)).max())
    return Hit(entry, chunk.title, lang, round(score, 6), chunk.text, chunk.kind, lang)


def render_unit(unit: Unit) -> str:
    """Bold a bullet's label ('Label: text') for reading."""
    match = BULLET_LABEL.match(unit.text) if unit.bullet else None
    return f"**{match.group(1)}**: {match.group(2)}" if match else unit.text


def is_quantitative(question: str) -> bool:
    lowered = question.lower()
    return bool(QUANTITY_CUES.search(lowered)) and not DRIVERS.search(lowered)


def _passages(hits: list[Hit]) -> list[Hit]:
    """The top hit, and the next ones that are about as similar and (with an intent model)
    about as likely to be what was asked."""
    top = hits[0]

    def close(h: Hit) -> bool:
        if h.score < top.score - SECOND_PASSAGE_MARGIN:
            return False
        return h.confidence is None or h.confidence >= SECOND_PASSAGE_SHARE * (top.confidence or 0)

    return [h for h in hits[:3] if h is top or close(h)]


def draft_answer(
    question: str, vector: list[float], hits: list[Hit], units: UnitIndex, lang: str
) -> Draft:
    """Choose a lead and the relevant points from the best passages, with redundancy removed."""
    query = np.asarray(vector, dtype=np.float32)
    quantitative = is_quantitative(question)
    passages = _passages(hits)
    scored: list[tuple[float, int, int]] = []  # (score, passage index, unit row)
    for p_index, hit in enumerate(passages):
        for row in units.rows(hit.id, lang):
            score = float(units.vectors[row] @ query)
            if quantitative and FIGURE.search(units.units[row].text):
                score += FIGURE_BONUS
            scored.append((score, p_index, row))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    best = scored[0][0]
    top_rows = [row for _, p, row in scored if p == 0]
    lead_row = _lead_row(units, top_rows, quantitative)
    chosen = [lead_row]
    # The top passage's units come first; other passages only add what is as relevant.
    for score, p_index, row in sorted(scored, key=lambda item: item[1] > 0):
        if len(chosen) > MAX_POINTS or row in chosen:
            continue
        # Passages are short (at most five units): the best one is given whole; another's
        # line that only announces its list says nothing without the list.
        announces = units.units[row].text.rstrip().endswith(":")
        keep = p_index == 0 or (score >= best - POINT_MARGIN and not announces)
        if keep and not _redundant(units, row, chosen):
            chosen.append(row)
    by_id = {h.id: h for h in passages}
    cited: list[Hit] = []
    for row in chosen:
        hit = by_id[units.units[row].chunk_id]
        if hit not in cited:
            cited.append(hit)

    def source(row: int) -> int:
        return cited.index(by_id[units.units[row].chunk_id]) + 1

    def point(row: int) -> Point:
        return Point(render_unit(units.units[row]), source(row))

    rest = sorted(chosen[1:], key=lambda row: (source(row), units.units[row].position))
    return Draft(lead=point(chosen[0]), points=[point(r) for r in rest], cited=cited)


def _lead_row(units: UnitIndex, top_rows: list[int], quantitative: bool) -> int:
    """A figure leads the answer to a quantitative question; otherwise the top passage's intro
    line leads a list and its best sentence leads prose."""
    if quantitative:
        # "24/7" names hours of cover, not a figure asked for ("hemat berapa persen?")
        with_figures = [
            r for r in top_rows if FIGURE.search(ROUND_THE_CLOCK.sub(" ", units.units[r].text))
        ]
        if with_figures:
            return with_figures[0]
    best_row = top_rows[0]
    if units.units[best_row].bullet:
        intro = [r for r in top_rows if not units.units[r].bullet]
        if intro:
            return min(intro, key=lambda r: units.units[r].position)
    return best_row


def _redundant(units: UnitIndex, row: int, chosen: list[int]) -> bool:
    vector = units.vectors[row]
    words = set(units.units[row].text.lower().split())
    for other in chosen:
        if float(units.vectors[other] @ vector) >= REDUNDANT_COSINE:
            return True
        other_words = set(units.units[other].text.lower().split())
        if len(words & other_words) / max(1, len(words | other_words)) > 0.6:
            return True
    return False


def render_draft(draft: Draft, heading: str = "") -> str:
    """Markdown body: the lead, then bullet points (under `heading`), each with its [n] marker."""
    lines = [f"{draft.lead.text} [{draft.lead.source}]"]
    if draft.points:
        lines.append("")
        lines.extend([heading] if heading else [])
        lines.extend(f"- {p.text} [{p.source}]" for p in draft.points)
    return "\n".join(lines)


def with_lead(draft: Draft, text: str, source_id: str) -> Draft:
    """The draft led by `text`, cited to the passage `source_id` (which must be cited); a lead
    that only announced a list ("... the following best practices:") is dropped."""
    ids = [h.id for h in draft.cited]
    points = [p for p in draft.points if p.text != text]
    if not draft.lead.text.rstrip().endswith(":") and draft.lead.text != text:
        points.insert(0, draft.lead)
    return Draft(Point(text, ids.index(source_id) + 1), points, draft.cited)


def cited_first(draft: Draft, source_id: str) -> Draft:
    """The draft with `source_id` (which must be cited) first among its sources, renumbered:
    the passage whose sentence answers is the answer's first source."""
    ids = [h.id for h in draft.cited]
    order = [ids.index(source_id), *(i for i in range(len(ids)) if ids[i] != source_id)]
    number = {old + 1: new + 1 for new, old in enumerate(order)}
    renumber = lambda p: Point(p.text, number.get(p.source, p.source))  # noqa: E731
    cited = [draft.cited[i] for i in order]
    return Draft(renumber(draft.lead), [renumber(p) for p in draft.points], cited)
