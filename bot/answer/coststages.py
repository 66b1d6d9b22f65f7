"""The stages of a turn that price: an estimate when a question states quantities (or a follow-up
changes them), and a decision weighed with a costed example when it gives numbers. A mixin of
bot.answer.assistant.Assistant, which holds the cost service, prompts, shaper and units."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.answer.beside import asks_beside
from bot.answer.budget import budget_first, priced_turn, size_lead, size_missing
from bot.answer.decide import costed_example, savings_first, weigh
from bot.answer.headcount import unlike_headcount
from bot.answer.lead import ASK_ONLY_SITUATIONS
from bot.answer.normalise import own_words
from bot.answer.quote import quote_sentence
from bot.answer.scope import reaches
from bot.types import Answer, ToolCall

# The entries a cost answer cites beside the estimate: the rate band and the hidden costs.
COST_CONTEXT_IDS = ("faq-hourly-rate", "faq-hidden-costs")


class CostStages:
    """The pricing stages of a turn (mixed into the Assistant)."""

    cost: Any
    coverage: Any
    prompts: Any
    shaper: Any
    units: Any
    passages: dict
    situations: Any
    band: tuple

    def estimate_cost(self, turn: Any) -> Answer | None:
        """A question that states a quantity (or a follow-up that changes one) gets an estimate."""
        if turn.topic == "foreign":
            return None  # "and an accounting team of 3?" is another function, refused below
        if turn.cost_state and asks_beside(self.cost, self.coverage, turn.text, turn.ask):
            return None  # "worth switching?" after an estimate: weigh_decision, with its numbers
        own, state = own_words(turn.text), turn.cost_state  # quoted figures are no inputs
        # "how many agents can $8k a month buy?" (and its follow-ups): what the budget buys
        request, budget = priced_turn(self.cost, own, state, turn.ask, turn.history)
        if request is None and (kept := size_missing(self.cost, own, state, turn.ask)):
            body = f"{size_lead(kept, self.prompts, turn.lang)}\n{self.prompts.text(turn.lang, 'rate_band')} [1]"
            cited = [self.shaper.context_hit("faq-hourly-rate", turn.lang, turn.vector)]
            answer = self._answer(turn, body, "cost", cited, [], "cost_estimate")
            return replace(answer, cost_state=kept)  # "5 agen" next prices against it
        if request is None:
            return None
        with turn.timings.stage("estimate"):
            context = [self.shaper.context_hit(e, turn.lang, turn.vector) for e in COST_CONTEXT_IDS]
            reply = self.cost.reply(request, turn.lang)
        if reply.result is None:
            del turn.timings.ms["estimate"]  # nothing was estimated
            error = {"error": self.cost.issue_lines(reply.error, turn.lang)}
            call = ToolCall("estimate_cost", request, error)
            answer = self._answer(turn, reply.text, "cost", [], [call], "cost_estimate")
            # The request's valid fields stay ("4 agen media sosial, kontrak -6 bulan", then "eh
            # maksudnya 6 bulan" completes it); an invalid one leaves the value before it.
            wrong = {issue.field for issue in reply.error.issues}
            kept = {k: v for k, v in request.items() if k not in wrong}
            return replace(answer, cost_state={**(turn.cost_state or {}), **kept} or None)
        # About 15 lines in chat; the article's hidden costs and the assumptions fold away.
        heading = self.prompts.text(turn.lang, "cost_context_heading")
        details = "\n".join(
            [heading, *self.units.bullet_lines("faq-hidden-costs", turn.lang, 2), "", reply.details]
        )
        sized = reply.result.to_json_dict()
        call = ToolCall("estimate_cost", request, sized)
        band = f"{self.prompts.text(turn.lang, 'rate_band')} [1]"  # the article's own words
        body = f"{reply.summary}\n{band}"
        if (people := unlike_headcount(turn.text, reply.result.headcount)) is not None:
            unlike = self.prompts.text(turn.lang, "unlike_headcount", people=people, **sized)
            body = f"{reply.summary}\n{unlike}\n{band}"
        kind = "cost_estimate"
        if "agents" not in request and self.coverage.asks_staffing(turn.text):
            lead = self.prompts.text(turn.lang, "not_covered_staffing", **sized)
            body = f"{lead}\n\n{body}"
            kind = "quantity"  # "how many agents for 10k tickets?" asks for a number of people
        lead = budget_first(self.cost, own, request, reply.result, budget, self.prompts, turn.lang)
        if lead:
            body = f"{lead}\n\n{body}"  # the seats a budget buys, or whether the team fits it
        answer = self._answer(turn, body, "cost", context, [call], kind)
        return replace(answer, details=details)

    def weigh_decision(self, turn: Any) -> Answer | None:
        """'Should we outsource?': what the article names to weigh, and a costed example when
        the question gives numbers; never a bare cost table."""
        if turn.ask.type != "decision" or turn.topic == "foreign":
            return None
        # "should I buy Bitcoin this year?" is refused; "Teleperformance or Concentrix?" chooses
        # between two providers the article never names, which is said
        if (
            turn.topic == "none"
            and not turn.history
            and len(self.coverage.unknown_names(turn.text)) < 2
        ):
            _, hits = self._retrieve(turn, turn.text)
            if not reaches(hits, "general"):  # not close enough to be about this subject
                return self._fixed(turn, "refusal")
        calls: list[ToolCall] = []
        with turn.timings.stage("compose"):
            own = own_words(turn.text)
            example = lambda: costed_example(  # noqa: E731
                self.cost, self.prompts, own, turn.lang, calls, turn.cost_state
            )
            lead = self.coverage.not_covered(turn.text, turn.ask, "", turn.lang)
            if lead is None and (
                quote := quote_sentence(turn.text, turn.lang, self.band, self.prompts)
            ):
                lead = f"{quote} {self.prompts.text(turn.lang, 'decision_lead')}"
            preferred = self.situations.preferred(turn.text, skip=ASK_ONLY_SITUATIONS)
            decision = weigh(
                turn.vector, turn.lang, self.units, self.passages, self.prompts, example, lead,
                preferred,
            )  # fmt: skip
        body = savings_first(own, decision.body, calls, self.prompts, turn.lang)  # "cheaper?"
        return self._answer(turn, body, "knowledge", decision.cited, calls)
