"""Validated inputs of the estimator: the editable cost model file and the request schema.

corpus/cost_model.yaml holds every rate, percentage and hour count, each with its source; the
loader refuses a file that breaks the estimator's promises. CostRequest is the boundary schema
for the CLI, the chain and the LLM tool; CostValidationError names the offending field.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import product
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar, get_args

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

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
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return CostModel.model_validate({**raw, "path": str(path)})
    except (OSError, yaml.YAMLError, ValueError, TypeError) as exc:
        raise CostModelError(f"{path}: {exc}") from exc


OPTIONS: dict[str, tuple[str, ...]] = {
    "location": LOCATIONS,
    "coverage": COVERAGES,
    "support_type": SUPPORT_TYPES,
    "expertise": EXPERTISE_LEVELS,
    "channels": CHANNELS,
}


@dataclass(frozen=True)
class Issue:
    """One invalid field: what is wrong with it, for a message in either language."""

    field: str
    code: str
    ctx: Mapping[str, Any]


class CostValidationError(Exception):
    """Invalid cost input, as data: bot.cost.render words it in the user's language."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = tuple(issues)
        super().__init__("; ".join(f"{i.field}: {i.code}" for i in self.issues))

    @property
    def field(self) -> str:
        return self.issues[0].field


_LIMITS = {
    "greater_than_equal": "ge",
    "greater_than": "gt",
    "less_than_equal": "le",
    "less_than": "lt",
}
_CODES = {"literal_error": "not_option", "extra_forbidden": "unknown_field", "too_short": "empty"}
_CODES |= {"too_long": "too_many", "unknown_language": "unknown_language"}
_CODES |= {k: k for k in _LIMITS}


def _code(kind: str) -> str:
    if kind.startswith("int_"):
        return "not_integer"
    if kind.startswith(("float_", "decimal_")):
        return "not_number"
    return _CODES.get(kind, "invalid")


def issues_from(error: ValidationError) -> CostValidationError:
    """Turn a pydantic ValidationError into a CostValidationError naming each field."""
    issues = []
    for err in error.errors():
        field = str(err["loc"][0]) if err["loc"] else "request"
        value = err.get("input")
        ctx: dict[str, Any] = {"value": value if isinstance(value, str | int | float) else ""}
        code = _code(err["type"])
        if code in _LIMITS:
            ctx["limit"] = err.get("ctx", {}).get(_LIMITS[code], "")
        if code == "not_option":
            ctx["options"] = ", ".join(OPTIONS.get(field, ()))
        issues.append(Issue(field, code, ctx))
    return CostValidationError(issues)


KNOWN_LANGUAGES = frozenset("ar de en es fil fr hi id it ja jv ko ms nl pt ru su th vi zh".split())
# Spellings accepted for the enumerated fields besides their canonical values.
_ALIASES = dict(
    pair.split("=")
    for pair in "24/7=24x7 24_7=24x7 247=24x7 business=business_hours office_hours=business_hours "
    "social=social_media tech=technical specialised=specialist specialized=specialist".split()
)


def _norm(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    return _ALIASES.get(key, key)


class CostRequest(BaseModel):
    """What to estimate; a field left out takes its default from cost_model.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    agents: int | None = Field(
        None, ge=1, le=10_000, description="Seats staffed at the same time in the covered hours."
    )
    contacts_per_month: int | None = Field(
        None, ge=1, le=10_000_000, description="Monthly contacts; sizes the seats if agents unset."
    )
    avg_handle_minutes: float | None = Field(
        None, gt=0, le=240, description="Average handle time; default per channel (phone 6)."
    )
    service_level_pct: float | None = Field(
        None, gt=0, lt=100, description="Percent answered within the target; default 80."
    )
    answer_within_seconds: float | None = Field(
        None, gt=0, le=3600, description="Phone and chat answer target, seconds; default 20."
    )
    email_response_hours: float | None = Field(
        None, gt=0, le=168, description="Email and social response target, hours; default 24."
    )
    channels: tuple[Channel, ...] | None = Field(
        None, min_length=1, max_length=4, description="Channels served; default ['phone']."
    )
    support_type: SupportType | None = Field(None, description="Default 'basic'.")
    expertise: Expertise | None = Field(None, description="Default 'standard'.")
    location: Location | None = Field(
        None, description="Provider location relative to you; default 'nearshore'."
    )
    coverage: Coverage | None = Field(None, description="Default 'business_hours'.")
    languages: tuple[str, ...] | None = Field(
        None, min_length=1, max_length=10, description="ISO 639-1 codes; default ['id']."
    )
    months: int | None = Field(None, ge=1, le=120, description="Contract horizon; default 12.")
    inhouse_monthly_usd: Decimal | None = Field(
        None, gt=0, le=1_000_000_000, description="Your in-house monthly cost, for savings and ROI."
    )

    @field_validator("location", "coverage", "support_type", "expertise", mode="before")
    @classmethod
    def _alias(cls, value: Any) -> Any:
        return _norm(value)

    @field_validator("channels", "languages", mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [part for part in value.replace(";", ",").split(",") if part.strip()]
        return [_norm(item) for item in value] if isinstance(value, list | tuple) else value

    @field_validator("channels")
    @classmethod
    def _order_channels(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        return None if value is None else tuple(c for c in CHANNELS if c in value)

    @field_validator("languages")
    @classmethod
    def _check_languages(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        for code in value or ():
            if code not in KNOWN_LANGUAGES:
                raise PydanticCustomError("unknown_language", "unknown language", {"value": code})
        return None if value is None else tuple(sorted(set(value)))


def validate_request(data: Mapping[str, Any]) -> CostRequest:
    """Build a CostRequest from loose input; raise CostValidationError naming the field."""
    try:
        return CostRequest.model_validate(dict(data))
    except ValidationError as exc:
        raise issues_from(exc) from None
