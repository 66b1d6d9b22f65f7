"""Decision answers ("should we outsource?", "is it worth it?"): the article cannot decide for a
given company, so the answer says so and lays out what it names to weigh, one cited point each
from the benefits, the challenges and the hidden costs; with numbers in the question, one costed
example from the estimator (and the savings against an in-house cost) follows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from bot.answer.compose import UnitIndex, render_unit
from bot.cost.render import fmt_money
from bot.cost.request import CostValidationError
from bot.cost.service import CostService, json_fields
from bot.knowledge.corpus import Chunk
from bot.knowledge.retrieve import Hit
from bot.prompts import Prompts
from bot.types import ToolCall

# (phrase key of the point's label, entry whose best bullet is the point)
SIDES = (("decision_for", "benefits"), ("decision_against", "challenges"), ("decision_hidden", "faq-hidden-costs"))  # fmt: skip


@dataclass(frozen=True)
class Decision:
    body: str
    cited: list[Hit]


def weigh(
    vector: list[float],
    lang: str,
    units: UnitIndex,
    passages: dict[tuple[str, str], Chunk],
    prompts: Prompts,
    example: Callable[[], str | None],
    lead: str | None = None,
) -> Decision:
    """The framed answer; `example` gives the costed-example sentence, or None without numbers;
    `lead` replaces the decision lead (a subject the article never discusses)."""
    query = np.asarray(vector, dtype=np.float32)
    lines = [lead or prompts.text(lang, "decision_lead"), ""]
    picks = []
    for label_key, entry in SIDES:
        rows = [r for r in units.rows(entry, lang) if units.units[r].bullet]
        if rows:
            best = max(rows, key=lambda r: float(units.vectors[r] @ query))
            picks.append((float(units.vectors[best] @ query), label_key, entry, best))
    cited: list[Hit] = []
    # Always for, against, hidden costs: unit scores of different entries do not compare well
    # enough to put the side a question leans on first (tried on eval/dev: it lost entry hits).
    for score, label_key, entry, best in picks:
        chunk = passages[(entry, lang)]
        cited.append(Hit(entry, chunk.title, lang, round(score, 6), chunk.text, chunk.kind, lang))
        point = render_unit(units.units[best])
        lines.append(f"- **{prompts.text(lang, label_key)}** {point} [{len(cited)}]")
    if (sentence := example()) is not None:
        lines += ["", sentence]
    return Decision("\n".join(lines), cited)


def costed_example(
    cost: CostService, prompts: Prompts, text: str, lang: str, calls: list[ToolCall]
) -> str | None:
    """One estimate from the question's own numbers, as a sentence (its call added to `calls`);
    None when the question gives no valid quantity."""
    try:
        request = cost.parse_question(text)
    except CostValidationError:
        return None
    if request is None or not (request.agents or request.contacts_per_month):
        return None  # a horizon or a budget alone ("a 2-year contract?") is no workload
    fields = json_fields(request.model_dump(exclude_none=True, exclude_unset=True))
    reply = cost.reply(fields, lang)
    if (result := reply.result) is None:
        return None
    calls.append(ToolCall("estimate_cost", fields, result.to_json_dict()))
    money = lambda v: fmt_money(v, lang)  # noqa: E731
    sentence = prompts.text(
        lang, "decision_example", monthly=money(result.monthly_total_usd),
        total=money(result.total_usd), months=result.months,
    )  # fmt: skip
    if (cmp := result.comparison) is not None:
        inhouse = money(cmp.inhouse_monthly_usd)
        if cmp.monthly_savings_usd >= 0:
            extra = prompts.text(
                lang, "decision_savings", inhouse=inhouse, savings=money(cmp.monthly_savings_usd)
            )
        else:
            extra = prompts.text(
                lang, "decision_no_savings", inhouse=inhouse, extra=money(-cmp.monthly_savings_usd)
            )
        sentence += " " + extra
    return sentence
