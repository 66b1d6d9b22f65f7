"""The cost tab without a browser: what it shows for an estimate, a comparison and a bad field."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from bot.config import REPO_ROOT
from bot.cost.service import CostService
from bot.prompts import load_prompts
from bot.surfaces.ui import cost as ui_cost
from bot.surfaces.ui.cost_chart import nice_top

FORM = ui_cost.CostForm(
    load_prompts(REPO_ROOT / "prompts"),
    CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts"),
)


def view(lang: str, **typed):
    values = {name: "" for name in ui_cost.INPUTS} | {"channels": [], "languages": []}
    status, text, chart, *marks = ui_cost.estimate_view(FORM, lang, values | typed)
    marked = {
        name: mark["info"]
        for name, mark in zip(ui_cost.INPUTS, marks, strict=True)
        if mark.get("elem_classes")
    }
    return status, text, chart, marked


@pytest.mark.parametrize(
    ("largest", "top", "step"),
    [("152234.25", "200000", "50000"), ("9", "10", "2.5"), ("43800", "60000", "20000"), ("0", "1", "0.25")],
)  # fmt: skip
def test_the_axis_ends_on_a_round_step_above_the_largest_bar(largest, top, step):
    assert nice_top(Decimal(largest)) == (Decimal(top), Decimal(step))


def test_the_default_option_is_named_and_listed_once():
    options = ui_cost.choices("coverage", "en", FORM)
    assert options[0] == ("Business hours (default)", "")
    assert [value for _, value in options] == ["", "extended", "24x7"]
    assert ui_cost.choices("location", "id", FORM)[0] == ("Negara dekat (nearshore) (bawaan)", "")


def test_a_comparison_has_one_chart_with_a_bar_per_option_and_one_time_costs_apart():
    status, text, chart, marked = view("id", agents="5", coverage="24x7", compare="location")
    assert status == "" and marked == {}
    assert "| Tenaga kerja | 43.800,00 | 73.000,00 | 109.500,00 |" in text
    assert "**Mengapa 31 orang?** 5 kursi terisi bersamaan" in text
    assert chart.count('class="bot-chart"') == 1
    groups, one_time = chart.split('class="bot-one-time"')
    assert groups.count('class="bot-bar ') == 3 * groups.count('class="bot-group"')
    assert "Penyiapan" not in groups and "$16.380,00" in one_time  # setup apart, in Rupiah style
    assert ">50.000<" in groups and ">62.554<" in groups  # axis and values in Indonesian


def test_typed_values_are_compared_as_numbers_in_the_ui_language():
    _, text, chart, _ = view("en", compare="agents", compare_values="2; 10.000")
    heads = re.findall(r'<li><span class="bot-swatch [^"]+"></span>([^<]+)</li>', chart)
    assert heads == ["2", "10,000"]
    assert "Comparison by number of agents" in text


@pytest.mark.parametrize(
    ("lang", "typed", "field", "message"),
    [
        ("id", {"agents": "0"}, "agents", "Minimal 1; Anda mengetik “0”."),
        ("en", {"agents": "0"}, "agents", "Must be at least 1; you typed “0”."),
        ("id", {"service_level_pct": "150"}, "service_level_pct", "Harus kurang dari 100; Anda mengetik “150”."),
        ("id", {"avg_handle_minutes": "2,5x"}, "avg_handle_minutes", "Harus berupa angka, mis. 5 atau 2,5; Anda mengetik “2,5x”."),
        ("en", {"months": "abc"}, "months", "Must be a whole number; you typed “abc”."),
        ("en", {"compare": "agents"}, "compare_values", "Give the values to compare, e.g. 5; 10; 20."),
        ("en", {"compare": "agents", "compare_values": "1; 0"}, "compare_values", "Must be at least 1"),
    ],
)  # fmt: skip
def test_a_wrong_field_is_marked_in_words_and_the_ui_language(lang, typed, field, message):
    status, text, chart, marked = view(lang, **typed)
    assert list(marked) == [field] and message in marked[field]
    assert text == chart == ""
    for internal in ("`", "agents ", "service_level_pct", "avg_handle", "inhouse_monthly_usd"):
        assert internal not in status


def test_a_decimal_comma_is_read_as_typed():
    status, text, _, _ = view(
        "id", contacts_per_month="10.000", channels=["chat"], avg_handle_minutes="2,5"
    )
    assert status == ""
    assert "AHT 2,5 menit" in text  # in the folded details
