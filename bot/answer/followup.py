"""Follow-ups: a short or anaphoric question is read with the one before it; a follow-up that
asks for something new gets what the last answer did not cite first; one that asks for more
detail ("explain in more detail", "lebih lengkap dong") gets the same topic expanded, never
the nearest other passage."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from bot.answer.compose import Draft, Point, UnitIndex, entry_hit, render_unit
from bot.answer.route import asks_for_remedy, measures_back, names_subject, topic_level
from bot.knowledge.corpus import Chunk
from bot.knowledge.retrieve import Hit
from bot.lang import LANGS
from bot.prompts import PromptError, Prompts
from bot.types import Message
from bot.yamlio import read_yaml

FOLLOW_UP = re.compile(
    r"\b(itu|tersebut|nya|mereka|it|its|that|those|them|this|these|they)\b|nya\b|^(dan|lalu|terus|"
    r"kalau|kalo|bagaimana dengan|gimana dengan|and|what about|how about|then)\b|\b(more detail|in more "
    r"detail|tell me more|elaborate|explain more|go deeper|lebih (lengkap|detail|rinci|jelas)|jelaskan "
    r"lagi|detailnya)\b"
    # "selain KPI, apa lagi?", "besides cheaper labour, what else?": the rest of the same topic
    r"|^(selain|besides|apart from|other than|aside from)\b"
)
# Words that announce a turn to another subject ("oke balik ke cost, tarif per jamnya?", "unrelated,
# but ..."): whatever the question points back with, it is not the last answer's points
# (bot/answer/anchor.py); it is still read with the question before it.
NEW_SUBJECT = re.compile(
    r"\b(?:balik|kembali) (?:lagi )?ke\b|\bback to\b|\breturning to\b|\bganti topik\b|\bunrelated\b"
    r"|\bdifferent (?:topic|question)\b|\btopik lain\b"
)
# Words that leave the conversation's subject ("btw rekomendasi laptop?", "ok unrelated, any good
# pizza place?"): the question is read (and scoped) on its own words, not with the one before.
OFF_TOPIC = re.compile(
    r"\b(?:unrelated|btw|by the way|off[- ]topic|ganti topik|topik lain|different topic"
    r"|random question|omong omong|ngomong ngomong|ngomong2)\b"
)
# "selain KPI, apa lagi?" points back; "selain tarif agen, ada biaya lain yang bisa muncul?" asks
# of its own subject (the words after the clause).
BESIDES = re.compile(
    r"^(?:selain|besides|apart from|other than|aside from)\b[^,?]{1,40},\s*(?P<rest>.*)$"
)
OWN_SUBJECT_WORDS = 4  # words after "besides X," that ask of their own subject
WHAT_ELSE = re.compile(r"\b(?:apa lagi|apa aja lagi|apa saja lagi|what else|anything else)\b")
# "ringkas dong", "sum that up": a summary of the last answer's topic, naming none of its own.
SUMMARY_BACK = re.compile(
    r"^(?:tolong |please |can you |could you |bisa |coba )?(?:ringkas|rangkum|singkat|summari[sz]e"
    r"|sum (?:it|that|this) up|sum up|tl;?dr|in short|intinya)\w*"
    r"(?: (?:dong|aja|saja|please|pls|ya|deh|that|it|this|itu|ini|for me|in one line))*\W*$"
)
TITLE = re.compile(r"^([^:.]{3,60}):")  # a point's title: "Cultural Differences: ..."
SHORT = 5  # words: a follow-up this short is read with the previous question
# Entries about the article or everything at once: no topic to expand into.
GENERAL = frozenset({"overview", "introduction", "conclusion", "faq-closing"})
MAX_RELATED_POINTS = 4
# The intent model's probability above which a few words beside "more detail" name an entry
# ("manfaatnya" 0.89, "keamanan data" 1.0; "lokasi" 0.54 is a point of the factors instead).
SUBJECT_CONFIDENCE = 0.7
MIN_SUBJECT = 4  # letters: a shorter word left beside "more detail" names no subject
MAX_POINT_RELATED = 2  # steps linked to a point explained on its own (else the closest one)


def point_title(text: str) -> str:
    """A point's title ("Communication Barriers" of "Communication Barriers: Language ..."),
    else the point itself."""
    match = TITLE.match(text)
    return match.group(1) if match else text.rstrip(".")


def last(history: list[Message], role: str) -> Message | None:
    return next((m for m in reversed(history) if m.role == role), None)


def topic_message(text: str, history: list[Message], passages: Any, lang: str) -> Message | None:
    """The answer a follow-up is about: the last one, except that "trs gmn ngatasinnya?" after a
    side question ("tools QA apa yg bagus?") is about the answer before it, when that one led
    with a list the article gives steps for and the last did not."""
    previous = last(history, "assistant")
    if not asks_for_remedy(text):
        return previous
    has_steps = lambda entry: any(passages[(entry, lang)].handled_by)  # noqa: E731
    answers = [m for m in history if m.role == "assistant" and m.cited_ids][-2:]
    if len(answers) < 2 or has_steps(answers[1].cited_ids[0]):
        return previous
    return answers[0] if has_steps(answers[0].cited_ids[0]) else previous


def last_on_subject(history: list[Message]) -> Message | None:
    """The last question that named no other subject than this assistant's, or None."""
    asked = (m for m in reversed(history) if m.role == "user")
    return next((m for m in asked if topic_level(m.content) != "foreign"), None)


