"""Deterministic cost estimator: request -> staffing -> cost lines -> totals.

Pure: the numbers come from a CostModel (corpus/cost_model.yaml, read once through
bot.cost.model when none is passed). Money is Decimal; each figure is rounded once, at the end,
and every total is the exact sum of its rounded lines.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from bot.cost.erlang import ChannelSeats, QueueSpec, TooManySeats, staff_workload
from bot.cost.model import CostModel
from bot.cost.request import OPTIONS, CostRequest, CostValidationError, Issue, validate_request

__all__ = [
    "CostLine",
    "CostRequest",
    "CostResult",
    "CostValidationError",
    "compare",
    "estimate",
    "validate_request",
]

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class CostLine:
    """One cost component, monthly or one-time, with the numbers it was computed from."""

    key: str
    kind: str  # "monthly" | "one_time"
    amount_usd: Decimal
    basis: dict[str, Any]


@dataclass(frozen=True)
class Comparison:
    """Outsourced against the user's in-house monthly cost over the contract horizon."""

    inhouse_monthly_usd: Decimal
    monthly_savings_usd: Decimal
    horizon_savings_usd: Decimal
    roi_pct: Decimal
    break_even_month: int | None


@dataclass(frozen=True)
class CostResult:
    """Every figure of one estimate and where it comes from."""

    inputs: dict[str, Any]
    defaults_used: tuple[str, ...]
    hourly_rate_usd: Decimal
    rate_parts: dict[str, Decimal]
    article_band_usd: tuple[Decimal, Decimal]
    mode: str  # "agents" | "workload"
    seats: int
    channel_seats: tuple[ChannelSeats, ...]
    covered_hours_per_month: Decimal
    agent_hours_per_month: Decimal
    fte: Decimal
    headcount: int
    lines: tuple[CostLine, ...]
    monthly_total_usd: Decimal
    all_in_usd_per_agent_hour: Decimal  # monthly total over agent-hours: every line included
    one_time_total_usd: Decimal
    months: int
    total_usd: Decimal
    cost_per_contact_usd: Decimal | None
    comparison: Comparison | None
    assumptions: tuple[tuple[str, Any, str], ...]

    def to_json_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict; money and rates are plain numbers (USD)."""
        data = asdict(self)
        data["currency"] = "USD"
        data["assumptions"] = [{"key": k, "value": v, "source": s} for k, v, s in self.assumptions]
        return _jsonable(data)

    def to_json(self) -> str:
        """Return byte-stable JSON: sorted keys, shortest round-trip floats."""
        return json.dumps(self.to_json_dict(), sort_keys=True, ensure_ascii=False, indent=2)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _too_many(field: str, model: CostModel) -> CostValidationError:
    return CostValidationError(
        [Issue(field, "too_many_seats", {"limit": model.staffing.max_seats.value})]
    )


def _workload_seats(
    request: CostRequest, model: CostModel, channels: Sequence[str], hours: Decimal, used: list[str]
) -> tuple[ChannelSeats, ...]:
    st = model.staffing
    specs = [
        QueueSpec(
            ch,
            model.channels[ch].queue.value == "realtime",  # type: ignore[index]
            request.avg_handle_minutes or float(model.channels[ch].aht_minutes.value),  # type: ignore[index]
            float(model.channels[ch].concurrency.value),  # type: ignore[index]
        )
        for ch in channels
    ]
    needed = {"avg_handle_minutes", "service_level_pct"}
    needed |= {"answer_within_seconds" if q.realtime else "email_response_hours" for q in specs}
    used.extend(sorted(name for name in needed if getattr(request, name) is None))
    try:
        return staff_workload(
            request.contacts_per_month or 0,
            specs,
            hours,
            request.service_level_pct or float(st.service_level_pct.value),
            request.answer_within_seconds or float(st.answer_within_seconds.value),
            request.email_response_hours or float(st.email_response_hours.value),
            float(st.max_occupancy_pct.value),
            st.max_seats.value,
        )
    except TooManySeats:
        raise _too_many("contacts_per_month", model) from None


def _comparison(inhouse: Decimal, monthly: Decimal, one_time: Decimal, months: int) -> Comparison:
    savings = inhouse - monthly
    outsourced = monthly * months + one_time
    horizon = inhouse * months - outsourced
    break_even = max(1, math.ceil(one_time / savings)) if savings > 0 else None
    roi = (horizon / outsourced * HUNDRED).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return Comparison(_money(inhouse), _money(savings), _money(horizon), roi, break_even)


def estimate(request: CostRequest, model: CostModel) -> CostResult:
    """Estimate the monthly and contract cost of outsourced support for one request."""
    used: list[str] = []

    def pick(name: str) -> Any:
        value = getattr(request, name)
        if value is None:
            used.append(name)
            return getattr(model.defaults, name).value
        return value

    channels, location, coverage = pick("channels"), pick("location"), pick("coverage")
    support_type, expertise = pick("support_type"), pick("expertise")
    languages, months = pick("languages"), pick("months")
    hours = model.coverage_hours_per_month[coverage].value
    plans: tuple[ChannelSeats, ...] = ()
    if request.agents is None and request.contacts_per_month is not None:
        plans = _workload_seats(request, model, channels, hours, used)
        seats = sum(p.seats for p in plans)
    else:
        seats = pick("agents")
        if seats > model.staffing.max_seats.value:
            raise _too_many("agents", model)
    rate = model.hourly_rate(location, support_type, expertise)
    st = model.staffing
    agent_hours = hours * seats
    fte = agent_hours / st.paid_hours_per_fte_month.value / (1 - st.shrinkage_pct.value / HUNDRED)
    headcount = math.ceil(fte)
    lines = _lines(model, rate, agent_hours, headcount, channels, coverage, len(languages))
    monthly_total = sum((ln.amount_usd for ln in lines if ln.kind == "monthly"), Decimal(0))
    one_time = sum((ln.amount_usd for ln in lines if ln.kind == "one_time"), Decimal(0))
    contacts, inhouse = request.contacts_per_month, request.inhouse_monthly_usd
    if request.inhouse_monthly_idr is not None:  # stated in Rupiah: the model's rate makes it USD
        inhouse = _money(request.inhouse_monthly_idr / model.currency.idr_per_usd.value)
    mode = "workload" if plans else "agents"
    return CostResult(
        inputs={
            "agents": seats if mode == "agents" else None,
            "contacts_per_month": contacts,
            "channels": channels,
            "support_type": support_type,
            "expertise": expertise,
            "location": location,
            "coverage": coverage,
            "languages": languages,
            "months": months,
            "inhouse_monthly_usd": inhouse,
            "inhouse_monthly_idr": request.inhouse_monthly_idr,
            "inhouse_currency": "IDR"
            if request.inhouse_monthly_idr is not None
            else ("USD" if inhouse is not None else None),
        },
        defaults_used=tuple(sorted(set(used))),
        hourly_rate_usd=rate,
        rate_parts={
            "base_usd": model.base_rate_usd_per_hour[location].value,
            "support_type_multiplier": model.support_type_multiplier[support_type].value,
            "expertise_multiplier": model.expertise_multiplier[expertise].value,
        },
        article_band_usd=(
            model.rate_band_usd_per_hour.min.value,
            model.rate_band_usd_per_hour.max.value,
        ),
        mode=mode,
        seats=seats,
        channel_seats=plans,
        covered_hours_per_month=hours,
        agent_hours_per_month=agent_hours,
        fte=_money(fte),
        headcount=headcount,
        lines=lines,
        monthly_total_usd=monthly_total,
        all_in_usd_per_agent_hour=_money(monthly_total / agent_hours),
        one_time_total_usd=one_time,
        months=months,
        total_usd=monthly_total * months + one_time,
        cost_per_contact_usd=_money(monthly_total / contacts) if contacts else None,
        comparison=_comparison(inhouse, monthly_total, one_time, months) if inhouse else None,
        assumptions=_assumptions(
            model, mode, channels, (location, support_type, expertise, coverage), used
        )
        + _currency_assumptions(model, request),
    )


def _lines(
    model: CostModel,
    rate: Decimal,
    agent_hours: Decimal,
    headcount: int,
    channels: Sequence[str],
    coverage: str,
    n_languages: int,
) -> tuple[CostLine, ...]:
    c = model.costs
    labour = agent_hours * rate
    tech = c.technology_base_usd_per_agent_month.value + sum(
        (model.channels[ch].technology_usd_per_agent_month.value for ch in channels),  # type: ignore[index]
        Decimal(0),
    )
    share = {
        "training_management": c.training_management_pct_of_labour.value,
        "fees": c.fees_pct_of_labour.value,
        "coverage_premium": model.coverage_premium_pct[coverage].value,  # type: ignore[index]
        "language_premium": c.extra_language_premium_pct.value * (n_languages - 1),
    }
    monthly: dict[str, tuple[Decimal, dict[str, Any]]] = {
        "labour": (labour, {"agent_hours": agent_hours, "rate_usd": rate}),
        "technology": (headcount * tech, {"headcount": headcount, "usd_per_agent": tech}),
    }
    for key, pct in share.items():
        monthly[key] = (labour * pct / HUNDRED, {"pct_of_labour": pct})
    monthly["language_premium"][1].update(
        pct_per_language=c.extra_language_premium_pct.value, extra_languages=n_languages - 1
    )
    subtotal = sum((amount for amount, _ in monthly.values()), Decimal(0))
    hidden_pct = c.hidden_cost_allowance_pct.value
    monthly["hidden_allowance"] = (
        subtotal * hidden_pct / HUNDRED,
        {"pct_of_subtotal": hidden_pct, "subtotal_usd": _money(subtotal)},
    )
    onboarding_hours = c.onboarding_hours_per_agent.value
    setup = c.setup_fee_usd.value + onboarding_hours * headcount * rate
    setup_basis = {"setup_fee_usd": c.setup_fee_usd.value, "headcount": headcount}
    setup_basis |= {"hours_per_agent": onboarding_hours, "rate_usd": rate}
    return tuple(CostLine(k, "monthly", _money(a), b) for k, (a, b) in monthly.items()) + (
        CostLine("setup_onboarding", "one_time", _money(setup), setup_basis),
    )


def _assumptions(
    model: CostModel, mode: str, channels: Sequence[str], choice: Sequence[str], used: Sequence[str]
) -> tuple[tuple[str, Any, str], ...]:
    location, support_type, expertise, coverage = choice
    keys = ["rate_band_usd_per_hour.min", "rate_band_usd_per_hour.max"]
    keys += [f"base_rate_usd_per_hour.{location}", f"support_type_multiplier.{support_type}"]
    keys += [f"expertise_multiplier.{expertise}", f"coverage_hours_per_month.{coverage}"]
    keys += [f"coverage_premium_pct.{coverage}", "staffing.paid_hours_per_fte_month"]
    keys += ["staffing.shrinkage_pct"]
    keys += [f"channels.{ch}.technology_usd_per_agent_month" for ch in channels]
    if mode == "workload":
        keys += ["staffing.max_occupancy_pct"]
        keys += [
            f"channels.{ch}.{k}" for ch in channels for k in ("queue", "aht_minutes", "concurrency")
        ]
        keys += [
            f"staffing.{n}" for n in sorted(set(used)) if n in type(model.staffing).model_fields
        ]
    keys += [f"costs.{name}" for name in type(model.costs).model_fields]
    keys += [f"defaults.{n}" for n in sorted(set(used)) if n in type(model.defaults).model_fields]
    leaves = model.leaves()
    return tuple((key, leaves[key].value, leaves[key].source) for key in keys)


def _currency_assumptions(
    model: CostModel, request: CostRequest
) -> tuple[tuple[str, Any, str], ...]:
    """The exchange rate and its date, when the in-house cost was stated in Rupiah."""
    if request.inhouse_monthly_idr is None:
        return ()
    leaves = model.leaves()
    return tuple(
        (key, leaves[key].value, leaves[key].source)
        for key in ("currency.idr_per_usd", "currency.rate_date")
    )


def compare(
    request: CostRequest,
    field: str,
    values: Sequence[Any] | None,
    model: CostModel,
) -> tuple[tuple[str, CostResult], ...]:
    """Estimate the request once per value of one field (all options when values is None)."""
    if field not in CostRequest.model_fields:
        raise CostValidationError([Issue(field, "unknown_field", {"value": field})])
    if values is None:
        if field not in OPTIONS:
            raise CostValidationError([Issue(field, "compare_needs_values", {"value": field})])
        values = [[v] if field == "channels" else v for v in OPTIONS[field]]
    base = request.model_dump(exclude_none=True)
    labels = [",".join(map(str, v)) if isinstance(v, list | tuple) else str(v) for v in values]
    variants = [validate_request({**base, field: v}) for v in values]
    return tuple(
        (label, estimate(variant, model)) for label, variant in zip(labels, variants, strict=True)
    )
