"""The estimator's request schema: CostRequest is the boundary schema for the CLI, the chain, the
API and the LLM tool; CostValidationError names the offending field, as data."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from bot.cost.model import (
    CHANNELS,
    COVERAGES,
    EXPERTISE_LEVELS,
    LOCATIONS,
    SUPPORT_TYPES,
    Channel,
    Coverage,
    Expertise,
    Location,
    SupportType,
)

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
_CODES |= {"one_currency": "one_currency"}
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
        if err["type"] == "one_currency":
            field = "inhouse_monthly_idr"
        value = err.get("input")
        ctx: dict[str, Any] = {"value": value if isinstance(value, str | int | float) else ""}
        code = _code(err["type"])
        if code in _LIMITS:
            ctx["limit"] = err.get("ctx", {}).get(_LIMITS[code], "")
        if code == "not_option":
            ctx["options"] = ", ".join(OPTIONS.get(field, ()))
        issues.append(Issue(field, code, ctx))
    return CostValidationError(issues)


NUMBER_FIELDS = (
    "avg_handle_minutes",
    "service_level_pct",
    "answer_within_seconds",
    "email_response_hours",
    "inhouse_monthly_usd",
    "inhouse_monthly_idr",
)
KNOWN_LANGUAGES = frozenset(
    "ar de en es fil fr hi id it ja jv ko ms nl pt ru su th tl vi zh".split()
)
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
    inhouse_monthly_idr: Decimal | None = Field(
        None,
        gt=0,
        le=10_000_000_000_000,
        description="The same in Rupiah instead of USD; converted at the cost model's rate.",
    )

    @model_validator(mode="after")
    def _one_currency(self) -> CostRequest:
        if self.inhouse_monthly_usd is not None and self.inhouse_monthly_idr is not None:
            raise PydanticCustomError("one_currency", "give the in-house cost in one currency")
        return self

    @field_validator("agents", "contacts_per_month", "months", mode="before")
    @classmethod
    def _no_bool_int(cls, value: Any) -> Any:
        # pydantic's lax mode reads JSON true as 1: {"agents": true} would be one agent.
        if isinstance(value, bool):
            raise PydanticCustomError("int_type", "a boolean is not a whole number")
        return value

    @field_validator(*NUMBER_FIELDS, mode="before")
    @classmethod
    def _no_bool_number(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise PydanticCustomError("float_type", "a boolean is not a number")
        return value

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