def contextual_query(text: str, history: list[Message]) -> str:
    """A short or anaphoric follow-up is read together with the previous user question."""
    previous = last(history, "user")
    if OFF_TOPIC.search(text.lower()):
        return text  # "btw, rekomendasi laptop?": its own subject
    if previous and topic_level(previous.content) == "foreign":
        # after another subject ("IT developers?", "a pantun?"): alone when it names its own
        # ("ok balik ke CS, manfaatnya apa?"), else with the question before ("kenapa hemat?")
        previous = None if names_subject(text) else last_on_subject(history)
    if previous and (len(text.split()) <= SHORT or FOLLOW_UP.search(text.lower())):
        return f"{previous.content} {text}"
    return text


def follow_up_order(
    text: str,
    hits: list[Hit],
    history: list[Message],
    passages: dict[tuple[str, str], Chunk],
    same: bool = False,
) -> list[Hit]:
    """A follow-up asks for something new: entries that address what the last answer raised
    come first, entries the last answer already cited and the general ones go last. With
    `same` (a how-long follow-up: the article gives no timeline, so what it says of the same
    subject is the related part) the entries already cited keep their rank."""
    answer = last(history, "assistant")
    seen = set(answer.cited_ids) if answer else set()
    if not seen:
        return hits

    def rank(hit: Hit) -> int:
        chunk = passages[(hit.id, hit.lang)]
        if asks_for_remedy(text) and seen & set(chunk.addresses):
            return 0
        if hit.id in seen and measures_back(text):  # "how much does that run?": the same subject
            return 0
        if same and hit.id in seen and hit.id not in GENERAL:
            return 1  # "and how long till we break even?": the subject asked of stays in reach
        # A general passage ("FAQ closing note") is nothing new to say: it ranks with the ones
        # already cited, so it never leads past them (nor leaves the hits the floor reads).
        return 2 if hit.id in seen or hit.id in GENERAL else 1

    return sorted(hits, key=rank)


