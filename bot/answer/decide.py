"""Decision answers ("should we outsource?", "is it worth it?"): the article cannot decide for a
given company, so the answer says so and lays out what it names to weigh, one cited point each
from the benefits, the challenges and the hidden costs (the ones the situation it describes points
to first, bot.answer.situation; with the step the article gives for that challenge); with numbers
in the question, one costed example from the estimator (and the savings against an in-house
cost) follows."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from bot.answer.compose import UnitIndex, render_unit
from bot.answer.headcount import unlike_headcount
from bot.answer.situation import PointRef, unit_row
from bot.cost.render import fmt_money, fmt_stated
from bot.cost.request import CostValidationError
from bot.cost.service import CostService, json_fields
from bot.knowledge.corpus import Chunk
from bot.knowledge.retrieve import Hit
from bot.prompts import Prompts
from bot.types import ToolCall

# (phrase key of the point's label, entries it may come from; the first one when the question
# describes no situation that points elsewhere)
SIDES = (
    ("decision_for", ("benefits", "faq-offshore", "factors", "introduction")),
    ("decision_against", ("challenges",)),
    ("decision_hidden", ("faq-hidden-costs",)),
)
# Shown only when the question's situation points there ("we spend $18k a month" -> compare
# the savings with the costs; "complaints" -> track KPIs): at most this many points.
CHECKS = ("decision_check", ("faq-roi", "faq-hourly-rate"))
MAX_CHECKS = 2


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
    preferred: Sequence[PointRef] = (),
) -> Decision:
    """The framed answer; `example` gives the costed-example sentence, or None without numbers;
    `lead` replaces the decision lead (a subject the article never discusses); `preferred` are
    the points the question's situation asks for first (bot.answer.situation)."""
    query = np.asarray(vector, dtype=np.float32)
    lines = [lead or prompts.text(lang, "decision_lead"), ""]
    cited: list[Hit] = []

    def point(row: int) -> str:
        unit = units.units[row]
        if not any(h.id == unit.chunk_id for h in cited):
            chunk = passages[(unit.chunk_id, lang)]
            score = round(float(units.vectors[row] @ query), 6)
            cited.append(Hit(chunk.id, chunk.title, lang, score, chunk.text, chunk.kind, lang))
        marker = next(n for n, h in enumerate(cited, 1) if h.id == unit.chunk_id)
        return f"{render_unit(unit)} [{marker}]"

    def add(label_key: str, rows: list[int], indent: str = "") -> None:
        if rows:
            said = " ".join(point(row) for row in rows)
            lines.append(f"{indent}- **{prompts.text(lang, label_key)}** {said}")

    # For, against, hidden costs; the side the question's situation points to first comes
    # first ("we handle patient records" leads with data security). Unit scores of different
    # entries do not compare well enough to order them (tried on eval/dev: it lost entry hits).
    first = next((s for s in SIDES for r in preferred[:1] if r.entry in s[1]), None)
    for label_key, entries in sorted(SIDES, key=lambda side: side is not first):
        row = _pick(entries, preferred, units, lang, query)
        if row is None:
            continue
        add(label_key, [row])
        remedy = _remedy(row, passages, preferred, units, lang)
        if remedy is not None:
            add("decision_remedy", [remedy], "  ")
    label_key, entries = CHECKS
    add(label_key, [unit_row(units, r, lang) for r in preferred if r.entry in entries][:MAX_CHECKS])
    if (sentence := example()) is not None:
        lines += ["", sentence]
    lines += ["", prompts.text(lang, "decision_brief_offer")]  # for this company: the brief
    return Decision("\n".join(lines), cited)


def _pick(entries, preferred, units: UnitIndex, lang: str, query, narrow=None) -> int | None:
    """The situation's first point among `entries`, else the first entry's closest bullet
    (among those `narrow` keeps, when it keeps any)."""
    for ref in preferred:
        if ref.entry in entries:
            return unit_row(units, ref, lang)
    rows = [r for r in units.rows(entries[0], lang) if units.units[r].bullet]
    rows = (narrow(rows) or rows) if narrow else rows
    return max(rows, key=lambda r: float(units.vectors[r] @ query)) if rows else None


