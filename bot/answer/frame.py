"""Framed answers: a first sentence that answers what was asked, before the cited points.

An ask the article cannot answer opens with the `not_covered_*` phrase chosen by
bot.answer.coverage, whose sentinel tests look for; a yes/no ask opens with a yes or no that the
lead point supports (a why ask's reason is chosen by bot.answer.shape).
"""

from __future__ import annotations

import re

from bot.answer.analysis import Ask
from bot.answer.compose import Draft
from bot.answer.coverage import Coverage
from bot.answer.names import any_match
from bot.answer.quote import hours_sentence, quote_sentence
from bot.answer.route import measures_back
from bot.answer.shape import RISKS
from bot.prompts import Prompts

NEGATION = re.compile(r"\b(?:not|no|never|tidak|bukan|tak|belum)\b", re.I)
HEDGE = re.compile(
    r"\b(?:can|may|might|often|usually|generally|typically|some|dapat|bisa|mungkin|sering|"
    r"umumnya|biasanya|cenderung|beberapa)\b",
    re.I,
)
ABSOLUTE = re.compile(
    r"\b(?:always|never|guarantee[sd]?|every time|(?<!\bat )all|completely|entirely|fully|eliminat\w*|selalu|"
    r"pasti|dijamin|tidak pernah|sepenuhnya|semua|sama sekali)\b",
    re.I,
)
# A claim that narrows or dismisses ("the only cost is the hourly rate, yeah?", "flat $30 an
# hour?", "isnt an SLA pointless?", "24/7 itu gratis dong"): the article supports no such claim
# unless its lead point says so in the same words.
LIMITING = re.compile(
    r"\b(?:the only|only (?:cost|thing|benefit|risk|reason)|nothing (?:else|more)|no other"
    r"|(?:and )?that'?s (?:it|all)|the same (?:as|price|cost|rate)|costs? the same|same price"
    r"|sama (?:aja|saja)|fixed|flat|gratis|free of charge|for free|pointless|useless|no point"
    r"|a waste|percuma|sia[- ]sia|(?:gak|nggak|ga|tidak|tak) (?:ada )?guna\w*"
    r"|(?:gak|nggak|ga|tidak) ada (?:\w+ )?lain|satu-satunya|cuma|doang"
    # "what counts as support, is it just phone calls?"
    r"|(?:is|are) (?:it|they|that|this) (?:just|only)|just (?:phone|calls?|e-?mails?|chats?))\b",
    re.I,
)
# "Can you explain ...?", "bisa jelasin ...?": a request phrased as a question, no yes/no ask.
REQUEST = re.compile(
    r"^(?:can|could|would|will) (?:you|u)\b|^(?:bisa|boleh|tolong|coba) (?:\w+ )?(?:jelas|sebut|kasih|"
    r"bantu|terang|cerita|list|buat)"
)
FRAMING_KEYS = (
    "not_covered_", "yes_lead", "yes_hedged_lead",
    "not_necessarily_joined", "no_lead", "no_hedged_lead", "summary_lead_",
    "not_riskless_lead", "not_necessarily_lead",
    "decision_", "remedy_",
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

    def __init__(
        self, prompts: Prompts, coverage: Coverage, band: tuple | None = None, idr_per_usd=None
    ):
        self.prompts = prompts
        self.coverage = coverage
        self.band = band  # the article's hourly band, to place a quoted rate in
        self.money = (prompts, idr_per_usd)  # to count the agent hours a sum pays for

    def frame(
        self,
        question: str,
        ask: Ask,
        draft: Draft,
        lang: str,
        opening: str | None = None,
        follow_up: bool = False,
        selecting: bool = False,
    ) -> str:
        """The answer's body: the framing sentence (if any) and the cited points. The caller's
        `opening` (no steps for a challenge, no comparison made) comes after the question's own
        gaps (a name the article never uses)."""
        from bot.answer.compose import render_draft

        body = render_draft(draft)
        # "how much does that run?" after an answer asks a figure of its subject, which leads:
        # a figure elsewhere in the answer is no figure of it.
        # "which of those is cheapest?" chooses among the last answer's points: only they may rank
        narrow = selecting or (follow_up and measures_back(question))
        asked_of = draft.cited[:1] if narrow else draft.cited
        cited = " ".join(h.text for h in asked_of)
        if self.band and (hours := hours_sentence(question, lang, self.band, *self.money)):
            return f"{hours}\n\n{body}"  # "how many agent hours does $8,000 buy?"
        opening = self.coverage.not_covered(question, ask, cited, lang, selecting) or opening
        doubted = ask.type == "yes_no" and self.coverage.doubts_savings(question)
        if opening and ask.type == "yes_no" and (ABSOLUTE.search(question) or doubted):
            # "Is outsourcing always cheaper than in-house?": the article supports no "always",
            # so the yes/no comes first, then what it does not say.
            return f"{self._not_necessarily(opening, lang)}\n\n{body}"
        if opening:
            return f"{opening}\n\n{body}"
        if self.band and (quote := quote_sentence(question, lang, self.band, self.prompts)):
            if ask.type == "yes_no" and LIMITING.search(question):  # "a flat $30 an hour, right?"
                quote = self._not_necessarily(quote, lang)
            return f"{quote}\n\n{body}"  # "$45/jam, kemahalan?": where it sits in the band
        if ask.type == "yes_no" or (
            ask.form == "yes_no" and ask.type == "how_to" and not REQUEST.search(question.lower())
        ):
            # "Should the data we send be encrypted?" asks yes or no, whatever the steps that
            # follow ("can you explain ...?" asks for the explanation)
            at = draft.lead.source - 1
            entry = draft.cited[at].id if 0 <= at < len(draft.cited) else None
            return f"{self.yes_no(question, draft.lead.text, lang, ask, entry)} {body}"
        return body

    def frame_point(self, question: str, ask: Ask, body: str, lang: str) -> str:
        """An answer about one point of the last answer ("the first one: what % does it save?",
        "is customer satisfaction part of it?"): what the point cannot answer first, else the
        yes or no it supports."""
        if body.startswith(self.prompts.text(lang, "not_covered_sentinel")):
            return body
        lead = body.split("\n", 1)[0]
        if opening := self.coverage.not_covered(question, ask, lead.lower(), lang):
            return f"{opening}\n\n{body}"
        if ask.type == "yes_no":
            return f"{self.yes_no(question, lead, lang, ask)} {body}"
        return body

    def yes_no(
        self, question: str, lead: str, lang: str, ask: Ask | None = None, entry: str | None = None
    ) -> str:
        """Yes or no as far as the lead point supports it; hedged when the article is; no when
        it compares the other way round ("is A cheaper than B?": "B may be cheaper than A").
        A challenge that leads answers no to "is there no risk?" and "not necessarily" to a
        claim it puts in doubt ("will offshore agents understand our slang?")."""
        lowered = question.lower()
        if entry == RISKS and any_match(self.coverage.terms.no_risk, lowered):
            return self.prompts.text(lang, "not_riskless_lead")
        if entry == RISKS and any_match(self.coverage.terms.capable, lowered):
            return self.prompts.text(lang, "not_necessarily_lead")
        if ask is not None and ask.form == "comparison":
            if self.coverage.same_way(question, lead) is False:
                return self.prompts.text(
                    lang, "no_hedged_lead" if HEDGE.search(lead) else "no_lead"
                )
        if NEGATION.search(lead):
            return self.prompts.text(lang, "no_lead")
        if (claim := LIMITING.search(question)) and claim.group(0).lower() not in lead.lower():
            return self._not_necessarily(self.prompts.text(lang, "not_covered_claim"), lang)
        if ABSOLUTE.search(question):
            # "Is data security guaranteed with a good vendor?": no "always" in the article
            return self._not_necessarily(self.prompts.text(lang, "not_covered_absolute"), lang)
        key = "yes_hedged_lead" if HEDGE.search(lead) else "yes_lead"
        return self.prompts.text(lang, key)

    def _not_necessarily(self, sentence: str, lang: str) -> str:
        """ "Not necessarily; " before a sentence, which goes on in lower case."""
        hedge = self.prompts.text(lang, "not_necessarily_joined")
        return f"{hedge} {sentence[:1].lower()}{sentence[1:]}"
