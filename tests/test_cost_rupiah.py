"""In-house costs in Rupiah: read in both languages, converted at the cost model's rate, and
remembered as Rupiah."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.config import REPO_ROOT
from bot.cost.numbers import mark_rupiah
from bot.cost.request import CostValidationError
from bot.cost.service import CostService

COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")
RATE = COST.model.currency.idr_per_usd.value


@pytest.mark.parametrize(
    ("text", "idr"),
    [
        ("Biaya tim in-house kami Rp 180 juta per bulan", 180_000_000),
        ("tim CS sendiri habis 180jt sebulan", 180_000_000),
        ("saat ini kami bayar Rp180.000.000 per bulan", 180_000_000),
        ("biaya in-house 1,2 miliar setahun", 100_000_000),
        ("sekarang Rp 45 juta per bulan untuk CS", 45_000_000),
        ("Our in-house team costs Rp 45 juta per month", 45_000_000),
        ("we currently pay IDR 180,000,000 a month", 180_000_000),
        ("in-house costs 90 million rupiah per month", 90_000_000),
        ("kami bayar Rp 8 juta per orang per bulan untuk 5 agen", 40_000_000),
    ],
)
def test_rupiah_in_house_costs(text: str, idr: int) -> None:
    fields = COST.parse_fields(text)
    assert fields["inhouse_monthly_idr"] == idr
    assert "inhouse_monthly_usd" not in fields


@pytest.mark.parametrize(
    ("text", "contacts"),
    [
        ("2 juta chat per bulan, tim in-house", 2_000_000),
        ("15 ribu chat dan 2 ribu email per bulan", 17_000),
        ("15,000 chats and 2,000 emails a month", 17_000),
    ],
)
def test_a_juta_of_contacts_is_no_money(text: str, contacts: int) -> None:
    fields = COST.parse_fields(text)
    assert fields["contacts_per_month"] == contacts
    assert "inhouse_monthly_idr" not in fields


def test_marking_leaves_counts_and_dollars_alone() -> None:
    assert mark_rupiah("rp. 5 juta") == "rp 5 juta"
    assert mark_rupiah("180jt") == "rp 180 jt"
    assert mark_rupiah("1,5 juta pelanggan") == "1,5 juta pelanggan"
    assert mark_rupiah("$45k") == "$45k"


def test_without_a_cue_an_amount_is_in_house_only_in_a_brief() -> None:
    text = "10 support staff costing about $45k a month"
    assert "inhouse_monthly_usd" not in COST.parse_fields(text)
    fields = COST.parse_fields(text, inhouse=True)
    assert fields["inhouse_monthly_usd"] == 45_000


def test_same_cost_in_both_languages_and_currencies_gives_same_savings() -> None:
    id_fields = COST.parse_fields("20 agen, biaya in-house kami Rp 320 juta per bulan")
    en_fields = COST.parse_fields("20 agents, our in-house cost is Rp 320 juta a month")
    assert id_fields == en_fields
    in_idr = COST.estimate(id_fields)
    in_usd = COST.estimate({"agents": 20, "inhouse_monthly_usd": Decimal(320_000_000) / RATE})
    assert in_idr.comparison == in_usd.comparison
    assert in_idr.inputs["inhouse_currency"] == "IDR"
    assert in_idr.inputs["inhouse_monthly_idr"] == 320_000_000
    assert in_usd.inputs["inhouse_currency"] == "USD"
    keys = [key for key, _, _ in in_idr.assumptions]
    assert "currency.idr_per_usd" in keys and "currency.rate_date" in keys
    assert "currency.idr_per_usd" not in [key for key, _, _ in in_usd.assumptions]


def test_both_currencies_is_an_error_naming_the_field_in_words() -> None:
    with pytest.raises(CostValidationError) as caught:
        COST.estimate({"agents": 2, "inhouse_monthly_usd": 100, "inhouse_monthly_idr": 5})
    assert caught.value.field == "inhouse_monthly_idr"
    assert "Rupiah" in COST.issue_lines(caught.value, "id")
    assert "not both" in COST.issue_lines(caught.value, "en")


def test_exchange_rate_is_an_editable_assumption() -> None:
    leaf = COST.model.currency.idr_per_usd
    assert leaf.source == "assumption" and leaf.value > 0
    assert COST.model.currency.rate_date.value
    reply = COST.reply({"agents": 2, "inhouse_monthly_idr": 100_000_000}, "en")
    assert "Exchange rate (rupiah per USD)" in reply.text


def test_the_reply_shows_the_in_house_cost_in_rupiah_with_usd_beside() -> None:
    reply = COST.reply({"agents": 2, "inhouse_monthly_idr": 100_000_000}, "id")
    assert "Rp 100.000.000 ($6.250,00)" in reply.text
    assert "Rp " not in COST.reply({"agents": 2, "inhouse_monthly_usd": 6250}, "en").text


@given(st.integers(min_value=1, max_value=10**7))
def test_rupiah_and_its_dollars_give_the_same_comparison(usd_cents: int) -> None:
    usd = Decimal(usd_cents) / 100
    in_usd = COST.estimate({"agents": 3, "inhouse_monthly_usd": usd})
    in_idr = COST.estimate({"agents": 3, "inhouse_monthly_idr": usd * RATE})
    assert in_idr.comparison == in_usd.comparison
