"""The estimator: exact figures, the cost model file, validation, rendering and the tool."""

from __future__ import annotations

import json
from decimal import Decimal
from itertools import product
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from bot.answer.tools import estimate_cost_tool
from bot.config import REPO_ROOT
from bot.cost.erlang import required_seats
from bot.cost.estimate import (
    CostRequest,
    CostValidationError,
    compare,
    estimate,
    validate_request,
)
from bot.cost.model import (
    EXPERTISE_LEVELS,
    LOCATIONS,
    SUPPORT_TYPES,
    CostModelError,
    load_cost_model,
)
from bot.cost.render import (
    load_phrases,
    render_comparison,
    render_cost,
    render_cost_error,
    render_issues,
)
from bot.cost.service import CostService

# The estimator over the repository's own cost model and phrases.
COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")

MODEL_FILE = REPO_ROOT / "corpus" / "cost_model.yaml"
MUST_SHOW = {"agents": 5, "coverage": "24x7", "location": "offshore"}


def run(**fields: object):
    return estimate(validate_request(fields), COST.model)


def test_every_rate_lies_in_the_article_band() -> None:
    model = COST.model
    assert (model.rate_band_usd_per_hour.min.value, model.rate_band_usd_per_hour.max.value) == (
        10,
        50,
    )
    for combo in product(LOCATIONS, SUPPORT_TYPES, EXPERTISE_LEVELS):
        assert 10 <= model.hourly_rate(*combo) <= 50, combo


def test_every_assumption_names_its_source() -> None:
    leaves = COST.model.leaves()
    assert len(leaves) > 40
    assert {leaf.source for leaf in leaves.values()} == {"article", "assumption"}
    assert leaves["rate_band_usd_per_hour.min"].source == "article"
    assert all(leaf.note for leaf in leaves.values())


def _edited(tmp_path: Path, edit) -> Path:
    raw = yaml.safe_load(MODEL_FILE.read_text(encoding="utf-8"))
    edit(raw)
    path = tmp_path / "cost_model.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edit", "needle"),
    [
        (lambda raw: raw["base_rate_usd_per_hour"]["domestic"].update(value=45), "outside"),
        (lambda raw: raw["base_rate_usd_per_hour"]["offshore"].update(value=35), "non-decreasing"),
        (lambda raw: raw["expertise_multiplier"]["skilled"].update(value=0.9), "non-decreasing"),
        (lambda raw: raw["staffing"]["shrinkage_pct"].update(value=100), "shrinkage"),
        (lambda raw: raw["costs"]["setup_fee_usd"].update(source="folklore"), "source"),
        (lambda raw: raw["costs"]["fees_pct_of_labour"].update(value=-1), "negative"),
    ],
)
def test_model_file_edits_that_break_promises_are_refused(
    tmp_path: Path, edit, needle: str
) -> None:
    with pytest.raises(CostModelError, match=needle):
        load_cost_model(_edited(tmp_path, edit))


def test_edited_model_changes_the_figures(tmp_path: Path) -> None:
    model = load_cost_model(
        _edited(tmp_path, lambda raw: raw["costs"]["setup_fee_usd"].update(value=0))
    )
    result = estimate(validate_request(MUST_SHOW), model)
    assert result.one_time_total_usd == Decimal("14880.00")


def test_five_offshore_agents_24x7_to_the_cent() -> None:
    result = run(**MUST_SHOW)
    lines = {line.key: line.amount_usd for line in result.lines}
    assert lines == {
        "labour": Decimal("43800.00"),  # 5 seats x 730 h x $12
        "technology": Decimal("2635.00"),  # 31 people x ($60 + $25 phone)
        "training_management": Decimal("4380.00"),  # 10% of labour
        "fees": Decimal("2190.00"),  # 5%
        "coverage_premium": Decimal("6570.00"),  # 15% for 24/7
        "language_premium": Decimal("0.00"),  # one language
        "hidden_allowance": Decimal("2978.75"),  # 5% of 59,575
        "setup_onboarding": Decimal("16380.00"),  # 1,500 + 31 x 40 h x $12
    }
    assert result.monthly_total_usd == Decimal("62553.75")
    assert result.total_usd == Decimal("767025.00")
    assert (result.seats, result.agent_hours_per_month, result.fte, result.headcount) == (
        5,
        Decimal("3650"),
        Decimal("30.08"),
        31,
    )
    assert result.hourly_rate_usd == 12
    assert result.defaults_used == ("channels", "expertise", "languages", "months", "support_type")


def test_domestic_costs_more_than_nearshore_more_than_offshore() -> None:
    totals = [run(**{**MUST_SHOW, "location": loc}).monthly_total_usd for loc in LOCATIONS]
    assert totals == [Decimal("62553.75"), Decimal("102411.75"), Decimal("152234.25")]


