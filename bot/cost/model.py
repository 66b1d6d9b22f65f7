"""The estimator's editable cost model: corpus/cost_model.yaml holds every rate, percentage and
hour count, each with its source; the loader refuses a file that breaks the estimator's promises.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import product
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar, get_args

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    model_validator,
)

from bot.yamlio import read_yaml

Location = Literal["offshore", "nearshore", "domestic"]
Coverage = Literal["business_hours", "extended", "24x7"]
Channel = Literal["phone", "email", "chat", "social_media"]
SupportType = Literal["basic", "technical"]
Expertise = Literal["standard", "skilled", "specialist"]
Source = Literal["article", "assumption"]

LOCATIONS: tuple[str, ...] = get_args(Location)
COVERAGES: tuple[str, ...] = get_args(Coverage)
CHANNELS: tuple[str, ...] = get_args(Channel)
SUPPORT_TYPES: tuple[str, ...] = get_args(SupportType)
EXPERTISE_LEVELS: tuple[str, ...] = get_args(Expertise)

T = TypeVar("T")


class CostModelError(ValueError):
    """The cost model or phrase file is malformed or breaks an invariant."""


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Leaf(_Frozen, Generic[T]):
    """One editable number or choice with where it comes from."""

    value: T
    source: Source
    note: str = ""


D = Leaf[Decimal]


class Band(_Frozen):
    min: D
    max: D


class Staffing(_Frozen):
    paid_hours_per_fte_month: D
    shrinkage_pct: D
    service_level_pct: D
    answer_within_seconds: D
    email_response_hours: D
    max_occupancy_pct: D
    max_seats: Leaf[int]


class ChannelModel(_Frozen):
    queue: Leaf[Literal["realtime", "deferred"]]
    aht_minutes: D
    concurrency: D
    technology_usd_per_agent_month: D


class Costs(_Frozen):
    technology_base_usd_per_agent_month: D
    training_management_pct_of_labour: D
    fees_pct_of_labour: D
    extra_language_premium_pct: D
    hidden_cost_allowance_pct: D
    setup_fee_usd: D
    onboarding_hours_per_agent: D


class Calendar(_Frozen):
    days_per_month: D
    weeks_per_month: D
    working_days_per_month: D


class Currency(_Frozen):
    idr_per_usd: D
    rate_date: Leaf[str]


class Defaults(_Frozen):
    agents: Leaf[int]
    channels: Leaf[tuple[Channel, ...]]
    support_type: Leaf[SupportType]
    expertise: Leaf[Expertise]
    location: Leaf[Location]
    coverage: Leaf[Coverage]
    languages: Leaf[tuple[str, ...]]
    months: Leaf[int]


def _ascending(table: dict[str, D], order: tuple[str, ...], name: str) -> None:
    if set(table) != set(order):
        raise CostModelError(f"{name} must list exactly {', '.join(order)}")
    values = [table[key].value for key in order]
    if values != sorted(values) or values[0] < 0:
        raise CostModelError(f"{name} must be >= 0 and non-decreasing in the order {order}")


class CostModel(_Frozen):
    """Every rate, percentage and hour count the estimator uses, each with its source."""

    rate_band_usd_per_hour: Band
    base_rate_usd_per_hour: dict[Location, D]
    support_type_multiplier: dict[SupportType, D]
    expertise_multiplier: dict[Expertise, D]
    coverage_hours_per_month: dict[Coverage, D]
    coverage_premium_pct: dict[Coverage, D]
    channels: dict[Channel, ChannelModel]
    staffing: Staffing
    costs: Costs
    calendar: Calendar
    currency: Currency
    defaults: Defaults
    path: str = Field(default="", description="File the model was read from.")

    @model_validator(mode="after")
    def _check(self) -> CostModel:
        """Reject edits that would break the band or the monotone properties."""
        _ascending(self.base_rate_usd_per_hour, LOCATIONS, "base_rate_usd_per_hour")
        _ascending(self.support_type_multiplier, SUPPORT_TYPES, "support_type_multiplier")
        _ascending(self.expertise_multiplier, EXPERTISE_LEVELS, "expertise_multiplier")
        _ascending(self.coverage_hours_per_month, COVERAGES, "coverage_hours_per_month")
        _ascending(self.coverage_premium_pct, COVERAGES, "coverage_premium_pct")
        if set(self.channels) != set(CHANNELS):
            raise CostModelError(f"channels must list exactly {', '.join(CHANNELS)}")
        low, high = self.rate_band_usd_per_hour.min.value, self.rate_band_usd_per_hour.max.value
        for combo in product(LOCATIONS, SUPPORT_TYPES, EXPERTISE_LEVELS):
            rate = self.hourly_rate(*combo)
            if not low <= rate <= high:
                raise CostModelError(f"hourly rate {rate} for {combo} is outside ${low}-${high}")
        for name, low, high in (("shrinkage_pct", 0, 95), ("service_level_pct", 1, 99.9)):
            if not low <= getattr(self.staffing, name).value <= high:
                raise CostModelError(f"staffing.{name} must be between {low} and {high}")
        if not 1 <= self.staffing.max_occupancy_pct.value <= 100:
            raise CostModelError("staffing.max_occupancy_pct must be between 1 and 100")
        if any(
            ch.concurrency.value <= 0 or ch.aht_minutes.value <= 0 for ch in self.channels.values()
        ):
            raise CostModelError("channel aht_minutes and concurrency must be > 0")
        if self.currency.idr_per_usd.value <= 0:
            raise CostModelError("currency.idr_per_usd must be > 0")
        if any(isinstance(x.value, Decimal) and x.value < 0 for x in self.leaves().values()):
            raise CostModelError("no number in the cost model may be negative")
        return self

    def hourly_rate(self, location: str, support_type: str, expertise: str) -> Decimal:
        """Return the unrounded hourly rate for one combination of the rate factors."""
        return (
            self.base_rate_usd_per_hour[location].value  # type: ignore[index]
            * self.support_type_multiplier[support_type].value  # type: ignore[index]
            * self.expertise_multiplier[expertise].value  # type: ignore[index]
        )

    def leaves(self) -> dict[str, Leaf[Any]]:
        """Return every editable entry by its dotted key (e.g. 'staffing.shrinkage_pct')."""
        found: dict[str, Leaf[Any]] = {}

        def walk(prefix: str, node: object) -> None:
            if isinstance(node, Leaf):
                found[prefix] = node
            elif isinstance(node, BaseModel):
                for name in type(node).model_fields:
                    walk(f"{prefix}.{name}" if prefix else name, getattr(node, name))
            elif isinstance(node, dict):
                for key, child in node.items():
                    walk(f"{prefix}.{key}", child)

        walk("", self)
        return found


def load_cost_model(path: Path) -> CostModel:
    """Read and check a cost model file; raise CostModelError naming what is wrong."""
    try:
        raw = read_yaml(path)
        return CostModel.model_validate({**raw, "path": str(path)})
    except (OSError, yaml.YAMLError, ValueError, TypeError) as exc:
        raise CostModelError(f"{path}: {exc}") from exc
