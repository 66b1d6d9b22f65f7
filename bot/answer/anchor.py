"""Follow-ups that point back into the last answer: "what does the second one mean?" names a
point by its place in the list; "how often should the audits be?" names a word that only the
entry just cited uses. Either keeps that entry as the topic, where a vague follow-up would be
sent to something new."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.answer.analysis import without_background
from bot.answer.compose import UnitIndex
from bot.answer.followup import (
    BESIDES,
    FOLLOW_UP,
    NEW_SUBJECT,
    OWN_SUBJECT_WORDS,
    SHORT,
    SUMMARY_BACK,
    TITLE,
    WHAT_ELSE,
    last,
)
from bot.answer.route import asks_for_remedy
from bot.knowledge.corpus import Chunk
from bot.lang import LANGS
from bot.prompts import PromptError
from bot.types import Message
from bot.yamlio import read_yaml

TOKEN = re.compile(r"[a-z]+")
# Marks a point may be named by besides its words ("yg poin 24/7 itu", "the 24/7 one")
POINTED_MARK = re.compile(
    r"\b(?:poin|point|bagian|butir|yang|yg|the)\s+24\s*(?:/|x)\s*7\b"
    r"|\b24\s*(?:/|x)\s*7\s+(?:one|point|bit|part|item|itu|tadi)\b"
)
MARK = re.compile(r"\b24\s*(?:/|x)\s*7\b")
# A word used by at most this many entries of a language names its topic.
SPECIFIC_DF = 2
TITLE_DF = 4  # a title word in more entries' text than this names no one entry
MIN_TITLE_WORD = 5  # letters of a stem that can name an entry ("manfaat", not "that")
SURVEYED = 7  # entries a summary of the whole article cites; no single one is "it"
TIES = 2  # specific words shared with the last answer that outweigh another entry's head word
SCOPE_ENTRY = "introduction"  # what customer support spans: phone, email, chat, social media
MIN_LETTERS = 4
# "is that included ...?", "itu udah termasuk ...?": the subject is the last answer's
POINTS_BACK = re.compile(r"\b(?:that|this|those|these|it|they|itu|ini|tersebut|tsb)\b")
WHY = re.compile(r"\b(?:why|kenapa|mengapa|knp|kok)\b")
INCLUDES = re.compile(r"\b(?:includ\w*|part of|termasuk|mencakup|sudah masuk)\b")
SUFFIXES = {"id": ("nya", "lah", "kah", "pun"), "en": ("es", "s")}
# "what about location?", "and time zones and language?", "lalu yang soal biaya teknologi?": the
# next point of a list gone through one by one (a cue, then a few words, no question word)
NEXT_POINT = re.compile(
    r"^(?:and|what about|how about|then|now|next|last one|kalau|kalo|klo|terus|trus|lalu|dan"
    r"|gimana dengan|bagaimana dengan|yang terakhir|terakhir)\b(?:\W+(?!(?:what|why|how|which|apa"
    r"|kenapa|mengapa|berapa|brp|gimana|gmn|bagaimana|siapa|kapan|mana)\b)[\w/-]+){1,6}\W*$"
)


@dataclass(frozen=True)
class Anchor:
    """The entry a follow-up points back to and, for "the second one", that point's unit row."""

    entry: str
    row: int | None = None


def stem(word: str, lang: str) -> str:
    for suffix in SUFFIXES.get(lang, ()):
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_LETTERS:
            return word[: -len(suffix)]
    return word


def stems(text: str, lang: str) -> set[str]:
    return {stem(w, lang) for w in TOKEN.findall(text.lower()) if len(w) >= MIN_LETTERS}