def test_json_has_numbers_and_is_byte_stable() -> None:
    first, second = run(**MUST_SHOW).to_json(), run(**MUST_SHOW).to_json()
    assert first == second
    data = json.loads(first)
    assert data["monthly_total_usd"] == 62553.75
    assert isinstance(data["monthly_total_usd"], float)
    assert data["lines"][0] == {
        "amount_usd": 43800.0,
        "basis": {"agent_hours": 3650.0, "rate_usd": 12.0},
        "key": "labour",
        "kind": "monthly",
    }
    assert {a["source"] for a in data["assumptions"]} == {"article", "assumption"}


def test_workload_is_staffed_with_erlang_c() -> None:
    result = run(contacts_per_month=10_000, channels=["phone"], location="offshore")
    # 10,000 calls over 173.6 business hours x 6 min = 5.76 Erlangs -> 9 seats for 80/20.
    expected = required_seats(10_000 / 173.6 * 6 / 60, 360, 20, 0.8, 0.85)
    assert result.mode == "workload"
    assert result.seats == expected.seats == 9
    assert result.cost_per_contact_usd == (result.monthly_total_usd / 10_000).quantize(
        Decimal("0.01")
    )
    assert {"avg_handle_minutes", "service_level_pct", "answer_within_seconds"} <= set(
        result.defaults_used
    )
    assert "email_response_hours" not in result.defaults_used


def test_email_is_workload_over_occupancy() -> None:
    result = run(contacts_per_month=30_000, channels=["email"], coverage="business_hours")
    # 30,000 emails x 8 min / 173.6 h = 23.04 Erlangs -> ceil(23.04 / 0.85) = 28 seats
    assert result.seats == 28


def test_agents_win_over_workload_and_volume_gives_cost_per_contact() -> None:
    result = run(agents=5, contacts_per_month=5000, **{"coverage": "24x7", "location": "offshore"})
    assert result.mode == "agents" and result.seats == 5
    assert result.cost_per_contact_usd == Decimal("12.51")


def test_inhouse_comparison() -> None:
    cmp = run(**MUST_SHOW, inhouse_monthly_usd=80_000).comparison
    assert cmp is not None
    assert cmp.monthly_savings_usd == Decimal("17446.25")
    assert cmp.horizon_savings_usd == Decimal("192975.00")  # 960,000 - 767,025
    assert cmp.roi_pct == Decimal("25.2")
    assert cmp.break_even_month == 1
    assert run(**MUST_SHOW, inhouse_monthly_usd=50_000).comparison.break_even_month is None


def test_language_premium_is_a_separate_line() -> None:
    result = run(**MUST_SHOW, languages=["id", "en", "en"])
    assert result.inputs["languages"] == ("en", "id")
    line = next(line for line in result.lines if line.key == "language_premium")
    assert line.amount_usd == Decimal("4380.00")


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        ({"agents": 0}, "agents", "greater_than_equal"),
        ({"agents": -3}, "agents", "greater_than_equal"),
        ({"agents": 1_000_000_000}, "agents", "less_than_equal"),
        ({"agents": "lima"}, "agents", "not_integer"),
        ({"location": "mars"}, "location", "not_option"),
        ({"coverage": "sometimes"}, "coverage", "not_option"),
        ({"service_level_pct": 120}, "service_level_pct", "less_than"),
        ({"channels": ["fax"]}, "channels", "not_option"),
        ({"channels": []}, "channels", "empty"),
        ({"languages": ["klingon"]}, "languages", "unknown_language"),
        ({"months": 0}, "months", "greater_than_equal"),
        ({"inhouse_monthly_usd": -5}, "inhouse_monthly_usd", "greater_than"),
        ({"contacts_per_month": 10**12}, "contacts_per_month", "less_than_equal"),
        ({"seats": 5}, "seats", "unknown_field"),
        ({"agents": True}, "agents", "not_integer"),  # JSON true is no count of agents
        ({"months": False}, "months", "not_integer"),
        ({"contacts_per_month": True}, "contacts_per_month", "not_integer"),
        ({"avg_handle_minutes": True}, "avg_handle_minutes", "not_number"),
        ({"inhouse_monthly_usd": True}, "inhouse_monthly_usd", "not_number"),
    ],
)
def test_invalid_input_names_the_field_in_both_languages(data: dict, field: str, code: str) -> None:
    with pytest.raises(CostValidationError) as info:
        validate_request(data)
    err = info.value
    assert (err.field, err.issues[0].code) == (field, code)
    messages = {lang: render_issues(err.issues, lang, COST.prompts_dir) for lang in ("id", "en")}
    assert all(f"`{field}`" in text for text in messages.values())
    assert messages["id"] != messages["en"]
    assert render_cost_error(err, "id", COST.prompts_dir).startswith(
        load_phrases("id", COST.prompts_dir)["error_title"]
    )


