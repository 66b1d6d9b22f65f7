"""Drafts shaped by the ask: a how-to about a challenge, and a comparison.

How-to questions about a challenge are answered by the entries whose steps address it (the
corpus's `handled_by` links), or with the plain statement that the article gives no steps.

"How do we keep quality consistent across channels?" is about the challenges entry's quality
bullet; the article's steps for it are the best practices, so those answer. "How do we avoid
cultural misunderstandings?" is about a challenge the article names but gives no step for, and
the answer says so first. A comparison ("offshore vs domestic?") leads with the article's
sentence that compares both sides, or says that no sentence does.
"""

from __future__ import annotations

import re

import numpy as np

from bot.answer.analysis import Ask, names_own_list
from bot.answer.challenge import Challenge, challenge_asked, label_of
from bot.answer.compose import (
    Draft,
    Point,
    UnitIndex,
    cited_first,
    draft_answer,
    entry_hit,
    render_unit,
    with_lead,
)
from bot.answer.coverage import Coverage
from bot.answer.followup import FOLLOW_UP
from bot.answer.lead import ASK_SITUATIONS, VARIES, LeadChoice
from bot.answer.mention import Mentions
from bot.answer.route import asks_for_remedy
from bot.answer.situation import PointRef, Situations, unit_row
from bot.knowledge.corpus import Chunk
from bot.knowledge.retrieve import Hit
from bot.prompts import Prompts

# Asks answered otherwise even when they say "pros and cons" (a decision weighs them itself).
ONE_SIDED = frozenset({"how_to", "decision", "why", "duration", "place"})
BOTH_SIDES = ("benefits", "challenges")  # the entries of "pros and cons"
LAW = "faq-data-security"  # what the article says of the law: comply with the regulations
RISKS = "challenges"  # the entry that answers "what are the risks?"
NAME_WORD = 5  # letters a label's word has to name its challenge ("budaya", "quality")
# Keeping a cost down, beside the remedy words: "negotiate the setup fees down", "biar nggak
# membengkak"
AVOIDS = re.compile(
    r"\b(?:negotiat\w*|nego\w*|reduc\w*|lower\w*|cut\w*|bring \w+ down|keep \w+ (?:down|low)|menekan"
    r"|nekan|turunin|menurunkan|biar|supaya|agar|membengkak|bengkak|minimi[sz]\w*"
    # "any tips to stop hidden costs from blowing up our budget?", "cegah biaya tersembunyi"
    r"|stop\w*|prevent\w*|avoid\w*|control\w*|limit\w*|cap|budget for|plan for|cegah|mencegah"
    r"|hindari|menghindari|kendalikan|mengendalikan|batasi|membatasi)\b"
)
# An abbreviation a definition question asks about ("SLA itu apa?", "what does KPI mean?").
ABBREVIATION = re.compile(r"\b([A-Z]{2,5})s?\b")
SMALL_ABBREVIATION = re.compile(r"\b(sla|kpi|roi|csat)s?\b")  # as typed in a hurry
TERSE_WORDS = 4  # a list ask this short about an abbreviation asks what it stands for
RISK_ASKS = frozenset({"comparison", "list", "yes_no", "quantity", "definition"})
IN_HOUSE_ASKS = frozenset({"comparison", "yes_no", "quantity", "list"})
# In-house or outsourced: the savings the article names, its hidden costs, how to compare.
IN_HOUSE = (("benefits", 1), ("faq-hidden-costs", None), ("faq-roi", 2))