class Anchors:
    """Finds the entry of the last answer that a follow-up points back to."""

    def __init__(
        self,
        prompts_dir: Path,
        units: UnitIndex,
        passages: dict[tuple[str, str], Chunk],
        spell: Callable[[str, str], str] | None = None,
    ):
        self.units = units
        # spells out jargon ("the SLA one" names the Service Level Agreements point)
        self.spell = spell or (lambda text, lang: text)
        self.ordinals: dict[str, tuple[re.Pattern[str], dict[str, int]]] = {}
        self.pointers: dict[str, list[re.Pattern[str]]] = {}
        self.selections: dict[str, list[re.Pattern[str]]] = {}
        self.ignore: dict[str, set[str]] = {}
        for lang in LANGS:
            path = prompts_dir / lang / "analysis.yaml"
            try:
                analysis = read_yaml(path)
                data = analysis["ordinal_reference"]
                places = {str(k): int(v) for k, v in data["places"].items()}
                self.ordinals[lang] = (re.compile(data["pattern"]), places)
                self.ignore[lang] = {stem(str(w), lang) for w in analysis["anchor_ignore"]}
                self.pointers[lang] = [re.compile(p) for p in analysis["point_reference"]]
                self.selections[lang] = [re.compile(p) for p in analysis["selection_reference"]]
            except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, re.error) as exc:
                raise PromptError(
                    f"{path}: cannot read 'ordinal_reference', 'point_reference' or "
                    f"'selection_reference' ({exc})"
                ) from exc
        self.unit_words = [stems(u.text, u.lang) for u in units.units]
        # the marks a point may also be named by, read once ("24/7")
        self.unit_marks = [{"24/7"} if MARK.search(u.text.lower()) else set() for u in units.units]
        titles = [TITLE.match(u.text) for u in units.units]  # "Cultural Differences: ..."
        self.unit_titles = [
            stems(t.group(1), u.lang) if t else set()
            for t, u in zip(titles, units.units, strict=True)
        ]
        self.words: dict[tuple[str, str], set[str]] = {
            key: stems(f"{c.title} {c.text}", c.lang) for key, c in passages.items()
        }
        self.df: dict[tuple[str, str], int] = {}
        for (_, lang), found in self.words.items():
            for word in found:
                self.df[(lang, word)] = self.df.get((lang, word), 0) + 1
        # A section's head word ("manfaat" of "Manfaat Dukungan ...", "challenges"): in no other
        # title and in few entries' text; an FAQ's title is a question, with no head word
        heads = {key: stem(c.title.split()[0].lower(), c.lang) for key, c in passages.items()}
        counts = Counter(heads.values())
        self.entry_titles = {
            (entry, lang): {head}
            for (entry, lang), head in heads.items()
            if counts[head] == 1
            and len(head) >= MIN_TITLE_WORD
            and head not in self.ignore[lang]
            and self.df.get((lang, head), 0) <= TITLE_DF
        }

    def selects(self, text: str, lang: str) -> bool:
        """ "Which of those is cheapest?": a choice among the last answer's points."""
        lowered = " ".join(text.lower().split())
        return any(p.search(lowered) for p in self.selections[lang])

    def find(self, text: str, lang: str, history: list[Message]) -> Anchor | None:
        """The last answer's entry this follow-up points back to, if it does."""
        # The last answer that cited the article (a refusal or an estimate in between does not
        # count: "back to the challenges: how do we handle the second one?").
        answer = next((m for m in reversed(history) if m.role == "assistant" and m.cited_ids), None)
        if answer is None:
            return None
        lowered = " ".join(self.spell(text, lang).lower().split())
        if (row := self._ordinal(lowered, lang, answer.cited_ids[0])) is not None:
            return Anchor(answer.cited_ids[0], row)
        recent = answer is last(history, "assistant")
        if recent and (self.selects(text, lang) or SUMMARY_BACK.match(lowered)):
            return Anchor(answer.cited_ids[0])  # "which of those is the biggest?", "ringkas dong"
        if asks_for_remedy(text) or not recent or NEW_SUBJECT.search(lowered):
            return None  # "oke balik ke cost, tarif per jamnya?" turns to another subject
        besides = BESIDES.match(lowered)
        rest = besides["rest"] if besides else ""
        if besides and len(rest.split()) > OWN_SUBJECT_WORDS and not WHAT_ELSE.search(rest):
            return None  # "selain tarif agen, ada biaya lain yang bisa muncul?"
        if len(lowered.split()) > SHORT * 2 or not (
            FOLLOW_UP.search(lowered) or len(lowered.split()) <= SHORT
        ):
            return None
        if (row := self._point(lowered, lang, answer.cited_ids[0])) is not None:
            return Anchor(answer.cited_ids[0], row)
        if len(set(answer.cited_ids)) >= SURVEYED:
            return None  # after a summary of the whole article, a word names its own subject
        words = stems(lowered, lang)
        # "what about location?", "and technology and infrastructure?" while going through a
        # list point by point: a word of one point's title that few entries use names it
        if (
            NEXT_POINT.match(lowered)
            and (row := self._titled(lowered, lang, answer.cited_ids[0])) is not None
        ):
            return Anchor(answer.cited_ids[0], row)
        asked = {
            w for w in words - self.ignore[lang] if 0 < self.df.get((lang, w), 0) <= SPECIFIC_DF
        }
        scored = [
            (len(asked & self.words.get((entry, lang), set())), -rank, entry)
            for rank, entry in enumerate(dict.fromkeys(answer.cited_ids))
        ]
        best = max(scored, default=(0, 0, ""))
        # "Manfaatnya buat perusahaan apa aja?" after what outsourcing is: the word that points
        # back names another entry by its title, so it is asked of that entry's own subject,
        # unless more than one word ties it to the last answer ("manfaat jangka panjangnya?"
        # after the ROI answer's long-term benefits)
        if best[0] < TIES and any(
            words & heads
            for (entry, at), heads in self.entry_titles.items()
            if at == lang and entry not in answer.cited_ids
        ):
            return None
        if best[0]:
            return Anchor(best[2])
        # "Kenapa lokasi ngaruh?" after the cost factors: asking why of a word of one point's
        # title ("Lokasi Penyedia Outsourcing") keeps that answer's entry, though other entries
        # use the word too
        if (
            WHY.search(lowered)
            and (row := self._titled(lowered, lang, answer.cited_ids[0], False)) is not None
        ):
            return Anchor(answer.cited_ids[0], row)
        return None

    def _titled(self, lowered: str, lang: str, entry: str, rare: bool = True) -> int | None:
        """The point of the entry whose title holds a word of the follow-up; with `rare`, a
        word that few entries use ("location", not "costs")."""
        row = self.point_named(lowered, lang, entry)
        if row is None:
            return None
        named = (stems(lowered, lang) - self.ignore[lang]) & self.unit_titles[row]
        if not rare:
            return row if named else None
        return row if any(self.df.get((lang, w), 0) <= TITLE_DF for w in named) else None

    def _ordinal(self, lowered: str, lang: str, entry: str) -> int | None:
        pattern, places = self.ordinals[lang]
        match = pattern.search(lowered)
        if match is None:
            return None
        named = match.groupdict()
        place = places.get(named.get("n") or named.get("b") or named.get("d") or "")
        if place is None and (digit := named.get("d") or named.get("b") or "").isdigit():
            place = int(digit)  # "point 3", "yg ke-3"
        rows = [r for r in self.units.rows(entry, lang) if self.units.units[r].bullet]
        if place is None or not rows or place > len(rows):
            return None
        return rows[place - 1 if place > 0 else -1]

    def _point(self, lowered: str, lang: str, entry: str) -> int | None:
        """The one point of the entry whose own words the follow-up uses ("explain more about
        the location one", "yang soal perbedaan budaya itu"): ranked by the words of its
        title, then by words no other point of the entry uses, then by any shared word; a tie
        names no point."""
        if not any(p.search(lowered) for p in self.pointers[lang]):
            return None
        return self.point_named(lowered, lang, entry)

    def point_named(self, words: str, lang: str, entry: str) -> int | None:
        """The one point of the entry these words name, as in _point; None for none or a tie."""
        lowered = self.spell(words, lang).lower()
        rows = [r for r in self.units.rows(entry, lang) if self.units.units[r].bullet]
        if len(rows) < 2:
            return None
        asked = stems(lowered, lang) - self.ignore[lang]
        asked |= {"24/7"} if POINTED_MARK.search(lowered) else set()
        shared = Counter(w for r in rows for w in self.unit_words[r])

        def score(row: int) -> tuple[int, int, int]:
            mine = asked & (self.unit_words[row] | self.unit_marks[row])
            title = self.unit_titles[row]
            return (len(mine & title), sum(shared[w] == 1 for w in mine), len(mine))

        scored = sorted(((score(r), r) for r in rows), key=lambda pair: pair[0], reverse=True)
        if not any(scored[0][0]) or scored[0][0] == scored[1][0]:
            return None
        return scored[0][1]

    def elsewhere(
        self, text: str, lang: str, cited: list[str], topic: str | None = None
    ) -> list[str]:
        """For "does X include Y?": words of the question that only entries other than the
        cited ones use ("does the $10-$50 band include setup fees?" asks about two parts of
        the article at once, and neither says how they relate); after an answer about `topic`,
        "is that included in the hourly rate?" asks the same of that topic, when it is not cited."""
        text = without_background(text)  # "We're a game studio. Can X be part of it?"
        if not INCLUDES.search(text.lower()) or cited[:1] == [SCOPE_ENTRY]:
            return []  # "is answering Instagram DMs part of it?": the introduction says so
        if topic is not None and topic not in cited and POINTS_BACK.search(text.lower()):
            return [topic]
        mine = set().union(*(self.words.get((e, lang), set()) for e in cited)) if cited else set()
        asked = stems(text, lang) - self.ignore[lang]
        return sorted(
            w for w in asked if 0 < self.df.get((lang, w), 0) <= SPECIFIC_DF and w not in mine
        )
