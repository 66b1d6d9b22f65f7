"""`bot cost` through typer's CliRunner on a local app the command registers into."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from bot.surfaces import cost_cli

MUST_SHOW = ["cost", "--agents", "5", "--coverage", "24x7", "--location", "offshore"]


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Keep `cost` a subcommand, as it is in the real CLI."""

    cost_cli.register(app)
    return app


def invoke(app: typer.Typer, *args: str):
    return CliRunner().invoke(app, list(args))


def test_json_is_the_same_bytes_on_every_run(app: typer.Typer) -> None:
    first, second = invoke(app, *MUST_SHOW, "--json"), invoke(app, *MUST_SHOW, "--json")
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["monthly_total_usd"] == 62553.75
    assert data["total_usd"] == 767025.0
    assert data["inputs"]["coverage"] == "24x7"
    assert first.stdout == json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2) + "\n"


def test_domestic_above_nearshore_above_offshore(app: typer.Typer) -> None:
    totals = {}
    for location in ("offshore", "nearshore", "domestic"):
        args = [*MUST_SHOW[:-1], location, "--json"]
        totals[location] = json.loads(invoke(app, *args).stdout)["monthly_total_usd"]
    assert totals == {"offshore": 62553.75, "nearshore": 102411.75, "domestic": 152234.25}


@pytest.mark.parametrize(
    ("lang", "snippets"),
    [
        ("id", ["**Total per bulan: $62.553,75**", "Tenaga kerja", "kisaran $10–$50 per jam"]),
        ("en", ["**Monthly total: $62,553.75**", "Labour", "$10–$50 per hour band"]),
    ],
)
def test_human_output_in_both_languages(app: typer.Typer, lang: str, snippets: list[str]) -> None:
    result = invoke(app, *MUST_SHOW, "--lang", lang)
    assert result.exit_code == 0
    for snippet in snippets:
        assert snippet in result.stdout


def test_coverage_alias(app: typer.Typer) -> None:
    a = invoke(app, *MUST_SHOW, "--json").stdout
    b = invoke(
        app, "cost", "--agents", "5", "--coverage", "24/7", "--location", "offshore", "--json"
    )
    assert a == b.stdout


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--agents", "0"], "agents"),
        (["--agents", "-4"], "agents"),
        (["--agents", "1000000000"], "agents"),
        (["--agents", "lima"], "agents"),
        (["--location", "mars"], "location"),
        (["--service-level", "120"], "service_level_pct"),
        (["--channels", "phone,fax"], "channels"),
        (["--languages", "xx"], "languages"),
    ],
)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_invalid_input_exits_2_with_the_field_named(
    app: typer.Typer, args: list[str], field: str, lang: str
) -> None:
    result = invoke(app, "cost", *args, "--lang", lang)
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"`{field}`" in result.stderr
    title = "Input estimasi biaya tidak valid" if lang == "id" else "Invalid cost-estimate input"
    assert title in result.stderr
    assert "Traceback" not in result.output


def test_compare_location_side_by_side(app: typer.Typer) -> None:
    result = invoke(
        app, "cost", "--agents", "5", "--coverage", "24x7", "--compare", "location", "--lang", "en"
    )
    assert result.exit_code == 0
    assert "| | offshore | nearshore | domestic |" in result.stdout
    assert (
        "| **Monthly total** | **$62,553.75** | **$102,411.75** | **$152,234.25** |"
        in result.stdout
    )


def test_compare_any_field_with_values_and_as_json(app: typer.Typer) -> None:
    result = invoke(app, "cost", "--compare", "agents=1,5,10", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert list(data) == ["1", "10", "5"]  # sorted keys
    assert (
        data["1"]["monthly_total_usd"]
        < data["5"]["monthly_total_usd"]
        < data["10"]["monthly_total_usd"]
    )
    channels = invoke(app, "cost", "--compare", "channels", "--lang", "en")
    assert "| | phone | email | chat | social media |" in channels.stdout


def test_compare_numeric_field_without_values_is_explained(app: typer.Typer) -> None:
    result = invoke(app, "cost", "--compare", "agents", "--lang", "en")
    assert result.exit_code == 2
    assert "--compare agents=1,5,10" in result.stderr


def test_question_option_reads_fields(app: typer.Typer) -> None:
    from_words = invoke(app, "cost", "-q", "lima agen telepon luar negeri 24/7", "--json").stdout
    assert from_words == invoke(app, *MUST_SHOW, "--channels", "phone", "--json").stdout