def test_workload_beyond_the_model_is_a_validation_error() -> None:
    with pytest.raises(CostValidationError) as info:
        run(contacts_per_month=10_000_000, avg_handle_minutes=60, coverage="business_hours")
    assert info.value.field == "contacts_per_month"
    assert "10.000" in render_issues(
        info.value.issues, "id", COST.prompts_dir
    ) and "10,000" in render_issues(info.value.issues, "en", COST.prompts_dir)


def test_aliases_are_accepted() -> None:
    request = validate_request(
        {"coverage": "24/7", "channels": "chat, phone", "location": "Offshore"}
    )
    assert (request.coverage, request.channels, request.location) == (
        "24x7",
        ("phone", "chat"),
        "offshore",
    )
    assert validate_request({"coverage": "business hours"}).coverage == "business_hours"


def test_request_forbids_extra_fields_and_is_frozen() -> None:
    assert CostRequest.model_config["extra"] == "forbid"
    with pytest.raises(ValidationError):
        validate_request({"agents": 1}).agents = 2  # type: ignore[misc]


def test_compare_every_location() -> None:
    results = compare(
        validate_request({"agents": 5, "coverage": "24x7"}), "location", None, COST.model
    )
    assert [label for label, _ in results] == list(LOCATIONS)
    totals = [r.monthly_total_usd for _, r in results]
    assert totals == sorted(totals)
    table = render_comparison("location", results, "en", COST.prompts_dir)
    assert "| | offshore | nearshore | domestic |" in table
    with pytest.raises(CostValidationError) as info:
        compare(validate_request({}), "agents", None, COST.model)
    assert info.value.issues[0].code == "compare_needs_values"
    assert [r.seats for _, r in compare(validate_request({}), "agents", [1, 3], COST.model)] == [
        1,
        3,
    ]


def test_tool_calls_the_same_function() -> None:
    tool = estimate_cost_tool(COST)
    assert tool.name == "estimate_cost"
    assert tool.args_schema is CostRequest
    assert tool.invoke(MUST_SHOW) == run(**MUST_SHOW).to_json_dict()
    schema = tool.tool_call_schema.model_json_schema()
    assert "location" in schema["properties"]


def test_tool_reports_invalid_input_as_text() -> None:
    tool = estimate_cost_tool(COST)
    message = tool.invoke({"agents": 0})
    assert "`agents`" in message and "at least 1" in message


def test_phrase_files_have_the_same_keys() -> None:
    def keys(node: object, prefix: str = "") -> set[str]:
        if isinstance(node, dict):
            return set().union(*(keys(v, f"{prefix}{k}.") for k, v in node.items()))
        return {prefix}

    tables = {
        lang: yaml.safe_load(
            (REPO_ROOT / "prompts" / lang / "cost.yaml").read_text(encoding="utf-8")
        )
        for lang in ("id", "en")
    }
    assert keys(tables["id"]) == keys(tables["en"])
    assert set(tables["id"]["fields"]) >= set(CostRequest.model_fields)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("id", ["**Total per bulan: $62.553,75**", "| Tenaga kerja | 3.650 jam-agen × $12,00/jam | 43.800,00 |",
                "kisaran $10–$50 per jam yang disebut artikel", "Premi jam layanan"]),
        ("en", ["**Monthly total: $62,553.75**", "| Labour | 3,650 agent-hours × $12.00/hour | 43,800.00 |",
                "$10–$50 per hour band the article gives", "Coverage premium"]),
    ],
)  # fmt: skip
def test_render_in_both_languages(lang: str, expected: list[str]) -> None:
    text = render_cost(run(**MUST_SHOW), lang, COST.prompts_dir)
    assert text.startswith(f"### {load_phrases(lang, COST.prompts_dir)['sentinel']}")
    for snippet in expected:
        assert snippet in text
    assert load_phrases(lang, COST.prompts_dir)["assumptions_title"] in text
    assert load_phrases(lang, COST.prompts_dir)["defaults_title"] in text


def test_render_workload_and_comparison() -> None:
    text = render_cost(
        run(contacts_per_month=10_000, inhouse_monthly_usd=60_000), "id", COST.prompts_dir
    )
    assert "Erlang" in text and "kursi" in text
    assert "**Biaya per kontak:**" in text and "**Dibanding in-house $60.000,00/bulan:**" in text


@pytest.mark.parametrize(("agents", "word"), [(1, "1 seat at a time"), (2, "2 seats at a time")])
def test_the_headline_says_seat_or_seats_by_the_number(agents, word):
    from bot.cost.service import CostService

    cost = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")
    headline = cost.reply(cost.request_from({"agents": agents}), "en").summary.splitlines()[1]
    assert word in headline
