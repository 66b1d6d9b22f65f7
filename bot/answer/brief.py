"""A decision brief: one manager's situation -> the cheapest location, its figures against the
in-house cost, what drives the cost, what moves it most, the risks the situation points to (each
with the article's step), the hidden costs, how to measure ROI, and what was assumed.

Every figure comes from the estimator (bot.cost), re-run per option, per cost factor and per
assumption moved 20%; every article point is a PointRef (entry#position), the same in both
languages, so the Indonesian and English briefs cite the same entries. Rendering is
bot.answer.brief_render's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from bot.answer.brief_input import Situation
from bot.answer.compose import split_units
from bot.answer.situation import PointRef
from bot.cost.estimate import CostResult, compare, estimate
from bot.cost.model import LOCATIONS, CostModel, Leaf
from bot.cost.request import validate_request
from bot.knowledge.corpus import Chunk

SECTIONS = (
    "bottom_line",
    "options",
    "drivers",
    "sensitivity",
    "risks",
    "hidden_costs",
    "roi",
    "assumed",
)
BAND = PointRef("faq-hourly-rate", 1)  # "rates can range from $10 to $50 per hour"
# The article's cost factors (factors#n) and the estimate line each produces.
FACTORS = {
    "location": (PointRef("factors", 3), "labour"),
    "coverage": (PointRef("factors", 4), "coverage_premium"),
    "languages": (PointRef("factors", 4), "language_premium"),
    "support_type": (PointRef("factors", 1), "labour"),
    "expertise": (PointRef("factors", 2), "labour"),
}
# The plainer value each factor is compared against ("business hours instead would cost ...").
_PLAIN = {"coverage": "business_hours", "support_type": "basic", "expertise": "standard"}
CHALLENGES = "challenges"
COMMUNICATION, QUALITY, DATA_SECURITY, CULTURE = (PointRef(CHALLENGES, n) for n in range(1, 5))
# The FAQ's hidden costs (faq-hidden-costs#n) and the estimate lines that cover each.
HIDDEN = (
    (PointRef("faq-hidden-costs", 1), ("setup_onboarding",)),
    (PointRef("faq-hidden-costs", 2), ("fees", "hidden_allowance")),
    (PointRef("faq-hidden-costs", 3), ("training_management", "hidden_allowance")),
)
ROI = tuple(PointRef("faq-roi", n) for n in range(1, 5))
SWING = Decimal("0.2")


@dataclass(frozen=True)
class Driver:
    factor: str  # coverage | languages | support_type | expertise | location
    ref: PointRef
    line: str  # the estimate line it produces
    line_usd: Decimal
    delta_usd: Decimal  # monthly difference against the plainer choice (domestic: dearer)


@dataclass(frozen=True)
class Swing:
    name: str  # contacts_per_month | agents | avg_handle_minutes | hourly_rate | ...
    values: tuple[Decimal, Decimal, Decimal]  # -20%, as now, +20%
    totals: tuple[Decimal, Decimal]  # total over the horizon at -20% and +20%

    @property
    def spread(self) -> Decimal:
        return abs(self.totals[1] - self.totals[0])


@dataclass(frozen=True)
class Risk:
    challenge: PointRef
    reason: str  # sensitive | languages | channels | quality | other
    steps: tuple[PointRef, ...]  # what the article says to do; () when it gives nothing


@dataclass(frozen=True)
class Brief:
    """Every section's content as values; figures in USD with the user's currency beside."""

    situation: Situation
    fields: dict[str, Any]  # the estimator's fields, location the cheapest
    options: tuple[tuple[str, CostResult], ...]  # per location
    best: str
    result: CostResult  # the cheapest option's estimate
    drivers: tuple[Driver, ...]
    swings: tuple[Swing, ...]
    growth: CostResult | None
    risks: tuple[Risk, ...]
    hidden: tuple[tuple[PointRef, tuple[str, ...]], ...]
    roi: tuple[PointRef, ...]
    currency: str  # USD | IDR: the one the user stated the in-house cost in
    idr_per_usd: Decimal
    rate_date: str

    def refs(self) -> list[PointRef]:
        """Every article point the brief cites, in reading order (numbering follows it)."""
        out = [BAND, *(d.ref for d in self.drivers)]
        for risk in self.risks:
            out += [risk.challenge, *risk.steps]
        out += [ref for ref, _ in self.hidden] + list(self.roi)
        return out

    def cited_ids(self) -> list[str]:
        """The cited entries in order of first citation: [1] is the first."""
        seen: list[str] = []
        for ref in self.refs():
            if ref.entry not in seen:
                seen.append(ref.entry)
        return seen


def build_brief(
    situation: Situation,
    model: CostModel,
    chunks: Mapping[str, Chunk],
    aspects: Mapping[str, list[PointRef]],
) -> Brief:
    """Estimate every option and variant of the situation; raise CostValidationError naming a
    field. `chunks` are one language's entries by id (only their structure is read)."""
    base = validate_request(situation.cost_fields).model_dump(exclude_none=True)

    def run(fields: Mapping[str, Any], on: CostModel = model) -> CostResult:
        return estimate(validate_request(fields), on)

    options = compare(validate_request(base), "location", None, model)  # CostService.compare's
    best, result = min(options, key=lambda o: (o[1].total_usd, LOCATIONS.index(o[0])))
    fields = {**base, "location": best}
    growth = None
    if situation.growth_pct and result.mode == "workload":
        grown = Decimal(fields["contacts_per_month"]) * (1 + situation.growth_pct / 100)
        growth = run({**fields, "contacts_per_month": max(1, _whole(grown))})
    # The currency the user stated a cost in; without one, the estimator's own (USD).
    currency = result.inputs.get("inhouse_currency") or "USD"
    return Brief(
        situation=situation,
        fields=fields,
        options=options,
        best=best,
        result=result,
        drivers=_drivers(result, fields, dict(options), run),
        swings=_swings(result, fields, model, run),
        growth=growth,
        risks=_risks(situation, result, chunks, aspects),
        hidden=HIDDEN,
        roi=ROI,
        currency=currency,
        idr_per_usd=model.currency.idr_per_usd.value,
        rate_date=model.currency.rate_date.value,
    )


