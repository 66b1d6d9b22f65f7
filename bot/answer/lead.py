"""Which point leads a why or a yes/no answer: the reason (or the point the yes or no rests on)
closest to the question, the points the company's situation asks for counting closer ("peak
season": scalability), only those that point the way a question about money asks, and never a
sentence that only says what a thing is. A mixin of bot.answer.shape.Shaper, which holds the
units, passages and situations."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from bot.answer.compose import Draft, cited_first, draft_answer, render_unit, with_lead
from bot.answer.direction import direction as _direction
from bot.answer.situation import unit_row
from bot.knowledge.retrieve import Hit

# A point that gives a reason; a why-question is led by the point closest to it, and a reason
# counts this much closer (chosen on eval/dev's why cases).
CAUSAL = re.compile(
    r"\b(?:because|due to|thanks to|as a result|since|owing to|lower|higher|improve\w*|karena|"
    r"berkat|akibat|sebab|disebabkan|lebih rendah|lebih tinggi|meningkatkan|depending on|depends on|"
    r"tergantung|bergantung)\b",
    re.I,
)
CAUSAL_BONUS = 0.01
# A sentence that says what a thing is ("It involves delegating ...", "Outsourcing is the
# practice of ..."): no reason why, so a why ask's lead is another point when there is one.
DEFINES = re.compile(
    r"\b(?:involves|is the practice of|refers to|melibatkan|adalah praktik|mengacu pada)\b", re.I
)
# A reason why something varies ("can vary widely depending on factors such as ..."): a why
# follow-up about the last answer's range or spread is answered by it.
VARIES = re.compile(r"\b(?:depend\w*|vary|varies|bervariasi|tergantung|bergantung)\b", re.I)
# Asks the article never answers (how long, which vendor) whose related point is the one their
# own words name: "how long until the vendor's team is ramped up?" -> the setup and onboarding
# costs; "which vendor do you recommend?" -> choosing the right partner; "how long is a typical
# contract?" -> the Service Level Agreement.
ASK_SITUATIONS = {
    "duration": frozenset({"setup", "contract"}),
    "place": frozenset({"vendor_choice"}),
    # "angka segitu sudah termasuk apa aja?": the breakdown; "dipengaruhi apa aja?": the factors
    "list": frozenset({"included", "drivers", "services"}),
    "definition": frozenset({"included", "services"}),
}
ASK_ONLY_SITUATIONS = frozenset().union(*ASK_SITUATIONS.values())  # no other answer's lead
# Money is in nearly every question: it weighs decisions (bot.answer.decide), never a lead here
# ("are there hidden costs?" is answered by "there may be hidden costs ...", not the setup fees).
GENERIC_SITUATIONS = frozenset({"cost"}) | ASK_ONLY_SITUATIONS
SETTING_SITUATIONS = frozenset({"offshore"})  # where, not what: no lead of a yes/no
SITUATION_BONUS = 0.03  # a point the described situation asks for ("peak season": scalability)


class LeadChoice:
    """The lead of a why or yes/no answer (mixed into the Shaper)."""

    units: Any
    passages: dict
    situations: Any

    def context_hit(self, entry: str, lang: str, vector: list[float]) -> Hit:
        raise NotImplementedError  # the Shaper's

    def _closest_lead(
        self,
        lang: str,
        query: str,
        vector: list[float],
        hits: list[Hit],
        reasons: bool = True,
        within: str | None = None,
    ) -> Draft:
        """Led by the reason closest to the question; steps say how, not why, so an entry of
        steps gives way to one of the next hits that is not. Without `reasons` (a yes/no ask),
        led by the point closest to the question, which the yes or no then rests on."""
        if reasons and self.passages[(hits[0].id, lang)].steps:
            giving = [h for h in hits[1:3] if not self.passages[(h.id, lang)].steps]
            if giving:
                hits = [giving[0], *(h for h in hits if h is not giving[0])]
        draft = draft_answer(query, vector, hits, self.units, lang)
        query_vector = np.asarray(vector, dtype=np.float32)
        # A list's intro line gives no reason, but may well say yes ("there may be hidden
        # costs to consider, such as:").
        rows = [
            r
            for hit in draft.cited
            for r in self.units.rows(hit.id, lang)
            if not (reasons and self.units.units[r].text.rstrip().endswith(":"))
        ]
        # The company's situation leads ("peak season": scalability, wherever it is); for a
        # yes/no, a place is the setting, not the subject ("does going offshore come with hidden
        # costs?" rests on the hidden costs).
        skip = GENERIC_SITUATIONS if reasons else GENERIC_SITUATIONS | SETTING_SITUATIONS
        wanted = self._situation_rows(query, lang, skip=skip)
        # each situation's first point joins wherever it is ("peak season": scalability); a yes
        # or no to which way it moves the cost ("is 24/7 going to cost us extra?"), any of them
        asked = _direction(query)
        every = asked and not reasons
        joining = wanted if every else self._situation_rows(query, lang, first=True, skip=skip)
        rows += sorted(joining - set(rows))
        if not rows:
            return draft

        if reasons:  # "why do companies hand support to a third party?": not what it is
            rows = [r for r in rows if not DEFINES.search(self.units.units[r].text)] or rows
        if within:  # a why follow-up: the last answer's own reason, when it gives one
            own = [r for r in rows if self.units.units[r].chunk_id == within]
            rows = [r for r in own if VARIES.search(self.units.units[r].text)] or rows
        if asked:  # only reasons that point the way asked, if any
            rows = [r for r in rows if _direction(self.units.units[r].text) == asked] or rows

        def score(row: int) -> float:
            causal = reasons and CAUSAL.search(self.units.units[row].text)
            bonus = CAUSAL_BONUS if causal else 0.0
            bonus += SITUATION_BONUS if row in wanted else 0.0
            return float(self.units.vectors[row] @ query_vector) + bonus

        unit = self.units.units[max(rows, key=score)]
        if unit.chunk_id in [h.id for h in draft.cited]:
            return with_lead(draft, render_unit(unit), unit.chunk_id)
        # a point the situation brought in answers: its passage is the first source
        hit = self.context_hit(unit.chunk_id, lang, vector)
        draft = Draft(draft.lead, draft.points, [*draft.cited, hit])
        return cited_first(with_lead(draft, render_unit(unit), unit.chunk_id), unit.chunk_id)

    def _situation_first(self, question, lang, vector, hits):
        """The hits led by the entry of the question's situation ("service quality": the quality
        control challenge), when it names one."""
        if self.situations is None:
            return hits
        refs = self.situations.preferred(question, skip=GENERIC_SITUATIONS, first=True)
        if not refs:
            return hits
        lead = self.context_hit(refs[0].entry, lang, vector)
        return [lead, *(h for h in hits if h.id != lead.id)]

    def _situation_rows(
        self, text: str, lang: str, first: bool = False, skip: frozenset[str] = GENERIC_SITUATIONS
    ) -> set[int]:
        """The units of the points the question's situation asks for ("peak season": the
        scalability benefit); with `first`, only each situation's leading point."""
        if self.situations is None:
            return set()
        refs = self.situations.preferred(text, skip=skip, first=first)
        return {unit_row(self.units, ref, lang) for ref in refs}