def _remedy(row: int, passages, preferred, units: UnitIndex, lang: str) -> int | None:
    """For a challenge the article gives steps for, the step to show: the situation's own,
    else a step of the entries that handle it that is nearer this challenge than any other (the
    data-privacy step belongs to data security, not to quality control), the nearest of them;
    None when it gives none."""
    unit = units.units[row]
    handled = passages[(unit.chunk_id, lang)].handled_by
    if not unit.bullet or unit.position > len(handled) or not handled[unit.position - 1]:
        return None
    peers = [r for r in units.rows(unit.chunk_id, lang) if units.units[r].bullet]
    nearest = lambda step: max(peers, key=lambda p: float(units.vectors[p] @ units.vectors[step]))  # noqa: E731
    own = lambda steps: [r for r in steps if nearest(r) == row]  # noqa: E731
    return _pick(handled[unit.position - 1], preferred, units, lang, units.vectors[row], own)


def costed_example(
    cost: CostService,
    prompts: Prompts,
    text: str,
    lang: str,
    calls: list[ToolCall],
    previous: dict | None = None,
) -> str | None:
    """One estimate from the question's own numbers (on top of the conversation's request so
    far, `previous`), as a sentence (its call added to `calls`); None without a valid workload."""
    try:
        if previous:  # "we pay $18,000 in-house: worth switching?" after an estimate
            request = cost.request_from(cost.follow_up(previous, text))
        else:
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
    if (people := unlike_headcount(text, result.headcount)) is not None:
        # "worth it for a 4-person team?" after 24/7 seats: 4 seats are 25 people, not 4
        sized = result.to_json_dict()
        sentence += "\n\n" + prompts.text(lang, "unlike_headcount", people=people, **sized)
    return sentence


# "would outsourcing be cheaper?", "jadi lebih hemat nggak?": the saving asked of the in-house cost
SAVING_ASKED = re.compile(
    r"\b(?:cheaper|save|saves|saving|savings|less expensive|cost less|hemat|irit|lebih murah"
    r"|menghemat|penghematan|break(?:s|ing)?[- ]even|payback|balik modal|impas)\b"
)


def savings_first(text: str, body: str, calls: list[ToolCall], prompts: Prompts, lang: str) -> str:
    """A decision that asks whether outsourcing saves against the in-house cost it gives answers
    it (savings_lead) right after saying the article leaves the decision open; any other keeps
    its body."""
    lead = savings_lead(text, calls[-1].result if calls else {}, prompts, lang)
    if not lead:
        return body
    first, _, rest = body.partition("\n\n")  # what the article leaves open comes first
    return f"{first}\n\n{lead}\n\n{rest}"


def savings_lead(text: str, result: dict, prompts: Prompts, lang: str) -> str | None:
    """ "Yes/No, by this tool's estimate: ... a month less/more" when the question asks whether
    outsourcing saves and the estimate (`result`, as JSON) compares with an in-house cost."""
    cmp = result.get("comparison")
    if not cmp or not SAVING_ASKED.search(text.lower()):
        return None
    money = lambda v: fmt_money(v, lang)  # noqa: E731
    saving = cmp["monthly_savings_usd"]
    values = {
        "monthly": money(result["monthly_total_usd"]),
        "inhouse": fmt_stated(
            cmp["inhouse_monthly_usd"], result["inputs"].get("inhouse_monthly_idr"), lang
        ),
        "savings": money(abs(saving)),
    }
    lead = prompts.text(lang, "savings_yes" if saving >= 0 else "savings_no", **values)
    if (month := cmp.get("break_even_month")) is not None and saving > 0:  # the setup paid back
        lead += " " + prompts.text(lang, "savings_break_even", month=month)
    return lead