class Shaper(LeadChoice):
    """Drafts for the asks that need more than the nearest passages."""

    def __init__(
        self,
        units: UnitIndex,
        passages: dict[tuple[str, str], Chunk],
        coverage: Coverage,
        prompts: Prompts,
        situations: Situations | None = None,
        mentions: Mentions | None = None,
    ) -> None:
        self.units = units
        self.passages = passages
        self.coverage = coverage
        self.prompts = prompts
        self.situations = situations  # the points a described situation asks for first
        self.mentions = mentions  # terms the article uses without explaining them

    def draft(
        self,
        question: str,
        ask: Ask,
        lang: str,
        query: str,
        vector: list[float],
        hits: list[Hit],
        topic: str | None = None,
        led: str = "",
    ) -> tuple[Draft, str | None]:
        """The draft, and an opening sentence when the shape says the article cannot answer;
        `topic` is the entry the last answer led with, `led` its first line, for a follow-up."""
        draft, opening = self._draft(question, ask, lang, query, vector, hits, topic, led)
        if opening is None and ask.type == "yes_no" and topic is not None:
            # "Is that also true offshore?" about a topic the article never places anywhere
            topic_text = self.passages[(topic, lang)].text
            if place := self.coverage.elsewhere(question, topic_text):
                opening = self.prompts.text(lang, "not_covered_elsewhere", place=place)
        return draft, opening

    def _draft(self, question, ask, lang, query, vector, hits, topic, led=""):
        follow_up = query != question  # read with the question before it
        # "gimana ngatasinnya?" after a list asks for its remedies; "how would we know it's
        # still worth it despite those costs?" asks about something else
        remedy = follow_up and topic and asks_for_remedy(question)
        listing = topic if remedy and self.passages[(topic, lang)].handled_by else None
        if ask.type == "how_to" and (listing or not self.passages[(hits[0].id, lang)].steps):
            # "gimana ngatasinnya?" after the whole list is about the list, not one of it
            # "how do we fix that?" after one challenge's point: that challenge
            pointed = led.startswith("**") and FOLLOW_UP.search(question.lower())  # one point
            asked = f"{question} {led}" if pointed else question
            challenge = challenge_asked(
                asked, vector, lang, self.units, self.passages, named_only=follow_up
            )
            # "apa aja risikonya, dan gimana ngatasinnya?" asks about the risks, not about the
            # hidden cost nearest its words
            risks = challenge is not None and challenge.entry != RISKS
            risks = risks and self.coverage.asks_risks(question)
            if challenge is not None and not follow_up and self.coverage.asks_risks(question):
                # "what are the risks and how do we avoid them?": all of them, unless one is
                # named ("risiko soal budayanya gimana?")
                if not _names_challenge(question, challenge):
                    challenge, risks = None, True
            # a cost listed beside the risks is asked about only to avoid it ("how do we avoid
            # setup fees?"; "outsourcing CS itu intinya ngapain?" avoids nothing)
            avoids = (
                bool(listing) or asks_for_remedy(question) or bool(AVOIDS.search(question.lower()))
            )
            if challenge is not None and challenge.entry != RISKS and not avoids:
                challenge = None
            if challenge is not None and not risks:
                return self._remedy(challenge, lang, query, vector, hits)
            entry = listing or (RISKS if risks else hits[0].id)
            handled = self.passages[(entry, lang)].handled_by
            if handled and not any(handled) and avoids:  # "how do we avoid hidden costs?"
                opening = self.prompts.text(lang, "not_covered_steps_list")
                listed = [self.context_hit(entry, lang, vector)]
                return draft_answer(query, vector, listed, self.units, lang), opening
            if any(handled):  # "how do we deal with these challenges?": the steps it gives
                return self._remedies(entry, handled, lang, query, vector), None
        # "SLA itu apa?", "which KPIs?": the point that spells the abbreviation out leads; a
        # term the article only mentions ("economies of scale"): the point that mentions it
        terse = ask.type == "list" and len(question.split()) <= TERSE_WORDS
        defining = ask.type == "definition" and self.mentions is not None
        term = self.mentions.find(question, lang) if defining else None
        if (
            term
            or (ask.type == "definition" or terse)
            and (row := self._introducing(question, lang, vector, topic)) is not None
        ):
            row = term[1] if term else row
            mentioned = term if term and not term[2] else None
            entry = self.units.units[row].chunk_id
            first = [self.context_hit(entry, lang, vector), *(h for h in hits if h.id != entry)]
            draft = draft_answer(query, vector, first, self.units, lang)
            opening = mentioned and self.prompts.text(
                lang, "not_covered_meaning", subject=mentioned[0]
            )
            return with_lead(draft, render_unit(self.units.units[row]), entry), opening or None
        if ask.type not in ONE_SIDED and self.coverage.asks_both_sides(question):
            return self._both_sides(lang, vector), None
        if ask.type == "comparison" and self.coverage.weighs_other_aspect(question):
            opening = self.prompts.text(lang, "not_covered_comparison")  # "... which is safer?"
            return draft_answer(
                query, vector, self._situation_first(question, lang, vector, hits), self.units, lang
            ), opening
        in_house = self.coverage.weighs_in_house(question)
        if in_house and ask.background and names_own_list(question):
            in_house = False  # the in-house team is the story; the question asks a list
        if ask.type == "yes_no" and self.coverage.doubts_savings(question):
            in_house = True  # "bukannya outsourcing malah mahal?": against in-house, on cost
        if ask.type in IN_HOUSE_ASKS and in_house:
            return self._in_house(lang, query, vector)
        if (
            ask.type == "comparison"
            and self.coverage.against_in_house(question)
            and self.coverage.prefers(question)
        ):
            return self._both_sides(lang, vector), None  # "better in-house or outsourced?"
        if self.coverage.asks_law(question):  # said it is not stated; then the data-security FAQ
            law = self.context_hit(LAW, lang, vector)
            return draft_answer(query, vector, [law], self.units, lang), None
        if ask.type in RISK_ASKS and self.coverage.asks_risks(question):
            risks = self.context_hit(RISKS, lang, vector)
            hits = [risks, *(h for h in hits if h.id != RISKS)]
            if ask.type == "yes_no":  # "is data security a real risk?": that challenge leads
                return self._closest_lead(lang, query, vector, [risks], reasons=False), None
            return draft_answer(query, vector, [risks], self.units, lang), None  # risks only
        compares = ask.type == "comparison" or (ask.type, ask.form) == ("yes_no", "comparison")
        if compares and (sides := self.coverage.sides(question)):
            return self._comparison(sides, lang, query, vector, hits)
        # "why is the range so wide?" after the rates: the last answer's own reason it varies
        within = topic if ask.type == "why" and follow_up and self._varies(topic, lang) else None
        if within:
            hits = [self.context_hit(topic, lang, vector), *(h for h in hits if h.id != topic)]
        if ask.type == "why" and self.coverage.asks_risks(question):
            # "why do companies bring support back in-house?": the challenges are the reasons
            risks = [self.context_hit(RISKS, lang, vector)]
            return self._closest_lead(lang, query, vector, risks), None
        if ask.type in ("why", "yes_no"):
            return self._closest_lead(lang, query, vector, hits, ask.type == "why", within), None
        if (ref := self._named_situation(question, ask.type)) is None:
            return draft_answer(query, vector, hits, self.units, lang), None
        # the point it names leads ("layanannya apa aja?": phone, email, live chat, social media)
        hits = [self.context_hit(ref.entry, lang, vector), *(h for h in hits if h.id != ref.entry)]
        draft = draft_answer(query, vector, hits, self.units, lang)
        row = unit_row(self.units, ref, lang)
        return with_lead(draft, render_unit(self.units.units[row]), ref.entry), None

    def _varies(self, entry: str | None, lang: str) -> bool:
        rows = self.units.rows(entry, lang) if entry else []
        return any(VARIES.search(self.units.units[r].text) for r in rows)

    def _named_situation(self, question: str, ask_type: str) -> PointRef | None:
        """The point an ask's own words name among ASK_SITUATIONS, else None."""
        wanted = ASK_SITUATIONS.get(ask_type)
        if wanted is None or self.situations is None:
            return None
        skip = frozenset(self.situations.points) - wanted
        refs = self.situations.preferred(question, skip=skip, first=True)
        return refs[0] if refs else None

    def _introducing(
        self, question: str, lang: str, vector: list[float], topic: str | None = None
    ) -> int | None:
        """The row of the point that introduces an abbreviation the question uses ("(SLA)");
        of several ("(KPIs)" twice), the one in the last answer's `topic`, else the one
        closest to the question."""
        rows = []
        # written in small letters too ("sla = ? in this context", "kpis")
        found = ABBREVIATION.findall(question) + SMALL_ABBREVIATION.findall(question)
        for abbreviation in dict.fromkeys(w.upper() for w in found):
            introduced = re.compile(rf"\({re.escape(abbreviation)}s?\)")
            rows += [
                row
                for entry, passage_lang in self.passages
                if passage_lang == lang
                for row in self.units.rows(entry, lang)
                if introduced.search(self.units.units[row].text)
            ]
        query = np.asarray(vector, dtype=np.float32)
        rows = [r for r in rows if self.units.units[r].chunk_id == topic] or rows
        return max(rows, key=lambda r: float(self.units.vectors[r] @ query), default=None)

    def context_hit(self, entry: str, lang: str, vector: list[float]) -> Hit:
        """A passage cited by its entry, scored by its best unit against the question."""
        return entry_hit(self.units, self.passages, entry, lang, vector)

    def _remedy(self, challenge: Challenge, lang, query, vector, hits):
        listing = self.context_hit(challenge.entry, lang, vector)
        if not challenge.handlers:
            name = challenge.name.lower().rstrip(".")  # mid-sentence
            opening = self.prompts.text(lang, "not_covered_steps", challenge=name)
            first = [listing, *(h for h in hits if h.id != challenge.entry)]
            return draft_answer(query, vector, first, self.units, lang), opening
        # The steps in the article's order for that challenge (the corpus's handled_by), their
        # points chosen for the question and the challenge: "terus cara ngatasinnya?" says
        # nothing of data security, the bullet it follows does.
        aim = self._aim(challenge, lang, vector)
        steps = [self.context_hit(e, lang, aim) for e in challenge.handlers]
        draft = draft_answer(query, aim, steps, self.units, lang)
        draft = Draft(draft.lead, draft.points, [*draft.cited, listing])
        lead = self.prompts.text(lang, "remedy_lead", challenge=challenge.name)
        return with_lead(draft, lead, challenge.entry), None

    def _aim(self, challenge: Challenge, lang: str, vector: list[float]) -> list[float]:
        """The question's vector with the challenge's bullet's added, unit length."""
        rows = [
            r
            for r in self.units.rows(challenge.entry, lang)
            if self.units.units[r].text == challenge.text
        ]
        if not rows:
            return vector
        aim = np.asarray(vector, dtype=np.float32) + self.units.vectors[rows[0]]
        return (aim / np.linalg.norm(aim)).tolist()

    def _remedies(self, entry: str, handled, lang, query, vector):
        labels = [
            label_of(self.units.units[r].text).lower()
            for r in self.units.rows(entry, lang)
            if self.units.units[r].bullet
        ]
        covered = [name for name, h in zip(labels, handled, strict=False) if h]
        missing = [name for name, h in zip(labels, handled, strict=False) if not h]
        handlers = list(dict.fromkeys(e for h in handled for e in h))
        steps = sorted(
            (self.context_hit(e, lang, vector) for e in handlers), key=lambda h: -h.score
        )
        draft = draft_answer(query, vector, steps, self.units, lang)
        listing = self.context_hit(entry, lang, vector)
        draft = Draft(draft.lead, draft.points, [*draft.cited, listing])
        lead = self.prompts.text(
            lang,
            "remedy_lead_list",
            covered=self.coverage.join(covered, lang),
            missing=self.coverage.join(missing, lang),
        )
        return with_lead(draft, lead, entry)

    def _both_sides(self, lang: str, vector: list[float]) -> Draft:
        """Every benefit, then every challenge, each cited: what "pros and cons?" asks for."""
        cited = [self.context_hit(entry, lang, vector) for entry in BOTH_SIDES]
        points = [
            Point(render_unit(self.units.units[row]), n)
            for n, entry in enumerate(BOTH_SIDES, start=1)
            for row in self.units.rows(entry, lang)
            if self.units.units[row].bullet
        ]
        return Draft(Point(self.prompts.text(lang, "pros_cons_lead"), 1), points, cited)

    def _in_house(self, lang: str, query: str, vector: list[float]) -> tuple[Draft, str]:
        """In-house or outsourced, on cost: no figures to compare, the savings, every hidden
        cost, the ROI FAQ's comparison, and the estimator for the user's own numbers."""
        cited = [self.context_hit(entry, lang, vector) for entry, _ in IN_HOUSE]
        points = []
        for n, (entry, position) in enumerate(IN_HOUSE, start=1):
            rows = self.units.rows(entry, lang)
            chosen = [rows[position]] if position is not None else rows[1:]
            points += [Point(render_unit(self.units.units[r]), n) for r in chosen]
        opening = " ".join(self.prompts.text(lang, k) for k in ("in_house_lead", "in_house_offer"))
        return Draft(points[0], points[1:], cited), opening

    def _comparison(self, sides, lang, query, vector, hits):
        draft = draft_answer(query, vector, hits, self.units, lang)
        query_vector = np.asarray(vector, dtype=np.float32)
        rows = self.units.lang_rows(lang)
        comparing = [r for r in rows if self.coverage.compares(self.units.units[r].text, sides)]
        if not comparing:
            return draft, self.prompts.text(lang, "not_covered_comparison")
        row = max(comparing, key=lambda r: float(self.units.vectors[r] @ query_vector))
        unit = self.units.units[row]
        if unit.chunk_id not in [h.id for h in draft.cited]:
            hit = self.context_hit(unit.chunk_id, lang, vector)
            draft = Draft(draft.lead, draft.points, [*draft.cited, hit])
        return cited_first(with_lead(draft, render_unit(unit), unit.chunk_id), unit.chunk_id), None


def _names_challenge(question: str, challenge: Challenge) -> bool:
    """The question uses a word of the challenge's label, or that word with an ending
    ("budayanya", "kualitasnya")."""
    label = [w for w in re.findall(r"\w+", challenge.name.lower()) if len(w) >= NAME_WORD]
    return any(word.startswith(w) for word in re.findall(r"\w+", question.lower()) for w in label)