class MoreDetail:
    """Recognises a request for more detail on the last answer and expands its topic."""

    def __init__(
        self,
        prompts_dir: Path,
        units: UnitIndex,
        passages: dict[tuple[str, str], Chunk],
        aspects: dict[str, list[Any]] | None = None,
    ):
        self.units = units
        self.passages = passages
        # corpus/aspects.yaml's points per aspect: a point's partners are the points of the
        # aspects it belongs to (quality control -> the SLAs and the performance reviews)
        self.aspects = [{(r.entry, r.position) for r in refs} for refs in (aspects or {}).values()]
        self.patterns: list[re.Pattern[str]] = []
        self.function_words: set[str] = set()  # words that name no subject ("please", "dong")
        for lang in LANGS:
            path = prompts_dir / lang / "analysis.yaml"
            try:
                analysis = read_yaml(path)
                self.patterns += [re.compile(p) for p in analysis["more_detail"]]
                self.function_words |= {str(w) for w in analysis["anchor_ignore"]}
            except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as exc:
                raise PromptError(f"{path}: cannot read 'more_detail' ({exc})") from exc

    def topic(self, text: str, history: list[Message]) -> str | None:
        """The entry to expand: the last answer's first, when the question only asks for
        more ("explain in more detail"; "more detail on the SLAs" names its own subject)."""
        answer = last(history, "assistant")
        if answer is None or not answer.cited_ids:
            return None
        rest = self._rest(text)
        if rest is None:
            return None
        named = self._named(rest)
        return answer.cited_ids[0] if len(rest) <= SHORT - 2 and not named else None

    def subject(self, text: str) -> str | None:
        """What a request for more detail names besides asking for more ("more detail on the
        data part" -> "data"; "jelaskan lebih detail soal manfaatnya" -> "manfaatnya")."""
        rest = self._rest(text)
        named = self._named(rest) if rest else []
        return " ".join(named) or None

    def named_entry(self, text: str, find: Callable[[str], Hit | None]) -> str | None:
        """The entry a request for more detail names ("more detail on the data part"), found by
        those words alone (`find`: their best hit), when the intent model is sure of it."""
        subject = self.subject(text)
        hit = find(subject) if subject else None
        if hit is None or (hit.confidence or 0.0) < SUBJECT_CONFIDENCE or hit.id in GENERAL:
            return None
        return hit.id

    def no_steps(self, entry: str, row: int, lang: str, prompts: Prompts) -> str | None:
        """'The article gives no steps for <point>' when the corpus links none to it."""
        if self.handlers(entry, row, lang):
            return None
        name = point_title(self.units.units[row].text).lower().rstrip(".")
        return prompts.text(lang, "not_covered_steps", challenge=name)

    def _rest(self, text: str) -> list[str] | None:
        lowered = " ".join(text.lower().split())
        match = next((m for p in self.patterns if (m := p.search(lowered))), None)
        if match is None:
            return None
        return re.findall(r"[a-z]+", lowered[: match.start()] + " " + lowered[match.end() :])

    def _named(self, words: list[str]) -> list[str]:
        # "tolong lebih detail dong" names nothing; a shorter word names no subject either
        return [w for w in words if len(w) >= MIN_SUBJECT and w not in self.function_words]

    def handlers(self, entry: str, row: int, lang: str) -> tuple[str, ...]:
        """The entries the corpus links to one point of an entry as the steps that address it."""
        chunk = self.passages[(entry, lang)]
        bullets = [r for r in self.units.rows(entry, lang) if self.units.units[r].bullet]
        place = bullets.index(row) if row in bullets else -1
        return tuple(chunk.handled_by[place]) if 0 <= place < len(chunk.handled_by) else ()

    def expand(
        self, entry: str, lang: str, vector: list[float], seen: list[str], nearest: bool = True
    ) -> Draft:
        """The whole entry, then up to four points of the entry closest to it that the
        conversation has not cited yet (the steps that address it first; without `nearest`,
        only an entry the corpus links to it)."""
        hits = [entry_hit(self.units, self.passages, entry, lang, vector)]
        related = self._related(entry, lang, set(seen), nearest)
        if related:
            hits.append(entry_hit(self.units, self.passages, related, lang, vector))
        points = [Point(render_unit(self.units.units[r]), 1) for r in self.units.rows(entry, lang)]
        if related:
            rows = [r for r in self.units.rows(related, lang) if self.units.units[r].bullet]
            rows = rows or self.units.rows(related, lang)
            points += [
                Point(render_unit(self.units.units[r]), 2) for r in rows[:MAX_RELATED_POINTS]
            ]
        return Draft(points[0], points[1:], hits)

    def explain_point(
        self, entry: str, row: int, lang: str, vector: list[float], seen: list[str]
    ) -> Draft:
        """ "What does the second one mean?": that point, then what the article says elsewhere
        about it: the steps the corpus links to it, else the closest points of other entries."""
        unit = self.units.units[row]
        linked = self.handlers(entry, row, lang)
        skip = {entry, *GENERAL}
        candidates = [e for e in linked if e not in skip] or [
            c for (c, c_lang) in self.passages if c_lang == lang and c not in skip
        ]
        rows = [r for e in dict.fromkeys(candidates) for r in self.units.rows(e, lang)]
        rows = [r for r in rows if self.units.units[r].bullet] or rows
        mine = self.units.vectors[row]
        keep = MAX_POINT_RELATED if [e for e in linked if e not in skip] else 1
        partners = set().union(*(a for a in self.aspects if (entry, unit.position) in a))

        def rank(r: int) -> tuple[bool, float]:
            point = self.units.units[r]
            partner = (point.chunk_id, point.position) in partners
            return (not partner, -float(self.units.vectors[r] @ mine))

        rows = sorted(rows, key=rank)[:keep]
        hits = [entry_hit(self.units, self.passages, entry, lang, vector)]
        points = []
        for r in rows:
            other = self.units.units[r].chunk_id
            if other not in [h.id for h in hits]:
                hits.append(entry_hit(self.units, self.passages, other, lang, vector))
            source = [h.id for h in hits].index(other) + 1
            points.append(Point(render_unit(self.units.units[r]), source))
        return Draft(Point(render_unit(unit), 1), points, hits)

    def _related(self, entry: str, lang: str, seen: set[str], nearest: bool) -> str | None:
        chunk = self.passages[(entry, lang)]
        linked = [e for steps in chunk.handled_by for e in steps] + list(chunk.addresses)
        linked += [
            c.id
            for (_, c_lang), c in self.passages.items()
            if c_lang == lang and entry in c.addresses
        ]
        candidates = [e for e in dict.fromkeys(linked) if e not in seen and e != entry]
        if candidates or not nearest:
            return candidates[0] if candidates else None
        mine = self._centroid(entry, lang)
        others = {
            c_id
            for (c_id, c_lang) in self.passages
            if c_lang == lang and c_id not in seen | GENERAL and c_id != entry
        }
        if not others:
            return None
        return max(sorted(others), key=lambda e: float(self._centroid(e, lang) @ mine))

    def _centroid(self, entry: str, lang: str) -> np.ndarray:
        vectors = self.units.vectors[self.units.rows(entry, lang)]
        mean = vectors.mean(axis=0)
        return mean / (np.linalg.norm(mean) or 1.0)
