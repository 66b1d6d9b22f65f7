"""A brief's own inputs: the in-house cost as the brief's field in Rupiah words and digits (the
estimator's parser reads the text; tests/test_cost_rupiah.py covers it there), the in-house team
counted from the text or given, data sensitivity and growth."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.answer.brief_input import read_situation
from bot.config import REPO_ROOT
from bot.cost.request import CostValidationError
from bot.cost.service import CostService

COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Rp 180 juta", {"inhouse_monthly_idr": 180_000_000}),
        ("180jt", {"inhouse_monthly_idr": 180_000_000}),
        ("Rp180.000.000", {"inhouse_monthly_idr": 180_000_000}),
        ("1,2 miliar", {"inhouse_monthly_idr": 1_200_000_000}),
        ("Rp 1,2 miliar per tahun", {"inhouse_monthly_idr": 100_000_000}),
        ("IDR 180,000,000", {"inhouse_monthly_idr": 180_000_000}),
        ("$45k", {"inhouse_monthly_usd": 45_000}),
        (45000, {"inhouse_monthly_usd": 45_000}),
    ],
)
def test_the_in_house_cost_field_reads_rupiah_and_dollars(given: object, expected: dict) -> None:
    situation = read_situation(COST, "", {"agents": 2, "inhouse_monthly": given})
    money = {k: v for k, v in situation.cost_fields.items() if k.startswith("inhouse_monthly")}
    assert money == expected


@pytest.mark.parametrize(
    ("text", "people", "fields"),
    [
        ("Kami punya 6 orang CS in-house", 6, {"agents": 6}),
        ("tim CS kami 5 orang, 90jt sebulan", 5, {"agents": 5, "inhouse_monthly_idr": 90_000_000}),
        ("We have 10 support staff", 10, {"agents": 10}),
        ("We're a team of twelve support reps", 12, {"agents": 12}),
        # With a monthly volume the seats come from the workload, the team stays the team.
        ("Kami 3 agen, 2000 chat per bulan", 3, {"contacts_per_month": 2000, "channels": ["chat"]}),
    ],
)
def test_the_in_house_team_is_counted_from_the_text(text: str, people: int, fields: dict) -> None:
    situation = read_situation(COST, text)
    assert situation.inhouse_people == people
    assert situation.cost_fields == fields
    assert situation.seats_from_people == ("contacts_per_month" not in fields)


def test_given_fields_win_over_the_text() -> None:
    text = "Tim CS kami 6 orang, biaya Rp 180 juta per bulan, data pasien."
    given = {"inhouse_people": "8", "inhouse_monthly": "$9000", "sensitivity": "none"}
    situation = read_situation(COST, text, given)
    assert situation.inhouse_people == 8 and situation.sensitivity == "none"
    assert situation.cost_fields["inhouse_monthly_usd"] == 9000
    assert "inhouse_monthly_idr" not in situation.cost_fields


@pytest.mark.parametrize(
    ("text", "level", "growth"),
    [
        ("data pelanggan sensitif (pembayaran)", "financial_or_health", None),
        ("we keep customers' personal data", "personal", None),
        ("data tidak sensitif, diperkirakan tumbuh 30%", "none", Decimal(30)),
        ("expecting 12.5% growth next year", None, Decimal("12.5")),
    ],
)
def test_sensitivity_and_growth_from_the_text(
    text: str, level: str | None, growth: Decimal | None
) -> None:
    situation = read_situation(COST, text + ", 4 agen", None)
    assert (situation.sensitivity, situation.growth_pct) == (level, growth)


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"inhouse_monthly": "banyak"}, "inhouse_monthly"),
        ({"inhouse_people": "2.5"}, "inhouse_people"),
        ({"inhouse_people": "0"}, "inhouse_people"),
    ],
)
def test_a_bad_brief_field_is_named(given: dict, field: str) -> None:
    with pytest.raises(CostValidationError) as caught:
        read_situation(COST, "", {"agents": 2, **given})
    assert caught.value.issues[0].field == field
