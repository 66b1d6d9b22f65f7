"""Framed answers: a first sentence that answers what was asked, before the cited points.

An ask the article cannot answer (how long, which country, a figure it never gives, a name it
never mentions) opens with the `not_covered_*` phrase of prompts/<lang>/messages.yaml, whose
sentinel tests look for; a yes/no ask opens with a yes or no that the lead point supports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.answer.analysis import Ask
from bot.answer.compose import Draft
from bot.prompts import Prompts

DURATION = re.compile(
    r"\b\d+\s*(?:hari|minggu|bulan|tahun|days?|weeks?|months?|years?)\b|\b(?:sehari|seminggu|"
    r"sebulan|setahun)\b"
)
PLACE = re.compile(
    r"\b(?:philippines|filipina|india|vietnam|colombia|kolombia|malaysia|thailand|mexico|"
    r"meksiko|poland|polandia|south africa|afrika selatan|indonesia|singapore|singapura|"
    r"china|tiongkok)\b"
)
# A place ask that wants a country or a provider named, not "where is labour cheaper?".
PLACE_ASK = re.compile(
    r"\b(?:countr(?:y|ies)|negara|vendors?|providers?|penyedia|compan(?:y|ies)|perusahaan|bpo|"
    r"city|kota)\b"
)
FIGURE = re.compile(r"\$\s*\d|\d+\s*%|\b\d+(?:[.,]\d+)?\s*(?:usd|dollars?|dolar|rupiah|juta)\b")
PERCENT_ASK = re.compile(r"\b(?:percent(?:age)?|persen(?:tase)?)\b|%")
# A quantity ask that wants a number back, not "what are the costs?".
NUMBER_ASK = re.compile(
    r"\b(?:how much|how many|berapa|what(?:'s| is) the (?:rate|price|cost|fee|figure))\b"
    r"|\b(?:percent(?:age)?|persen(?:tase)?)\b"
)
SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)$")
NAMED = re.compile(r"\b(?:[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}[a-z]?|[A-Z][a-z]{2,})\b")
NEGATION = re.compile(r"\b(?:not|no|never|tidak|bukan|tak|belum)\b", re.I)
HEDGE = re.compile(
    r"\b(?:can|may|might|often|usually|generally|typically|some|dapat|bisa|mungkin|sering|"
    r"umumnya|biasanya|cenderung|beberapa)\b",
    re.I,
)
ABSOLUTE = re.compile(
    r"\b(?:always|never|guarantee[sd]?|every time|selalu|pasti|dijamin|tidak pernah)\b", re.I
)
# A point that gives a reason: a why-question is answered with it first.
CAUSAL = re.compile(
    r"\b(?:because|due to|thanks to|as a result|since|owing to|lower|higher|karena|berkat|"
    r"akibat|sebab|disebabkan|lebih rendah|lebih tinggi)\b",
    re.I,
)
# Named-term check: where a name the article never uses means "not covered".
NAME_ASKS = frozenset("place comparison yes_no decision quantity".split())


FRAMING_KEYS = (
    "not_covered_", "yes_lead", "yes_hedged_lead", "not_always_lead", "no_lead", "summary_lead_",
    "decision_",
)  # fmt: skip


def framing_phrases(prompts: Prompts) -> tuple[str, ...]:
    """Each sentence of the framing templates, up to any placeholder: the product's own words."""
    out = []
    for messages in prompts.messages.values():
        for key, template in messages.items():
            if key.startswith(FRAMING_KEYS) and key != "not_covered_sentinel":
                for sentence in re.split(r"(?<=[.;:])\s+", template.split("{")[0]):
                    if sentence.strip():
                        out.append(sentence.strip())
    return tuple(out)


class Framer:
    """Chooses the first sentence from the ask type, the question and the cited passages."""

    def __init__(self, prompts: Prompts, vocabulary: Iterable[str], known: Iterable[str]):
        self.prompts = prompts
        self.vocabulary = {w.lower() for w in vocabulary}
        self.known = {w.lower() for w in known}  # abbreviations readers use, e.g. CS, KPI

    def frame(self, question: str, ask: Ask, draft: Draft, lang: str) -> str:
        """The answer's body: the framing sentence (if any) and the cited points."""
        from bot.answer.compose import render_draft

        if ask.type == "why":
            draft = reason_first(draft)
        body = render_draft(draft)
        cited = " ".join(h.text for h in draft.cited)
        opening = self.not_covered(question, ask, cited, lang)
        if opening:
            return f"{opening}\n\n{body}"
        if ask.type == "yes_no":
            return f"{self.yes_no(question, draft.lead.text, lang)} {body}"
        return body

    def not_covered(self, question: str, ask: Ask, cited: str, lang: str) -> str | None:
        text = self.prompts.text
        lowered = cited.lower()
        if ask.type == "duration" and not DURATION.search(lowered):
            return text(lang, "not_covered_duration")
        names_place = PLACE_ASK.search(question.lower()) or PLACE.search(question.lower())
        if ask.type == "place" and names_place and not PLACE.search(lowered):
            return text(lang, "not_covered_place")
        if ask.type in NAME_ASKS and (names := self.unknown_names(question)):
            return text(lang, "not_covered_name", names=self._join(names, lang))
        asks_number = NUMBER_ASK.search(question.lower())
        if ask.type == "quantity" and asks_number and not _has_figure(question, lowered):
            return text(lang, "not_covered_figure")
        return None

    def unknown_names(self, question: str) -> list[str]:
        """Names and abbreviations in the question that the article never uses."""
        found: list[str] = []
        for match in NAMED.finditer(question):
            name = match.group(0)
            plain_capital = name[:1].isupper() and name[1:].islower()
            if plain_capital and SENTENCE_START.search(question[: match.start()]):
                continue  # a capital that only starts a sentence
            if name.lower() not in self.vocabulary | self.known and name not in found:
                found.append(name)
        return found

    def _join(self, names: list[str], lang: str) -> str:
        if len(names) == 1:
            return names[0]
        return f"{', '.join(names[:-1])} {self.prompts.text(lang, 'names_and')} {names[-1]}"

    def yes_no(self, question: str, lead: str, lang: str) -> str:
        """Yes or no as far as the lead point supports it; hedged when the article is."""
        if NEGATION.search(lead):
            return self.prompts.text(lang, "no_lead")
        if ABSOLUTE.search(question):
            return self.prompts.text(lang, "not_always_lead")
        key = "yes_hedged_lead" if HEDGE.search(lead) else "yes_lead"
        return self.prompts.text(lang, key)


def reason_first(draft: Draft) -> Draft:
    """The draft with its first point that gives a reason as the lead (the old lead follows)."""
    if CAUSAL.search(draft.lead.text):
        return draft
    for n, point in enumerate(draft.points):
        if CAUSAL.search(point.text):
            # An old lead that only announced the list ("... advantages, including:") goes.
            intro = [] if draft.lead.text.rstrip().endswith(":") else [draft.lead]
            rest = [*intro, *draft.points[:n], *draft.points[n + 1 :]]
            return Draft(point, rest, draft.cited)
    return draft


def _has_figure(question: str, cited: str) -> bool:
    if PERCENT_ASK.search(question.lower()):
        return "%" in cited
    return bool(FIGURE.search(cited))
