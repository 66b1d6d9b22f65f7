"""`bot brief`: the brief's figures are `bot cost --json`'s for the same fields; Markdown, JSON
and a file; errors in the chosen language with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from bot.surfaces import brief_cli, cost_cli

SHOP_ID = (
    "Kami toko online di Surabaya, 6 orang CS in-house, biaya sekitar Rp 180 juta per bulan, "
    "sekitar 15 ribu chat dan 2 ribu email per bulan, mau 24/7, data pelanggan sensitif "
    "(pembayaran)."
)


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Keep `brief` and `cost` subcommands, as in the real CLI."""

    brief_cli.register(app)
    cost_cli.register(app)
    return app


def invoke(app: typer.Typer, *args: str):
    return CliRunner().invoke(app, list(args))


def test_brief_figures_equal_bot_cost_json(app: typer.Typer) -> None:
    result = invoke(app, "brief", SHOP_ID, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["lang"] == "id" and data["currency"] == "IDR"
    cost = invoke(
        app, "cost", "--json", "--contacts", "17000", "--channels", "chat,email",
        "--coverage", "24x7", "--location", data["figures"]["best_location"],
    )  # fmt: skip
    expected = json.loads(cost.stdout)
    estimate = data["figures"]["estimate"]
    for key in ("monthly_total_usd", "one_time_total_usd", "total_usd", "lines", "seats"):
        assert estimate[key] == expected[key]
    assert estimate["comparison"]["inhouse_monthly_usd"] == 11250.0


def test_flags_build_the_same_brief_as_the_text(app: typer.Typer) -> None:
    from_text = json.loads(invoke(app, "brief", SHOP_ID, "--json", "--lang", "en").stdout)
    from_flags = invoke(
        app, "brief", "--json", "--lang", "en", "--contacts", "17000", "--channels",
        "chat,email", "--coverage", "24x7", "--inhouse-monthly", "180jt",
        "--inhouse-people", "6", "--sensitivity", "financial",
    )  # fmt: skip
    assert from_flags.exit_code == 0, from_flags.output
    data = json.loads(from_flags.stdout)
    assert data["figures"] == from_text["figures"]
    assert data["cited_ids"] == from_text["cited_ids"]
    assert data["risks"][0] == "challenges#3"


def test_markdown_to_a_file(app: typer.Typer, tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    result = invoke(app, "brief", "--agents", "4", "--lang", "en", "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Decision brief")
    assert "## 8. Assumed and missing" in text and "**Sources:**" in text


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--agents", "0", "--lang", "id"], "jumlah agen"),
        (["--agents", "2", "--sensitivity", "secret", "--lang", "en"], "data sensitivity"),
        (["--lang", "id"], "Ceritakan situasi Anda"),
        (["--agents", "2", "--inhouse-monthly", "lots", "--lang", "en"], "in-house monthly cost"),
    ],
)
def test_errors_in_the_chosen_language(app: typer.Typer, args: list[str], needle: str) -> None:
    result = invoke(app, "brief", *args)
    assert result.exit_code == 2
    assert needle in result.stderr