def _whole(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _line(result: CostResult, key: str) -> Decimal:
    return next(line.amount_usd for line in result.lines if line.key == key)


def _drivers(
    result: CostResult,
    fields: dict[str, Any],
    by_location: dict[str, CostResult],
    run: Callable[..., CostResult],
) -> tuple[Driver, ...]:
    """The cost factors that apply, each with its line and what the plainer choice saves."""
    inputs, out = result.inputs, []
    for factor, plain in _PLAIN.items():
        if inputs[factor] != plain:
            without = run({**fields, factor: plain})
            ref, line = FACTORS[factor]
            delta = result.monthly_total_usd - without.monthly_total_usd
            out.append(Driver(factor, ref, line, _line(result, line), delta))
    if len(inputs["languages"]) > 1:
        without = run({**fields, "languages": list(inputs["languages"][:1])})
        ref, line = FACTORS["languages"]
        delta = result.monthly_total_usd - without.monthly_total_usd
        out.append(Driver("languages", ref, line, _line(result, line), delta))
    ref, line = FACTORS["location"]
    dearer = by_location["domestic"].monthly_total_usd - result.monthly_total_usd
    out.append(Driver("location", ref, line, _line(result, line), dearer))
    order = ("coverage", "languages", "support_type", "expertise", "location")
    return tuple(sorted(out, key=lambda d: order.index(d.factor)))


def _leaf(leaf: Leaf[Any], factor: Decimal) -> Leaf[Any]:
    return leaf.model_copy(update={"value": leaf.value * factor})


def _moved(model: CostModel, name: str, location: str, f: Decimal) -> CostModel:
    """The cost model with one assumption times f."""
    if name == "hourly_rate":
        rates = model.base_rate_usd_per_hour
        return model.model_copy(
            update={"base_rate_usd_per_hour": {**rates, location: _leaf(rates[location], f)}}
        )
    if name == "avg_handle_minutes":  # every channel's default handle time
        channels = {
            ch: spec.model_copy(update={"aht_minutes": _leaf(spec.aht_minutes, f)})
            for ch, spec in model.channels.items()
        }
        return model.model_copy(update={"channels": channels})
    if name == "shrinkage_pct":
        staffing = model.staffing
        moved = staffing.model_copy(update={name: _leaf(staffing.shrinkage_pct, f)})
        return model.model_copy(update={"staffing": moved})
    costs, key = model.costs, "technology_base_usd_per_agent_month"
    moved = costs.model_copy(update={key: _leaf(costs.technology_base_usd_per_agent_month, f)})
    return model.model_copy(update={"costs": moved})


def _swings(
    result: CostResult, fields: dict[str, Any], model: CostModel, run: Callable[..., CostResult]
) -> tuple[Swing, ...]:
    """The three assumptions whose 20% move changes the total most: a request field (volume or
    agents, a stated handle time) or a cost-model number, the estimator re-run for each."""
    factors = (1 - SWING, 1 + SWING)
    location = result.inputs["location"]
    # (name, value now, the request field it is, or None for a cost-model number)
    moves: list[tuple[str, Decimal, str | None]] = []
    if result.mode == "workload":
        moves.append(
            ("contacts_per_month", Decimal(fields["contacts_per_month"]), "contacts_per_month")
        )
        if "avg_handle_minutes" in fields:
            stated = Decimal(str(fields["avg_handle_minutes"]))
            moves.append(("avg_handle_minutes", stated, "avg_handle_minutes"))
        else:
            first = model.channels[result.inputs["channels"][0]].aht_minutes.value
            moves.append(("avg_handle_minutes", first, None))
    else:
        moves.append(("agents", Decimal(result.seats), "agents"))
    moves.append(("hourly_rate", result.hourly_rate_usd, None))
    moves.append(("shrinkage_pct", model.staffing.shrinkage_pct.value, None))
    moves.append(("technology", model.costs.technology_base_usd_per_agent_month.value, None))
    candidates = []
    for name, now, field_name in moves:
        if field_name in ("contacts_per_month", "agents"):
            values = [Decimal(max(1, _whole(now * f))) for f in factors]
            variants = [run({**fields, field_name: int(v)}) for v in values]
        elif field_name is not None:
            values = [now * f for f in factors]
            variants = [run({**fields, field_name: float(v)}) for v in values]
        else:
            values = [now * f for f in factors]
            variants = [run(fields, _moved(model, name, location, f)) for f in factors]
        totals = (variants[0].total_usd, variants[1].total_usd)
        candidates.append(Swing(name, (values[0], now, values[1]), totals))
    ranked = sorted(enumerate(candidates), key=lambda c: (-c[1].spread, c[0]))
    return tuple(swing for _, swing in ranked[:3])


def _risks(
    situation: Situation,
    result: CostResult,
    chunks: Mapping[str, Chunk],
    aspects: Mapping[str, list[PointRef]],
) -> tuple[Risk, ...]:
    """Every challenge of the article, the ones the situation points to first, each with the
    steps its handled_by entries give (all of a FAQ's; the best practices aspects.yaml names)."""
    reasons: dict[PointRef, str] = {}
    if situation.sensitivity in ("personal", "financial_or_health"):
        reasons[DATA_SECURITY] = "sensitive"
    said = set(situation.situations)
    if len(result.inputs["languages"]) > 1 or said & {"languages", "local_customers"}:
        reasons.setdefault(COMMUNICATION, "languages")
        reasons.setdefault(CULTURE, "languages")
    if len(result.inputs["channels"]) > 1:
        reasons.setdefault(QUALITY, "channels")
    elif "quality" in said:
        reasons.setdefault(QUALITY, "quality")
    if "sensitive_data" in said:
        reasons.setdefault(DATA_SECURITY, "sensitive")
    ordered = list(reasons) + [
        c for c in (COMMUNICATION, QUALITY, DATA_SECURITY, CULTURE) if c not in reasons
    ]
    handled_by = chunks[CHALLENGES].handled_by
    out = []
    for challenge in ordered:
        steps: list[PointRef] = []
        for entry in handled_by[challenge.position - 1]:
            named = [
                ref
                for refs in aspects.values()
                if challenge in refs
                for ref in refs
                if ref.entry == entry
            ]
            if entry.startswith("faq-") or not named:  # a FAQ's steps are all its bullets
                named = [PointRef(entry, n) for n in _bullets(chunks[entry])]
            steps += [
                ref for ref in sorted(set(named), key=lambda r: r.position) if ref not in steps
            ]
        out.append(Risk(challenge, reasons.get(challenge, "other"), tuple(steps)))
    return tuple(out)


def _bullets(chunk: Chunk) -> list[int]:
    return [unit.position for unit in split_units(chunk) if unit.bullet]
