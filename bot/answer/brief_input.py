"""What a decision brief is about: a manager's situation, from free text in either language or from
fields (everything the estimator takes, plus the in-house team, data sensitivity and growth).

The estimator's own parser reads the workload and the in-house cost (in Rupiah or USD); this
module adds what only a brief asks: how many people the in-house team has, how sensitive the data
is, what growth is expected. What the text leaves out stays unset, so the brief can name it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from bot.cost.request import CostRequest, CostValidationError, Issue
from bot.cost.service import CostService

SENSITIVITIES = ("none", "personal", "financial_or_health")
# Words that show how sensitive the customers' data is, both languages (checked most sensitive
# first: "data pribadi dan pembayaran" is financial).
_SENSITIVE = {
    "financial_or_health": r"pembayaran|payments?|kartu kredit|credit cards?|\bbank\w*|keuangan"
    r"|financ\w*|fintech|asuransi|insurance|kesehatan|health\w*|medis|medical|pasien|patients?"
    r"|rekam medis|klinik|clinics?|rumah sakit|hospitals?",
    "personal": r"data pribadi|personal data|personal information|sensitif|sensitive|privasi"
    r"|privacy|\bktp\b|rahasia|confidential",
    "none": r"tidak sensitif|not sensitive|no sensitive|tanpa data sensitif",
}
_GROWTH = (
    r"(?:tumbuh|naik|bertambah|growth|grow\w*|increase\w*|pertumbuhan)\D{0,25}?(\d+(?:[.,]\d+)?)\s*%"
    r"|(\d+(?:[.,]\d+)?)\s*%\s*(?:growth|pertumbuhan|more|lebih banyak|per tahun|a year)"
)
# Spellings accepted for the sensitivity field besides its values ("--sensitivity financial").
_LEVELS = dict.fromkeys(
    ("financial", "health", "keuangan", "kesehatan", "medical", "payment"), "financial_or_health"
)
_LEVELS |= dict.fromkeys(("pribadi", "personal_data", "data_pribadi"), "personal")
_LEVELS |= dict.fromkeys(("no", "tidak", "tidak_ada", "not_sensitive"), "none")
BRIEF_FIELDS = ("inhouse_people", "inhouse_monthly", "sensitivity", "growth_pct", "text")


@dataclass(frozen=True)
class Situation:
    """The estimator's fields and what only the brief uses; None: not stated."""

    cost_fields: dict[str, Any]
    inhouse_people: int | None = None
    sensitivity: str | None = None
    growth_pct: Decimal | None = None
    seats_from_people: bool = False  # no volume given: the seats are the in-house team
    text: str = ""
    situations: tuple[str, ...] = field(default=())  # aspects.yaml names the text describes


def sensitivity_of(text: str) -> str | None:
    """The data sensitivity a text states, or None."""
    lowered = " ".join(text.lower().split())
    for level in ("none", "financial_or_health", "personal"):
        if re.search(rf"(?:{_SENSITIVE[level]})", lowered):
            return level
    return None


def growth_of(text: str) -> Decimal | None:
    """The growth a text expects, in percent ("tumbuh 30%", "30% growth"), or None."""
    m = re.search(_GROWTH, text.lower())
    return Decimal((m.group(1) or m.group(2)).replace(",", ".")) if m else None


def _issue(name: str, code: str, value: Any, **ctx: Any) -> CostValidationError:
    return CostValidationError([Issue(name, code, {"value": str(value)[:60], **ctx})])


def _money(service: CostService, value: Any) -> dict[str, Any]:
    """An in-house monthly cost as a field: a number is USD; text may say Rupiah ("180jt")."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return {"inhouse_monthly_usd": value}
    found = service.parse_fields(f"in-house {value}", inhouse=True)
    amount = {k: v for k, v in found.items() if k.startswith("inhouse_monthly_")}
    if not amount:
        raise _issue("inhouse_monthly", "not_money", value)
    return amount


def read_situation(
    service: CostService,
    text: str = "",
    fields: Mapping[str, Any] | None = None,
    situations: tuple[str, ...] = (),
) -> Situation:
    """Merge what the text says with the fields given (fields win); raise CostValidationError
    naming a field the user knows."""
    given = dict(fields or {})
    unknown = [k for k in given if k not in CostRequest.model_fields and k not in BRIEF_FIELDS]
    if unknown:
        raise _issue(unknown[0], "unknown_field", unknown[0])
    parsed = service.parse_fields(text, inhouse=True) if text.strip() else {}
    people = parsed.pop("agents", None)  # a brief's text counts the team it has now
    cost_fields = {**parsed, **{k: v for k, v in given.items() if k in CostRequest.model_fields}}
    if given.get("inhouse_monthly") not in (None, ""):
        for key in ("inhouse_monthly_usd", "inhouse_monthly_idr"):
            cost_fields.pop(key, None)
        cost_fields |= _money(service, given["inhouse_monthly"])
    if given.get("inhouse_people") not in (None, ""):
        people = _number("inhouse_people", given["inhouse_people"], 1, 100_000, integral=True)
    sensitivity = given.get("sensitivity") or sensitivity_of(text)
    if sensitivity is not None:
        sensitivity = str(sensitivity).strip().lower().replace(" ", "_").replace("-", "_")
        sensitivity = _LEVELS.get(sensitivity, sensitivity)
        if sensitivity not in SENSITIVITIES:
            options = ", ".join(SENSITIVITIES)
            raise _issue("sensitivity", "not_option", given["sensitivity"], options=options)
    growth = growth_of(text)
    if given.get("growth_pct") not in (None, ""):
        growth = _number("growth_pct", given["growth_pct"], -90, 1000)
    seats_from_people = False
    if "agents" not in cost_fields and "contacts_per_month" not in cost_fields and people:
        cost_fields["agents"], seats_from_people = int(people), True
    if "agents" not in cost_fields and "contacts_per_month" not in cost_fields:
        raise _issue("text", "empty", text)
    return Situation(
        cost_fields=cost_fields,
        inhouse_people=int(people) if people else None,
        sensitivity=sensitivity,
        growth_pct=Decimal(growth) if growth is not None else None,
        seats_from_people=seats_from_people,
        text=text,
        situations=situations,
    )


def _number(name: str, value: Any, low: int, high: int, integral: bool = False) -> Decimal:
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise _issue(name, "not_number", value) from None
    if not number.is_finite() or not low <= number <= high or (integral and number % 1):
        raise _issue(name, "out_of_range", value, low=low, high=high)
    return number
